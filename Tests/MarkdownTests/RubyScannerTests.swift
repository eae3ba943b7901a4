import Testing

@testable import Markdown

/// The one reading of furigana groups: what a `{` starts, in bytes and in characters, for the
/// page's ruby and for lint's columns and warnings.
@Suite struct RubyScannerTests {
  /// What the `{` at character `open` of `text` starts, in characters.
  func match(_ text: String, at open: Int = 0) -> RubyScanner.Match? {
    let characters = Array(text)
    return RubyScanner.match(at: open, count: characters.count) {
      RubyScanner.mark(of: characters[$0])
    }
  }

  @Test func whatABraceStarts() {
    #expect(match("{漢字|かんじ}です") == .group(RubyGroup(open: 0, bar: 3, barWidth: 1, close: 7)))
    #expect(match("{漢字｜かんじ}") == .group(RubyGroup(open: 0, bar: 3, barWidth: 1, close: 7)))
    #expect(match("{漢字|}") == .emptyReading(bar: 3, close: 4))
    #expect(match("{漢字|かんじ の") == .unclosed(bar: 3))
    // Left open before the next group, or at the line's end (CR LF too).
    #expect(match("{漢字|かんじ{次|つぎ}") == .unclosed(bar: 3))
    #expect(match("{漢字|かんじ\n}") == .unclosed(bar: 3))
    #expect(match("{漢字|かんじ\r\n}") == .unclosed(bar: 3))
    // A reading per character: as many readings as characters, not all empty.
    #expect(
      match("{漢字|か|んじ}")
        == .group(RubyGroup(open: 0, bar: 3, barWidth: 1, close: 8, moreBars: [5..<6])))
    #expect(match("{漢字|か|ん|じ}") == .extraBar(bar: 3, close: 9))
    #expect(match("{漢字||}") == .extraBar(bar: 3, close: 5))
    // Braces that are no group.
    for text in ["{取組}", "{|よみ}", "{取組", "{", "{|}", "{{漢字|かんじ}"] {
      #expect(match(text) == nil, "\(text)")
    }
    #expect(match("{{漢字|かんじ}", at: 1) == .group(RubyGroup(open: 1, bar: 4, barWidth: 1, close: 8)))
  }

  @Test func aGroupsRanges() {
    let group = RubyGroup(open: 2, bar: 5, barWidth: 3, close: 10)
    #expect(group.base == 3..<5)
    #expect(group.reading == 8..<10)
    #expect(group.whole == 2..<11)
    #expect(group.readings == [8..<10])
    let perCharacter = RubyGroup(open: 0, bar: 3, barWidth: 1, close: 9, moreBars: [4..<5, 5..<8])
    #expect(perCharacter.readings == [4..<4, 5..<5, 8..<9])
  }

  /// In UTF-8 the full-width bar is three bytes wide; the groups found are those the
  /// characters give, at the same places.
  @Test func bytesAndCharactersFindTheSameGroups() {
    let text = "県の{匝瑳｜そうさ}市と{a|b|c}と{香取|かとり}{x|}と{未完|みかん"
    let bytes = Array(text.utf8)
    let inBytes = RubyScanner.groups(count: bytes.count) {
      RubyScanner.mark(ofByteAt: $0, in: bytes)
    }
    let characters = Array(text)
    let inCharacters = RubyScanner.groups(count: characters.count) {
      RubyScanner.mark(of: characters[$0])
    }
    #expect(inBytes.map(\.barWidth) == [3, 1])
    #expect(inCharacters.map(\.barWidth) == [1, 1])
    let bases = inBytes.map { String(decoding: bytes[$0.base], as: UTF8.self) }
    let readings = inBytes.map { String(decoding: bytes[$0.reading], as: UTF8.self) }
    #expect(bases == ["匝瑳", "香取"] && readings == ["そうさ", "かとり"])
    #expect(inCharacters.map { String(characters[$0.base]) } == bases)
    #expect(inCharacters.map { String(characters[$0.reading]) } == readings)
    #expect(inCharacters.map(\.whole) == [2..<10, 20..<28])
    // A `{` that starts no group is text: the scan goes on after it.
    #expect(RubyScanner.groups(count: 0) { _ in .other }.isEmpty)
    #expect(MarkdownDocument.splitRuby("{{a|b}") == [.text("{"), .ruby(base: "a", reading: "b")])
  }

  /// The last bytes of a text cannot be taken for a full-width bar.
  @Test func aBarCutShortIsNoBar() {
    let bytes: [UInt8] = [0x7B, 0x61, 0xEF, 0xBD]
    #expect(RubyScanner.mark(ofByteAt: 2, in: bytes) == .other)
    #expect(RubyScanner.mark(ofByteAt: 2, in: bytes + [0x9C]) == .bar(width: 3))
  }
}
