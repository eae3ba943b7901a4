import Testing

@testable import Markdown

/// A link's column counts Characters; `characterCount` counts scalars instead where each one
/// is a Character of its own. Checked against `count` for every scalar of the Basic
/// Multilingual Plane, alone and beside ASCII, kana, a combining mark and itself: the ideographic
/// tone marks U+302A–302F join the character before them (counted apart until 2026-12-05).
@Suite struct CharacterCountTests {
  @Test func everyScalarOfThePlaneCountsAsCharacters() {
    var wrong: [String] = []
    for v in UInt32(0x20)..<0x10000 {
      guard let scalar = Unicode.Scalar(v) else { continue }
      let c = String(scalar)
      for text in ["a" + c + "あ", "あ" + c, c + c, c + "\u{3099}", c + "a"] {
        if MarkdownDocument.characterCount(text[...]) != text.count {
          wrong.append(String(v, radix: 16))
        }
      }
    }
    #expect(wrong.isEmpty, "\(wrong.prefix(20))")
  }

  @Test func toneMarksJoinTheirCharacter() {
    #expect(MarkdownDocument.characterCount("あ\u{302A}い"[...]) == 2)
    #expect(MarkdownDocument.characterCount("DX※を使う…「案」"[...]) == 10)
  }
}
