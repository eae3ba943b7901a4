/// Turns byte offsets into the 1-based line and character column an editor shows. Columns count
/// characters (grapheme clusters), like every other Portal diagnostic, so a position in Japanese
/// text lands where the writer looks.
struct LineIndex: Sendable {
  private let bytes: [UInt8]
  private let lineStarts: [Int]

  init(_ bytes: [UInt8]) {
    self.bytes = bytes
    var starts = [0]
    for (i, b) in bytes.enumerated() where b == 0x0A { starts.append(i + 1) }
    lineStarts = starts
  }

  init(_ text: String) { self.init(Array(text.utf8)) }

  func position(of offset: Int) -> (line: Int, column: Int) {
    let offset = max(0, min(offset, bytes.count))
    var low = 0
    var high = lineStarts.count - 1
    while low < high {
      let mid = (low + high + 1) / 2
      if lineStarts[mid] <= offset { low = mid } else { high = mid - 1 }
    }
    let column = String(decoding: bytes[lineStarts[low]..<offset], as: UTF8.self).count + 1
    return (low + 1, column)
  }

  /// The position of the first occurrence of `needle` whose neighbouring bytes (nil at the
  /// ends) `accept` allows.
  func position(
    ofFirst needle: String, accept: (_ before: UInt8?, _ after: UInt8?) -> Bool = { _, _ in true }
  ) -> (line: Int, column: Int)? {
    let pattern = Array(needle.utf8)
    guard let first = pattern.first, pattern.count <= bytes.count else { return nil }
    var i = 0
    while i <= bytes.count - pattern.count {
      if bytes[i] == first, bytes[i..<(i + pattern.count)].elementsEqual(pattern),
        accept(
          i > 0 ? bytes[i - 1] : nil,
          i + pattern.count < bytes.count ? bytes[i + pattern.count] : nil)
      {
        return position(of: i)
      }
      i += 1
    }
    return nil
  }

  /// The first occurrence of `needle` in Markdown text that is not code: not in a code span
  /// (between backtick runs of one length on a line) nor in a fenced code block. HTML written
  /// as an example, `` `<button>` ``, never reaches the page as an element, so a problem with
  /// a `<button>` is not the writer's because their text shows one.
  func position(ofFirstOutsideCode needle: String) -> (line: Int, column: Int)? {
    let pattern = Array(needle.utf8)
    guard !pattern.isEmpty else { return nil }
    var fence: (byte: UInt8, count: Int)?
    for (n, start) in lineStarts.enumerated() {
      let end = n + 1 < lineStarts.count ? lineStarts[n + 1] - 1 : bytes.count
      var k = start
      while k < end, k - start < 4, bytes[k] == 0x20 { k += 1 }
      // A fence: three or more ` or ~; the same character, as many or more, closes it.
      if k < end, bytes[k] == 0x60 || bytes[k] == 0x7E {
        var run = k
        while run < end, bytes[run] == bytes[k] { run += 1 }
        if run - k >= 3 {
          if let open = fence {
            if open.byte == bytes[k], run - k >= open.count { fence = nil }
          } else {
            fence = (bytes[k], run - k)
          }
          continue
        }
      }
      if fence != nil { continue }
      var span: Int?  // the length of the backtick run that opened a code span
      var i = start
      while i < end {
        if bytes[i] == 0x60 {
          var run = i
          while run < end, bytes[run] == 0x60 { run += 1 }
          if let open = span {
            if run - i == open { span = nil }
          } else {
            span = run - i
          }
          i = run
          continue
        }
        if span == nil, bytes[i] == pattern[0], i + pattern.count <= end,
          bytes[i..<(i + pattern.count)].elementsEqual(pattern)
        {
          return position(of: i)
        }
        i += 1
      }
    }
    return nil
  }

  /// The opening tag starting at `offset` (`<button type="submit">`), when one does and it
  /// is on one line and short; nil otherwise.
  func openingTag(at offset: Int) -> String? {
    guard offset >= 0, offset < bytes.count, bytes[offset] == UInt8(ascii: "<") else { return nil }
    var end = offset + 1
    while end < bytes.count, end - offset < 400 {
      switch bytes[end] {
      case UInt8(ascii: ">"): return String(decoding: bytes[offset...end], as: UTF8.self)
      case 0x0A, UInt8(ascii: "<"): return nil
      default: end += 1
      }
    }
    return nil
  }
}
