import Diagnostics
import Testing

@testable import Content

/// site.yml's `base_url` written as writers slip: the error at the value, with the address
/// meant in its hint, as a page's addresses get.
@Suite struct SiteBaseURLTests {
  func baseURLError(_ value: String) throws -> Diagnostic {
    let (_, diagnostics) = SiteConfig.parse(
      "title: T\nbase_url: \(value)\ndomains: []\n", file: "site.yml")
    #expect(diagnostics.count == 1, "\(diagnostics.map(\.text))")
    return try #require(diagnostics.first { $0.code == "config.base-url" })
  }

  @Test(arguments: [
    ("dx.pref.chiba.example/", "https://dx.pref.chiba.example/"),
    ("https//dx.pref.chiba.example/", "https://dx.pref.chiba.example/"),
    ("ｈｔｔｐｓ：／／ｄｘ．ｐｒｅｆ．ｃｈｉｂａ．ｅｘａｍｐｌｅ／", "https://dx.pref.chiba.example/"),
  ])
  func theAddressMeantIsInTheHint(written: String, meant: String) throws {
    let error = try baseURLError(written)
    #expect("\(error.location.line):\(error.location.column)" == "2:11")
    #expect(error.hint == "write the full address: `base_url: \(meant)`")
    #expect(error.japanese?.hint?.hasSuffix("`base_url: \(meant)`") == true)
  }

  /// No address to guess: the example stays.
  @Test func anotherSchemeKeepsTheExample() throws {
    let error = try baseURLError("ftp://dx.example.jp/")
    #expect("\(error.location.line):\(error.location.column)" == "2:11")
    #expect(
      error.hint == "write the site's address, for example `base_url: https://dx.example.jp/`")
  }
}
