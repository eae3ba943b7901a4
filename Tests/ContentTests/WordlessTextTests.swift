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

/// A value wrapped whole in curly quotes (Word's autocorrect of `"…"`) is warned at the value:
/// the page showed the quotes in its heading, tab and lists.
@Suite struct SmartQuoteTests {
  @Test func aValueInCurlyQuotesIsWarned() throws {
    func found(_ line: String, kind: ContentKind = .initiative) throws -> [String] {
      let front =
        kind == .glossary
        ? "term: 窓口\nreading: まどぐち\n\(line)\n" : "\(line)\nsummary: 窓口を開きます。\nfields: [f]\n"
      return try parseFile("---\n\(front)---\n", kind: kind).1.map {
        "\($0.location.line):\($0.location.column) \($0.code ?? "") \($0.hint ?? "")"
      }
    }
    #expect(
      try found("title: “デジタル技術の活用”") == [
        "2:8 front-matter.smart-quotes write it without them: `title: デジタル技術の活用`"
      ])
    // Two right quotes, the full-width ＂ of the Japanese input; with a `: ` inside, the line
    // given is in straight quotes (without them it is YAML's error, whose hint gave the curly
    // quotes back).
    #expect(try found("title: ”デジタル”").count == 1)
    #expect(
      try found("title: ＂#1 デジタル＂") == [
        "2:8 front-matter.smart-quotes write it without them: `title: \"#1 デジタル\"`"
      ])
    #expect(
      try found("title: “注意: 予約が必要です”").map {
        $0.components(separatedBy: " ").dropFirst(2).joined(separator: " ")
      }
        == ["put the whole value in quotes: `title: \"注意: 予約が必要です\"`"])
    #expect(try found("short: ‘受け付ける所’です", kind: .glossary).isEmpty)
    #expect(try found("short: ‘受け付ける所’", kind: .glossary).count == 1)
    // Quotations inside, straight quotes, 「」: none.
    for line in ["title: “A” と “B”", "title: \"デジタル\"", "title: 「デジタル」の活用"] {
      #expect(try found(line).isEmpty, "\(line)")
    }
    let japanese = try parseFile(
      "---\ntitle: “窓口”\nsummary: 窓口を開きます。\nfields: [f]\n---\n", kind: .initiative
    ).1
    expectJapanese(japanese)
  }
}
