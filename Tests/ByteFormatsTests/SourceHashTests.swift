import ByteFormats
import Foundation
import Testing

/// The recorded hash of a file is that of its text as the build reads it: line endings and
/// a BOM, which the build drops, are no change; any other byte is.
@Suite struct SourceHashTests {
  func hash(_ text: String) -> String { SourceHash.of(Data(text.utf8)) }

  @Test func sixteenHexDigits() {
    for text in ["", "a", "---\ntitle: 防災\n---\n本文\n"] {
      #expect(hash(text).count == 16 && hash(text).allSatisfy(\.isHexDigit), "\(text)")
    }
  }

  /// Written with leading zeros and lower-case letters, as `sources.json` holds them.
  @Test func hexDigitsArePaddedAndLowerCase() {
    #expect(SourceHash.hex(0x1f) == "000000000000001f")
    #expect(SourceHash.hex(0xABCD_EF01_2345_6789) == "abcdef0123456789")
    var bytes = Array("x".utf8)
    SourceHash.appendHex(0, to: &bytes)
    #expect(String(decoding: bytes, as: UTF8.self) == "x0000000000000000")
  }

  @Test func lineEndingsAndABOMAreNoChange() {
    let lf = "---\ntitle: 防災\n---\n\n本文です。\n"
    #expect(hash(lf.replacingOccurrences(of: "\n", with: "\r\n")) == hash(lf))
    #expect(hash(lf.replacingOccurrences(of: "\n", with: "\r")) == hash(lf))
    #expect(hash("\u{FEFF}" + lf) == hash(lf))
  }

  @Test func anyOtherByteIsAChange() {
    let lf = "---\ntitle: 防災\n---\n\n本文です。\n"
    #expect(hash(lf + " ") != hash(lf))
    #expect(hash(lf.replacingOccurrences(of: "防災", with: "防火")) != hash(lf))
    #expect(hash(lf + "\n") != hash(lf))
  }
}
