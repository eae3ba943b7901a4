import Diagnostics
import Foundation
import Testing

@testable import Check

/// Every problem `portal check` reports has its message and hint in Japanese too, for writers
/// whose computer is set to Japanese; the English stays as it was (the other suites check it).
/// The language is always passed in: nothing here depends on the environment.
@Suite struct JapaneseMessagesTests {
  /// Whether `text` has kana or kanji: a message that was translated.
  static func isJapanese(_ text: String?) -> Bool {
    text?.unicodeScalars.contains { $0.isEastAsianWide } ?? false
  }

  /// Expects each diagnostic to have a Japanese message, and a Japanese hint exactly where the
  /// English has one; returns the codes seen.
  @discardableResult
  static func expectJapanese(
    _ diagnostics: [Diagnostic], sourceLocation: Testing.SourceLocation = #_sourceLocation
  ) -> Set<String> {
    for d in diagnostics {
      let ja = d.japanese
      #expect(ja != nil, "no Japanese for \(d.text)", sourceLocation: sourceLocation)
      #expect(isJapanese(ja?.message), "\(d.text)", sourceLocation: sourceLocation)
      #expect(
        (ja?.hint != nil) == (d.hint != nil), "hint of \(d.text)", sourceLocation: sourceLocation)
      if d.hint != nil {
        #expect(isJapanese(ja?.hint), "\(d.text)", sourceLocation: sourceLocation)
      }
      // The Japanese text is the one printed in Japanese.
      #expect(
        d.text(in: .japanese).contains(ja?.message ?? "\u{0}"), sourceLocation: sourceLocation)
    }
    return Set(diagnostics.compactMap(\.code))
  }

  @Test func everyRuleHasAJapaneseSummaryAndHint() {
    for rule in RuleCatalog.all {
      #expect(Self.isJapanese(rule.japaneseSummary), "\(rule.id)")
      #expect(Self.isJapanese(rule.japaneseHint), "\(rule.id)")
      #expect(rule.summary(in: .japanese) == rule.japaneseSummary)
      #expect(rule.summary(in: .english) == rule.summary)
    }
  }

  @Test func everyAccessibilityRule() async throws {
    let body = """
      <h1>二つ目</h1>
      <h2>概要</h2>
      <h4>細目</h4>
      <img src="/a.png">
      <a href="/"></a>
      <a href="/">こちら</a>
      <button type="button"></button>
      <input name="q">
      <table><tr><td>1</td></tr></table>
      <p id="x">一</p><p id="x">二</p>
      """
    let site = try FixtureSite([
      "site/index.html": page(lang: nil, body: body),
      "site/a.png": "",
      "site/none/index.html":
        "<!DOCTYPE html>\n<html lang=\"ja\"><body><main><h2>見出し</h2></main></body></html>",
    ])
    let report = await site.check()
    let codes = Self.expectJapanese(report.diagnostics)
    #expect(
      codes == [
        "a11y.html-lang", "a11y.img-alt", "a11y.heading-order", "a11y.h1-multiple",
        "a11y.h1-missing", "a11y.empty-link", "a11y.vague-link", "a11y.empty-button",
        "a11y.form-label", "a11y.table-header", "a11y.duplicate-id",
      ])
    let messages = report.diagnostics.compactMap(\.japanese?.message)
    #expect(messages.contains("ページの言語が書かれていません。`<html>` に `lang=\"ja\"` がありません"))
    #expect(messages.contains("画像 `/a.png` に、何が写っているかを説明する文（代わりのテキスト、`alt`）がありません"))
    #expect(messages.contains("見出し「細目」（`<h4>`）は、前の見出し（`<h2>`）から段を飛ばしています"))
    #expect(messages.contains("リンクの文字「こちら」では、どこへ移動するのかがわかりません（リンク先 `/`）"))
    #expect(messages.contains("入力欄 `<input type=\"text\">` に、何を入れる欄かを示す名前（ラベル）がありません"))
    let order = report.diagnostics.first { $0.code == "a11y.heading-order" }
    #expect(
      order?.japanese?.hint?.hasPrefix(
        "できあがったページ `site/index.html` の8行目の見出しを `<h3>` にしてください。") == true)
  }

  @Test func everyLinkAndSitemapRule() async throws {
    let stub =
      #"<!DOCTYPE html><html lang="ja"><head><meta http-equiv="refresh" content="0; url=/nowhere/"><title>移動</title></head><body><h1>移動</h1></body></html>"#
    let site = try FixtureSite([
      "site/index.html": page(
        head:
          #"<link rel="stylesheet" href="/assets/a.css"><link rel="icon" href="/assets/i.svg">"#,
        body: """
          <a href="/events/x/">イベント</a>
          <a href="/events/#無い">目印</a>
          <a href="/events">一覧</a>
          <img src="/files/地図.png" alt="地図">
          <script src="/assets/a.js"></script>
          <a href="../up/">上</a>
          <form action="/send/"><button>送る</button></form>
          <iframe src="/map/" title="地図"></iframe>
          <video src="/files/a.mp4"></video>
          """),
      "site/events/index.html": page("イベント", body: #"<h2 id="無し">無し</h2>"#),
      "site/gone/index.html": stub,
      "site/sitemap.xml": """
      <urlset>
      <url><loc>https://dx.example.jp/</loc></url>
      <url><loc>https://dx.example.jp/event/</loc></url>
      <url><loc>https://other.example.jp/</loc></url>
      </urlset>
      """,
    ])
    let report = await site.check(baseURL: "https://dx.example.jp/")
    let codes = Self.expectJapanese(report.diagnostics)
    #expect(
      codes == [
        "link.broken", "link.fragment", "link.folder", "link.image", "link.stylesheet",
        "link.script", "link.resource", "link.redirect", "link.outside", "sitemap.missing",
        "sitemap.outside",
      ])
    let byMessage = Dictionary(
      report.diagnostics.compactMap { d in d.japanese.map { ($0.message, $0.hint) } },
      uniquingKeysWith: { a, _ in a })
    #expect(byMessage["リンク先のページ `/events/x/` がサイトにありません"] != nil)
    #expect(
      byMessage["リンク先 `/events/#無い` は、ページ「イベント」の見出し「無い」を指していますが、そのページにこの見出しはありません"]
        == "見出し「無し」へのリンクなら、できあがったページ `site/index.html` の7行目のリンク先の `#無い` を `#無し` に直してください。見出しへのリンク（# の後ろ）には、見出しの文字を書きます。ページの先頭へのリンクでよいなら、# から後ろを消してください"
    )
    #expect(
      byMessage["リンク先 `/events` は一覧などのページ（フォルダー）を指していますが、最後に `/` がありません"]
        == "できあがったページ `site/index.html` の8行目のリンク先を `/events/` に直してください。`/` がないと、サーバーが別のアドレスへ転送することになり、ページが開くのが遅くなります"
    )
    #expect(byMessage["画像のファイル `/files/地図.png` がサイトにありません"] != nil)
    #expect(byMessage["フォームの送信先 `/send/` がサイトにありません"] != nil)
    #expect(byMessage["案内先のページ `/nowhere/` がサイトにありません"] != nil)
    #expect(byMessage["リンク先 `../up/` は、`../`（一つ上のフォルダーへ）が多すぎて、サイトの外を指しています"] != nil)
    #expect(
      byMessage[
        "検索エンジンに渡すページの一覧 `site/sitemap.xml` のアドレス `https://other.example.jp/` が、このサイトのアドレス `https://dx.example.jp/` で始まっていません"
      ] != nil)
    let missing = report.diagnostics.first { $0.code == "sitemap.missing" }
    #expect(
      missing?.japanese?.message
        == "検索エンジンに渡すページの一覧 `site/sitemap.xml` にあるアドレス `https://dx.example.jp/event/` のページが、サイトにありません"
    )
    #expect(
      missing?.japanese?.hint?.hasPrefix("`https://dx.example.jp/events/` のまちがいではありませんか。") == true)
  }

  @Test func everyPolicyProblem() async throws {
    let site = try FixtureSite([
      "site/index.html": page(
        head: PolicyTests.theme,
        body: """
          <img src="https://maps.example.com/a.png" alt="地図">
          <video src="https://v.example.com/a.mp4"></video>
          <iframe src="https://www.youtube.com/embed/x" title="動画"></iframe>
          <script src="https://cdn.example.com/a.js"></script>
          <link rel="stylesheet" href="https://cdn.example.com/a.css">
          <form action="https://forms.example.com/send"><button>送る</button></form>
          <p style="color: red">赤</p>
          <button type="button" onclick="alert(1)">押す</button>
          <script>alert(1)</script>
          <style>p { color: red }</style>
          <a href="javascript:alert(1)">地図を開く</a>
          """)
    ])
    let report = await site.check()
    #expect(Self.expectJapanese(report.diagnostics) == ["csp.blocked", "csp.inline"])
    let messages = report.diagnostics.compactMap(\.japanese?.message)
    #expect(messages.count == 11)
    #expect(Set(messages).count == 11)
    #expect(
      messages.contains(
        "画像 `https://maps.example.com/a.png` は、このサイトの安全のための設定（Content-Security-Policy の `img-src 'self' data:`）で止められるため、ブラウザーでは表示されません"
      ))
    #expect(
      messages.contains(
        "`<button>` の `onclick=` に書いたスクリプトは、このサイトの安全のための設定（Content-Security-Policy の `script-src 'self'`）で止められるため、実行されません"
      ))
    let image = report.diagnostics.first { $0.message.contains("maps.example.com") }
    #expect(image?.japanese?.hint?.contains("`img-src`") == true)
  }

  @Test func externalProblems() async throws {
    func ja(_ outcome: ExternalOutcome) -> Diagnostic.Japanese? {
      guard let problem = ExternalProblems.problem(outcome, outcome.url) else { return nil }
      let placement = Placement(location: SourceLocation(file: "a.md"), namesPage: false)
      let d = Finding(page: "a/index.html", problem, placement).diagnostic
      Self.expectJapanese([d])
      return d.japanese
    }
    let u = "https://example.jp/a"
    #expect(
      ja(.init(url: u, state: .movedPermanently, status: 200, location: "https://example.jp/b"))
        == .init(
          message: "ほかのサイトへのリンク `\(u)` のページは、`https://example.jp/b` に移りました",
          hint: "`a.md` の1行目のリンク先を、新しいアドレス `https://example.jp/b` に直してください"))
    #expect(
      ja(
        .init(
          url: u, state: .broken, status: 404,
          detail: "redirected to https://example.jp/c, which answers 404", attempts: 1))?.message
        == "ほかのサイトへのリンク `\(u)` が切れています：404 Not Found（ページが見つかりません）が返ってきます（転送先の `https://example.jp/c` は 404 を返します）"
    )
    #expect(
      ja(.init(url: u, state: .broken, status: 503, attempts: 3))?.message
        == "ほかのサイトへのリンク `\(u)` が切れています：503 Service Unavailable（サービスが一時的に使えません）が返ってきます（3回試しました）"
    )
    #expect(
      ja(.init(url: u, state: .broken, detail: "the host name could not be found", attempts: 1))?
        .message == "ほかのサイトへのリンク `\(u)` が切れています：つながりません（相手のサイトの名前（ホスト名）が見つかりません）")
    #expect(
      ja(.init(url: u, state: .timeout, detail: "no answer within 0.3 s", attempts: 2))?.message
        == "ほかのサイトへのリンク `\(u)` は、時間内に応答しませんでした：0.3秒待っても応答がありませんでした（2回試しました）")
    #expect(ja(.init(url: u, state: .rateLimited, status: 429, attempts: 1))?.message != nil)
    #expect(ja(.init(url: u, state: .ok, status: 200)) == nil)
    #expect(ja(.init(url: u, state: .skipped)) == nil)

    // Every detail the fetcher and the checker write is said in Japanese.
    let details =
      [6, 7, 52, 35, 1].map { CurlFetcher.error(code: Int32($0), message: "x") }.compactMap {
        if case .failed(let why) = $0 { why } else { nil }
      } + [
        ExternalLinkChecker.invalidURL, "no answer within 10 s", "more than 5 redirects",
        "redirected to https://a.jp/, which answers 500",
        "the request failed (SSL connect error)",
      ]
    #expect(details.count == 9)
    for detail in details {
      #expect(Self.isJapanese(ExternalProblems.japaneseDetail(detail)), "\(detail)")
    }
  }

  /// Through the checker, with scripted answers: no network.
  @Test func externalLinksThroughTheChecker() async throws {
    let site = try FixtureSite([
      "site/index.html": page(body: #"<a href="https://example.invalid/a">資料</a>"#)
    ])
    var options = ExternalCheckOptions()
    options.fetcher = ScriptedFetcher(answers: [.success(404), .success(404)])
    options.useCache = false
    options.retries = 0
    let report = await site.check(external: options)
    #expect(Self.expectJapanese(report.diagnostics) == ["external.broken"])
    #expect(
      report.diagnostics.first?.japanese?.message
        == "ほかのサイトへのリンク `https://example.invalid/a` が切れています：404 Not Found（ページが見つかりません）が返ってきます")
    #expect(
      CheckReporter.summary(report, in: .japanese)
        == "ファイル1個とリンク1個を確かめました（ほかのサイトへのリンク1個：うち0個は前回の結果を使いました。ほかに0個は確かめていません）：エラー1件です。"
    )
  }

  @Test func problemsOfTheSiteItself() async throws {
    // No site.
    let empty = try FixtureSite([:])
    let none = await empty.check()
    #expect(Self.expectJapanese(none.diagnostics) == ["check.site"])
    #expect(
      none.diagnostics.first?.japanese?.message
        == "サイトのフォルダー `\(Paths.display(empty.site))` がありません。ここには、`portal build` で作ったサイトがありません")

    // A folder without a page (`--site theme`).
    let theme = try FixtureSite(["site/templates/home.mustache": "<h1>{{site.title}}</h1>"])
    let noPages = await theme.check()
    #expect(Self.expectJapanese(noPages.diagnostics) == ["check.site"])
    #expect(
      noPages.diagnostics.first?.japanese?.message
        == "`\(Paths.display(theme.site))` には、ページ（.html のファイル）がひとつもありません。`portal build` で作ったサイトではありません"
    )

    // An unreadable source map, needed for a broken link.
    let unreadable = try FixtureSite([
      "site/index.html": page(body: #"<a href="/nope/">無い</a>"#),
      "site/.portal/sourcemap.json": "{not json",
    ])
    let map = await unreadable.check()
    #expect(Self.expectJapanese(map.diagnostics) == ["check.source-map", "link.broken"])
    #expect(
      map.diagnostics.first?.japanese?.message.hasPrefix(
        "ビルドが残した記録 `site/.portal/sourcemap.json`（どのページを、どの Markdown のファイルとテンプレートから作ったか）を読み込めませんでした："
      ) == true)

    // Sources saved after the build.
    let stale = try FixtureSite([
      "site/index.html": page(body: #"<a href="/">ホーム</a>"#),
      "content/a.md": "# a", "content/b.md": "# b", "content/c.md": "# c",
      "content/d.md": "# d",
    ])
    try stale.write("site/.portal/sourcemap.json", "{not json")
    for name in ["a", "b", "c", "d"] {
      try FileManager.default.setAttributes(
        [.modificationDate: Date().addingTimeInterval(60)],
        ofItemAtPath: stale.root.appendingPathComponent("content/\(name).md").path)
    }
    let changed = await stale.check()
    #expect(Self.expectJapanese(changed.diagnostics) == ["check.stale"])
    #expect(
      changed.diagnostics.first?.japanese?.message
        == "`content/a.md`、`content/b.md`、`content/c.md`とほかのファイル1個が、サイト `site` を作った後に変わりました。このチェックは、そのときに作ったサイトを確かめたもので、今のファイルの中身は確かめていません"
    )
  }

  /// A problem in a shared template names the pages that show it, in both languages.
  @Test func mergedFindingsNameThePagesInJapanese() async throws {
    let html = page(
      "AI防災", head: #"<link rel="stylesheet" href="/assets/missing.css">"#,
      body: #"<a href="/events/feed.xml">フィード</a>"#)
    let entry: (String?, String?, [SourceMap.Link], [SourceMap.Heading]) = (
      nil, "theme/templates/initiative.mustache", [], []
    )
    func site(_ pages: [String]) throws -> FixtureSite {
      var files = [
        "theme/templates/initiative.mustache": SourceMapTests.initiative,
        "theme/templates/layout.mustache": SourceMapTests.layout,
        "theme/templates/links.mustache": "<ul></ul>",
        "site/.portal/sourcemap.json": sourceMap(
          Dictionary(uniqueKeysWithValues: pages.map { ($0, entry) })),
      ]
      for p in pages { files["site/" + p] = html }
      return try FixtureSite(files)
    }
    let three = try site([
      "initiatives/a/index.html", "initiatives/b/index.html", "initiatives/c/index.html",
    ])
    let report = await three.check()
    Self.expectJapanese(report.diagnostics)
    #expect(
      report.diagnostics.map(\.japanese?.message) == [
        "リンク先のファイル `/events/feed.xml` がサイトにありません（ページ `/initiatives/a/` ほか2ページで）",
        "見た目を決めるファイル（スタイルシート） `/assets/missing.css` がサイトにありません（ページ `/initiatives/a/` ほか2ページで）",
      ])
    // The English is as before.
    #expect(
      report.diagnostics.first?.message.hasSuffix("(in initiatives/a/index.html and 2 other pages)")
        == true)
    // One page alone (JUnit, `portal serve`).
    let b = report.findings.first { $0.page == "initiatives/b/index.html" }?.pageDiagnostic
    #expect(b?.japanese?.message.hasSuffix("にありません（ページ `/initiatives/b/` で）") == true)
    #expect(b?.message.hasSuffix("(in initiatives/b/index.html)") == true)

    let two = try await site(["initiatives/a/index.html", "initiatives/b/index.html"]).check()
    #expect(
      two.diagnostics.first?.japanese?.message.hasSuffix(
        "（ページ `/initiatives/a/` ほか1ページで）") == true)
    let one = try await site(["initiatives/a/index.html"]).check()
    #expect(
      one.diagnostics.first?.japanese?.message.hasSuffix("（ページ `/initiatives/a/` で）") == true)
    #expect(one.diagnostics.first?.message.hasSuffix("(in initiatives/a/index.html)") == true)
  }

  @Test func textOutputInJapanese() async throws {
    let report = try await ReporterTests().report()
    let text = CheckReporter.render(report, as: .text, language: .japanese)
    #expect(
      text == """
        site/bad/index.html:2:1: error: ページの言語が書かれていません。`<html>` に `lang="ja"` がありません [a11y.html-lang]
            直し方: できあがったページ `site/bad/index.html` の2行目の `<html>` を `<html lang="ja">` にしてください。そうすれば、読み上げソフトが日本語の音声でページを読みます
        site/index.html:6:4: error: リンク先のページ `/nope/` がサイトにありません [link.broken]
            直し方: できあがったページ `site/index.html` の6行目のリンク先を、サイトにあるページのアドレスに直すか、リンク先のページを作ってください。リンク先がないと、読む人はそこで行き止まりになります
        site/index.html:6:28: warning: リンクの文字「こちら」では、どこへ移動するのかがわかりません（リンク先 `/ok/`） [a11y.vague-link]
            直し方: できあがったページ `site/index.html` の6行目のリンクの文字を、リンク先がわかる言葉にしてください。例：`[こちら](…)` ではなく `[防災アプリの使い方](…)`。リンクは、前後の文から切り離して読み上げられることがよくあります
        ファイル3個とリンク2個を確かめました：エラー2件、警告1件です。
        """)
    // English stays the default, and the summary's English form is unchanged.
    #expect(
      CheckReporter.render(report, as: .text).hasSuffix(
        "Checked 3 files and 2 links: 2 errors, 1 warning."))
    #expect(CheckReporter.summary(report, in: .english) == CheckReporter.summary(report))
    // JSON keeps the English with the Japanese beside it; JUnit stays English.
    let json = CheckReporter.render(report, as: .json)
    #expect(json.contains("\"japanese\" : {"))
    #expect(
      json.contains("\"message\" : \"link to /nope/ is broken: the site has no nope/index.html\""))
    #expect(!CheckReporter.render(report, as: .junit).contains("リンク先"))

    let clean = try await FixtureSite(["site/index.html": page()]).check()
    #expect(
      CheckReporter.render(clean, as: .text, language: .japanese)
        == "ファイル1個とリンク0個を確かめました：問題はありません。")
  }
}
