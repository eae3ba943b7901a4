import Diagnostics

/// A list item whose text starts with a bullet of its own (`- ・筆記用具`, `1. ● 受付`, `- ▶ 本編`):
/// a list pasted from Word or a PDF kept its marks when the writer added Markdown's. The page
/// shows two marks before the item (• ・筆記用具), and a screen reader reads the second as text.
struct DoubleBulletRule: Rule {
  let id = "lint.double-bullet"
  let fix: FixSummary? = FixSummary(
    "a bullet typed after a list item's mark", "箇条書きの印の後ろに重ねた記号")
  let summary = "A list item that starts with a bullet of its own (- ・項目), shown twice."
  let japaneseSummary = "箇条書きの項目が、もう一つの記号（- ・項目）から始まっています。"

  /// The marks lists are typed with in Japanese documents, and Word's Symbol bullet (U+F0B7).
  static let bullets = CharacterClass("・•●○◯◎■□◆◇★☆▶▷►▸‣⁃\u{F0B7}")

  func check(page: LintPage, _ context: RuleContext) -> [Diagnostic] {
    guard !context.inFrontMatter else { return [] }
    var code: Set<Int>? = nil
    var result: [Diagnostic] = []
    for (index, line) in page.source.lineTexts.enumerated() {
      // Every bullet is past ASCII: an item whose text starts with an ASCII byte has none.
      guard let item = ListIndentRule.item(line),
        let lead = line.utf8.dropFirst(item.content).first, lead >= 0x80
      else { continue }
      if code == nil { code = page.codeLines }
      if code!.contains(index + 1) { continue }
      let chars = LintCharacter.array(line)
      // `content` counts bytes; the marks and spaces before it are ASCII, so it is also the
      // index of the item's first character.
      guard item.content < chars.count, Self.bullets.contains(chars[item.content]) else {
        continue
      }
      var end = item.content + 1
      while end < chars.count, chars[end] == " " || chars[end] == "　" { end += 1 }
      // A mark alone (`- ・`) or one that names itself (`- ・印の意味`) is left to the writer:
      // only a mark before the item's words.
      guard end < chars.count else { continue }
      let mark = chars[item.content].character
      let place = SourceLocation(
        file: page.source.file, line: index + 1 + page.source.lineOffset,
        column: item.content + 1)
      result.append(
        Diagnostic.warning(
          place,
          "this list item starts with 「\(mark)」 after its mark: the page shows two marks before it",
          hint: "delete 「\(mark)」: the list's own mark is shown", code: id
        ).ja(
          "箇条書きの項目が、印の後ろの「\(mark)」から始まっています。ページでは記号が2つ並びます",
          hint: "「\(mark)」を消してください。箇条書きの印はページが付けます"
        ).fixing(chars.string(item.content..<end), with: "", at: place))
    }
    return result
  }
}
