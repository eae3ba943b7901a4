import Diagnostics
import Testing

@testable import Content

/// site.yml's contact ways written under the wrong key, or with what a link adds (`tel:`):
/// the hint gives the value as its own key's reader takes it, where `base_url` gives the
/// address meant, not an example of the key.
@Suite struct SiteContactHintTests {
  let base = "title: T\nbase_url: https://x.example/\ndomains: []\n"

  func onlyError(_ yml: String) throws -> Diagnostic {
    let (_, diagnostics) = SiteConfig.parse(base + yml, file: "site.yml")
    let errors = diagnostics.filter { $0.severity == .error }
    #expect(errors.count == 1, "\(diagnostics.map(\.text))")
    return try #require(errors.first)
  }

  @Test(arguments: [
    ("dx@pref.chiba.example", "dx@pref.chiba.example"),
    ("mailto:dx@pref.chiba.example", "dx@pref.chiba.example"),
    ("ｄｘ＠ｐｒｅｆ．ｃｈｉｂａ．ｅｘａｍｐｌｅ", "dx@pref.chiba.example"),
  ])
  func aMailAddressAsTheContactPageGoesUnderEmail(written: String, meant: String) throws {
    let inMapping = try onlyError("contact:\n  url: \(written)\n  phone: 043-000-0100\n")
    #expect("\(inMapping.location.line):\(inMapping.location.column)" == "5:8")
    #expect(
      inMapping.hint == "this is a mail address, which goes under `email`: `email: \(meant)`")
    #expect(
      inMapping.japanese?.hint == "これはメールアドレスなので、`email` に書いてください：`email: \(meant)`")
    // Written alone: the mapping it belongs in.
    let alone = try onlyError("contact: \(written)\n")
    #expect("\(alone.location.line):\(alone.location.column)" == "4:10")
    #expect(
      alone.hint
        == "this is a mail address, which goes under `email`:\ncontact:\n  email: \(meant)")
  }

  @Test func aPhoneNumberAsTheContactGoesUnderPhone() throws {
    let error = try onlyError("contact: ０４３ー０００ー０１００\n")
    #expect(
      error.hint
        == "this is a phone number, which goes under `phone`:\ncontact:\n  phone: 043-000-0100")
  }

  /// A web form's address as `email`, written as `base_url` slips are: the address meant,
  /// under `url`.
  @Test(arguments: [
    ("https://www.pref.chiba.example/form/", "https://www.pref.chiba.example/form/"),
    ("www.pref.chiba.example/form/", "https://www.pref.chiba.example/form/"),
    ("https//www.pref.chiba.example/form/", "https://www.pref.chiba.example/form/"),
    ("ｈｔｔｐｓ：／／ｗｗｗ．ｐｒｅｆ．ｃｈｉｂａ．ｅｘａｍｐｌｅ／ｆｏｒｍ／", "https://www.pref.chiba.example/form/"),
  ])
  func aWebAddressAsEmailGoesUnderURL(written: String, meant: String) throws {
    let error = try onlyError("contact:\n  email: \(written)\n  phone: 043-000-0100\n")
    #expect("\(error.location.line):\(error.location.column)" == "5:10")
    #expect(error.code == "config.email")
    #expect(error.hint == "this is a web address, which goes under `url`: `url: \(meant)`")
    #expect(
      error.japanese?.hint == "これはウェブのアドレスなので、`url` に書いてください：`url: \(meant)`")
  }

  /// A department has no `url`: the example stays rather than a key it cannot have.
  @Test func aDepartmentIsNotToldOfURL() throws {
    let error = try onlyError(
      "departments:\n  健康福祉部: { phone: 043-000-0200, email: www.pref.chiba.example/form/ }\n")
    #expect(
      error.hint
        == "write one address in half-width letters, e.g. `email: dx-portal@pref.chiba.example`")
  }

  @Test(arguments: ["phone", "fax"])
  func telBeforeANumberIsTakenOff(key: String) throws {
    let error = try onlyError(
      "contact:\n  \(key): tel:043-000-0100\n  email: dx@pref.chiba.example\n")
    #expect(error.code == "front-matter.phone")
    #expect(error.hint == "write the number alone: `\(key): 043-000-0100`")
    #expect(error.japanese?.hint == "番号だけを書いてください：`\(key): 043-000-0100`")
  }

  /// Nothing to take: the example.
  @Test func noWayMeantKeepsTheExample() throws {
    let error = try onlyError("contact:\n  email: dx@pref\n")
    #expect(
      error.hint
        == "write one address in half-width letters, e.g. `email: dx-portal@pref.chiba.example`")
  }
}
