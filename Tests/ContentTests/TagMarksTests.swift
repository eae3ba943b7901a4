import Diagnostics
import Foundation
import Testing

@testable import Content

/// Tags typed with a bullet, a hashtag or quotes (`・オープンデータ`, `#学び`, `“防災”`): published
/// as a tag of their own (/tags/・オープンデータ/) with no word, and a hashtag line lost every tag.
@Suite struct TagMarksTests {
  func parse(_ tags: String) throws -> (Page?, [Diagnostic]) {
    try parseFile(
      "---\ntitle: 取組\nsummary: 説明です。\nfields: [safety]\n\(tags)\n---\n本文です。\n",
      kind: .initiative)
  }

  @Test func marksAroundATagAreLeftOutAndWarned() throws {
    for (line, tags, warned) in [
      ("tags: ・オープンデータ", ["オープンデータ"], 1),
      ("tags: [・オープンデータ, ● 学び]", ["オープンデータ", "学び"], 2),
      ("tags: [“オープンデータ”, 学び]", ["オープンデータ", "学び"], 1),
      ("tags: [「防災」, ＃子育て]", ["防災", "子育て"], 2),
    ] {
      let (page, problems) = try parse(line)
      #expect(page?.tags == tags, "\(line)")
      let warnings = problems.filter { $0.code == "front-matter.tag" }
      #expect(warnings.count == warned, "\(line)")
      #expect(warnings.allSatisfy { $0.severity == .warning }, "\(line)")
    }
    let (_, problems) = try parse("tags: ・オープンデータ")
    #expect(
      problems.first?.message
        == "the tag `・オープンデータ` has a mark or quotes that are not part of the word: it is read as `オープンデータ`"
    )
    #expect(
      problems.first?.hint
        == "write the tag alone, without bullets, `#` or quotes: `tags: [オープンデータ, …]`")
  }

  @Test func aListOnOneLineWithBulletsIsOfferedWithoutThem() throws {
    let (_, problems) = try parse("tags: ・オープンデータ　・学び")
    #expect(problems.count == 1)
    #expect(
      problems.first?.hint
        == "if they are 2 tags, write them with half-width commas: `tags: [オープンデータ, 学び]`")
  }

  @Test func hashtagsAreToldThatHashStartsAComment() throws {
    let (page, problems) = try parse("tags: #オープンデータ #学び")
    #expect(page?.tags == [])
    let error = try #require(problems.first)
    #expect(error.severity == .error)
    #expect(error.message == "`#` starts a comment in YAML: `tags` is empty, its words left out")
    #expect(error.hint == "write the words without `#`, as a list: `tags: [オープンデータ, 学び]`")
    // A comment meant as one is the usual message.
    let (_, comment) = try parse("tags: # あとで書く")
    #expect(comment.first?.message == "`tags` must be a list")
  }

  /// helper-165: full-width hashtags on one line, a flow list of hashtags, words that start
  /// with a mark or hold quotes, and the spelling the other pages' tags are compared with.
  @Test func hashtagsListsAndWordsWithMarks() throws {
    let (_, spaced) = try parse("tags: ＃学び ＃防災")
    #expect(
      spaced.map(\.hint) == [
        "if they are 2 tags, write them with half-width commas: `tags: [学び, 防災]`"
      ])
    let (_, latin) = try parse("tags: ・DX ・AI")
    #expect(latin.first?.hint?.hasSuffix("`tags: [DX, AI]`") == true)
    let (_, flow) = try parse("tags: [#防災, #学び]")
    #expect(
      flow.first?.message == "`#` starts a comment in YAML: the list opened with `[` is cut there")
    #expect(flow.first?.hint == "write the words without `#`: `tags: [防災, 学び]`")
    let (words, none) = try parse("tags: [○×クイズ, 「防災」と「減災」]")
    #expect(words?.tags == ["○×クイズ", "「防災」と「減災」"])
    #expect(none.filter { $0.code == "front-matter.tag" }.isEmpty)
    // ・高齢者 is compared with other pages' 高齢者 as 高齢者 (no second spelling).
    let (marked, _) = try parse("tags: [・高齢者]")
    #expect(marked?.tagPlaces.map(\.id) == ["高齢者"])
  }

  @Test func marksInsideAWordStay() throws {
    let (page, problems) = try parse("tags: [健康・医療, C#, “AI”活用]")
    #expect(page?.tags == ["健康・医療", "C#", "“AI”活用"])
    #expect(problems.isEmpty)
  }
}
