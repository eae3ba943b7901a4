import Diagnostics
import Testing

@testable import Content

/// Invisible characters pasted into front matter (a zero-width space, a no-break space, a byte
/// order mark): named at their place with the line to type, never "unknown key `​title`" or
/// an id that looks right.
@Suite struct InvisibleCharacterTests: FrontMatterProblems {
  @Test func inAValueOrAnId() throws {
    try expect(
      "title: T\nfields: \u{FEFF}[crisis-management]\n", at: 3, 9,
      "the line has an invisible character, a byte order mark (U+FEFF)",
      hint: "delete it (it often comes with text pasted from Word or a web page")
    try expect(
      "title: T\nfields: [crisis\u{200B}-management]\n", at: 3, 16,
      "a zero-width space (U+200B): to YAML it is part of the value, which is then not what it looks like",
      hint: "`fields: [crisis-management]`")
    try expect(
      "tags:\n  - 子育て\u{2060}\n", at: 3, 8, "a word joiner (U+2060)", hint: "`- 子育て`")
    // A no-break space becomes a plain one.
    try expect(
      "fields: [agriculture,\u{00A0}crisis-management]\n", at: 2, 22,
      "a no-break space (U+00A0)", hint: "`fields: [agriculture, crisis-management]`")
    try expect(
      "status:\u{00A0}active\n", at: 2, 8, "a no-break space",
      hint:
        "type a plain space for it (it often comes with text pasted from Word or a web page, and most editors do not show it): `status: active`"
    )
  }

  @Test func inAKey() throws {
    try expect(
      "\u{200B}title: T\n", at: 2, 1,
      "the line starts with an invisible character, a zero-width space (U+200B): to YAML it is part of the key",
      hint: "`title: T`")
    try expect("title\u{200B}: T\n", at: 2, 6, "part of the key", hint: "`title: T`")
    try expect(
      "\u{FEFF}title: T\nsummary: S\n", at: 2, 1,
      "the line starts with an invisible character, a byte order mark (U+FEFF)", hint: "`title: T`")
  }

  @Test func inJapanese() throws {
    let d = try problem("fields: [crisis\u{200B}-management]\n").localized(.japanese)
    #expect(d.message.hasPrefix("行に、目に見えない文字 幅のないスペース（U+200B）が入っています"), "\(d.message)")
    #expect(d.hint?.hasSuffix("：`fields: [crisis-management]`") == true, "\(d.hint ?? "")")
  }

  /// In a sentence or a name it is the writer's text, shown as typed.
  @Test func aSentenceKeepsItsSpaces() {
    for yaml in [
      "summary: 説明\u{00A0}です\n", "title: A\u{200B}B\n", "links:\n  - title: A\u{00A0}B\n",
    ] {
      if case .failure(let d) = parseYAML(yaml, file: "a.md", lineOffset: 2) {
        Issue.record("rejected \(yaml.debugDescription): \(d.message)")
      }
    }
  }

  /// Each line's character is reported in one build, and the keys are read without them: no
  /// "unknown key" nor "unknown field" besides.
  @Test func everyLineInOneBuild() throws {
    let text =
      "---\n\u{200B}title: 防災\nsummary: 説明です。\nfields: [crisis\u{200B}-management]\nstatus: active\ndepartment: 防災危機管理部\n---\n本文です。\n"
    let (page, diagnostics) = try parseFile(text, kind: .initiative)
    #expect(page == nil)
    #expect(
      diagnostics.map { "\($0.location.line):\($0.location.column) \($0.code ?? "")" }
        == ["2:1 front-matter.yaml", "4:16 front-matter.yaml"], "\(diagnostics.map(\.message))")
  }

  /// A file name with one looks like a good slug in the file manager: the character is named.
  @Test func inAFileName() throws {
    let (_, diagnostics) = try parseFile(
      "---\ntitle: 防災\nsummary: 説明です。\nfields: [crisis-management]\nstatus: active\ndepartment: 防災危機管理部\n---\n本文です。\n",
      kind: .initiative, path: "content/initiatives/ai\u{200B}-disaster.md")
    let d = try #require(diagnostics.first { $0.code == "front-matter.slug" })
    #expect(
      d.message.contains("has an invisible character, a zero-width space (U+200B)"), "\(d.message)")
    #expect(
      d.hint == "rename the file `ai-disaster.md` (file managers do not show the character either)")
    #expect(d.localized(.japanese).hint?.contains("`ai-disaster.md` に変えてください") == true)
  }
}
