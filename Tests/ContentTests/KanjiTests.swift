import Testing

@testable import Content

/// One answer to "is this kanji" for `portal lint` (which asks a reading of it) and the
/// glossary (which shows one beside a term that has it).
@Suite struct KanjiTests {
  @Test(arguments: [
    ("漢", true), ("々", true), ("〆", true), ("〇", true), ("㐂", true), ("\u{F900}", true),
    ("𠮷", true), ("\u{30000}", true), ("ア", false), ("あ", false), ("A", false),
    ("ー", false), ("、", false), ("\u{3004}", false), ("\u{3008}", false),
  ])
  func classifies(character: String, isKanji: Bool) {
    let scalar = character.unicodeScalars.first!.value
    #expect(Kanji.contains(scalar) == isKanji, "U+\(String(scalar, radix: 16))")
  }
}
