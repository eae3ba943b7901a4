import Diagnostics
import Testing

@testable import Content

/// After a slip whose repair is certain, the front matter is read as the hints say to write it
/// (`YAMLSlips.repairedSlips`). Every later diagnostic names the character as the writer typed
/// it: the repaired line's value where it is in the file, not where the repair moved it, and
/// the lines after it where they are.
@Suite struct RepairedPlacesTests {
  /// `line:column code` of every diagnostic of an initiative written with `frontMatter`, in
  /// the file's lines (the front matter starts on line 2), in order of place.
  func places(_ frontMatter: String) throws -> [String] {
    let (_, diagnostics) = try parseFile(
      "---\n" + frontMatter + "---\n本文です。\n", kind: .initiative,
      path: "content/initiatives/x.md")
    return
      diagnostics
      .sorted { ($0.location.line, $0.location.column) < ($1.location.line, $1.location.column) }
      .map { "\($0.location.line):\($0.location.column) \($0.code ?? "")" }
  }

  func expect(
    _ frontMatter: String, _ expected: [String], without skipped: String? = nil,
    sourceLocation: Testing.SourceLocation = #_sourceLocation
  ) throws {
    let found = try places(frontMatter).filter { skipped == nil || !$0.hasSuffix(skipped!) }
    #expect(found == expected, sourceLocation: sourceLocation)
  }

  /// Lines 2 to 4 of every file below.
  let head = "title: 防災\nsummary: 説明です。\nfields: [safety]\n"

  @Test func aFullWidthColonAndTheSpacesAfterIt() throws {
    // `actve` is the 10th character of `status：  actve`; the repair wrote `status: actve`.
    try expect(
      head + "status：  actve\nstarted: 2026/4/1\n",
      [
        "5:7 front-matter.yaml", "5:10 front-matter.value", "6:10 front-matter.date",
      ])
  }

  @Test func noSpaceAfterTheColon() throws {
    try expect(
      head + "status:actve\nstarted: 2026/4/1\n",
      [
        "5:8 front-matter.yaml", "5:8 front-matter.value", "6:10 front-matter.date",
      ])
  }

  @Test func tabsBeforeAKey() throws {
    try expect(
      head + "\t\tstatus: actve\nstarted: 2026/4/1\n",
      [
        "5:1 front-matter.yaml", "5:11 front-matter.value", "6:10 front-matter.date",
      ])
  }

  @Test func fullWidthSpacesBeforeAKey() throws {
    // The full-width colon on the next line is the parser's error; both are repaired.
    try expect(
      head + "\u{3000}\u{3000}status: actve\nstarted：2026/4/1\n",
      [
        "5:1 front-matter.yaml", "5:11 front-matter.value", "6:8 front-matter.yaml",
        "6:9 front-matter.date",
      ])
  }

  @Test func aKeyIndentedUnderAKeyWithItsValue() throws {
    try expect(
      "title: 防災\nsummary: 説明です。\n   status: actve\nfields: [safety]\nstarted: 2026/4/1\n",
      [
        "4:4 front-matter.yaml", "4:12 front-matter.value", "6:10 front-matter.date",
      ])
  }

  @Test func anItemIndentedUnderAnItemOfText() throws {
    // `a/b` is the 7th character of `    - a/b`; the repair wrote `- a/b`.
    try expect(
      head + "tags:\n- 防災\n    - a/b\nstarted: 2026/4/1\n",
      [
        "7:5 front-matter.yaml", "7:7 front-matter.tag", "8:10 front-matter.date",
      ])
  }

  @Test func twoSlipsOnOneLine() throws {
    // The colon is reported as typed, after the tab: the second slip is found in the line as
    // the first repair left it.
    try expect(
      head + "\tstatus：\u{3000}actve\nstarted：2026/4/1\n",
      [
        "5:1 front-matter.yaml", "5:8 front-matter.yaml", "5:10 front-matter.value",
        "6:8 front-matter.yaml", "6:9 front-matter.date",
      ])
  }

  @Test func theParsersErrorInARepairedLine() throws {
    // An unclosed quote, reported where it opens.
    try expect(
      head + "status：  \"actve\n",
      [
        "5:7 front-matter.yaml", "5:10 front-matter.yaml",
      ])
  }

  @Test func aCommentCuttingARepairedValue() throws {
    // `#` is the 11th character of `title：第2回 #DX 説明会`.
    try expect(
      "title：第2回 #DX 説明会\nsummary: 説明です。\nfields: [safety]\n",
      [
        "2:6 front-matter.yaml", "2:11 front-matter.comment",
      ])
  }

  /// Columns count characters, as everywhere (`docs/lint.md`): a flag is two Unicode scalars,
  /// which the YAML parser counts apart, and one character.
  @Test func columnsCountCharactersAfterARepair() throws {
    // `a/b` is the 10th character of `tags：[🇯🇵, a/b]` and the 11th of `tags: [🇯🇵, a/b]`.
    try expect(head + "tags：[🇯🇵, a/b]\n", ["5:5 front-matter.yaml", "5:10 front-matter.tag"])
    try expect(head + "tags: [🇯🇵, a/b]\n", ["5:11 front-matter.tag"])
  }

  /// The parser starts a line at a line or paragraph separator (U+2028, U+2029) too; the
  /// writer's editor and every other message count lines at line feeds.
  @Test func linesAreTheFilesAfterALineSeparator() throws {
    try expect(
      "title: 防災\nsummary: 説明\u{2028} です。\nfields: [safety]\nstatus: actve\n",
      ["5:9 front-matter.value"])
  }

  /// site.yml's values are placed the same way.
  @Test func siteYmlColumnsCountCharacters() {
    let (_, diagnostics) = SiteConfig.parse(
      "title: T\nbase_url: https://x.example/\ndomains: []\ndepartments:\n  🇯🇵課: { phone: 03-xyz }\n",
      file: "site.yml")
    // `03-xyz` is the 16th character of its line, the 17th Unicode scalar.
    #expect(diagnostics.map { "\($0.location.line):\($0.location.column)" } == ["5:16"])
  }

  @Test func repairedSlipsAreAtTheWritersColumns() {
    let repaired = YAMLSlips.repairedSlips(in: "\tstatus：\u{3000}actve\n   \u{3000}title：x\n")
    #expect(repaired.slips.map { "\($0.line):\($0.column)" } == ["1:1", "1:8", "2:4", "2:10"])
    #expect(repaired.text == "status: actve\ntitle: x\n")
    #expect(repaired.repairs.column(9, onLine: 1) == 10)
    #expect(repaired.repairs.column(8, onLine: 2) == 11)
  }

  @Test func aRepairMapsColumnsBackToTheLineAsTyped() {
    var repairs = YAMLRepairs()
    repairs.record(line: 3, from: "status：  actve", to: "status: actve")
    // Before the change, in it, after it; past the end of the line; other lines.
    #expect(
      (1...14).map { repairs.column($0, onLine: 3) } == [
        1, 2, 3, 4, 5, 6, 7, 9, 10, 11, 12, 13, 14, 15,
      ])
    #expect(repairs.column(5, onLine: 2) == 5)
    // A second repair of the same line is undone first.
    repairs.record(line: 3, from: "status: actve", to: "status: active")
    #expect(repairs.column(11, onLine: 3) == 12)
    #expect(repairs.column(14, onLine: 3) == 14)
    // Spaces inserted (no space after the colon) point at the character they come before.
    var inserted = YAMLRepairs()
    inserted.record(line: 1, from: "a:b", to: "a: b")
    #expect((1...4).map { inserted.column($0, onLine: 1) } == [1, 2, 3, 3])
  }
}
