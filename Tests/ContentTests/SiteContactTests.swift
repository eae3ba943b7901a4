import Diagnostics
import Testing

@testable import Content

/// site.yml's `contact` (the operator's phone, fax, email and hours) and `departments`: ways
/// to ask that do not depend on the website.
@Suite struct SiteContactTests {
  let base = "title: T\nbase_url: https://x.example/\ndomains: []\n"

  func parse(_ yml: String) -> (SiteConfig?, [Diagnostic]) {
    SiteConfig.parse(base + yml, file: "site.yml")
  }

  func places(_ diagnostics: [Diagnostic]) -> [String] {
    diagnostics.map {
      "\($0.location.line):\($0.location.column) \($0.severity) \($0.code ?? "")"
    }
  }

  @Test func theWaysToAskAreRead() throws {
    let (config, diagnostics) = parse(
      """
      contact:
        url: /strategy/promotion/#問い合わせ先
        phone: ０４３ー０００ー０１００
        fax: 043-000-0101
        email: ｄｘ@pref.chiba.example
        hours: 平日の9時から17時まで
      departments:
        健康福祉部: { phone: 043-000-0200, fax: 043-000-0201, email: fukushi@pref.chiba.example }
        教育庁:
          email: kyouiku@pref.chiba.example

      """)
    #expect(diagnostics.isEmpty, "\(diagnostics.map(\.text))")
    let c = try #require(config)
    #expect(c.contact == "/strategy/promotion/#問い合わせ先")
    #expect("\(c.contactLocation!.line):\(c.contactLocation!.column)" == "5:8")
    #expect(
      c.contactWays
        == ContactDetails(
          phone: "043-000-0100", fax: "043-000-0101", email: "dx@pref.chiba.example",
          hours: "平日の9時から17時まで"))
    #expect(c.contactWays.phoneURL == "tel:0430000100")
    #expect(c.contactWays.emailURL == "mailto:dx@pref.chiba.example")
    #expect(c.departments["健康福祉部"]?.fax == "043-000-0201")
    #expect(c.departments["教育庁"] == ContactDetails(email: "kyouiku@pref.chiba.example"))
    // A department listed gets its own; any other, and none, the operator's.
    #expect(c.contact(forDepartment: "教育庁") == (c.departments["教育庁"]!, false))
    #expect(c.contact(forDepartment: "警察本部") == (c.contactWays, true))
    #expect(c.contact(forDepartment: nil) == (c.contactWays, true))
  }

  /// site.yml as first written, `contact:` the link alone, keeps working.
  @Test func theLinkAloneStillWorks() throws {
    let (config, diagnostics) = parse("contact: /strategy/promotion/#問い合わせ先\n")
    #expect(diagnostics.isEmpty)
    #expect(config?.contact == "/strategy/promotion/#問い合わせ先")
    #expect(config?.contactWays.isEmpty == true && config?.departments.isEmpty == true)
  }

  @Test func aNumberOrAddressThatReachesNoOneIsAnErrorAtIt() throws {
    let (_, diagnostics) = parse(
      """
      contact:
        phone: 043-000-010
        fax: 043-000-0101
        email: mailto:dx@pref.chiba.example
      departments:
        健康福祉部: { email: fukushi@ }
        教育庁: { hours: 平日 }
        商工労働部: { phone: 043-000-0300 }
        環境生活部: 043-000-0300
        県土整備部: { phone: 043-000-0400, tel: 043-000-0401 }

      """)
    #expect(
      places(diagnostics) == [
        "5:10 error front-matter.phone", "7:10 error config.email", "9:19 error config.email",
        "10:3 error config.contact", "11:3 warning config.contact",
        "12:10 error front-matter.type", "13:3 warning config.contact",
        "13:33 error front-matter.unknown-key",
      ], "\(diagnostics.map(\.text))")
    let email = try #require(diagnostics.first { $0.code == "config.email" })
    #expect(email.message == "`email` starts with `mailto:`: `mailto:dx@pref.chiba.example`")
    #expect(
      email.hint
        == "write the address alone, without `mailto:` (the link is made from it): `email: dx@pref.chiba.example`"
    )
    #expect(email.japanese?.message.contains("このままでは送れません") == true)
    let none = try #require(diagnostics.first { $0.code == "config.contact" })
    #expect(none.message == "the department `教育庁` has no phone, fax or email")
    #expect(none.japanese?.message == "部署 `教育庁`に、電話・ファクス・メールのどれも書いてありません")
    let phoneOnly = try #require(diagnostics.first { $0.severity == .warning })
    #expect(phoneOnly.hint == "add `fax:` or `email:` as well")
  }

  @Test func emailAddressesAreChecked() {
    for fine in ["a@b.example", "dx-portal@pref.chiba.example", "a.b+c@x.jp"] {
      #expect(ContactDetails.emailProblems(fine) == nil, "\(fine)")
    }
    for (bad, problem) in [
      ("a@b", "has no domain after `@` (such as `pref.chiba.example`)"),
      ("a b@c.jp", "has ` `, which an address does not"),
      ("a@@c.jp", "is not one address with one `@`"),
      ("@c.jp", "is not one address with one `@`"),
      ("県@c.jp", "has `県`, which an address does not"),
    ] {
      #expect(ContactDetails.emailProblems(bad)?.english == problem, "\(bad)")
    }
  }
}
