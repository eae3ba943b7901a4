import Diagnostics
import Testing
import Yams

@testable import Content

/// A list key's value starting with a character YAML reads as syntax: the hint keeps a list
/// (quotes around the whole value would make it a text, and the next build a type error).
@Suite struct YAMLListValueTests: FrontMatterProblems {
  /// The line the hint says to write: the one in backquotes with its items in brackets.
  func written(_ hint: String) -> String {
    hint.split(separator: "`").map(String.init).first { $0.contains(": [") } ?? hint
  }

  /// The line the hint gives is a list of the items meant, to YAML.
  func expectList(
    _ line: String, _ items: [String], sourceLocation: Testing.SourceLocation = #_sourceLocation
  ) throws {
    let node = try Yams.compose(yaml: line)
    let key = String(line.prefix { $0 != ":" })
    #expect(
      node?[key]?.sequence?.compactMap(\.string) == items, "\(line)", sourceLocation: sourceLocation
    )
  }

  @Test func anItemStartingWithSyntaxIsQuotedInBrackets() throws {
    let d = try problem("title: T\ntags: @子育て, 防災\n")
    #expect("\(d.location.line):\(d.location.column)" == "3:7")
    #expect(
      d.message.contains("`tags` takes a list, and an item cannot start with `@`"), "\(d.message)")
    #expect(d.hint?.contains("`tags: [\"@子育て\", 防災]`") == true, "\(d.hint ?? "")")
    #expect(d.hint?.contains("put the whole value in quotes") == false)
    try expectList(written(d.hint ?? ""), ["@子育て", "防災"])
    let ja = d.localized(.japanese)
    #expect(ja.message.contains("`tags` の値はリストです"), "\(ja.message)")
    #expect(ja.hint?.contains("`tags: [\"@子育て\", 防災]`") == true, "\(ja.hint ?? "")")
  }

  @Test func aDashAfterTheKeyIsTheBracketsOrTheBlockForm() throws {
    let d = try problem("fields: - agriculture\n")
    #expect(d.message.contains("`fields` takes a list"), "\(d.message)")
    #expect(d.hint?.contains("`fields: [agriculture]`") == true, "\(d.hint ?? "")")
    #expect(
      d.hint?.contains("`fields:` alone on its line with each item under it (`  - agriculture`)")
        == true)
    try expectList(written(d.hint ?? ""), ["agriculture"])
  }

  /// Every key whose value is a list, with each character that may start a slip.
  @Test(arguments: [
    "fields", "related", "initiatives", "tags", "aliases", "redirect_from", "accessibility",
    "known_words",
  ])
  func everyListKeyKeepsAList(key: String) throws {
    for value in ["%x", "@x", "*x", "]x", "|x"] {
      let d = try problem("\(key): \(value)\n")
      #expect(d.message.contains("`\(key)` takes a list"), "\(key): \(value) → \(d.message)")
      let line = written(d.hint ?? "")
      try expectList(line, [value])
    }
  }

  /// Text keys still take the whole value in quotes.
  @Test func aTextKeyIsStillQuotedWhole() throws {
    let d = try problem("summary: @県の説明\n")
    #expect(d.hint?.contains("put the whole value in quotes: `summary: \"@県の説明\"`") == true)
  }
}
