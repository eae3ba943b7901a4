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

  public mutating func string(_ s: String) {
    bytes.append(0x22)
    for b in s.utf8 {
      switch b {
      case 0x22: bytes += [0x5C, 0x22]
      case 0x5C: bytes += [0x5C, 0x5C]
      case 0x08: bytes += [0x5C, 0x62]
      case 0x09: bytes += [0x5C, 0x74]
      case 0x0A: bytes += [0x5C, 0x6E]
      case 0x0C: bytes += [0x5C, 0x66]
      case 0x0D: bytes += [0x5C, 0x72]
      case 0x00..<0x20: escape(b)
      case 0x3C where escapesLessThan: escape(b)
      default: bytes.append(b)
      }
    }
    bytes.append(0x22)
  }

  private mutating func escape(_ b: UInt8) {
    let hex = Array("0123456789abcdef".utf8)
    bytes += [0x5C, 0x75, 0x30, 0x30, hex[Int(b >> 4)], hex[Int(b & 0xF)]]
  }
}
