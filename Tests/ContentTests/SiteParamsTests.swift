import Diagnostics
import Testing

@testable import Content

/// `params:` in site.yml: the site's own values for the theme.
@Suite struct SiteParamsTests {
  let base = "title: T\nbase_url: https://x.example/\ndomains: []\n"

  @Test func textsFlagsAndListsInOrder() throws {
    let (config, diagnostics) = SiteConfig.parse(
      base
        + "params:\n  notice: 年末年始は窓口の時間が変わります。\n  show_notice: true\n  year: 2026\n  links: [一つ目, 二つ目]\n  quoted: \"true\"\n",
      file: "site.yml")
    #expect(diagnostics.isEmpty, "\(diagnostics.map(\.text))")
    let params = try #require(config).params
    #expect(params.map(\.key) == ["notice", "show_notice", "year", "links", "quoted"])
    #expect(
      params.map(\.value) == [
        .text("年末年始は窓口の時間が変わります。"), .flag(true), .text("2026"), .list(["一つ目", "二つ目"]),
        .text("true"),
      ])
  }

  @Test func badNamesAndValuesAreErrorsAtThem() {
    let (_, diagnostics) = SiteConfig.parse(
      base + "params:\n  Notice: x\n  nested: { a: b }\n", file: "site.yml")
    #expect(
      diagnostics.map { "\($0.location.line):\($0.location.column) \($0.code ?? "")" } == [
        "5:3 config.params", "6:11 config.params",
      ])
    #expect(
      diagnostics.first?.hint?.hasSuffix("`notice` (`site.params.notice` in templates)") == true)
    // The name to write, from the one written.
    for (written, meant) in [
      ("bannerText", "banner_text"), ("banner-text", "banner_text"), ("café", "cafe"),
      ("ＮＯＴＩＣＥ", "notice"), ("2col", "col2"), ("URLList", "urllist"), ("お知らせ", "notice_text"),
    ] {
      #expect(SiteParam.suggestedName(written) == meant, "\(written)")
    }
    let (_, notMapping) = SiteConfig.parse(base + "params: [a]\n", file: "site.yml")
    #expect(notMapping.map(\.code) == ["config.params"])
  }

  /// A value the site.yml keys do not know is pointed at `params`.
  @Test func anUnknownKeyIsPointedAtParams() {
    let (_, diagnostics) = SiteConfig.parse(base + "banner: お知らせ\n", file: "site.yml")
    #expect(
      diagnostics.first?.hint?.contains("`params:` (`site.params.banner` in templates)") == true)
  }
}
