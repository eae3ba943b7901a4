import Diagnostics

extension TableCellsRule {
  /// Furigana written with the half-width bar in a table row (`| {匝瑳|そうさ}市 | … |`): the
  /// bar ends the cell, the braces are shown as typed, and the cells after it move a column
  /// right (or one is dropped); with the count still matching the header nothing else said
  /// so, and `lint.rare-kanji` asked for the very furigana that broke the row. `--fix`
  /// writes the group's bars full width, `{匝瑳｜そうさ}`, which a table leaves alone.
  func furiganaCut(_ line: [Character], at place: (Int) -> SourceLocation) -> Diagnostic? {
    // Every such group of the row: one warning, at the first, fixing them all.
    var groups: [(column: Int, written: String, meant: String)] = []
    var i = Self.prefix(of: line)
    var inCode = false
    while i < line.count {
      let c = line[i]
      if c == "\\" {
        i += 2
        continue
      }
      if c == "`" { inCode.toggle() }
      guard c == "{", !inCode,
        let close = line[(i + 1)...].firstIndex(where: { $0 == "}" || $0 == "{" }),
        line[close] == "}"
      else {
        i += 1
        continue
      }
      var bars: [Int] = []
      var k = i + 1
      while k < close {
        if line[k] == "\\" {
          k += 2
          continue
        }
        if line[k] == "|" { bars.append(k) }
        k += 1
      }
      if let first = bars.first, first > i + 1, close > first + 1 {
        var fixed = Array(line[i...close])
        for bar in bars { fixed[bar - i] = "｜" }
        groups.append((i + 1, String(line[i...close]), String(fixed)))
      }
      i = close + 1
    }
    guard let first = groups.first else { return nil }
    var warning = Diagnostic.warning(
      place(first.column),
      "the `|` of the furigana 「\(first.written)」 ends the table's cell: the braces are shown as typed and the cells after it move",
      hint: "in a table, write the furigana's bar full width: `\(first.meant)` (or `\\|`)", code: id
    ).ja(
      "ふりがな「\(first.written)」の `|` で表のセルが終わってしまいます。かっこがそのまま表示され、後ろのセルがずれます",
      hint: "表の中では、ふりがなの区切りを全角にしてください：`\(first.meant)`（または `\\|`）")
    for group in groups {
      warning = warning.fixing(group.written, with: group.meant, at: place(group.column))
    }
    return warning
  }
}
