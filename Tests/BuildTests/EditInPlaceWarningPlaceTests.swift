import Content
import Diagnostics
import Foundation
import TestSupport
import Testing

@testable import Build

/// The warnings of a page edited in place (`EditInPlace`) are where the file now has them:
/// those the clock gives (`content.far-publish`, `content.future-updated`, made by the load,
/// not the page's parse) as well as the parse's and the body's. An edit that adds lines above
/// `publish` left the warning at its old line until the next full build (helper-97).
@Suite final class EditInPlaceWarningPlaceTests {
  let root: URL
  let content: URL
  let output: URL

  init() throws {
    content = try copyFixture()
    root = content.deletingLastPathComponent()
    output = root.appendingPathComponent("site")
  }

  deinit { try? FileManager.default.removeItem(at: root) }

  var page: URL { content.appendingPathComponent("initiatives/cyber-security.md") }

  func buildOptions(drafts: Bool, at now: String) -> BuildOptions {
    var o = options(content: content, output: output)
    o.includeDrafts = drafts
    o.now = DateTime(iso: now)!
    return o
  }

  /// The warnings of cyber-security.md as `code@line:column`, in order.
  func places(_ diagnostics: [Diagnostic]) -> [String] {
    diagnostics.filter { $0.location.file.hasSuffix("initiatives/cyber-security.md") }.map {
      "\($0.code ?? "")@\($0.location.line):\($0.location.column)"
    }
  }

  /// Builds in the session, expects `mode`, and that its warnings and cache are those of a
  /// full build of the same sources (which makes every warning again); returns the page's.
  @discardableResult
  func build(
    _ session: BuildSession, _ mode: BuildReport.Mode, drafts: Bool,
    at now: String = "2026-11-25T00:00:00+09:00", _ name: String,
    sourceLocation: Testing.SourceLocation = #_sourceLocation
  ) throws -> [String] {
    let report = SiteBuilder.build(buildOptions(drafts: drafts, at: now), session: session)
    try #require(report.succeeded, "\(name): \(report.diagnostics.map(\.text))")
    #expect(report.mode == mode, "\(name)", sourceLocation: sourceLocation)
    let full = root.appendingPathComponent("full-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: full) }
    var o = buildOptions(drafts: drafts, at: now)
    o.outputDirectory = full
    let whole = SiteBuilder.build(o)
    #expect(whole.mode == .full)
    #expect(
      report.diagnostics.map(\.text) == whole.diagnostics.map(\.text), "\(name)",
      sourceLocation: sourceLocation)
    let cache = try #require(session.cache, sourceLocation: sourceLocation)
    let encoded = cache.encoded()
    let (head, state) = try #require(
      BuildCache.encoded(in: full, contentDirectory: o.contentDirectory),
      sourceLocation: sourceLocation)
    #expect(encoded.head == head, "\(name): cache head", sourceLocation: sourceLocation)
    #expect(encoded.state == state, "\(name): cache state", sourceLocation: sourceLocation)
    return places(report.diagnostics)
  }

  func replace(_ old: String, with new: String) throws {
    try edit(page) {
      #expect($0.contains(old), "\(old)")
      return $0.replacingOccurrences(of: old, with: new)
    }
  }

  /// `--drafts` previews a page held back for 36 years: lines added above its `publish`, a
  /// comment or a key, move the warning with it; lines taken out move it back.
  @Test func aFarPublishFollowsItsLine() throws {
    let session = BuildSession()
    try replace("status: planned\n", with: "status: planned\npublish: 2062-12-04T09:00:00+09:00\n")
    #expect(try build(session, .full, drafts: true, "first") == ["content.far-publish@6:10"])
    try replace("---\ntitle:", with: "---\n# 公開日を確認中\ntitle:")
    #expect(try build(session, .inPlace, drafts: true, "comment") == ["content.far-publish@7:10"])
    try replace("status: planned\n", with: "department: 情報政策課\nstatus: planned\n")
    #expect(try build(session, .inPlace, drafts: true, "key") == ["content.far-publish@8:10"])
    // Indented by a space less: the column follows too.
    try replace("publish: 2062", with: "publish:  2062")
    #expect(try build(session, .inPlace, drafts: true, "spaces") == ["content.far-publish@8:11"])
    try replace("# 公開日を確認中\n", with: "")
    try replace("department: 情報政策課\n", with: "")
    #expect(try build(session, .inPlace, drafts: true, "taken out") == ["content.far-publish@6:11"])
    try edit(page) { $0 + "\n追記です。\n" }
    #expect(try build(session, .inPlace, drafts: true, "body") == ["content.far-publish@6:11"])
  }

  /// An `updated` day still to come, in a build without drafts, with a warning of the parse (a
  /// summary too long) and one of the body (an unknown callout): each is at its line after
  /// lines are added above them all.
  @Test func aFutureUpdatedFollowsItsLineWithTheParsesAndTheBodys() throws {
    let session = BuildSession()
    try replace("status: planned\n", with: "status: planned\nupdated: 2027-11-01\n")
    try replace("ネットの犯罪から県民を守ります。", with: String(repeating: "ネットの犯罪から守ります。", count: 10))
    try edit(page) { $0 + "\n> [!NOTO]\n> 大事です。\n" }
    let first = try build(session, .full, drafts: false, "first")
    #expect(
      first == [
        "content.long-summary@3:10", "content.future-updated@6:10", "content.callout@11:3",
      ], "\(first)")
    try replace("---\ntitle:", with: "---\n\n# 担当に確認中\ntitle:")
    let moved = try build(session, .inPlace, drafts: false, "two lines")
    #expect(
      moved == [
        "content.long-summary@5:10", "content.future-updated@8:10", "content.callout@13:3",
      ], "\(moved)")
  }

  /// Both clock warnings on one page, and an edit that moves only one of them.
  @Test func bothClockWarningsMoveEachByItsOwnLine() throws {
    let session = BuildSession()
    try replace(
      "status: planned\n",
      with: "status: planned\npublish: 2062-12-04T09:00:00+09:00\nupdated: 2063-01-10\n")
    #expect(
      try build(session, .full, drafts: true, "first") == [
        "content.far-publish@6:10", "content.future-updated@7:10",
      ])
    try replace("updated: 2063-01-10\n", with: "department: 情報政策課\nupdated: 2063-01-10\n")
    #expect(
      try build(session, .inPlace, drafts: true, "between") == [
        "content.far-publish@6:10", "content.future-updated@8:10",
      ])
    try replace("publish: 2062", with: "# 確認中\n\npublish: 2062")
    #expect(
      try build(session, .inPlace, drafts: true, "above both") == [
        "content.far-publish@8:10", "content.future-updated@10:10",
      ])
  }

  /// The converse: `publish: 2062-…` or an `updated` day to come typed into a page the session
  /// edits in place is warned of by that build, and mending it takes the warning away.
  @Test func aSlipTypedInIsWarnedAtOnceAndGoesWhenMended() throws {
    let session = BuildSession()
    #expect(try build(session, .full, drafts: true, "first").isEmpty)
    try edit(page) { $0 + "\n追記です。\n" }
    #expect(try build(session, .inPlace, drafts: true, "body").isEmpty)
    try replace("status: planned\n", with: "status: planned\npublish: 2062-12-04T09:00:00+09:00\n")
    #expect(try build(session, .incremental, drafts: true, "typed") == ["content.far-publish@6:10"])
    try replace("publish: 2062", with: "publish: 2026")
    #expect(try build(session, .incremental, drafts: true, "mended").isEmpty)
    try replace("status: planned\n", with: "status: planned\nupdated: 2027-11-01\n")
    #expect(
      try build(session, .incremental, drafts: true, "updated") == ["content.future-updated@6:10"]
    )
    try replace("updated: 2027-11-01", with: "updated: 2026-12-04")
    #expect(try build(session, .incremental, drafts: true, "updated mended").isEmpty)
    try replace("---\ntitle:", with: "---\n# メモ\ntitle:")
    #expect(try build(session, .inPlace, drafts: true, "after all").isEmpty)
  }

  /// The words of a clock warning name the build's day: after midnight in Japan, an edit of
  /// any page goes the usual way while the site has such a warning, and the warning says the
  /// new day; without one, the quick way stays.
  @Test func aNewDayInJapanMakesTheClocksWarningsAgain() throws {
    let session = BuildSession()
    let basics = content.appendingPathComponent("strategy/basics.md")
    #expect(try build(session, .full, drafts: true, "first").isEmpty)
    try edit(basics) { $0 + "\n追記です。\n" }
    try build(session, .inPlace, drafts: true, at: "2026-11-26T00:00:00+09:00", "next day")
    try replace("status: planned\n", with: "status: planned\npublish: 2062-12-04T09:00:00+09:00\n")
    try build(session, .incremental, drafts: true, at: "2026-11-26T08:00:00+09:00", "typed")
    try edit(basics) { $0 + "\nもう一つ。\n" }
    try build(session, .inPlace, drafts: true, at: "2026-11-26T23:59:59+09:00", "same day")
    try edit(basics) { $0 + "\nさらに。\n" }
    try build(session, .incremental, drafts: true, at: "2026-11-27T00:00:00+09:00", "a new day")
    let said = try #require(session.cache?.diagnostics.first { $0.code == FarPublish.code })
    #expect(said.message.contains("(2026-11-27)"), "\(said.message)")
  }

  /// A cached warning the clock no longer gives, or none where it gives one: not moved, the
  /// usual way makes them.
  @Test func clockWarningsThatDisagreeWithTheClockAreNotMoved() throws {
    let text = """
      ---
      title: t
      summary: s
      fields: [safety]
      publish: 2062-12-04T09:00:00+09:00
      ---
      """
    try text.write(to: page, atomically: true, encoding: .utf8)
    let now = DateTime(iso: "2026-11-25T00:00:00+09:00")!
    let (loaded, diagnostics) = ContentLoader.load(
      contentDirectory: content, includeDrafts: true, now: now)
    let far = diagnostics.filter { $0.code == FarPublish.code }
    #expect(far.count == 1)
    let parsed = try #require(
      loaded?.pages.first { $0.relativePath == "initiatives/cyber-security.md" })
    func moved(_ cached: [Diagnostic], at now: DateTime) -> [Diagnostic]? {
      EditInPlace.clockWarnings(
        from: parsed, to: parsed, in: cached, now: now, contentDirectory: content)?.new
    }
    #expect(moved(far, at: now)?.map(\.location.line) == [5])
    #expect(moved([], at: now) == nil)
    #expect(moved(far, at: DateTime(iso: "2061-12-04T09:00:00+09:00")!) == nil)
    #expect(moved(far + far, at: now) == nil)
    try text.replacingOccurrences(of: "publish: 2062", with: "publish: 2063")
      .write(to: page, atomically: true, encoding: .utf8)
    let later = try #require(
      ContentLoader.load(contentDirectory: content, includeDrafts: true).0?.pages.first {
        $0.relativePath == "initiatives/cyber-security.md"
      })
    #expect(later.publish != parsed.publish)
    #expect(
      EditInPlace.clockWarnings(
        from: parsed, to: later, in: far, now: now, contentDirectory: content) == nil)
  }
}
