import Diagnostics
import Testing

@testable import Content

/// A title or summary of emoji or marks alone (docs/errors-audit.md, 35) is an error at the
/// value: it was published, and its links said nothing to anyone.
@Suite struct WordlessTextTests {
  private func noWords(_ frontMatter: String, kind: ContentKind = .initiative) throws
    -> [Diagnostic]
  {
    let (_, diagnostics) = try parseFile("---\n\(frontMatter)---\n\n本文です。\n", kind: kind)
    return diagnostics.filter { $0.code == "content.no-words" }
  }

  @Test func aTitleOfEmojiOrMarksAloneIsAnErrorAtTheValue() throws {
    for (title, shown) in [("🎉🎉", "🎉🎉"), ("！！！", "！！！"), ("---", "---"), ("'★☆★'", "★☆★")] {
      let found = try noWords("title: \(title)\nsummary: 説明です。\nfields: [a]\n")
      #expect(found.count == 1, "\(title): \(found)")
      guard let d = found.first else { continue }
      #expect(d.severity == .error)
      #expect((d.location.line, d.location.column) == (2, 8), "\(title)")
      #expect(d.message.contains("`\(shown)`"), "\(d.message)")
      #expect(d.hint?.contains("in words") == true)
      #expect(d.japanese?.message.contains("絵文字や記号だけ") == true)
      #expect(d.japanese?.hint?.contains("ことばで") == true)
    }
  }

  @Test func aSummaryAndAGlossaryTermAreToo() throws {
    let summary = try noWords("title: 防災\nsummary: 🌾🚜\nfields: [a]\n")
    #expect(summary.map(\.location.line) == [3])
    #expect(summary.first?.hint?.contains("one plain sentence") == true)
    let term = try noWords(
      "term: ♪\nreading: おんぷ\nshort: 音の記号です。\n", kind: .glossary)
    #expect(term.map(\.location.line) == [2])
  }

  /// Words beside the marks are words: kana, kanji, `ー`, Latin, full-width letters, digits.
  @Test func wordsBesideMarksAreFine() throws {
    for title in ["🎉 年末の防災訓練", "ー", "AI！", "ＤＸ", "2030", "①", "{防災|ぼうさい}🎉"] {
      #expect(try noWords("title: \(title)\nsummary: 説明です。\nfields: [a]\n").isEmpty, "\(title)")
    }
    #expect(!WordlessTexts.hasWords("🎉🎉") && !WordlessTexts.hasWords("・…「」"))
  }
}
