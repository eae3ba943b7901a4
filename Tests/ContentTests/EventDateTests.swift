import Diagnostics
import Foundation
import Testing

@testable import Content

/// An event's dates as the writer means them.
@Suite struct EventDateTests {
  func warnings(start: String, deadline: String) throws -> [String] {
    let text = """
      ---
      title: 説明会
      summary: 説明会です。
      start: \(start)
      registration: https://example.jp/form
      deadline: \(deadline)
      ---
      """
    let (page, diagnostics) = try parseFile(text, kind: .event, path: "a.md", config: nil)
    #expect(page != nil)
    return diagnostics.map {
      "\($0.location.line):\($0.location.column) \($0.message) / \($0.hint ?? "")"
    }
  }

  @Test func aDeadlineAfterTheStartIsAWarning() throws {
    #expect(
      try warnings(start: "2026-12-10T14:00:00+09:00", deadline: "2026-12-30") == [
        "6:11 registration closes after the event starts (`start: 2026-12-10T14:00:00+09:00`) / write the last day people can apply, before the event: e.g. `deadline: 2026-12-09`"
      ])
    #expect(
      try warnings(start: "2026-12-10T14:00:00+09:00", deadline: "2026-12-10T15:00:00+09:00").count
        == 1)
    // The same day as a date (「当日まで」), or a time before the start, is fine.
    #expect(try warnings(start: "2026-12-10T14:00:00+09:00", deadline: "2026-12-10").isEmpty)
    #expect(
      try warnings(start: "2026-12-10T14:00:00+09:00", deadline: "2026-12-10T12:00:00+09:00")
        .isEmpty)
    // Compared on Japan's clock: 2026-12-10T01:00+09:00 is still 9 December in UTC.
    #expect(try warnings(start: "2026-12-09T16:00:00Z", deadline: "2026-12-10").isEmpty)
  }
}
