import CCmarkGFM

/// Where cmark-gfm 0.29.0.gfm.6 (Debian 12's) misplaces nodes, and where they are written.
///
/// A table may start right under a paragraph's lines, with no empty line between
/// (`日程です。` then `|日時|場所|`), as writers often type it. The table extension then cuts the
/// paragraph's last line off for the header and puts the lines before it in a new paragraph
/// that has no position (line 0), whose inlines count their lines from 0 and their columns
/// from their line's text or, some, from the paragraph's; the table and its header row keep the old paragraph's
/// start, and the header's cells columns counted through the whole old paragraph. Every
/// warning and error in them (a broken link, a date without its weekday) pointed at the
/// body's first line. The rows under the header are placed right.
///
/// Upstream cmark-gfm sets the new paragraph's position (after 0.29.0.gfm.6); this puts the
/// nodes where they are written, and changes nothing for a document without such a table.
extension MarkdownDocument {
  /// The start line and byte column of `node` as written (1-based).
  func startPoint(of node: Node) -> (line: Int, byteColumn: Int) {
    let raw = (Int(cmark_node_get_start_line(node)), Int(cmark_node_get_start_column(node)))
    // Checked against what cmark said when it was found, so a node made later at a freed
    // node's address is not taken for it.
    if !relocations.isEmpty, let moved = relocations[node], moved.raw == raw,
      moved.type == node.type
    {
      return (moved.to.line, moved.to.column)
    }
    return raw
  }

  /// A node's place as written, with what cmark said of it.
  struct Relocation {
    var to: SourcePoint
    var raw: (Int, Int)
    var type: cmark_node_type
  }

  /// The nodes of each table under a paragraph's lines, with their place: found over the
  /// blocks only (no inlines but theirs), and only in a body with a `|`.
  func misplacedNodes() -> [Node: Relocation] {
    var found: [Node: SourcePoint] = [:]
    let root = self.root
    root.descend { c in
      let type = c.type
      if c == root || type == CMARK_NODE_BLOCK_QUOTE || type == CMARK_NODE_LIST
        || type == CMARK_NODE_ITEM
      {
        return true
      }
      if type == Self.tableType, let paragraph = c.previous,
        paragraph.type == CMARK_NODE_PARAGRAPH, cmark_node_get_start_line(paragraph) == 0
      {
        place(paragraph, before: c, in: &found)
      }
      return false
    }
    return found.reduce(into: [:]) { out, entry in
      let node = entry.key
      out[node] = Relocation(
        to: entry.value,
        raw: (Int(cmark_node_get_start_line(node)), Int(cmark_node_get_start_column(node))),
        type: node.type)
    }
  }

  private func place(_ paragraph: Node, before table: Node, in found: inout [Node: SourcePoint]) {
    // The old paragraph started where the table says; the new one holds its lines but the last.
    let start = Int(cmark_node_get_start_line(table))
    let column = Int(cmark_node_get_start_column(table))
    var breaks = 0
    paragraph.walk { node in
      if node.type == CMARK_NODE_SOFTBREAK || node.type == CMARK_NODE_LINEBREAK { breaks += 1 }
    }
    found[paragraph] = SourcePoint(line: start, column: column)
    // A link or image the paragraph starts with has no position either (a bare address
    // anywhere in it has none, and is found by its text): placed when its `[` is there.
    if let first = paragraph.firstChild,
      first.type == CMARK_NODE_LINK || first.type == CMARK_NODE_IMAGE,
      let text = sourceLine(start), column >= 1,
      text.utf8.dropFirst(column - 1).starts(
        with: first.type == CMARK_NODE_IMAGE ? [0x21, 0x5B] : [0x5B])
    {
      found[first] = SourcePoint(line: start, column: column)
    }
    // Each line's text in the paragraph, and where it starts in the paragraph's content.
    var prefixes: [Int] = []
    var contentStarts: [Int] = []
    var offset = 0
    for line in start...(start + breaks) {
      let prefix = line == start ? column - 1 : containerPrefix(ofLine: line)
      prefixes.append(prefix)
      contentStarts.append(offset)
      offset += max((sourceLine(line)?.utf8.count ?? 0) - prefix, 0) + 1
    }
    var claimed: Set<SourcePoint> = []
    paragraph.walk { node in
      let rawLine = Int(cmark_node_get_start_line(node))
      let rawColumn = Int(cmark_node_get_start_column(node))
      guard node != paragraph, rawLine != 0 || rawColumn != 0, rawLine <= breaks else { return }
      let line = start + rawLine
      let prefix = prefixes[rawLine]
      // cmark counts a node's column from its line's text (from 0) or, for some (a link in
      // `<…>`), from the paragraph's.
      let candidates = [
        prefix + rawColumn + 1, prefix + rawColumn, prefix + rawColumn - contentStarts[rawLine],
      ]
      found[node] = claim(
        node, line: line, candidates: candidates, from: prefix + 1, claimed: &claimed)
    }
    let header = start + breaks + 1
    guard let row = table.firstChild else { return }
    let cells = cellColumns(ofLine: header)
    found[table] = SourcePoint(line: header, column: containerPrefix(ofLine: header) + 1)
    found[row] = found[table]
    var cell = row.firstChild
    var index = 0
    while let c = cell, index < cells.count {
      let cellColumn = Int(cmark_node_get_start_column(c))
      let written = cells[index]
      // What is inside a cell keeps its distance from the cell's start.
      c.walk { node in
        let offset = Int(cmark_node_get_start_column(node)) - cellColumn
        found[node] =
          node == c
          ? SourcePoint(line: header, column: written)
          : claim(
            node, line: header, candidates: [written + max(offset, 0)], from: written,
            claimed: &claimed)
      }
      cell = c.next
      index += 1
    }
  }

  /// Where an inline `node` on `line` starts: the first of `candidates` where its first
  /// character stands and no node placed before starts, else the first such place from the
  /// column `from` on (nodes are placed in the order they are written), else the first
  /// candidate. Only links, images and inline HTML, whose first character is known, are looked
  /// for.
  private func claim(
    _ node: Node, line: Int, candidates: [Int], from: Int, claimed: inout Set<SourcePoint>
  ) -> SourcePoint {
    // The line's bytes and the node's first character, found once for every column tried.
    let bytes = sourceLine(line).map { Array($0.utf8) } ?? []
    guard let first = firstByte(of: node) else {
      return SourcePoint(line: line, column: candidates[0])
    }
    func free(_ column: Int) -> Bool {
      column >= 1 && column <= bytes.count && bytes[column - 1] == first
        && !claimed.contains(SourcePoint(line: line, column: column))
    }
    guard
      let column = candidates.first(where: free)
        ?? (from <= bytes.count ? (from...bytes.count).first(where: free) : nil)
    else { return SourcePoint(line: line, column: candidates[0]) }
    claimed.insert(SourcePoint(line: line, column: column))
    return SourcePoint(line: line, column: column)
  }

  /// The byte a link, an image or inline HTML starts with where it is written; nil for other
  /// nodes, whose first character is not known.
  private func firstByte(of node: Node) -> UInt8? {
    switch node.type {
    case CMARK_NODE_LINK:
      // An address written as its own text starts with `<` (a bare one has no position).
      return UInt8(ascii: Self.isAddressLink(node) ? "<" : "[")
    case CMARK_NODE_IMAGE: return UInt8(ascii: "!")
    case CMARK_NODE_HTML_INLINE: return UInt8(ascii: "<")
    default: return nil
    }
  }

  /// The bytes before a line's text in its container: indentation and block quotes' `>`.
  func containerPrefix(ofLine line: Int) -> Int {
    guard let text = sourceLine(line) else { return 0 }
    return text.utf8.prefix { $0 == 0x20 || $0 == 0x09 || $0 == UInt8(ascii: ">") }.count
  }

  /// The byte column (1-based) where each cell of the table row on `line` starts: after the
  /// container's prefix and a leading `|`, then after each `|` not escaped with `\`.
  func cellColumns(ofLine line: Int) -> [Int] {
    guard let text = sourceLine(line) else { return [] }
    let bytes = Array(text.utf8)
    var i = containerPrefix(ofLine: line)
    if i < bytes.count, bytes[i] == UInt8(ascii: "|") { i += 1 }
    var columns = [i + 1]
    while i < bytes.count {
      if bytes[i] == UInt8(ascii: "\\") {
        i += 2
        continue
      }
      if bytes[i] == UInt8(ascii: "|"), i + 1 < bytes.count { columns.append(i + 2) }
      i += 1
    }
    return columns
  }

  /// The node type the table extension registers for tables.
  static let tableType: cmark_node_type = {
    let doc = MarkdownDocument("|a|\n|-|\n")
    return doc.root.firstChild?.type ?? CMARK_NODE_NONE
  }()
}
