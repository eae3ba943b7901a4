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
}
