import Diagnostics
import Markdown

/// A table that loses text. GFM gives a table the columns of its header: a row with more cells
/// drops the extra ones without a word (`| 12月5日（土） | 県庁 | 申込不要 |` under two columns
/// loses 申込不要), and one with fewer shows the last ones empty, the rest shifted if the cell
/// left out was in the middle. And a header whose delimiter row (`|---|`) has another number of cells makes
/// no table at all: the lines are printed as typed, pipes and dashes included; so do `｜` and
/// `ー` typed with the Japanese input on. A line right under a table is one more row, and a `|`
/// in a code span or a link's address in a cell ends the cell there.
struct TableCellsRule: Rule {
  let id = "lint.table-cells"
  let fix: FixSummary? = FixSummary(
    "a table's ｜ and ー typed full-width, furigana's | in a table", "全角で打った表の ｜ と ー、表の中のふりがなの |")
  let summary =
    "A table row with more cells than the header (dropped) or fewer (shown empty), a |---| row that does not match it or ｜ー typed full-width (no table), a line joined to a table, a | in code or a link that cuts its cell."
  let japaneseSummary = "表が崩れています（見出しよりセルが多い行や少ない行、合わない |---| の行、全角の ｜ー、表につながった行、セルを切る |）。"

  func check(page: LintPage, _ context: RuleContext) -> [Diagnostic] {
    guard !context.inFrontMatter else { return [] }
    var found: [Diagnostic] = []
    let lines = page.source.lineTexts
    func at(_ line: Int, _ column: Int) -> SourceLocation {
      SourceLocation(file: page.source.file, line: line + page.source.lineOffset, column: column)
    }
    for table in page.tables {
      guard table.line >= 1, table.line <= lines.count else { continue }
      for row in [table.line] + table.rowLines where row >= 1 && row <= lines.count {
        let line = Array(lines[row - 1])
        let body = line[Self.prefix(of: line)...]
        if row != table.line, !body.contains("|") {
          // A line right under the table, with no empty line between: one more row. A row
          // typed with ｜ is reported below.
          guard !body.contains("｜"), let first = body.indices.first else { continue }
          found.append(
            .warning(
              at(row, first + 1),
              "this line is a row of the table above it: with no empty line between, 「\(Self.short(String(body)))」 is shown in the table's first column",
              hint: "put an empty line before it", code: id
            ).ja(
              "この行は上の表の行になります。間に空行がないため、「\(Self.short(String(body)))」が表の最初の列に表示されます",
              hint: "この行の前に空行を入れてください"))
          continue
        }
        if let furigana = furiganaCut(line, at: { at(row, $0) }) {
          found.append(furigana)
          continue
        }
        if let cut = Self.cut(line) {
          let fix =
            cut.inAddress
            ? "write it %7C in the address" : "write it `\\|`: the page shows a |"
          let fixJa =
            cut.inAddress
            ? "アドレスの中では `%7C` と書いてください"
            : "`\\|` と書いてください（ページには | と表示されます）"
          found.append(
            .warning(
              at(row, cut.column),
              "the `|` in 「\(cut.piece)」 ends the cell: a table splits its rows at every `|`, in code and link addresses too",
              hint: fix, code: id
            ).ja(
              "「\(cut.piece)」の中の `|` でセルが終わってしまいます。表では、コードやリンクのアドレスの中でも `|` ごとにセルが分かれます",
              hint: fixJa))
          continue
        }
        guard row != table.line else { continue }
        let cells = Self.cells(of: line)
        if cells.count < table.columns, let first = cells.first {
          found.append(missingCells(at(row, first.column), cells.count, of: table.columns))
          continue
        }
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
            code: id
          ).ja(
            "この行にはセルが\(cells.count)個ありますが、表の列は\(table.columns)列です。「\(lost.joined(separator: "」「"))」はページに表示されません",
            hint:
              "表の見出しの行とその下の |---| の行に列を足すか（`\(Self.header(table.columns + 1))`）、文字をこの行のどれかのセルに移してください"
          ))
      }
    }
    // A header and a delimiter row that do not match are a paragraph: look for the pair there.
    // Only a paragraph with a `|` can hold the pair: the others' lines are not looked up (a
    // source line is made characters for each, a seventh of a lint of 10,000 pages).
    for block in page.blocks where block.kind == .paragraph && block.text.contains("|") {
      var breaks = [0]
      for (i, c) in block.text.enumerated() where c == "\n" { breaks.append(i + 1) }
      var previous: (line: Int, text: Substring)?
      for offset in breaks {
        guard let current = block.sourceLine(of: offset) else { continue }
        defer { previous = current }
        // A delimiter row holds a `|`: other lines are not made characters.
        guard let header = previous, header.line == current.line - 1,
          current.text.utf8.contains(0x7C)
        else { continue }
        let delimiter = Array(current.text)
        guard Self.isDelimiterRow(delimiter),
          case let headerCells = Self.cells(of: Array(header.text)),
          headerCells.count > 1 || header.text.contains("|"),
          case let delimiterCells = Self.cells(of: delimiter),
          delimiterCells.count != headerCells.count
        else { continue }
        found.append(
          .warning(
            at(current.line, Self.prefix(of: delimiter) + 1),
            "this is not a table: the header has \(headerCells.count) cells but the |---| row under it has \(delimiterCells.count), so the page shows the lines as typed, with their | and ---",
            hint:
              "give the |---| row one `---` for each cell of the header: \(Self.header(headerCells.count))",
            code: id
          ).ja(
            "これは表になりません。見出しの行のセルは\(headerCells.count)個ですが、その下の |---| の行は\(delimiterCells.count)個なので、| や --- も含めて書いたまま表示されます",
            hint:
              "|---| の行には、見出しの行のセル1個につき `---` を1個書いてください：`\(Self.header(headerCells.count))`"
          ))
      }
    }
    found += fullWidthRows(page) + rowsInParagraphs(page)
    return found
  }

  /// A row with fewer cells than the header: GFM shows the last ones empty, so a cell left out
  /// in the middle (a date forgotten) puts every cell after it under the wrong heading.
  private func missingCells(_ place: SourceLocation, _ count: Int, of columns: Int) -> Diagnostic {
    let missing = columns - count
    return .warning(
      place,
      "this row has \(count) cell\(count == 1 ? "" : "s") but the table has \(columns) columns: the last \(missing == 1 ? "one is" : "\(missing) are") shown empty, and a cell left out in the middle puts the cells after it under the wrong heading",
      hint:
        "write every cell, an empty one as `|  |` where there is nothing to say",
      code: id
    ).ja(
      "この行にはセルが\(count)個しかありませんが、表の列は\(columns)列です。最後の\(missing)列は空で表示され、途中のセルが抜けていると、その後のセルが違う見出しの下に並びます",
      hint: "セルはすべて書いてください。書くことがないセルは `|  |` のように空にします")
  }

  /// Whether `text` holds `|` or a full-width `｜` (EF BD 9C) (only `｜` with `fullWidthOnly`),
  /// on its bytes.
  static func hasBar(_ text: Substring, fullWidthOnly: Bool = false) -> Bool {
    var utf8 = text.utf8.makeIterator()
    var (a, b): (UInt8, UInt8) = (0, 0)
    while let c = utf8.next() {
      if (c == 0x7C && !fullWidthOnly) || (a == 0xEF && b == 0xBD && c == 0x9C) { return true }
      (a, b) = (b, c)
    }
    return false
  }

  /// A row's text for a message: up to 20 characters.
  static func short(_ text: String) -> String {
    let t = text.trimmingWhitespace
    return t.count > 20 ? t.prefix(20) + "…" : String(t)
  }

  /// `|---|---|` for `n` columns.
  static func header(_ n: Int) -> String {
    "|" + String(repeating: "---|", count: max(n, 1))
  }

  /// `|---|:--:|`, `--- | ---`: dashes, colons, pipes and spaces, with a dash and a pipe.
  static func isDelimiterRow(_ line: [Character]) -> Bool {
    let body = line[prefix(of: line)...]
    return body.contains("-") && body.contains("|")
      && body.allSatisfy { "|-: \t".contains($0) }
  }

  /// Where a row's cells start: after the indentation and the marks of the block quotes and
  /// list items it is in (`- > | 日時 |`).
  static func prefix(of line: [Character]) -> Int {
    var i = 0
    while i < line.count {
      let c = line[i]
      if c == " " || c == "\t" || c == ">" {
        i += 1
        continue
      }
      if "-*+".contains(c), i + 1 < line.count, line[i + 1] == " " {
        i += 2
        continue
      }
      var k = i
      while k < line.count, line[k].isASCII, line[k].isNumber, k - i < 9 { k += 1 }
      if k > i, k + 1 < line.count, line[k] == "." || line[k] == ")", line[k + 1] == " " {
        i = k + 2
        continue
      }
      break
    }
    return i
  }

  /// The first `|` of a row that splits a code span (`` `a|b` ``) or a link's address
  /// (`[県庁](https://example.jp/a|b)`) in two, which GFM does: its column (1-based), what it
  /// cuts, and whether that is an address.
  static func cut(_ line: [Character]) -> (column: Int, piece: String, inAddress: Bool)? {
    var i = prefix(of: line)
    while i < line.count {
      if line[i] == "\\" {
        i += 2
        continue
      }
      if line[i] == "`" {
        var run = i
        while run < line.count, line[run] == "`" { run += 1 }
        let ticks = run - i
        // The closing run of as many backticks.
        var k = run
        var close: Int?
        while k < line.count {
          if line[k] == "`" {
            var e = k
            while e < line.count, line[e] == "`" { e += 1 }
            if e - k == ticks {
              close = k
              break
            }
            k = e
          } else {
            k += 1
          }
        }
        guard let close else {
          i = run
          continue
        }
        if let bar = pipe(in: line, run..<close) {
          return (bar + 1, String(line[i..<(close + ticks)]), false)
        }
        i = close + ticks
        continue
      }
      if line[i] == "]", i + 1 < line.count, line[i + 1] == "(" {
        var depth = 0
        var k = i + 1
        while k < line.count {
          if line[k] == "\\" {
            k += 2
            continue
          }
          if line[k] == "(" { depth += 1 }
          if line[k] == ")" {
            depth -= 1
            if depth == 0 { break }
          }
          k += 1
        }
        if k < line.count, let bar = pipe(in: line, (i + 2)..<k) {
          return (bar + 1, String(line[(i + 1)...k]), true)
        }
        i = k
        continue
      }
      i += 1
    }
    return nil
  }

  /// The first `|` in `range` not escaped with `\`.
  private static func pipe(in line: [Character], _ range: Range<Int>) -> Int? {
    var k = range.lowerBound
    while k < range.upperBound {
      if line[k] == "\\" {
        k += 2
        continue
      }
      if line[k] == "|" { return k }
      k += 1
    }
    return nil
  }

  /// The cells of a table row as GFM splits it: on each `|` not escaped with `\`, a leading
  /// and a trailing `|` left out. Each cell's text (trimmed) and the column (1-based, in
  /// characters) of its first character, or of its `|` when it is empty.
  static func cells(of line: [Character]) -> [(text: String, column: Int)] {
    var end = line.count
    while end > 0, line[end - 1] == " " || line[end - 1] == "\t" { end -= 1 }
    var i = prefix(of: line)
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
