import Diagnostics
import Markdown

/// A table that loses text. GFM gives a table the columns of its header: a row with more cells
/// drops the extra ones without a word (`| 12月5日（土） | 県庁 | 申込不要 |` under two columns
/// loses 申込不要). And a header whose delimiter row (`|---|`) has another number of cells makes
/// no table at all: the lines are printed as typed, pipes and dashes included.
struct TableCellsRule: Rule {
  let id = "lint.table-cells"
  let summary =
    "A table row with more cells than the header (the extra cells are dropped), or a |---| row that does not match the header (no table)."

  func check(page: LintPage, _ context: RuleContext) -> [Diagnostic] {
    guard !context.inFrontMatter else { return [] }
    var found: [Diagnostic] = []
    let lines = page.source.lineTexts
    func at(_ line: Int, _ column: Int) -> SourceLocation {
      SourceLocation(file: page.source.file, line: line + page.source.lineOffset, column: column)
    }
    for table in page.tables {
      guard table.line >= 1, table.line <= lines.count else { continue }
      let quoted = Self.isQuoted(lines[table.line - 1])
      for row in table.rowLines where row >= 1 && row <= lines.count {
        let cells = Self.cells(of: Array(lines[row - 1]), quoted: quoted)
        guard cells.count > table.columns,
          let dropped = cells[table.columns...].first(where: { !$0.text.isEmpty })
        else { continue }
        let lost = cells[table.columns...].map(\.text).filter { !$0.isEmpty }
        found.append(
          .warning(
            at(row, dropped.column),
            "this row has \(cells.count) cells but the table has \(table.columns) columns: 「\(lost.joined(separator: "」「"))」 is left out of the page",
            hint:
              "add a column to the header and to its |---| row (\(Self.header(table.columns + 1))), or move the text into a cell of the row",
            code: id))
      }
    }
    // A header and a delimiter row that do not match are a paragraph: look for the pair there.
    for block in page.blocks where block.kind == .paragraph {
      var breaks = [0]
      for (i, c) in block.text.enumerated() where c == "\n" { breaks.append(i + 1) }
      var previous: (line: Int, text: Substring)?
      for offset in breaks {
        guard let current = block.sourceLine(of: offset) else { continue }
        defer { previous = current }
        guard let header = previous, header.line == current.line - 1 else { continue }
        let quoted = Self.isQuoted(header.text)
        let delimiter = Array(current.text)
        guard Self.isDelimiterRow(delimiter, quoted: quoted),
          case let headerCells = Self.cells(of: Array(header.text), quoted: quoted),
          headerCells.count > 1 || header.text.contains("|"),
          case let delimiterCells = Self.cells(of: delimiter, quoted: quoted),
          delimiterCells.count != headerCells.count
        else { continue }
        found.append(
          .warning(
            at(current.line, Self.prefix(of: delimiter, quoted: quoted) + 1),
            "this is not a table: the header has \(headerCells.count) cells but the |---| row under it has \(delimiterCells.count), so the page shows the lines as typed, with their | and ---",
            hint:
              "give the |---| row one `---` for each cell of the header: \(Self.header(headerCells.count))",
            code: id))
      }
    }
    return found
  }

  /// `|---|---|` for `n` columns.
  static func header(_ n: Int) -> String {
    "|" + String(repeating: "---|", count: max(n, 1))
  }

  /// Whether a table's line is in a block quote (`> | a |`), whose marks come before the cells.
  static func isQuoted(_ line: Substring) -> Bool {
    line.drop { $0 == " " || $0 == "\t" }.first == ">"
  }

  /// `|---|:--:|`, `--- | ---`: dashes, colons, pipes and spaces, with a dash and a pipe.
  static func isDelimiterRow(_ line: [Character], quoted: Bool) -> Bool {
    let body = line[prefix(of: line, quoted: quoted)...]
    return body.contains("-") && body.contains("|")
      && body.allSatisfy { "|-: \t".contains($0) }
  }

  /// Where a row's cells start: after the indentation and, in a block quote, its marks.
  static func prefix(of line: [Character], quoted: Bool) -> Int {
    var i = 0
    while i < line.count, line[i] == " " || line[i] == "\t" || (quoted && line[i] == ">") {
      i += 1
    }
    return i
  }

  /// The cells of a table row as GFM splits it: on each `|` not escaped with `\`, a leading
  /// and a trailing `|` left out. Each cell's text (trimmed) and the column (1-based, in
  /// characters) of its first character, or of its `|` when it is empty.
  static func cells(of line: [Character], quoted: Bool) -> [(text: String, column: Int)] {
    var end = line.count
    while end > 0, line[end - 1] == " " || line[end - 1] == "\t" { end -= 1 }
    var i = prefix(of: line, quoted: quoted)
    guard i < end else { return [] }
    if line[i] == "|" { i += 1 }
    var cells: [(text: String, column: Int)] = []
    var start = i
    func close(at stop: Int) {
      var s = start
      while s < stop, line[s] == " " || line[s] == "\t" { s += 1 }
      var e = stop
      while e > s, line[e - 1] == " " || line[e - 1] == "\t" { e -= 1 }
      cells.append((String(line[s..<e]), s < e ? s + 1 : max(start, 1)))
    }
    while i < end {
      if line[i] == "\\" {
        i += 2
        continue
      }
      if line[i] == "|" {
        close(at: i)
        start = i + 1
      }
      i += 1
    }
    if start < end { close(at: end) }
    return cells
  }
}
