import Diagnostics
import Testing

@testable import Content

/// Slips found by writing the shipped pages as the communications team would (a writer's-eye
/// audit): each gets one error at the character to fix, with the line to type.
@Suite struct WriterSlipsTests: FrontMatterProblems {
  /// `line:column code` of every diagnostic of an event written with `frontMatter` (the front
  /// matter starts on line 2), in order of place.
  func places(_ frontMatter: String, kind: ContentKind = .initiative) throws -> [Diagnostic] {
    let (_, diagnostics) = try parseFile(
      "---\n" + frontMatter + "---\n本文です。\n", kind: kind, path: "content/initiatives/x.md")
    return diagnostics.sorted {
      ($0.location.line, $0.location.column) < ($1.location.line, $1.location.column)
    }
  }

  let head = "title: 防災\nsummary: 説明です。\nfields: [safety]\n"

  /// `capacity:　100`: the hint's line to type had the full-width space still in it.
  @Test func aFullWidthSpaceAfterTheColon() throws {
    try expect(
      "title: T\ncapacity:\u{3000}100\n", at: 3, 10,
      "the space after `capacity:` is a full-width space",
      hint: "write a half-width space: `capacity: 100`")
    let d = try problem("status:\u{3000}\u{3000}active\n")
    #expect(d.hint == "write a half-width space: `status: active`")
    #expect(d.localized(.japanese).hint == "半角スペースにしてください：`status: active`")
    // Repaired: the file's other mistakes are read, one error for this one.
    let found = try places(head + "status:\u{3000}actve\n")
    #expect(
      found.map { "\($0.location.line):\($0.location.column) \($0.code ?? "")" } == [
        "5:8 front-matter.yaml", "5:9 front-matter.value",
      ])
  }
}
