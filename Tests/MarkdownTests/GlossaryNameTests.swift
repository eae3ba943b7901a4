import Testing

@testable import Markdown

/// A glossary name is compared with the text first by its first eight bytes in one word, then
/// (when longer) byte by byte: it must find exactly where the bytes are equal, at every place
/// including the last bytes of a text, where no word can be read.
@Suite struct GlossaryNameTests {
  @Test func aNameIsFoundExactlyWhereItsBytesAre() {
    let names = ["A", "AI", "水", "水位", "水道", "水位アプリ", "水位のアプリ", "12345678", "123456789", "ＤＸ推進"]
      .map { GlossaryMatcher.Name(bytes: Array($0.utf8), target: 0) }
    let pieces = ["水", "位", "道", "ア", "プリ", "の", "A", "I", "1234", "5678", "9", "ＤＸ", "推進", " "]
    var state: UInt64 = 7
    var found = 0
    for _ in 0..<3000 {
      var text: [UInt8] = []
      for _ in 0..<(1 + Int(state % 9)) {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        text += Array(pieces[Int((state >> 33) % UInt64(pieces.count))].utf8)
      }
      text.withUnsafeBufferPointer { buffer in
        for name in names {
          for i in 0...text.count where i + name.bytes.count <= text.count {
            let expected = text[i..<(i + name.bytes.count)].elementsEqual(name.bytes)
            #expect(name.isAt(i, in: buffer) == expected, "\(name.bytes) at \(i) in \(text)")
            if expected { found += 1 }
          }
        }
      }
    }
    #expect(found > 1000)
  }
}
