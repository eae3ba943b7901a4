import Diagnostics
import Markdown
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
    // The preview is the page: ① (a symbol the build joins to Japanese) follows with no space,
    // as the built page has it (MarkdownDocument.joinsLines), where a space was shown.
    let circled = try lint("申し込みの手順です。\n①申込書を書きます。\n②窓口に出します。\n", rule: "lint.joined-lines")
    #expect(circled.first?.message.contains("「申し込みの手順です。①申込書を書きます。②窓口に出します。」") == true)
    let page = MarkdownDocument("申し込みの手順です。\n①申込書を書きます。\n")
    page.joinJapaneseLines()
    #expect(page.renderHTML() == "<p>申し込みの手順です。①申込書を書きます。</p>\n")
    // List marks without their space print as typed (the break before `-` is a space).
    let marks = try lint("持ち物\n-筆記用具\n*名札\n", rule: "lint.joined-lines")
    #expect(positions(marks) == ["2:1"])
    #expect(marks.first?.message.contains("「持ち物 -筆記用具 *名札」") == true)
    let numbered = try lint("当日の流れ\n1.受付をします\n2.説明を聞きます", rule: "lint.joined-lines")
    #expect(positions(numbered) == ["2:1"])
    #expect(numbered.first?.hint!.contains("`1. 受付をします`") == true)
    // A numbered item gets a number's hint, not a hyphen's.
    #expect(numbered.first?.hint!.hasPrefix("to make a numbered list") == true)
    #expect(marks.first?.hint!.contains("hyphen") == true)
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

  /// よくある質問 written Q．/A． line under line: the answer ran on after the question.
  @Test func questionsAndAnswersAreJoined() throws {
    for (q, a) in [
      ("Q．スマホ教室は無料ですか。", "A．無料です。"), ("Ｑ1. 申し込みは必要ですか。", "Ａ1. 必要です。"),
      ("Q: 何を持っていけばよいですか。", "A: 筆記用具です。"), ("Q　駐車場はありますか。", "A　ありません。"),
    ] {
      let found = try lint("\(q)\n\(a)\n", rule: "lint.joined-lines")
      #expect(positions(found) == ["2:1"], "\(a)")
    }
    // A sentence that starts with A or Q and no mark after it goes on.
    for text in ["手順を説明します。\nAIを使います。", "答えは\nA4の紙に書きます。", "質問は\nQRコードから送れます。"] {
      #expect(try lint(text, rule: "lint.joined-lines").isEmpty, "\(text)")
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

  /// What the Japanese input gives: full-width spaces and marks, labels spaced to line up,
  /// 【日時】, `TEL:`, 〒, →; each is joined to the line before as much as `・筆記用具` is.
  @Test func japaneseKeyboardLineStartsAreJoined() throws {
    let starts = [
      "-　筆記用具", "1.　受付をします", "1．受付", "1）受付", "（1）受付", "(2)説明", "１．受付", "日　時：12月5日（土）",
      "場　所：県庁本庁舎", "　日時：12月5日（土）", "日時 ： 12月5日（土）", "【日時】12月5日（土）", "【場所】県庁本庁舎",
      "TEL:043-223-2222", "Tel: 043-223-2222", "tel:043-223-2222", "〒260-8667 千葉市中央区市場町1-1",
      "→会場は2階です", "◯筆記用具", "－筆記用具",
    ]
    for line in starts {
      #expect(
        positions(try lint("県庁で開きます。\n\(line)", rule: "lint.joined-lines")) == ["2:1"], "\(line)")
    }
    for (line, item) in [
      ("-　筆記用具", "- 筆記用具"), ("1.　受付をします", "1. 受付をします"), ("（1）受付", "1. 受付"),
      ("１．受付", "1. 受付"), ("－筆記用具", "- 筆記用具"), ("◯筆記用具", "- 筆記用具"),
    ] {
      let found = try lint("持ち物\n\(line)", rule: "lint.joined-lines")
      #expect(found.first?.hint!.contains("`\(item)`") == true, "\(line)")
    }
    #expect(
      try lint("受付\n　日時：12月5日（土）", rule: "lint.joined-lines").first?.message
        == "a single line break does not start a new line: the page shows 「受付　日時：12月5日（土）」 on one line"
    )
  }

  /// Two notes in a row run into one; a numbered list from 2 cannot interrupt a paragraph.
  @Test func notesUnderNotesAndListsNotFromOneAreJoined() throws {
    let notes = try lint("詳しくは窓口へ。\n※どちらの回も同じ内容です。\n※申し込みは不要です。", rule: "lint.joined-lines")
    #expect(positions(notes) == ["3:1"])
    #expect(notes.first?.message.contains("「※どちらの回も同じ内容です。 ※申し込みは不要です。」") == true)
    #expect(notes.first?.hint!.contains("put an empty line between the notes") == true)
    #expect(positions(try lint("*1 国の資料です。\n*2 県の資料です。", rule: "lint.joined-lines")) == ["2:1"])
    let later = try lint("手順\n2. 書類を出します\n3. 審査を待ちます", rule: "lint.joined-lines")
    #expect(positions(later) == ["2:1"])
    #expect(
      later.first?.hint!.hasPrefix("a numbered list right under a paragraph must start at 1")
        == true)
    #expect(later.first?.hint!.contains("`2. 書類を出します`") == true)
    #expect(positions(try lint("手順\n3) 説明を聞きます", rule: "lint.joined-lines")) == ["2:1"])
    #expect(try lint("手順\n1. 書類を出します\n2. 審査を待ちます", rule: "lint.joined-lines").isEmpty)
    #expect(try lint("手順\n\n2. 書類を出します\n3. 審査を待ちます", rule: "lint.joined-lines").isEmpty)
  }

  /// The lines under 問い合わせ先 are an address: the first of them is reported, where the
  /// page starts to run them together.
  @Test func aContactBlockIsReportedAtItsFirstLine() throws {
    let found = try lint(
      "問い合わせ先\nデジタル改革推進局\n電話：043-223-2222", rule: "lint.joined-lines", offset: 2)
    #expect(positions(found) == ["4:1"])
    #expect(found.first?.message.contains("「問い合わせ先デジタル改革推進局電話：043-223-2222」") == true)
    #expect(found.first?.hint!.contains("(問い合わせ先\\)") == true)
    #expect(try lint("お問い合わせ\nは、窓口で受けます。", rule: "lint.joined-lines").isEmpty)
  }

  /// Note marks, a sentence going on after a particle, and names joined by ・ over two lines
  /// are read as the writer meant them; a ￥ at the end of a line is reported once, as ￥.
  @Test func marksClausesAndEnumerationsAreNotJoinedLines() throws {
    let fine = [
      "必要な書類には\n*印を付けています。", "地図の\n○印が会場です。", "国の資料によります。\n*1 令和6年の調査です。",
      "参加する方は次の点に\n注意：当日は上履きを持ってきてください。", "県庁の\n電話：043-223-2222 にかけてください。",
      "対象は千葉市・市川市・船橋市\n・松戸市・柏市に住む方です。", "手続きは\n（1）の場合と同じです。",
      "メールで受けます。\nmailto:info@example.jp へ", "料金は\n1,000円です。", "これは\n2.5倍です。",
      "持ち物\n\n- 筆記用具", "持ち物\n- 筆記用具\n- 上履き",
    ]
    for body in fine {
      #expect(try lint(body, rule: "lint.joined-lines").isEmpty, "\(body)")
    }
    // A list of items each with ・ inside still warns: its lines start with a bullet.
    #expect(positions(try lint("持ち物\n・筆記用具・鉛筆\n・上履き・体操服", rule: "lint.joined-lines")) == ["2:1"])
    #expect(positions(try lint("・筆記用具・鉛筆\n・上履き・体操服", rule: "lint.joined-lines")) == ["2:1"])
    let yen = try lint("持ち物￥\n・筆記用具", rule: "lint.joined-lines")
    #expect(positions(yen) == ["1:4"])
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

  /// A cell left out shifts the ones after it: the row is reported at its first cell.
  @Test func aRowWithFewerCellsThanTheHeaderIsReported() throws {
    let table = "| 日時 | 場所 | 定員 |\n|---|---|---|\n| 12月5日（土） | 20人 |\n| 12月6日（日） | 県庁 | |\n"
    let rows = try lint(table, rule: "lint.table-cells")
    #expect(positions(rows) == ["3:3"])
    #expect(
      rows.first?.message.hasPrefix(
        "this row has 2 cells but the table has 3 columns: the last one is shown empty") == true)
    #expect(
      positions(try lint("a | b | c\n--- | --- | ---\nd", rule: "lint.table-cells")) == ["3:1"])
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
      "| 式 | 意味 |\n|---|---|\n| `a \\| b` | aかb |",  // an escaped bar
      "| a | b |\n|---|---|\n| c | d | |",  // an empty cell more: nothing is lost
      "```\n| a | b |\n|---|\n| c | d | e |\n```",
      "a | b という書き方\n\n---\n\n本文",
    ]
    for body in fine {
      #expect(try lint(body, rule: "lint.table-cells").isEmpty, "\(body)")
    }
  }

  /// Tables typed with the Japanese input: ｜ and ー make no cells and no delimiter row.
  @Test func fullWidthPipesAndDashesMakeNoTable() throws {
    let rows = try lint("| 日時 | 場所 |\n|---|---|\n｜12月5日｜県庁｜\n", rule: "lint.table-cells", offset: 1)
    #expect(positions(rows) == ["4:1"])
    #expect(
      rows.first?.message
        == "「｜」 (full-width) does not separate cells: the page shows this line as typed, with its ｜"
    )
    #expect(
      rows.first?.hint
        == "type the table's `|` and `-` half-width (with the Japanese input off): `|12月5日|県庁|`")
    let dashes = try lint("| 日時 | 場所 |\n|ーーー|ーーー|\n| 5日 | 県庁 |", rule: "lint.table-cells")
    #expect(positions(dashes) == ["2:2"])
    #expect(
      dashes.first?.message.hasPrefix(
        "`|ーーー|ーーー|` is not a |---| row: 「ー」 (full-width) is not a dash") == true)
    #expect(dashes.first?.hint!.hasSuffix("`|---|---|`") == true)
    let pipes = try lint("｜日時｜場所｜\n｜---｜---｜\n｜5日｜県庁｜", rule: "lint.table-cells")
    #expect(positions(pipes) == ["1:1"])
    #expect(
      positions(try lint("> - 𠮷田\n>   | a | b |\n>   |---｜---|", rule: "lint.table-cells")) == [
        "3:9"
      ])
    #expect(try lint("説明：｜は区切りです｜", rule: "lint.table-cells").isEmpty)
  }

  /// A line right under a table, with no empty line, is one more row.
  /// Rows a paragraph holds: no `|---|` row (pasted from Word), or a whole table right under
  /// a list item or a callout's title, read as its text.
  @Test func rowsThatMakeNoTable() throws {
    let found = try lint(
      "部署の一覧：\n| 部署 | 電話 |\n| 総務部 | 043-223-2222 |\n\n- 筆記用具\n| 日時 | 会場 |\n|---|---|\n| 5日 | 県庁 |\n\n> [!重要] 日程\n| 日時 | 会場 |\n|---|---|",
      rule: "lint.table-cells")
    #expect(positions(found) == ["2:1", "6:1", "11:1"])
    #expect(
      found.map(\.hint) == [
        "put |---|---| on a line of its own under `| 部署 | 電話 |` (the first row is the table's header)",
        "put an empty line before `| 日時 | 会場 |`", "put an empty line before `| 日時 | 会場 |`",
      ])
    // Tables that are made, one row alone, and a sentence with bars: nothing to say.
    for body in [
      "文です。\n| a | b |\n|---|---|\n| c | d |", "| a | b |\n\n本文", "説明：|は区切り|です\n次の行|です",
    ] {
      #expect(try lint(body, rule: "lint.table-cells").isEmpty, "\(body)")
    }
  }

  /// Rows pasted from a spreadsheet (cells parted by tabs) and Word's list bullets (U+F0B7
  /// and a tab, 〇, ▶) run together in one paragraph: reported.
  @Test func pastedRowsAndBullets() throws {
    let tabs = try lint("表：\n部署\t役割\t人数\n総務部\tとりまとめ\t12", rule: "lint.table-cells")
    #expect(positions(tabs) == ["2:1"])
    #expect(
      tabs.first?.hint
        == "write them as a table, one line each: | 部署 | 役割 | 人数 | / |---|---|---| / | 総務部 | とりまとめ | 12 | …"
    )
    for bullet in ["\u{F0B7}\t", "〇 ", "▶", "–\t"] {
      let found = try lint("持ち物\n\(bullet)筆記用具\n\(bullet)上履き", rule: "lint.joined-lines")
      #expect(positions(found) == ["2:1"], "\(bullet.debugDescription)")
      #expect(found.first?.hint?.contains("(`- 筆記用具`)") == true, "\(found.map(\.hint))")
    }
    #expect(try lint("持ち物\n\u{F0B7}\t筆記用具\n\u{F0B7}\t上履き", rule: "lint.table-cells").isEmpty)
  }

  @Test func aNoteUnderATableBecomesARow() throws {
    let found = try lint(
      "| 日時 | 場所 |\n|---|---|\n| 5日 | 県庁 |\n※雨の日は中止です。", rule: "lint.table-cells")
    #expect(positions(found) == ["4:1"])
    #expect(
      found.first?.message
        == "this line is a row of the table above it: with no empty line between, 「※雨の日は中止です。」 is shown in the table's first column"
    )
    #expect(found.first?.hint == "put an empty line before it")
    #expect(
      try lint("| 日時 | 場所 |\n|---|---|\n| 5日 | 県庁 |\n\n※雨の日は中止です。", rule: "lint.table-cells")
        .isEmpty)
  }

  /// A table in a block quote in a list item; a `|` in code or an address cuts its cell.
  @Test func containerMarksAndPipesInCodeOrAddresses() throws {
    #expect(
      try lint("- > | 日時 | 場所 |\n  > |---|---|\n  > | 5日 | 県庁 |", rule: "lint.table-cells").isEmpty)
    #expect(
      positions(
        try lint("- > | 日時 | 場所 |\n  > |---|---|\n  > | 5日 | 県庁 | 不要 |", rule: "lint.table-cells"))
        == ["3:17"])
    #expect(
      positions(
        try lint("1. | 日時 | 場所 |\n   |---|---|\n   | 5日 | 県庁 | 不要 |", rule: "lint.table-cells"))
        == ["3:16"])
    let code = try lint("| 式 | 意味 |\n|---|---|\n| `a|b` | aかb |", rule: "lint.table-cells")
    #expect(positions(code) == ["3:5"])
    #expect(
      code.first?.message
        == "the `|` in 「`a|b`」 ends the cell: a table splits its rows at every `|`, in code and link addresses too"
    )
    #expect(code.first?.hint == "write it `\\|`: the page shows a |")
    let link = try lint(
      "| 場所 | 地図 |\n|---|---|\n| 県庁 | [県庁](https://example.jp/a|b) |", rule: "lint.table-cells")
    #expect(positions(link) == ["3:33"])
    #expect(link.first?.hint == "write it %7C in the address")
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
    #expect(positions(try lint("    ＴＥＬ　０４３－２２３－２２２２", rule: "lint.indented-code")) == ["1:5"])
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

  /// An address with brackets keeps them in the hint; a link's words may wrap; a reference
  /// definition with a space in its address is no definition.
  @Test func spacedAddressesInWrappedLinksAndDefinitions() throws {
    let brackets = try lint("[報告書](https://example.jp/a (1).pdf)を読む", rule: "lint.markdown")
    #expect(positions(brackets) == ["1:1"])
    #expect(
      brackets.first?.hint
        == "write each space in the address as %20 (`[報告書](https://example.jp/a%20(1).pdf)`), or rename the file without spaces"
    )
    let wrapped = try lint("詳しくは[県の\n報告書](../files/a b.pdf)を読む", rule: "lint.markdown")
    #expect(positions(wrapped) == ["1:5"])
    #expect(wrapped.first?.hint!.contains("`[県の報告書](../files/a%20b.pdf)`") == true)
    let definition = try lint(
      "[報告書][1]を読む。\n\n[1]: https://example.jp/a b.pdf", rule: "lint.markdown")
    #expect(positions(definition) == ["3:1"])
    #expect(
      definition.first?.message
        == "`[1]: https://example.jp/a b.pdf` is not a link definition: its address has a space, so it is shown as typed, and links to [1] lead nowhere"
    )
    #expect(definition.first?.hint!.contains("`[1]: https://example.jp/a%20b.pdf`") == true)
    let fine = [
      "[報告書][1]\n\n[1]: https://example.jp/a.pdf \"題名\"", "[注]: 詳しくは 窓口へ",
      "[報告書](https://example.jp/a(1).pdf)",
    ]
    for body in fine {
      #expect(try lint(body, rule: "lint.markdown").isEmpty, "\(body)")
    }
  }

  /// A footnote in an HTML comment is not on the page; a reference's hint gives its note.
  @Test func footnotesInCommentsAndTheirNotes() throws {
    let body =
      "本文です[^a]。\n\n[^a]: 県の調査によります。\n\n<!-- [^b] は後で\n[^c] も -->\n\n続き<!-- [^e] -->です[^d]。\n"
    let found = try lint(body, rule: "lint.footnote")
    #expect(positions(found) == ["1:5", "3:1", "8:18"])
    #expect(found[0].hint!.hasSuffix("`※a 県の調査によります。`"))
    #expect(found[2].hint!.hasSuffix("`※d 国の資料によります。`"))
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
