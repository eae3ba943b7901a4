import Diagnostics
import Foundation
import Testing

@testable import Check

/// The communications team reads `portal check` in Japanese: every rule's message and hint is
/// in words a writer acts on (no developer's jargon), and names the file to change. Each rule
/// is run here on a fixture that triggers it, with the Markdown and the templates behind its
/// pages where the writer's wording depends on them.
@Suite struct PlainJapaneseTests {
  /// Words a writer cannot act on, each replaced by what it means: 「見出しへのリンク（# の後
  /// ろ）」 for the anchor, 「ビルドが残した記録」 for the source map, 「見た目の指定
  /// （`style="…"`）」 for a style attribute, 「ほかのサイトへのリンク」 for an external link…
  static let jargon = [
    "フラグメント", "アンカー", "ソースマップ", "要素", "属性", "インライン", "リソース", "エンコード", "スタブ",
    "キャッシュ", "ディレクトリ", "レンダリング", "パス", "外部リンク", "リクエスト", "meta refresh", "srcset",
    "canonical", "fragment", "anchor", "HTML ファイル",
  ]

  /// What `diagnostic` says in Japanese, message and hint.
  static func words(_ d: Diagnostic) -> String {
    (d.japanese?.message ?? "") + "\n" + (d.japanese?.hint ?? "")
  }

  /// Expects plain words naming the file the problem is reported at; returns the codes.
  @discardableResult
  static func expectPlain(
    _ diagnostics: [Diagnostic], sourceLocation: Testing.SourceLocation = #_sourceLocation
  ) -> Set<String> {
    for d in diagnostics {
      let text = words(d)
      #expect(d.japanese != nil, "\(d.text)", sourceLocation: sourceLocation)
      for word in jargon {
        #expect(!text.contains(word), "「\(word)」 in \(text)", sourceLocation: sourceLocation)
      }
      // An id is said once as what it is for.
      let bareID = text.range(of: #"(?<![A-Za-z（])id(?![A-Za-z])"#, options: .regularExpression)
      #expect(bareID == nil, "a bare id in \(text)", sourceLocation: sourceLocation)
      #expect(
        !text.contains(Spot.here), "the place left out of \(text)", sourceLocation: sourceLocation)
      #expect(
        text.contains("`\(d.location.file)`"), "\(d.location.file) not named in \(text)",
        sourceLocation: sourceLocation)
      // Counts as every Japanese summary writes them: no space before the counter.
      #expect(
        text.range(of: #"[0-9] (件|個|ページ|回|秒|行目)"#, options: .regularExpression) == nil,
        "\(text)", sourceLocation: sourceLocation)
    }
    return Set(diagnostics.compactMap(\.code))
  }

  /// A page whose body comes from `content/<source>.md`, with the links and headings the
  /// source map records for it.
  static func mapped(
    _ source: String, links: [SourceMap.Link] = [], headings: [SourceMap.Heading] = []
  ) -> (String?, String?, [SourceMap.Link], [SourceMap.Heading]) {
    ("content/\(source).md", "theme/templates/initiative.mustache", links, headings)
  }

  @Test func everyRuleSaysWhatToChangeInWhichFile() async throws {
    var seen: Set<String> = []
    // Written in Markdown, as the source map says.
    let written = try FixtureSite([
      "site/initiatives/a/index.html": page(
        "取組A",
        body: """
          <h1>二つ目</h1>
          <h2><span id="概要" class="anchor">概要</span></h2>
          <h4><span id="細目" class="anchor">細目</span></h4>
          <h2><span id="概要" class="anchor">概要</span></h2>
          <p><a href="/initiatives/b/#なにが変わる">B の変わること</a>
          <a href="/initiatives/b/#まったく別">B の別の所</a>
          <a href="/events/x/">イベント</a> <a href="/events">一覧</a> <a href="../../../up/">上</a>
          <a href="/events/">こちら</a> <a href="/"></a></p>
          <img src="/files/地図.png" alt="地図"> <img src="/files/a.png">
          <table><tr><td>1</td></tr></table>
          """),
      "site/initiatives/b/index.html": page(
        "取組B", body: #"<h2><span id="なにが変わるか" class="anchor">なにが変わるか</span></h2>"#),
      "site/events/index.html": page("イベント"),
      "site/files/a.png": "",
      "site/.portal/sourcemap.json": sourceMap([
        "initiatives/a/index.html": Self.mapped(
          "initiatives/a",
          links: [
            .init(url: "/initiatives/b/#なにが変わる", line: 14, column: 4, text: "B の変わること"),
            .init(url: "/initiatives/b/#まったく別", line: 15, column: 1, text: "B の別の所"),
            .init(url: "/events/x/", line: 16, column: 1, text: "イベント"),
            .init(url: "/events", line: 16, column: 20, text: "一覧"),
            .init(url: "../../../up/", line: 16, column: 30, text: "上"),
            .init(url: "/events/", line: 17, column: 1, text: "こちら"),
            .init(url: "/", line: 17, column: 20, text: ""),
            .init(url: "/files/地図.png", line: 18, column: 1, image: true, text: "地図"),
          ],
          headings: [
            .init(level: 1, text: "二つ目", line: 8), .init(level: 2, text: "概要", line: 10),
            .init(level: 4, text: "細目", line: 12), .init(level: 2, text: "概要", line: 13),
          ]),
        "initiatives/b/index.html": Self.mapped(
          "initiatives/b", headings: [.init(level: 2, text: "なにが変わるか", line: 9)]),
      ]),
      "theme/templates/initiative.mustache": "<main>{{{page.body}}}</main>",
    ])
    let inMarkdown = await written.check()
    seen.formUnion(Self.expectPlain(inMarkdown.diagnostics))
    #expect(inMarkdown.diagnostics.filter { $0.location.file.hasSuffix(".md") }.count >= 12)

    // Written in the templates: the theme's own problems, on the pages that show them.
    let theme = try FixtureSite([
      "site/index.html": page(
        lang: nil,
        head: PolicyTests.theme
          + #"<link rel="stylesheet" href="/assets/a.css"><link rel="icon" href="/assets/i.svg">"#,
        body: """
          <script src="/assets/a.js"></script>
          <form action="/send/"><button type="submit"></button><input name="q"></form>
          <p id="x">一</p><p id="x">二</p>
          <img src="https://maps.example.com/a.png" alt="地図">
          <p style="color: red">赤</p> <script>alert(1)</script>
          """),
      "site/gone/index.html":
        #"<!DOCTYPE html><html lang="ja"><head><meta http-equiv="refresh" content="0; url=/nowhere/"><title>移動</title></head><body><h1>移動</h1></body></html>"#,
      "site/none/index.html":
        "<!DOCTYPE html>\n<html lang=\"ja\"><body><main><h2>見出し</h2></main></body></html>",
      "site/sitemap.xml": """
      <urlset>
      <url><loc>https://dx.example.jp/event/</loc></url>
      <url><loc>https://other.example.jp/</loc></url>
      </urlset>
      """,
      "site/.portal/sourcemap.json": sourceMap([
        "index.html": (nil, "theme/templates/home.mustache", [], []),
        "gone/index.html": (nil, "theme/templates/redirect.mustache", [], []),
        "none/index.html": (nil, "theme/templates/home.mustache", [], []),
      ]),
      "theme/templates/home.mustache":
        "<html>\n<main>\n<script src=\"/assets/a.js\"></script>\n</main>",
      "theme/templates/redirect.mustache":
        "<meta http-equiv=\"refresh\" content=\"0; url={{url}}\">",
    ])
    let inTemplates = await theme.check(baseURL: "https://dx.example.jp/")
    seen.formUnion(Self.expectPlain(inTemplates.diagnostics))

    // A site published under a path, without a source map: the built page is named.
    let sub = try FixtureSite([
      "site/index.html": page(body: #"<a href="/events/">イベント</a>"#),
      "site/events/index.html": page("イベント"),
      "site/sitemap.xml": "<urlset><url><loc>https://example.jp/dx/events/</loc></url></urlset>",
    ])
    let underPath = await sub.check()
    seen.formUnion(Self.expectPlain(underPath.diagnostics))
    #expect(
      underPath.diagnostics.first?.japanese?.message
        == "リンク先 `/events/` には、サイトの置き場所が付いていません。サイトは `/dx/` の下に公開するので、このアドレスは、公開したときにサイトの外を指します"
    )
    #expect(
      underPath.diagnostics.first?.japanese?.hint?.hasPrefix(
        "できあがったページ `site/index.html` の6行目のアドレスを `/dx/events/` にしてください。") == true)

    // Links to other sites, placed at a Markdown line.
    let at = Placement(
      location: SourceLocation(file: "content/initiatives/a.md", line: 7, column: 3),
      namesPage: false)
    let u = "https://example.jp/a"
    let outcomes: [ExternalOutcome] = [
      .init(url: u, state: .broken, status: 404, attempts: 1),
      .init(url: u, state: .timeout, detail: "no answer within 10 s", attempts: 3),
      .init(url: u, state: .movedPermanently, status: 200, location: "https://example.jp/b"),
      .init(url: u, state: .rateLimited, status: 429, attempts: 2),
    ]
    let external = outcomes.compactMap { ExternalProblems.problem($0, u) }.map {
      Finding(page: "initiatives/a/index.html", $0, at).diagnostic
    }
    seen.formUnion(Self.expectPlain(external))
    // No site answering at all: said once, at the site.
    let offline = ExternalProblems.offline(
      [
        .init(url: u, state: .broken, detail: "the host name could not be found"),
        .init(url: "https://example.org/", state: .timeout, detail: "no answer within 10 s"),
      ], at: "site")
    seen.formUnion(Self.expectPlain(offline.map { [$0] } ?? []))

    #expect(
      seen.isSuperset(of: RuleCatalog.all.map(\.id)),
      "\(Set(RuleCatalog.all.map(\.id)).subtracting(seen))")
  }

  /// `check.site`, `check.source-map` and `check.stale` name the folder or files too.
  @Test func problemsOfTheSiteItselfNameTheirFiles() async throws {
    let none = try await FixtureSite([:]).check()
    #expect(Self.expectPlain(none.diagnostics) == ["check.site"])
    let theme = try await FixtureSite(["site/a.css": ""]).check()
    #expect(Self.expectPlain(theme.diagnostics) == ["check.site"])
    let unreadable = try FixtureSite([
      "site/index.html": page(body: #"<a href="/nope/">無い</a>"#),
      "site/.portal/sourcemap.json": "{not json",
      "content/a.md": "# a",
    ])
    try FileManager.default.setAttributes(
      [.modificationDate: Date().addingTimeInterval(60)],
      ofItemAtPath: unreadable.root.appendingPathComponent("content/a.md").path)
    let report = await unreadable.check()
    #expect(
      Self.expectPlain(report.diagnostics) == ["check.source-map", "check.stale", "link.broken"])
  }

  /// A `#…` that names no heading is told as the heading of the page meant, with the line
  /// of the heading and what to write instead.
  @Test func aMissingHeadingIsNamedWithThePageAndTheLineToChange() async throws {
    let site = try FixtureSite([
      "site/strategy/basics/index.html": page(
        "基本的な考え方",
        body: """
          <p><a href="/initiatives/ai/#なにが変わる">防災の取組</a>
          <a href="/initiatives/ai/#zzz">別の所</a></p>
          """),
      "site/initiatives/ai/index.html": page(
        "AI防災",
        body: """
          <h2><span id="なにが変わるか" class="anchor">なにが変わるか</span></h2>
          <h2><span id="だれが使うか" class="anchor">だれが<ruby>使<rp>(</rp><rt>つか</rt><rp>)</rp></ruby>うか</span></h2>
          <h2 id="related-heading">関係する取組</h2>
          """),
      "site/.portal/sourcemap.json": sourceMap([
        "strategy/basics/index.html": Self.mapped(
          "strategy/basics",
          links: [
            .init(url: "/initiatives/ai/#なにが変わる", line: 5, column: 1, text: "防災の取組"),
            .init(url: "/initiatives/ai/#zzz", line: 6, column: 1, text: "別の所"),
          ]),
        "initiatives/ai/index.html": Self.mapped(
          "initiatives/ai",
          headings: [
            .init(level: 2, text: "なにが変わるか", line: 12),
            .init(level: 2, text: "だれが{使|つか}うか", line: 20),
          ]),
      ]),
    ])
    let report = await site.check()
    Self.expectPlain(report.diagnostics)
    let ja = report.diagnostics.compactMap(\.japanese)
    #expect(
      ja.first
        == .init(
          message:
            "リンク先 `/initiatives/ai/#なにが変わる` は、ページ「AI防災」（`content/initiatives/ai.md`）の見出し「なにが変わる」を指していますが、そのページにこの見出しはありません",
          hint:
            "見出し「なにが変わるか」（`content/initiatives/ai.md` の12行目）へのリンクなら、`content/strategy/basics.md` の5行目のリンク先の `#なにが変わる` を `#なにが変わるか` に直してください。見出しへのリンク（# の後ろ）には、見出しの文字を書きます。ページの先頭へのリンクでよいなら、# から後ろを消してください"
        ))
    // No heading near it: the page's headings from its Markdown, not the template's.
    #expect(
      ja.last?.hint
        == "見出しへのリンク（# の後ろ）には、見出しの文字を書きます。`content/strategy/basics.md` の6行目のリンク先の # の後ろを、そのページの見出しに合わせて直してください（「なにが変わるか」は `#なにが変わるか`、「だれが使うか」は `#だれが使うか`）。ページの先頭へのリンクでよいなら、# から後ろを消してください"
    )
    // The English is as it was.
    #expect(
      report.diagnostics.first?.message
        == "link to /initiatives/ai/#なにが変わる points to a missing anchor: initiatives/ai/index.html has no id \"なにが変わる\""
    )
  }

  /// A page of many headings and many broken links to them: each link placed at its own line,
  /// a heading written twice named at its first line, the rest counted.
  @Test func manyBrokenLinksIntoAPageOfManyHeadings() async throws {
    let count = 40
    let headings = (0..<count).map { #"<h2 id="h\#($0)">見出し\#($0)</h2>"# }
    let links = (0..<count).map { #"<a href="/b/#h\#($0)x">リンク\#($0)</a>"# }
    let site = try FixtureSite([
      "site/a/index.html": page(
        "あ", body: "<p>" + links.joined(separator: "\n") + #"<a href="/b/#zzzzzz">先</a></p>"#),
      "site/b/index.html": page(
        "い", body: headings.joined(separator: "\n") + #"<h2 id="h0-1">見出し0</h2>"#),
      "site/.portal/sourcemap.json": sourceMap([
        "a/index.html": Self.mapped(
          "a",
          links: (0..<count).map {
            .init(url: "/b/#h\($0)x", line: 10 + $0, column: 3, text: "リンク\($0)")
          } + [.init(url: "/b/#zzzzzz", line: 90, column: 1, text: "先")]),
        "b/index.html": Self.mapped(
          "b",
          headings: (0..<count).map { .init(level: 2, text: "見出し\($0)", line: 100 + $0) }
            + [.init(level: 2, text: "見出し0", line: 500)]),
      ]),
    ])
    let report = await site.check()
    let fragments = report.diagnostics.filter { $0.code == "link.fragment" }
    #expect(fragments.count == count + 1)
    #expect(fragments.map(\.location.line) == (0..<count).map { 10 + $0 } + [90])
    #expect(
      fragments.first?.japanese?.hint
        == "見出し「見出し0」（`content/b.md` の100行目）へのリンクなら、`content/a.md` の10行目のリンク先の `#h0x` を `#h0` に直してください。見出しへのリンク（# の後ろ）には、見出しの文字を書きます。ページの先頭へのリンクでよいなら、# から後ろを消してください"
    )
    #expect(fragments[39].japanese?.hint?.contains("`#h39x` を `#h39`") == true)
    #expect(
      fragments.last?.japanese?.hint?.contains(
        "（「見出し0」は `#h0`、「見出し1」は `#h1`、「見出し2」は `#h2`、「見出し3」は `#h3`、「見出し4」は `#h4`、ほかに見出し36個）"
      ) == true)
  }

  /// Headings are told in Markdown's `#` when written in Markdown, as `<h3>` in a template.
  @Test func headingLevelsInTheWritersForm() async throws {
    let body = "<h2>概要</h2>\n<h4>細目</h4>"
    let site = try FixtureSite([
      "site/a/index.html": page("A", body: body),
      "site/b/index.html": page("B", body: body),
      "site/.portal/sourcemap.json": sourceMap([
        "a/index.html": Self.mapped(
          "a",
          headings: [.init(level: 2, text: "概要", line: 7), .init(level: 4, text: "細目", line: 9)]),
        "b/index.html": (nil, "theme/templates/b.mustache", [], []),
      ]),
      "theme/templates/b.mustache": "<main>\n<h2>概要</h2>\n<h4>細目</h4>\n</main>",
    ])
    let ja = await site.check().diagnostics.compactMap(\.japanese)
    #expect(
      ja == [
        .init(
          message: "見出し「細目」（`####`）は、前の見出し（`##`）から段を飛ばしています",
          hint:
            "`content/a.md` の9行目の見出しを `###` で始めてください。読み上げソフトを使う人は、見出しの段をたどってページの中を移動します"
        ),
        .init(
          message: "見出し「細目」（`<h4>`）は、前の見出し（`<h2>`）から段を飛ばしています（ページ `/b/` で）",
          hint:
            "テンプレート `theme/templates/b.mustache` の3行目の見出しを `<h3>` にしてください。読み上げソフトを使う人は、見出しの段をたどってページの中を移動します"
        ),
      ])
  }
}
