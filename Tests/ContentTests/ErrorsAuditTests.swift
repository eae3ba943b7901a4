import Diagnostics
import Foundation
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

/// A year typed wrong in an event (`start: 1926-…`, `2062-…`, `end` a year late) is a warning
/// at the value with the date meant; a deadline is not then offered a day in 1926.
@Suite struct ErrorsAuditEventYearTests {
  func diagnostics(_ lines: String...) throws -> [Diagnostic] {
    let text = (["---", "title: 講座", "summary: 学べます。"] + lines + ["---", ""])
      .joined(separator: "\n")
    return try parseFile(text, kind: .event, path: "content/events/a.md", config: nil).1
  }

  func described(_ diagnostics: [Diagnostic]) -> [String] {
    diagnostics.map { "\($0.location.line):\($0.location.column) \($0.message) / \($0.hint ?? "")" }
  }

  @Test func aStartFarFromItsPublishDayIsAskedAbout() throws {
    let past = try diagnostics(
      "start: '1926-12-10T14:00:00+09:00'", "end: '1926-12-10T16:00:00+09:00'",
      "deadline: 2026-12-03", "publish: 2026-11-25")
    #expect(
      described(past) == [
        "4:8 the event starts on 1926-12-10, 100 years before its page is published (`publish: 2026-11-25`): is the year right? / if the year is a slip, write `start: 2026-12-10T14:00:00+09:00` and `end: 2026-12-10T16:00:00+09:00`"
      ])
    #expect(past.first?.severity == .warning && past.first?.code == "front-matter.date")
    expectJapanese(past)
    // All day, after: the year that puts it on or after the publish day.
    let future = try diagnostics("start: 2062-01-16", "publish: 2026-11-25")
    #expect(
      described(future).first?.hasSuffix("write `start: 2027-01-16`") == true,
      "\(described(future))")
  }

  @Test func anEndAYearLateIsAskedAbout() throws {
    let late = try diagnostics(
      "start: '2026-12-10T14:00:00+09:00'", "end: '2027-12-10T16:00:00+09:00'")
    #expect(
      described(late) == [
        "5:6 the event lasts 366 days, from 2026-12-10 to 2027-12-10: is the year of `end` right? / if it ends in 2026, write `end: 2026-12-10T16:00:00+09:00`"
      ])
    expectJapanese(late)
    // Over the new year: the end's year after the start's.
    let newYear = try diagnostics("start: 2026-12-28", "end: 2028-01-03")
    #expect(described(newYear).first?.hasSuffix("write `end: 2027-01-03`") == true)
  }

  /// What is usual is not asked about: a year-long programme, an event a year ahead, a report
  /// of an event published some months after it.
  @Test func usualDatesPass() throws {
    #expect(try diagnostics("start: 2026-04-01", "end: 2027-03-31").isEmpty)
    #expect(try diagnostics("start: 2027-11-01", "publish: 2026-11-25").isEmpty)
    #expect(try diagnostics("start: 2026-03-01", "publish: 2026-11-25").isEmpty)
    #expect(try diagnostics("start: 2026-12-28", "end: 2027-01-03").isEmpty)
  }
}

/// A field id misspelt in site.yml (`crisis-managment`), the pages naming it right: site.yml
/// gets the error at its id, and the pages' hints point there, not at the slip
/// (`Fixtures/site-yml-typo`).
@Suite struct ErrorsAuditSiteIDTests {
  @Test func aSlipInSiteYmlIsReportedThere() throws {
    let (_, diagnostics) = ContentLoader.load(
      contentDirectory: fixture("site-yml-typo"), displayPrefix: "content")
    let got = diagnostics.sorted.map {
      "\($0.location.file):\($0.location.line):\($0.location.column) \($0.message) / \($0.hint ?? "")"
    }
    #expect(
      got == [
        "content/fields/crisis-management.md:4:8 `field` names an unknown field `crisis-management` / site.yml lists `crisis-managment`, which no page names: if that is the slip, write `id: crisis-management` there (content/site.yml:13:15); else write `crisis-managment` here",
        "content/initiatives/ai-disaster.md:4:10 `fields` names an unknown field `crisis-management` / site.yml lists `crisis-managment`, which no page names: if that is the slip, write `id: crisis-management` there (content/site.yml:13:15); else write `crisis-managment` here",
        // A page's own slip, `safty` for the `safety` another page names, keeps its hint.
        "content/initiatives/watch.md:4:10 `fields` names an unknown field `safty` / did you mean `safety`?",
        "content/site.yml:13:15 the field id `crisis-managment` is named by no page, while 2 files name `crisis-management`, which site.yml does not list / did you mean `id: crisis-management`? (if `crisis-managment` is right, write it in those files instead)",
      ], "\(got)")
    expectJapanese(diagnostics)
  }

  /// A field copied in site.yml and its id left as it was (`safety` twice): one error, site.yml's,
  /// naming both lines, the id lost and the files naming it, whose own errors are not listed
  /// (they were six errors for one slip; `Fixtures/site-yml-twice`).
  @Test func anIdGivenTwiceIsOneErrorAtSiteYml() throws {
    let (_, diagnostics) = ContentLoader.load(
      contentDirectory: fixture("site-yml-twice"), displayPrefix: "content")
    let got = diagnostics.sorted.map {
      "\($0.location.file):\($0.location.line):\($0.location.column) \($0.code ?? "") \($0.message) / \($0.hint ?? "")"
    }
    #expect(
      got == [
        "content/site.yml:14:11 config.duplicate-id the field id `safety` is given twice (lines 13 and 14), and 2 files name `crisis-management`, which site.yml does not list: was one of the two meant to be `crisis-management`? / write `id: crisis-management` on the line meant for it (13 or 14); the files naming it (content/fields/crisis-management.md, content/initiatives/ai-disaster.md) then need no change"
      ], "\(got)")
    #expect(
      diagnostics.first?.japanese?.message
        == "分野の id `safety` が2回（13行目と14行目）書かれています。一方、2個のファイルが、site.yml にない `crisis-management` を書いています。どちらかは `crisis-management` のつもりではありませんか"
    )
    expectJapanese(diagnostics)
  }

  /// More than three files are named three and a count.
  @Test func manyFilesAreCounted() {
    let d = SiteIDSlips.givenTwice(
      what: "domain", id: "life", lost: "work", lines: [3, 9],
      files: ["a.md", "b.md", "c.md", "d.md", "e.md"], at: SourceLocation(file: "site.yml"))
    #expect(d.hint?.contains("(a.md, b.md, c.md and 2 more)") == true, "\(d.hint ?? "")")
    #expect(d.japanese?.hint?.contains("（a.md、b.md、c.md ほか2個）") == true)
    #expect(d.japanese?.message.hasPrefix("領域の id `life` が2回（3行目と9行目）") == true)
  }

  @Test func idPositionFindsTheValue() {
    let text = "domains:\n  - id: life\n    fields:\n      - { id: safety, name: 安全 }\n"
    #expect(SiteIDSlips.idPosition("safety", in: text)! == (4, 15))
    #expect(SiteIDSlips.idPosition("life", in: text)! == (2, 9))
    #expect(SiteIDSlips.idPosition("saf", in: text) == nil)
  }
}

/// `end: 2026-12-10T25:00:00+09:00` (25時, as TV timetables write 1 a.m.): the hint kept the
/// date alone, an all-day `end` for a timed event; it is the next day's hour now.
@Suite struct ErrorsAuditLateHourTests {
  @Test func anHourAfterMidnightIsTheNextDays() {
    #expect(
      DateHints.hint(for: "2026-12-10T25:00:00+09:00", key: "end", takes: .dateOrDateTime)
        == "there is no hour 25 in a day (00 to 23): 25:00 is 1:00 of the next day — write `end: 2026-12-11T01:00:00+09:00`"
    )
    #expect(
      DateHints.hints(for: "2026-12-31 24時30分", key: "end", takes: .dateTime)?.japanese
        == "1日の時刻は23時までです。24時は、次の日の0時です：`end: 2027-01-01T00:30:00+09:00` と書いてください")
    // A date alone is still a date alone, and 48時 is no time.
    #expect(
      DateHints.hint(for: "2026/12/10", key: "end", takes: .dateOrDateTime)
        == "write `end: 2026-12-10`")
    #expect(
      DateHints.hint(for: "2026-12-10 48:00", key: "end", takes: .dateOrDateTime)
        == "write `end: 2026-12-10`")
  }
}

/// An empty file (created, not yet written) is said to be empty, with the front matter its
/// kind needs; it was "the file has no front matter", about a `---` the writer did not know.
@Suite struct ErrorsAuditEmptyFileTests {
  @Test func anEmptyFileIsToldWhatToWrite() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "errors-audit-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    for (content, kind, expected) in [
      ("", ContentKind.initiative, "`title: …`, `summary: …`, `fields: …`"),
      ("\n  \n", .glossary, "`term: …`, `reading: …`, `short: …`"),
    ] {
      let file = folder.appendingPathComponent("new.md")
      try content.write(to: file, atomically: true, encoding: .utf8)
      let (page, diagnostics, _) = ContentLoader.parse(
        at: file.path, shownAs: "content/x/new.md", relative: "x/new.md", kind: kind, config: nil)
      #expect(page == nil)
      let d = try #require(diagnostics.first)
      #expect(diagnostics.count == 1)
      #expect(d.message == "the file is empty" && d.code == "front-matter.missing")
      #expect("\(d.location.line):\(d.location.column)" == "1:1")
      #expect(d.hint?.contains(expected) == true, "\(d.hint ?? "")")
      #expect(d.japanese?.message == "ファイルが空です")
    }
  }
}

/// `department:` written as a list: the hint is the line with the writer's own words, not
/// the key's example (`department: …`).
@Suite struct ErrorsAuditListAsTextTests {
  @Test func aListWhereTextGoesIsShownAsOneLine() throws {
    let text = """
      ---
      title: 取組
      summary: 説明です。
      fields: [safety]
      department:
        - 農林水産部
        - 商工労働部
      ---

      本文です。

      """
    let (_, diagnostics) = try parseFile(
      text, kind: .initiative, path: "content/initiatives/a.md", config: nil)
    let d = try #require(diagnostics.first { $0.code == "front-matter.type" })
    #expect(d.message == "`department` must be text")
    #expect(d.hint == "write `department: 農林水産部、商工労働部` on one line", "\(d.hint ?? "")")
    #expect(d.japanese?.hint == "`department: 農林水産部、商工労働部` のように、1行で書いてください")
  }
}
