import Foundation
import TestSupport
import Testing

@testable import Build

/// How events' lists and pages say how to take part, and what the calendar button does.
@Suite struct EventWordingTests {
  @Test func listsAndPagesSayHowToTakePart() throws {
    let content = try copyFixture()
    let output = content.deletingLastPathComponent().appendingPathComponent("site")
    let report = SiteBuilder.build(options(content: content, output: output))
    #expect(report.succeeded, "\(report.diagnostics.map(\.text))")
    func read(_ path: String) throws -> String {
      try String(contentsOf: output.appendingPathComponent(path), encoding: .utf8)
    }
    let seminar = try read("events/seminar/index.html")
    #expect(seminar.contains("<div><dt>参加のしかた</dt><dd>会場かオンラインで参加</dd></div>"))
    // The button says it saves a file, as the footer's does.
    #expect(
      seminar.contains(
        "type=\"text/calendar\">カレンダーアプリに入れる（ファイルを保存します）</a>"))
    // A past event in the list: not a bare 「（会場）」.
    let list = try read("events/index.html")
    #expect(list.contains("</time>（会場で参加）</p>"), "\(list)")
    #expect(!list.contains("（会場）"))
    let initiative = try read("initiatives/ai-disaster/index.html")
    #expect(initiative.contains("</time>まで（会場かオンラインで参加）</p>"))
    // 更新情報 stays in the footer while empty, and its page says why it is and what to do.
    let updates = try read("updates/index.html")
    #expect(updates.contains("<p>更新したページは、まだありません。ページを新しく公開したときや、内容を新しくしたときに、ここに載せます。"))
    #expect(try read("index.html").contains(">更新情報</a></li>"))
  }

  /// The menu's link to the section: the page itself on /initiatives/ (`aria-current="page"`),
  /// the section a page is in on an initiative's page (`"true"`), none on the home page.
  @Test func theMenuSaysWhetherItsLinkIsThisPageOrItsSection() throws {
    let content = try copyFixture()
    let output = content.deletingLastPathComponent().appendingPathComponent("site")
    #expect(SiteBuilder.build(options(content: content, output: output)).succeeded)
    func current(_ path: String) throws -> [String] {
      let html = try String(contentsOf: output.appendingPathComponent(path), encoding: .utf8)
      let menu = html.components(separatedBy: "<nav class=\"site-nav\"").dropFirst().first ?? ""
      let nav = menu.components(separatedBy: "</nav>").first ?? ""
      return nav.components(separatedBy: "aria-current=\"").dropFirst().map {
        String($0.prefix { $0 != "\"" })
      }
    }
    #expect(try current("initiatives/index.html") == ["page"])
    #expect(try current("initiatives/ai-disaster/index.html") == ["true"])
    #expect(try current("index.html") == [])
  }
}
