import Testing

@testable import Lint

/// `LintContext.glossaryCoverage` marks what a plain scan with `Character` comparison marks:
/// the longest name at each place, Latin names as whole words only, canonically equivalent
/// spellings (が and か + U+3099) as the same.
@Suite struct GlossaryCoverageTests {
  /// The rule written plainly, over Characters.
  static func reference(_ text: [Character], names: Set<String>) -> [Bool] {
    let arrays: [[Character]] = names.filter { !$0.isEmpty }.map { Array($0) }
    let sorted = arrays.sorted { (a: [Character], b: [Character]) -> Bool in
      a.count != b.count ? a.count > b.count : String(a) < String(b)
    }
    func isLatin(_ c: Character) -> Bool { LintCharacter(c).isLatinWordCharacter }
    var covered = [Bool](repeating: false, count: text.count)
    var i = 0
    while i < text.count {
      let match = sorted.first { name in
        let end = i + name.count
        guard end <= text.count, Array(text[i..<end]) == name else { return false }
        let startOK = !(isLatin(name[0]) && i > 0 && isLatin(text[i - 1]))
        let endOK = !(isLatin(name.last!) && end < text.count && isLatin(text[end]))
        return startOK && endOK
      }
      if let match {
        for k in i..<(i + match.count) { covered[k] = true }
        i += match.count
      } else {
        i += 1
      }
    }
    return covered
  }

  @Test(arguments: [
    ["防災", "防災アプリ", "DX", "AI", "がっこう"],
    // A name starting with a decomposed character: characters are then looked up as such.
    ["防災", "か\u{3099}っこう", "DX", "AI"],
    // A one-character name beside longer ones with the same first character (looked up by
    // their first two), and a name whose second character is decomposed (not by two).
    ["防", "防災", "防災アプリ", "災", "AI", "がっこう"],
    ["防", "防災アプリ", "AI"],
    ["防か\u{3099}", "防災", "DX"],
  ])
  func marksWhatAPlainScanMarks(names: [String]) {
    var generator = SystemRandomNumberGenerator()
    let pieces = [
      "防災", "防", "災", "アプリ", "DX", "AI", "MAIL", "a", " ", "が", "か\u{3099}", "っこう", "の",
      "。", "防か\u{3099}",
    ]
    let context = LintContext(glossaryNames: Set(names))
    for _ in 0..<1000 {
      let text = randomText(of: pieces, maxPieces: 10, using: &generator)
      let characters = LintCharacter.array(text)
      #expect(
        context.glossaryCoverage(characters) == Self.reference(Array(text), names: Set(names)),
        "\(text)")
    }
    let sample = LintCharacter.array("防災アプリとMAILとAIとか\u{3099}っこう")
    let expected = Self.reference(Array("防災アプリとMAILとAIとか\u{3099}っこう"), names: Set(names))
    #expect(context.glossaryCoverage(sample) == expected)
    if names.count == 5 { #expect(expected.filter { $0 }.count == 11) }
  }
}
