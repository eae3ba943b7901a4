import Testing

@testable import Lint

@Suite struct LoanwordRuleTests {
  @Test func unexplainedKatakanaWordWarns() throws {
    let found = try lint("県のアクセシビリティを高めます。", rule: "lint.katakana-word")
    #expect(positions(found) == ["1:3"])
    #expect(found.first?.message.contains("「アクセシビリティ」") == true)
  }

  @Test func lengthThreshold() throws {
    #expect(try lint("データを使います。", rule: "lint.katakana-word").isEmpty)
    #expect(
      try lint("データを使います。", rule: "lint.katakana-word", settings: ["lint.katakana-word": "3"]).count
        == 1)
    #expect(try lint("ーーーーー", rule: "lint.katakana-word").isEmpty)
  }

  @Test func glossaryTermsAndAliasesPass() throws {
    #expect(try lint("アクセシビリティを高めます。", rule: "lint.katakana-word", glossary: ["アクセシビリティ"]).isEmpty)
    let joined = "デジタル・トランスフォーメーションを進めます。"
    #expect(try lint(joined, rule: "lint.katakana-word").count == 1)
    #expect(try lint(joined, rule: "lint.katakana-word", glossary: ["デジタル・トランスフォーメーション"]).isEmpty)
  }

  @Test func explainedWordsPass() throws {
    #expect(try lint("アクセシビリティ（使いやすさ）を高めます。", rule: "lint.katakana-word").isEmpty)
    #expect(try lint("使いやすさ（アクセシビリティ）を高めます。", rule: "lint.katakana-word").isEmpty)
    #expect(try lint("{アクセシビリティ|つかいやすさ}を高めます。", rule: "lint.katakana-word").isEmpty)
    #expect(try lint("インターネットで申し込みます。", rule: "lint.katakana-word").isEmpty)
    #expect(try lint("電話かファクスで申し込みます。", rule: "lint.katakana-word").isEmpty)
  }

  @Test func aWordIsReportedOncePerPageAndPassesAfterItsExplanation() throws {
    #expect(try lint("アクセシビリティです。\n\nアクセシビリティです。", rule: "lint.katakana-word").count == 1)
    let explained = "アクセシビリティ（使いやすさ）を高めます。\n\nアクセシビリティは大切です。"
    #expect(try lint(explained, rule: "lint.katakana-word").isEmpty)
  }

  @Test func unexplainedAcronymWarns() throws {
    #expect(positions(try lint("ICTを使います。", rule: "lint.acronym")) == ["1:1"])
    #expect(try lint("IoTを使います。", rule: "lint.acronym").count == 1)
    #expect(try lint("ITを使います。", rule: "lint.acronym", settings: ["lint.acronym": "3"]).isEmpty)
  }

  @Test func explainedOrKnownAcronymsPass() throws {
    #expect(try lint("ICTを使います。", rule: "lint.acronym", glossary: ["ICT"]).isEmpty)
    // In full-width letters it is the same term (the build links it too).
    #expect(try lint("ＩＣＴを使います。", rule: "lint.acronym", glossary: ["ICT"]).isEmpty)
    #expect(try lint("情報通信技術（ICT）を使います。", rule: "lint.acronym").isEmpty)
    #expect(try lint("ICT（情報通信技術）を使います。", rule: "lint.acronym").isEmpty)
    #expect(try lint("PDFで配ります。", rule: "lint.acronym").isEmpty)
    #expect(try lint("`ICT` と書きます。", rule: "lint.acronym").isEmpty)
    #expect(try lint("https://EXAMPLE.JP/ABC を見ます。", rule: "lint.acronym").isEmpty)
    #expect(try lint("窓口はINFO@EXAMPLE.JPです。", rule: "lint.acronym").isEmpty)
  }

  @Test func glossaryNamesMatchWholeLatinWords() throws {
    let found = try lint("AIとMAILです。", rule: "lint.acronym", glossary: ["AI"])
    #expect(positions(found) == ["1:4"])
  }

  /// ※ marks a glossary term: after a word that is none (a typo), nothing explains it.
  @Test func aGlossaryMarkAfterAnUnknownWordWarns() throws {
    let glossary: Set<String> = ["デジタルデバイド", "テレワーク", "DX"]
    let found = try lint(
      "デジタルデバイト※をなくし、テレワーク※とDX※とＤＸ※を進めます。\n\n※詳しくは窓口へ。注意 ※ 書き方。新語※",
      rule: "lint.glossary-mark", glossary: glossary)
    #expect(positions(found) == ["1:9", "3:21"])
    #expect(
      found.first?.message == "「※」 marks a glossary term, but no glossary term ends before it")
    #expect(found.first?.hint?.hasPrefix("did you mean 「デジタルデバイド」?") == true)
    #expect(found.last?.hint?.hasPrefix("did you mean") == false)
  }
}
