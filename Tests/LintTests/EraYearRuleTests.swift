import Testing

@testable import Lint

/// An era year gets its Western year (in the hint, and written by `--fix`) unless one stands
/// beside it; an era year that never was is reported without a fix; a date keeps its weekday
/// check with the year in brackets between.
@Suite struct EraYearRuleTests {
  func found(_ body: String) throws -> [String] {
    try lint(body, rule: "lint.era-year").map {
      "\($0.location.line):\($0.location.column) \($0.hint ?? "")"
    }
  }

  @Test func anEraYearWarnsWithItsWesternYear() throws {
    let d = try #require(try lint("令和8年度から始めます。", rule: "lint.era-year").first)
    #expect(positions([d]) == ["1:1"])
    #expect(
      d.message
        == "「令和8年度」 is an era year without the Western year: many residents do not count in eras")
    #expect(d.hint == "write the Western year beside it: 令和8年度（2026年度）")
    #expect(d.japanese?.message == "「令和8年度」に西暦が書かれていません。和暦では何年のことかわからない人がいます")
    #expect(d.japanese?.hint == "かっこで西暦を書き添えてください：令和8年度（2026年度）")
    #expect(
      try found("令和元年に始まり、平成30年、昭和64年、大正15年、明治45年、令和１２年です。") == [
        "1:1 write the Western year beside it: 令和元年（2019年）",
        "1:10 write the Western year beside it: 平成30年（2018年）",
        "1:16 write the Western year beside it: 昭和64年（1989年）",
        "1:22 write the Western year beside it: 大正15年（1926年）",
        "1:28 write the Western year beside it: 明治45年（1912年）",
        "1:34 write the Western year beside it: 令和１２年（2030年）",
      ])
  }

  @Test func aWesternYearBesideItPasses() throws {
    for text in [
      "令和5年（2023年）3月です。", "2025年（令和7年）6月です。", "令和5年(2023年)です。",
      "令和5（2023）年です。", "2023年度（令和5年度）です。", "令和5年度（2023年度）です。",
      "令和8年 （西暦2026年）です。", "「令和6年度千葉県DX推進計画」を読みます。", "`令和6年` と書きます。",
      "令和の時代です。", "令和年間です。", "令和八年です。",
    ] {
      #expect(try found(text).isEmpty, "\(text)")
    }
  }

  @Test func anEraYearThatNeverWasIsReportedWithoutAFix() throws {
    let d = try #require(try lint("平成35年に終わります。", rule: "lint.era-year").first)
    #expect(d.message == "「平成35年」 is no year: 平成 ended with 平成31年 (2019年)")
    #expect(d.japanese?.message == "「平成35年」という年はありません。平成は31年（2019年）までです")
    #expect(d.fixes.isEmpty)
  }

  /// The date rule reads a date with the year in the other calendar in brackets between: its
  /// weekday is still checked, and `--fix` of both rules gives 令和8年（2026年）12月5日（土）.
  @Test func aDateKeepsItsYearWithTheBracketBetween() throws {
    let weekday = { (text: String) in try lint(text, rule: "lint.date-weekday").map(\.message) }
    #expect(try weekday("令和8年（2026年）12月10日（土）です。") == ["令和8年（2026年）12月10日 is a 木曜日, not 土曜日"])
    #expect(try weekday("2026年（令和8年）12月10日（土）です。") == ["2026年（令和8年）12月10日 is a 木曜日, not 土曜日"])
    #expect(try weekday("令和8年（2026年）12月10日（木）です。").isEmpty)
    let d = try #require(try lint("令和8年（2026年）12月10日に開きます。", rule: "lint.date-weekday").first)
    #expect(d.hint?.hasSuffix("令和8年（2026年）12月10日（木）") == true)
  }
}
