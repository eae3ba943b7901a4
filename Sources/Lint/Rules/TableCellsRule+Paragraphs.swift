import Diagnostics
import Foundation

extension TableCellsRule {
  /// Rows of a table that a paragraph holds, so the page shows them as typed, `|` and all:
  ///
  /// - no `|---|` row under the first (`| 部署 | 電話 |` over `| 総務部 | 043… |`, pasted from
  ///   Word or Excel): GFM makes a table only of a header with that row under it;
  /// - a whole table, `|---|` row and all, right under a list item or a callout's title with no
  ///   empty line between: read as that text (a table right under a paragraph's line is one).
  ///
  /// Reported at the run's first row. (A `|---|` row with another count than its header is
  /// `check(page:)`'s.)
  func rowsInParagraphs(_ page: LintPage) -> [Diagnostic] {
    var found: [Diagnostic] = []
    for block in page.blocks where block.kind == .paragraph {
      guard block.text.contains("|") || block.text.contains("\t") else { continue }
      var offsets = [0]
      for (i, c) in block.text.enumerated() where c == "\n" { offsets.append(i + 1) }
      // The block's lines as written, runs of rows among them.
      var run: [(line: Int, text: [Character])] = []
      func close() {
        defer { run = [] }
        // A `|---|` row typed full width is `fullWidthRows`' to report.
        guard run.count >= 2,
          !run.contains(where: { row in
            row.text.contains { Self.dashes.contains($0) && $0 != "-" }
              && row.text[Self.prefix(of: row.text)...].allSatisfy {
                Self.delimiterCharacters.contains($0)
              }
          })
        else { return }
        let delimiter = run.firstIndex { Self.isDelimiterRow($0.text) }
        let first = run[0]
        let shown = String(String(first.text[Self.prefix(of: first.text)...]).trimmingWhitespace)
        let place = SourceLocation(
          file: page.source.file, line: first.line + page.source.lineOffset,
          column: Self.prefix(of: first.text) + 1)
        if let delimiter {
          guard delimiter > 0,
            Self.cells(of: run[delimiter - 1].text).count
              == Self.cells(of: run[delimiter].text).count
          else { return }
          found.append(
            .warning(
              place,
              "this table is not made: right under the line above with no empty line between, it is read as that line's text (a list item's, a quotation's) and shown as typed",
              hint: "put an empty line before `\(Self.short(shown))`", code: id
            ).ja(
              "この表は作られません。上の行のすぐ下に空行なしで書かれているため、その行（箇条書きや引用）の続きとして、書いたまま表示されます",
              hint: "`\(Self.short(shown))` の前に空行を入れてください"))
        } else {
          let columns = Self.cells(of: first.text).count
          found.append(
            .warning(
              place,
              "these rows are not a table: a table needs a row of `---` under its first row, so the page shows them as typed, with their |",
              hint:
                "put \(Self.header(columns)) on a line of its own under `\(Self.short(shown))` (the first row is the table's header)",
              code: id
            ).ja(
              "この行は表になりません。表には、最初の行の下に `---` の行が必要です。このままでは | も含めて書いたまま表示されます",
              hint:
                "`\(Self.short(shown))` の下の行に \(Self.header(columns)) と書いてください（最初の行が表の見出しになります）"
            ))
        }
      }
      found += tabbedRows(block, offsets, page)
      for offset in offsets {
        guard let (line, text) = block.sourceLine(of: offset) else { continue }
        let chars = Array(text)
        let body = chars[Self.prefix(of: chars)...]
        let isRow =
          body.first == "|" && (Self.isDelimiterRow(chars) || Self.cells(of: chars).count >= 2)
        if isRow, run.last.map({ $0.line == line - 1 }) ?? true {
          run.append((line, chars))
        } else {
          close()
          if isRow { run = [(line, chars)] }
        }
      }
      close()
    }
    return found
  }

  /// Two lines or more of a paragraph with cells parted by tabs (rows pasted from Excel): the
  /// page runs them into one line. The hint gives them as a table.
  private func tabbedRows(_ block: LintBlock, _ offsets: [Int], _ page: LintPage) -> [Diagnostic] {
    guard block.text.contains("\t") else { return [] }
    var rows: [(line: Int, cells: [String])] = []
    for offset in offsets {
      guard let (line, text) = block.sourceLine(of: offset) else { continue }
      let cells = text.split(separator: "\t").map {
        String($0).trimmingCharacters(in: .whitespaces)
      }
      // Words in every cell: a bullet and a tab (Word's list, `\u{F0B7}\t項目`) is no row.
      if cells.count >= 2,
        cells.allSatisfy({ $0.contains(where: { $0.isLetter || $0.isNumber }) })
      {
        rows.append((line, cells))
      } else if rows.count < 2 {
        rows = []
      }
    }
    guard rows.count >= 2 else { return [] }
    let columns = rows.map(\.cells.count).max() ?? 2
    func row(_ cells: [String]) -> String {
      "| " + (cells + Array(repeating: "", count: columns - cells.count)).joined(separator: " | ")
        + " |"
    }
    let table = [row(rows[0].cells), Self.header(columns), row(rows[1].cells)].joined(
      separator: " / ")
    return [
      .warning(
        SourceLocation(
          file: page.source.file, line: rows[0].line + page.source.lineOffset, column: 1),
        "these lines have cells parted by tabs (pasted from a spreadsheet): the page runs them into one line",
        hint: "write them as a table, one line each: \(table) …", code: id
      ).ja(
        "この行はタブで区切られています（表計算ソフトから貼り付けた表）。ページでは一行につながって表示されます",
        hint: "表として、1行ずつ書いてください：\(table) …")
    ]
  }
}
