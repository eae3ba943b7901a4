import SeededRandom
import Testing
import Yams

@testable import Content

/// `YAMLPlacer` remembers lines and measures a line once; these hold it to `YAMLMark`, which
/// walks from the text's start for each mark.
@Suite struct YAMLPlacerTests {
  /// A mark anywhere, as Yams could give one (Yams makes no `Mark` outside itself; it is two
  /// integers).
  static func mark(_ line: Int, _ column: Int) -> Mark {
    unsafeBitCast((line, column), to: Mark.self)
  }

  @Test func placesAsTheWalkFromTheStart() {
    // Line feeds and the breaks Yams counts but files do not (CR alone, NEL, LS, PS), CR LF,
    // kana, a decomposed が, a flag, combining marks after ASCII.
    let pieces = [
      "a", "b: ", "[", ", ", "タグ", "か\u{3099}", "🇯🇵", "e\u{301}", "\n", "\r\n", "\r", "\u{85}",
      "\u{2028}", "\u{2029}", " ", "-",
    ]
    var random = SplitMix64(seed: 2026_12_07)
    for _ in 0..<300 {
      let text = (0..<random.below(60)).map { _ in pieces[random.below(pieces.count)] }.joined()
      let placer = YAMLPlacer(text)
      for _ in 0..<30 {
        let mark = Self.mark(random.below(14) - 1, random.below(40) - 1)
        #expect(
          placer.place(mark) == YAMLMark(mark, in: text),
          "\(text.debugDescription) \(mark.line):\(mark.column)")
      }
    }
  }

  @Test func theMarksOfALongList() throws {
    let text = "tags: [" + (0..<300).map { "タグ\($0)" }.joined(separator: ", ") + "]\nb: 1\n"
    let node = try #require(try Yams.compose(yaml: text))
    let tags = try #require(node.mapping?["tags"]?.sequence)
    let placer = YAMLPlacer(text)
    for tag in tags {
      let mark = try #require(tag.mark)
      #expect(placer.place(mark) == YAMLMark(mark, in: text))
    }
    // The last tag's column: the characters before it, plus one.
    let before = "tags: [" + (0..<299).map { "タグ\($0), " }.joined()
    #expect(
      placer.place(try #require(tags.last?.mark)) == YAMLMark(line: 1, column: before.count + 1))
  }
}
