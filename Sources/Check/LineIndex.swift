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
}
