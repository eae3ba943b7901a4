import Diagnostics
import Foundation
import Testing

@testable import Content

/// A `publish` time more than a year after the build's clock is a warning at the value, with
/// the time meant if the year is a slip (docs/errors-audit.md, 74).
@Suite struct FarPublishTests {
  func load(publish: String, at now: String) throws -> (ContentSet?, [Diagnostic]) {
    let folder = try contentFolder("strategy")
    defer { try? FileManager.default.removeItem(at: folder) }
    try "---\ntitle: 計画\norder: 1\npublish: \(publish)\n---\n\n本文です。\n".write(
      to: folder.appendingPathComponent("strategy/plan.md"), atomically: true, encoding: .utf8)
    return ContentLoader.load(
      contentDirectory: folder, displayPrefix: "content", now: DateTime(iso: now)!)
  }

  @Test func aYearSlipIsToldWithTheTimeMeant() throws {
    let (set, diagnostics) = try load(
      publish: "2062-12-04T09:00:00+09:00", at: "2026-11-25T09:00:00+09:00")
    #expect(diagnostics.count == 1, "\(diagnostics.map(\.text))")
    let d = try #require(diagnostics.first)
    #expect(d.severity == .warning && d.code == FarPublish.code)
    #expect(d.location == SourceLocation(file: "content/strategy/plan.md", line: 4, column: 10))
    #expect(d.message.contains("36 years after today (2026-11-25)"))
    #expect(d.hint == "if the year is a slip, write `publish: 2026-12-04T09:00:00+09:00`")
    #expect(
      d.japanese?.message
        == "`publish` が 2062-12-04 09:00 で、今日（2026-11-25）の36年後です。それまで、このページは公開されません")
    #expect(
      set?.withheld["strategy/plan.md"] == .scheduled(DateTime(iso: "2062-12-04T09:00:00+09:00")!))
    // The warning ends a year before the time; its words change on the next day (it names the
    // build's) and at the time meant (the hint then says it is past).
    #expect(
      set?.warningsEnd
        == ["2061-12-04T09:00:00+09:00", "2026-11-26T00:00:00+09:00", "2026-12-04T09:00:00+09:00"]
        .map { DateTime(iso: $0)! })
  }

  /// A date alone is offered as a date; one that would be past is said to publish at once.
  @Test func aSlipToAPastDayPublishesAtOnce() throws {
    let (_, diagnostics) = try load(publish: "2062-11-20", at: "2026-11-25T09:00:00+09:00")
    #expect(
      diagnostics.first?.hint
        == "if the year is a slip, write `publish: 2026-11-20` (a time already past: the page is published by the next build)"
    )
    #expect(diagnostics.first?.japanese?.hint?.hasSuffix("（過ぎた日時なので、次のビルドで公開されます）") == true)
  }

  @Test func withinAYearIsNoSlip() throws {
    for publish in ["2027-11-25T09:00:00+09:00", "2026-12-01", "2020-01-01"] {
      let (set, diagnostics) = try load(publish: publish, at: "2026-11-25T09:00:00+09:00")
      #expect(diagnostics.isEmpty, "\(publish): \(diagnostics.map(\.text))")
      #expect(set?.warningsEnd == [])
    }
    let (_, justOver) = try load(
      publish: "2027-11-25T09:00:01+09:00", at: "2026-11-25T09:00:00+09:00")
    #expect(justOver.first?.message.contains("more than a year after") == true)
    #expect(
      justOver.first?.hint == "if the year is a slip, write `publish: 2026-11-25T09:00:01+09:00`")
  }

  @Test func theWarningEndsAYearBefore() {
    #expect(
      FarPublish.warnedUntil(DateTime(iso: "2028-02-29T10:00:00+09:00")!)
        == DateTime(iso: "2027-02-28T10:00:00+09:00")!)
  }
}
