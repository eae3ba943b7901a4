import Diagnostics
import Markdown

/// HTML pasted into a body (from an old CMS, a video's embed code) is left out of the page
/// unless `allow_raw_html` is on: a block of it with the text inside (「大事なお知らせ」 in a
/// `<div>` vanished without a word), a tag inside a paragraph alone (`<br>` breaks no line).
/// One warning per place, each with its fix (one per file, counting the rest, left the writer
/// to find the others).
struct RawHTMLRule: Rule {
  let id = "lint.raw-html"
  let summary = "HTML in the Markdown, which the page leaves out (a block with the text in it)."
  let japaneseSummary = "Markdown の中の HTML は、ページから省かれます（ブロックは中の文字ごと）。"

  func check(page: LintPage, _ context: RuleContext) -> [Diagnostic] {
    // A table's rows: a cell holds one line, and no `\` breaks it.
    let rows = Set(page.tables.flatMap { [$0.line] + $0.rowLines })
    return page.rawHTML.map { html in
      let shown = html.text.count > 40 ? String(html.text.prefix(40)) + "…" : html.text
      let tag = html.text.dropFirst().prefix { $0.isLetter || $0.isNumber }.lowercased()
      let (message, hint) =
        html.isBlock
        ? (
          "HTML is left out of the page, with the text inside it: `\(shown)`",
          "write it in Markdown: text as a paragraph, a list with `- `, a table with `|`; a video as a link to it"
        )
        : (
          "the HTML tag `\(shown)` is left out of the page (the text around it stays)",
          tag == "br"
            ? (rows.contains(html.line)
              ? "a table's cell holds one line: split it into two rows, or part the two with 「、」"
              : "to start a new line, end the line with a half-width backslash `\\`")
            : "remove the tag; for emphasis write **…**"
        )
      let (messageJa, hintJa) =
        html.isBlock
        ? (
          "HTML は、中の文字ごとページから省かれます：`\(shown)`",
          "Markdown で書いてください。文は段落に、箇条書きは `- `、表は `|` で書きます。動画は、その動画へのリンクにしてください"
        )
        : (
          "HTML のタグ `\(shown)` はページから省かれます（前後の文字は残ります）",
          tag == "br"
            ? (rows.contains(html.line)
              ? "表のセルの中では改行できません。2つの行に分けるか、「、」で区切ってください"
              : "改行するには、行の終わりに半角のバックスラッシュ `\\` を書いてください")
            : "タグを消してください。強調したいときは `**…**` と書きます"
        )
      return .warning(
        SourceLocation(
          file: page.source.file, line: html.line + page.source.lineOffset, column: html.column),
        message, hint: hint, code: id
      ).ja(messageJa, hint: hintJa)
    }
  }
}
