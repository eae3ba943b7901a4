import Content
import Foundation
import Site
import TestSupport
import Testing

@testable import Render

/// A field's upcoming events (`Site.upcomingEvents(of:)`), found through `eventsByInitiative`,
/// are those the rule names: every upcoming event that names one of the field's initiatives,
/// in the order of /events/, each once.
@Suite struct FieldEventsTests {
  /// The rule as written before: every upcoming event's front matter read for the field.
  func reference(_ site: Site, _ field: FieldNode) -> [Int] {
    let slugs = Set(field.initiatives.map { site.pages[$0].slug })
    return site.upcomingEvents.filter { i in
      guard case .event(let m) = site.pages[i].page.meta else { return false }
      return m.initiatives.contains { slugs.contains($0.id) }
    }
  }

  /// Four fields, one without initiatives; initiatives in one field or two; events (upcoming and past) naming
  /// no initiative, one, several across fields, one twice, or a slug no page has, with starts
  /// not in the order of their paths.
  @Test func aFieldHasTheUpcomingEventsOfItsInitiatives() throws {
    let content = try temporaryFolder("field-events").appendingPathComponent("content")
    var files: [String: String] = [
      "site.yml": """
      title: テスト
      base_url: https://x.example/
      domains:
        - { id: life, name: 暮らし, fields: [{ id: safety, name: 安全 }, { id: care, name: 福祉 }] }
        - { id: work, name: 仕事, fields: [{ id: jobs, name: 雇用 }, { id: idle, name: 空き }] }

      """,
      "initiatives/a.md": "title: 取組A\nfields: [safety]\n",
      "initiatives/b.md": "title: 取組B\nfields: [safety, care]\n",
      "initiatives/c.md": "title: 取組C\nfields: [care]\n",
      "initiatives/d.md": "title: 取組D\nfields: [jobs]\n",
    ]
    let events: [(String, String, String)] = [
      ("e1", "2026-12-20T10:00:00+09:00", "[a]"),
      ("e2", "2026-12-01T10:00:00+09:00", "[b, c]"),
      ("e3", "2027-01-05T10:00:00+09:00", "[c, c]"),
      ("e4", "2026-09-01T10:00:00+09:00", "[a, b]"),  // past
      ("e5", "2026-12-10T10:00:00+09:00", "[d, nobody]"),
      ("e6", "2026-12-10T09:00:00+09:00", "[]"),
      ("e7", "2026-12-24T00:00:00+09:00", "[a, c]"),
    ]
    for (slug, start, names) in events {
      files["events/\(slug).md"] =
        "title: 催し\(slug)\nstart: \(start)\nplace: 県庁\ninitiatives: \(names)\n"
    }
    for (path, text) in files where path.hasSuffix(".md") {
      files[path] = "---\n\(text)summary: 要約です。\n---\n\n本文です。\n"
    }
    try writeFiles(files, into: content)
    let site = try resolvedSite(content)
    #expect(site.pages.count == 11 && site.upcomingEvents.count == 6, "\(site.pages.map(\.slug))")
    func slugs(_ events: [Int]) -> [String] { events.map { site.pages[$0].slug } }
    let fields = Dictionary(
      uniqueKeysWithValues: site.domains.flatMap(\.fields).map { ($0.config.id, $0) })
    let safety = try #require(fields["safety"])
    let care = try #require(fields["care"])
    let jobs = try #require(fields["jobs"])
    let idle = try #require(fields["idle"])
    #expect(slugs(site.upcomingEvents(of: safety)) == ["e2", "e1", "e7"])
    #expect(slugs(site.upcomingEvents(of: care)) == ["e2", "e7", "e3"])
    #expect(slugs(site.upcomingEvents(of: jobs)) == ["e5"])
    #expect(site.upcomingEvents(of: idle).isEmpty)
    for field in [safety, care, jobs, idle] {
      #expect(site.upcomingEvents(of: field) == reference(site, field))
    }
  }
}
