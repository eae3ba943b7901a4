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
  /// a rule can skip them; link text and ruby bases are part of their paragraph.
  public func textBlocks() -> [TextBlock] {
    var blocks: [TextBlock] = []
    root.walk { node in
      let type = node.type
      let kind: TextBlock.Kind
      if type == CMARK_NODE_PARAGRAPH {
        kind = .paragraph
      } else if type == CMARK_NODE_HEADING {
        kind = .heading
      } else if type == CMARK_NODE_CODE_BLOCK {
        kind = .codeBlock
      } else if node.typeName == "table_cell" {
        kind = .tableCell
      } else {
        return
      }
      let text = kind == .codeBlock ? node.literal : node.plainText
      let (line, column) = position(of: node)
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
            lineNumber <= sourceLines.count
            ? sourceLines[lineNumber - 1].prefix(while: { $0 == " " || $0 == "\t" }).count + 1 : 1
          starts.append(SourcePoint(line: lineNumber, column: indent))
        }
      }
      blocks.append(
        TextBlock(kind: kind, text: text, line: line, column: column, lineStarts: starts))
    }
    return blocks
  }
}
