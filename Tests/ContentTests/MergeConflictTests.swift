import Foundation
import Testing

@testable import Content

/// A merge conflict left in a page is said as one, at its first marker, in the front matter or
/// the body; marker-like text that is no conflict is left alone.
@Suite struct MergeConflictTests {
  func first(_ text: String) -> String? {
    MergeConflicts.first(in: Array(text.utf8)).map {
      "\($0.start)-\($0.end.map(String.init) ?? "?")"
    }
  }

  @Test func conflictsAreFound() {
    #expect(
      first("---\ntitle: a\n<<<<<<< HEAD\nsummary: x\n=======\nsummary: y\n>>>>>>> main\n---\n")
        == "3-7")
    #expect(
      first("---\ntitle: a\n---\n本文\n<<<<<<< HEAD\r\nA\r\n=======\r\nB\r\n>>>>>>> 1a2b3c\r\n")
        == "5-9")
    // Cut off before its end: from its start.
    #expect(first("<<<<<<< HEAD\nA\n=======\nB\n") == "1-?")
  }

  @Test func otherTextIsNoConflict() {
    #expect(first("本文\n\n見出し\n=======\n") == nil)
    #expect(first("a <<<<<<< b\n=======\n>>>>>>> c\n") == nil)
    #expect(first("<<<<<<<<<<\n=======\n>>>>>>> c\n") == nil)
    #expect(first("<<<<<<< HEAD\nno middle\n") == nil)
    // Shown in a fenced code block, as a page about git would.
    #expect(first("本文\n\n```\n<<<<<<< HEAD\nA\n=======\nB\n>>>>>>> main\n```\n") == nil)
    #expect(first("~~~text\n<<<<<<< HEAD\n=======\n>>>>>>> x\n~~~\n") == nil)
    // After the block closes, a real one is found.
    #expect(first("```\nx\n```\n<<<<<<< HEAD\nA\n=======\nB\n>>>>>>> main\n") == "4-8")
  }

  @Test func theErrorSaysWhatItIs() {
    let d = MergeConflicts.error(path: "content/initiatives/a.md", start: 3, end: 7)
    #expect(d.code == "source.merge-conflict")
    #expect("\(d.location.line):\(d.location.column)" == "3:1")
    #expect(d.message.hasPrefix("a git merge conflict is left in the file (lines 3 to 7)"))
  }

  /// Loaded, the page is the one error (not "line 3 is not key: value" with a hint on YAML's
  /// `<<`), and lint, which loads the same way, says the same.
  @Test func aPageWithAConflictIsThatOneError() throws {
    let (root, content) = try writableFixture("invalid")
    defer { try? FileManager.default.removeItem(at: root) }
    try Data(
      "---\ntitle: a\n<<<<<<< HEAD\nsummary: x\n=======\nsummary: y\n>>>>>>> main\n---\n".utf8
    ).write(to: content.appendingPathComponent("glossary/conflict.md"))
    let (_, diagnostics) = ContentLoader.load(contentDirectory: content, displayPrefix: "content")
    let here = diagnostics.filter { $0.location.file == "content/glossary/conflict.md" }
    #expect(here.map(\.code) == ["source.merge-conflict"], "\(here.map(\.text))")
  }
}
