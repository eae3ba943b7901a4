/// JSON text as bytes, strings escaped as Foundation's encoders write them with slashes left
/// alone, so hand-written JSON (the source map, event JSON-LD) has exactly the bytes the
/// encoders gave; `<` optionally as `\u003c`, for JSON inside a `<script>` element.
public struct JSONBytes: Sendable {
  public var bytes: [UInt8] = []
  private let escapesLessThan: Bool

  public init(escapingLessThan: Bool = false) { escapesLessThan = escapingLessThan }

  public mutating func raw(_ s: String) { bytes += s.utf8 }

  /// `"key":"value"`.
  public mutating func pair(_ key: String, _ value: String) {
    string(key)
    bytes.append(0x3A)
    string(value)
  }

  /// `{"key":"value",…}`, the pairs in the order given.
  public mutating func object(_ pairs: [(key: String, value: String)]) {
    bytes.append(0x7B)
    for (n, (key, value)) in pairs.enumerated() {
      if n > 0 { bytes.append(0x2C) }
      pair(key, value)
    }
    bytes.append(0x7D)
  }

  public mutating func string(_ s: String) {
    var s = s
    s.withUTF8 { string(utf8: $0) }
  }

  /// A string given as its UTF-8 bytes.
  public mutating func string(utf8: UnsafeBufferPointer<UInt8>) {
    bytes.append(0x22)
    // Runs that need no escaping (nearly all of a Japanese text) are copied whole.
    var start = 0
    for i in utf8.indices {
      let b = utf8[i]
      guard b < 0x20 || b == 0x22 || b == 0x5C || (b == 0x3C && escapesLessThan) else {
        continue
      }
      if start < i { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<i])) }
      start = i + 1
      switch b {
      case 0x22: escapeAs(0x22)
      case 0x5C: escapeAs(0x5C)
      case 0x08: escapeAs(0x62)
      case 0x09: escapeAs(0x74)
      case 0x0A: escapeAs(0x6E)
      case 0x0C: escapeAs(0x66)
      case 0x0D: escapeAs(0x72)
      default: escape(b)
      }
    }
    if start < utf8.count {
      bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start...]))
    }
    bytes.append(0x22)
  }

  /// A backslash and `c`.
  private mutating func escapeAs(_ c: UInt8) {
    bytes.append(0x5C)
    bytes.append(c)
  }

  private mutating func escape(_ b: UInt8) {
    let hex = Array("0123456789abcdef".utf8)
    bytes += [0x5C, 0x75, 0x30, 0x30, hex[Int(b >> 4)], hex[Int(b & 0xF)]]
  }
}
