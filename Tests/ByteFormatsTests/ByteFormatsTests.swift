import ByteFormats
import Foundation
import Testing

@Suite struct ByteFormatsTests {
  /// Every control character, quotes, backslashes, slashes, `<`, Japanese and a character
  /// outside the BMP.
  static let awkward =
    String((0..<0x20).map { Character(Unicode.Scalar(UInt8($0))) })
    + "\"\\/<>&'\u{7F} 防災\u{20BB7}"

  /// The bytes of Foundation's encoder (slashes left alone), which hand-written JSON must match.
  @Test func stringsAreEscapedAsJSONEncoderDoes() throws {
    var w = JSONBytes()
    w.string(Self.awkward)
    let encoder = JSONEncoder()
    encoder.outputFormatting = .withoutEscapingSlashes
    #expect(w.bytes == Array(try encoder.encode(Self.awkward)))
    #expect(try JSONDecoder().decode(String.self, from: Data(w.bytes)) == Self.awkward)
  }

  @Test func lessThanCanBeEscapedForScriptElements() throws {
    var w = JSONBytes(escapingLessThan: true)
    w.string("</script><b>")
    #expect(String(decoding: w.bytes, as: UTF8.self) == #""\u003c/script>\u003cb>""#)
    #expect(try JSONDecoder().decode(String.self, from: Data(w.bytes)) == "</script><b>")
  }

  @Test func binaryValuesRoundTrip() throws {
    var w = BinaryWriter()
    w.u64(.max)
    w.i64(-5)
    w.int(42)
    w.bool(true)
    w.string(Self.awkward)
    w.data([1, 2, 3])
    w.strings(["", "a", "防災"])
    var r = BinaryReader(w.bytes)
    #expect(try r.u64() == .max)
    #expect(try r.i64() == -5)
    #expect(try r.int() == 42)
    #expect(try r.bool())
    #expect(try r.string() == Self.awkward)
    #expect(try r.data() == [1, 2, 3])
    #expect(try r.strings() == ["", "a", "防災"])
    #expect(r.atEnd)
    #expect(throws: BinaryReader.Corrupt.self) { try r.u64() }
  }

  /// A length beyond the bytes is corrupt, not a crash or a huge allocation.
  @Test func impossibleLengthsAreCorrupt() {
    var w = BinaryWriter()
    w.int(1_000)
    w.string("short")
    var r = BinaryReader(w.bytes)
    #expect(throws: BinaryReader.Corrupt.self) { try r.string() }
    var negative = BinaryReader(
      BinaryWriter().bytes + [0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF])
    #expect(throws: BinaryReader.Corrupt.self) { try negative.int() }
  }
}
