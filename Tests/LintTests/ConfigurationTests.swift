import Testing

@testable import Lint

@Suite struct ConfigurationTests {
  @Test func defaultsRunEveryRule() {
    for rule in Linter.rules { #expect(LintConfiguration.default.isEnabled(rule.id)) }
    #expect(LintConfiguration.default.threshold(for: "lint.sentence-length") == 60)
    #expect(LintConfiguration.default.threshold(for: "lint.comma-count") == 3)
    #expect(LintConfiguration.default.threshold(for: "lint.kanji-run") == 6)
    #expect(LintConfiguration.default.threshold(for: "lint.kanji-ratio") == 40)
    #expect(LintConfiguration.default.threshold(for: "lint.double-negative") == nil)
  }

  @Test func numbersOffOnAndShortIds() throws {
    let c = try LintConfiguration(settings: [
      "lint.sentence-length": "70", "kanji-ratio": "45%", "lint.mixed-style": "off",
      "lint.kanji-run": "on",
    ])
    #expect(c.threshold(for: "lint.sentence-length") == 70)
    #expect(c.threshold(for: "lint.kanji-ratio") == 45)
    #expect(!c.isEnabled("lint.mixed-style"))
    #expect(c.threshold(for: "lint.kanji-run") == 6)
  }

  @Test func unknownIdIsAnErrorWithASuggestion() throws {
    let error = try #require(
      throws: LintConfigurationError.self,
      performing: { try LintConfiguration(settings: ["lint.sentence-lenght": "70"]) })
    #expect(error.problems.count == 1)
    #expect(error.problems[0].key == "lint.sentence-lenght")
    #expect(error.problems[0].hint.contains("did you mean `lint.sentence-length`?"))
  }

  @Test func badValuesAreErrorsAndTheRestStillApplies() throws {
    let error = try #require(
      throws: LintConfigurationError.self,
      performing: {
        try LintConfiguration(settings: [
          "lint.kanji-ratio": "400", "lint.double-negative": "3", "lint.comma-count": "abc",
          "lint.sentence-length": "80",
        ])
      })
    #expect(
      Set(error.problems.map(\.key)) == [
        "lint.kanji-ratio", "lint.double-negative", "lint.comma-count",
      ])
    #expect(error.configuration.threshold(for: "lint.sentence-length") == 80)
    let diagnostics = error.diagnostics(file: "content/site.yml") {
      $0 == "lint.kanji-ratio" ? 7 : nil
    }
    #expect(diagnostics.allSatisfy { $0.severity == .error && $0.code == "lint.configuration" })
    #expect(diagnostics.contains { $0.location.line == 7 })
  }

  @Test func everyRuleIsListedWithADescription() {
    let ids = Linter.rules.map(\.id)
    #expect(Set(ids).count == ids.count)
    #expect(ids.count == 40)
    #expect(Linter.rules.allSatisfy { $0.id.hasPrefix("lint.") && !$0.summary.isEmpty })
    #expect(
      Linter.rules.allSatisfy { ($0.defaultThreshold == nil) == ($0.thresholdMeaning == nil) })
  }

  /// `portal lint --list-rules` on a computer set to Japanese shows each rule in Japanese: a
  /// summary of its own (not the English copied), and the threshold's meaning.
  @Test func everyRuleHasAJapaneseSummary() {
    func hasJapanese(_ text: String) -> Bool {
      text.unicodeScalars.contains {
        (0x3040...0x30FF).contains($0.value) || (0x4E00...0x9FFF).contains($0.value)
      }
    }
    for rule in Linter.rules {
      #expect(!rule.japaneseSummary.isEmpty, "\(rule.id)")
      #expect(hasJapanese(rule.japaneseSummary), "\(rule.id): \(rule.japaneseSummary)")
      #expect(rule.japaneseSummary != rule.summary, "\(rule.id)")
      #expect(!rule.japaneseSummary.contains("\n"), "\(rule.id)")
      #expect(
        (rule.thresholdMeaning == nil) == (rule.japaneseThresholdMeaning == nil), "\(rule.id)")
      if let meaning = rule.japaneseThresholdMeaning {
        #expect(hasJapanese(meaning), "\(rule.id): \(meaning)")
      }
    }
    #expect(Set(Linter.rules.map(\.japaneseSummary)).count == Linter.rules.count)
  }

  @Test func warningsOnlyAndSorted() throws {
    let found = try lint("ｶﾀｶﾅです。\n\n地域防災計画策定を進めます。")
    #expect(found.allSatisfy { $0.severity == .warning })
    #expect(found == found.sorted)
  }
}
