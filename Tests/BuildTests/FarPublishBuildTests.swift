import Content
import Diagnostics
import Foundation
import TestSupport
import Testing

@testable import Build

/// `publish: 2062-…` typed for 2026 (docs/errors-audit.md, 74): a warning at the value in every
/// build while it is more than a year ahead, the "Up to date" ones included, and the page the
/// last build published is said to be left out at that line, not at the content folder.
@Suite struct FarPublishBuildTests {
  func build(_ content: URL, _ output: URL, at now: String) -> BuildReport {
    var o = options(content: content, output: output)
    o.now = DateTime(iso: now)!
    return SiteBuilder.build(o)
  }

  /// cyber-security.md with `line` after its `status`, as line 6.
  func add(_ line: String, to content: URL) throws {
    try edit(content.appendingPathComponent("initiatives/cyber-security.md")) {
      $0.replacingOccurrences(of: "status: planned\n", with: "status: planned\n\(line)\n")
    }
  }

  func place(_ d: Diagnostic) -> String {
    "\(d.location.file.split(separator: "/").suffix(2).joined(separator: "/")):\(d.location.line):\(d.location.column)"
  }

  @Test func aPublishYearsAheadIsWarnedAtItsValueInEveryBuild() throws {
    let content = try copyFixture()
    let output = content.deletingLastPathComponent().appendingPathComponent("site")
    #expect(build(content, output, at: "2026-11-25T09:00:00+09:00").mode == .full)
    try add("publish: 2062-12-04T09:00:00+09:00", to: content)
    let first = build(content, output, at: "2026-11-25T09:00:00+09:00")
    #expect(first.succeeded && first.scheduled == ["initiatives/cyber-security.md"])
    let far = first.diagnostics.filter { $0.code == FarPublish.code }
    #expect(far.map(place) == ["initiatives/cyber-security.md:6:10"])
    #expect(
      far.first?.message
        == "`publish` is 2062-12-04 09:00, 36 years after today (2026-11-25): the page is not published until then"
    )
    #expect(far.first?.hint == "if the year is a slip, write `publish: 2026-12-04T09:00:00+09:00`")
    #expect(far.first?.japanese?.message.contains("36年後") == true)
    #expect(far.first?.japanese?.hint?.contains("`publish: 2026-12-04T09:00:00+09:00`") == true)
    // The page the last build published: at the same line, saying why it is left out.
    let gone = first.diagnostics.filter { $0.code == GonePages.code }
    #expect(gone.map(place) == ["initiatives/cyber-security.md:6:10"], "\(gone.map(place))")
    #expect(
      gone.first?.message.contains("left out until its `publish` time, 2062-12-04 09:00") == true)
    #expect(gone.first?.hint?.contains("take `publish` out") == true)
    #expect(gone.first?.japanese?.message.contains("`publish` の 2062-12-04 09:00 まで") == true)

    // Nothing changed: "Up to date", and the warning is said again (the page gone is not).
    let again = build(content, output, at: "2026-11-25T09:00:00+09:00")
    #expect(again.mode == .upToDate)
    #expect(again.diagnostics.map(\.code) == [FarPublish.code])
    // Decades on (the fixture's events long past), still over a year ahead: said again.
    #expect(
      build(content, output, at: "2061-12-04T08:00:00+09:00").diagnostics.map(\.code)
        == [FarPublish.code])
    let later = build(content, output, at: "2061-12-04T08:59:00+09:00")
    #expect(later.mode == .upToDate && later.diagnostics.map(\.code) == [FarPublish.code])
    // A year before the time it is no longer far: the cache is not up to date past that.
    let near = build(content, output, at: "2061-12-04T09:00:00+09:00")
    #expect(near.succeeded && near.mode != .upToDate)
    #expect(!near.diagnostics.contains { $0.code == FarPublish.code }, "\(near.diagnostics)")
  }

  /// The warnings name the build's day, and the hint says whether the time meant is past: an
  /// "Up to date" build on a later day, or after that time, would repeat the words of the
  /// earlier one from the cache.
  @Test func theWarningsWordsFollowTheDay() throws {
    let content = try copyFixture()
    let output = content.deletingLastPathComponent().appendingPathComponent("site")
    try add("publish: 2062-12-04T09:00:00+09:00", to: content)
    try edit(content.appendingPathComponent("strategy/basics.md")) {
      $0.replacingOccurrences(of: "order: 1\n", with: "order: 1\nupdated: 2026-12-20\n")
    }
    func words(_ report: BuildReport) -> [String] {
      report.diagnostics.filter { [FarPublish.code, FutureDates.code].contains($0.code) }
        .map { "\($0.message) | \($0.hint ?? "")" }
    }
    let first = build(content, output, at: "2026-11-25T09:00:00+09:00")
    #expect(words(first).count == 2 && words(first).allSatisfy { $0.contains("(2026-11-25)") })
    #expect(build(content, output, at: "2026-11-25T23:59:00+09:00").mode == .upToDate)
    let nextDay = build(content, output, at: "2026-11-26T00:00:00+09:00")
    #expect(nextDay.mode != .upToDate)
    #expect(words(nextDay).count == 2 && words(nextDay).allSatisfy { $0.contains("(2026-11-26)") })
    // On the day meant, before and after its time: the hint says the time is past only after.
    let before = build(content, output, at: "2026-12-04T08:00:00+09:00")
    #expect(words(before).contains { $0.hasSuffix("2026-12-04T09:00:00+09:00`") })
    let after = build(content, output, at: "2026-12-04T09:00:00+09:00")
    #expect(after.mode != .upToDate)
    #expect(
      words(after).contains {
        $0.hasSuffix("(a time already past: the page is published by the next build)")
      })
  }

  /// A page made a draft is said to be one, at its `draft` line.
  @Test func aPageMadeADraftIsToldAtItsDraftLine() throws {
    let content = try copyFixture()
    let output = content.deletingLastPathComponent().appendingPathComponent("site")
    #expect(build(content, output, at: "2026-11-25T09:00:00+09:00").succeeded)
    try add("draft: true", to: content)
    let report = build(content, output, at: "2026-11-25T09:00:00+09:00")
    let gone = report.diagnostics.filter { $0.code == GonePages.code }
    #expect(gone.map(place) == ["initiatives/cyber-security.md:6:8"])
    #expect(gone.first?.message.contains("is now a draft (`draft: true`)") == true)
    #expect(gone.first?.hint?.contains("take `draft: true` out") == true)
    #expect(gone.first?.japanese?.message.contains("下書き（`draft: true`）になった") == true)
  }

  /// A page scheduled for next week is no slip: only the page gone is said, at its line.
  @Test func aPublishWithinAYearIsNoSlip() throws {
    let content = try copyFixture()
    let output = content.deletingLastPathComponent().appendingPathComponent("site")
    #expect(build(content, output, at: "2026-11-25T09:00:00+09:00").succeeded)
    try add("publish: 2026-12-01", to: content)
    let report = build(content, output, at: "2026-11-25T09:00:00+09:00")
    #expect(report.diagnostics.map(\.code) == [GonePages.code])
    #expect(report.diagnostics.map(place) == ["initiatives/cyber-security.md:6:10"])
  }
}
