import Diagnostics
import Foundation
import Testing

@testable import Content

/// An empty front matter (`---` twice) is told the keys of the file's own kind: a glossary
/// entry was told "e.g. `title: …`", a key it does not have.
@Suite struct EmptyFrontMatterTests {
  @Test func aGlossaryEntryIsToldTermReadingAndShort() throws {
    let (page, diagnostics) = try parseFile(
      "---\n---\n", kind: .glossary, path: "content/glossary/e.md")
    #expect(page == nil)
    let d = try #require(diagnostics.first)
    #expect(diagnostics.count == 1)
    #expect(d.code == "front-matter.missing")
    #expect(d.message == "the front matter is empty")
    #expect(
      d.hint == "add the keys a glossary entry needs: `term: …`, `reading: …`, `short: …`")
    #expect(
      d.japanese?.hint == "用語のページに必要な項目を書いてください：`term: …`、`reading: …`、`short: …`")
    #expect(!(d.hint ?? "").contains("title"))
    expectJapanese(diagnostics)
  }

  @Test func everyKindNamesItsOwnRequiredKeys() throws {
    for kind in ContentKind.allCases {
      let (_, diagnostics) = try parseFile(
        "---\n\n---\n", kind: kind, path: "content/\(kind.folder)/e.md")
      let hint = try #require(diagnostics.first?.hint)
      let named = kind.requiredKeys.map { "`\($0): …`" }.joined(separator: ", ")
      #expect(hint == "add the keys \(kind.articleName) needs: \(named)")
      expectJapanese(diagnostics)
    }
  }

  /// `requiredKeys` is what the parser asks for: a front matter with only a common key is
  /// told each of them missing, and nothing else.
  @Test func requiredKeysAreWhatTheParserReportsMissing() throws {
    for kind in ContentKind.allCases {
      let (_, diagnostics) = try parseFile(
        "---\ntags: [a]\n---\n", kind: kind, path: "content/\(kind.folder)/e.md")
      let missing = diagnostics.filter { $0.code == "front-matter.missing-key" }.map {
        String($0.message.split(separator: "`")[1])
      }
      #expect(missing == kind.requiredKeys, "\(kind)")
    }
  }
}
