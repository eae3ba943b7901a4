import Diagnostics
import Foundation
import Testing

@testable import Content

/// Addresses from front matter and site.yml are checked before they become links.
@Suite struct AddressesTests {
  @Test(arguments: [
    ("https://example.jp/form", Addresses.Allowed.web, true),
    ("HTTP://Example.jp", .web, true),
    ("javascript:alert(1)", .web, false),
    ("JaVaScRiPt:alert(1)", .webOrContact, false),
    ("data:text/html,<script>", .webOrContact, false),
    ("https://", .web, false),
    ("https:///path", .web, false),
    ("https://example.jp/a b", .web, false),
    ("https://example.jp/\"><script>", .web, false),
    ("https://example.jp/\nSitemap: x", .siteBase, false),
    ("https://example.jp/?q=1", .web, true),
    ("https://example.jp/?q=1", .siteBase, false),
    // Where the site is published: no `//` in the path (links would go to another site), no
    // user name or password copied into every address; a port is fine.
    ("https://www.pref.chiba.lg.jp//evil.example/", .siteBase, false),
    ("https://host//", .siteBase, false),
    ("https://host/dx//", .siteBase, false),
    ("https://user:pw@host/dx/", .siteBase, false),
    ("https://host:8443/dx/", .siteBase, true),
    // Dot segments percent-encoded, which normalising leaves: browsers read `/%2e%2e/assets/`
    // as `/../assets/`.
    ("https://ex.com/%2e%2e/", .siteBase, false),
    ("https://ex.com/dx/%2E/", .siteBase, false),
    ("https://ex.com/dx.2026/", .siteBase, true),
    ("https://www.pref.chiba.lg.jp/dx/", .siteBase, true),
    ("mailto:dx@example.jp", .webOrContact, true),
    ("tel:043-000-0000", .webOrContact, true),
    ("mailto:dx@example.jp", .web, false),
    ("/strategy/", .webOrSitePath, true),
    ("//evil.example/", .webOrSitePath, false),
    ("/strategy/", .webOrContact, false),
    ("example.jp", .web, false),
  ])
  func addresses(_ text: String, _ allowed: Addresses.Allowed, _ fine: Bool) {
    #expect((Addresses.problem(text, allowed: allowed) == nil) == fine, "\(text)")
  }

  /// A quote is named as typed (`\"` showed a backslash never typed), with its percent form;
  /// a control character is written out.
  @Test func aForbiddenCharacterIsShownAsTyped() throws {
    let quote = try #require(Addresses.problems("https://example.jp/o'reilly", allowed: .web))
    #expect(quote.english == "has `'` in it, which an address cannot have: write it as `%27`")
    #expect(quote.japanese == "アドレスに使えない `'` が入っています。`%27` と書いてください")
    #expect(
      Addresses.problem("https://example.jp/\"x", allowed: .web)
        == "has `\"` in it, which an address cannot have: write it as `%22`")
    #expect(
      Addresses.problem("https://example.jp/\u{7}", allowed: .web)
        == "has `\\u{07}` in it, which an address cannot have")
  }

  /// The error is at the value, and says what is wrong with it.
  @Test func anInitiativesLinkMustBeAnAddress() throws {
    let text = """
      ---
      title: T
      summary: S
      fields: [f]
      links:
        - { title: 相談, url: "javascript:alert(6)" }
        - { title: 電話, url: "tel:043-000-0000" }
      ---
      body
      """
    let (page, diagnostics) = try parseFile(
      text, kind: .initiative, path: "content/initiatives/x.md", config: nil)
    // The page is built from the rest, and the error fails the build.
    #expect(page != nil)
    let error = try #require(diagnostics.first)
    #expect(error.code == "front-matter.url")
    #expect(error.location.line == 6 && error.location.column == 23)
    #expect(error.message == "`url` is not an http(s) address: `javascript:alert(6)`")
    #expect(error.hint?.contains("mailto:") == true)
  }
}

/// YAML aliases cannot blow a small front matter up into gigabytes of values.
@Suite struct YAMLAliasTests {
  @Test func aValueRepeatedThroughAliasesIsAnError() throws {
    let big = String(repeating: "A", count: 10_000)
    let text = """
      ---
      title: T
      summary: S
      fields: [f]
      department: &x "\(big)"
      tags: [\(Array(repeating: "*x", count: 200).joined(separator: ","))]
      ---
      body
      """
    let (page, diagnostics) = try parseFile(
      text, kind: .initiative, path: "content/initiatives/x.md", config: nil)
    #expect(page == nil)
    let error = try #require(diagnostics.first)
    #expect(error.code == "front-matter.yaml")
    #expect(error.location.line == 6 && error.location.column == 8)
    #expect(error.message.hasPrefix("YAML aliases (`*name`) repeat values here"))
    // A few small aliases are fine.
    let small = text.replacingOccurrences(of: big, with: "総務部").replacingOccurrences(
      of: Array(repeating: "*x", count: 200).joined(separator: ","), with: "*x, *x")
    #expect(try parseFile(small, kind: .initiative).1.isEmpty)
    #expect(error.message.hasSuffix("bytes of front matter"))
  }

  /// In site.yml the same is said of its YAML: site.yml has no front matter.
  @Test func inSiteYmlItIsSaidOfTheYAML() throws {
    let big = String(repeating: "A", count: 10_000)
    let (_, problems) = SiteConfig.parse(
      "title: &x \"\(big)\"\nvision: [\(Array(repeating: "*x", count: 200).joined(separator: ","))]\n",
      file: "site.yml")
    let error = try #require(problems.first)
    #expect(error.message.hasSuffix("bytes of YAML"), "\(error.message)")
    #expect(error.japanese?.message.contains("前付け") == false)
  }
}

/// ` #` starts a YAML comment: a title it cuts short is named, at the `#`; an empty value is
/// said to be empty where it is written, not "missing".
@Suite struct CutValueTests {
  func parse(_ frontMatter: String) throws -> (Page?, [Diagnostic]) {
    let text = "---\n" + frontMatter + "---\nbody\n"
    return try parseFile(text, kind: .initiative, path: "a.md", config: nil)
  }

  func line(_ d: Diagnostic) -> String {
    "\(d.location.line):\(d.location.column) \(d.severity == .error ? "error" : "warning"): \(d.message)"
  }

  @Test func aCommentCuttingATitleIsNamed() throws {
    let (page, diagnostics) = try parse(
      "title: 第2回 #DX 説明会\nsummary: 説明会です。\nfields: [f]   # 分野のid\n")
    #expect(page?.title == "第2回")
    #expect(
      diagnostics.map(line) == [
        "2:12 warning: only `第2回` is the title: ` #` starts a comment in YAML, so `#DX 説明会` is left out"
      ])
    #expect(diagnostics.first?.hint == "put the whole value in quotes: `title: \"第2回 #DX 説明会\"`")
    // Quoted, or a `#` inside a word: the value is whole.
    #expect(try parse("title: \"第2回 #DX\"\nsummary: s\nfields: [f]\n").1.isEmpty)
    #expect(try parse("title: C#入門\nsummary: s\nfields: [f]\n").1.isEmpty)
  }

  @Test func anEmptyValueIsEmptyNotMissing() throws {
    #expect(
      try parse("title: #1 デジタル\nsummary: s\nfields: [f]\n").1.map(line) == [
        "2:8 error: `title` is empty: ` #` starts a comment in YAML, so `#1 デジタル` is not its value"
      ])
    #expect(
      try parse("summary: s\ntitle:\nfields: [f]\n").1.map(line) == [
        "3:1 error: `title` has no value"
      ])
  }
}

/// Mappings nested past libyaml's limit are told in the writer's words, not libyaml's
/// ("Maximum nesting level reached, set with yaml_set_max_nest_level()").
@Suite struct DeepNestingTests {
  @Test func nestingTooDeepIsSaidPlainly() throws {
    let nested = (0..<1100).map { String(repeating: " ", count: $0) + "k\($0):" }
      .joined(separator: "\n")
    let (page, diagnostics) = try parseFile(
      "---\ntitle: T\nsummary: S\nfields: [f]\nextra:\n"
        + nested.split(separator: "\n").map {
          "  " + $0
        }.joined(separator: "\n") + " 1\n---\nbody\n", kind: .initiative, path: "a.md", config: nil)
    #expect(page == nil)
    let error = try #require(diagnostics.first { $0.code == "front-matter.yaml" })
    #expect(
      error.message == "the front matter nests lists or mappings too deep here to be read",
      "\(diagnostics.map(\.text))")
    #expect(!error.message.contains("yaml_set_max_nest_level"))
    #expect(error.location.line > 1000)
  }
}
