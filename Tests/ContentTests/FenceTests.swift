import Diagnostics
import Testing

@testable import Content

/// The `---` lines around the front matter, typed otherwise: said where and how, not "the file
/// has no front matter" at 1:1.
@Suite struct FenceTests {
  func failure(_ text: String) -> Diagnostic? {
    guard
      case .failure(let d) = SourceFile.read(
        bytes: Array(text.utf8), path: "a.md", relativePath: "a.md")
    else { return nil }
    return d
  }

  func shown(_ d: Diagnostic?) -> String {
    d.map { "\($0.location.line):\($0.location.column) \($0.message) / \($0.hint ?? "")" }
      ?? "accepted"
  }

  @Test func emptyLinesBeforeTheFrontMatter() {
    #expect(
      shown(failure("\n\n---\ntitle: T\n---\n"))
        == "1:1 the front matter must start on the first line, but the file starts with 2 empty line(s) / delete the empty lines above `---`"
    )
  }

  @Test func otherDashesToOpenOrClose() {
    #expect(
      shown(failure("ーーー\ntitle: T\n---\n"))
        == "1:1 `ーーー` does not start the front matter: it must be exactly three half-width hyphens / write `---` on this line"
    )
    #expect(
      shown(failure("---\ntitle: T\nsummary: S\nーーー\n\n本文\n"))
        == "4:1 `ーーー` does not close the front matter: it must be exactly three half-width hyphens / write `---` on this line"
    )
    #expect(
      shown(failure("---\ntitle: T\n----\n本文\n"))
        == "3:1 `----` does not close the front matter: it must be exactly three half-width hyphens / write `---` on this line"
    )
    // A closing `---` later wins: a `----` inside (a YAML block) is not the end.
    #expect(shown(failure("---\ntitle: T\n---\n\n----\n")) == "accepted")
    #expect(shown(failure("---\ntitle: T\n")).hasPrefix("1:1 the front matter is not closed"))
    #expect(shown(failure("# 見出し\n")).hasPrefix("1:1 the file has no front matter"))
  }
}
