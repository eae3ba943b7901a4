import Diagnostics

extension MarkdownSlipRule {
  /// A sentence with a line of `---` or `===` right under it: CommonMark makes it a heading
  /// (`##`, or `#` the page title's level), which writers meant as a line across the page or
  /// did not mean at all; the page then shows the sentence large, in its contents, with
  /// `lint.empty-section` saying nothing is under "the heading" the writer never wrote. Read
  /// where the heading's first line has no `#` before its words.
  func setextHeading(_ block: LintBlock, _ context: RuleContext) -> Diagnostic? {
    guard block.kind == .heading, !block.text.isEmpty,
      let (_, chars, index) = block.sourceCharacters(of: 0),
      !chars[..<index].contains("#"),
      let (last, _, _) = block.sourceCharacters(of: block.text.count - 1),
      let under = block.sourceLineCharacters(last + 1)
    else { return nil }
    let marks = under.filter { !$0.isWhitespace && $0 != ">" }
    guard let mark = marks.first, mark == "=" || mark == "-", marks.allSatisfy({ $0 == mark })
    else { return nil }
    let written = String(repeating: mark.character, count: marks.count)
    let words =
      block.text.excerpt(0..<min(block.text.count, 16))
      + (block.text.count > 16 ? "…" : "")
    let level = mark == "=" ? "#" : "##"
    // A line of `===` after a blank line is a paragraph of its own, no line across the page.
    let rule = mark == "-" ? "for a line across the page, leave a blank line before `---`; " : ""
    let ruleJa = mark == "-" ? "区切りの線にするなら `---` の前に空行を入れてください。" : ""
    return context.warning(
      block, at: 0,
      "「\(words)」 is a heading (\(level)): the line `\(written)` under it makes it one",
      hint:
        "\(rule)if no heading is meant, delete `\(written)`; for a heading, write `## \(words)` and delete `\(written)`"
    ).ja(
      "「\(words)」が見出し（\(level)）になっています。すぐ下の `\(written)` の行のためです",
      hint:
        "\(ruleJa)見出しにしないなら `\(written)` を消してください。見出しにするなら `## \(words)` と書いて `\(written)` を消してください"
    )
  }
}
