import Diagnostics
import Foundation
import TestSupport
import Testing

@testable import Build
@testable import Site

/// A link to a heading that is not there is found by the build, at the link, with the heading
/// meant; and incremental builds say the same as a full one: after one that takes the linking
/// body from the cache, after `portal serve`'s, and after the heading is renamed in the page
/// linked (the linking page is not rendered again: its bytes do not change).
@Suite struct HeadingLinkBuildTests {
  let basics = "strategy/basics.md"

  func warnings(_ report: BuildReport) -> [Diagnostic] {
    report.diagnostics.filter { $0.code == HeadingLinks.code }
  }

  func places(_ report: BuildReport) -> [String] { placesOf(HeadingLinks.code, in: report) }

  @Test func aHeadingThatIsNotThereIsAWarningAtTheLink() throws {
    let content = try copyFixture()
    let output = content.deletingLastPathComponent().appendingPathComponent("site")
    let page = content.appendingPathComponent("initiatives/ai-disaster.md")
    let line = try appendToBody(
      of: page,
      "[基本](../strategy/basics.md#しゅし)と[期間](../strategy/basics.md#期間)と[ここ](#なにがかわるか)、"
        + "[上](#top)と[注](#なにが変わるか)。")
    let report = SiteBuilder.build(options(content: content, output: output))
    #expect(report.succeeded, "\(report.diagnostics.map(\.text))")
    #expect(places(report) == ["ai-disaster.md:\(line):1", "ai-disaster.md:\(line):64"])
    let (other, own) = (warnings(report)[0], warnings(report)[1])
    #expect(other.severity == .warning)
    #expect(
      other.message
        == "the link points to `../strategy/basics.md#しゅし`, but `strategy/basics.md` has no heading with the anchor `しゅし`"
    )
    // Nothing near: the page's anchors.
    #expect(other.hint?.hasPrefix("its anchors are `#趣旨`, `#期間`; after `#`, write") == true)
    #expect(
      other.japanese?.message
        == "リンク `../strategy/basics.md#しゅし` の見出し「しゅし」が、リンク先の `strategy/basics.md` にありません")
    #expect(
      own.hint?.hasPrefix("did you mean `#なにが変わるか`? ") == true, "\(own.text)")
    #expect(own.japanese?.hint?.hasPrefix("`#なにが変わるか` のまちがいではありませんか。") == true)
  }

  /// Written as the heading reads (`#Overview`, `#申請（概要）`): the anchor the build made.
  @Test func theHeadingTextGetsItsAnchor() throws {
    let content = try copyFixture()
    let output = content.deletingLastPathComponent().appendingPathComponent("site")
    try appendToBody(
      of: content.appendingPathComponent(basics),
      "## Data Policy\n\n[方針](#Data Policy)と[同じ](<#Data Policy>)")
    let report = SiteBuilder.build(options(content: content, output: output))
    #expect(
      warnings(report).compactMap(\.hint).map { String($0.prefix(40)) } == [
        "did you mean `#data-policy`? after `#`, "
      ], "\(report.diagnostics.map(\.text))")
  }

  /// Anchors the body's HTML gives besides headings, and the theme's own ids, are no warning.
  @Test func idsOfTheThemeAndTheHTMLAreAnchors() throws {
    let content = try copyFixture()
    let output = content.deletingLastPathComponent().appendingPathComponent("site")
    try appendToBody(
      of: content.appendingPathComponent(basics),
      "[本文](#main)と[題](#page-title)と[関連](../initiatives/ai-disaster.md#related-heading)")
    let report = SiteBuilder.build(options(content: content, output: output))
    #expect(report.succeeded)
    #expect(warnings(report).isEmpty, "\(report.diagnostics.map(\.text))")
  }

  @Test func theWarningComesBackAfterBuildsThatTakeTheBodyFromTheCache() throws {
    let content = try copyFixture()
    let root = content.deletingLastPathComponent()
    let output = root.appendingPathComponent("site")
    let line = try appendToBody(
      of: content.appendingPathComponent(basics), "[取組](../initiatives/ai-disaster.md#なにがかわる)")
    let first = SiteBuilder.build(options(content: content, output: output))
    #expect(places(first) == ["basics.md:\(line):1"])
    // Up to date: the cache's warnings.
    #expect(places(SiteBuilder.build(options(content: content, output: output))) == places(first))
    // Another page edited: basics.md's body is a stub from the cache, its link checked again.
    try edit(content.appendingPathComponent("initiatives/cyber-security.md")) { $0 + "\n追記です。\n" }
    let other = SiteBuilder.build(options(content: content, output: output))
    #expect(other.mode == .incremental)
    #expect(!other.renderedPaths.contains("strategy/basics/index.html"))
    #expect(places(other) == places(first))
  }

  /// The heading renamed in the page linked: the link's warning comes (and goes when it is
  /// named back), though the linking page's output is the same and is not rendered.
  @Test func aHeadingRenamedInThePageLinkedWarnsAtTheLinksToIt() throws {
    let content = try copyFixture()
    let root = content.deletingLastPathComponent()
    let output = root.appendingPathComponent("site")
    let target = content.appendingPathComponent("initiatives/ai-disaster.md")
    #expect(warnings(SiteBuilder.build(options(content: content, output: output))).isEmpty)
    try edit(target) { $0.replacingOccurrences(of: "## なにが変わるか", with: "## 変わること") }
    let renamed = SiteBuilder.build(options(content: content, output: output))
    #expect(renamed.mode == .incremental)
    #expect(!renamed.renderedPaths.contains("strategy/basics/index.html"))
    #expect(places(renamed) == ["basics.md:9:10"], "\(renamed.diagnostics.map(\.text))")
    let full = SiteBuilder.build(
      options(content: content, output: root.appendingPathComponent("full")))
    #expect(places(full) == places(renamed))
    try edit(target) { $0.replacingOccurrences(of: "## 変わること", with: "## なにが変わるか") }
    #expect(warnings(SiteBuilder.build(options(content: content, output: output))).isEmpty)
  }

  /// `portal serve`: an edit in place to the page linked, or to the link, says the same.
  @Test func aSessionSaysTheSame() throws {
    let content = try copyFixture()
    let output = content.deletingLastPathComponent().appendingPathComponent("site")
    let session = BuildSession()
    func build() -> BuildReport {
      SiteBuilder.build(options(content: content, output: output), session: session)
    }
    #expect(build().succeeded)
    let target = content.appendingPathComponent("initiatives/ai-disaster.md")
    try edit(target) { $0.replacingOccurrences(of: "## なにが変わるか", with: "## 変わること") }
    #expect(places(build()) == ["basics.md:9:10"])
    // A body edit elsewhere in the page linked (in place when nothing else changes).
    try edit(target) { $0 + "\n追記です。\n" }
    #expect(places(build()) == ["basics.md:9:10"])
    // The link mended.
    try edit(content.appendingPathComponent(basics)) {
      $0.replacingOccurrences(of: "#なにが変わるか", with: "#変わること")
    }
    #expect(warnings(build()).isEmpty)
    // A link broken in an edit that could go in place.
    try edit(content.appendingPathComponent(basics)) {
      $0.replacingOccurrences(of: "#変わること", with: "#かわること")
    }
    #expect(places(build()) == ["basics.md:9:10"])
    #expect(places(build()) == ["basics.md:9:10"])
    // A heading added to the page linked, which the link does not name: in place, the
    // warning kept.
    try edit(target) { $0 + "\n## 新しい節\n\n備えます。\n" }
    let added = build()
    #expect(added.mode == .inPlace)
    #expect(places(added) == ["basics.md:9:10"])
  }
}

/// A heading never takes an id the theme's templates write: `## toc-heading` or `## site-menu`
/// made the id twice on the page (the table of contents' heading, the menu), and neither the
/// build nor `--strict` noticed. The templates' own ids are read from the theme, so a theme
/// that adds one is kept apart too.
@Suite struct TemplateIDHeadingTests {
  @Test func headingsNamedLikeTheTemplatesIdsTakeOthers() throws {
    let (content, theme, options) = try fixtureWithOwnTheme()
    // An id of the edited theme's own.
    let layout = theme.appendingPathComponent("templates/layout.mustache")
    try String(contentsOf: layout, encoding: .utf8)
      .replacingOccurrences(of: "</main>", with: "<p id=\"our-notice\"></p></main>")
      .write(to: layout, atomically: true, encoding: .utf8)
    try appendToBody(
      of: content.appendingPathComponent("initiatives/ai-disaster.md"),
      "## toc-heading\n\n本文。\n\n## site-menu\n\n本文。\n\n## page-terms-heading\n\n本文。\n\n## our-notice\n\n本文。\n"
    )
    let report = SiteBuilder.build(options)
    #expect(report.succeeded, "\(report.diagnostics.map(\.text))")
    let html = try String(
      contentsOf: options.outputDirectory.appendingPathComponent(
        "initiatives/ai-disaster/index.html"), encoding: .utf8)
    let ids = html.matches(of: /\sid="([^"]+)"/).map { String($0.output.1) }
    let twice = Dictionary(grouping: ids, by: { $0 }).filter { $0.value.count > 1 }.keys
    #expect(twice.isEmpty, "ids given twice: \(twice.sorted())")
    for id in ["toc-heading-2", "site-menu-2", "our-notice-2"] {
      #expect(ids.contains(id), "\(id)")
    }
  }
}
