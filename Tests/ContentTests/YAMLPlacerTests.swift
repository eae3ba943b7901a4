import SeededRandom
import Testing
import Yams

@testable import Content

/// `YAMLPlacer` remembers lines and measures a line once; these hold it to the plain walk from
/// the text's start for each mark, which it replaced.
@Suite struct YAMLPlacerTests {
  /// A mark anywhere, as Yams could give one (Yams makes no `Mark` outside itself; it is two
  /// integers).
  static func mark(_ line: Int, _ column: Int) -> Mark {
    unsafeBitCast((line, column), to: Mark.self)
  }

  /// The plain walk: to the start of Yams' line, then over the scalars before the mark.
  static func walk(_ mark: Mark, in text: String) -> YAMLMark {
    let bytes = Array(text.utf8)
    let n = bytes.count
    var (yamlLine, line, lineStart, i) = (1, 1, 0, 0)
    while yamlLine < mark.line, i < n {
      let b = bytes[i]
      i += 1
      if b == 0x0A {
        (yamlLine, line, lineStart) = (yamlLine + 1, line + 1, i)
      } else if b == 0x0D, i == n || bytes[i] != 0x0A {
        yamlLine += 1
      } else if b == 0xC2, i < n, bytes[i] == 0x85 {
        (yamlLine, i) = (yamlLine + 1, i + 1)
      } else if b == 0xE2, i + 1 < n, bytes[i] == 0x80, bytes[i + 1] | 1 == 0xA9 {
        (yamlLine, i) = (yamlLine + 1, i + 2)
      }
    }
    guard yamlLine == mark.line else {
      return YAMLMark(line: line + mark.line - yamlLine, column: mark.column)
    }
    var scalars = 0
    while scalars < mark.column - 1, i < n, bytes[i] != 0x0A {
      i += 1
      while i < n, bytes[i] & 0xC0 == 0x80 { i += 1 }
      scalars += 1
    }
    let before = String(decoding: bytes[lineStart..<i], as: UTF8.self)
    return YAMLMark(line: line, column: before.count + mark.column - scalars)
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
          placer.place(mark) == Self.walk(mark, in: text),
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
      #expect(placer.place(mark) == Self.walk(mark, in: text))
    }
    // The last tag's column: the characters before it, plus one.
    let before = "tags: [" + (0..<299).map { "タグ\($0), " }.joined()
    #expect(
      placer.place(try #require(tags.last?.mark)) == YAMLMark(line: 1, column: before.count + 1))
  }
}
