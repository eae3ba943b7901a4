import Diagnostics
import Testing

@testable import Lint

/// A full-width space at the start of a line of text (the indent of print) is warned where it is
/// written, in any block that holds a paragraph or heading, and only there.
@Suite struct FullWidthIndentRuleTests {
  let rule = "lint.fullwidth-indent"

  @Test func everyLineStartedWithOneIsWarned() throws {
    let body = """
      　県は、取組を進めます。
      　また、次のこともします。

      ## 　見出し

      - 　項目です。

      > 　　引用です。

      1. 一つ目です。
         　続きです。
      """
    let found = try lint(body, rule: rule)
    #expect(positions(found) == ["1:1", "2:1", "4:4", "6:3", "8:3", "11:4"])
    // A run is one warning, taken out whole.
    #expect(found[4].fixes.map(\.expected) == ["　　"])
    #expect(found.allSatisfy { $0.fixes.map(\.replacement) == [""] })
    #expect(found[0].message.contains("the indent of print"))
  }

  @Test func aLineOfASpaceAloneIsNoEmptyLine() throws {
    let found = try lint("一つ目の段落です。\n　\n二つ目の段落です。\n", rule: rule)
    #expect(positions(found) == ["2:1"])
    #expect(found[0].message.contains("is not an empty line"))
  }

  @Test func spacesInsideALineCodeAndCellsAreLeftAlone() throws {
    for body in [
      "県の　取組です。\n",  // between words: a writer's choice
      "```\n　字下げしたコード\n```\n",
      "| 日時 | 場所 |\n|---|---|\n|　5日|　県庁|\n",
      " 県の取組です。\n",  // half-width: Markdown takes it away itself
      "`　code`です。\n",
    ] {
      #expect(try lint(body, rule: rule).isEmpty, "\(body.debugDescription)")
    }
  }

  @Test func aSummaryIsWarnedAtItsValue() {
    let found = Linter.lintFrontMatter(
      file: "a.md", frontMatter: "summary: 　県の取組です。\n", firstLine: 2,
      context: LintContext(glossaryNames: [])
    ).filter { $0.code == rule }
    #expect(positions(found) == ["2:10"])
  }

  @Test func itCanBeTurnedOff() throws {
    #expect(try lint("　県の取組です。\n", rule: rule, settings: [rule: "off"]).isEmpty)
  }
}
