import Diagnostics
import Testing

@testable import Lint

/// Text the page loses or garbles without Markdown showing it: lines joined into one, cells a
/// table drops, a paragraph turned into code, a link with a space, footnotes.
@Suite struct LayoutSlipRuleTests {
  func found(_ body: String, _ rule: String, offset: Int = 0) throws -> [String] {
    try lint(body, rule: rule, offset: offset).map {
      "\($0.location.line):\($0.location.column) \($0.message)"
    }
  }

  @Test func linesMeantAsAListAreJoined() throws {
    let items = try lint("持ち物\n・筆記用具\n・上履き\n", rule: "lint.joined-lines", offset: 3)
    #expect(positions(items) == ["5:1"])
    #expect(
      items.first?.message
        == "a single line break does not start a new line: the page shows 「持ち物・筆記用具・上履き」 on one line"
    )
    #expect(items.first?.hint!.contains("`- 筆記用具`") == true)
    #expect(items.first?.hint!.contains("(持ち物\\)") == true)
    // List marks without their space print as typed (the break before `-` is a space).
    let marks = try lint("持ち物\n-筆記用具\n*名札\n", rule: "lint.joined-lines")
    #expect(positions(marks) == ["2:1"])
    #expect(marks.first?.message.contains("「持ち物 -筆記用具 *名札」") == true)
    let numbered = try lint("当日の流れ\n1.受付をします\n2.説明を聞きます", rule: "lint.joined-lines")
    #expect(positions(numbered) == ["2:1"])
    #expect(numbered.first?.hint!.contains("`1. 受付をします`") == true)
    #expect(positions(try lint("手順\n①受付\n②説明", rule: "lint.joined-lines")) == ["2:1"])
    #expect(try lint("持ち物\n+名札", rule: "lint.joined-lines").count == 1)
    #expect(try lint("手順\n3)説明", rule: "lint.joined-lines").count == 1)
  }

  @Test func contactLinesAreJoined() throws {
    let contact = try lint(
      "問い合わせ先\n\nデジタル改革推進局\n電話：043-223-2222\nファクス：043-222-5180\n", rule: "lint.joined-lines")
    #expect(positions(contact) == ["4:1"])
    #expect(contact.first?.message.contains("「デジタル改革推進局電話：043-223-2222 ファクス：") == true)
    #expect(contact.first?.hint!.hasPrefix("to keep each on a line of its own") == true)
    for label in ["FAX:043-222-5180", "メール：info@example.jp", "日時：12月5日（土）", "E-mail: a@b.jp"] {
      #expect(try lint("県庁\n\(label)", rule: "lint.joined-lines").count == 1, "\(label)")
    }
  }

  /// A full-width ￥ typed for the backslash of a line break is printed, and the lines joined.
  @Test func aFullWidthYenDoesNotBreakTheLine() throws {
    let found = try lint("𠮷田の持ち物￥\n筆記用具", rule: "lint.joined-lines")
    #expect(positions(found) == ["1:7"])
    #expect(found.first?.message.hasPrefix("「￥」 does not start a new line") == true)
    #expect(try lint("料金は`1,000￥`\n以下です。\n\n持ち物\\\n筆記用具", rule: "lint.joined-lines").isEmpty)
  }

  /// In a list item and after a non-BMP character: the place is the line's first character.
  @Test func placedInListItemsAndAfterWideCharacters() throws {
    #expect(try found("- 𠮷田さんの持ち物\n  ・筆記用具", "lint.joined-lines").map { $0.prefix(4) } == ["2:3 "])
    let quoted = try lint("> 𠮷野家の𠮷田\n> ・筆記用具", rule: "lint.joined-lines")
    #expect(positions(quoted) == ["2:3"])
    #expect(quoted.first?.message.contains("「𠮷野家の𠮷田・筆記用具」") == true)
  }

  @Test func listsBreaksNotesAndCodeAreNotJoinedLines() throws {
    let fine = [
      "持ち物\n\n- 筆記用具\n- 上履き",
      "持ち物\n- 筆記用具\n- 上履き",  // a list may start right under a paragraph
      "持ち物\\\n・筆記用具\\\n・上履き",  // hard breaks
      "持ち物  \n・筆記用具",
      "詳しくは窓口へ。\n※土日は休みです。",  // a ※ note reads well on the line
      "```\n持ち物\n・筆記用具\n```",
      "    持ち物\n    ・筆記用具",
      "| 持ち物 |\n|---|\n| ・筆記用具 |",
      "始まりは\n10:00です。", "詳しくは\nhttps://example.jp/a を見てください。",
      "気温は\n-1度です。", "昨年の\n1.5倍です。", "これは\n**大事**です。",
      "本文の\n`-x` です。", "・筆記用具だけで始まる1行",
    ]
    for body in fine {
      #expect(try lint(body, rule: "lint.joined-lines").isEmpty, "\(body)")
    }
    #expect(
      try lint(
        "持ち物\n<!-- lint-disable-line lint.joined-lines -->・筆記用具", rule: "lint.joined-lines"
      ).isEmpty)
  }

  @Test func aRowWithMoreCellsThanTheHeaderLosesThem() throws {
    let table = "| 日時 | 場所 |\n|---|---|\n| 12月5日（土） | 県庁 | 申込不要 |\n| 12月6日（日） | 市役所 |\n"
    let rows = try lint(table, rule: "lint.table-cells", offset: 4)
    #expect(positions(rows) == ["7:19"])
    #expect(
      rows.first?.message
        == "this row has 3 cells but the table has 2 columns: 「申込不要」 is left out of the page")
    #expect(rows.first?.hint!.contains("|---|---|---|") == true)
    let wide = "| 𠮷日 | 場所 |\n|---|---|\n| 𠮷田 | 県庁 | | 申込不要 | 先着 |"
    let found = try lint(wide, rule: "lint.table-cells")
    #expect(positions(found) == ["3:15"])
    #expect(found.first?.message.contains("「申込不要」「先着」") == true)
    #expect(positions(try lint("a | b\n--- | ---\nc | d | e", rule: "lint.table-cells")) == ["3:9"])
    #expect(
      positions(try lint("> | a | b |\n> |---|---|\n> | c | d | e |", rule: "lint.table-cells"))
        == ["3:13"])
  }

  @Test func aDelimiterRowThatDoesNotMatchMakesNoTable() throws {
    let body = "日程です。\n\n| 日時 | 場所 |\n|---|\n| 12月5日（土） | 県庁 |\n"
    let found = try lint(body, rule: "lint.table-cells", offset: 2)
    #expect(positions(found) == ["6:1"])
    #expect(
      found.first?.message.hasPrefix(
        "this is not a table: the header has 2 cells but the |---| row under it has 1") == true)
    #expect(
      found.first?.hint == "give the |---| row one `---` for each cell of the header: |---|---|")
    #expect(
      positions(try lint("| 𠮷 | 場所 | 費用 |\n  |---|---|", rule: "lint.table-cells")) == ["2:3"])
  }

  @Test func tablesThatKeepTheirCellsPass() throws {
    let fine = [
      "| 日時 | 場所 |\n|---|---|\n| 12月5日（土） | 県庁 |\n| 12月6日（日） |",  // fewer cells: empty ones
      "| 式 | 意味 |\n|---|---|\n| `a \\| b` | aかb |",  // an escaped bar
      "| a | b |\n|---|---|\n| c | d | |",  // an empty cell more: nothing is lost
      "```\n| a | b |\n|---|\n| c | d | e |\n```",
      "a | b という書き方\n\n---\n\n本文",
    ]
    for body in fine {
      #expect(try lint(body, rule: "lint.table-cells").isEmpty, "\(body)")
    }
  }

  @Test func anIndentedParagraphBecameCode() throws {
    let found = try lint(
      "はじめに。\n\n    県では、次のことをします。\n    [案内](a.md)\n", rule: "lint.indented-code", offset: 5)
    #expect(positions(found) == ["8:5"])
    #expect(
      found.first?.message
        == "4 spaces (or a tab) at the start of a line make a code block: the text is shown as typed in a box, links and all"
    )
    #expect(positions(try lint("\t𠮷田さんの話です。", rule: "lint.indented-code")) == ["1:2"])
    #expect(positions(try lint("      県の取組です。", rule: "lint.indented-code")) == ["1:7"])
    #expect(positions(try lint("- 𠮷田さん\n\n      県の取組です。", rule: "lint.indented-code")) == ["3:7"])
    let fine = [
      "```\n県では、次のことをします。\n```", "    portal build --now 2026-12-01", "　県では、次のことをします。",
      "~~~\n    県の取組\n~~~",
    ]
    for body in fine {
      #expect(try lint(body, rule: "lint.indented-code").isEmpty, "\(body)")
    }
  }

  @Test func aLinkOrImageWithASpaceInItsAddress() throws {
    let image = try lint("会場の写真です。\n![会場の写真](../files/会場 写真.png)", rule: "lint.markdown")
    #expect(positions(image) == ["2:1"])
    #expect(
      image.first?.message
        == "`![会場の写真](../files/会場 写真.png)` is not an image: its address has a space, so it is shown as typed"
    )
    #expect(
      image.first?.hint
        == "write each space in the address as %20 (`![会場の写真](../files/会場%20写真.png)`), or rename the file without spaces"
    )
    let link = try lint("𠮷田さんの[案内](my file.pdf)です。", rule: "lint.markdown")
    #expect(positions(link) == ["1:6"])
    #expect(link.first?.message.contains("is not a link") == true)
    let fine = [
      "[案内](my%20file.pdf)", "[案内](<my file.pdf>)", "`[案内](my file.pdf)`", "[案内](a.pdf \"題名\")",
      "（注）(後で 説明)", "```\n[案内](my file.pdf)\n```",
    ]
    for body in fine {
      #expect(try lint(body, rule: "lint.markdown").isEmpty, "\(body)")
    }
  }

  @Test func footnotesAreNotSupported() throws {
    let body = "国の方針です[^1]。𠮷田さん[^note]も。\n\n[^1]: 国の資料によります。\n"
    let found = try lint(body, rule: "lint.footnote", offset: 3)
    #expect(positions(found) == ["4:7", "4:16", "6:1"])
    #expect(
      found[0].message
        == "footnotes are not supported: 「[^1]」 is shown as typed, or as a link that leads nowhere")
    #expect(found[0].hint!.contains("（※1）") && found[0].hint!.contains("`※1 国の資料によります。`"))
    #expect(
      found[2].message
        == "footnotes are not supported: the note 「[^1]: …」 is left out of the page (or shown as typed)"
    )
    #expect(
      found[2].hint
        == "write the note as text after the paragraph, starting with ※: `※1 国の資料によります。`")
    let fine = [
      "`[^1]` と書きます。", "```\n[^1]: 注\n```", "    [^1]: 注", "x^2 と [注] と \\[^1]",
      "※1 国の資料によります。",
    ]
    for body in fine {
      #expect(try lint(body, rule: "lint.footnote").isEmpty, "\(body)")
    }
  }

  @Test func theNewRulesAreListedAndCanBeTurnedOff() throws {
    let ids = Set(Linter.rules.map(\.id))
    for id in [
      "lint.joined-lines", "lint.table-cells", "lint.indented-code", "lint.footnote",
      "lint.front-matter-markup",
    ] {
      #expect(ids.contains(id))
    }
    #expect(
      try lint("持ち物\n・筆記用具", rule: "lint.joined-lines", settings: ["joined-lines": "off"])
        .isEmpty)
  }
}
