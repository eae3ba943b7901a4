import Diagnostics
import Testing

@testable import Content

/// Mistakes of the writers' audit of 2026-12-04 (docs/errors-audit.md) whose report pointed at
/// the wrong place or gave no usable hint before.
@Suite struct ErrorsAuditQuoteTests: FrontMatterProblems {
  /// `start: '2026-…` left open is closed by the quote opening `end`'s value, and the parser
  /// stops on the `end` line: the report is the `start` line's quote, with the line to type.
  @Test func anOpenQuoteClosedByALaterValueIsReportedWhereItOpens() throws {
    try expect(
      "title: 講座\nstart: '2026-12-10T14:00:00+09:00\nend: '2026-12-10T16:00:00+09:00'\n",
      at: 3, 8, "not closed", hint: "`start: '2026-12-10T14:00:00+09:00'`")
    try expect(
      "title: \"テスト\nsummary: 説明です。\nstatus: active\ndepartment: \"農林水産部\"\n",
      at: 2, 8, "not closed", hint: "`title: \"テスト\"`")
    // In a list item, too.
    try expect(
      "title: テスト\nitems:\n  - \"一つ目\n  - \"二つ目\"\n", at: 4, 5, "not closed",
      hint: "`- \"一つ目\"`")
  }

  @Test func aQuoteLeftOpenAtTheEndGetsTheLineToType() throws {
    let d = try problem("title: 'テスト\nsummary: x\n")
    #expect(d.hint?.contains("`title: 'テスト'`") == true, "\(d.hint ?? "")")
    #expect(d.japanese?.hint?.contains("`title: 'テスト'`") == true)
  }

  /// A quote closed on its own line, then text after a later line's quote, is that line's.
  @Test func textAfterAQuoteClosedOnItsLineStaysThere() throws {
    try expect(
      "title: \"テスト\"\nsummary: \"説明\" です\n", at: 3, 15, "text after the closing quote")
    try expect(
      "title: 'it''s'\nsummary: '説明' です\n", at: 3, 15, "text after the closing quote")
  }
}
