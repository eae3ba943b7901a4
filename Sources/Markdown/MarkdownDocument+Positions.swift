import CCmarkGFM

/// Where a node was typed, as a writer counts: line and character column, a link's own place
/// among links of the same text on its line.
extension MarkdownDocument {
  /// Where a link or image starts (its `[` or `![`), in characters. cmark-gfm places inlines
  /// in table cells and on lazy continuation lines (a paragraph line after a list item, not
  /// indented) a few columns off; then the nearest `[` (`![`) on the line is taken. Checked on
  /// the bytes, so a line of 20,000 links stays linear.
  /// - Parameter placed: where the search for the next bare address starts, for each text (after
  ///   the last one of that text placed in this walk over the links, so the second of two
  ///   equal ones is found at the second place) and for all (`""`).
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
  ///
  /// Looked for near its column first, and without a line from where the last address was
  /// found: a paragraph of 1,000 bare addresses (a list of municipalities' sites written line
  /// under line) searched the whole body or line for each, 14 s in a debug build.
  private func autolinkPosition(
    of node: Node, line: Int, byteColumn: Int, placed: inout [String: Int]
  ) -> (line: Int, column: Int)? {
    let shown = node.plainText
    guard !shown.isEmpty, !shown.contains("\n") else { return nil }
    let needle = Array(shown.utf8)
    let isBare = line >= 1 && Self.isAddressLink(node)
    return source.utf8.withContiguousStorageIfAvailable { bytes -> (line: Int, column: Int)? in
      // Where the text stands bare: not a link's destination `(…)` or its text `[…]`.
      func isBareOccurrence(_ i: Int, from lower: Int, to upper: Int) -> Bool {
        guard i >= lower, i + needle.count <= upper else { return false }
        for k in 0..<needle.count where bytes[i + k] != needle[k] { return false }
        return i == lower
          || (bytes[i - 1] != UInt8(ascii: "(") && bytes[i - 1] != UInt8(ascii: "["))
      }
      func first(from lower: Int, in range: Range<Int>) -> Int? {
        var i = lower
        while i + needle.count <= range.upperBound {
          if isBareOccurrence(i, from: range.lowerBound, to: range.upperBound) { return i }
          i += 1
        }
        return nil
      }
      if line >= 1 {
        guard line <= lineStarts.count else { return nil }
        let lineStart = lineStarts[line - 1]
        let lineEnd = line < lineStarts.count ? lineStarts[line] - 1 : bytes.count
        let range = lineStart..<lineEnd
        let at = lineStart + byteColumn - 1
        // The nearest within two bytes, the earlier of two as near.
        var near = [0, -1, 1, -2, 2].lazy.map { at + $0 }.first {
          isBareOccurrence($0, from: range.lowerBound, to: range.upperBound)
        }
        // An address written as its own text (`<https://…>` too, whose column cmark counts
        // from the paragraph's start on a second line) is on its line wherever cmark says.
        if near == nil, isBare {
          var best: Int?
          var i = range.lowerBound
          while let found = first(from: i, in: range) {
            if best.map({ abs(found - at) < abs($0 - at) }) ?? true { best = found }
            if found >= at { break }
            i = found + 1
          }
          near = best
        }
        guard let near else { return nil }
        return (line, characterColumn(line: line, byteColumn: near - lineStart + 1))
      }
      guard line == 0 else { return nil }
      // Addresses are placed in the body's order: the next one is after the last found
      // (`placed[""]`, a text no address has), else after the last of the same text.
      let whole = 0..<bytes.count
      let offset =
        first(from: placed["", default: 0], in: whole)
        ?? first(from: placed[shown, default: 0], in: whole)
      guard let offset else { return nil }
      placed[shown] = offset + 1
      placed[""] = offset + 1
      let lineIndex = Self.lineIndex(of: offset, in: lineStarts)
      return (
        lineIndex + 1,
        characterColumn(line: lineIndex + 1, byteColumn: offset - lineStarts[lineIndex] + 1)
      )
    } ?? nil
  }

  /// The index of the line holding byte `offset`: the last start at or before it.
  static func lineIndex(of offset: Int, in starts: [Int]) -> Int {
    var (low, high) = (0, starts.count - 1)
    while low < high {
      let mid = (low + high + 1) / 2
      if starts[mid] <= offset { low = mid } else { high = mid - 1 }
    }
    return max(low, 0)
  }

  /// Start position of a node in this body, in characters.
  func position(of node: Node) -> (line: Int, column: Int) {
    let (line, column) = startPoint(of: node)
    return (line, characterColumn(line: line, byteColumn: column))
  }
}
