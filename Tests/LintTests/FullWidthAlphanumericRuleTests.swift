import Diagnostics
import Testing

@testable import Lint

/// Letters and digits typed full width are warned once a run, with the signs between them, and
/// their half-width form is the hint and the fix.
@Suite struct FullWidthAlphanumericRuleTests {
  let rule = "lint.fullwidth-alphanumeric"

  @Test func eachRunIsWarnedWithItsHalfWidthForm() throws {
    let found = try lint(
      "２０２６年１２月に、ＤＸの会を開きます。\n\n電話：０４３－２２３－２２２２、１．５倍、１０：００から\n", rule: rule)
    #expect(positions(found) == ["1:1", "1:6", "1:11", "3:4", "3:17", "3:22"])
    #expect(
      found.flatMap(\.fixes).map(\.replacement) == [
        "2026", "12", "DX", "043-223-2222", "1.5", "10:00",
      ])
    #expect(found[3].hint?.contains("「043-223-2222」") == true)
    #expect(found[2].message.contains("「ＤＸ」"))
  }

  @Test func aSignOnlyJoinsTwoOfThem() throws {
    // The 。 and the － after the last digit, and a sign before the first, are not the number's.
    let found = try lint("－１２３－です。ＡＢ／。\n", rule: rule)
    #expect(found.flatMap(\.fixes).map(\.expected) == ["１２３", "ＡＢ"])
  }

  @Test func halfWidthCodeAndOtherFullWidthSignsAreLeftAlone() throws {
    for body in [
      "2026年12月に、DXの会を開きます。\n",
      "`ＤＸ` と書きます。\n",
      "```\nＤＸ２０２６\n```\n",
      "（　）「」！？、。\n",
    ] {
      #expect(try lint(body, rule: rule).isEmpty, "\(body.debugDescription)")
    }
  }

  @Test func tablesHeadingsAndSummariesAreRead() throws {
    let found = try lint("## ２０２６年\n\n| 日 | 時 |\n|---|---|\n| ５日 | １３時 |\n", rule: rule)
    #expect(positions(found) == ["1:4", "5:3", "5:8"])
    let summary = Linter.lintFrontMatter(
      file: "a.md", frontMatter: "summary: ＤＸを進めます。\n", firstLine: 2,
      context: LintContext(glossaryNames: [])
    ).filter { $0.code == rule }
    #expect(positions(summary) == ["2:10"])
  }

  @Test func itCanBeTurnedOff() throws {
    #expect(try lint("ＤＸです。\n", rule: rule, settings: [rule: "off"]).isEmpty)
  }
}
