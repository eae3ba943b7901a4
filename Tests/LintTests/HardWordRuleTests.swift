import Testing

@testable import Lint

/// Words of official documents get the everyday words to write instead, once a page; names,
/// quotations, explanations, furigana, glossary terms and code pass.
@Suite struct HardWordRuleTests {
  func found(_ body: String, names: Set<String> = [], glossary: Set<String> = []) throws
    -> [String]
  {
    try lint(body, rule: "lint.hard-word", glossary: glossary, names: names).map {
      "\($0.location.line):\($0.location.column) \($0.message.prefix { $0 != " " })"
    }
  }

  @Test func aWordOfOfficialDocumentsWarnsWithWhatToWrite() throws {
    let d = try #require(try lint("データをもとに施策を考えます。", rule: "lint.hard-word").first)
    #expect(positions([d]) == ["1:8"])
    #expect(d.message == "「施策」 is a word of official documents that many residents do not use")
    #expect(d.hint == "write 「取組・対策」 or the like, or explain it in brackets (施策（…）)")
    #expect(d.japanese?.message == "「施策」は、行政の文書で使うかたい言葉です")
    #expect(d.japanese?.hint == "「取組・対策」などの言葉に言い換えるか、かっこで説明してください（例：施策（…））")
    // The longest word at a place: 可及的速やかに, not 速やかに; 講ずる and 講じ alike.
    #expect(try found("可及的速やかに対応します。") == ["1:1 「可及的速やかに」"])
    #expect(try found("対策を講じます。安全に資するものです。") == ["1:4 「講じ」", "1:12 「資する」"])
  }

  /// The conjunctions and adverbs of laws (又は, 並びに, 予め) have everyday words too.
  @Test func theConjunctionsOfLawsWarn() throws {
    #expect(
      try found("電話又はファクスで、予め申し込みます。会場に於いて、但し書きを読みます。")
        == ["1:3 「又は」", "1:11 「予め」", "1:23 「於いて」", "1:27 「但し」"])
  }

  @Test func onceAPage() throws {
    #expect(try found("施策を考えます。\n\n施策を進めます。\n\n県の施策です。") == ["1:1 「施策」"])
  }

  @Test func namesQuotationsAndExplanationsPass() throws {
    // A page's title (a field's name) written out, as a link's text or in a sentence.
    let names: Set<String> = ["意識の醸成・人材育成", "データ利活用"]
    #expect(try found("[意識の醸成・人材育成](a.md)と[データ利活用](b.md)の分野です。", names: names).isEmpty)
    // The same word outside the name still warns.
    #expect(try found("データ利活用を進め、意識を醸成します。", names: names) == ["1:14 「醸成」"])
    #expect(try found("「施策集」を読みます。").isEmpty)
    #expect(try found("施策（県の取り組み）を読みます。").isEmpty)
    #expect(try found("取り組み（施策）を読みます。").isEmpty)
    #expect(try found("自治体DX推進に{係|かか}る連絡調整会議です。").isEmpty)
    #expect(try found("施策を考えます。", glossary: ["施策"]).isEmpty)
    #expect(try found("`施策` と書きます。").isEmpty)
  }

  /// A quotation closed before the word does not cover it.
  @Test func aClosedQuotationDoesNotPass() throws {
    #expect(try found("「計画」の施策です。") == ["1:6 「施策」"])
  }

  /// A word site.yml's `known_words` lists passes, as it does the other word rules.
  @Test func aKnownWordPasses() throws {
    var context = LintContext()
    context.knownWords = ["施策"]
    let found = Linter.lint(
      file: "a.md", markdownBody: "県の施策を、策定します。", bodyLineOffset: 0, context: context
    ).filter { $0.code == "lint.hard-word" }
    #expect(
      found.map(\.message) == [
        "「策定」 is a word of official documents that many residents do not use"
      ])
  }

  @Test func theRuleCanBeTurnedOff() throws {
    #expect(
      try lint("施策を考えます。", rule: "lint.hard-word", settings: ["lint.hard-word": "off"]).isEmpty)
  }
}
