import CCmarkGFM

/// A code block of the body: where it is, and whether it was written between fences
/// (```` ``` ````) or made by indenting lines by 4 spaces or a tab.
public struct CodeBlockPlace: Sendable, Hashable {
  /// The first line of its text (for a fenced block, the line after the opening fence).
  public var line: Int
  /// Where its text starts on `line`, in characters; for an indented block, after the
  /// indentation cmark took (more spaces than 4 are part of the text).
  public var column: Int
  /// The last line of the block (a fenced block's closing fence).
  public var endLine: Int
  public var isFenced: Bool
  public var text: String
}

/// A GFM table of the body: the number of columns its header gives, and the lines of its rows.
public struct TablePlace: Sendable, Hashable {
  /// The header row's line; the delimiter row (`|---|`) is the next one.
  public var line: Int
  /// The columns of the header: a row's cells after these are dropped.
  public var columns: Int
  /// The line of each body row.
  public var rowLines: [Int]
}

extension MarkdownDocument {
  /// The code blocks of the body, in document order.
  public func codeBlockPlaces() -> [CodeBlockPlace] {
    collect { $0.type == CMARK_NODE_CODE_BLOCK }.map { node in
      // cmark-gfm writes through the three pointers without checking them.
      var (length, offset, character): (Int32, Int32, CChar) = (0, 0, 0)
      let fenced = cmark_node_get_fenced(node, &length, &offset, &character) != 0
      var (line, column) = position(of: node)
      if fenced { (line, column) = (line + 1, 1) }
      return CodeBlockPlace(
        line: line, column: column, endLine: Int(cmark_node_get_end_line(node)),
        isFenced: fenced, text: node.literal)
    }
  }

  /// The tables of the body, in document order.
  public func tablePlaces() -> [TablePlace] {
    collect { $0.typeName == "table" }.map { table in
      var rows: [Int] = []
      var header = startPoint(of: table).line
      var child = table.firstChild
      while let row = child {
        let line = startPoint(of: row).line
        if row.typeName == "table_header" { header = line } else { rows.append(line) }
        child = row.next
      }
      return TablePlace(
        line: header, columns: Int(cmark_gfm_extensions_get_table_columns(table)), rowLines: rows)
    }
  }
}
