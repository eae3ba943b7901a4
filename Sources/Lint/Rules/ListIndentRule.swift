import Diagnostics

/// A list item indented under another but by fewer spaces than the item's text starts at
/// (`1. 申込書を書きます。` then `  - 名前`): it looks nested in the file, but CommonMark puts
/// it inside only from the column of the item's text (3 after `1. `, 2 after `- `). Indented
/// less, it starts a list of its own after the numbered one, which breaks in two (the next
/// item shown as a new list starting at 2), or it stands beside the item as a sibling. The
/// page shows neither what the writer typed nor any mark of it.
struct ListIndentRule: Rule {
  let id = "lint.list-indent"
  let fix: FixSummary? = FixSummary(
    "a list indented too little to be nested", "入れ子になりきらない箇条書きの字下げ")
  let summary = "A list item indented under another too little to be inside it."
  let japaneseSummary = "箇条書きの字下げが足りず、上の項目の中に入っていません。"

  /// A list item's marker at the start of a line: its indent, its width (`-`: 1, `10.`: 3) and
  /// the column its text starts at (0-based, as the indent).
  struct Item: Equatable {
    var indent: Int
    var content: Int
    /// The bullet (`-`, `*`, `+`) or a number's `.` or `)`: items with the same one are one
    /// list.
    var marker: UInt8
  }

  /// The list item a line starts, or nil: a bullet (`-`, `*`, `+`) or a number of up to nine
  /// digits with `.` or `)`, then a space (or the line's end); a line of marks alone
  /// (`- - -`, `***`) is a line across the page.
  static func item(_ line: Substring) -> Item? {
    // Most lines start with words: told apart by their first byte, before any copy.
    guard let first = line.utf8.first(where: { $0 != 0x20 }),
      first == 0x2D || first == 0x2A || first == 0x2B || (0x30...0x39).contains(first)
    else { return nil }
    let bytes = Array(line.utf8)
    var i = 0
    while i < bytes.count, bytes[i] == 0x20 { i += 1 }
    guard i < bytes.count else { return nil }
    let indent = i
    var end = i
    var marker = bytes[i]
    switch bytes[i] {
    case 0x2D, 0x2A, 0x2B:
      end = i + 1
      let marks = bytes[i...].filter { $0 != 0x20 }
      if marks.count >= 3, marks.allSatisfy({ $0 == bytes[i] }) { return nil }
    case 0x30...0x39:
      while end < bytes.count, end - i < 9, (0x30...0x39).contains(bytes[end]) { end += 1 }
      guard end < bytes.count, bytes[end] == 0x2E || bytes[end] == 0x29 else { return nil }
      marker = bytes[end]
      end += 1
    default:
      return nil
    }
    if end == bytes.count { return Item(indent: indent, content: end + 1, marker: marker) }
    guard bytes[end] == 0x20 else { return nil }
    var spaces = 0
    while end + spaces < bytes.count, bytes[end + spaces] == 0x20 { spaces += 1 }
    // Five spaces or more after the marker: the text is an indented code block, and the item's
    // own text starts one space after the marker.
    let blankRest = end + spaces == bytes.count
    return Item(
      indent: indent, content: end + (spaces > 4 || blankRest ? 1 : spaces), marker: marker)
  }

  private static func indent(_ line: Substring) -> Int {
    line.utf8.prefix { $0 == 0x20 }.count
  }

  func check(page: LintPage, _ context: RuleContext) -> [Diagnostic] {
    guard !context.inFrontMatter else { return [] }
    let lines = page.source.lineTexts
    // Nothing indented by a space, nothing to find (most pages).
    guard lines.contains(where: { $0.utf8.first == 0x20 }) else { return [] }
    let code = page.codeLines
    var result: [Diagnostic] = []
    var parent: Item? = nil
    var afterBlank = false
    var i = 0
    while i < lines.count {
      let line = lines[i]
      defer { i += 1 }
      if code.contains(i + 1) || line.utf8.contains(0x09)
        || line.utf8.first(where: { $0 != 0x20 }) == 0x3E
      {
        // Code, tabs and quotations (callouts) are left alone, and end what came before.
        parent = nil
        continue
      }
      if line.utf8.allSatisfy({ $0 == 0x20 }) {
        afterBlank = true
        continue
      }
      defer { afterBlank = false }
      guard let item = Self.item(line) else {
        // A paragraph after an empty line, left of the item's text, ends the item; a line
        // right after one continues it.
        if afterBlank, let p = parent, Self.indent(line) < p.content { parent = nil }
        continue
      }
      guard let p = parent, item.indent > p.indent, item.indent < p.content else {
        parent = item
        continue
      }
      // This line and the rest of its list: each line indented as far or further, up to an
      // empty line or a line left of it.
      var last = i
      while last + 1 < lines.count, !code.contains(last + 2),
        !lines[last + 1].utf8.allSatisfy({ $0 == 0x20 }),
        Self.indent(lines[last + 1]) >= item.indent, !lines[last + 1].utf8.contains(0x09)
      {
        last += 1
      }
      result.append(diagnostic(page, lines, i...last, item: item, under: p))
      i = last
    }
    return result
  }

  private func diagnostic(
    _ page: LintPage, _ lines: [Substring], _ range: ClosedRange<Int>, item: Item, under p: Item
  ) -> Diagnostic {
    let more = p.content - item.indent
    let beside = item.marker == p.marker
    let place = SourceLocation(
      file: page.source.file, line: range.lowerBound + 1 + page.source.lineOffset,
      column: item.indent + 1)
    var d = Diagnostic.warning(
      place,
      "this item is indented \(item.indent) \(item.indent == 1 ? "space" : "spaces"), which does not put it inside the item above (its text starts \(p.content - p.indent) further in): the page shows it \(beside ? "beside that item" : "as a list of its own"), not under it",
      hint:
        "to put it under the item above, indent it by \(p.content - p.indent) spaces (\(more) more); to keep it beside, start it where that item starts",
      code: id
    ).ja(
      "この項目の字下げは空白\(item.indent)つで、上の項目の中に入りません。ページでは、上の項目の下ではなく、\(beside ? "上の項目と同じ並び" : "別の箇条書き")として出ます",
      hint:
        "上の項目の中に入れるなら、空白\(p.content - p.indent)つで字下げしてください（あと\(more)つ）。同じ並びにするなら、上の項目と同じ位置から書いてください"
    )
    // One space is as likely a slip beside the item as a short indent under it: no fix.
    guard item.indent - p.indent >= 2 else { return d }
    let pad = String(repeating: " ", count: more)
    for index in range {
      let line = lines[index]
      let spaces = Self.indent(line)
      guard let first = line.dropFirst(spaces).first else { continue }
      let expected = String(repeating: " ", count: spaces) + String(first)
      d = d.fixing(
        expected, with: pad + expected,
        at: SourceLocation(
          file: page.source.file, line: index + 1 + page.source.lineOffset, column: 1))
    }
    return d
  }
}
