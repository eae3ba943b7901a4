import Diagnostics

extension MarkdownSlipRule {
  /// `＞ 引用` or `－ 項目`: a quotation's or a list item's mark typed with the input in full
  /// width, followed by a space, which the page shows as typed in a paragraph (screen readers
  /// announce no quotation and no list). `＞` at the start of any line of a paragraph (a real
  /// `>` would interrupt it); `－`, `＊`, `＋` only at a paragraph's start, as the lines under it
  /// are `lint.joined-lines`' to report. Without the space the mark is decoration
  /// (`＞詳しくはこちら`), or a note (`＊1`). `--fix` writes the mark half-width with one space.
  func markSlip(
    at i: Int, paragraphStart: Bool, in text: [LintCharacter],
    _ warn: (Int, String, String, Japanese, Replacement?) -> Void
  ) {
    let c = text[i]
    let quote = c == "＞"
    guard quote || (paragraphStart && Self.fullWidthListMarks.contains(c.character)),
      i + 1 < text.count, text[i + 1] == " " || text[i + 1] == "\u{3000}"
    else { return }
    var words = i + 1
    while words < text.count, text[words] == " " || text[words] == "\u{3000}" { words += 1 }
    guard words < text.count, text[words] != "\n", text[words] != c else { return }
    let mark = quote ? ">" : "-"
    let written = "\(mark) \(lineExcerpt(text, from: words))"
    if quote {
      warn(
        i, "a full-width `＞` does not make a quotation",
        "write a half-width `>` and a space: `\(written)`",
        ("全角の `＞` では引用になりません", hint: "半角の `>` と空白で書いてください：`\(written)`"),
        (i..<words, "> "))
    } else {
      warn(
        i, "a full-width `\(c.character)` does not make a list item",
        "write a half-width `-` and a space: `\(written)`",
        (
          "全角の `\(c.character)` では箇条書きになりません",
          hint: "半角の `-` と空白で書いてください：`\(written)`"
        ), (i..<words, "- "))
    }
  }

  /// List marks typed full width: the hyphen, the asterisk and the plus sign.
  static let fullWidthListMarks: Set<Character> = ["－", "＊", "＋"]
}
