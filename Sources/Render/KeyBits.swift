/// A context key's bits, so the keys of a lookup are compared as two integers.
///
/// A short ASCII key (up to 15 bytes: nearly every key a template asks for) is a "small"
/// String whose two words are its bytes and length, the same for the same text; comparing two
/// different keys with `==` called into the runtime (`_stringCompareWithSmolCheck`, 3–4 % of
/// rendering). Equal bits are always equal keys; different bits are different keys only when
/// both are small ASCII Strings; anything else is compared with `==`. The layout is checked once
/// (`layoutKnown`): where String is laid out otherwise, every comparison is `==`.
struct KeyBits {
  let low: UInt64
  let high: UInt64
  /// Whether the key is a small ASCII String on a layout checked to be the known one.
  let smallASCII: Bool

  /// Whether `layoutKnown`, kept here: a static read in the lookup was a `swift_once` check.
  let known: Bool

  init(_ key: String) {
    (low, high) = Self.bits(key)
    known = Self.layoutKnown
    smallASCII = known && Self.isSmallASCII(high)
  }

  /// Whether `other` is this key (`key`, the String these bits were read from).
  @inline(__always) func matches(_ other: String, key: String) -> Bool {
    guard known else { return other == key }
    let (l, h) = Self.bits(other)
    if l == low && h == high { return true }
    if smallASCII && Self.isSmallASCII(h) { return false }
    return other == key
  }

  /// `matches` for a key read in place, at `p` (an `Entry`'s key, not copied).
  @inline(__always) func matches(at p: UnsafeRawPointer, key: String) -> Bool {
    guard known else { return p.assumingMemoryBound(to: String.self).pointee == key }
    let l = p.load(as: UInt64.self)
    let h = p.load(fromByteOffset: 8, as: UInt64.self)
    if l == low && h == high { return true }
    if smallASCII && Self.isSmallASCII(h) { return false }
    return p.assumingMemoryBound(to: String.self).pointee == key
  }

  @inline(__always) private static func bits(_ s: String) -> (UInt64, UInt64) {
    unsafeBitCast(s, to: (UInt64, UInt64).self)
  }

  /// The discriminator of a small ASCII String: immortal, ASCII, small, not foreign.
  @inline(__always) private static func isSmallASCII(_ high: UInt64) -> Bool { high >> 60 == 0xE }

  /// Whether Strings are laid out as `isSmallASCII` reads them: short ASCII texts made two ways
  /// have the same bits and the small ASCII discriminator; long and non-ASCII ones do not.
  static let layoutKnown: Bool = {
    guard MemoryLayout<String>.size == 16, MemoryLayout<(UInt64, UInt64)>.size == 16 else {
      return false
    }
    let literal = "title_html"
    let made = String(decoding: Array("xtitle_html".utf8.dropFirst()), as: UTF8.self)
    let long = String(repeating: "k", count: 40)
    let other = String(decoding: Array("title_htmm".utf8), as: UTF8.self)
    return bits(literal) == bits(made) && isSmallASCII(bits(literal).1)
      && isSmallASCII(bits(other).1) && bits(other) != bits(literal)
      && !isSmallASCII(bits(long).1) && !isSmallASCII(bits("é").1)
      && !isSmallASCII(bits("ふりがな").1)
  }()
}
