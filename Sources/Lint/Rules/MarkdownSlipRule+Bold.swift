import Diagnostics

extension MarkdownSlipRule {
  /// `＊＊重要＊＊`: bold typed with the input in full width, which the page shows as typed.
  /// Only a pair closed on its line with words between (a lone `＊＊` may be a placeholder);
  /// `--fix` makes both pairs half-width, each where it is written, so the words between keep
  /// whatever markup they hold (read on by the other checks). Returns the warning and where its
  /// closing pair is, which is not read again as an opening one.
  func fullWidthBold(at i: Int, in block: LintBlock, _ context: RuleContext) -> (
    Diagnostic, close: Int
  )? {
    let text = block.text
    func pair(at k: Int) -> Bool {
      k + 1 < text.count && text[k] == "＊" && text[k + 1] == "＊"
        && (k == 0 || text[k - 1] != "＊") && (k + 2 == text.count || text[k + 2] != "＊")
    }
    guard pair(at: i), !block.isInCodeSpan(i) else { return nil }
    var close = i + 3
    while close < text.count, text[close] != "\n", !pair(at: close) { close += 1 }
    guard close < text.count, text[close] != "\n", !text[i + 2].isWhitespace else { return nil }
    let words = text.excerpt((i + 2)..<close)
    let warning = context.warning(
      block, at: i, "full-width ＊＊ do not make bold: 「＊＊\(words)＊＊」 is shown as typed",
      hint: "write them half width: **\(words)**"
    ).ja(
      "全角の ＊＊ では太字になりません。「＊＊\(words)＊＊」がそのまま表示されます",
      hint: "半角で書いてください：`**\(words)**`"
    )
    .fixing("＊＊", with: "**", at: block.location(of: i))
    .fixing("＊＊", with: "**", at: block.location(of: close))
    return (warning, close)
  }
}
