import CCmarkGFM

/// A block of running text (paragraph, heading, list item text, table cell) with its position,
/// so plain-language rules can point at the line a writer must change.
public struct TextBlock: Sendable, Hashable {
  public enum Kind: String, Sendable { case paragraph, heading, tableCell, codeBlock }
  public var kind: Kind
  public var text: String
  public var line: Int
  public var column: Int
  /// For each line of `text` (split at "\n"), the body line and column where it starts.
  public var lineStarts: [SourcePoint]
}

public struct SourcePoint: Sendable, Hashable {
  public var line: Int
  public var column: Int
}

extension MarkdownDocument {
  /// The running text of the body block by block. Code blocks are included with their kind so
  /// a rule can skip them; link text and ruby bases are part of their paragraph. A callout's
  /// marker (`> [!NOTE]`, `> [!重要] 題`) is left out, as the page shows the kind's label in
  /// its place: read, 「NOTE」 was an unexplained abbreviation and 重要 counted as kanji of the
  /// text. A marker that names no kind stays: the page shows it.
  public func textBlocks() -> [TextBlock] {
    var blocks: [TextBlock] = []
    forEachTextBlock { node, kind in
      var text = kind == .codeBlock ? node.literal : node.plainText
      var (line, column) = position(of: node)
      if kind == .paragraph, let parent = node.parent, parent.type == CMARK_NODE_BLOCK_QUOTE,
        parent.firstChild == node, let marker = Self.marker(in: node),
        CalloutKind(name: marker.name) != nil
      {
        // The marker's characters, and the spaces after it, off the first line.
        var rest = text[...]
        let skipped = String(decoding: text.utf8.prefix(marker.length), as: UTF8.self).count
        rest = rest.dropFirst(skipped)
        let spaces = rest.prefix { $0 == " " || $0 == "\u{3000}" }.count
        rest = rest.dropFirst(spaces)
        if rest.first == "\n" {
          // The marker alone on its line: the text starts on the next.
          rest = rest.dropFirst()
          line += 1
          column =
            sourceLine(line).map {
              $0.prefix(while: { $0 == " " || $0 == "\t" || $0 == ">" }).count + 1
            }
            ?? 1
        } else {
          column += skipped + spaces
        }
        guard !rest.isEmpty else { return }
        text = String(rest)
      }
      var starts: [SourcePoint] = []
      // Soft breaks keep their source line: record where each text line begins.
      var lineNumber = line
      for (i, _) in text.utf8.split(separator: 0x0A, omittingEmptySubsequences: false).enumerated()
      {
        if i == 0 {
          starts.append(SourcePoint(line: line, column: column))
        } else {
          lineNumber += 1
          let indent =
            sourceLine(lineNumber).map { $0.prefix(while: { $0 == " " || $0 == "\t" }).count + 1 }
            ?? 1
          starts.append(SourcePoint(line: lineNumber, column: indent))
        }
      }
      blocks.append(
        TextBlock(kind: kind, text: text, line: line, column: column, lineStarts: starts))
    }
    return blocks
  }

  /// The text of the body as a reader sees it, blocks separated by line breaks; for search.
  /// The blocks' texts without their positions, their bytes written straight into one buffer,
  /// then decoded once into a string of its size: a string grown by appending has up to twice
  /// the room it needs, and every page's text is kept until the search index is built (39 MB
  /// allocated for 25 MB of text at 10,000 pages).
  public func plainText() -> String {
    var out: [UInt8] = []
    // Nearly always no longer than the Markdown: room once, not grown by copies.
    out.reserveCapacity(sourceByteCount)
    var first = true
    forEachTextBlock { node, kind in
      if !first { out.append(0x0A) }
      first = false
      if kind == .codeBlock { node.appendLiteral(to: &out) } else { node.appendPlainText(to: &out) }
    }
    return out.withUnsafeBufferPointer { String(cmarkUTF8: $0) }
  }

  /// Visits the blocks of running text in document order, without descending into them (they
  /// hold only inlines).
  func forEachTextBlock(_ visit: (Node, TextBlock.Kind) -> Void) {
    root.descend { node in
      let type = node.type
      if type == CMARK_NODE_PARAGRAPH {
        visit(node, .paragraph)
      } else if type == CMARK_NODE_HEADING {
        visit(node, .heading)
      } else if type == CMARK_NODE_CODE_BLOCK {
        visit(node, .codeBlock)
      } else if type == Self.tableCellType {
        visit(node, .tableCell)
      } else {
        return true
      }
      return false
    }
  }

  /// The node type the table extension registers for cells (it is not in a public header):
  /// read once from a parsed table, so the walk compares numbers instead of type names.
  static let tableCellType: cmark_node_type = {
    let doc = MarkdownDocument("|a|\n|-|\n|b|\n")
    var found: cmark_node_type?
    doc.root.walk { node in
      if found == nil, node.typeName == "table_cell" { found = node.type }
    }
    return found ?? CMARK_NODE_NONE
  }()
}
