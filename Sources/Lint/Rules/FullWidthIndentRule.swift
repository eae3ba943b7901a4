import Diagnostics

/// A line of text started with a full-width space (　): the indent of a paragraph on paper, as
/// Word and school taught it. The web does not indent paragraphs (the page spaces them apart):
/// the first line stands off the left edge that headings, lists and the other paragraphs keep,
/// and on a line joined into the paragraph before it the space shows as a gap mid-sentence. A
/// line of a full-width space alone, typed to leave a line empty, is no empty line to Markdown:
/// it is a paragraph of a space, or joins the lines next to it. Markdown strips half-width
/// spaces there, not this one. Table cells are left alone: a space there pads a cell.
struct FullWidthIndentRule: Rule {
  let id = "lint.fullwidth-indent"
  let fix: FixSummary? = FixSummary("a full-width indent", "行の頭の全角スペース")
  let summary = "A line of text started with a full-width space (　), the indent of print."
  let japaneseSummary = "行の始めに全角の空白（　）があります。紙の文書の字下げです。"

  func check(_ block: LintBlock, _ context: RuleContext) -> [Diagnostic] {
    guard block.kind == .paragraph || block.kind == .heading else { return [] }
    let text = block.text
    var result: [Diagnostic] = []
    var i = 0
    while i < text.count {
      defer { i += 1 }
      guard i == 0 || text[i - 1] == "\n", text[i] == "\u{3000}", !block.isInCodeSpan(i) else {
        continue
      }
      var end = i
      while end < text.count, text[end] == "\u{3000}" { end += 1 }
      let alone = end == text.count || text[end] == "\n"
      let message =
        alone
        ? (
          "a line that holds only a full-width space (　) is not an empty line: Markdown makes it a paragraph, or joins it to the lines next to it",
          "全角の空白（　）だけの行は、空の行になりません。空白だけの段落になるか、前後の行とつながります"
        )
        : (
          "a full-width space (　) at the start of a line: the indent of print, which the web does not use",
          "行の始めに全角の空白（　）があります。紙の文書の字下げは、ウェブでは使いません"
        )
      result.append(
        context.warning(
          block, at: i, message.0,
          hint:
            "delete it: the page spaces paragraphs apart, and a paragraph starts at the left edge as headings and lists do; to leave a line empty, leave it truly empty"
        ).ja(
          message.1,
          hint: "消してください。段落の間はページが空けます。段落は、見出しや箇条書きと同じく左の端から始まります。空の行にしたいときは、何も書かない行にしてください"
        ).fixing(text.string(i..<end), with: ""))
      i = end
    }
    return result
  }
}
