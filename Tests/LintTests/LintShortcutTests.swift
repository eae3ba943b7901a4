import Content
import Diagnostics
import Foundation
import Testing

@testable import Lint

/// The shortcuts of the fourth round of `portal lint` at 10,000 pages (docs/speed-history.md): each
/// against the slower way it replaces, which gave the same output.
@Suite struct LintShortcutTests {
  /// The front matter's YAML read once for the linted values and the offline rule's gives
  /// the values that reading it for each set gives, on random front matters.
  @Test func frontMatterValuesReadOnceAsEachSetReadsThem() {
    var generator = SystemRandomNumberGenerator()
    let pieces = [
      "title: 教室\n", "summary: 説明です。\n", "summary: >\n  長い\n  説明です。\n",
      "registration: https://example.jp/apply\n", "phone: 099-000-0000\n", "fax: ''\n",
      "application: \"電話で申し込めます。\"\n", "place: 公民館\n", "access: |\n  バスで\n  行けます。\n",
      "accessibility:\n  - 車いす\n  - 手話\n", "links:\n  - title: 資料\n    url: /a\n",
      "short: ＤＸのこと\n", "fee: 無料\n", "term: 用語\n", "other: 値\n", "title: 教室\n",
    ]
    for _ in 0..<500 {
      let yaml = randomText(of: pieces, maxPieces: 8, using: &generator)
      let (offline, linted) = FrontMatterText.values(in: yaml)
      #expect(
        offline() == FrontMatterValues.values(in: yaml, keys: OfflineApplicationRule.keys),
        "\(yaml)")
      #expect(
        linted == FrontMatterValues.values(in: yaml, keys: FrontMatterText.lintedKeys), "\(yaml)")
    }
  }

  /// An alias is its anchor's node, and values keeps one value per place: read together with
  /// the summary, a `registration` aliasing it was lost, and so was the offline warning.
  @Test func anAliasedRegistrationIsStillRead() {
    let yaml = "summary: &a https://example.jp/apply\nregistration: *a\n"
    let found = Linter.lintFrontMatter(
      file: "a.md", frontMatter: yaml, firstLine: 2, context: LintContext())
    #expect(found.map(\.code).contains("lint.offline-application"))
    let merged = FrontMatterValues.values(
      in: yaml, keys: FrontMatterText.lintedKeys.union(OfflineApplicationRule.keys))
    #expect(!merged.contains { $0.key == "registration" })
  }

  /// A line made characters once and kept is what making it each time gives.
  @Test func sourceLinesKeptAreTheLinesMade() {
    var generator = SystemRandomNumberGenerator()
    let pieces = ["か", "\u{3099}", "e\u{301}", "👩‍👩‍👧", "🇯🇵", "ＡＢ", "\r", "\n", "\r\n", " ", "`", "漢字"]
    for _ in 0..<300 {
      let body = randomText(of: pieces, maxPieces: 30, using: &generator)
      let source = SourceText(file: "a.md", body: body, lineOffset: 0)
      for round in 0..<2 {
        for i in (0..<source.lineCount).shuffled(using: &generator) {
          let made = LintCharacter.array(source.lineTexts[i])
          let kept = source.line(i)
          #expect(
            kept.map(\.character) == made.map(\.character) && kept.map(\.key) == made.map(\.key),
            "round \(round), line \(i) of \(body.debugDescription)")
        }
      }
    }
  }

  /// A heading's closing `#`s are taken off as the regular expression takes them off, which
  /// now runs only on a title holding a `#`: `$` matches before a last line break too.
  @Test func closingSequencesAsTheRegularExpressionFindsThem() {
    var generator = SystemRandomNumberGenerator()
    let pieces = [
      "#", "##", " ", "\t", "　", "見出し", "C#", "\r", "\u{2028}", "\u{85}", "a", "\u{301}",
    ]
    for _ in 0..<2000 {
      let line = "## " + randomText(of: pieces, maxPieces: 8, using: &generator)
      let source = SourceText(file: "a.md", body: line, lineOffset: 0)
      let found = HeadingLevelRule().atxHeading(source, line: 1)
      var title = String(line.dropFirst(2)).trimmingCharacters(in: .whitespaces)
      if let closing = title.range(of: #"\s+#+$"#, options: .regularExpression) {
        title.removeSubrange(closing)
      }
      #expect(found?.2 == title, "\(line.debugDescription)")
    }
  }

  /// The adverbs and 我が are looked up only after に, も or が, and a が written as か and a
  /// combining voicing mark is still が: decomposed texts warn where the precomposed ones do.
  @Test func particleWordsFoundWrittenEitherWay() throws {
    var generator = SystemRandomNumberGenerator()
    let pieces = ["特に", "我が", "町が", "市で", "県を", "日に", "最も", "には", "より", "国へ", "、", "。", "ア", "山は"]
    for _ in 0..<300 {
      let text = randomText(of: pieces, maxPieces: 12, using: &generator)
      let decomposed = text.replacingOccurrences(of: "が", with: "か\u{3099}")
      let composed = try lint(text, rule: "lint.doubled-particle")
      let written = try lint(decomposed, rule: "lint.doubled-particle")
      #expect(positions(composed) == positions(written), "\(text)")
      #expect(
        composed.map(\.message) == written.map { $0.message.precomposedStringWithCanonicalMapping },
        "\(text)")
    }
  }
}
