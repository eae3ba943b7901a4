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

  /// Texts moved into a copy of their section read as before, and no longer need the buffer
  /// they were read from.
  @Test func textsMoveIntoACopyOfTheirSection() throws {
    var w = BinaryWriter()
    w.u64(1)
    for t in Self.texts { w.string(t) }
    w.u64(2)
    var texts: [StoredText] = []
    var section: [UInt8] = []
    var start = 0
    do {
      var r = BinaryReader(w.bytes)
      _ = try r.u64()
      start = r.position
      for _ in Self.texts { texts.append(try r.text()) }
      section = Array(w.bytes[start..<r.position])
    }
    let moved = texts.map { $0.moved(onto: section, from: start) }
    #expect(moved.map(\.string) == Self.texts)
    #expect(StoredText("x").moved(onto: section, from: start).string == "x")
  }

  @Test func aTruncatedTextIsCorrupt() {
    var w = BinaryWriter()
    w.string("防災")
    var r = BinaryReader(Array(w.bytes.dropLast()))
    #expect(throws: BinaryReader.Corrupt.self) { try r.text() }
  }
}
