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

  /// A full-width space after `---` (invisible, typed with the Japanese input on) is as spaces
  /// are: the line is `---`. It was "no front matter", or "not closed" with a hint that put
  /// `---` into the last value.
  @Test func aFullWidthSpaceAfterTheDashes() {
    #expect(shown(failure("---\u{3000}\ntitle: T\n---\u{3000} \n本文\n")) == "accepted")
  }

  /// Fewer or spaced dashes at the end, and the keys with no first `---`: said so.
  @Test func dashesNearlyThreeAndNoFirstLine() {
    for (line, shownLine) in [("--", "--"), ("—", "—"), ("――", "――"), ("- - -", "- - -")] {
      #expect(
        shown(failure("---\ntitle: T\nsummary: S\n\(line)\n\n本文\n"))
          == "4:1 `\(shownLine)` does not close the front matter: it must be exactly three half-width hyphens / write `---` on this line"
      )
    }
    #expect(
      shown(failure("title: T\nsummary: S\n---\n\n本文\n"))
        == "1:1 the front matter has no first line `---`: the file starts with its keys, which end at the `---` on line 3 / add a line `---` above line 1"
    )
    // An item of one `-` is YAML, not a closing line.
    #expect(!shown(failure("---\ntitle: T\ntags:\n-\n本文\n")).contains("does not close"))
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
    #expect(shown(failure("---\ntitle: T\n")).hasPrefix("2:1 the front matter is not closed"))
    #expect(shown(failure("# 見出し\n")).hasPrefix("1:1 the file has no front matter"))
  }
}

/// A value wrapped over lines reads as one line: no space between two Japanese characters
/// where the line was wrapped, no line break in a title.
@Suite struct WrappedValueTests {
  func page(_ frontMatter: String) throws -> Page {
    let (page, diagnostics) = try parseFile(
      "---\n" + frontMatter + "---\n\n本文\n", kind: .initiative)
    #expect(diagnostics.filter { $0.severity == .error }.isEmpty, "\(diagnostics.map(\.text))")
    return try #require(page)
  }

  @Test func wrappedJapaneseHasNoSpace() throws {
    let p = try page("title: T\nsummary: 一行目です。\n  二行目です。\nfields: [f]\n")
    #expect(p.summary == "一行目です。二行目です。")
    let folded = try page("title: T\nsummary: >\n  DXを進めます。\n  県民のために\nfields: [f]\n")
    #expect(folded.summary == "DXを進めます。県民のために")
  }

  @Test func aLineBreakInATitleIsJoined() throws {
    let p = try page("title: |\n  テスト\n  二行\nsummary: Open Data\n  portal\nfields: [f]\n")
    #expect(p.title == "テスト二行")
    #expect(p.summary == "Open Data portal")
  }

  @Test func spacesOnOneLineAreKept() throws {
    let p = try page("title: 千葉県 総務部\nsummary: S\nfields: [f]\ndepartment: 総務部 デジタル改革推進局\n")
    #expect(p.title == "千葉県 総務部")
  }
}
