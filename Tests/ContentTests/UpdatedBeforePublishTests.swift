import Diagnostics
import Testing

@testable import Content

/// `updated` before `publish`: 更新情報 listed a change from before the page came out, and
/// not the page's 公開. A warning at `updated`; the same day, or later, is fine.
@Suite struct UpdatedBeforePublishTests {
  func warnings(_ lines: String...) throws -> [Diagnostic] {
    let text = (["---", "title: 計画", "summary: 計画です。", "fields: [safety]"] + lines + ["---", ""])
      .joined(separator: "\n")
    return try parseFile(text, kind: .initiative).1.filter { $0.code == "front-matter.date" }
  }

  @Test func anUpdateBeforeThePageIsOutIsWarned() throws {
    let found = try warnings("publish: 2026-12-01T09:00:00+09:00", "updated: 2026-11-01")
    #expect(found.count == 1)
    #expect("\(found[0].location.line):\(found[0].location.column)" == "6:10")
    #expect(
      found[0].message.hasPrefix(
        "`updated` is 2026-11-01, before the page is published (`publish: 2026-12-01`)"))
  }

  @Test func theSameDayOrLaterIsFine() throws {
    #expect(try warnings("publish: 2026-12-01T09:00:00+09:00", "updated: 2026-12-01").isEmpty)
    #expect(try warnings("publish: 2026-12-01", "updated: 2026-12-02").isEmpty)
    // In Japan's day: 2026-11-30T20:00Z is already 1 December there.
    #expect(try warnings("publish: 2026-11-30T20:00:00Z", "updated: 2026-12-01").isEmpty)
    #expect(try warnings("updated: 2026-11-01").isEmpty)
  }
}
