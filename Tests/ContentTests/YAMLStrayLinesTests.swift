import Diagnostics
import Testing

@testable import Content

/// Lines with no key where a key belongs, and values starting with a character YAML reads as
/// syntax (YAMLSlips+Stray): said in the writer's words, at the line to fix, never in the
/// parser's ("did not find expected node content") and never naming a key the line does not
/// have. The front matter starts on line 2; the closing `---` is the line after its last.
extension YAMLSlipsTests {
  /// Lines 2 and 4 of the front matters below (a lone line goes between them, on line 3).
  static let around = ("title: T\n", "summary: S\n")

  func japanese(_ yaml: String) throws -> (message: String, hint: String?) {
    let d = try problem(yaml).localized(.japanese)
    return (d.message, d.hint)
  }

  @Test func aLineOfYAMLSyntaxIsNotKeyValue() throws {
    let (above, below) = Self.around
    for line in [
      "]]", "[[", "}}", "{{", "{{#pages}}", "%%", "%YAML 1.2", "&anchor", "*alias", "!!binary",
      "? x", "@", "|", ">", "...", ",", "`",
    ] {
      try expect(
        above + line + "\n" + below, at: 3, 1,
        "line 3 is not `key: value`: front matter lines are `key: value` (or `- item` under a list)",
        hint: "if it is the page's text, put it below the closing `---` (line 6); if not, remove it"
      )
    }
    // As the first line, where the parser gives up on the line after some of them.
    for line in ["]]", "%%", "*alias", "<<: *a", "@", "|", ">"] {
      try expect(line + "\n" + above + below, at: 2, 1, "line 2 is not `key: value`")
    }
    // The parser's own words are gone, as is the example key the line does not have.
    let d = try problem(above + "```\n" + below)
    #expect(!d.message.contains("YAML:") && d.hint?.contains("title") == false, "\(d.text)")
    #expect(
      try japanese(above + "%%\n" + below)
        == (
          "3行目が `key: value`（項目名: 値）の形になっていません。前付けの行は `key: value`（リストなら、項目名の下に `- 値`）です",
          "ページの本文なら、閉じる `---`（6行目）より下に移してください。そうでなければ、この行を消してください"
        ))
  }

  @Test func aLineWithNoKeyGetsAHintForWhatItStartsWith() throws {
    let (above, below) = Self.around
    try expect(
      above + ": S2\n" + below, at: 3, 1, "line 3 is not `key: value`",
      hint: "write the key before the `:`")
    try expect(
      above + "<<: *a\n" + below, at: 3, 1, "line 3 is not `key: value`",
      hint: "`<<` and `*` copy values in YAML")
    #expect(try japanese(above + ": S2\n" + below).hint?.hasPrefix("`:` の前に項目名を書くか") == true)
  }

  /// Markdown pasted above the closing `---`: named as what it is, with where it belongs.
  @Test func markdownAboveTheClosingLineIsNamed() throws {
    let (above, below) = Self.around
    for (line, what) in [
      ("> [!", "a quotation"), ("> [!重要] 締め切り", "a quotation"), ("> 引用です", "a quotation"),
      ("```", "a code fence"), ("~~~", "a code fence"), ("| 表 | b |", "a table row"),
      ("1. 一つ目", "a numbered list"), ("* 項目", "a list"), ("+ 項目", "a list"),
      ("**重要**", "bold text"), ("<div>", "HTML"), ("<!-- メモ -->", "HTML"),
      ("[リンク](https://x.jp/)", "a link"), ("![](x.png)", "an image"),
    ] {
      try expect(
        above + line + "\n" + below, at: 3, 1,
        "line 3 is Markdown (\(what)) above the closing `---`: the front matter holds only `key: value` lines",
        hint: "if it is the page's text, put it below the closing `---` (line 6)")
    }
    #expect(
      try japanese(above + "> [!重要]\n" + below)
        == (
          "3行目は Markdown（引用）です。閉じる `---` より上の前付けには、`key: value`（項目名: 値）の行だけを書きます",
          "ページの本文なら、閉じる `---`（6行目）より下に移してください"
        ))
    // After a blank line the page's text seems to start: the front matter was not closed.
    try expect(
      above + below + "\n> 引用です\n", at: 5, 1, "line 5 is Markdown (a quotation)",
      hint: "the front matter was not closed: add a line `---` after line 3")
    // A blank line between keys is no end of the front matter.
    try expect(
      "title: T\n\nsummary: S\n> 引用です\n", at: 5, 1, "line 5 is Markdown (a quotation)",
      hint: "if it is the page's text, put it below the closing `---` (line 7)")
  }

  /// `- item` where no key above takes a list: the key above named, with how a list is
  /// written under it; a list under its key is no slip.
  @Test func aListItemWhereNoListGoesOn() throws {
    let (above, below) = Self.around
    try expect(
      above + "- 項目\n" + below, at: 3, 1,
      "line 3 is a list item (`- `), but `title` above it has its value on its line, so no list goes on there",
      hint:
        "for a list, write `title:` alone on its line and the items under it (`  - …`); if it is the page's text (a Markdown list), put it below the closing `---` (line 6)"
    )
    try expect(above + "-\n" + below, at: 3, 1, "line 3 is a list item (`- `), but `title`")
    try expect(
      "- a\ntitle: b\n", at: 2, 1, "line 2 is a list item (`- `), but no key above it takes a list",
      hint: "write `key:` alone on its line and the items under it")
    #expect(
      try japanese(above + "- 項目\n" + below).message
        == "3行目はリストの項目（`- `）ですが、上の `title` は値が同じ行に書いてあるので、ここにリストは続きません")
    for yaml in ["fields:\n- a\n- b\ntitle: T\n", "tags:\n# メモ\n- a\n", "links:\n  - a\n"] {
      guard case .success = parseYAML(yaml, file: "a.md", lineOffset: 2) else {
        Issue.record("rejected: \(yaml.debugDescription)")
        continue
      }
    }
  }

  /// A value starting with a character YAML reads as syntax: the line's own key, and the line
  /// to type, in quotes.
  @Test func aValueStartingWithSyntaxNamesItsOwnKey() throws {
    for (value, column) in [
      ("%x", 10), ("@x", 10), ("`x`", 10), ("|x", 10), ("> [!重要] 締め切り", 10), ("? x", 10),
      ("]x", 10), ("}x", 10), ("- x", 10), (",x", 10),
    ] {
      let first = value.first!
      let shown = first == "`" ? "`` ` ``" : "`\(first)`"
      let line = first == "`" ? "`` summary: \"\(value)\" ``" : "`summary: \"\(value)\"`"
      try expect(
        "title: T\nsummary: \(value)\n", at: 3, column,
        "`summary` cannot start with \(shown) unless the whole value is in quotes: YAML reads \(shown) there as syntax, not as text",
        hint: "put the whole value in quotes: \(line)")
    }
    // Keys that take no sentence too (an undefined alias, an anchor without its name).
    try expect(
      "status: *x\n", at: 2, 9, "`status` cannot start with `*` unless", hint: "`status: \"*x\"`")
    try expect("status: &\n", at: 2, 9, "`status` cannot start with `&`")
    // A value holding `"` is put in single quotes, and a long one shortened.
    try expect(
      "title: T\nsummary: @\"A\" です\n", at: 3, 10, "`summary` cannot start with `@`",
      hint: "put the whole value in quotes: `summary: '@\"A\" です'`")
    try expect(
      "summary: @" + String(repeating: "あ", count: 40) + "\n", at: 2, 10, "cannot start with `@`",
      hint: "put the whole value in quotes: `summary: \"@" + String(repeating: "あ", count: 29)
        + "…\"`")
    // A list item's value.
    try expect(
      "title: T\nfields:\n  - @x\n", at: 4, 5,
      "a list item cannot start with `@` unless it is in quotes",
      hint: "put the whole item in quotes: `- \"@x\"`")
    #expect(
      try japanese("title: T\nsummary: %x\n")
        == (
          "`summary` の値を `%` で始めるときは、値全体を `\"` で囲む必要があります（値の頭の `%` は、YAML では文字ではなく記号として読まれます）",
          "値全体を引用符で囲んでください：`summary: \"%x\"`"
        ))
    // The parser's words, and the example key `title`, are gone from the `- x` value too.
    let d = try problem("status: active\nfields: - a\n")
    #expect(d.hint?.contains("`fields:` alone on its line") == true, "\(d.text)")
  }

  /// Valid YAML to the parser, but no front matter means it: `? x` makes `x` a key.
  @Test func aQuestionMarkKeyIsNotKeyValue() throws {
    try expect("title: T\n? x\n", at: 3, 1, "line 3 is not `key: value`")
    try expect("title: T\n[x]: y\n", at: 3, 1, "line 3 is not `key: value`")
    // A list of ids in brackets is a value, not a key.
    guard case .success = parseYAML("fields: [a, b]\ntitle: T\n", file: "a.md", lineOffset: 2)
    else {
      Issue.record("rejected")
      return
    }
  }

  /// site.yml has no closing `---`: the hint says to remove the line or make it a comment.
  @Test func inSiteYmlTheHintHasNoClosingLine() throws {
    let (_, diagnostics) = SiteConfig.parse(
      "title: T\n]]\nbase_url: https://x.example/\ndomains: []\n", file: "content/site.yml")
    let d = try #require(diagnostics.first)
    #expect("\(d.location.line):\(d.location.column)" == "2:1")
    #expect(d.message.hasPrefix("line 2 is not `key: value`"), "\(d.message)")
    #expect(d.hint == "remove it, or start it with `#` to keep it as a comment", "\(d.text)")
  }
}

/// Values the parser cannot read for other reasons than their first character
/// (YAMLSlips+Values), and characters it refuses.
extension YAMLSlipsTests {
  @Test func textAfterAListsClosingBracket() throws {
    try expect(
      "status: active\nfields: [a, b] c\n", at: 3, 16,
      "there is text after the `]` that closes the value of `fields`",
      hint:
        "for a list, end the line at the `]`; for a text, put the whole value in quotes: `fields: \"[a, b] c\"`"
    )
    try expect(
      "status: {{=<% %>=}}active\n", at: 2, 20, "after the `}` that closes the value of `status`")
    #expect(try japanese("fields: [a] c\n").message == "`fields` の値を閉じる `]` の後に、文字が続いています")
  }

  @Test func aListInBracketsThatCannotBeRead() throws {
    try expect(
      "status: active\nfields: [*a]\n", at: 3, 9,
      "the value of `fields` starts with `[`, so YAML reads it as a list in brackets, but what follows cannot be read as one",
      hint:
        "for a list, write the items between `[` and `]`, separated by commas (`fields: [a, b]`); for a text, put the whole value in quotes: `fields: \"[*a]\"`"
    )
  }

  /// `\` in double quotes starts an escape: a Windows path, or a `\` typed for itself.
  @Test func aBackslashInDoubleQuotes() throws {
    try expect(
      "title: T\nplace: \"C:\\Users\\会場\"\n", at: 3, 11,
      "in double quotes, `\\` starts a special character (`\\n` is a line break), and `\\U` is none",
      hint: "put the value in single quotes, where `\\` is itself: `place: 'C:\\Users\\会場'`")
    try expect("fields:\n  - \"a\\qb\"\n", at: 3, 7, "`\\q` is none", hint: "`- 'a\\qb'`")
    #expect(
      try japanese("title: \"a\\qb\"\n").hint
        == "値を `'` で囲むと、`\\` はそのまま書けます：`title: 'a\\qb'`（または、`\\` そのものを書くなら、`\\\\` と2つ重ねてください）")
  }

  @Test func aKeyOfAListItemIndentedOtherwise() throws {
    try expect(
      "title: T\nsummary: S\nfields: [f]\nlinks:\n  - title: 県\n    url: https://x.jp/\n  - title: 市\n   url: https://y.jp/\n",
      at: 9, 4,
      "the line is indented 3 spaces, but the keys of the list item above it start after 4, as `title` does",
      hint: "start it under `title`: `    url: https://y.jp/`")
  }

  /// Characters the parser refuses, or that start no key: named, at their place.
  @Test func invisibleCharacters() throws {
    try expect(
      "title: T\nsummary: 説明\u{0}です\n", at: 3, 12,
      "the line has an invisible control character, U+0000 (NUL), which YAML does not allow",
      hint: "delete it")
    try expect(
      "\u{FEFF}title: T\nsummary: S\n", at: 2, 1,
      "the line starts with an invisible character, a byte order mark (U+FEFF)")
    #expect(
      try japanese("title: T\nsummary: \u{7}\n").message
        == "行に、目に見えない制御文字 U+0007 (BEL) が入っています。YAML には書けない文字です")
  }
}

/// A `---` too many: the front matter ends at the first one, and the keys under it are read as
/// the page's text (or the front matter is empty); a `---` twice at its end starts the page
/// with a line across it.
@Suite struct ExtraClosingLineTests {
  func diagnostics(_ text: String, kind: ContentKind = .initiative) throws -> [Diagnostic] {
    try parseFile(text, kind: kind, path: "content/initiatives/x.md").1
  }

  @Test func keysUnderAnEarlyClosingLineAreNamed() throws {
    let found = try diagnostics(
      "---\ntitle: 防災\n---\nsummary: 説明です。\nfields: [safety]\nstatsu: active\n---\n本文です。\n")
    let d = try #require(found.first)
    #expect("\(d.location.line):\(d.location.column) \(d.severity)" == "3:1 error")
    #expect(
      d.message
        == "the front matter ends at the `---` on line 3, but lines 4 to 6 below it are keys too: a `---` too many",
      "\(d.text)")
    #expect(
      d.hint == "remove the `---` on line 3: the front matter ends at the `---` on line 7")
    #expect(
      d.localized(.japanese).message
        == "前付けが3行目の `---` で終わっていますが、その下の4〜6行目も項目です。`---` が1つ多くあります")
    // The keys below are read as written: no `summary` or `fields` missing, the misspelt key
    // at its line.
    #expect(
      found.dropFirst().map { "\($0.location.line):\($0.location.column) \($0.code ?? "")" }
        == ["6:1 front-matter.unknown-key"], "\(found.map(\.text))")
  }

  @Test func aSecondOpeningLineLeavesTheFrontMatterEmpty() throws {
    let found = try diagnostics(
      "---\n---\ntitle: 防災\nsummary: 説明です。\nfields: [safety]\n---\n本文です。\n")
    #expect(found.count == 1, "\(found.map(\.text))")
    #expect(found.first?.message.hasPrefix("the front matter ends at the `---` on line 2") == true)
    #expect(
      found.first?.hint
        == "remove the `---` on line 2: the front matter ends at the `---` on line 6")
  }

  @Test func aClosingLineTwiceIsAWarning() throws {
    let (page, found) = try parseFile(
      "---\ntitle: 防災\nsummary: 説明です。\nfields: [safety]\n---\n---\n本文です。\n",
      kind: .initiative)
    #expect(page != nil)
    let d = try #require(found.first)
    #expect("\(d.location.line):\(d.location.column) \(d.severity)" == "6:1 warning")
    #expect(
      d.message
        == "the `---` on line 6 repeats the closing `---` above it: the page starts with a line across it"
    )
    #expect(d.hint == "remove one of the two `---` lines")
    #expect(d.localized(.japanese).hint == "2つ並んだ `---` の行の、1つを消してください")
  }

  /// A page whose text starts with a `key: value` sentence and a rule is left alone when a
  /// blank line follows the closing `---`, and a page of `---` rules after text too.
  @Test func textAndRulesBelowTheFrontMatterAreNoSlip() throws {
    for text in [
      "---\ntitle: 防災\nsummary: 説明です。\nfields: [safety]\n---\n\nnote: 本文です。\n---\n",
      "---\ntitle: 防災\nsummary: 説明です。\nfields: [safety]\n---\n本文です。\n\n---\n\n続きです。\n",
    ] {
      #expect(try diagnostics(text).isEmpty, "\(text)")
    }
  }
}
