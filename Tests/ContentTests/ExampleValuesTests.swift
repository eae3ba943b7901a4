import Diagnostics
import Testing

@testable import Content

/// Example ways to ask (043-000-…, …@pref.chiba.example, https://example.jp/…) are fine in a
/// sample site and warned at their values once `base_url` is a real address.
@Suite struct ExampleValuesTests {
  let contact = """
    contact:
      url: https://www.example.jp/ask/
      phone: 043-000-0100
      fax: 043(123)4567
      email: dx@pref.chiba.example
    departments:
      健康福祉部: { phone: 043-223-2222, email: fukushi@pref.chiba.lg.jp }
      教育庁: { phone: 0120-000-123, email: kyouiku@example.com }

    """

  func site(_ baseURL: String) -> (SiteConfig?, [Diagnostic]) {
    SiteConfig.parse(
      "title: T\nbase_url: \(baseURL)\ndomains: []\n" + contact, file: "site.yml")
  }

  func places(_ diagnostics: [Diagnostic]) -> [String] {
    diagnostics.map { "\($0.location.line):\($0.location.column) \($0.code ?? "")" }
  }

  @Test func aRealSitesExampleContactIsWarnedAtEachValue() throws {
    let (config, found) = site("https://www.pref.chiba.lg.jp/dx/")
    #expect(config != nil)
    #expect(found.allSatisfy { $0.severity == .warning && $0.code == ExampleValues.code })
    // url (example.jp), phone (000), fax (123: a local exchange never starts with 1), email,
    // and the education office's email; 0120-000-… is a free dial's, not a local exchange.
    #expect(
      Set(places(found))
        == [
          "5:8 content.example-value", "6:10 content.example-value", "7:8 content.example-value",
          "8:10 content.example-value", "11:38 content.example-value",
        ], "\(places(found)) \(found.map(\.message))")
    let email = try #require(found.first { $0.location.line == 8 })
    #expect(
      email.message
        == "`email` of `contact` is an example left in: `dx@pref.chiba.example` is at a domain kept for examples (pref.chiba.example): no mail reaches it"
    )
    #expect(email.japanese?.message.contains("例のままです") == true)
    let phone = try #require(found.first { $0.location.line == 6 })
    #expect(phone.message.contains("a number no line has"))
  }

  @Test func aSampleSiteMayHoldExamples() {
    for sample in [
      "https://dx.pref.chiba.example/", "https://example.jp/dx/", "http://localhost:8080/",
      "https://portal.test/", "http://127.0.0.1:8000/chiba-dx/", "http://[::1]:8080/",
    ] {
      #expect(site(sample).1.isEmpty, "\(sample)")
    }
  }

  /// Only an address of this computer is a try-out, not a name that starts like one.
  @Test func loopbackIsAnAddressNotAName() {
    #expect(ExampleValues.isExampleSite(baseURL: "http://127.0.0.1:8000/"))
    #expect(!ExampleValues.isExampleSite(baseURL: "https://127.city.jp/"))
    #expect(!ExampleValues.isExampleSite(baseURL: "https://127.0.0.1.nip.io/"))
    #expect(ExampleValues.host(ofAddress: "http://[::1]:8080/") == "[::1]")
  }

  @Test func anEventsExampleWaysAreWarnedOnARealSite() throws {
    let real = SiteConfig.parse(
      "title: T\nbase_url: https://www.pref.chiba.lg.jp/\ndomains: []\n", file: "site.yml"
    ).0
    let text = """
      ---
      title: スマホ教室
      summary: スマホの使い方を学びます。
      start: 2026-12-20T13:30:00+09:00
      registration: https://example.jp/form
      online: https://www.youtube.com/live/abc
      phone: 043-000-0010
      fax: 043-223-2222
      ---

      """
    let (_, found) = try parseFile(
      text, kind: .event, path: "content/events/class.md", config: real)
    #expect(
      Set(places(found.filter { $0.code == ExampleValues.code }))
        == ["5:15 content.example-value", "7:8 content.example-value"], "\(found.map(\.text))")
    let (_, sample) = try parseFile(
      text, kind: .event, path: "content/events/class.md", config: nil)
    #expect(!sample.contains { $0.code == ExampleValues.code })
  }

  @Test func hostsAndNumbers() {
    #expect(ExampleValues.isExampleHost("pref.chiba.example"))
    #expect(ExampleValues.isExampleHost("www.EXAMPLE.com"))
    #expect(ExampleValues.isExampleHost("example.jp"))
    #expect(!ExampleValues.isExampleHost("examples.jp"))
    #expect(!ExampleValues.isExampleHost("www.pref.chiba.lg.jp"))
    #expect(ExampleValues.isExampleNumber("043-000-0100"))
    #expect(ExampleValues.isExampleNumber("043(111)2222"))
    #expect(!ExampleValues.isExampleNumber("043-223-2222"))
    #expect(!ExampleValues.isExampleNumber("0120-000-123"))
    #expect(!ExampleValues.isExampleNumber("090-0000-1234"))
    // Without groups the local exchange cannot be told.
    #expect(!ExampleValues.isExampleNumber("0430000100"))
    #expect(ExampleValues.host(ofAddress: "https://user@Example.jp:8080/x") == "Example.jp")
    #expect(ExampleValues.host(ofAddress: "/strategy/") == nil)
  }
}
