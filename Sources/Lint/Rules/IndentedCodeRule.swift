import Diagnostics
import Markdown

/// A paragraph indented by 4 spaces or a tab, as in a word processor, is an indented code
/// block in Markdown: the page shows its text as typed, in a box in a fixed-width font, with
/// its `**` and `[…](…)` printed and its lines unwrapped. Code written for residents is rare, and
/// code in Japanese rarer: an indented block with kana or kanji is taken for a paragraph. A
/// fenced block (```` ``` ````) is code on purpose and is left alone.
struct IndentedCodeRule: Rule {
  let id = "lint.indented-code"
  let summary = "Japanese text indented by 4 spaces or a tab, which becomes a code block."
  let japaneseSummary = "行の始めに空白4つかタブがあり、日本語の文がコード用の枠になります。"

  func check(page: LintPage, _ context: RuleContext) -> [Diagnostic] {
    guard !context.inFrontMatter else { return [] }
    let lines = page.source.lineTexts
    return page.codeBlocks.compactMap { block in
      guard !block.isFenced, block.text.unicodeScalars.contains(where: Self.isJapanese) else {
        return nil
      }
      // The first character of the text, after the indentation and any spaces more.
      var column = block.column
      if block.line >= 1, block.line <= lines.count {
        let line = Array(lines[block.line - 1])
        while column - 1 < line.count, line[column - 1] == " " || line[column - 1] == "\t" {
          column += 1
        }
      }
      return .warning(
        SourceLocation(
          file: page.source.file, line: block.line + page.source.lineOffset, column: column),
        "4 spaces (or a tab) at the start of a line make a code block: the text is shown as typed in a box, links and all",
        hint:
          "remove the spaces at the start of the line (Japanese paragraphs are not indented on the web; the page spaces them apart); if code was meant, put ``` on a line before it and after it",
        code: id
      ).ja(
        "行の始めに空白が4つ（またはタブが）あると、コード用の枠になります。文字はリンクなども含めて、枠の中に書いたまま表示されます",
        hint:
          "行の始めの空白を消してください（ウェブでは日本語の段落を字下げしません。段落の間はページが空けます）。コードを載せたいときは、その前と後ろの行に ``` だけを書いてください"
      )
    }
  }

  /// Kana and kanji, and the full-width letters, digits and signs and the full-width space
  /// typed with the Japanese input (`ＴＥＬ　０４３－２２３－２２２２`), which no code is written in.
  static func isJapanese(_ u: Unicode.Scalar) -> Bool {
    let c = LintCharacter(u)
    return c.isHiragana || c.isKatakana || c.isKanji || (0xFF01...0xFF5E).contains(u.value)
      || u.value == 0x3000
  }
}
