import ByteFormats
import Diagnostics
import Foundation
import Testing

@testable import Check

/// Problems are reported where they were written: the Markdown line from the build's source
/// map, the front matter, the template chain, and only without a map the HTML file.
@Suite struct SourceMapTests {
  static let layout = """
    <!DOCTYPE html>
    <html lang="{{site.language}}">
    <head><link rel="stylesheet" href="/assets/missing.css"></head>
    <body>{{$main}}{{/main}}
    <a href="{{site.feed_url}}">フィード</a>
    </body></html>
    """

  static let initiative = """
    {{< layout}}
    {{$main}}
    <h1>{{page.title}}</h1>
    {{> links}}
    {{/main}}
    {{/layout}}
    """

  static let markdown = """
    ---
    title: AI防災
    links:
      - { title: 計画書, url: /docs/plan.pdf }
    ---

    ## 概要

    くわしくは[用語](../glossary/dxx.md)と
    [もう一度](../glossary/dxx.md)を見てください。
    """

  @Test func bodyLinksPointAtTheirMarkdownLines() async throws {
    let site = try FixtureSite([
      "site/initiatives/ai/index.html": page(
        "AI防災",
        body: """
          <h2 id="概要">概要</h2>
          <p>くわしくは<a href="/glossary/dxx/">用語</a>と
          <a href="/glossary/dxx/">もう一度</a>を見てください。</p>
          """),
      "content/initiatives/ai.md": Self.markdown,
      "site/.portal/sourcemap.json": sourceMap([
        "initiatives/ai/index.html": (
          "content/initiatives/ai.md", nil,
          [
            .init(url: "/glossary/dxx/", line: 9, column: 6, text: "用語"),
            .init(url: "/glossary/dxx/", line: 10, column: 1, text: "もう一度"),
          ], [.init(level: 2, text: "概要", line: 7)]
        )
      ]),
    ])
    let lines = await site.lines()
    #expect(
      lines == [
        "content/initiatives/ai.md:9:6: error: link to /glossary/dxx/ is broken: the site has no glossary/dxx/index.html [link.broken]",
        "content/initiatives/ai.md:10:1: error: link to /glossary/dxx/ is broken: the site has no glossary/dxx/index.html [link.broken]",
      ])
  }

  @Test func percentEncodedHrefsMatchMapURLsAsWritten() async throws {
    // cmark percent-encodes Japanese in hrefs; the map keeps the URL as the writer wrote it.
    let site = try FixtureSite([
      "site/strategy/basics/index.html": page(
        "基本的な考え方",
        body:
          #"<p><a href="/initiatives/ai/#%E3%81%AA%E3%81%AB%E3%81%8C%E5%A4%89%E3%82%8F%E3%82%8B">防災の取組</a></p>"#
      ),
      "site/initiatives/ai/index.html": page("AI防災", body: #"<h2 id="なにが変わるか">なにが変わるか</h2>"#),
      "content/strategy/basics.md":
        "---\ntitle: 基本的な考え方\n---\n\n[防災の取組](../initiatives/ai.md#なにが変わる)\n",
      "site/.portal/sourcemap.json": sourceMap([
        "strategy/basics/index.html": (
          "content/strategy/basics.md", "theme/templates/strategy.mustache",
          [.init(url: "/initiatives/ai/#なにが変わる", line: 5, column: 1, text: "防災の取組")], []
        )
      ]),
    ])
    let report = await site.check()
    #expect(
      report.diagnostics.map(FixtureSite.line) == [
        "content/strategy/basics.md:5:1: error: link to /initiatives/ai/#なにが変わる points to a missing anchor: initiatives/ai/index.html has no id \"なにが変わる\" [link.fragment]"
      ])
    #expect(report.diagnostics.first?.hint?.hasPrefix("did you mean #なにが変わるか?") == true)
  }

  @Test func frontMatterURLsAreFoundInTheMarkdownFile() async throws {
    let site = try FixtureSite([
      "site/initiatives/ai/index.html": page(
        "AI防災", body: #"<h2 id="概要">概要</h2><ul><li><a href="/docs/plan.pdf">計画書</a></li></ul>"#),
      "content/initiatives/ai.md": Self.markdown,
      "site/.portal/sourcemap.json": sourceMap([
        "initiatives/ai/index.html": (
          "content/initiatives/ai.md", "theme/templates/initiative.mustache", [], []
        )
      ]),
    ])
    let lines = await site.lines()
    #expect(
      lines == [
        "content/initiatives/ai.md:4:24: error: link to /docs/plan.pdf is broken: the site has no docs/plan.pdf [link.broken]"
      ])
  }

  /// A link the layout writes with a tag in part of its address (`{{site.home_url}}old/`) is
  /// found there by its literal part: one problem at the layout's line for every page
  /// template, not one per template at its line 1.
  @Test func aPartlyTemplatedAddressIsFoundInTheLayout() async throws {
    let layout = Self.layout.replacingOccurrences(
      of: #"<a href="{{site.feed_url}}">"#, with: #"<a class="x" href="{{site.home_url}}old/">"#)
    let html = page("AI防災", body: #"<a class="x" href="/old/">古い</a>"#)
    func entry(_ template: String) -> (String?, String?, [SourceMap.Link], [SourceMap.Heading]) {
      (nil, "theme/templates/\(template).mustache", [], [])
    }
    let site = try FixtureSite([
      "site/initiatives/a/index.html": html,
      "site/events/b/index.html": html,
      "theme/templates/initiative.mustache": Self.initiative,
      "theme/templates/event.mustache": Self.initiative,
      "theme/templates/layout.mustache": layout,
      "theme/templates/links.mustache": "<ul></ul>",
      "site/.portal/sourcemap.json": sourceMap([
        "initiatives/a/index.html": entry("initiative"), "events/b/index.html": entry("event"),
      ]),
    ])
    let report = await site.check()
    #expect(
      report.diagnostics.filter { $0.code == "link.broken" }.map(FixtureSite.line) == [
        "theme/templates/layout.mustache:5:14: error: link to /old/ is broken: the site has no old/index.html (in events/b/index.html and 1 other page) [link.broken]"
      ])
    // A value a tag writes whole is not guessed at: `{{url}}` could be any link.
    #expect(TemplateSearch.templated("href", "/old/", in: #"<a href="{{url}}">"#) == nil)
    #expect(TemplateSearch.templated("href", "/old/", in: #"<a href="{{base}}new/">"#) == nil)
    #expect(TemplateSearch.templated("href", "/a/#x", in: #"<a href="{{u}}#x">"#) == 3)
  }

  @Test func templateLiteralsAreFoundInTheLayoutAndNamePages() async throws {
    let html = page(
      "AI防災", head: #"<link rel="stylesheet" href="/assets/missing.css">"#,
      body: #"<a href="/events/feed.xml">フィード</a>"#)
    let entry: (String?, String?, [SourceMap.Link], [SourceMap.Heading]) = (
      nil, "theme/templates/initiative.mustache", [], []
    )
    let site = try FixtureSite([
      "site/initiatives/a/index.html": html,
      "site/initiatives/b/index.html": html,
      "site/initiatives/c/index.html": html,
      "theme/templates/initiative.mustache": Self.initiative,
      "theme/templates/layout.mustache": Self.layout,
      "theme/templates/links.mustache": "<ul></ul>",
      "site/.portal/sourcemap.json": sourceMap([
        "initiatives/a/index.html": entry, "initiatives/b/index.html": entry,
        "initiatives/c/index.html": entry,
      ]),
    ])
    let report = await site.check()
    #expect(
      report.diagnostics.map(FixtureSite.line) == [
        "theme/templates/initiative.mustache:1:1: error: link to /events/feed.xml is broken: the site has no events/feed.xml (in initiatives/a/index.html and 2 other pages) [link.broken]",
        "theme/templates/layout.mustache:3:30: error: stylesheet /assets/missing.css is missing: the site has no assets/missing.css (in initiatives/a/index.html and 2 other pages) [link.stylesheet]",
      ])
    // Per page (JUnit) each page has both problems.
    #expect(
      Dictionary(grouping: report.findings, by: { $0.page }).mapValues(\.count).values.allSatisfy {
        $0 == 2
      })
    #expect(
      report.findings.first { $0.page == "initiatives/b/index.html" }?.pageDiagnostic.message
        .hasSuffix(
          "(in initiatives/b/index.html)") == true)
  }

  @Test func headingsAndImagesPointAtTheirMarkdownLines() async throws {
    let site = try FixtureSite([
      "site/a/index.html": page(
        "ページ",
        body: """
          <h2 id="概要">概要</h2>
          <h4 id="細目"><ruby>細目<rp>（</rp><rt>さいもく</rt><rp>）</rp></ruby></h4>
          <p><img src="/images/map.png"></p>
          """),
      "site/images/map.png": "png",
      "content/a.md": "---\ntitle: ページ\n---\n\n## 概要\n\n#### {細目|さいもく}\n\n![](../images/map.png)\n",
      "site/.portal/sourcemap.json": sourceMap([
        "a/index.html": (
          "content/a.md", "theme/templates/page.mustache",
          [.init(url: "/images/map.png", line: 9, column: 1, image: true)],
          [.init(level: 2, text: "概要", line: 5), .init(level: 4, text: "{細目|さいもく}", line: 7)]
        )
      ]),
    ])
    let lines = await site.lines()
    #expect(
      lines == [
        "content/a.md:7:1: warning: heading <h4> 「細目」 skips a level: the previous heading is <h2> [a11y.heading-order]",
        "content/a.md:9:1: error: image /images/map.png has no alt attribute [a11y.img-alt]",
      ])
  }

  @Test func absoluteSourcePathsAreShownRelativeToTheProject() async throws {
    let site = try FixtureSite(["site/a/index.html": page(body: #"<a href="/nope/">無い</a>"#)])
    let absolute = site.root.appendingPathComponent("content/a.md").path
    try site.write("content/a.md", "[無い](nope.md)\n")
    try site.write(
      "site/.portal/sourcemap.json",
      sourceMap(["a/index.html": (absolute, nil, [.init(url: "/nope/", line: 1, column: 1)], [])]))
    let lines = await site.lines()
    #expect(
      lines == [
        "content/a.md:1:1: error: link to /nope/ is broken: the site has no nope/index.html [link.broken]"
      ])
  }

  /// The map is read only to place a problem: a site without problems passes even with an
  /// unreadable one (it was decoded up front before, a tenth of a check of 10,000 pages).
  @Test func anUnreadableSourceMapMattersOnlyWhenAProblemNeedsIt() async throws {
    let site = try FixtureSite([
      "site/index.html": page(body: #"<a href="/">ホーム</a>"#),
      "site/.portal/sourcemap.json": "{not json",
    ])
    #expect(await site.lines() == [])
  }

  /// A build that failed left the previous site: a file saved since is said to have changed,
  /// since the lines named are those of the build.
  @Test func sourcesSavedAfterTheBuildAreSaidToHaveMoved() async throws {
    let site = try FixtureSite([
      "site/initiatives/ai/index.html": page(
        "AI防災", body: #"<p><a href="/glossary/dxx/">用語</a></p>"#),
      "content/initiatives/ai.md": Self.markdown,
      "site/.portal/sourcemap.json": sourceMap([
        "initiatives/ai/index.html": (
          "content/initiatives/ai.md", nil,
          [.init(url: "/glossary/dxx/", line: 9, column: 6, text: "用語")], []
        )
      ]),
    ])
    #expect(await site.lines().count == 1)
    try FileManager.default.setAttributes(
      [.modificationDate: Date().addingTimeInterval(60)],
      ofItemAtPath: site.root.appendingPathComponent("content/initiatives/ai.md").path)
    let lines = await site.lines()
    #expect(
      lines.contains(
        "content/initiatives/ai.md:1:1: warning: content/initiatives/ai.md changed after this site was built: the lines named below are those of the build, and may have moved [check.stale]"
      ), "\(lines)")
  }

  /// With the hash the build recorded, a source saved again with its bytes unchanged (a fresh
  /// checkout, a `touch`) moved no line; one changed byte may have.
  @Test func aSourceSavedWithTheSameBytesHasNotMoved() async throws {
    let map = sourceMap([
      "initiatives/ai/index.html": (
        "content/initiatives/ai.md", nil,
        [.init(url: "/glossary/dxx/", line: 9, column: 6, text: "用語")], []
      )
    ])
    let record =
      #"{"files":{"content/initiatives/ai.md":""# + SourceHash.of(Data(Self.markdown.utf8))
      + #""},"version":1}"#
    let site = try FixtureSite([
      "site/initiatives/ai/index.html": page(
        "AI防災", body: #"<p><a href="/glossary/dxx/">用語</a></p>"#),
      "content/initiatives/ai.md": Self.markdown,
      "site/.portal/sourcemap.json": map,
      "site/.portal/sources.json": record,
    ])
    let source = site.root.appendingPathComponent("content/initiatives/ai.md").path
    try FileManager.default.setAttributes(
      [.modificationDate: Date().addingTimeInterval(60)], ofItemAtPath: source)
    #expect(await site.lines().count == 1)
    try site.write("content/initiatives/ai.md", Self.markdown + "。")
    try FileManager.default.setAttributes(
      [.modificationDate: Date().addingTimeInterval(60)], ofItemAtPath: source)
    #expect(
      await site.lines().contains(
        "content/initiatives/ai.md:1:1: warning: content/initiatives/ai.md changed after this site was built: the lines named below are those of the build, and may have moved [check.stale]"
      ))
  }

  /// Without a problem the map is not read, but a file of the content or the theme saved
  /// after the build still means the check is of the site as it was (a failed build left it).
  @Test func aCheckWithoutProblemsSaysWhenTheContentChangedSinceTheBuild() async throws {
    let site = try FixtureSite([
      "site/index.html": page(body: #"<a href="/">ホーム</a>"#),
      "site/.portal/sourcemap.json": "{not json",
      "content/initiatives/ai.md": Self.markdown,
      "theme/templates/layout.mustache": "<html></html>",
    ])
    #expect(await site.lines() == [])
    try FileManager.default.setAttributes(
      [.modificationDate: Date().addingTimeInterval(60)],
      ofItemAtPath: site.root.appendingPathComponent("content/initiatives/ai.md").path)
    #expect(
      await site.lines() == [
        "content/initiatives/ai.md:1:1: warning: content/initiatives/ai.md changed after this site was built: this check is of the site as it was built then [check.stale]"
      ])
  }

  @Test func anUnreadableSourceMapIsAWarningAndPositionsFallBackToHTML() async throws {
    let site = try FixtureSite([
      "site/index.html": page(body: #"<a href="/nope/">無い</a>"#),
      "site/.portal/sourcemap.json": "{not json",
    ])
    let lines = await site.lines()
    #expect(lines.count == 2)
    #expect(
      lines[0].hasPrefix(
        "site/.portal/sourcemap.json:1:1: warning: the source map could not be read"))
    #expect(
      lines[1]
        == "site/index.html:6:4: error: link to /nope/ is broken: the site has no nope/index.html [link.broken]"
    )
  }
}
