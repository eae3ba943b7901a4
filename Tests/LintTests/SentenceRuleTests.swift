import Testing

@testable import Lint

@Suite struct SentenceRuleTests {
  let long = String(repeating: "あ", count: 70) + "。"

  @Test func shortSentencePasses() throws {
    #expect(try lint("短い文です。", rule: "lint.sentence-length").isEmpty)
  }

  @Test func longSentenceIsReportedAtItsStart() throws {
    let found = try lint("短い文です。" + long, rule: "lint.sentence-length")
    #expect(positions(found) == ["1:7"])
    #expect(found.first?.message == "this sentence has 71 characters (the limit is 60)")
    #expect(found.first?.hint?.isEmpty == false)
  }

  @Test func thresholdAndOffComeFromSettings() throws {
    #expect(
      try lint(long, rule: "lint.sentence-length", settings: ["lint.sentence-length": "80"]).isEmpty
    )
    #expect(
      try lint(long, rule: "lint.sentence-length", settings: ["lint.sentence-length": "off"])
        .isEmpty)
    #expect(
      try lint(long, rule: "lint.sentence-length", settings: ["sentence-length": "50"]).count == 1)
  }

  @Test func aWrappedSentenceIsOneSentence() throws {
    let body = String(repeating: "あ", count: 40) + "\n" + String(repeating: "い", count: 30) + "。"
    let found = try lint(body, rule: "lint.sentence-length")
    #expect(positions(found) == ["1:1"])
    #expect(found.first?.message.contains("71 characters") == true)
  }

  @Test func eachListItemIsASentence() throws {
    let item = String(repeating: "あ", count: 50)
    #expect(try lint("- \(item)\n- \(item)", rule: "lint.sentence-length").isEmpty)
  }

  @Test func rubyCountsAsItsBase() throws {
    let body = String(repeating: "{漢|かん}", count: 30) + "。"
    #expect(try lint(body, rule: "lint.sentence-length").isEmpty)
  }

  @Test func closingBracketStaysWithItsSentence() {
    let text = LintCharacter.array("「はい。」と言います。")
    #expect(LintBlock.splitSentences(text) == [0..<5, 5..<11])
  }

  /// Lines kept apart by a hard break (`\` or two spaces at the end) are read one by one: a
  /// contact block is no 90-character sentence. Lines joined by a soft break stay one sentence.
  @Test func aHardLineBreakEndsASentence() throws {
    let lines = [
      "千葉県総務部デジタル改革推進局デジタル戦略課（県庁中庁舎5階）", "電話：043-223-2222（平日の午前9時から午後5時まで）",
      "メール：dx-portal@pref.chiba.lg.jp",
    ]
    #expect(try lint(lines.joined(separator: "\\\n"), rule: "lint.sentence-length").isEmpty)
    #expect(try lint(lines.joined(separator: "  \n"), rule: "lint.sentence-length").isEmpty)
    let soft = try lint(lines.joined(separator: "\n"), rule: "lint.sentence-length")
    #expect(positions(soft) == ["1:1"])
    // The sentence before the break ends there; one after it starts on the next line.
    let found = try lint(
      "短い行です\\\n" + String(repeating: "あ", count: 70) + "。", rule: "lint.sentence-length")
    #expect(positions(found) == ["2:1"])
  }

  @Test func fourCommasAreReportedAtTheFourth() throws {
    #expect(try lint("あ、い、う、え。", rule: "lint.comma-count").isEmpty)
    let found = try lint("あ、い、う、え、お。", rule: "lint.comma-count")
    #expect(positions(found) == ["1:8"])
    #expect(
      try lint("あ、い、う、え、お。", rule: "lint.comma-count", settings: ["lint.comma-count": "4"]).isEmpty)
  }

  @Test func asciiCommasInNumbersAreNotTouten() throws {
    #expect(try lint("1,000円、2,000円、3,000円、4,000円です。", rule: "lint.comma-count").isEmpty)
  }
}
