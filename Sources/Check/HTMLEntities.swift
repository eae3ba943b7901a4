/// Character references in attribute values and text, so `href="/a?x=1&amp;y=2"` is checked as
/// the browser sees it. Only the named entities a generator or writer plausibly emits are known;
/// an unknown name is kept as written, as browsers do.
enum HTMLEntities {
  static let named: [String: String] = [
    "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{A0}",
    "copy": "©", "reg": "®", "trade": "™", "hellip": "…", "mdash": "—", "ndash": "–",
    "laquo": "«", "raquo": "»", "lsquo": "‘", "rsquo": "’", "ldquo": "“", "rdquo": "”",
    "middot": "·", "times": "×", "yen": "¥", "rarr": "→", "larr": "←", "shy": "\u{AD}",
    "zwnj": "\u{200C}", "zwj": "\u{200D}", "ensp": "\u{2002}", "emsp": "\u{2003}",
    "thinsp": "\u{2009}",
  ]

  /// Decodes the UTF-8 bytes `bytes[range]`, replacing character references.
  static func decode(_ bytes: [UInt8], _ range: Range<Int>) -> String {
    guard bytes[range].contains(UInt8(ascii: "&")) else {
      return String(decoding: bytes[range], as: UTF8.self)
    }
    var out = ""
    var plainStart = range.lowerBound
    var i = range.lowerBound
    while i < range.upperBound {
      guard bytes[i] == UInt8(ascii: "&"),
        let (text, end) = reference(bytes, at: i, limit: range.upperBound)
      else {
        i += 1
        continue
      }
      out += String(decoding: bytes[plainStart..<i], as: UTF8.self)
      out += text
      i = end
      plainStart = end
    }
    out += String(decoding: bytes[plainStart..<range.upperBound], as: UTF8.self)
    return out
  }

  /// The reference starting at `start` (an `&`) and the offset after its `;`.
  private static func reference(_ bytes: [UInt8], at start: Int, limit: Int) -> (String, Int)? {
    var j = start + 1
    if j < limit, bytes[j] == UInt8(ascii: "#") {
      j += 1
      var hex = false
      if j < limit, bytes[j] | 0x20 == UInt8(ascii: "x") {
        hex = true
        j += 1
      }
      let digitsStart = j
      while j < limit, j - digitsStart < 8, isDigit(bytes[j], hex: hex) { j += 1 }
      guard j > digitsStart, j < limit, bytes[j] == UInt8(ascii: ";") else { return nil }
      let digits = String(decoding: bytes[digitsStart..<j], as: UTF8.self)
      guard let value = UInt32(digits, radix: hex ? 16 : 10), let scalar = Unicode.Scalar(value)
      else { return ("\u{FFFD}", j + 1) }
      return (String(Character(scalar)), j + 1)
    }
    let nameStart = j
    while j < limit, j - nameStart < 10, isAlphanumeric(bytes[j]) { j += 1 }
    guard j > nameStart, j < limit, bytes[j] == UInt8(ascii: ";") else { return nil }
    guard let text = named[String(decoding: bytes[nameStart..<j], as: UTF8.self)] else {
      return nil
    }
    return (text, j + 1)
  }

  private static func isDigit(_ b: UInt8, hex: Bool) -> Bool {
    if b >= 0x30 && b <= 0x39 { return true }
    let lower = b | 0x20
    return hex && lower >= UInt8(ascii: "a") && lower <= UInt8(ascii: "f")
  }

  private static func isAlphanumeric(_ b: UInt8) -> Bool {
    let lower = b | 0x20
    return (b >= 0x30 && b <= 0x39) || (lower >= UInt8(ascii: "a") && lower <= UInt8(ascii: "z"))
  }
}
