import Content
import Diagnostics
import Testing

@testable import Lint

/// `lint.offline-application`: an event that takes registrations by its online form only.
@Suite struct OfflineApplicationRuleTests {
  func lint(_ frontMatter: String, configuration: LintConfiguration = .default) -> [Diagnostic] {
    Linter.lintFrontMatter(
      file: "content/events/a.md", frontMatter: frontMatter, firstLine: 2,
      context: LintContext(glossaryNames: []), configuration: configuration
    ).filter { $0.code == "lint.offline-application" }
  }

  @Test func aFormAloneIsWarnedAtTheForm() throws {
    let found = lint("title: 教室\nregistration: https://example.jp/apply\ndeadline: 2027-01-08\n")
    let d = try #require(found.first)
    #expect(found.count == 1)
    #expect("\(d.location.line):\(d.location.column)" == "3:15")
    #expect(d.severity == .warning)
    #expect(
      d.message
        == "registration is by the online form only: residents without the internet cannot apply")
    #expect(d.hint?.contains("add `phone:` and `fax:`") == true)
    #expect(d.japanese?.message == "申し込みがインターネットのフォームだけです。インターネットを使えない人が申し込めません")
    #expect(d.japanese?.hint?.contains("`application:`") == true)
  }

  @Test func aPhoneAFaxOrAnotherWayIsEnough() {
    for other in [
      "phone: 043-000-0000", "fax: 043-000-0001", "application: 電話で申し込めます。",
    ] {
      #expect(lint("registration: https://example.jp/apply\n\(other)\n").isEmpty, "\(other)")
    }
    // No form: nothing to warn about (申し込み不要, or `application` alone).
    #expect(lint("title: パネル展\nplace: 県庁\n").isEmpty)
  }

  @Test func itCanBeTurnedOff() throws {
    let off = try LintConfiguration(settings: ["lint.offline-application": "off"])
    #expect(lint("registration: https://example.jp/apply\n", configuration: off).isEmpty)
  }
}
