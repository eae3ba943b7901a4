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
        == "`publish` is 2062-12-04 09:00, 36 years after this build (2026-11-25): the page is not published until then"
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
