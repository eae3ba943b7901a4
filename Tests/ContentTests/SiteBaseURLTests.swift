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

  /// A part too many, as an address bar or a browser's copy gives it: the folder meant.
  @Test(arguments: [
    (
      "https://dx.example.jp/dx/index.html", "page's file name (`index.html`)",
      "https://dx.example.jp/dx/"
    ),
    ("https://dx.example.jp/top.HTM", "page's file name (`top.HTM`)", "https://dx.example.jp/"),
    ("https://dx.example.jp/dx/?utm=1", "`?` or `#` part", "https://dx.example.jp/dx/"),
    ("https://dx.example.jp:/", "empty port", "https://dx.example.jp/"),
  ])
  func aPartTooManyIsRefusedWithTheFolderMeant(written: String, problem: String, meant: String)
    throws
  {
    let error = try baseURLError(written)
    #expect(error.message.contains(problem), "\(error.message)")
    #expect(error.hint == "write `base_url: \(meant)`")
    #expect(error.japanese?.hint == "`base_url: \(meant)` と書いてください")
  }

  @Test(arguments: [
    "https://dx.example.jp:99999/", "https://dx.example.jp:0/", "https://dx.example.jp:8o80/",
    "https://dx.example.jp:+80/",
  ])
  func aPortOutOfRangeIsRefused(written: String) throws {
    let error = try baseURLError(written)
    #expect(error.message.contains("a port is a number from 1 to 65535"), "\(error.message)")
  }

  /// Written in any of the forms browsers take, published in one.
  @Test(arguments: [
    ("HTTPS://DX.Example.JP:443/a/../dx/./", "https://dx.example.jp/dx/"),
    ("http://dx.example.jp:80/dx", "http://dx.example.jp/dx/"),
    ("https://dx.example.jp:8443/dx/", "https://dx.example.jp:8443/dx/"),
    ("https://dx.example.jp:0443/", "https://dx.example.jp/"),
    ("https://例え.jp/ポータル/", "https://xn--r8jz45g.jp/ポータル/"),
  ])
  func theAddressIsKeptInOneForm(written: String, published: String) {
    let (config, diagnostics) = SiteConfig.parse(
      "title: T\nbase_url: \(written)\ndomains: []\n", file: "site.yml")
    #expect(diagnostics.isEmpty, "\(diagnostics.map(\.text))")
    #expect(config?.baseURL == published)
  }
}
