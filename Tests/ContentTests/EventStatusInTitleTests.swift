import Diagnostics
import Testing

@testable import Content

/// 【中止】 typed into an event's title: with `status: cancelled` it was shown twice
/// (【中止】【中止】…) in tabs and calendars; without it the event stayed open to apply.
@Suite struct EventStatusInTitleTests {
  func parse(title: String, _ line: String = "") throws -> (EventMeta?, [Diagnostic]) {
    let text = [
      "---", "title: \(title)", "summary: 体験できます。", "start: 2026-12-20", line, "---", "",
    ].joined(separator: "\n")
    let (page, diagnostics) = try parseFile(
      text, kind: .event, path: "content/events/fair.md", config: nil)
    guard case .event(let m)? = page?.meta else { return (nil, diagnostics) }
    return (m, diagnostics.filter { $0.code == "front-matter.status-in-title" })
  }

  @Test func aMarkTheStatusSaysTooIsTakenOut() throws {
    for (title, typed) in [
      ("【中止】スマホ教室", "【中止】"), ("［中止］ スマホ教室", "［中止］"), ("スマホ教室（中止）", "（中止）"),
      ("スマホ教室 (開催中止)", "(開催中止)"), ("【中止となりました】スマホ教室", "【中止となりました】"),
      ("スマホ教室（中止になりました）", "（中止になりました）"), ("※中止※スマホ教室", "※中止※"),
      ("〔中止〕スマホ教室", "〔中止〕"), ("中止：スマホ教室", "中止："),
    ] {
      let (m, warnings) = try parse(title: title, "status: cancelled")
      #expect(m?.title == "スマホ教室", "\(title)")
      let warning = try #require(warnings.first, "\(title)")
      #expect(warnings.count == 1, "\(title)")
      #expect("\(warning.location.line):\(warning.location.column)" == "2:8")
      #expect(warning.message == "the title says 中止 as `status: cancelled` does")
      #expect(warning.hint?.hasPrefix("take \(typed) out of the title") == true, "\(title)")
    }
    #expect(try parse(title: "【延期】スマホ教室", "status: postponed").0?.title == "スマホ教室")
    // Anywhere in the title, and every one of them.
    #expect(
      try parse(title: "スマホ教室 【中止】 （千葉会場）", "status: cancelled").0?.title == "スマホ教室 （千葉会場）")
    #expect(
      try parse(title: "【中止】【重要】【中止】スマホ教室", "status: cancelled").0?.title == "【重要】スマホ教室")
  }

  @Test func aMarkWithoutTheStatusIsToldToWriteIt() throws {
    let (m, warnings) = try parse(title: "【中止】スマホ教室")
    #expect(m?.title == "【中止】スマホ教室")
    #expect(m?.status == nil)
    #expect(warnings.map(\.message) == ["the title says 中止, but `status` does not"])
    #expect(warnings.first?.hint?.hasPrefix("write `status: cancelled`") == true)
    #expect(warnings.first?.japanese?.message == "タイトルに中止と書いてありますが、`status`はそう言っていません")
    let (other, otherWarnings) = try parse(title: "【延期】スマホ教室", "status: cancelled")
    #expect(other?.title == "【延期】スマホ教室")
    #expect(
      otherWarnings.map(\.message) == [
        "the title says 延期, but `status` does not (`status: cancelled`)"
      ])
    // One mark agrees and is taken out; the other is told.
    let (both, bothWarnings) = try parse(title: "【中止】【延期】スマホ教室", "status: cancelled")
    #expect(both?.title == "【延期】スマホ教室")
    #expect(bothWarnings.count == 2)
    // Without status, a mark anywhere and in other words is told too.
    for title in ["スマホ教室（中止になりました）", "スマホ教室 【中止】 （千葉会場）", "※中止※スマホ教室"] {
      #expect(try parse(title: title).1.count == 1, "\(title)")
    }
    // A title that is only the mark is told to name the event.
    let (only, onlyWarnings) = try parse(title: "【中止】", "status: cancelled")
    #expect(only?.title == "【中止】")
    #expect(
      onlyWarnings.map(\.message) == ["the title is only 【中止】: residents see no name of the event"])
  }

  @Test func titlesWithoutAMarkAreLeftAlone() throws {
    for title in [
      "中止になった理由の説明会", "【説明会】中止になった事業", "スマホ教室（第2回）", "雨天中止の場合の案内",
      "花火大会（雨天中止の場合あり）", "説明会※要予約※",
    ] {
      let (m, warnings) = try parse(title: title)
      #expect(m?.title == title, "\(title)")
      #expect(warnings.isEmpty, "\(title)")
    }
  }
}
