import Diagnostics
import Testing

@testable import Content

/// Titles over 40 characters and summaries over 120 are warnings at the value; the page is
/// still built.
@Suite struct LengthTests {
  @Test func aLongTitleAndSummaryAreWarnedAtTheirValues() throws {
    let title = String(repeating: "県", count: 41)
    let summary = String(repeating: "あ", count: 60) + " " + String(repeating: "い", count: 61)
    let (page, diagnostics) = try parseFile(
      "---\ntitle: \(title)\nsummary: \(summary)\nstatus: active\nfields: [disaster]\n---\n\n本文。\n",
      kind: .initiative)
    #expect(page != nil)
    let found = diagnostics.map {
      "\($0.location.line):\($0.location.column) \($0.code ?? "") \($0.message)"
    }
    #expect(
      found == [
        "2:8 content.long-title `title` has 41 characters (more than 40): lists, search results and browser tabs wrap or cut it",
        "3:10 content.long-summary `summary` has 121 characters (more than 120): it stands under the title in every list, and search engines cut it",
      ])
    #expect(diagnostics.allSatisfy { $0.severity == .warning })
  }

  @Test func theLimitsThemselvesAndSpacesPass() throws {
    let (_, diagnostics) = try parseFile(
      "---\ntitle: \(String(repeating: "県", count: 40))\nsummary: \(String(repeating: "あ ", count: 120))\nstatus: active\nfields: [disaster]\n---\n",
      kind: .initiative)
    let long = diagnostics.compactMap(\.code).filter { $0.hasPrefix("content.long") }
    #expect(long.isEmpty)
  }

  @Test func glossaryEntriesAreMeasuredByTermAndShort() throws {
    let (_, diagnostics) = try parseFile(
      "---\nterm: \(String(repeating: "用", count: 41))\nreading: よう\nshort: \(String(repeating: "短", count: 121))\n---\n",
      kind: .glossary, path: "content/glossary/x.md")
    #expect(
      diagnostics.compactMap(\.code).filter { $0.hasPrefix("content.long") } == [
        "content.long-title", "content.long-summary",
      ])
    #expect(diagnostics.contains { $0.message.hasPrefix("`term` has 41") })
    let hints = diagnostics.compactMap(\.hint)
    #expect(hints.contains { $0.contains("`short`") })
  }
}
