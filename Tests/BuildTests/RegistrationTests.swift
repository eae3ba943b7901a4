import Content
import Foundation
import TestSupport
import Testing

@testable import Build

/// An event whose registration deadline has passed, but which has not happened yet, says the
/// registration is closed and offers no button to a form that no longer takes anyone.
@Suite struct RegistrationTests {
  func build(_ content: URL, _ output: URL, at now: String) -> BuildReport {
    var o = options(content: content, output: output)
    o.now = DateTime(iso: now)!
    return SiteBuilder.build(o)
  }

  func eventPage(_ output: URL) throws -> String {
    try String(
      contentsOf: output.appendingPathComponent("events/seminar/index.html"), encoding: .utf8)
  }

  @Test func aPassedDeadlineClosesRegistrationAndTheClockAloneRebuildsIt() throws {
    let content = try copyFixture()
    let output = content.deletingLastPathComponent().appendingPathComponent("site")
    let file = content.appendingPathComponent("events/seminar.md")
    // A date only: the whole of 1 December counts.
    try (try String(contentsOf: file, encoding: .utf8)).replacingOccurrences(
      of: "registration: https://example.jp/form",
      with: "registration: https://example.jp/form\ndeadline: 2026-12-01"
    ).write(to: file, atomically: true, encoding: .utf8)

    #expect(build(content, output, at: "2026-12-01T23:59:00+09:00").succeeded)
    var page = try eventPage(output)
    #expect(page.contains("必要です。締め切りは2026年12月1日（火）です。"))
    #expect(page.contains("参加を申し込む"))
    func list() throws -> String {
      try String(contentsOf: output.appendingPathComponent("events/index.html"), encoding: .utf8)
    }
    #expect(try list().contains("申し込み：締め切り 2026年12月1日（火）"))

    // Only the clock moved, past the deadline: not "up to date".
    let later = build(content, output, at: "2026-12-02T00:00:00+09:00")
    #expect(later.mode == .incremental)
    page = try eventPage(output)
    #expect(page.contains("受付は終わりました。締め切りは2026年12月1日（火）でした。"))
    #expect(!page.contains("参加を申し込む"))
    #expect(page.contains("カレンダーアプリに入れる"))
    // The list of events says so too.
    #expect(try list().contains("申し込み：受付は終わりました"))
    let fresh = content.deletingLastPathComponent().appendingPathComponent("fresh")
    #expect(build(content, fresh, at: "2026-12-02T00:00:00+09:00").succeeded)
    #expect(comparableSite(output) == comparableSite(fresh))
  }

  /// When registration closes is one of the cache's clock boundaries, so `portal serve` does
  /// not edit it in place (the boundaries would be stale).
  @Test func aChangedDeadlineGoesTheUsualWayInServe() throws {
    let content = try copyFixture()
    let output = content.deletingLastPathComponent().appendingPathComponent("site")
    let file = content.appendingPathComponent("events/seminar.md")
    let session = BuildSession()
    var o = options(content: content, output: output)
    o.now = DateTime(iso: "2026-12-01T12:00:00+09:00")!
    #expect(SiteBuilder.build(o, session: session).succeeded)
    try (try String(contentsOf: file, encoding: .utf8)).replacingOccurrences(
      of: "registration: https://example.jp/form",
      with: "registration: https://example.jp/form\ndeadline: 2026-11-30"
    ).write(to: file, atomically: true, encoding: .utf8)
    let report = SiteBuilder.build(o, session: session)
    #expect(report.succeeded && report.mode == .incremental)
    #expect(try eventPage(output).contains("受付は終わりました。締め切りは2026年11月30日（月）でした。"))
  }
}

/// An event people apply to by phone or fax says so on its page, in the list and in the
/// calendar, and its number is a link a phone dials.
@Suite struct ApplicationByPhoneTests {
  @Test func theWayToApplyAndTheNumbersAreShown() throws {
    let content = try copyFixture()
    let output = content.deletingLastPathComponent().appendingPathComponent("site")
    let file = content.appendingPathComponent("events/seminar.md")
    try (try String(contentsOf: file, encoding: .utf8)).replacingOccurrences(
      of: "registration: https://example.jp/form\n",
      with:
        "application: 電話かファクスで申し込んでください。\nphone: 043-000-0000\nfax: 043-000-0001\naccess: JR千葉駅から歩いて10分\n"
    ).write(to: file, atomically: true, encoding: .utf8)
    var o = options(content: content, output: output)
    o.now = DateTime(iso: "2026-12-01T12:00:00+09:00")!
    #expect(SiteBuilder.build(o).succeeded)
    func read(_ path: String) throws -> String {
      try String(contentsOf: output.appendingPathComponent(path), encoding: .utf8)
    }
    let page = try read("events/seminar/index.html")
    #expect(
      page.contains(
        "<dt>申し込み</dt><dd><div data-when=\"open\">必要です。<p class=\"fact-note\">電話かファクスで申し込んでください。</p></div><div data-when=\"closed\" hidden>受付は終わりました。</div></dd>"
      ))
    #expect(!page.contains("参加を申し込む"), "no form, so no button to one")
    #expect(page.contains("<dt>行き方</dt><dd>JR千葉駅から歩いて10分</dd>"))
    #expect(
      page.contains("<dt>電話</dt><dd><a class=\"tel\" href=\"tel:0430000000\">043-000-0000</a></dd>")
    )
    #expect(page.contains("<dt>ファクス</dt><dd><span class=\"tel\">043-000-0001</span></dd>"))
    #expect(try read("events/index.html").contains("申し込み：必要です"))
    let calendar = try read("events/seminar/event.ics").replacingOccurrences(of: "\r\n ", with: "")
    #expect(
      calendar.contains(
        "\\n行き方：JR千葉駅から歩いて10分\\n申し込みのしかた：電話かファクスで申し込んでください。\\n電話：043-000-0000\\nファクス：043-000-0001\r\n"
      ))
  }
}
