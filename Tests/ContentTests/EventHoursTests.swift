import Foundation
import Testing

@testable import Content

/// `hours`: an exhibition's opening hours, kept with its days.
@Suite struct EventHoursTests {
  static let event = """
    ---
    title: パネル展
    summary: 展示です。
    start: 2027-01-26
    end: 2027-01-31
    hours: どの日も9時から17時まで（最後の日は15時まで）
    ---

    本文です。

    """

  @Test func readAndKeptByTheCache() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "hours-\(UUID().uuidString)")
    try FileManager.default.createDirectory(
      at: folder.appendingPathComponent("events"), withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    try "title: T\nbase_url: https://x.example/\ndomains: []\n".write(
      to: folder.appendingPathComponent("site.yml"), atomically: true, encoding: .utf8)
    try Self.event.write(
      to: folder.appendingPathComponent("events/panel.md"), atomically: true, encoding: .utf8)
    let memo = ParseMemo()
    let (content, diagnostics) = ContentLoader.load(
      contentDirectory: folder, displayPrefix: "content", memo: memo)
    #expect(diagnostics.isEmpty, "\(diagnostics.map(\.text))")
    let page = try #require(content?.pages.first)
    guard case .event(let m) = page.meta else {
      Issue.record("not an event")
      return
    }
    #expect(m.hours == "どの日も9時から17時まで（最後の日は15時まで）")
    // An all-day event begins at the midnight in Japan of its first day.
    #expect(m.startsAt.description == "2027-01-26T00:00:00+09:00")
    let decoded = try ParseMemo(decoding: memo.encoded(), contentDirectory: folder)
    #expect(decoded.snapshot().1["events/panel.md"]?.page == page)
  }
}
