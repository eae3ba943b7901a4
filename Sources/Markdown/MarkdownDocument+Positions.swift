import CCmarkGFM

/// Where a node was typed, as a writer counts: line and character column, a link's own place
/// among links of the same text on its line.
extension MarkdownDocument {
  /// Where a link or image starts (its `[` or `![`), in characters. cmark-gfm places inlines
  /// in table cells and on lazy continuation lines (a paragraph line after a list item, not
  /// indented) a few columns off; then the nearest `[` (`![`) on the line is taken. Checked on
  /// the bytes, so a line of 20,000 links stays linear.
  /// - Parameter placed: how many bare addresses of each text were placed so far in this walk
  ///   over the links, so the second of two equal ones is found at the second place.
  func linkPosition(of node: Node, placed: inout [String: Int]) -> (line: Int, column: Int) {
    // cmark-gfm gives a link whose text runs over several lines the line where the text ends
    // (the column is right, on the line where it starts).
    var breaks = 0
    var child = node.firstChild
    while let c = child {
      if c.type == CMARK_NODE_SOFTBREAK || c.type == CMARK_NODE_LINEBREAK { breaks += 1 }
      child = c.next
    }
    let (start, column) = startPoint(of: node)
    let line = start - breaks
    var byteColumn = column
    let isImage = node.type == CMARK_NODE_IMAGE
    let text = sourceLine(line)
    let at = byteColumn - 1
    // The usual case, a link's `[` where cmark says, is settled here, before anything else;
    // not for an address written as its text (`<https://…>`), whose column cmark may count
    // from its paragraph's start, so that it can land on another link's `[`.
    let bracketAt =
      text?.utf8.withContiguousStorageIfAvailable { bytes in
        at >= 0 && at < bytes.count && bytes[at] == UInt8(ascii: "[")
      } ?? false
      && (isImage || !Self.isAddressLink(node))
    // A bare address (GFM's autolink) has no `[`: cmark-gfm gives it no line (an https://
    // address) or a column one early (www.); its text is where it is written.
    if !isImage, !bracketAt,
      let found = autolinkPosition(of: node, line: line, byteColumn: byteColumn, placed: &placed)
    {
      return found
    }
    if let text {
      text.utf8.withContiguousStorageIfAvailable { bytes in
        func isStart(_ i: Int) -> Bool {
          guard i >= 0, i < bytes.count else { return false }
          return isImage
            ? bytes[i] == UInt8(ascii: "!") && i + 1 < bytes.count
              && bytes[i + 1] == UInt8(ascii: "[")
            : bytes[i] == UInt8(ascii: "[") && (i == 0 || bytes[i - 1] != UInt8(ascii: "!"))
        }
        guard !isStart(at) else { return }
        for distance in 1..<max(bytes.count, 1) {
          if isStart(at - distance) {
            byteColumn = at - distance + 1
            return
          }
          if isStart(at + distance) {
            byteColumn = at + distance + 1
            return
          }
        }
      }
    }
    return (line, characterColumn(line: line, byteColumn: byteColumn))
  }

  /// Whether a link shows its own address as its text: a bare address or one in `<…>`.
  static func isAddressLink(_ node: Node) -> Bool {
    // Most links are to pages (`a.md`): told from the address's first byte, without a string.
    guard let address = cmark_node_get_url(node),
      address[0] == CChar(UInt8(ascii: "h")) || address[0] == CChar(UInt8(ascii: "m"))
    else { return false }
    let shown = node.plainText
    let url = node.url
    return url == shown || url == "http://" + shown || url == "mailto:" + shown
  }

  /// Where a bare address's text starts: on its line near the column cmark gives, or (with no
  /// line) its next occurrence in the body after the previous bare address of the same text.
  /// Nil when its text is not found there outside brackets: a link written with them.
  private func autolinkPosition(
    of node: Node, line: Int, byteColumn: Int, placed: inout [String: Int]
  ) -> (line: Int, column: Int)? {
    let shown = node.plainText
    guard !shown.isEmpty, !shown.contains("\n") else { return nil }
    let needle = Array(shown.utf8)
    // Where the text stands bare: not a link's destination `(…)` or its text `[…]`.
    func bareOccurrences(in bytes: [UInt8]) -> [Int] {
      guard bytes.count >= needle.count else { return [] }
      return (0...(bytes.count - needle.count)).filter {
        bytes[$0..<($0 + needle.count)].elementsEqual(needle)
          && ($0 == 0 || (bytes[$0 - 1] != UInt8(ascii: "(") && bytes[$0 - 1] != UInt8(ascii: "[")))
      }
    }
    if line >= 1, let text = sourceLine(line) {
      let at = byteColumn - 1
      // An address written as its own text (`<https://…>` too, whose column cmark counts
      // from the paragraph's start on a second line) is on its line wherever cmark says.
      let isBare = Self.isAddressLink(node)
      guard
        let near = bareOccurrences(in: Array(text.utf8)).min(by: { abs($0 - at) < abs($1 - at) }),
        abs(near - at) <= 2 || isBare
      else { return nil }
      return (line, characterColumn(line: line, byteColumn: near + 1))
    }
    guard line == 0 else { return nil }
    let all = bareOccurrences(in: Array(source.utf8))
    let seen = placed[shown, default: 0]
    guard seen < all.count else { return nil }
    placed[shown] = seen + 1
    let offset = all[seen]
    let lineIndex = (lineStarts.lastIndex { $0 <= offset } ?? 0)
    return (
      lineIndex + 1,
      characterColumn(line: lineIndex + 1, byteColumn: offset - lineStarts[lineIndex] + 1)
    )
  }

  /// Start position of a node in this body, in characters.
  func position(of node: Node) -> (line: Int, column: Int) {
    let (line, column) = startPoint(of: node)
    return (line, characterColumn(line: line, byteColumn: column))
  }
}
