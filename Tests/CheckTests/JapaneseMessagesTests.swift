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
    #expect(messages.contains("`<html>` に `lang` 属性がありません"))
    #expect(messages.contains("画像 `/a.png` に代わりのテキスト（`alt` 属性）がありません"))
    #expect(messages.contains("見出し `<h4>`「細目」でレベルが飛んでいます（前の見出しは `<h2>` です）"))
    #expect(messages.contains("リンクの文字「こちら」では、どこへ移動するのかがわかりません（`/`）"))
    #expect(messages.contains("入力欄 `<input type=\"text\">` にラベルがありません"))
    let order = report.diagnostics.first { $0.code == "a11y.heading-order" }
    #expect(order?.japanese?.hint?.hasPrefix("`<h3>`（Markdown では `###`）にしてください。") == true)
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
    #expect(
      byMessage["リンク先 `/events/x/` が見つかりません：サイトに `events/x/index.html` がありません"] != nil)
    #expect(
      byMessage["リンク先 `/events/#無い` のアンカーが見つかりません：`events/index.html` に id `無い` がありません"]
        == "`#無し` のまちがいではありませんか。アンカーは見出しの文字から作られます。見出しの文字が合っているかを確かめるか、`#` から後を付けずにページへリンクしてください")
    #expect(
      byMessage["リンク先 `/events` はフォルダーですが、最後に `/` がありません"]
        == "`/events/` と書いてください。そうすれば、サーバーが別のアドレスへ転送しなくて済みます")
    #expect(byMessage["画像 `/files/地図.png` がありません：サイトに `files/地図.png` がありません"] != nil)
    #expect(byMessage["フォームの送信先 `/send/` が見つかりません：サイトに `send/index.html` がありません"] != nil)
    #expect(byMessage["転送先 `/nowhere/` が見つかりません：サイトに `nowhere/index.html` がありません"] != nil)
    #expect(byMessage["リンク `../up/` が、サイトの一番上のフォルダーよりも上を指しています"] != nil)
    #expect(
      byMessage[
        "sitemap.xml のアドレス `https://other.example.jp/` が、サイトの基本のアドレス `https://dx.example.jp/` の下にありません"
      ] != nil)
    let missing = report.diagnostics.first { $0.code == "sitemap.missing" }
    #expect(
      missing?.japanese?.message
        == "sitemap.xml のアドレス `https://dx.example.jp/event/` のページがありません：サイトに `event/index.html` がありません"
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
        "ページの Content-Security-Policy（`script-src 'self'`）がこの `<button>` の `onclick=` のスクリプトを止めるため、スクリプトは実行されません"
      ))
    let image = report.diagnostics.first { $0.message.contains("maps.example.com") }
    #expect(image?.japanese?.hint?.contains("`img-src`") == true)
  }

  @Test func externalProblems() async throws {
    func ja(_ outcome: ExternalOutcome) -> Diagnostic.Japanese? {
      let problem = ExternalProblems.problem(outcome, outcome.url)
      if let problem {
        Self.expectJapanese([
          Diagnostic(
            problem.severity, SourceLocation(file: "a.md"), problem.message, hint: problem.hint,
            code: problem.code
          ).ja(problem.japanese.message, hint: problem.japanese.hint)
        ])
      }
      return problem?.japanese
    }
    let u = "https://example.jp/a"
    #expect(
      ja(.init(url: u, state: .movedPermanently, status: 200, location: "https://example.jp/b"))
        == .init(
          message: "外部リンク `\(u)` のページは `https://example.jp/b` に移転しました",
          hint: "`https://example.jp/b` へ直接リンクしてください"))
    #expect(
      ja(
        .init(
          url: u, state: .broken, status: 404,
          detail: "redirected to https://example.jp/c, which answers 404", attempts: 1))?.message
        == "外部リンク `\(u)` はリンク切れです：404 Not Found（ページが見つかりません）が返ってきます（転送先 `https://example.jp/c` は 404 を返します）"
    )
    #expect(
      ja(.init(url: u, state: .broken, status: 503, attempts: 3))?.message
        == "外部リンク `\(u)` はリンク切れです：503 Service Unavailable（サービスが一時的に使えません）が返ってきます（3 回試しました）"
    )
    #expect(
      ja(.init(url: u, state: .broken, detail: "the host name could not be found", attempts: 1))?
        .message == "外部リンク `\(u)` はリンク切れです：つながりません（ホスト名が見つかりません）")
    #expect(
      ja(.init(url: u, state: .timeout, detail: "no answer within 0.3 s", attempts: 2))?.message
        == "外部リンク `\(u)` は時間切れになりました：0.3 秒待っても応答がありませんでした（2 回試しました）")
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
        == "外部リンク `https://example.invalid/a` はリンク切れです：404 Not Found（ページが見つかりません）が返ってきます")
    #expect(
      CheckReporter.summary(report, in: .japanese)
        == "ファイル 1 個とリンク 1 個を確かめました（外部リンク 1 個：うち 0 個はキャッシュの結果、ほかに 0 個は確かめていません）：エラー 1 件です。"
    )
  }

  @Test func problemsOfTheSiteItself() async throws {
    // No site.
    let empty = try FixtureSite([:])
    let none = await empty.check()
    #expect(Self.expectJapanese(none.diagnostics) == ["check.site"])
    #expect(none.diagnostics.first?.japanese?.message == "ここには、ビルドしたサイトがありません")

    // A folder without a page (`--site theme`).
    let theme = try FixtureSite(["site/templates/home.mustache": "<h1>{{site.title}}</h1>"])
    let noPages = await theme.check()
    #expect(Self.expectJapanese(noPages.diagnostics) == ["check.site"])
    #expect(
      noPages.diagnostics.first?.japanese?.message
        == "`\(Paths.display(theme.site))` には HTML のページがひとつもありません。ビルドしたサイトではありません")

    // An unreadable source map, needed for a broken link.
    let unreadable = try FixtureSite([
      "site/index.html": page(body: #"<a href="/nope/">無い</a>"#),
      "site/.portal/sourcemap.json": "{not json",
    ])
    let map = await unreadable.check()
    #expect(Self.expectJapanese(map.diagnostics) == ["check.source-map", "link.broken"])
    #expect(
      map.diagnostics.first?.japanese?.message.hasPrefix("ソースマップを読み込めませんでした：") == true)

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
        == "`content/a.md`、`content/b.md`、`content/c.md` ほか 1 個のファイルが、このサイトをビルドした後に変更されています：このチェックは、その時にビルドしたサイトを確かめたものです"
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
        "リンク先 `/events/feed.xml` が見つかりません：サイトに `events/feed.xml` がありません（`initiatives/a/index.html` ほか 2 ページで）",
        "スタイルシート `/assets/missing.css` がありません：サイトに `assets/missing.css` がありません（`initiatives/a/index.html` ほか 2 ページで）",
      ])
    // The English is as before.
    #expect(
      report.diagnostics.first?.message.hasSuffix("(in initiatives/a/index.html and 2 other pages)")
        == true)
    // One page alone (JUnit, `portal serve`).
    let b = report.findings.first { $0.page == "initiatives/b/index.html" }?.pageDiagnostic
    #expect(b?.japanese?.message.hasSuffix("がありません（`initiatives/b/index.html` で）") == true)
    #expect(b?.message.hasSuffix("(in initiatives/b/index.html)") == true)

    let two = try await site(["initiatives/a/index.html", "initiatives/b/index.html"]).check()
    #expect(
      two.diagnostics.first?.japanese?.message.hasSuffix(
        "（`initiatives/a/index.html` ほか 1 ページで）") == true)
    let one = try await site(["initiatives/a/index.html"]).check()
    #expect(
      one.diagnostics.first?.japanese?.message.hasSuffix("（`initiatives/a/index.html` で）") == true)
    #expect(one.diagnostics.first?.message.hasSuffix("(in initiatives/a/index.html)") == true)
  }

  @Test func textOutputInJapanese() async throws {
    let report = try await ReporterTests().report()
    let text = CheckReporter.render(report, as: .text, language: .japanese)
    #expect(
      text == """
        site/bad/index.html:2:1: error: `<html>` に `lang` 属性がありません [a11y.html-lang]
            直し方: レイアウトの `<html>` に `lang="ja"` を付けてください。そうすれば、読み上げソフトが日本語の音声でページを読みます
        site/index.html:6:4: error: リンク先 `/nope/` が見つかりません：サイトに `nope/index.html` がありません [link.broken]
            直し方: アドレスを直すか、ページを追加してください。リンク先のないリンクは、読む人にとって行き止まりになります
        site/index.html:6:28: warning: リンクの文字「こちら」では、どこへ移動するのかがわかりません（`/ok/`） [a11y.vague-link]
            直し方: リンク先がわかる文字にしてください。例：`[こちら](…)` ではなく `[防災アプリの使い方](…)`。リンクは、前後の文から切り離して読まれることがよくあります
        ファイル 3 個とリンク 2 個を確かめました：エラー 2 件、警告 1 件です。
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
        == "ファイル 1 個とリンク 0 個を確かめました：問題はありません。")
  }
}
