import Testing

@testable import Lint

/// `CharacterClass` answers as a `Set<Character>` does, canonical equivalence included.
@Suite struct CharacterClassTests {
  @Test func answersAsASetOfCharactersDoes() {
    let members: [Character] = Array("がをにでとはもへ。！？!?．」』）)】〕］]〉》”’\"'、，〇一日祝")
    let fast = CharacterClass(members)
    let exact = Set(members)
    var candidates: [Character] = []
    // Every scalar of the Basic Multilingual Plane and the compatibility ideographs beyond.
    for v in Array(0...0xFFFF) + Array(0x2F800...0x2FA1F) {
      if let u = Unicode.Scalar(v) { candidates.append(Character(u)) }
    }
    // Decomposed forms: か and the combining voicing mark is が; 〈 U+2329 is 〉's twin 〈.
    candidates += ["か\u{3099}", "て\u{3099}", "は\u{309A}", "へ\u{3099}", "A\u{300}", "e\u{301}"]
    var differ: [String] = []
    for c in candidates where fast.contains(LintCharacter(c)) != exact.contains(c) {
      differ.append(Self.hex(c))
    }
    #expect(differ == [])
    #expect(fast.contains(LintCharacter("か\u{3099}")))
    #expect(fast.contains(LintCharacter("\u{232A}")))  // canonically 〉
    #expect(!fast.contains(LintCharacter("か")))
  }

  /// A `LintCharacter` answers what its `Character` answers: equality (canonical equivalence
  /// included), white space, the first scalar.
  @Test func lintCharactersAnswerAsTheirCharacters() {
    var candidates: [Character] = []
    for v in Array(0...0xFFFF) + Array(0x1F300...0x1F320) + Array(0x2F800...0x2FA1F) {
      if let u = Unicode.Scalar(v) { candidates.append(Character(u)) }
    }
    candidates += ["か\u{3099}", "が", "A\u{300}", "À", "\r\n", "\u{3000}\u{301}", " \u{301}"]
    // Each compared with itself, a few fixed characters and the candidate before it.
    let fixed: [Character] = ["が", "〉", "〈", "・", "\n", " ", "À", "Å", "\u{212B}"]
    var differ: [String] = []
    var previous: Character = "a"
    for c in candidates {
      let l = LintCharacter(c)
      if l.isWhitespace != c.isWhitespace || l.scalar != c.unicodeScalars.first!.value
        || l.character != c
      {
        differ.append(Self.hex(c))
      }
      for other in fixed + [c, previous] where (l == LintCharacter(other)) != (c == other) {
        differ.append(Self.hex(c) + " vs " + Self.hex(other))
      }
      previous = c
    }
    #expect(differ == [])
    #expect(LintCharacter("\u{232A}") == "〉")
    #expect(LintCharacter("か\u{3099}") == "が")
    #expect(LintCharacter.array("「はい」").excerpt(1..<3) == "はい")
    #expect(LintCharacter.array("a\nb").excerpt(0..<3) == "ab")
    #expect(LintCharacter.array("a\nb").string(0..<3) == "a\nb")
  }

  /// `LintCharacter.array` splits text where `Array(text)` does: random texts mixing the
  /// scripts it takes a scalar at a time with combining marks, voicing marks (kana and
  /// half-width), CR LF, emoji with modifiers and ZWJ, flags and Hangul jamo.
  @Test func arraySplitsCharactersAsSwiftDoes() {
    var generator = SystemRandomNumberGenerator()
    let pieces: [String] = [
      "a", "Z", "0", " ", "\n", "\r", "\r\n", "\t", "é", "\u{AD}", "©", "\u{301}", "\u{3099}",
      "\u{309A}", "か", "ﾊ", "\u{FF9E}", "\u{FF9F}", "ー", "・", "、", "。", "\u{302A}", "漢",
      "\u{20BB7}",
      "Ａ", "１", "👍", "\u{1F3FD}", "\u{200D}", "❤", "\u{FE0F}", "🇯", "🇵", "\u{1100}", "\u{1161}",
      "\u{11A8}", "가", "\u{0E33}", "\u{0915}", "\u{094D}", "\u{0600}", "\u{232A}", "\u{F900}",
    ]
    for _ in 0..<2000 {
      let text = randomText(of: pieces, maxPieces: 12, using: &generator)
      let split = LintCharacter.array(text)
      #expect(
        split.map(\.character) == Array(text),
        "\(text.unicodeScalars.map { Self.hex(Character($0)) })")
      #expect(split == Array(text).map(LintCharacter.init))
    }
  }

  static func hex(_ c: Character) -> String {
    c.unicodeScalars.map { String($0.value, radix: 16) }.joined(separator: "+")
  }

  /// The key is the scalar of a character of one scalar, and 0 for several.
  @Test func keyIsZeroForSeveralScalars() {
    #expect(LintCharacter("日").key == 0x65E5)
    #expect(LintCharacter("a").key == 0x61)
    #expect(LintCharacter("\u{20BB7}").key == 0x20BB7)
    #expect(LintCharacter("か\u{3099}").key == 0)
    #expect(LintCharacter("\r\n").key == 0)
  }
}
