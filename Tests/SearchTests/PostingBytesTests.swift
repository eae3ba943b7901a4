import Testing

@testable import Search

@Suite struct PostingBytesTests {
  /// Gaps and masks read back as written, whatever their size; a one-bit mask takes one byte.
  @Test func varintsRoundTrip() {
    var generator = SystemRandomNumberGenerator()
    var values: [UInt32] = [0, 1, 127, 128, 16_383, 16_384, 65_535, UInt32.max]
    var masks: [UInt32] = [0, 1, 2, 3, 8, 1 << 31, UInt32.max, 0b1011_0000]
    for _ in 0..<1000 {
      values.append(
        UInt32.random(in: 0...UInt32.max, using: &generator) >> UInt32.random(in: 0...31))
      masks.append(
        Bool.random(using: &generator)
          ? 1 << UInt32.random(in: 0...31, using: &generator)
          : UInt32.random(in: 0...UInt32.max, using: &generator))
    }
    var bytes: [UInt8] = []
    for (v, m) in zip(values, masks) {
      PostingBytes.append(v, to: &bytes)
      PostingBytes.appendMask(m, to: &bytes)
    }
    bytes.withUnsafeBufferPointer { buffer in
      var i = 0
      for (v, m) in zip(values, masks) {
        #expect(PostingBytes.read(buffer, at: &i) == UInt64(v))
        #expect(PostingBytes.readMask(buffer, at: &i) == m)
      }
      #expect(i == buffer.count)
    }
    for bit in 0..<32 {
      var one: [UInt8] = []
      PostingBytes.appendMask(1 << UInt32(bit), to: &one)
      #expect(one.count == 1)
    }
  }

  /// A number's digits written the plain way, from the alphabet, one append at a time: the
  /// reference the exact-size writers (`Codec.writeNumber`) are held to.
  static func appendNumber(_ value: UInt32, to out: inout [UInt8]) {
    var v = value
    while v >= 32 {
      out.append(Codec.digits[Int(32 | (v & 31))])
      v >>= 5
    }
    out.append(Codec.digits[Int(v)])
  }

  /// The computed digits are the alphabet's, and numbers read back as written.
  @Test func codecDigitsAndNumbers() {
    for value in 0..<64 { #expect(Codec.digit(UInt32(value)) == Codec.digits[value]) }
    let values: [UInt32] = [0, 1, 31, 32, 1023, 1024, 65_535, 1 << 30, UInt32.max >> 2]
    var bytes: [UInt8] = []
    for v in values { Self.appendNumber(v, to: &bytes) }
    #expect(Codec.decodeNumbers(String(decoding: bytes, as: UTF8.self).utf8[...]) == values)
    #expect(
      Codec.decodeSet(
        String(decoding: Codec.encodeSet([0, 5, 6, 7, 40], documentCount: 50), as: UTF8.self)) == [
          0, 5, 6, 7, 40,
        ])
  }

  /// Pairs written at their counted size are the digits `appendNumber` gives, quoted or not.
  @Test func pairsAreWrittenAtTheirExactSize() {
    var generator = SystemRandomNumberGenerator()
    for count in [0, 1, 2, 17, 500] {
      var ids: [Int32] = []
      var next: Int32 = 0
      for _ in 0..<count {
        next += Int32.random(in: 0...5000, using: &generator)
        ids.append(next)
        next += 1
      }
      let masks = ids.indices.map { i in
        i % 3 == 0 ? UInt32.max : UInt32.random(in: 0...UInt32.max, using: &generator)
      }
      var expected: [UInt8] = []
      var previous: Int32 = -1
      for (id, mask) in zip(ids, masks) {
        Self.appendNumber(UInt32(id - previous - 1), to: &expected)
        Self.appendNumber(mask, to: &expected)
        previous = id
      }
      #expect(Codec.encodePairs(ids, masks) == expected)
      #expect(Codec.pairsLength(ids, masks) == expected.count)
      let quoted = Codec.pairs(ids, masks, length: expected.count, quoted: true)
      #expect(quoted == [UInt8(ascii: "\"")] + expected + [UInt8(ascii: "\"")])
      #expect(Codec.decodePairs(String(decoding: expected, as: UTF8.self)).map(\.0) == ids)
    }
  }

  /// Sets written at their counted size: the gaps as `appendNumber` writes them, or the bitmap
  /// when that is shorter, and both decode to the same ids.
  @Test func setsTakeTheShorterFormAtTheirExactSize() {
    var generator = SystemRandomNumberGenerator()
    for (count, spread) in [(0, 1), (1, 1), (1, 100_000), (40, 3), (40, 5000), (3000, 2)] {
      var ids: [Int32] = []
      var next: Int32 = Int32.random(in: 0...50, using: &generator)
      for _ in 0..<count {
        ids.append(next)
        next += Int32.random(in: 1...Int32(spread), using: &generator)
      }
      var gaps: [UInt8] = []
      var previous: Int32 = -1
      for id in ids {
        Self.appendNumber(UInt32(id - previous - 1), to: &gaps)
        previous = id
      }
      var bits = [UInt8](repeating: 0, count: (Int(ids.last ?? 0) / 6) + 1)
      for id in ids { bits[Int(id) / 6] |= 1 << UInt8(Int(id) % 6) }
      let bitmap = [UInt8(ascii: "*")] + bits.map { Codec.digits[Int($0)] }
      let written = Codec.encodeSet(ids, documentCount: Int(next) + 1)
      #expect(written == (bitmap.count >= gaps.count ? gaps : bitmap), "\(count) ids")
      #expect(Codec.decodeSet(String(decoding: written, as: UTF8.self)) == ids)
    }
  }
}
