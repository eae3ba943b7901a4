import Foundation
import Testing

@testable import Check

/// The plain readings `check.stale` makes of the files it finds under content/ and theme/.
@Suite struct StaleSourceRulesTests {
  func isDraft(_ text: String) throws -> Bool {
    let fixture = try FixtureSite(["content/glossary/a.md": text])
    return StaleSources.isDraft(fixture.root.appendingPathComponent("content/glossary/a.md").path)
  }

  @Test func aDraftIsReadFromTheFrontMatterOnly() throws {
    #expect(try isDraft("---\ntitle: 用語\ndraft: true\n---\n本文\n"))
    #expect(try isDraft("\u{FEFF}---\r\ntitle: 用語\r\ndraft: yes  # まだ\r\n---\r\n"))
    #expect(try isDraft("---\ndraft: \"True\"\n---\n"))
    #expect(try !isDraft("---\ntitle: 用語\ndraft: false\n---\n"))
    #expect(try !isDraft("---\ntitle: 用語\n---\ndraft: true\n"))
    #expect(try !isDraft("---\nnotes:\n  draft: true\n---\n"))
    #expect(try !isDraft("title: 用語\ndraft: true\n"))
  }

  @Test func filesTheBuildNeverReads() {
    #expect(StaleSources.isRead("initiatives/a.md", in: "content"))
    #expect(!StaleSources.isRead("files/.gitkeep", in: "content"))
    #expect(!StaleSources.isRead(".git/config", in: "content"))
    #expect(!StaleSources.isRead("initiatives/_notes/a.md", in: "content"))
    #expect(StaleSources.isRead("templates/_card.mustache", in: "theme"))
    #expect(!StaleSources.isRead("templates/.layout.mustache.swp", in: "theme"))
  }
}
