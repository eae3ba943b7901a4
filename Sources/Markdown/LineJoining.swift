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
      // An HTML comment next to the break (`<!-- lint-disable-line … -->` at a line's end)
      // shows nothing, so the characters around it are the ones that meet.
      var previous = node.previous
      while let p = previous, p.isHTMLComment { previous = p.previous }
      var next = node.next
      while let n = next, n.isHTMLComment { next = n.next }
      // A line starting with ※ is a note of its own (`オープンデータ` over `※個人情報を…`):
      // joined, its ※ read as the glossary's mark after the term and dropped, and the note ran
      // into the sentence. It keeps its break.
      guard let before = previous?.lastScalars, let after = next?.firstScalar,
        Self.joinsLines(before, after)
      else { continue }
      cmark_node_free(node)
    }
  }

  /// Whether a line break between a line ending in `before` (its last two characters, the last
  /// one last) and one starting with `after` is removed (`joinJapaneseLines`): also what
  /// `portal lint` shows a paragraph as.
  public static func joinsLines(
    _ before: (Unicode.Scalar?, Unicode.Scalar), _ after: Unicode.Scalar
  )
    -> Bool
  {
    after != "※" && endsJapanese(before) && (isWide(after) || isJapaneseSymbol(after))
  }

  /// East Asian wide and full-width characters without Hangul: kana, kanji, CJK punctuation
  /// and symbols, full-width forms.
  public static func isWide(_ scalar: Unicode.Scalar) -> Bool { scalar.isEastAsianWide }

  /// Symbols of Japanese text that Unicode leaves of ambiguous width: ※ (the glossary's mark
  /// and a note's), …, ‥, circled numbers ①–⑳, arrows, and the shapes and stars of lists
  /// (○ ● ◎ ■ □ ◆ ◇ △ ▲ ★ ☆). A line ending `ドローン※` or `説明します…` was joined to the next
  /// with a space.
  static func isJapaneseSymbol(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x203B, 0x2025, 0x2026, 0x2460...0x2473, 0x2190...0x21FF, 0x25A0...0x25FF, 0x2605, 0x2606:
      true
    default: false
    }
  }

  /// Whether a line ending in these (its last two characters, the last one last) ends in
  /// Japanese: a wide character or symbol, or the glossary's `*` after one (`ドローン*`, whose
  /// mark the glossary's pass drops).
  static func endsJapanese(_ last: (Unicode.Scalar?, Unicode.Scalar)) -> Bool {
    if isWide(last.1) || isJapaneseSymbol(last.1) { return true }
    guard last.1 == "*", let before = last.0 else { return false }
    return isWide(before) || isJapaneseSymbol(before)
  }
}

extension Node {
  /// The first character a reader sees in this node: its text, or its first child's.
  fileprivate var firstScalar: Unicode.Scalar? { edgeText(last: false)?.unicodeScalars.first }

  /// The last two characters a reader sees in this node, the one before the last nil when
  /// the text holds only one.
  fileprivate var lastScalars: (Unicode.Scalar?, Unicode.Scalar)? {
    guard let scalars = edgeText(last: true)?.unicodeScalars, let last = scalars.last else {
      return nil
    }
    return (scalars.dropLast().last, last)
  }

  /// Whether this is inline HTML that is a comment, which no reader sees.
  fileprivate var isHTMLComment: Bool {
    type == CMARK_NODE_HTML_INLINE && literal.hasPrefix("<!--")
  }

  /// The text at the first or last end of this node, down a loop, not a recursion: emphasis
  /// may nest thousands deep. Nil at a break or inline HTML.
  private func edgeText(last: Bool) -> String? {
    var node: Node? = self
    while let n = node {
      switch n.type {
      case CMARK_NODE_TEXT, CMARK_NODE_CODE: return n.literal
      case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK, CMARK_NODE_HTML_INLINE: return nil
      default: node = last ? n.lastChild : n.firstChild
      }
    }
    return nil
  }
}
