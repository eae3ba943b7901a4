import Testing

@testable import Content

/// Dates typed the way Japanese documents write them get the form to write instead.
@Suite struct DateHintTests {
  @Test(arguments: [
    ("2026/4/1", false, "write `updated: 2026-04-01`"),
    ("2026年4月1日（水）", false, "write `updated: 2026-04-01`"),
    ("令和8年4月1日", false, "write `updated: 2026-04-01`"),
    ("令和元年5月1日", false, "write `updated: 2019-05-01`"),
    ("２０２６－０４－０１", false, "write `updated: 2026-04-01`"),
    ("2026-13-01", false, "there is no month 13; write e.g. `updated: 2026-04-01`"),
    ("2026-02-30", false, "2026年2月 has 28 days; write e.g. `updated: 2026-04-01`"),
    (
      "2026-12-10T14:00:00", true,
      "add Japan's offset `+09:00`: `updated: 2026-12-10T14:00:00+09:00`"
    ),
    (
      "2026/12/10 14:00", true,
      "write the date and the time, e.g. `updated: 2026-12-10T13:30:00+09:00` (13:30 in Japan)"
    ),
  ])
  func hints(_ text: String, _ withTime: Bool, _ expected: String) {
    #expect(DateHints.hint(for: text, key: "updated", withTime: withTime) == expected)
  }

  @Test func notADateAtAll() {
    #expect(DateHints.hint(for: "来年", key: "updated", withTime: false) == nil)
    #expect(DateHints.hint(for: "12月10日", key: "updated", withTime: false) == nil)
  }

  /// `publish` and `deadline` take a date alone or a date and time: a time typed without its
  /// offset is told to add it (the hint dropped the time, publishing 9 hours early).
  @Test func aTimeWithoutOffsetKeepsItsTimeWhereADateAloneIsAllowed() throws {
    let text =
      "---\ntitle: T\nsummary: S\nfields: [f]\npublish: 2026-11-01T09:00:00\n---\n"
    let hints = try parseFile(text, kind: .initiative).1.compactMap(\.hint)
    #expect(
      hints.contains("add Japan's offset `+09:00`: `publish: 2026-11-01T09:00:00+09:00`"),
      "\(hints)")
    let dateOnly = "---\ntitle: T\nsummary: S\nfields: [f]\npublish: 2026/11/1\n---\n"
    #expect(
      try parseFile(dateOnly, kind: .initiative).1.compactMap(\.hint).contains(
        "write `publish: 2026-11-01`"))
  }
}
