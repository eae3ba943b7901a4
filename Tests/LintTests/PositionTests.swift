import Testing

@testable import Lint

/// Positions must be where the writer sees the text in the file: after the front matter, on the
/// right line of a paragraph, counted in characters, and past any Markdown markup.
@Suite struct PositionTests {
  func at(_ body: String, offset: Int = 0) throws -> [String] {
    positions(try lint(body, rule: "lint.kanji-run", offset: offset))
  }

  @Test func frontMatterOffsetIsAdded() throws {
    #expect(try at("地域防災計画策定を進めます。", offset: 5) == ["6:1"])
  }

  @Test func secondLineOfAParagraph() throws {
    #expect(try at("一行目です。\n県の地域防災計画策定を進めます。") == ["2:3"])
  }

  @Test func japaneseColumnsCountCharactersNotBytes() throws {
    #expect(try at("県の地域防災計画策定") == ["1:3"])
    #expect(try at("県の地域防災計画策定。県の地域防災計画策定") == ["1:3", "1:14"])
  }

  @Test func markupBeforeTheTextIsSkipped() throws {
    #expect(try at("**重要**：地域防災計画策定を進めます。") == ["1:8"])
    #expect(try at("[県](a.md)の地域防災計画策定") == ["1:11"])
    #expect(try at("{避難|ひなん}の地域防災計画策定") == ["1:10"])
  }

  @Test func listsQuotesHeadingsAndTables() throws {
    #expect(try at("- 項目です。\n- 地域防災計画策定を進めます。") == ["2:3"])
    #expect(try at("> 一行目です。\n> 地域防災計画策定を進めます。") == ["2:3"])
    #expect(try at("## 地域防災計画策定") == ["1:4"])
    #expect(try at("| 項目 | 内容 |\n|---|---|\n| 地域防災計画策定 | はい |") == ["3:3"])
  }

  @Test func crlfLineEndings() throws {
    #expect(try at("一行目です。\r\n地域防災計画策定を進めます。") == ["2:1"])
  }

  @Test func linkAndImagePositionsIncludeTheOffset() throws {
    #expect(positions(try lint("[こちら](a.md)", rule: "lint.vague-link-text", offset: 3)) == ["4:1"])
    #expect(positions(try lint("\n![](a.png)", rule: "lint.image-alt", offset: 3)) == ["5:1"])
  }

  @Test func linksInTableCells() throws {
    let body = "| 項目 | 案内 |\n|---|---|\n| `ICT` | [こちら](x.md) |"
    #expect(positions(try lint(body, rule: "lint.vague-link-text")) == ["3:11"])
  }

  @Test func codeBlocksAreNotLinted() throws {
    #expect(try lint("```\n地域防災計画策定ｶﾀｶﾅ\n```").isEmpty)
  }

  @Test func aPlainPageHasNothingToReport() throws {
    let body = """
      ## なにが変わるか

      {避難|ひなん}の情報が早く届きます。AIを使います。

      - 12月5日（土）に説明会を開きます。
      - [申し込みの方法](../events/seminar.md)を読んでください。
      """
    #expect(try lint(body, glossary: ["AI"]).isEmpty)
  }
}
