import Markdown
import Testing

@testable import Lint

/// Markdown the page would show as typed, with the place to fix it.
@Suite struct MarkdownSlipRuleTests {
  func slips(_ body: String) throws -> [String] {
    try lint(body, rule: "lint.markdown").map {
      "\($0.location.line):\($0.location.column) \($0.message)"
    }
  }

  @Test func headingsWithoutASpaceOrWithFullWidthMarks() throws {
    #expect(try slips("##見出しです\n\n本文です。") == ["1:1 `##見出しです` is not a heading"])
    #expect(
      try slips("本文です。\n\n＃＃ 全角の見出し") == ["3:1 a full-width `＃` does not make a heading"])
    let hint = try lint("###手続き", rule: "lint.markdown").first?.hint
    #expect(hint == "Markdown needs a space after `###`: `### 手続き`")
    // A second line of a paragraph too; a real heading, a `#` inside a line and code are fine.
    #expect(try slips("本文です。\n#タグ") == ["2:1 `#タグ` is not a heading"])
    #expect(try slips("## 見出し\n\n番号は#1です。\n\n`##x`\n\n    ##code").isEmpty)
  }

  /// A callout's marker is not the page's text (the page shows the kind's label): not linted,
  /// and places after it are where they are written. A marker naming no kind stays text.
  @Test func calloutMarkersAreNotLinted() throws {
    let found = try lint(
      "> [!NOTE]\n> ｱｲの駐車場。\n\n> ［！重要］ ｱｲ申し込み\n\n> [!NOTO] 題", rule: nil)
    #expect(
      found.map { "\($0.location.line):\($0.location.column) \($0.code ?? "")" } == [
        "2:3 lint.halfwidth-kana", "4:9 lint.halfwidth-kana", "6:5 lint.acronym",
      ])
  }

  /// Round brackets typed full width after `]`, or the address closed full width: no link.
  @Test func linksWithMixedBrackets() throws {
    let found = try lint(
      "詳しくは[基本的な考え方]（../strategy/basics.md）を読んでください。\n申し込みは[申込](https://example.jp/form）から。",
      rule: "lint.markdown")
    #expect(
      found.map { "\($0.location.line):\($0.location.column) \($0.hint ?? "")" } == [
        "1:13 write them half-width: `[基本的な考え方](../strategy/basics.md)`",
        "2:9 write them half-width: `[申込](https://example.jp/form)`",
      ])
    #expect(
      found.flatMap(\.fixes).map(\.replacement) == [
        "](../strategy/basics.md)", "](https://example.jp/form)",
      ])
    #expect(try slips("[注]（後述）です。[リンク](https://example.jp/)です。").isEmpty)
  }

  /// A hard break's `\` on a paragraph's last line breaks nothing and is shown; `--fix`
  /// deletes it.
  @Test func aBackslashEndingTheLastLine() throws {
    let found = try lint("推進局\\\n電話：043-223-2222\\\nファクス：043-222-5180\\", rule: "lint.markdown")
    #expect(
      found.map { "\($0.location.line):\($0.location.column) \($0.message)" } == [
        "3:18 the `\\` at the end of the paragraph's last line breaks no line: it is shown"
      ])
    #expect(found.flatMap(\.fixes).map(\.replacement) == [""])
    // Escaped, it is the writer's backslash; inside a paragraph it breaks the line.
    #expect(try slips("パスは C:\\\\").isEmpty)
    #expect(try slips("一行目\\\n二行目").isEmpty)
  }

  /// A line that is a link definition nothing uses is not shown: said so.
  @Test func linkDefinitionsNothingUses() throws {
    let found = try lint(
      "本文です。\n\n[参考]: https://www.soumu.go.jp/\n\n[注1]: 国の資料によります。\n\n[報告書][rep]です。\n\n[rep]: https://example.jp/a.pdf\n\n```\n[x]: y\n```",
      rule: "lint.markdown")
    #expect(
      found.map { "\($0.location.line):\($0.location.column) \($0.hint ?? "")" } == [
        "3:1 to show it, write `参考：https://www.soumu.go.jp/` (or `\\[参考]: …`)",
        "5:1 to show it, write `注1：国の資料によります。` (or `\\[注1]: …`)",
      ])
  }

  /// A comment left open hides the rest of the page (a block) or is shown as typed (in a
  /// paragraph); one closed with dashes typed full width is open too.
  @Test func commentsLeftOpen() throws {
    let found = try lint(
      "本文です。\n\n<!-- 後で書きなおす ーー>\n\n## 申し込み\n\n電話で。", rule: "lint.markdown")
    #expect(
      found.map { "\($0.location.line):\($0.location.column) \($0.message) / \($0.hint ?? "")" }
        == [
          "3:1 the comment `<!--` is not closed: everything after it, to the end of the page, is hidden / the comment's end on line 3 is typed in full width: write `-->` (half-width)"
        ])
    #expect(
      try lint("本文です。<!-- 後で直す\n\n<!-- メモ\n\n## 申し込み", rule: "lint.markdown").map {
        "\($0.location.line):\($0.location.column) \($0.message) / \($0.hint ?? "")"
      } == [
        "1:6 `<!--` without `-->` makes no comment: the note is shown as typed / end the comment with `-->`, or delete `<!--`",
        "3:1 the comment `<!--` is not closed: everything after it, to the end of the page, is hidden / end the comment with `-->` where the note ends, or delete `<!--`",
      ])
    // Closed comments, on their lines or in a paragraph, and code: nothing to say.
    #expect(
      try slips("<!-- メモ\n二行目 -->\n\n本文です。<!-- 短いメモ -->\n\n`<!--` と書きます。").isEmpty)
  }

  /// `##　連絡先`: the full-width space typed with the Japanese input on is no space to
  /// CommonMark; `--fix` writes a half-width one.
  @Test func aFullWidthSpaceAfterTheMarks() throws {
    let found = try lint("##　連絡先のご案内と受付の時間について\n\n本文です。", rule: "lint.markdown")
    #expect(
      found.map { "\($0.location.line):\($0.location.column) \($0.message)" } == [
        "1:1 `##　連絡先のご案内と` is not a heading: the space after `##` is full-width"
      ])
    #expect(found.first?.hint == "Markdown needs a half-width space after `##`: `## 連絡先のご案内と受付の時…`")
    #expect(found.first?.fixes.map(\.replacement) == ["## "])
    // A list mark too, at a paragraph's start.
    let marks = try lint("-　筆記用具\n\n1.　受付で名前を言います。\n\n2026年　12月", rule: "lint.markdown")
    #expect(
      marks.map { "\($0.location.line):\($0.location.column) \($0.message)" } == [
        "1:1 `-` with a full-width space after it does not make a list item",
        "3:1 `1.` with a full-width space after it does not make a list item",
      ])
    #expect(marks.map(\.hint).first == "write a half-width space after `-`: `- 筆記用具`")
    #expect(marks.flatMap(\.fixes).map(\.replacement) == ["- ", "1. "])
  }

  /// A sentence with `---` or `===` right under it is a heading to CommonMark.
  @Test func aLineOfDashesUnderASentenceMakesAHeading() throws {
    #expect(
      try slips("リンクは自由です。\n---\n著作権は県にあります。\n\n見出し\n===\n\n> 引用です。\n> ---") == [
        "1:1 「リンクは自由です。」 is a heading (##): the line `---` under it makes it one",
        "5:1 「見出し」 is a heading (#): the line `===` under it makes it one",
        "8:3 「引用です。」 is a heading (##): the line `---` under it makes it one",
      ])
    let hints = try lint("リンクは自由です。\n---\n\n見出し\n===", rule: "lint.markdown").map(\.hint)
    #expect(
      hints == [
        "for a line across the page, leave a blank line before `---`; if no heading is meant, delete `---`; for a heading, write `## リンクは自由です。` and delete `---`",
        "if no heading is meant, delete `===`; for a heading, write `## 見出し` and delete `===`",
      ])
    // Headings written with `#`, a rule after a blank line or a list: nothing to say.
    #expect(try slips("## 見出し\n\n本文。\n\n---\n\n本文。\n\n- 項目\n---\n\n# 題\n").isEmpty)
  }

  @Test func quotationAndListMarksTypedFullWidth() throws {
    #expect(
      try slips("＞ 県の計画より\n\n本文です。\n＞　引用です") == [
        "1:1 a full-width `＞` does not make a quotation",
        "4:1 a full-width `＞` does not make a quotation",
      ])
    #expect(
      try slips("－ 筆記用具\n\n＊ 上履き\n\n＋　名札") == [
        "1:1 a full-width `－` does not make a list item",
        "3:1 a full-width `＊` does not make a list item",
        "5:1 a full-width `＋` does not make a list item",
      ])
    let hints = try lint("＞ 県の計画より引用します。\n\n－ 筆記用具", rule: "lint.markdown").map(\.hint)
    #expect(
      hints == [
        "write a half-width `>` and a space: `> 県の計画より引用します。`",
        "write a half-width `-` and a space: `- 筆記用具`",
      ])
    // Decoration (＞詳しくはこちら, ＞＞), a note (＊1), a mark alone, code, a real quotation,
    // and a list mark under the paragraph's first line (lint.joined-lines' to report).
    for body in [
      "＞詳しくはこちら", "＞＞ 申込みはこちら", "＊1 注記です。", "－ ", "`＞ 引用`", "> 引用です",
      "持ち物\n－ 筆記用具", "＞ ＞",
    ] {
      #expect(try slips(body).isEmpty, "\(body.debugDescription)")
    }
  }

  @Test func boldThatDidNotApply() throws {
    // A pair on one line: one warning, at its first mark.
    #expect(
      try slips("これは**「重要」**です。") == [
        "1:4 `**「重要」**` is shown as typed: the bold was not applied"
      ])
    #expect(try slips("これは「**重要**」です。\n\nこれは**重要**です。").isEmpty)
    #expect(try slips("計算は`a**b`です。").isEmpty)
    // A mark alone on its line.
    #expect(
      try slips("評価：**\n\n県の**「重要」\nです**。") == [
        "1:4 `**` is shown as typed: the bold was not applied",
        "3:3 `**` is shown as typed: the bold was not applied",
        "4:3 `**` is shown as typed: the bold was not applied",
      ])
    // Escaped marks are the writer's; `**` right around furigana is bold.
    #expect(try slips("県の\\*\\*「太字」\\*\\*です。").isEmpty)
    #expect(try slips("県は**{戦略|せんりゃく}**を\n\n**{綺麗|き|れい}{海|うみ}**と").isEmpty)
  }

  /// The hint names the two characters the bold could not start or end between, and the span
  /// to write, read from the line as written (a link's address is in it).
  @Test func boldHintsNameWhyAndWhatToWrite() throws {
    let cases: [(String, String)] = [
      (
        "これは**「重要」**です。",
        "bold cannot start between `は` and `「` nor end between `」` and `で`: write `「**重要**」`, or leave the bold out"
      ),
      (
        "県の**[戦略](/strategy/)**です。",
        "bold cannot start between `の` and `[` nor end between `)` and `で`: write `[**戦略**](/strategy/)`, or leave the bold out"
      ),
      (
        "県の**100%**です。",
        "bold cannot end between `%` and `で`: write `**100**%`, or leave the bold out"
      ),
      (
        "- 県の**戦略（案）**です。",
        "bold cannot end between `）` and `で`: write `**戦略**（案）`, or leave the bold out"
      ),
      (
        "県の** 大事 **です。",
        "bold cannot start before a space nor end after a space: write `**大事**`, or leave the bold out"
      ),
      (
        "県の**※注意**です。",
        "bold cannot start between `の` and `※`: write `※**注意**`, or leave the bold out"
      ),
      (
        "県は**{戦略|せんりゃく}**を、市は**{計画|けいかく}**をつくります。",
        "bold cannot start between `は` and `{` nor end between `}` and `を`: the `**` between were paired with each other; use bold in one place in the paragraph, right around its words, or leave it out"
      ),
    ]
    for (body, hint) in cases {
      let found = try lint(body, rule: "lint.markdown")
      #expect(found.map(\.hint) == [hint], "\(body)")
    }
    let japanese = try lint("これは**「重要」**です。", rule: "lint.markdown").first?.japanese
    #expect(japanese?.message == "`**「重要」**` がそのまま表示されます。太字になっていません")
    #expect(
      japanese?.hint
        == "`は` と `「` の間では太字を始められません。`」` と `で` の間では太字を終えられません。`「**重要**」` と書くか、太字をやめてください"
    )
  }

  /// Strikethrough fails as bold does; a lone `~~` and one tilde (a range) are no strikethrough.
  @Test func strikethroughThatDidNotApply() throws {
    let found = try lint("旧名は~~「推進課」~~です。", rule: "lint.markdown")
    #expect(
      found.map { "\($0.location.line):\($0.location.column) \($0.message)" } == [
        "1:4 `~~「推進課」~~` is shown as typed: the strikethrough was not applied"
      ])
    #expect(
      found.first?.hint
        == "strikethrough cannot start between `は` and `「` nor end between `」` and `で`: write `「~~推進課~~」`, or leave the strikethrough out"
    )
    for body in ["旧名は~~推進課~~です。", "9:00~17:00、土曜9:00~12:00", "評価：~~", "~~~\nコード\n~~~", "`~~「a」~~`"]
    {
      #expect(try slips(body).isEmpty, "\(body.debugDescription)")
    }
    let rewrite = try #require(
      EmphasisSlip(before: "は", inner: Array("「推進課」"), after: "で", kind: .strikethrough).rewrite)
    let html = Markdown.MarkdownDocument("旧名は\(rewrite)です。").renderHTML()
    #expect(html.contains("<del>") && !html.contains("~~"), "\(html)")
  }

  /// Every rewrite the hint gives makes bold, read by cmark itself.
  @Test func theRewritesMakeBold() {
    for (before, inner, after) in [
      ("は", "「重要」", "で"), ("の", "100%", "で"), ("の", "戦略（案）", "で"), ("の", "※注意", "で"),
      ("の", " 大事 ", "で"), ("の", "[戦略](/s/)", "で"), ("の", "「重要」です", "。"),
    ] as [(Character, String, Character)] {
      let slip = EmphasisSlip(before: before, inner: Array(inner), after: after)
      guard let rewrite = slip.rewrite else {
        Issue.record("no rewrite for \(inner)")
        continue
      }
      let html = Markdown.MarkdownDocument("県\(before)\(rewrite)\(after)").renderHTML()
      #expect(html.contains("<strong>") && !html.contains("**"), "\(rewrite): \(html)")
    }
  }

  @Test func boldTypedFullWidth() throws {
    #expect(
      try slips("これは＊＊重要＊＊です。\n\n＊＊Ａ＊＊と＊＊Ｂ＊＊") == [
        "1:4 full-width ＊＊ do not make bold: 「＊＊重要＊＊」 is shown as typed",
        "3:1 full-width ＊＊ do not make bold: 「＊＊Ａ＊＊」 is shown as typed",
        "3:7 full-width ＊＊ do not make bold: 「＊＊Ｂ＊＊」 is shown as typed",
      ])
    let found = try lint("これは＊＊重要＊＊です。", rule: "lint.markdown")
    #expect(found.first?.hint == "write them half width: **重要**")
    #expect(found.first?.fixes.map { "\($0.line):\($0.column)" } == ["1:4", "1:8"])
    // Not closed on its line, more marks than two, a space inside, or code: no bold meant.
    for body in ["評価：＊＊", "＊＊重要\n＊＊です", "＊＊＊＊と＊＊＊＊", "＊＊ 重要＊＊", "`＊＊重要＊＊`"] {
      #expect(try slips(body).isEmpty, "\(body.debugDescription)")
    }
  }

  @Test func linksWithASpaceOrFullWidthBrackets() throws {
    #expect(
      try slips("詳しくは[案内] (https://example.jp)へ。") == [
        "1:8 `] (` is not a link: Markdown allows no space between `]` and `(`"
      ])
    #expect(
      try slips("詳しくは［案内］（https://example.jp）へ。") == [
        "1:5 full-width brackets ［］（） do not make a link"
      ])
    #expect(
      try lint("［案内］（../strategy/a.md）", rule: "lint.markdown").first?.hint
        == "write them half-width: [案内](…)")
    // Brackets that are only brackets.
    #expect(try slips("［注］（後で説明します）と[x]は別です。[案内](https://example.jp)").isEmpty)
  }

  @Test func furiganaWithoutItsClosingBrace() throws {
    #expect(
      try slips("{危機管理|ききかんり の話です。") == ["1:1 the furigana `{危機管理|…` is not closed"])
    #expect(try slips("{危機管理|ききかんり}の話です。{a} と {b|c}").isEmpty)
    // The hint closes the reading typed when a space, a mark or the line's end ends it.
    let hints = { (text: String) throws -> [String?] in
      try lint(text, rule: "lint.markdown").map(\.hint)
    }
    #expect(try hints("{拡充|かくじゅう の説明です。") == ["close it with `}`: {拡充|かくじゅう}"])
    #expect(try hints("県の{拡充｜カクジュウ、説明") == ["close it with `}`: {拡充|カクジュウ}"])
    #expect(try hints("{拡充|かくじゅう\n次の行です。") == ["close it with `}`: {拡充|かくじゅう}"])
    #expect(try hints("{拡充|かくじゅうの説明") == ["close it with `}`: {拡充|よみ}"])
    // The next group on the line does not hide one left open before it.
    #expect(
      try slips("{拡充|かくじゅう の{説明|せつめい}です。") == ["1:1 the furigana `{拡充|…` is not closed"])
    #expect(try hints("{拡充|かくじゅう の{説明|せつめい}") == ["close it with `}`: {拡充|かくじゅう}"])
    #expect(
      try lint("{拡充|かくじゅう の説明", rule: "lint.markdown").first?.japanese?.hint
        == "最後に `}` を付けてください：`{拡充|かくじゅう}`")
  }

  /// A reading per character (`{綺麗|き|れい}`, as DenDen Markdown and pixiv write it) is ruby
  /// and passes; readings that do not fit the characters one to one, or none at all, leave the
  /// braces as typed: the warning names the counts and both forms that work.
  /// Markdown inside furigana's braces: cmark's text reads as a group once the marks are
  /// taken, but the page shows it as typed.
  @Test func furiganaHoldingMarkdown() throws {
    #expect(
      try slips("県は{**戦略**|せんりゃく}を\n\n県は{[戦略](/s/)|せんりゃく}を\n\n県は{戦略|*せんりゃく*}を") == [
        "1:6 the furigana `{**戦略**|せんりゃく}` is shown as typed: it holds Markdown",
        "3:5 the furigana `{[戦略](/s/)|せんりゃく}` is shown as typed: it holds Markdown",
        "5:4 the furigana `{戦略|*せんりゃく*}` is shown as typed: it holds Markdown",
      ])
    #expect(
      try lint("県は{[戦略](/s/)|せんりゃく}を", rule: "lint.markdown").first?.hint
        == "Markdown inside the braces is not applied and leaves the furigana as typed; write it around them (`**{戦略|せんりゃく}**`, `[{戦略|せんりゃく}](…)`)"
    )
    // Written whole, escaped bars in a table, a reading per character, an empty one: ruby.
    #expect(
      try slips(
        "{戦略|せんりゃく}と{綺麗|き|れい}と{お茶||ちゃ}と{戦略｜せんりゃく}\n\n| 題 |\n|---|\n| {戦略\\|せんりゃく}と{綺麗\\|き\\|れい} |"
      ).isEmpty)
  }

  @Test func furiganaWithMoreBars() throws {
    #expect(try slips("海が{綺麗|き|れい}です。{お茶||ちゃ}と{綺麗｜き｜れい}も。").isEmpty)
    #expect(
      try slips("海が{綺麗|き|れ|い}です。")
        == ["1:3 `{綺麗|き|れ|い}` is shown as typed: its readings do not fit its characters one to one"]
    )
    let found = try lint("{綺麗|き|れ|い}と{千葉県|ち|ばけん}と{綺麗||}", rule: "lint.markdown")
    #expect(
      found.map(\.hint) == [
        "3 readings for 2 characters (綺・麗): write one for each character, {綺麗|よみ|よみ}, or one for the word, {綺麗|きれい}",
        "2 readings for 3 characters (千・葉・県): write one for each character, {千葉県|よみ|よみ|よみ}, or one for the word, {千葉県|ちばけん}",
        "no reading is written: write one for each character, {綺麗|よみ|よみ}, or one for the word, {綺麗|よみ}, or remove the braces",
      ])
    #expect(
      found.first?.japanese?.message
        == "`{綺麗|き|れ|い}` がそのまま表示されます。`|` で区切った読み方が文字と1つずつ対応していません")
    #expect(
      found.first?.japanese?.hint
        == "`|` で区切った読み方が3つ、文字が2つ（綺・麗）です。1文字に1つずつ `{綺麗|よみ|よみ}` と書くか、まとめて `{綺麗|きれい}` と書いてください")
  }

  /// The bar typed full-width (as the Japanese input gives it) makes furigana; no reading
  /// leaves the braces published as typed.
  @Test func furiganaWithAFullWidthBarOrNoReading() throws {
    #expect(
      try slips("県の{危機管理｜ききかんり}です。{防災|}も{防災｜}も。") == [
        "1:18 `{防災|}` is shown as typed: the reading is empty",
        "1:24 `{防災｜}` is shown as typed: the reading is empty",
      ])
    let hints = try lint("{防災｜}", rule: "lint.markdown").map(\.hint)
    #expect(hints == ["write the reading after the bar: {防災|よみ}, or remove the braces"])
    #expect(try slips("{｜}と{｜b}").isEmpty)
    #expect(try slips("{危機管理｜ききかんり の話").map { $0.prefix(3) } == ["1:1"])
  }

  @Test func canBeSilencedAndTurnedOff() throws {
    #expect(try slips("##見出し <!-- lint-disable-line lint.markdown -->").isEmpty)
    #expect(try lint("##見出し", rule: "lint.markdown", settings: ["lint.markdown": "off"]).isEmpty)
  }
}

/// HTML in a body is left out of the page: a block with the text inside it, a tag alone. One
/// warning per place, each with its fix.
@Suite struct RawHTMLRuleTests {
  @Test func eachPlaceIsNamedWithItsFix() throws {
    let body = """
      はじめに。

      <div class="note">大事なお知らせ</div>

      文の中に<span>赤い字</span>があります。<br>改行

      <!-- 見えないメモ -->
      """
    let found = try lint(body, rule: "lint.raw-html", offset: 4)
    #expect(
      found.map { "\($0.location.line):\($0.location.column) \($0.message)" } == [
        "7:1 HTML is left out of the page, with the text inside it: `<div class=\"note\">大事なお知らせ</div>`",
        "9:5 the HTML tag `<span>` is left out of the page (the text around it stays)",
        "9:27 the HTML tag `<br>` is left out of the page (the text around it stays)",
      ])
    #expect(found.map { $0.hint ?? "" }[2].contains("backslash"))
    #expect(found.map { $0.hint ?? "" }[1].contains("remove the tag"))
    // Comments (the lint directives among them) show nothing either way; code is code.
    #expect(try lint("本文。<!-- メモ -->\n\n`<b>`\n\n    <div>", rule: "lint.raw-html").isEmpty)
    // In a table's cell no `\` breaks the line: the hint says what does instead.
    #expect(
      try lint("| 時間 | 場所 |\n|---|---|\n| 9:00<br>17:00 | 県庁 |", rule: "lint.raw-html").map(\.hint)
        == ["a table's cell holds one line: split it into two rows, or part the two with 「、」"])
  }

  @Test func notWhenTheSiteAllowsHTML() throws {
    var context = LintContext()
    context.allowsRawHTML = true
    let found = Linter.lint(
      file: "a.md", markdownBody: "<div>x</div>", bodyLineOffset: 0, context: context)
    #expect(!found.contains { $0.code == "lint.raw-html" })
    #expect(try lint("<div>x</div>", rule: "lint.raw-html").count == 1)
  }

  /// The sections `portal new` writes to fill, published empty; a `##` without words. A
  /// heading with deeper headings under it has sections and is not empty.
  @Test func emptySectionsAndHeadingsWithoutWordsWarn() throws {
    let sample = "## なにをするか\n\n## なにが変わるか\n"
    let found = try lint(sample, rule: "lint.empty-section", offset: 8)
    #expect(positions(found) == ["9:1", "11:1"])
    #expect(found.first?.message == "the section 「なにをするか」 has nothing under it")
    let filled = """
      ## なにをするか

      ### 一つ目

      説明です。

      ## なにが変わるか

      - 早くなります。

      # 付録

      | a |
      |---|
      | b |
      """
    #expect(try lint(filled, rule: "lint.empty-section").isEmpty)
    let nameless = try lint("説明です。\n\n##\n\n本文です。\n", rule: "lint.empty-section")
    #expect(positions(nameless) == ["3:1"])
    #expect(nameless.first?.message == "this heading has no words")
    #expect(positions(try lint("説明です。\n\n### 最後の見出し\n", rule: "lint.empty-section")) == ["3:1"])
  }

  /// A link that leads nowhere: no address, or one the build removes.
  @Test func linksWithoutAnAddressOrWithAScriptWarn() throws {
    let found = try lint(
      "[申し込み]()と[押す](javascript:alert(1))と[ファイル](FILE:///etc/passwd)と[地図](map.md)",
      rule: "lint.link-address")
    #expect(positions(found) == ["1:1", "1:10", "1:36"])
    #expect(found.first?.message == "this link has no address")
    #expect(found[1].message.contains("`javascript:…` is removed from the page"))
    #expect(
      try lint("[県](https://www.pref.chiba.lg.jp/)と[表](#目次)", rule: "lint.link-address").isEmpty)
    // The build keeps a PNG written as data (as cmark-gfm does); other data is removed.
    let data = try lint(
      "[図](data:image/png;base64,AAAA)と[文](data:text/html,<b>x</b>)", rule: "lint.link-address")
    #expect(positions(data) == ["1:33"])
    #expect(data.first?.message.contains("`data:…`") == true)
  }

  /// One reading over a long compound spreads it out; a reading per word does not.
  @Test func longFuriganaWarns() throws {
    let long = try lint(
      "会場は{千葉県立中央図書館|ちばけんりつちゅうおうとしょかん}です。", rule: "lint.long-furigana")
    #expect(positions(long) == ["1:5"])
    #expect(long.first?.message.hasPrefix("the furigana of 「千葉県立中央図書館」 is 16 characters") == true)
    #expect(
      try lint("会場は{千葉県立|ちばけんりつ}{中央|ちゅうおう}{図書館|としょかん}です。", rule: "lint.long-furigana")
        .isEmpty)
    #expect(
      try lint(
        "{千葉県立中央図書館|ちばけんりつちゅうおうとしょかん}", rule: "lint.long-furigana",
        settings: ["lint.long-furigana": "20"]
      ).isEmpty)
    // A reading per character spreads nothing, however many characters (its bars were counted).
    #expect(
      try lint(
        "会場は{千葉県立図書館|ち|ば|けん|りつ|と|しょ|かん}です。", rule: "lint.long-furigana"
      ).isEmpty)
  }
}
