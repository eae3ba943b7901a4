import Content
import Foundation
import Site
import TestSupport
import Testing

@testable import Render

/// Small findings of a resident's-eye audit of the built portal: a glossary reading that only
/// spelled the term in hiragana, an event's facts without a heading, and 更新情報's date line
/// running into the kind of page.
@Suite struct ResidentSmallRenderTests {
  /// Glossary terms and an event, rendered with the default theme; the output files by path.
  func render() throws -> [String: String] {
    let content = try temporaryFolder("resident-small").appendingPathComponent("content")
    let files = [
      "site.yml": "title: テスト\nbase_url: https://x.example/\ndomains: []\n",
      "glossary/card.md":
        "term: マイナンバーカード\nreading: まいなんばーかーど\nenglish: My Number Card\nshort: 顔写真のついたカードです。\n",
      // Small kana written large, ー and ・ left out: still the term's own kana.
      "glossary/cashless.md":
        "term: キャッシュ・レス\nreading: きやつしゆれす\nshort: 現金を使わないことです。\n",
      "glossary/infra.md": "term: インフラ\nreading: いんふら\nshort: 暮らしを支える設備です。\n",
      // Read otherwise than written: the reading says how, and where it sorts.
      "glossary/virtual.md": "term: ヴァーチャル\nreading: ばーちゃる\nshort: 仮想のことです。\n",
      "glossary/dx.md":
        "term: DX推進\nreading: でぃーえっくすすいしん\nenglish: DX Promotion\nshort: 進めることです。\n",
      "events/class.md":
        "title: スマホ教室\nsummary: 使い方を学びます。\nstart: 2026-12-05T13:30:00+09:00\nplace: 県庁\n",
    ]
    try writeFiles(
      files.reduce(into: [:]) { written, file in
        written[file.key] =
          file.key.hasSuffix(".md") ? "---\n\(file.value)---\n\n## 内容\n\n本文です。\n" : file.value
      }, into: content)
    return try renderedFiles(resolvedSite(content))
  }

  @Test func aReadingThatSpellsTheTermsOwnKanaIsNotShown() throws {
    let files = try render()
    let card = try #require(files["glossary/card/index.html"])
    #expect(!card.contains("よみかた"))
    #expect(card.contains("<p class=\"reading\">英語：<span lang=\"en\">My Number Card</span></p>"))
    let cashless = try #require(files["glossary/cashless/index.html"])
    #expect(!cashless.contains("よみかた") && !cashless.contains("<p class=\"reading\">"))
    #expect(
      try #require(files["glossary/virtual/index.html"]).contains(
        "<p class=\"reading\">よみかた：<span class=\"reading-word\">ばーちゃる</span></p>"))
    #expect(
      try #require(files["glossary/dx/index.html"]).contains(
        "<p class=\"reading\">よみかた：<span class=\"reading-word\">でぃーえっくすすいしん　</span>英語：<span lang=\"en\">DX Promotion</span></p>"
      ))
    // The list asks the same: a reading after DX推進 and ヴァーチャル, none after インフラ.
    let list = try #require(files["glossary/index.html"])
    #expect(list.contains("DX推進</a><span class=\"reading\">（でぃーえっくすすいしん）</span>"))
    #expect(list.contains("ヴァーチャル</a><span class=\"reading\">（ばーちゃる）</span>"))
    #expect(list.contains("インフラ</a></dt>") && list.contains("マイナンバーカード</a></dt>"))
  }

  @Test(arguments: [
    ("マイナンバーカード", "まいなんばーかーど", true),
    ("コンピュータ", "こんぴゅーたー", true),
    ("ﾏｲﾅﾝﾊﾞｰ", "まいなんばー", true),
    ("ふりがな", "ふりがな", true),
    ("ヴァーチャル", "ばーちゃる", false),
    ("生成AI", "せいせいえーあい", false),
    ("SNS", "えすえぬえす", false),
    ("ー", "", false),
  ])
  func ownKana(term: String, reading: String, expected: Bool) {
    #expect(GlossaryReading.spellsOwnKana(reading, term: term) == expected)
  }

  @Test func anEventsFactsHaveAHeadingBetweenTheTitleAndTheBody() throws {
    let event = try #require(try render()["events/class/index.html"])
    // Each heading's level and text, its inner tags (the body's anchors) left out.
    let headings = event.components(separatedBy: "<h").dropFirst().compactMap {
      part -> String? in
      guard let level = part.first, ("1"..."6").contains(String(level)) else { return nil }
      let inner = part.drop { $0 != ">" }.dropFirst().components(separatedBy: "</h\(level)>")[0]
      let text = inner.replacingOccurrences(
        of: "<[^>]*>", with: "", options: .regularExpression)
      return "h\(level) \(text)"
    }
    #expect(Array(headings.prefix(3)) == ["h1 スマホ教室", "h2 参加の案内", "h2 内容"])
    let heading = try #require(event.range(of: "<h2 id=\"facts-heading\""))
    let facts = try #require(event.range(of: "<dl class=\"facts\">"))
    let between = event[heading.upperBound..<facts.lowerBound]
    #expect(between.hasSuffix("参加の案内</h2>\n  "))
  }
}
