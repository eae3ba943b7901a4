import Glibc

/// Strings made of bytes that cmark-gfm wrote (rendered HTML, literals of text nodes), without
/// checking them as UTF-8 again.
///
/// `String(decoding:as:)` validates every scalar before it copies: for a site's bodies, mostly
/// Japanese (three bytes a character, no ASCII fast path), that was 1.6 % of a full build at
/// 10,000 pages, for bytes that are valid by construction: the Markdown handed to cmark comes
/// from a Swift String (always valid UTF-8); cmark cuts text only at ASCII bytes (delimiters,
/// spaces, line ends), writes ASCII of its own (tags, escapes) and encodes the code points of
/// entities itself (a NUL or an invalid number becomes U+FFFD); and every literal this module
/// sets comes from a Swift String or from cmark's bytes cut at ASCII bytes or at the ends of
/// characters. Debug builds (the tests) still validate every string made here.
extension String {
  init(cmarkUTF8 bytes: UnsafeBufferPointer<UInt8>) {
    assert(
      String(validating: bytes, as: UTF8.self) != nil, "cmark-gfm wrote bytes that are not UTF-8")
    guard !bytes.isEmpty else {
      self = ""
      return
    }
    if #available(macOS 26.0, *) {
      let isASCII = Self.isASCII(bytes)
      self = String(copying: UTF8Span(unchecked: bytes.span, isKnownASCII: isASCII))
    } else {
      self = String(decoding: bytes, as: UTF8.self)
    }
  }

  /// The literal of a node, whose bytes cmark-gfm holds (`Node.literal` for the hot paths).
  init(cmarkCString c: UnsafePointer<CChar>) {
    self = c.withMemoryRebound(to: UInt8.self, capacity: 1) {
      String(cmarkUTF8: UnsafeBufferPointer(start: $0, count: strlen(c)))
    }
  }

  /// Whether every byte is ASCII, eight at a time. The string keeps the flag, as
  /// `String(decoding:as:)` would set it: ASCII strings take the standard library's fast paths
  /// (counting, comparing, normalising) later.
  static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let base = bytes.baseAddress else { return true }
    let raw = UnsafeRawPointer(base)
    var i = 0
    var high: UInt64 = 0
    while i + 8 <= bytes.count {
      high |= raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
      if high & 0x8080_8080_8080_8080 != 0 { return false }
      i += 8
    }
    while i < bytes.count {
      high |= UInt64(bytes[i])
      i += 1
    }
    return high & 0x8080_8080_8080_8080 == 0
  }
}
