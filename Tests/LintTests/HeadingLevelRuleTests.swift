import Diagnostics
import Testing

@testable import Lint

/// `lint.heading-level`: a `#` heading in a body (a second title) and a level skipped, which
/// only `portal check` reported, on the built HTML.
@Suite struct HeadingLevelRuleTests {
  @Test func aSecondTitleAndASkippedLevelWarn() throws {
    let body = "## なにをするか\n\n説明です。\n\n#### 細かいこと\n\n説明です。\n\n# 付録\n\n説明です。\n"
    let found = try lint(body, rule: "lint.heading-level", offset: 8)
    #expect(positions(found) == ["13:1", "17:1"])
    #expect(found[0].message == "`####` skips a level: the heading above it is `##`")
    #expect(found[0].hint?.hasPrefix("write `### 細かいこと`;") == true)
    #expect(found[1].hint == "start the body's headings with `##`: `## 付録`")
    #expect(
      found[1].localized(.japanese).hint == "本文の見出しは `##` から始めます：`## 付録`")
  }

  /// Under a heading written `#` (reported, to be `##`), a skip is told from what the hint
  /// made of it, and says what was written.
  @Test func aSkipUnderATitleSizedHeadingSaysWhatWasWritten() throws {
    let found = try lint("# 大見出し\n\n本文です。\n\n#### 小見出し\n", rule: "lint.heading-level")
    #expect(positions(found) == ["1:1", "5:1"])
    #expect(
      found[1].message == "`####` skips a level: the heading above it, written `#`, is to be `##`")
    #expect(found[1].hint?.hasPrefix("write `### 小見出し`;") == true)
    #expect(found[1].localized(.japanese).message.hasPrefix("見出しの段が飛んでいます。上の見出しは `#` で"))
  }

  @Test func aBodyStartingBelowTheTitleLevelWarnsOnce() throws {
    let found = try lint("### 一つ目\n\n説明です。\n\n### 二つ目\n\n説明です。\n", rule: "lint.heading-level")
    #expect(positions(found) == ["1:1"])
    #expect(
      found.first?.message
        == "`###` skips a level: the body's headings start at `##`, under the page's title")
    #expect(found.first?.hint?.hasPrefix("write `## 一つ目`") == true)
  }

  /// Going back up any number of levels, and headings in order, pass; so does a `#` inside a
  /// code block or a quotation, which the line does not show as a heading of the page.
  @Test func headingsInOrderPass() throws {
    let body = """
      ## なにをするか

      ### 一つ目

      #### 細かいこと

      説明です。

      ## なにが変わるか ##

      説明です。

      ```
      # コメント
      ```

      > ### 引用の見出し
      """
    #expect(try lint(body, rule: "lint.heading-level").isEmpty)
  }
}
