import Content
import Diagnostics
import Testing

@testable import Lint

/// On an event's page a date written without its year is read in the year nearest the event's
/// start: 最終日の12月18日(木) on a page of an event from 2026-12-14 (the 18th is a Friday), a
/// weekday copied from last year's flyer, passed unchecked.
@Suite struct EventDayWeekdayTests {
  func lint(_ body: String, start: String?, frontMatter: Bool = false) throws -> [Diagnostic] {
    let eventStart = try start.map { try #require(DateTime(iso: $0, allowDateOnly: true)) }
    if frontMatter {
      return Linter.lintFrontMatter(
        file: "e.md", frontMatter: "summary: \(body)\n", firstLine: 2,
        context: LintContext(glossaryNames: []), eventStart: eventStart
      ).filter { $0.code == "lint.date-weekday" }
    }
    return Linter.lint(
      file: "e.md", markdownBody: body, bodyLineOffset: 0,
      context: LintContext(glossaryNames: []), eventStart: eventStart
    ).filter { $0.code == "lint.date-weekday" }
  }

  @Test func aWrongWeekdayIsToldInTheEventsYear() throws {
    let wrong = try lint("最終日の12月18日(木)は15時までです。", start: "2026-12-14")
    #expect(wrong.map(\.message) == ["12月18日 is a 金曜日 in 2026, the event's year, not 木曜日"])
    #expect(wrong.first?.hint == "correct the date or write its weekday: 12月18日（金）")
    #expect(wrong.first?.japanese?.message == "イベントの年の2026年の12月18日は金曜日です（木曜日ではありません）")
    // Not on another page, where the year is not known.
    #expect(try lint("最終日の12月18日(木)は15時までです。", start: nil).isEmpty)
    // The right weekday passes.
    #expect(try lint("最終日の12月18日(金)は15時までです。", start: "2026-12-14").isEmpty)
  }

  @Test func theYearNearestTheStartIsTaken() throws {
    // An event from 2026-12-28: 1月4日 is of 2027 (a Monday), 12月20日's deadline of 2026 (a Sunday).
    #expect(try lint("1月4日（月）まで開きます。", start: "2026-12-28").isEmpty)
    #expect(try lint("締め切りは12月20日（日）です。", start: "2027-01-16").isEmpty)
    #expect(try lint("1月4日（日）まで開きます。", start: "2026-12-28").count == 1)
  }

  @Test func aMissingWeekdayGetsItAsTheHintAndFix() throws {
    let missing = try lint("12月18日は15時までです。", start: "2026-12-14")
    #expect(missing.first?.hint == "add the weekday in brackets: 12月18日（金）")
    #expect(missing.first?.fixes.isEmpty == false)
  }

  @Test func theSummaryIsReadInTheEventsYearToo() throws {
    #expect(try lint("12月18日(木)まで開きます。", start: "2026-12-14", frontMatter: true).count == 1)
  }
}
