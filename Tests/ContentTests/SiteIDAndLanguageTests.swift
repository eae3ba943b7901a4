import Diagnostics
import Testing

@testable import Content

/// site.yml's slips that reached every page: a field id in capitals (each page naming it was
/// told "did you mean `Safety`?"), and a language named in words (`<html lang="日本語">`).
@Suite struct SiteIDAndLanguageTests {
  func parse(_ yml: String) -> (SiteConfig?, [Diagnostic]) {
    SiteConfig.parse("title: T\nbase_url: https://x.example/\n" + yml, file: "site.yml")
  }

  @Test func anIDThatIsNoSlugIsReadAsMeant() throws {
    let (config, diagnostics) = parse(
      "domains:\n  - id: Life\n    name: 暮らし\n    fields:\n      - { id: Safety, name: 安全・安心 }\n")
    #expect(
      diagnostics.map { "\($0.location.line):\($0.location.column) \($0.hint ?? "")" } == [
        "4:5 use lower-case letters, digits and `-` only: `id: life`",
        "7:11 use lower-case letters, digits and `-` only: `id: safety`",
      ])
    // Pages naming `safety` find it: the one error is site.yml's.
    #expect(try #require(config).fieldIDs == ["safety"])
    #expect(config?.domains.map(\.id) == ["life"])
  }

  @Test func aLanguageNamedInWordsGetsItsTag() throws {
    for (written, meant) in [("日本語", "ja"), ("Japanese", "ja"), ("jp", "ja")] {
      let (config, diagnostics) = parse("domains: []\nlanguage: \(written)\n")
      let d = try #require(diagnostics.first)
      #expect(d.code == "config.language" && d.hint == "write `language: \(meant)`")
      #expect("\(d.location.line):\(d.location.column)" == "4:11")
      #expect(config?.language == meant)
    }
    let (_, unknown) = parse("domains: []\nlanguage: ふつう\n")
    #expect(unknown.first?.hint == "write the language's tag, e.g. `language: ja` for Japanese")
    for fine in ["ja", "en-US", "zh-Hant"] {
      let (config, none) = parse("domains: []\nlanguage: \(fine)\n")
      #expect(none.isEmpty && config?.language == fine, "\(fine)")
    }
  }
}

extension SiteIDAndLanguageTests {
  /// `- [災害、さいがい]`: one word to YAML; the words meant are the hint (it was an example).
  @Test func searchWordsWithATouten() throws {
    for item in ["[災害、さいがい]", "災害、さいがい"] {
      let (_, diagnostics) = parse("domains: []\nsearch_words:\n  - \(item)\n")
      let d = try #require(diagnostics.first)
      #expect(d.code == "config.search-words")
      #expect(d.hint == "write the words with half-width commas: `- [災害, さいがい]`", "\(item)")
    }
    let (_, lone) = parse("domains: []\nsearch_words:\n  - [災害]\n")
    #expect(lone.first?.hint == "write for example `- [防災, ぼうさい]`")
  }
}
