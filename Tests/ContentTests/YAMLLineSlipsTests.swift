import Diagnostics
import Testing

@testable import Content

/// Slips of indentation and lines that are not `key: value`, with the line to type in the hint
/// (YAMLSlips+Lines).
extension YAMLSlipsTests {
  /// A key indented under a key whose value is on its line: the hint is the line to type, and
  /// the repair is certain, so the rest of the file is read in the same build (the misspelt
  /// key where it is typed, after its spaces).
  @Test func anIndentedKeyGetsTheLineToTypeAndTheRestIsRead() throws {
    try expect(
      "title: テスト\nsummary: 説明です。\n  fields: [safety]\n", at: 4, 3,
      "indented more than the line above",
      hint:
        "remove the spaces at the start of the line, as the keys above start: `fields: [safety]`")
    #expect(
      try problem("title: テスト\n  summary: 説明です。\n").localized(.japanese).hint
        == "行の頭の空白を消して、上の項目と同じように行の頭から書いてください：`summary: 説明です。`")
    let rest = try RepairedSlipsTests().problems(
      "title: 防災\nsummary: 説明です。\nfields: [safety]\n  statsu: active\nupdated: 2026/1/2\n")
    #expect(
      rest == [
        "5:3 [front-matter.yaml]", "6:10 [front-matter.date]", "5:3 [front-matter.unknown-key]",
      ],
      "\(rest)")
    // Under a key that opens a mapping, or a value going on in quotes or brackets: no slip.
    #expect(YAMLSlips.firstSlip(in: "links:\n  - title: a\n    url: b\n") == nil)
    #expect(YAMLSlips.firstSlip(in: "summary: \"一行目\n  続き: です\"\n") == nil)
    #expect(YAMLSlips.firstSlip(in: "links: [{title: a,\n  url: b}]\n") == nil)
  }

  /// `- a` over `  - b` is valid YAML, the one value `a - b` (an unknown id named by its first
  /// word's neighbour): reported at the `- ` with the line to type, and repaired.
  @Test func aListItemIndentedUnderTheOneAboveIsNamed() throws {
    try expect(
      "title: テスト\nsummary: S\nfields:\n- safety\n  - data\n", at: 6, 3,
      "this `- ` is indented more than the `- ` above it, so it is read as part of the item above (`safety - data`)",
      hint: "remove the spaces at the start of the line: `- data`")
    #expect(
      try problem("fields:\n  - safety\n    - data\n").localized(.japanese).hint
        == "`- ` を上の `- ` と縦にそろえます。行の頭の空白を、上の行と同じ2個にしてください：`- data`")
    #expect(
      try RepairedSlipsTests().problems(
        "title: 防災\nsummary: 説明です。\nfields:\n  - safety\n    - data\nstatsu: a\n") == [
          "6:5 [front-matter.yaml]", "7:1 [front-matter.unknown-key]",
        ])
    // Items under each other, nested mappings and text in a block are no slip.
    for yaml in [
      "fields:\n  - safety\n  - data\n", "links:\n  - title: a\n    url: b\n",
      "summary: |\n  - 一つ目\n    - 二つ目\n",
    ] {
      #expect(YAMLSlips.misalignedItem(in: yaml) == nil, "\(yaml)")
    }
    // The bytes' quick answer: no `- ` under a `- ` means no line to look at; one under
    // another (however far below, in a block or not) means the lines are looked at.
    #expect(!YAMLSlips.hasItemIndentedUnderItem("links:\n  - {title: a}\n  - {title: b}\n"))
    #expect(!YAMLSlips.hasItemIndentedUnderItem("fields:\n- a\n- b\ntags: [-x]\n---\n"))
    #expect(YAMLSlips.hasItemIndentedUnderItem("fields:\n- safety\n  - data\n"))
    #expect(YAMLSlips.hasItemIndentedUnderItem("a:\n  - x\nb: 1\nc:\n    - y\n"))
  }

  /// A line that is not `key: value` gets the line to type: the key's colon, or the value
  /// joined to its key's line (a sentence typed on two lines, or under its key).
  @Test func aLineThatIsNotKeyValueGetsTheLineToType() throws {
    try expect(
      "title: T\nsummary: S\ndepartment 総務部\n", at: 4, 1, "not `key: value`",
      hint: "write a colon and a space after the key: `department: 総務部`")
    try expect(
      "title: T\nsummary: 申請をインターネットで\n出せます。\nstatus: active\n", at: 4, 1,
      "not `key: value`",
      hint: "write the value on one line: `summary: 申請をインターネットで出せます。`")
    #expect(
      try problem("title: T\nsummary:\n申請を出せます。\nstatus: active\n").localized(.japanese).hint
        == "値は、項目名と同じ行に書いてください：`summary: 申請を出せます。`")
    #expect(
      try problem("title: T\nsummary: 申請を\n出せます。\n").localized(.japanese).hint
        == "上の `summary` の続きなら、1行につなげて書いてください：`summary: 申請を出せます。`")
    // Every such line in one build, and what the file holds besides, read on without them (or
    // with their colon): a sentence going on, a key without its colon, a value not allowed.
    let all = try RepairedSlipsTests().problems(
      "title テスト\nsummary: 一行目です。\n二行目です\nfields: [safety]\ndepartment 総務部\nstatus 実施中です\n")
    #expect(
      all == [
        "2:1 [front-matter.yaml]", "4:1 [front-matter.yaml]", "6:1 [front-matter.yaml]",
        "7:1 [front-matter.yaml]", "7:8 [front-matter.value]",
      ],
      "\(all)")
    // A sentence starting with capitals is no key.
    #expect(
      try problem("title: T\naccess: 千葉駅から\nJR 本千葉駅まで\n").hint
        == "if the line goes on with `access`, write the value on one line: `access: 千葉駅からJR 本千葉駅まで`"
    )
  }
}
