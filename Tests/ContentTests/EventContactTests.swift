import Diagnostics
import Testing

@testable import Content

/// Phone and fax numbers, the way to apply without the form, and the way to the place: what
/// residents unused to the internet (or unable to hear) need to take part.
@Suite struct EventContactTests {
  func event(_ lines: String) throws -> (EventMeta?, [Diagnostic]) {
    let (page, diagnostics) = try parseFile(
      "---\ntitle: スマホ教室\nsummary: 教室です。\nstart: 2027-01-16T13:30:00+09:00\n\(lines)---\n",
      kind: .event, path: "content/events/x.md")
    guard case .event(let m)? = page?.meta else { return (nil, diagnostics) }
    return (m, diagnostics)
  }

  @Test func numbersAccessAndApplicationAreRead() throws {
    let (m, diagnostics) = try event(
      "phone: ０４３（２２３）２２２２\nfax: 043ー000ー0001\napplication: 電話かファクスで申し込んでください。\naccess: JR千葉駅から歩いて10分\n"
    )
    #expect(diagnostics.isEmpty, "\(diagnostics)")
    let meta = try #require(m)
    #expect(meta.phone == "043(223)2222" && meta.phoneURL == "tel:0432232222")
    #expect(meta.fax == "043-000-0001", "ー typed for - is read as a hyphen")
    #expect(meta.application == "電話かファクスで申し込んでください。")
    #expect(meta.access == "JR千葉駅から歩いて10分")
    #expect(meta.needsApplication && meta.registration == nil)
  }

  @Test func aNumberOneCannotDialIsAnErrorAtItsValue() throws {
    for (value, problem) in [
      ("043-223-222", "has 9 digits (a number in Japan has 10 or 11)"),
      ("43-223-2222", "does not start with 0 (the area code)"),
      ("043-223-2222 内線123", "has `内`, which a phone number does not"),
      ("090-1234-56789", "has 12 digits (a number in Japan has 10 or 11)"),
    ] {
      let (m, diagnostics) = try event("phone: \(value)\n")
      #expect(m?.phone == nil)
      let d = try #require(diagnostics.first)
      #expect(d.code == "front-matter.phone")
      #expect("\(d.location.line):\(d.location.column)" == "5:8")
      #expect(d.message == "`phone` \(problem): `\(value)`", "\(d.message)")
      #expect(
        d.hint
          == (value.contains("内線")
            ? "write the number alone (`phone: 043-223-2222`) and the extension (内線) in the page's text"
            : "write the number with its area code, e.g. `phone: 043-223-2222`"))
    }
    for fine in ["0120-123-456", "090-1234-5678", "0570-000-000", "043 223 2222"] {
      #expect(PhoneNumbers.problem(fine) == nil, "\(fine)")
    }
  }

  @Test func withoutAnyWayToApplyNoneIsNeeded() throws {
    let (m, _) = try event("phone: 043-000-0000\n")
    #expect(m?.needsApplication == false)
  }
}
