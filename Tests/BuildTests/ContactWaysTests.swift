import Foundation
import TestSupport
import Testing

@testable import Build

/// Ways to ask without the website (site.yml's `contact` and `departments`) where residents
/// look for them: every footer, an initiative's 担当, an event that takes registrations online.
@Suite struct ContactWaysTests {
  static let contact = """
    operator: 千葉県 総務部 デジタル改革推進局
    contact:
      url: /strategy/basics/
      phone: 043-000-0100
      fax: 043-000-0101
      email: dx-portal@pref.chiba.example
      hours: 平日の9時から17時まで
    departments:
      防災危機管理部: { phone: 043-000-0200, fax: 043-000-0201 }

    """

  /// The fixture built with `yml` added to its site.yml and `edit` applied to its files; the
  /// pages' text by path.
  func built(adding yml: String, edit: (URL) throws -> Void = { _ in }) throws
    -> (String) throws -> String
  {
    let content = try copyFixture()
    let file = content.appendingPathComponent("site.yml")
    try (try String(contentsOf: file, encoding: .utf8) + yml).write(
      to: file, atomically: true, encoding: .utf8)
    try edit(content)
    let output = content.deletingLastPathComponent().appendingPathComponent("site")
    let report = SiteBuilder.build(options(content: content, output: output))
    #expect(report.succeeded, "\(report.diagnostics.map(\.text))")
    return { try String(contentsOf: output.appendingPathComponent($0), encoding: .utf8) }
  }

  @Test func everyFooterGivesThePhoneFaxEmailAndHours() throws {
    let page = try built(adding: Self.contact)
    for path in ["index.html", "glossary/index.html", "events/seminar/index.html"] {
      let footer = try page(path).components(separatedBy: "<footer")[1]
      #expect(footer.contains("電話・ファクス・メールでの問い合わせ</h2>"), "\(path)")
      #expect(
        footer.contains(
          "<div><dt>電話</dt><dd><a class=\"tel\" href=\"tel:0430000100\">043-000-0100</a></dd></div>"
        ))
      #expect(
        footer.contains("<div><dt>ファクス</dt><dd><span class=\"tel\">043-000-0101</span></dd></div>"))
      #expect(
        footer.contains(
          "<a href=\"mailto:dx-portal@pref.chiba.example\">dx-portal@pref.chiba.example</a>"))
      #expect(footer.contains("<div><dt>受付時間</dt><dd>平日の9時から17時まで</dd></div>"))
      // The link as before.
      #expect(footer.contains("<a href=\"/strategy/basics/\">問い合わせ先</a>"))
    }
  }

  @Test func withoutWaysTheFooterOffersNone() throws {
    let page = try built(adding: "operator: 県\ncontact: /strategy/basics/\n")
    #expect(!(try page("index.html")).contains("footer-contact"))
    #expect(!(try page("events/seminar/index.html")).contains("電話・ファクスでのお問い合わせ"))
  }

  /// A department listed in site.yml is reached directly; one not listed (or none) through
  /// the operator.
  @Test func anInitiativeSaysWhomToAsk() throws {
    let page = try built(adding: Self.contact)
    let listed = try page("initiatives/ai-disaster/index.html")
    #expect(listed.contains("<div><dt>担当</dt><dd>防災危機管理部</dd></div>"))
    #expect(
      listed.contains(
        "<div><dt>問い合わせ</dt><dd>防災危機管理部<ul class=\"plain-list\"><li>電話：<a class=\"tel\" href=\"tel:0430000200\">043-000-0200</a></li><li>ファクス：<span class=\"tel\">043-000-0201</span></li></ul></dd></div>"
      ))
    let other = try page("initiatives/cyber-security/index.html")
    #expect(
      other.contains(
        "<div><dt>問い合わせ</dt><dd>千葉県 総務部 デジタル改革推進局<ul class=\"plain-list\"><li>電話：<a class=\"tel\" href=\"tel:0430000100\">043-000-0100</a></li>"
      ))
  }

  /// An event taking registrations by its form only offers the operator's phone and fax; one
  /// with a number of its own does not add the operator's.
  @Test func anEventWithAFormOnlyOffersTheOperatorsLine() throws {
    let page = try built(adding: Self.contact)
    let event = try page("events/seminar/index.html")
    #expect(
      event.contains(
        "<div><dt>電話・ファクスでのお問い合わせ</dt><dd>千葉県 総務部 デジタル改革推進局<ul class=\"plain-list\"><li>電話：<a class=\"tel\" href=\"tel:0430000100\">043-000-0100</a></li><li>ファクス：<span class=\"tel\">043-000-0101</span></li>"
      ))
    let own = try built(adding: Self.contact) { content in
      let file = content.appendingPathComponent("events/seminar.md")
      try (try String(contentsOf: file, encoding: .utf8)).replacingOccurrences(
        of: "registration: https://example.jp/form",
        with: "registration: https://example.jp/form\nphone: 043-000-0000"
      ).write(to: file, atomically: true, encoding: .utf8)
    }
    let html = try own("events/seminar/index.html")
    #expect(!html.contains("電話・ファクスでのお問い合わせ"))
    #expect(html.contains("href=\"tel:0430000000\""))
  }
}
