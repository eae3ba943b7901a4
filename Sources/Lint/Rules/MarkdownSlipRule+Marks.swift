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
    if paragraphStart { listMarkWithFullWidthSpace(at: i, in: text, warn) }
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

  /// `-　筆記用具` or `1.　受付`: a list mark with the full-width space the Japanese input gives
  /// after it, no space to CommonMark, so the paragraph shows the mark as typed. At a
  /// paragraph's start (lines under it are `lint.joined-lines`'). `--fix` writes one
  /// half-width space.
  private func listMarkWithFullWidthSpace(
    at i: Int, in text: [LintCharacter],
    _ warn: (Int, String, String, Japanese, Replacement?) -> Void
  ) {
    var end = i
    while end < text.count, end - i < 9, ("0"..."9").contains(text[end].character) { end += 1 }
    if end > i, end < text.count, text[end] == "." || text[end] == ")" {
      end += 1
    } else if end == i, text[i] == "-" || text[i] == "*" || text[i] == "+" {
      end = i + 1
    } else {
      return
    }
    guard end < text.count, text[end] == "\u{3000}" else { return }
    var words = end
    while words < text.count, text[words] == " " || text[words] == "\u{3000}" { words += 1 }
    guard words < text.count, text[words] != "\n" else { return }
    let mark = text.string(i..<end)
    let written = "\(mark) \(lineExcerpt(text, from: words))"
    warn(
      i, "`\(mark)` with a full-width space after it does not make a list item",
      "write a half-width space after `\(mark)`: `\(written)`",
      (
        "`\(mark)` の後ろの空白が全角のため、箇条書きになりません",
        hint: "`\(mark)` の後ろは半角の空白にしてください：`\(written)`"
      ), (i..<words, mark + " "))
  }

  /// List marks typed full width: the hyphen, the asterisk and the plus sign.
  static let fullWidthListMarks: Set<Character> = ["－", "＊", "＋"]
}
