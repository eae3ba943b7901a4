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
    for title in ["【中止】スマホ教室", "［中止］ スマホ教室", "スマホ教室（中止）", "スマホ教室 (開催中止)"] {
      let (m, warnings) = try parse(title: title, "status: cancelled")
      #expect(m?.title == "スマホ教室", "\(title)")
      let warning = try #require(warnings.first, "\(title)")
      #expect("\(warning.location.line):\(warning.location.column)" == "2:8")
      #expect(warning.message == "the title says 中止 as `status: cancelled` does")
      #expect(warning.hint?.hasPrefix("take 【中止】 out of the title") == true)
    }
    #expect(try parse(title: "【延期】スマホ教室", "status: postponed").0?.title == "スマホ教室")
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
  }

  @Test func titlesWithoutAMarkAreLeftAlone() throws {
    for title in ["中止になった理由の説明会", "【説明会】中止になった事業", "【中止】", "スマホ教室（第2回）", "雨天中止の場合の案内"] {
      let (m, warnings) = try parse(title: title)
      #expect(m?.title == title, "\(title)")
      #expect(warnings.isEmpty, "\(title)")
    }
  }
}
