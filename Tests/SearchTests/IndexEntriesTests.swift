import ByteFormats
import Foundation
import Testing

@testable import Search

@Suite struct IndexEntriesTests {
  /// A patch reads back the strings of the shards it rewrites: whatever the writer escapes,
  /// the reader must undo, control characters included.
  @Test func stringsReadBackAsWritten() throws {
    let texts = [
      String((0..<0x20).map { Character(Unicode.Scalar(UInt8($0))) }), "\"\\/<>", "防災\u{20BB7}",
      "",
    ]
    var w = JSONBytes()
    w.raw("[")
    for (i, t) in texts.enumerated() {
      if i > 0 { w.raw(",") }
      w.string(t)
    }
    w.raw("]")
    var at = 1
    for t in texts {
      let (read, next) = try #require(IndexEntries.readString(w.bytes, at: at))
      #expect(read == t)
      at = next + 1
    }
    #expect(IndexEntries.valueEnd(w.bytes, from: 0) == w.bytes.count)
  }
}
