import Testing

@testable import Check

@Suite struct ConfigurationTests {
  @Test func blockList() {
    let yaml = """
      title: 千葉県DXポータル
      check:
        # sites that block checkers
        skip:
          - "https://www.example.jp/login/*"   # needs a login
          - 'https://slow.example.jp/*'
          - https://example.jp/a#b
      lint:
        lint.sentence-length: 70
      """
    #expect(
      CheckConfiguration.parse(yaml).skip == [
        "https://www.example.jp/login/*", "https://slow.example.jp/*", "https://example.jp/a#b",
      ])
  }

  @Test func aSiteYmlSavedWithCRLFIsReadAlike() {
    // CR LF is one Character in Swift: a split at "\n" left the whole file one line, so the
    // `check:` of a site.yml saved on Windows was not found after its first line.
    let yaml =
      "title: x\r\ncheck:\r\n  skip:\r\n    - https://a.jp/*\r\n    - https://b.jp/*\r\nlint: {}\r\n"
    #expect(CheckConfiguration.parse(yaml).skip == ["https://a.jp/*", "https://b.jp/*"])
  }

  @Test func flowStyleOnOneLineOrMany() {
    #expect(
      CheckConfiguration.parse(#"check: { skip: [ "https://example.jp/*", 'https://a.jp/?' ] }"#)
        .skip == [
          "https://example.jp/*", "https://a.jp/?",
        ])
    #expect(
      CheckConfiguration.parse(
        "check:\n  skip: [\n    \"https://a.jp/*\",\n    https://b.jp/*\n  ]\nlint: {}\n"
      ).skip == [
        "https://a.jp/*", "https://b.jp/*",
      ])
  }

  @Test func noCheckKeyMeansNoPatterns() {
    #expect(CheckConfiguration.parse("title: x\nlint:\n  skip: [a]\n").skip == [])
    #expect(CheckConfiguration.parse("check:\n  other: 1\n").skip == [])
  }

  @Test func globPatterns() {
    #expect(SkipPatterns.matches("https://example.jp/a/b?c=1", ["https://example.jp/*"]))
    #expect(SkipPatterns.matches("https://example.jp/", ["https://example.jp/*"]))
    #expect(!SkipPatterns.matches("https://example.jp.evil.com/", ["https://example.jp/*"]))
    #expect(SkipPatterns.matches("http://127.0.0.1:8080/x", ["http://127.0.0.1:*/x"]))
    #expect(SkipPatterns.matches("https://a.jp/ab", ["https://a.jp/a?"]))
    #expect(!SkipPatterns.matches("https://a.jp/abc", ["https://a.jp/a?"]))
    #expect(SkipPatterns.matches("anything", ["*"]))
  }

  @Test func ruleCatalogIsComplete() {
    let ids = RuleCatalog.all.map(\.id)
    #expect(Set(ids).count == ids.count)
    for id in [
      "a11y.img-alt", "a11y.heading-order", "a11y.h1-missing", "a11y.h1-multiple",
      "a11y.empty-link",
      "a11y.empty-button", "a11y.vague-link", "a11y.table-header", "a11y.duplicate-id",
      "a11y.html-lang",
      "link.broken", "link.fragment", "link.image", "link.stylesheet", "link.script",
      "link.resource",
      "link.redirect", "sitemap.missing", "external.broken", "external.timeout",
      "external.redirect",
    ] {
      #expect(ids.contains(id))
    }
  }
}
