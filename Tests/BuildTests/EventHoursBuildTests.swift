import Content
import Foundation
import TestSupport
import Testing

@testable import Build

/// An exhibition's opening hours (`hours`) where residents look for them, and 開催中 said by
/// portal.js while it is under way.
@Suite struct EventHoursBuildTests {
  @Test func hoursAreShownWithTheDays() throws {
    let content = try copyFixture()
    let output = content.deletingLastPathComponent().appendingPathComponent("site")
    let text = try String(
      contentsOf: Bundle.module.resourceURL!.appendingPathComponent(
        "Fixtures/allday/dx-exhibition.md"), encoding: .utf8
    ).replacingOccurrences(
      of: "end: 2026-12-24\n", with: "end: 2026-12-24\nhours: どの日も9時から17時まで（最後の日は15時まで）\n")
    try text.write(
      to: content.appendingPathComponent("events/dx-exhibition.md"), atomically: true,
      encoding: .utf8)
    var o = options(content: content, output: output)
    o.now = try #require(DateTime(iso: "2026-11-25T00:00:00+09:00"))
    let report = SiteBuilder.build(o)
    #expect(report.succeeded, "\(report.diagnostics.map(\.text))")
    func read(_ path: String) throws -> String {
      try String(contentsOf: output.appendingPathComponent(path), encoding: .utf8)
    }
    let page = try read("events/dx-exhibition/index.html")
    #expect(
      page.contains(
        "<div><dt>日時</dt><dd><time datetime=\"2026-12-20\">2026年12月20日（日）</time>から<time datetime=\"2026-12-24\">12月24日（木）</time>まで<p class=\"fact-note\">どの日も9時から17時まで（最後の日は15時まで）</p></dd></div>"
      ))
    // 開催中 from the midnight that begins its first day, on the reader's clock.
    #expect(
      page.contains(
        "data-starts=\"2026-12-20T00:00:00+09:00\" data-ends=\"2026-12-25T00:00:00+09:00\""))
    #expect(page.contains("<p class=\"notice\" data-when=\"ongoing\" hidden>いま開催中です。</p>"))
    let list = try read("events/index.html")
    #expect(
      list.contains(
        "<time datetime=\"2026-12-24\">12月24日（木）</time>まで　どの日も9時から17時まで（最後の日は15時まで）</p><p class=\"card-date\" data-when=\"ongoing\" hidden>開催中</p>"
      ))
    #expect(list.contains("data-starts=\"2026-12-20T00:00:00+09:00\""))
    // The home page's cards of the soonest events say the same.
    let home = try read("index.html")
    #expect(
      home.contains(
        "<time datetime=\"2026-12-24\">12月24日（木）</time>まで　どの日も9時から17時まで（最後の日は15時まで）</p><p class=\"card-date\" data-when=\"ongoing\" hidden>開催中</p>"
      ))
    #expect(home.contains("data-starts=\"2026-12-20T00:00:00+09:00\""))
    // A timed event begins at its start.
    #expect(list.contains("data-starts=\"2026-12-05T13:30:00+09:00\""))
    let ics = try read("events/dx-exhibition/event.ics").replacingOccurrences(
      of: "\r\n ", with: "")
    #expect(ics.contains("\\n時間：どの日も9時から17時まで（最後の日は15時まで）\\n行き方："), "\(ics)")
  }
}
