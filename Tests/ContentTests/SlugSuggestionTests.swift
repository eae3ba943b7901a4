import Testing

@testable import Content

/// `portal new` offers a URL name made from the names in a Japanese title that the site already
/// spells in Latin letters: glossary entries (by their slug) and site.yml's domains and fields.
@Suite struct SlugSuggestionTests {
  static let config = SiteConfig.parse(
    """
    title: T
    base_url: https://x.example/
    domains:
      - id: industry
        name: 産業
        fields:
          - { id: tourism, name: 観光 }
          - { id: business, name: 産業振興・中小企業 }
          - { id: crisis-management, name: 危機管理 }
    """, file: "site.yml"
  ).0!

  static func glossary(_ slug: String, term: String, aliases: [String] = []) throws -> Page {
    let text =
      "---\nterm: \(term)\nreading: よみ\nshort: 説明です。\naliases: [\(aliases.joined(separator: ", "))]\n---\n"
    return try #require(
      try parseFile(text, kind: .glossary, path: "content/glossary/\(slug).md").0)
  }

  static func names() throws -> [String: String] {
    SlugSuggestion.names(
      pages: [
        try glossary("dx", term: "DX", aliases: ["デジタルトランスフォーメーション"]),
        try glossary("dx-promotion-council", term: "DX推進協議会"),
        try glossary("ai", term: "AI"), try glossary("generative-ai", term: "生成AI"),
        try glossary("it", term: "IT"), try glossary("iot", term: "IoT"),
        try glossary("sensor", term: "センサー"),
      ], config: config)
  }

  @Test(arguments: [
    ("観光分野におけるDXの推進", "tourism-dx"),
    // Where names overlap, the longest: DX推進協議会, not DX.
    ("千葉県DX推進協議会 全体会", "dx-promotion-council"),
    ("生成AIの活用", "generative-ai"),
    // A part of a field's name between ・ stands for the field.
    ("中小企業のためのデジタルトランスフォーメーション", "business-dx"),
    // Full-width letters are the names they look like; other Latin words and numbers stay.
    ("ＩｏＴセンサーの導入", "iot-sensor"),
    ("ちばDXひろば 2026", "dx-2026"),
    ("Chiba AI Day", "chiba-ai-day"),
    // A name of Latin letters counts only as a word of its own: no `it` inside Digital.
    ("Digital観光", "digital-tourism"),
    // Each id once, and at most four parts.
    ("DXとDXと観光", "dx-tourism"),
    ("AI IT IoT DX 観光", "ai-it-iot-dx"),
    ("AI等を活用した防災・{危機管理|ききかんり}対策", "ai-crisis-management"),
  ])
  func titlesGiveTheIdsOfTheirNames(title: String, slug: String) throws {
    #expect(SlugSuggestion.suggest(title: title, names: try Self.names()) == slug)
  }

  @Test func anInitiativeIsFiledUnderTheFieldsItsTitleNames() {
    #expect(SlugSuggestion.fields(in: "観光分野におけるDXの推進", config: Self.config) == ["tourism"])
    // A part of a field's name between ・, each field once, in the order written; a domain's
    // name (産業) and a glossary term are no field.
    #expect(
      SlugSuggestion.fields(in: "中小企業の危機管理と観光と中小企業", config: Self.config)
        == ["business", "crisis-management", "tourism"])
    #expect(SlugSuggestion.fields(in: "産業のDX", config: Self.config).isEmpty)
  }

  @Test func aTitleWithoutNamesOrLettersGetsNone() throws {
    let names = try Self.names()
    #expect(SlugSuggestion.suggest(title: "はじめてのスマホ教室", names: names) == nil)
    // One character is no name (産 is inside too many titles), nor `index` a slug.
    let one = SlugSuggestion.names(
      pages: [try Self.glossary("prefecture", term: "県")], config: Self.config)
    #expect(SlugSuggestion.suggest(title: "県の取組", names: one) == nil)
    #expect(SlugSuggestion.suggest(title: "Index", names: names) == nil)
  }
}
