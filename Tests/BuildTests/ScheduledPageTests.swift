import Content
import Foundation
import TestSupport
import Testing

@testable import Build

/// A page with a `publish` time is left out of every build whose clock is earlier, as a draft
/// is, so an announcement can be finished ahead of its day and appear with the first build at
/// or after it.
@Suite struct ScheduledPageTests {
  static let plan = """
    ---
    title: 来年度の計画
    summary: 来年度に始める取組です。
    fields: [crisis-management]
    publish: 2026-12-01T09:00:00+09:00
    ---

    来年度に始めます。
    """

  func build(_ content: URL, _ output: URL, at now: String, drafts: Bool = false) -> BuildReport {
    var o = options(content: content, output: output)
    o.now = DateTime(iso: now)!
    o.includeDrafts = drafts
    return SiteBuilder.build(o)
  }

  func site() throws -> (content: URL, output: URL) {
    let content = try copyFixture()
    try Self.plan.write(
      to: content.appendingPathComponent("initiatives/plan.md"), atomically: true,
      encoding: .utf8)
    return (content, content.deletingLastPathComponent().appendingPathComponent("site"))
  }

  func published(_ output: URL) -> Bool {
    FileManager.default.fileExists(
      atPath: output.appendingPathComponent("initiatives/plan/index.html").path)
  }

  @Test func aPageWaitsForItsTimeAndTheClockAloneBringsItOut() throws {
    let (content, output) = try site()
    let before = build(content, output, at: "2026-11-25T09:00:00+09:00")
    #expect(before.succeeded, "\(before.diagnostics.map(\.text))")
    #expect(!published(output))
    #expect(before.scheduled == ["initiatives/plan.md"])
    #expect(
      before.summary.hasSuffix(
        "; 1 page waiting for its publish time not built (--drafts builds them)"))
    // Nowhere else either: lists, the sitemap, the search index.
    let text = snapshot(output).filter { !$0.key.contains(".portal/") }.values.map {
      String(decoding: $0, as: UTF8.self)
    }
    #expect(!text.contains { $0.contains("initiatives/plan/") || $0.contains("来年度の計画") })

    // The clock moved, but not past the time: nothing to do, and the summary still says it.
    let still = build(content, output, at: "2026-11-30T09:00:00+09:00")
    #expect(still.mode == .upToDate)
    #expect(still.summary.contains("1 page waiting for its publish time"))

    // At the time: not "up to date", and the page is out, as a full build would make it.
    let after = build(content, output, at: "2026-12-01T09:00:00+09:00")
    #expect(after.succeeded && after.mode == .incremental)
    #expect(published(output))
    #expect(after.scheduled.isEmpty && !after.summary.contains("publish time"))
    let fresh = content.deletingLastPathComponent().appendingPathComponent("fresh")
    #expect(build(content, fresh, at: "2026-12-01T09:00:00+09:00").succeeded)
    #expect(comparableSite(output) == comparableSite(fresh))
  }

  @Test func draftsBuildsItBeforeItsTime() throws {
    let (content, output) = try site()
    let report = build(content, output, at: "2026-11-25T09:00:00+09:00", drafts: true)
    #expect(report.succeeded && published(output) && report.scheduled.isEmpty)
  }

  /// A date alone means the start of that day in Japan.
  @Test func aDateAloneIsMidnightInJapan() throws {
    let (content, output) = try site()
    let file = content.appendingPathComponent("initiatives/plan.md")
    try Self.plan.replacingOccurrences(
      of: "publish: 2026-12-01T09:00:00+09:00", with: "publish: 2026-12-01"
    ).write(to: file, atomically: true, encoding: .utf8)
    #expect(build(content, output, at: "2026-11-30T23:59:59+09:00").succeeded)
    #expect(!published(output))
    #expect(build(content, output, at: "2026-12-01T00:00:00+09:00").succeeded)
    #expect(published(output))
  }

  /// The strategy page `basics.md` links to `ai-disaster.md`; the event names it too.
  @Test func aLinkToAWaitingPageSaysWhenItComesOut() throws {
    let content = try copyFixture()
    let output = content.deletingLastPathComponent().appendingPathComponent("site")
    let file = content.appendingPathComponent("initiatives/ai-disaster.md")
    try (try String(contentsOf: file, encoding: .utf8)).replacingOccurrences(
      of: "\n---\n", with: "\npublish: 2026-12-10\n---\n"
    ).write(to: file, atomically: true, encoding: .utf8)
    let report = build(content, output, at: "2026-11-25T09:00:00+09:00")
    let errors = report.diagnostics.filter { $0.severity == .error }
    #expect(errors.count == 1, "\(errors.map(\.text))")
    #expect(errors.first?.location.file.hasSuffix("strategy/basics.md") == true)
    #expect(errors.first?.location.line == 9)
    #expect(
      errors.first?.message
        == "the link points to `../initiatives/ai-disaster.md#なにが変わるか`, but `initiatives/ai-disaster.md` is not published until 2026-12-10 (`publish`)"
    )
    #expect(errors.first?.hint?.contains("the same `publish` time") == true)
    #expect(!FileManager.default.fileExists(atPath: output.path))
  }

  /// A `publish` time is one of the cache's clock boundaries, so `portal serve` does not edit
  /// a page in place when it changes.
  @Test func aChangedPublishTimeGoesTheUsualWayInServe() throws {
    let (content, output) = try site()
    let session = BuildSession()
    var o = options(content: content, output: output)
    o.now = DateTime(iso: "2026-11-25T09:00:00+09:00")!
    #expect(SiteBuilder.build(o, session: session).succeeded)
    #expect(!published(output))
    try Self.plan.replacingOccurrences(of: "2026-12-01T09:00:00", with: "2026-11-20T09:00:00")
      .write(
        to: content.appendingPathComponent("initiatives/plan.md"), atomically: true,
        encoding: .utf8)
    let report = SiteBuilder.build(o, session: session)
    #expect(report.succeeded && report.mode == .incremental)
    #expect(published(output))
    // And back: the page is taken out again.
    try Self.plan.write(
      to: content.appendingPathComponent("initiatives/plan.md"), atomically: true,
      encoding: .utf8)
    #expect(SiteBuilder.build(o, session: session).mode == .incremental)
    #expect(!published(output))
  }
}
