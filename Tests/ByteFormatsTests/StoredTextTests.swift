import ByteFormats
import Testing

/// Text carried over from the cache as bytes reads and writes as the String it was written
/// from, so a page whose body was never decoded goes back into the cache unchanged.
@Suite struct StoredTextTests {
  static let texts = ["", "防災アプリ\n避難所の地図。", "DX \u{20BB7}野家 \"quoted\"\u{0}"]

  @Test(arguments: texts) func bytesAndStringsAreInterchangeable(_ text: String) throws {
    var w = BinaryWriter()
    w.string(text)
    w.text(StoredText(text))
    w.u64(7)
    var r = BinaryReader(w.bytes)
    let fromString = try r.text()
    let fromText = try r.string()
    #expect(try r.u64() == 7 && r.atEnd)
    #expect(fromString.string == text && fromText == text)
    #expect(fromString.utf8Count == text.utf8.count)
    #expect(fromString.withUTF8 { Array($0) } == Array(text.utf8))
    // Written again from the bytes it was read as: the same record.
    var again = BinaryWriter()
    again.text(fromString)
    var reference = BinaryWriter()
    reference.string(text)
    #expect(again.bytes == reference.bytes)
  }

  /// A reader over one section reads its texts as the whole file's reader does, stops at the
  /// section's end, and finds a length that runs past it corrupt.
  @Test func aReaderOverASectionStaysInIt() throws {
    var w = BinaryWriter()
    w.u64(1)
    for t in Self.texts { w.string(t) }
    let end = w.bytes.count
    w.u64(2)
    var r = BinaryReader(w.bytes, in: 8..<end)
    #expect(try Self.texts.map { _ in try r.text().string } == Self.texts)
    #expect(r.atEnd)
    #expect(throws: BinaryReader.Corrupt.self) { try r.u64() }
    // The last text's length with one byte of it cut off by the section's end.
    var cut = BinaryReader(w.bytes, in: 8..<(end - 1))
    for _ in Self.texts.dropLast() { _ = try cut.text() }
    #expect(throws: BinaryReader.Corrupt.self) { try cut.text() }
  }

  @Test func aTruncatedTextIsCorrupt() {
    var w = BinaryWriter()
    w.string("防災")
    var r = BinaryReader(Array(w.bytes.dropLast()))
    #expect(throws: BinaryReader.Corrupt.self) { try r.text() }
  }
}
