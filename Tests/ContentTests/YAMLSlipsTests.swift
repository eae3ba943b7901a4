import Diagnostics
import Testing

@testable import Content

/// Each slip a writer makes in front matter, with the place and words the error gives: where
/// to fix it, not where the YAML parser gave up.
@Suite struct YAMLSlipsTests: FrontMatterProblems {
  /// Bracketed notices (【】 are fine; [] are YAML) and `*` at the start of a sentence value.
  /// A line the parser's own words name is the file's line, as the diagnostic's is: Yams
  /// counts from the front matter, one line short.
  @Test func linesInTheParsersWordsAreTheFilesLines() throws {
    // (A key of a list item indented wrong is named since: YAMLStrayLinesTests.)
    try expect(
      "title: T\nsummary: S\nlinks:\n   - 県\n   url: https://y.jp/\n",
      at: 6, 4, "(while parsing a block collection on line 5)")
  }

  @Test func aSentenceStartingWithABracketMustBeQuoted() throws {
    try expect(
      "summary: x\ntitle: [重要] お知らせ\n", at: 3, 8,
      "`title` cannot start with `[` unless the whole value is in quotes",
      hint: "write `title: \"[重要] お知らせ\"`")
    try expect("title: *重要* お知らせ\n", at: 2, 8, "`title` cannot start with `*`")
    // Bold meant: the fix leaves the `**` out, which lint would report inside quotes.
    try expect(
      "title: T\nsummary: **重要** 申し込みは12月5日までです。\n", at: 3, 10,
      "`summary` cannot start with `*`",
      hint: "write `summary: 重要 申し込みは12月5日までです。`: it is shown as plain text")
    #expect(
      try problem("summary: **重要** です\n").localized(.japanese).hint
        == "`summary: 重要 です` と書いてください（文字だけが表示されるので、`**` は付けません）")
    // `! 重要` is valid YAML: the text 重要 with a tag, the `!` silently gone.
    try expect(
      "summary: x\ntitle: ! 重要なお知らせ\n", at: 3, 8, "`title` cannot start with `!`",
      hint: "write `title: \"! 重要なお知らせ\"`")
    try expect("summary: !重要 説明です。\n", at: 2, 10, "`summary` cannot start with `!`")
    if case .failure(let d) = parseYAML(
      "title: \"! 重要\"\nsummary: 説明です！ 本当に!\n", file: "a.md", lineOffset: 2)
    {
      Issue.record("rejected: \(d.message)")
    }
    // Lists stay lists.
    if case .failure(let d) = parseYAML(
      "fields: [a, b]\ntitle: 【重要】お知らせ\n", file: "a.md", lineOffset: 2)
    {
      Issue.record("rejected: \(d.message)")
    }
  }

  @Test func aListItemWithoutItsSpace() throws {
    try expect(
      "fields:\n  - agriculture\n  -tourism\n", at: 4, 3, "a list item needs a space after `-`",
      hint: "write `- tourism`")
  }

  @Test func fullWidthColonIsNamedOnItsOwnLine() throws {
    // Yams gives up on the next line ("mapping values are not allowed").
    try expect(
      "title：テスト\nsummary: x\n", at: 2, 6, "full-width colon `：`", hint: "`title: テスト`")
    // A long value is shortened; a key with nothing after it keeps the ellipsis.
    try expect(
      "summary：" + String(repeating: "あ", count: 40) + "\ntitle: x\n", at: 2, 8, "full-width colon",
      hint: "`summary: " + String(repeating: "あ", count: 30) + "…`")
    try expect("tags：\n  - a\ntitle: x\n", at: 2, 5, "full-width colon", hint: "`tags: …`")
    try expect("summary: x\ntitle：テスト\n", at: 3, 6, "the key `title` is followed by a full-width")
  }

  @Test func missingSpaceAfterTheColon() throws {
    try expect(
      "summary: x\ntitle:テスト\nstatus: active\n", at: 3, 7, "`title:` needs a space",
      hint: "`title: テスト`")
    // A URL in a list is not a key.
    try expect("links:\n  - https://example.jp\n  x\n: y\n", at: 4, 3, "not `key: value`")
  }

  @Test func indentationWithTabsOrFullWidthSpaces() throws {
    try expect("title: テスト\nfields:\n\t- a\n", at: 4, 1, "indented with a tab", hint: "spaces")
    // A top-level key after a tab: spaces would indent it more than the keys above.
    try expect(
      "title: テスト\n\tsummary: S\n", at: 3, 1, "indented with a tab", hint: "remove the tab")
    try expect(
      "title: テスト\nfields:\n\u{3000}- a\n", at: 4, 1, "full-width space",
      hint: "half-width spaces")
  }

  @Test func unclosedQuotesAndBracketsAreReportedWhereTheyOpen() throws {
    try expect("title: \"テスト\nsummary: x\n", at: 2, 8, "not closed", hint: "`\"`")
    try expect("title: 'テスト\nsummary: x\n", at: 2, 8, "not closed", hint: "`'`")
    try expect("title: テスト\nfields: [a\nx: y\n", at: 3, 9, "opened with `[` is not closed")
    try expect("title: テスト\nfields: {a: b\n", at: 3, 9, "the `{` opened here is not closed")
  }

  /// A bracket left open on the last line (`fields: [` while typing, or `[a,`): the parser
  /// stops at the end of the text, past every line; the error is at the bracket, with its line
  /// closed (it was the line after the last, with `fields: [a, b]` for an example).
  @Test func aBracketLeftOpenOnTheLastLineIsReportedWhereItOpens() throws {
    try expect(
      "title: テスト\ntags: [\n", at: 3, 7, "opened with `[` is not closed",
      hint: "`tags: [a, b]`")
    try expect(
      "title: テスト\nfields: [safety,\n", at: 3, 9, "opened with `[` is not closed",
      hint: "`fields: [safety]`")
    try expect(
      "title: テスト\nlinks:\n  - {title: 県, url: \n", at: 4, 5, "the `{` opened here is not closed",
      hint: "`- {title: 県, url: }`")
    try expect(
      "title: テスト\nfields: [\"a\", \"[b\",\n", at: 3, 9, "opened with `[` is not closed")
  }

  @Test func valuesThatNeedQuotes() throws {
    try expect(
      "title: テスト: 副題\nsummary: x\n", at: 2, 11, "value of `title` contains `: `",
      hint: "quotes")
    try expect("title: `テスト`\n", at: 2, 8, "cannot start with `` ` ``", hint: "quotes")
    try expect("title: @テスト\n", at: 2, 8, "cannot start with `@`")
    try expect("title: \"テスト\" です\nsummary: x\n", at: 2, 14, "text after the closing quote")
  }

  @Test func linesThatAreNotKeyValue() throws {
    try expect("title: テスト\nsummary\nfields: [a]\n", at: 3, 1, "not `key: value`")
    // The first line without its colon: YAML reads it and the next as one text.
    try expect("title テスト\nsummary: テストです\n", at: 2, 1, "not `key: value`")
    try expect("title: テスト\n summary: x\n", at: 3, 2, "indented more than the line above")
    // A key one space in under a list's item: not the value's `: ` to quote, which made it worse.
    for items in ["- a", "  - a"] {
      try expect(
        "title: テスト\nfields:\n\(items)\n status: active\n", at: 5, 2,
        "`status` starts after 1 space, inside the list above it", hint: "`status: active`")
    }
    // A key in Japanese too, and a value with `: ` given in quotes.
    try expect(
      "title: テスト\nfields:\n- a\n 部署: 商工労働部\n", at: 5, 2, "`部署` starts after 1 space",
      hint: "`部署: 商工労働部`")
    try expect(
      "title: テスト\nfields:\n- a\n summary: 時間: 10時\n", at: 5, 2, "`summary` starts after 1 space",
      hint: "`summary: \"時間: 10時\"`")
    try expect(
      " title: テスト\nsummary: x\n", at: 2, 1, "the first key is indented",
      hint: "`title: テスト`")
    try expect(
      "# コメント\n\n   title: テスト\nsummary: x\n", at: 4, 1, "the first key is indented")
    try expect(
      "title: テスト\nfields:\n  - a\n - b\n", at: 5, 2,
      "this `- ` starts after 1 space, the `- ` of the item above it after 2", hint: "`  - b`")
    // No closing `---`: the body was read as YAML up to a `---` rule further down. The line
    // to close after is the last before the first blank line (file line 4 here).
    try expect(
      "title: 防災\nsummary: 説明です。\nfields: [safety]\n\n## なにをするか\n\n県では、AIで情報を集めます。\n",
      at: 8, 1, "not `key: value`",
      hint: "the front matter was not closed: add a line `---` after line 4")
  }

  @Test func duplicateKeysNameTheSecondPlace() throws {
    try expect(
      "title: テスト\nsummary: x\ntitle: y\n", at: 4, 1,
      "the key `title` is given twice (first on line 2)",
      hint: "keep one", code: "front-matter.duplicate-key")
    // In a list item's mapping, and not confused with the same key in the next item.
    try expect(
      "items:\n  - name: a\n    url: b\n  - name: c\n    name: d\n", at: 6, 5,
      "the key `name` is given twice (first on line 5)", code: "front-matter.duplicate-key")
  }

  @Test func blockValuesMayHoldAnything() throws {
    // Lines of a `|` value are text: neither its tab nor its colon is a slip; the error is the
    // unclosed quote after it.
    try expect(
      "body: |\n  a:b\n  \tc\ntitle: \"x\n", at: 5, 8, "not closed")
  }

  @Test func otherErrorsKeepYamlsWordsWithTheirContext() throws {
    // (`- a` over `title: b`, the example here before, is named since: YAMLStrayLinesTests.)
    try expect(
      "   - a\n   url: b\ntitle: T\n", at: 3, 4,
      "not valid YAML: did not find expected '-' indicator (while parsing a block collection on line 2)"
    )
  }
}

extension YAMLSlipsTests {
  @Test func crlfLinesAreCountedLikeLFLines() throws {
    // site.yml is read as written; a Windows editor's line ends must not merge the lines.
    try expect("summary: x\r\ntitle：テスト\r\nstatus: a\r\n", at: 3, 6, "full-width colon")
    try expect(
      "title: テスト\r\ntitle: x\r\n", at: 3, 1, "given twice (first on line 2)",
      code: "front-matter.duplicate-key")
  }

  @Test func aLoneKeyWithAFullWidthColonIsNotTakenAsAValue() throws {
    // Valid YAML (one plain value), but a mapping was meant.
    try expect("title：テスト\n", at: 2, 6, "full-width colon")
    try expect("title:テスト\n", at: 2, 7, "needs a space after the colon")
  }

  @Test func frontMatterWithoutSlipsParses() throws {
    for yaml in [
      "title: テスト\nsummary: \"A: B\"\nlinks:\n  - https://example.jp\nbody: |\n  a:b\n  \tc\n",
      "title: テスト # コメント\n# title：\nfields: [a, b]\n",
    ] {
      guard case .success = parseYAML(yaml, file: "a.md", lineOffset: 2) else {
        Issue.record("rejected: \(yaml.debugDescription)")
        continue
      }
    }
  }
}

/// With the input method left in full-width mode, every key of a front matter gets `：`. Each
/// slip whose repair is certain is reported, and the text as the hints say to write it is read
/// for the file's other mistakes: one build shows them all, not one a build.
@Suite struct RepairedSlipsTests {
  func problems(_ frontMatter: String) throws -> [String] {
    let (page, diagnostics) = try parseFile(
      "---\n" + frontMatter + "---\n本文です。\n", kind: .initiative,
      path: "content/initiatives/x.md")
    #expect(page == nil, "a page with slips is not built")
    return diagnostics.map { "\($0.location.line):\($0.location.column) [\($0.code ?? "")]" }
  }

  @Test func everySlipAndTheOtherMistakesInOneBuild() throws {
    #expect(
      try problems("title：防災\nsummary：説明です。\n\tfields: [safety]\nstatsu: active\n") == [
        "2:6 [front-matter.yaml]", "3:8 [front-matter.yaml]", "4:1 [front-matter.yaml]",
        "5:1 [front-matter.unknown-key]",
      ])
    #expect(
      try problems("title:防災\nsummary：説明です。\nfields: [safety]\n") == [
        "2:7 [front-matter.yaml]", "3:8 [front-matter.yaml]",
      ])
  }

  /// The closing `---` left out and a `---` rule further down closing it instead: the heading
  /// between is a YAML comment, and the page built without it.
  @Test func aHeadingInTheFrontMatterIsAWarning() throws {
    let (page, diagnostics) = try parseFile(
      "---\ntitle: 防災\nsummary: 説明です。\nfields: [safety]\n\n## なにをするか\n---\n本文です。\n",
      kind: .initiative, path: "content/initiatives/x.md")
    #expect(page != nil)
    #expect(
      diagnostics.map { "\($0.location.line):\($0.location.column) [\($0.code ?? "")]" } == [
        "6:1 [front-matter.heading]"
      ])
    #expect(diagnostics.first?.hint?.contains("add a line `---` before it") == true)
    // A comment of one # is the writer's own (portal new writes them).
    let (_, none) = try parseFile(
      "---\ntitle: 防災\n# メモ\nsummary: 説明です。\nfields: [safety]\n---\n本文です。\n",
      kind: .initiative, path: "content/initiatives/x.md")
    #expect(none.isEmpty)
  }

  @Test func aSlipWithoutACertainRepairStopsThere() throws {
    // A tab under `links:` could mean any indentation: reported alone, as before.
    #expect(
      try problems(
        "title: 防災\nsummary: 説明です。\nfields: [safety]\nlinks:\n\t- https://x.jp\nstatsu: a\n"
      )
      .count == 1)
  }

  @Test func repairsAreWhatTheHintsSay() {
    let (slips, text, _) = YAMLSlips.repairedSlips(
      in: "title：防災\nsummary:説明\n\u{3000}status: active\n")
    #expect(slips.map(\.line) == [1, 2, 3])
    #expect(text == "title: 防災\nsummary: 説明\nstatus: active\n")
  }
}

/// A glossary reading typed in katakana is shown back in hiragana, not as an unrelated
/// example (でぃーえっくす for メタバース).
@Suite struct ReadingHintTests {
  @Test func aKatakanaReadingIsShownInHiragana() throws {
    func hint(_ reading: String) throws -> String? {
      let (_, diagnostics) = try parseFile(
        "---\nterm: メタバース\nreading: \(reading)\nshort: 仮想の空間です。\n---\n本文です。\n",
        kind: .glossary, path: "content/glossary/x.md")
      return diagnostics.first { $0.code == "front-matter.reading" }?.hint
    }
    #expect(
      try hint("メタバース")
        == "write the reading in hiragana, e.g. `reading: めたばーす`; it sets the 五十音 order")
    // In letters: the term's own reading (it was DX's).
    #expect(
      try hint("metaverse")
        == "write the reading in hiragana, e.g. `reading: めたばーす`; it sets the 五十音 order")
    #expect(try hint("めたばーす") == nil)
  }

  /// A reading left out: a term in kana gives its own reading as the example (not DX's).
  @Test func aMissingReadingOfAKanaTermIsItsOwn() throws {
    func hints(_ term: String) throws -> [String] {
      let (_, diagnostics) = try parseFile(
        "---\nterm: \(term)\nshort: 空を飛ぶ機械です。\n---\n本文です。\n", kind: .glossary,
        path: "content/glossary/x.md")
      return diagnostics.flatMap { [$0.hint ?? "", $0.japanese?.hint ?? ""] }
    }
    #expect(try hints("ドローン").contains { $0.contains("`reading: どろーん`") })
    #expect(try hints("ドローン").filter { $0.contains("`reading: どろーん`") }.count == 2)
    #expect(try hints("防災").contains { $0.contains("`reading: でぃーえっくす`") })
  }
}
