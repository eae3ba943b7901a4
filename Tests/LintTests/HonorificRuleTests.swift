import Testing

@testable import Lint

/// Honorific language gets the plain です・ます to write instead, at each use; the same
/// characters inside other words (一致します, ありがとうございます, バスがとおります), a
/// quotation and code pass.
@Suite struct HonorificRuleTests {
  func found(_ body: String) throws -> [String] {
    try lint(body, rule: "lint.honorific").map {
      "\($0.location.line):\($0.location.column) \($0.message.prefix { $0 != " " })"
    }
  }

  @Test func aHonorificWarnsWithThePlainWords() throws {
    let d = try #require(try lint("説明会をご案内させていただきます。", rule: "lint.honorific").first)
    #expect(positions([d]) == ["1:8"])
    #expect(
      d.message == "「させていただく」 is honorific language (敬語), which many residents find hard to follow")
    #expect(d.hint == "write it with plain です・ます (「〜します」): 「案内させていただきます」 → 「案内します」")
    #expect(d.japanese?.message == "「させていただく」は敬語です。日本語を学んでいる人や子どもには、わかりにくい言い方です")
    #expect(d.japanese?.hint == "です・ますで書いてください（「〜します」。例：「案内させていただきます」→「案内します」）")
  }

  /// Each use is a place to rewrite: every one is reported, the longest form at a place.
  @Test func everyUseIsReported() throws {
    #expect(
      try found("ご参加をお待ちしております。受付は9時からとなっております。\n\n担当者がおります。")
        == ["1:9 「ております」", "1:22 「となっております」", "3:5 「おります」"])
    #expect(
      try found("駐車場はございません。会場は県庁でございます。資料をご覧ください。")
        == ["1:5 「ございます」", "1:17 「でございます」", "1:27 「ご覧」"])
    #expect(
      try found("取組を進めてまいります。お願い申し上げます。お知らせいたします。")
        == ["1:7 「まいります」", "1:16 「申し上げる」", "1:27 「いたします」"])
    #expect(
      try found("ご協力いただけますようお願いします。駐車はご遠慮ください。ご存じですか。")
        == ["1:4 「いただけますよう」", "1:22 「ご遠慮ください」", "1:31 「存じる」"])
    #expect(try found("会場にいらっしゃる方は、電車でお越しください。") == ["1:4 「いらっしゃる」", "1:16 「お越し」"])
    #expect(try found("研究を進めており、成果も出ています。") == ["1:6 「〜ており、」"])
  }

  @Test func theSameCharactersInOtherWordsPass() throws {
    #expect(try found("意見が一致しました。ありがとうございます。おはようございます。").isEmpty)
    #expect(try found("バスがとおります。山をおりました。私が参ります。").isEmpty)
    #expect(try found("説明会で案内します。待っています。受付は9時からです。").isEmpty)
    // The kanji spelling of いたします counts; 誘致します does not.
    #expect(try found("お願い致します。企業を誘致します。") == ["1:4 「いたします」"])
  }

  @Test func quotationsAndCodePass() throws {
    #expect(try found("「お待ちしております」とは書きません。").isEmpty)
    #expect(try found("`ご覧ください` と書きます。").isEmpty)
    // A quotation closed before it does not cover it.
    #expect(try found("「案内」をご覧ください。") == ["1:6 「ご覧」"])
  }

  @Test func theRuleCanBeTurnedOff() throws {
    #expect(
      try lint("ご覧ください。", rule: "lint.honorific", settings: ["lint.honorific": "off"]).isEmpty)
  }
}
