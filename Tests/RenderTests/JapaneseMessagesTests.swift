import Diagnostics
import Foundation
import Mustache
import TestSupport
import Testing

@testable import Render

/// The theme's checks in Japanese, for a writer or designer whose computer is set to it: each
/// kind of mistake, with the English left as it was.
@Suite struct JapaneseThemeMessagesTests {
  let t = TemplateCheckTests()

  /// Names, references, blocks and assets mistaken, one template each.
  @Test func everyCheckOfWhatTemplatesNameHasJapanese() throws {
    let (theme, diagnostics) = try t.load("ja-names") { folder in
      try t.replace("{{summary}}", "{{summary}}{{qwertyuiop}}{{foo.bar}}", in: "home", folder)
      try t.replace(
        "<p class=\"footer-title\">{{site.title}}", "<p class=\"footer-title\">{{site.titel}}",
        in: "layout", folder)
      // In a partial, so that the layout's blocks stay known.
      try t.replace(
        "{{#has_toc}}", "{{> breadcrumb}}{{> qwertyuiop}}{{#has_tocs}}", in: "toc", folder)
      try t.replace("{{/has_toc}}", "{{/has_tocs}}", in: "toc", folder)
      try t.replace(
        "<main",
        "{{page.summary}}{{site.url}}{{site.nav.title}}{{page.title.x}}{{initiatives}}{{site.nav}}{{page}}{{{tags}}}<main",
        in: "layout", folder)
      try t.replace("{{<layout}}", "{{<layot}}", in: "glossary", folder)
      try t.replace("{{/layout}}", "{{/layot}}", in: "glossary", folder)
      try t.replace("{{$main}}", "お知らせ\n{{$mian}}", in: "home", folder)
      try t.replace("{{/main}}", "{{/mian}}", in: "home", folder)
      try t.replace("{{$main}}", "{{$content}}", in: "search", folder)
      try t.replace("{{/main}}", "{{/content}}", in: "search", folder)
      try t.replace("{{{page.title_html}}}</h1>", "{{{page.title}}}</h1>", in: "event", folder)
      try t.replace(
        "{{{body}}}", "{{#tags}}{{{.}}}{{/tags}}{{{body}}}}", in: "about", folder)
      try t.replace(
        "<p class=\"print-address\">", "{{! note <p class=\"print-address\">", in: "layout", folder)
      try t.replace(
        "<main", "<img src=\"{{assets.logo_png}}\" alt=\"\"><main", in: "layout", folder)
      try t.replace(
        "<link rel=\"stylesheet\"",
        "<link rel=\"stylesheet\" href=\"{{assets.styel_css}}\">\n<link rel=\"stylesheet\"",
        in: "layout", folder)
      try t.replace("{{$head}}", "{{! a {{x}} }}\n{{$head}}", in: "event", folder)
    }
    #expect(theme == nil)
    let codes = Set(diagnostics.compactMap(\.code))
    #expect(
      codes == [
        "theme.unknown-name", "theme.unknown-template", "theme.unknown-block",
        "theme.unknown-asset", "theme.unescaped", "theme.unclosed-tag", "theme.stray-brace",
        "theme.text-outside-block",
      ])
    // Each form of `theme.unknown-name`: unknown, a key of none, a list, text, a dictionary.
    #expect(diagnostics.filter { $0.code == "theme.unknown-name" }.count >= 11)
    expectJapanese(diagnostics)

    func japanese(_ message: String) -> String? {
      diagnostics.first { $0.message == message }.map { $0.text(in: .japanese) }
    }
    #expect(
      japanese(
        "`site.titel` is not a value a page has (`site` has no key `titel`): `{{site.titel}}` finds nothing"
      )
        == "theme/templates/layout.mustache:61:29: warning: `site.titel` はページの持つ値にありません（`site` に `titel` というキーはありません）。`{{site.titel}}` では何も見つかりません [theme.unknown-name]\n    直し方: `site.title` のまちがいではありませんか"
    )
    #expect(
      japanese("`qwertyuiop` is not a value a page has: `{{qwertyuiop}}` finds nothing")
        == "theme/templates/home.mustache:26:33: warning: `qwertyuiop` はページの持つ値にありません。`{{qwertyuiop}}` では何も見つかりません [theme.unknown-name]\n    直し方: ページの持つキーは docs/theme.md（Keys）に一覧があります"
    )
    #expect(
      japanese("`{{<layot}}` names no template of the theme: the page would be empty")
        == "theme/templates/glossary.mustache:1:1: error: `{{<layot}}` の指すテンプレートがテーマにありません。このままでは、ページが空になります [theme.unknown-template]\n    直し方: `layout` のまちがいではありませんか"
    )
    #expect(
      japanese("`{{$content}}` is not a block of `layout`: what it holds is never shown")
        == "theme/templates/search.mustache:2:1: error: `{{$content}}` は `layout` のブロックではないため、中身が表示されません [theme.unknown-block]\n    直し方: `layout` のブロックは `head`、`main`、`scripts`、`share_title`、`title` です"
    )
    let list = try #require(diagnostics.first { $0.message.hasPrefix("`initiatives` is a list") })
    #expect(list.japanese?.message == "`initiatives` はリストなので、`{{initiatives}}` では何も出力されません")
    #expect(
      list.japanese?.hint
        == "セクションで項目を1つずつ出力してください：`{{#initiatives}}{{title}}{{/initiatives}}`")
    let unescaped = try #require(
      diagnostics.first { $0.code == "theme.unescaped" && $0.message.contains("page.title") })
    #expect(
      unescaped.japanese?.hint
        == "`{{page.title}}` と書いてください（ふりがなも出すときは `{{{page.title_html}}}`）。そのまま出力してよい HTML を持つのは `body`、`json_ld`、`place_html`、`summary_html`、`title_html`、`where_html` だけです"
    )
    // In English, as before.
    #expect(
      list.text(in: .english).hasSuffix(
        "hint: go through its items with a section: `{{#initiatives}}{{title}}{{/initiatives}}`"))
  }

  /// A deleted asset and partial, a theme without a policy, and assets with keys that clash or
  /// that no tag can write.
  @Test func themeFilesHaveJapanese() throws {
    let (_, deleted) = try t.load("ja-deleted") { folder in
      try FileManager.default.removeItem(at: folder.appendingPathComponent("assets/style.css"))
      try FileManager.default.removeItem(
        at: folder.appendingPathComponent("templates/updates.mustache"))
      try FileManager.default.removeItem(
        at: folder.appendingPathComponent("templates/toc.mustache"))
      let assets = folder.appendingPathComponent("assets")
      for name in ["print-notes.js", "print_notes.js", "logo@2x.png"] {
        try "x".write(to: assets.appendingPathComponent(name), atomically: true, encoding: .utf8)
      }
      let url = folder.appendingPathComponent("templates/layout.mustache")
      let text = try String(contentsOf: url, encoding: .utf8)
      try text.split(separator: "\n", omittingEmptySubsequences: false)
        .filter { !$0.contains("Content-Security-Policy") }.joined(separator: "\n")
        .write(to: url, atomically: true, encoding: .utf8)
    }
    #expect(
      Set(deleted.compactMap(\.code)) == [
        "theme.unknown-asset", "theme.missing-template", "theme.unknown-template",
        "theme.asset-key", "theme.asset-name", "theme.no-policy",
      ])
    expectJapanese(deleted)
    let missing = try #require(deleted.first { $0.code == "theme.missing-template" })
    #expect(
      missing.text(in: .japanese)
        == "theme/templates/updates.mustache:1:1: error: テーマに `updates` テンプレートがありません [theme.missing-template]\n    直し方: templates/updates.mustache を追加してください（標準のテーマからコピーできます）"
    )
    let asset = try #require(deleted.first { $0.code == "theme.unknown-asset" })
    #expect(asset.japanese?.hint == "assets/style.css を追加してください")
    let key = try #require(deleted.first { $0.code == "theme.asset-key" })
    #expect(
      key.japanese?.message
        == "`print_notes.js` と `print-notes.js` は、テンプレートではどちらも `assets.print_notes_js` になります")
  }

  /// The parser's errors through a theme: an unclosed tag, a tag outside the blocks, a
  /// delimiter tag that cannot be read, and a template that is not UTF-8.
  @Test func syntaxErrorsHaveJapanese() throws {
    let (_, diagnostics) = try t.load("ja-syntax") { folder in
      try t.replace("{{site.title}}</a>", "{{site.title</a>", in: "layout", folder)
      try t.replace("{{{body}}}", "{{{body}}", in: "about", folder)
      try t.replace("{{$main}}", "{{> toc}}\n{{$main}}", in: "home", folder)
      try t.replace("{{$main}}", "{{=<%>=}}\n{{$main}}", in: "event", folder)
      let url = folder.appendingPathComponent("templates/updates.mustache")
      let text = try String(contentsOf: url, encoding: .utf8)
      try #require(text.data(using: .shiftJIS)).write(to: url)
    }
    #expect(Set(diagnostics.compactMap(\.code)) == ["theme.syntax", "theme.read"])
    #expect(diagnostics.filter { $0.code == "theme.syntax" }.count == 4)
    expectJapanese(diagnostics)
    let layout = try #require(
      diagnostics.first { $0.location.file == "theme/templates/layout.mustache" })
    #expect(
      layout.text(in: .japanese)
        == "theme/templates/layout.mustache:31:108: error: テンプレートの書き方のまちがい: このタグが `}}` で閉じられていません [theme.syntax]\n    直し方: 名前のすぐ後ろ、同じ行に `}}` を書いてタグを閉じてください：`{{site.title}}`"
    )
  }

  /// Each problem `explain` finds, and each parser error `describe` puts in words.
  @Test func everySyntaxProblemHasJapanese() throws {
    let texts = [
      "{{#fields}}<li>{{#title}}x{{/fields}}",  // closes another section
      "<ul>\n{{#domians}}<li>{{name}}</li>{{/domains}}\n",  // a typo, the name known
      "{{#abcd}}x{{/abce}}",  // a typo, neither known
      "{{#a}}{{/a}}\n{{^empty}}\n",  // never closed
      "{{{body}}}\n{{/body}}",  // closes no open section
      "{{#a}}{{/a}}{{/a}}",  // closes nothing
      "a\n b {{title\n",  // not closed
      "{{{body}}\n",  // three braces
      "a {{! never closed\n",  // a comment never closed
      "{{! a\n{{#pages}}x{{/pages}}",  // a comment the next tag ends
      "{{! shows {{page.title}} here }}",  // a comment holding a tag
      "{{<layout}}{{> toc}}{{$main}}{{/main}}{{/layout}}",  // a tag outside the blocks
      "{{=<%>=}}{{x}}",  // a delimiter tag that cannot be read
      "{{title}}}",  // a stray brace
    ]
    var problems: [TemplateSyntax.Problem] = []
    for text in texts {
      let scan = TemplateSyntax.scan(text)
      let found =
        [TemplateSyntax.explain(text)].compactMap { $0 } + scan.unclosed + scan.strayBraces
      #expect(!found.isEmpty, "\(text)")
      problems += found
    }
    for p in problems {
      #expect(hasJapanese(p.ja), "\(p.message)")
      #expect(hasJapanese(p.jaHint), "\(p.hint)")
      #expect(
        codeSpans(p.message).union(codeSpans(p.hint)).subtracting(
          codeSpans(p.ja).union(codeSpans(p.jaHint))
        ).isEmpty, "\(p.message) | \(p.hint) → \(p.ja) | \(p.jaHint)")
    }
    let typo = try #require(TemplateSyntax.explain(texts[1]))
    #expect(
      typo.ja == "`{{/domains}}` が、2行目1文字目で開いた `{{#domians}}` を閉じています")
    #expect(
      typo.jaHint == "2行目は `{{#domains}}` のまちがいではありませんか。セクションは同じ名前で開いて閉じます")
    let errors: [MustacheTemplate.Error] = [
      .unfinishedName, .expectedSectionEnd, .sectionCloseNameIncorrect, .invalidSetDelimiter,
      .illegalTokenInsideInheritSection, .textInsideInheritSection,
      .transformAppliedToInheritanceSection, .invalidConfigVariableSyntax,
      .unrecognisedConfigVariable,
    ]
    for error in errors {
      let said = TemplateSyntax.describe(error)
      #expect(hasJapanese(said.ja), "\(said.message)")
      #expect(hasJapanese(said.jaHint), "\(said.hint)")
    }
  }

  /// A theme folder without templates.
  @Test func aThemeWithoutTemplatesHasJapanese() throws {
    let folder = try temporaryFolder("ja-empty").appendingPathComponent("theme")
    try FileManager.default.createDirectory(
      at: folder.appendingPathComponent("templates"), withIntermediateDirectories: true)
    let (theme, diagnostics) = Theme.load(from: folder, displayPath: "theme")
    #expect(theme == nil)
    #expect(diagnostics.map(\.code) == ["theme.missing"])
    expectJapanese(diagnostics)
    #expect(
      diagnostics.first?.text(in: .japanese)
        == "theme/templates:1:1: error: テーマにテンプレートがありません [theme.missing]\n    直し方: --theme には、templates/*.mustache のあるフォルダーを指定してください"
    )
    // `--theme theme/templates`: the folder above it is named.
    let templates = repoRoot.appendingPathComponent("theme/templates")
    let (_, inside) = Theme.load(from: templates, displayPath: "theme/templates")
    #expect(
      inside.map(\.hint) == [
        "theme/templates holds the templates themselves: give the folder above it, --theme theme"
      ])
    #expect(inside.first?.localized(.japanese).hint?.hasSuffix("--theme theme") == true)
  }
}
