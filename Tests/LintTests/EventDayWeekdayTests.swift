@testable import Content
import Diagnostics
import Testing

@testable import Lint

/// On an event's page a date written without its year is read in the event's year: 最終日の
/// 12月18日(木) on the page of an event from 2026-12-14 (the 18th is a Friday), a weekday
/// copied from last year's flyer, passed unchecked.
@Suite struct EventDayWeekdayTests {
  static func event(_ start: String, _ end: String? = nil) throws -> EventMeta {
    EventMeta(
      title: "t", summary: "s", start: try #require(DateTime(iso: start, allowDateOnly: true)),
      end: try end.map { try #require(DateTime(iso: $0, allowDateOnly: true)) }, place: nil,
      online: nil, registration: nil, deadline: nil, capacity: nil, fee: nil, audience: nil,
      accessibility: [], initiatives: [])
  }

  func lint(_ body: String, _ event: EventMeta?, frontMatter: Bool = false) -> [Diagnostic] {
    if frontMatter {
      return Linter.lintFrontMatter(
        file: "e.md", frontMatter: "summary: \(body)\n", firstLine: 2,
        context: LintContext(glossaryNames: []), yearOfDay: event?.yearOfDay
      ).filter { $0.code == "lint.date-weekday" }
    }
    return Linter.lint(
      file: "e.md", markdownBody: body, bodyLineOffset: 0,
      context: LintContext(glossaryNames: []), yearOfDay: event?.yearOfDay
    ).filter { $0.code == "lint.date-weekday" }
  }

  @Test func aWrongWeekdayIsToldInTheEventsYear() throws {
    let event = try Self.event("2026-12-14", "2026-12-18")
    let wrong = lint("最終日の12月18日(木)は15時までです。", event)
    #expect(wrong.map(\.message) == ["12月18日 is a 金曜日 in 2026, the event's year, not 木曜日"])
    #expect(wrong.first?.hint == "correct the date or write its weekday: 12月18日（金）")
    #expect(wrong.first?.japanese?.message == "イベントの年の2026年の12月18日は金曜日です（木曜日ではありません）")
    // Not on another page, where the year is not known; the right weekday passes.
    #expect(lint("最終日の12月18日(木)は15時までです。", nil).isEmpty)
    #expect(lint("最終日の12月18日(金)は15時までです。", event).isEmpty)
  }

  @Test func aDayIsReadWithinTheEventThenNearIt() throws {
    // A year-long exhibition: 10月1日 is of 2026 (a Thursday), 3月31日 of 2027 (a Wednesday).
    let year = try Self.event("2026-04-01", "2027-03-31")
    #expect(try #require(year.yearOfDay(month: 10, day: 1)) == 2026)
    #expect(try #require(year.yearOfDay(month: 3, day: 31)) == 2027)
    #expect(lint("10月1日（木）は休館です。最終日の3月31日（水）は15時までです。", year).isEmpty)
    // Around one day: 1月4日 after an event of 2026-12-28 is of 2027; a deadline before one of
    // 2027-01-16, 12月20日, of 2026.
    #expect(lint("1月4日（月）まで開きます。", try Self.event("2026-12-28")).isEmpty)
    #expect(lint("1月4日（日）まで開きます。", try Self.event("2026-12-28")).count == 1)
    #expect(lint("締め切りは12月20日（日）です。", try Self.event("2027-01-16")).isEmpty)
    // An event over more than a year holds 5月1日 twice: no year is guessed.
    let long = try Self.event("2026-04-01", "2027-06-30")
    #expect(long.yearOfDay(month: 5, day: 1) == nil)
    #expect(lint("5月1日（日）は休みです。", long).isEmpty)
  }

  @Test func aSentenceAboutAnotherTimeIsLeftAlone() throws {
    let event = try Self.event("2026-12-14")
    for text in ["前回は12月14日(日)に開きました。", "昨年の12月18日(木)は満員でした。", "例年12月14日(日)ごろです。"] {
      #expect(lint(text, event).isEmpty, "\(text)")
    }
    // The next sentence is the event's again.
    #expect(lint("前回は12月14日(日)でした。今回は12月14日(日)です。", event).count == 1)
  }

  @Test func aMissingWeekdayGetsItAsTheHintAndFix() throws {
    let missing = lint("12月18日は15時までです。", try Self.event("2026-12-14"))
    #expect(missing.first?.hint == "add the weekday in brackets: 12月18日（金）")
    #expect(missing.first?.fixes.isEmpty == false)
  }

  @Test func theSummaryIsReadInTheEventsYearToo() throws {
    #expect(lint("12月18日(木)まで開きます。", try Self.event("2026-12-14"), frontMatter: true).count == 1)
  }
}
