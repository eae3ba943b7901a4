import Foundation

/// A little-endian, length-prefixed byte format for the incremental cache: reading 10,000
/// records from it takes milliseconds, where JSON took a large part of a one-file rebuild.
public struct BinaryWriter: Sendable {
  public init() {}

  public private(set) var bytes: [UInt8] = []

  /// Room for `count` more bytes at once: a state of tens of MB grown by doubling was copied
  /// several times and held twice at the end.
  public mutating func reserve(_ count: Int) { bytes.reserveCapacity(bytes.count + count) }

  public mutating func u64(_ v: UInt64) { withUnsafeBytes(of: v.littleEndian) { bytes += $0 } }
  public mutating func i64(_ v: Int64) { u64(UInt64(bitPattern: v)) }
  public mutating func int(_ v: Int) { i64(Int64(v)) }
  public mutating func bool(_ v: Bool) { bytes.append(v ? 1 : 0) }

  public mutating func string(_ s: String) {
    int(s.utf8.count)
    bytes += s.utf8
  }

  public mutating func data(_ d: [UInt8]) {
    int(d.count)
    bytes += d
  }

  mutating func append(_ raw: UnsafeBufferPointer<UInt8>) { bytes += raw }

  public mutating func strings(_ list: [String]) {
    int(list.count)
    for s in list { string(s) }
  }
}

/// Reads what `BinaryWriter` wrote; any inconsistency throws, and the build then starts afresh.
public struct BinaryReader {
  public struct Corrupt: Error {
    public init() {}
  }

  private let bytes: [UInt8]
  private var at = 0
  /// Where reading stops: the end of the bytes, or of the part being read.
  private let end: Int

  public init(_ bytes: [UInt8]) {
    self.bytes = bytes
    end = bytes.count
  }

  /// Reads only `range` of the bytes (one section of a file), without copying it.
  public init(_ bytes: [UInt8], in range: Range<Int>) {
    precondition(range.lowerBound >= 0 && range.upperBound <= bytes.count)
    self.bytes = bytes
    at = range.lowerBound
    end = range.upperBound
  }

  public var atEnd: Bool { at == end }

  public mutating func u64() throws(Corrupt) -> UInt64 {
    guard at + 8 <= end else { throw Corrupt() }
    let v = bytes.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: at, as: UInt64.self) }
    at += 8
    return UInt64(littleEndian: v)
  }

  public mutating func i64() throws(Corrupt) -> Int64 { Int64(bitPattern: try u64()) }

  public mutating func int() throws(Corrupt) -> Int {
    let v = try i64()
    guard v >= 0, v <= Int64(end) * 8 + 1_000_000_000 else { throw Corrupt() }
    return Int(v)
  }

  public mutating func bool() throws(Corrupt) -> Bool {
    guard at < end else { throw Corrupt() }
    at += 1
    return bytes[at - 1] != 0
  }

  public mutating func string() throws(Corrupt) -> String {
    let n = try int()
    guard at + n <= end else { throw Corrupt() }
    defer { at += n }
    return String(decoding: bytes[at..<(at + n)], as: UTF8.self)
  }

  public mutating func data() throws(Corrupt) -> [UInt8] {
    Array(try slice())
  }

  /// Steps over length-prefixed bytes, giving where they are (to read them later, or in
  /// parallel with other parts, through `init(_:in:)`).
  public mutating func skip() throws(Corrupt) -> Range<Int> {
    let n = try int()
    guard at + n <= end else { throw Corrupt() }
    defer { at += n }
    return at..<(at + n)
  }

  /// Length-prefixed bytes as a slice of the bytes being read: shared, not copied.
  mutating func slice() throws(Corrupt) -> ArraySlice<UInt8> {
    bytes[try skip()]
  }

  public mutating func strings() throws(Corrupt) -> [String] {
    let n = try int()
    guard n <= end - at else { throw Corrupt() }
    var out: [String] = []
    out.reserveCapacity(n)
    for _ in 0..<n { out.append(try string()) }
    return out
  }
}
