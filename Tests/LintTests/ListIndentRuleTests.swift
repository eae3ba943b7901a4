import Diagnostics
import Markdown
import Testing

@testable import Lint

/// A list item indented under another by less than the item's text starts at: shown as a list
/// of its own (or beside the item), not under it, as CommonMark reads it.
@Suite struct ListIndentRuleTests {
  let rule = "lint.list-indent"

  /// What cmark-gfm makes of the body: the test's reading of "nested" is the parser's.
  func html(_ body: String) -> String { MarkdownDocument(body).renderHTML() }

  @Test func aSubListIndentedTooLittleIsReportedAndFixed() throws {
    let body = "手順です。\n\n1. 申込書を書きます。\n  - 名前を書きます。\n    続きの行です。\n  - 住所を書きます。\n2. 窓口に出します。\n"
    // As the parser reads it: the numbered list broken in two, the bullets outside it.
    #expect(html(body).contains("</ol>\n<ul>"))
    let found = try lint(body, rule: rule)
    #expect(positions(found) == ["4:3"])
    let d = try #require(found.first)
    #expect(d.message.contains("as a list of its own"))
    #expect(d.hint?.contains("indent it by 3 spaces (1 more)") == true)
    #expect(d.japanese?.message.contains("別の箇条書き") == true)
    // The whole sub-list moves in by one space, its continuation line too, and then nests.
    let fixed = FixApplier.apply([d.fixes], to: body).text
    #expect(
      fixed
        == "手順です。\n\n1. 申込書を書きます。\n   - 名前を書きます。\n     続きの行です。\n   - 住所を書きます。\n2. 窓口に出します。\n"
    )
    #expect(html(fixed).contains("<li>申込書を書きます。\n<ul>"))
    #expect(try lint(fixed, rule: rule).isEmpty)
    // After `10. ` the text starts 4 in.
    let ten = try lint("10. 項目です。\n   - 下の項目です。\n", rule: rule)
    #expect(positions(ten) == ["2:4"] && ten[0].hint?.contains("by 4 spaces") == true)
  }

  /// Under a bullet, one space more is as likely a slip beside it: reported, not fixed.
  @Test func oneSpaceUnderABulletIsReportedWithoutAFix() throws {
    let found = try lint("- 筆記用具\n - 鉛筆\n- 上履き\n", rule: rule)
    #expect(positions(found) == ["2:2"])
    #expect(found[0].message.contains("beside that item") && found[0].fixes.isEmpty)
  }

  @Test func nestedListsAndOtherIndentsAreLeftAlone() throws {
    for body in [
      "1. 項目です。\n   - 正しく入っています。\n     - さらに下です。\n2. 次です。\n",
      "- 項目です。\n  - 正しく入っています。\n",
      "1. 項目です。\n\n2. 空行をはさんだ次の項目です。\n",
      "- 項目です。\n\n段落です。\n - 字下げした一つめの項目です。\n",
      "```\n1. コード\n  - コード\n```\n",
      "> 1. 引用です。\n>   - 引用です。\n",
      "- 項目です。\n  - - -\n",
      "1. 項目です。\n  続きの行です。\n",
    ] {
      #expect(try lint(body, rule: rule).isEmpty, "\(body)")
    }
  }
}

/// A list item whose text starts with a pasted bullet of its own: two marks on the page.
@Suite struct DoubleBulletRuleTests {
  @Test func aPastedBulletAfterTheMarkIsReportedAndTakenOut() throws {
    let body = "持ち物です。\n\n- ・筆記用具\n- ▶ 上履き\n1. ● 受付をします。\n- 筆記用具・上履き\n"
    let found = try lint(body, rule: "lint.double-bullet")
    #expect(positions(found) == ["3:3", "4:3", "5:4"])
    #expect(found[0].message.contains("「・」"))
    #expect(
      FixApplier.apply(found.map(\.fixes), to: body).text
        == "持ち物です。\n\n- 筆記用具\n- 上履き\n1. 受付をします。\n- 筆記用具・上履き\n")
    // A mark alone, code and a bullet in the middle of the text are left as they are.
    for text in ["- ・\n", "```\n- ・コード\n```\n", "- 筆記用具・上履き\n", "・筆記用具\n"] {
      #expect(try lint(text, rule: "lint.double-bullet").isEmpty, "\(text)")
    }
  }
}
