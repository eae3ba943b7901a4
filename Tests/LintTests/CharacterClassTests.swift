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
    for c in candidates where fast.contains(c) != exact.contains(c) {
      differ.append(c.unicodeScalars.map { String($0.value, radix: 16) }.joined(separator: "+"))
    }
    #expect(differ == [])
    #expect(fast.contains("か\u{3099}"))
    #expect(fast.contains("\u{232A}"))  // canonically 〉
    #expect(!fast.contains("か"))
  }

  @Test func singleScalarIsNilForSeveral() {
    #expect(Character("日").singleScalar == 0x65E5)
    #expect(Character("a").singleScalar == 0x61)
    #expect(Character("\u{20BB7}").singleScalar == 0x20BB7)
    #expect(Character("か\u{3099}").singleScalar == nil)
    #expect(Character("\r\n").singleScalar == nil)
  }
}
