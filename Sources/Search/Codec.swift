import ByteFormats
import Foundation

/// Compact posting lists inside JSON strings. Numbers are written as base64url digits, five bits
/// of value per digit, least significant first, with 32 added to every digit but the last
/// ("more follows"); so values below 32 take one character and no digit needs escaping in JSON.
///
/// - document sets: ascending ids as gaps (`id - previous - 1`), or, when shorter, `*` and a
///   bitmap over all documents, six documents per digit;
/// - pairs (a posting with chunks): gap, then the mask of fields and chunks holding the key.
enum Codec {
  static let digits: [UInt8] = Array(
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".utf8)
  static let values: [Int8] = {
    var t = [Int8](repeating: -1, count: 128)
    for (i, d) in digits.enumerated() { t[Int(d)] = Int8(i) }
    return t
  }()

  /// The base64url digit of `value` (0–63), computed: a lookup in `digits`, a lazily
  /// initialised global, cost a `swift_once` check per digit, and an index build writes
  /// tens of millions of digits.
  @inline(__always)
  static func digit(_ value: UInt32) -> UInt8 {
    switch value {
    case 0..<26: UInt8(truncatingIfNeeded: value) &+ 65  // A–Z
    case 26..<52: UInt8(truncatingIfNeeded: value) &+ 71  // a–z
    case 52..<62: UInt8(truncatingIfNeeded: value) &- 4  // 0–9
    case 62: UInt8(ascii: "-")
    default: UInt8(ascii: "_")
    }
  }

  /// Writes `value`'s digits at `p` and moves `p` past them; the room is the caller's
  /// (`numberLength`).
  @inline(__always)
  static func writeNumber(
    _ value: UInt32, into buffer: UnsafeMutableBufferPointer<UInt8>, at p: inout Int
  ) {
    var v = value
    while v >= 32 {
      buffer[p] = digit(32 | (v & 31))
      p += 1
      v >>= 5
    }
    buffer[p] = digit(v)
    p += 1
  }

  /// How many digits `writeNumber` writes for `value`.
  static func numberLength(_ value: UInt32) -> Int {
    var v = value
    var n = 1
    while v >= 32 {
      v >>= 5
      n += 1
    }
    return n
  }

  /// A document set at its exact size: the gaps are counted first, so the shorter form is
  /// chosen before anything is written (appending digit by digit to a growing array was 2 %
  /// of a full build).
  static func encodeSet<C: BidirectionalCollection<Int32>>(_ ids: C, documentCount: Int) -> [UInt8]
  {
    var listLength = 0
    var previous: Int32 = -1
    for id in ids {
      listLength += numberLength(UInt32(id - previous - 1))
      previous = id
    }
    let bitmapLength = 1 + ((ids.last.map { Int($0) } ?? 0) / 6 + 1)
    if bitmapLength >= listLength {
      return [UInt8](unsafeUninitializedCapacity: listLength) { buffer, count in
        var p = 0
        var previous: Int32 = -1
        for id in ids {
          writeNumber(UInt32(id - previous - 1), into: buffer, at: &p)
          previous = id
        }
        count = p
      }
    }
    return [UInt8](unsafeUninitializedCapacity: bitmapLength) { buffer, count in
      buffer[0] = UInt8(ascii: "*")
      for i in 1..<bitmapLength { buffer[i] = 0 }
      for id in ids { buffer[1 + Int(id) / 6] |= 1 << UInt8(Int(id) % 6) }
      for i in 1..<bitmapLength { buffer[i] = digit(UInt32(buffer[i])) }
      count = bitmapLength
    }
  }

  static func encodePairs<A: Collection<Int32>, B: Collection<UInt32>>(_ ids: A, _ masks: B)
    -> [UInt8]
  {
    pairs(ids, masks, length: pairsLength(ids, masks), quoted: false)
  }

  /// How many bytes `encodePairs` writes.
  static func pairsLength<A: Collection<Int32>, B: Collection<UInt32>>(_ ids: A, _ masks: B)
    -> Int
  {
    var n = 0
    var previous: Int32 = -1
    for (id, mask) in zip(ids, masks) {
      n += numberLength(UInt32(id - previous - 1)) + numberLength(mask)
      previous = id
    }
    return n
  }

  /// The pairs written at their exact size (`length` from `pairsLength`), between quotes when
  /// `quoted`: postings are kept until their shard is written, and building them by appending
  /// checked the array's uniqueness and capacity at every digit.
  static func pairs<A: Collection<Int32>, B: Collection<UInt32>>(
    _ ids: A, _ masks: B, length: Int, quoted: Bool
  ) -> [UInt8] {
    let total = length + (quoted ? 2 : 0)
    guard total > 0 else { return [] }
    return [UInt8](unsafeUninitializedCapacity: total) { buffer, count in
      var p = 0
      if quoted {
        buffer[0] = UInt8(ascii: "\"")
        p = 1
      }
      var previous: Int32 = -1
      for (id, mask) in zip(ids, masks) {
        writeNumber(UInt32(id - previous - 1), into: buffer, at: &p)
        writeNumber(mask, into: buffer, at: &p)
        previous = id
      }
      if quoted {
        buffer[p] = UInt8(ascii: "\"")
        p += 1
      }
      precondition(p == total, "pairs length")
      count = p
    }
  }

  /// Reads numbers from a base64url string; nil when it is malformed.
  static func decodeNumbers(_ s: Substring.UTF8View) -> [UInt32]? {
    var out: [UInt32] = []
    var value: UInt32 = 0
    var shift: UInt32 = 0
    for byte in s {
      guard byte < 128 else { return nil }
      let d = values[Int(byte)]
      guard d >= 0 else { return nil }
      value |= UInt32(d & 31) << shift
      if d & 32 != 0 {
        shift += 5
        if shift > 30 { return nil }
      } else {
        out.append(value)
        value = 0
        shift = 0
      }
    }
    return out
  }

  static func decodeSet(_ s: String) -> [Int32] {
    if s.hasPrefix("*") {
      var out: [Int32] = []
      for (i, byte) in s.utf8.dropFirst().enumerated() {
        guard byte < 128 else { return [] }
        let d = values[Int(byte)]
        guard d > 0 else { continue }
        for b in 0..<6 where d & (1 << b) != 0 { out.append(Int32(i * 6 + b)) }
      }
      return out
    }
    guard let numbers = decodeNumbers(s.utf8[...]) else { return [] }
    var out: [Int32] = []
    out.reserveCapacity(numbers.count)
    var previous: Int32 = -1
    for g in numbers {
      previous += Int32(g) + 1
      out.append(previous)
    }
    return out
  }

  static func decodePairs(_ s: String) -> [(Int32, UInt32)] {
    guard let numbers = decodeNumbers(s.utf8[...]) else { return [] }
    var out: [(Int32, UInt32)] = []
    out.reserveCapacity(numbers.count / 2)
    var previous: Int32 = -1
    var i = 0
    while i + 1 < numbers.count {
      previous += Int32(numbers[i]) + 1
      out.append((previous, numbers[i + 1]))
      i += 2
    }
    return out
  }
}

/// The index's JSON files are written with the escaper of the source map and JSON-LD
/// (`JSONBytes`), plus what the shards need: raw bytes, and strings of base64url digits that
/// need no escaping.
extension JSONBytes {
  mutating func raw(_ b: [UInt8]) { bytes += b }
  mutating func byte(_ c: UInt8) { bytes.append(c) }

  /// A string whose bytes need no escaping (base64url digits).
  mutating func plainString(_ b: [UInt8]) {
    bytes.append(UInt8(ascii: "\""))
    bytes += b
    bytes.append(UInt8(ascii: "\""))
  }

  var data: Data { Data(bytes) }
}
