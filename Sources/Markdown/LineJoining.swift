import CCmarkGFM
import Diagnostics

extension MarkdownDocument {
  /// Removes the line breaks writers put inside a paragraph between two Japanese characters.
  ///
  /// CommonMark keeps such a break as a newline, which Chromium and Safari show as a space:
  /// 「確かめます。 有識者」. CSS Text 3 says to drop a segment break between two wide characters,
  /// but only Firefox does, so it is done here, as Hugo's `goldmark` option
  /// `eastAsianLineBreaks` does. Hangul is left out (Korean puts spaces between words), and a
  /// break next to Latin letters stays a space. Search's plain text follows: a phrase broken
  /// over two lines is found as one.
  public func joinJapaneseLines() {
    var breaks: [Node] = []
    root.walk { node in
      if node.type == CMARK_NODE_SOFTBREAK { breaks.append(node) }
    }
    for node in breaks {
      guard let before = node.previous?.lastScalar, let after = node.next?.firstScalar,
        Self.isWide(before), Self.isWide(after)
      else { continue }
      cmark_node_free(node)
    }
  }

  /// East Asian wide and full-width characters without Hangul: kana, kanji, CJK punctuation
  /// and symbols, full-width forms.
  public static func isWide(_ scalar: Unicode.Scalar) -> Bool { scalar.isEastAsianWide }
}

extension Node {
  /// The first character a reader sees in this node: its text, or its first child's.
  fileprivate var firstScalar: Unicode.Scalar? { edgeScalar(last: false) }

  /// The last character a reader sees in this node.
  fileprivate var lastScalar: Unicode.Scalar? { edgeScalar(last: true) }

  /// The first or last character of the text at that end, down a loop, not a recursion:
  /// emphasis may nest thousands deep.
  private func edgeScalar(last: Bool) -> Unicode.Scalar? {
    var node: Node? = self
    while let n = node {
      switch n.type {
      case CMARK_NODE_TEXT, CMARK_NODE_CODE:
        let scalars = n.literal.unicodeScalars
        return last ? scalars.last : scalars.first
      case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK, CMARK_NODE_HTML_INLINE: return nil
      default: node = last ? n.lastChild : n.firstChild
      }
    }
    return nil
  }
}
