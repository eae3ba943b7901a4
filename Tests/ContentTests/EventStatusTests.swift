import Diagnostics
import Testing

@testable import Content

/// `status: cancelled | postponed` on an event: read, and a slip (the label as the page shows
/// it, a near spelling) told at the value with the value meant.
@Suite struct EventStatusTests {
  func parse(_ line: String) throws -> (EventMeta?, [Diagnostic]) {
    let text = [
      "---", "title: デジタル体験フェア", "summary: 体験できます。", "start: 2026-12-20", line, "---", "",
    ].joined(separator: "\n")
    let (page, diagnostics) = try parseFile(
      text, kind: .event, path: "content/events/fair.md", config: nil)
    guard case .event(let m)? = page?.meta else { return (nil, diagnostics) }
    return (m, diagnostics)
  }

  @Test func theStatusesAreRead() throws {
    #expect(try parse("status: cancelled").0?.status == .cancelled)
    #expect(try parse("status: canceled").0?.status == .cancelled)
    #expect(try parse("status: postponed").0?.status == .postponed)
    #expect(try parse("place: 県庁").0?.status == nil)
  }

  @Test(arguments: [
    ("status: 中止", "write `cancelled` for 中止; use one of: cancelled, postponed"),
    ("status: 延期", "write `postponed` for 延期; use one of: cancelled, postponed"),
    ("status: posponed", "did you mean `postponed`? use one of: cancelled, postponed"),
  ])
  func aSlipIsToldWithTheValueMeant(line: String, hint: String) throws {
    let (_, diagnostics) = try parse(line)
    let error = try #require(diagnostics.first { $0.code == "front-matter.value" })
    #expect("\(error.location.line):\(error.location.column)" == "5:9")
    #expect(error.hint == hint)
  }
}
