import Testing
import Yams

@testable import Content

/// The front matter's sentence values as YAML reads them, each with where its text starts:
/// what `portal lint` checks and points at.
@Suite struct FrontMatterValuesTests {
  func values(_ yaml: String, keys: Set<String> = FrontMatterValues.sentenceKeys) -> [String] {
    FrontMatterValues.values(in: yaml, keys: keys).map {
      "\($0.key) \($0.line):\($0.column) \($0.style) \($0.text.debugDescription)"
    }
  }

  @Test func oneLineValuesStartAtTheirFirstCharacter() {
    #expect(
      values("title: T\nsummary: '説明です。'\nshort: 短い\n")
        == [#"summary 2:11 singleQuoted "説明です。""#, #"short 3:8 plain "短い""#])
    #expect(
      values("application:   \"申し込む\\\"前に\\\"\" # 注\n")
        == [#"application 1:17 doubleQuoted "申し込む\"前に\"""#])
    #expect(values("access: 千葉駅から # 徒歩\n") == [#"access 1:9 plain "千葉駅から""#])
  }

  @Test func blocksStartAtTheirIndentationOnTheirFirstLine() {
    #expect(
      values("summary: |\n  一行目。\n    二行目。\nshort: x\n")
        == [#"summary 2:3 literal "一行目。\n  二行目。\n""#, #"short 4:8 plain "x""#])
    #expect(values("summary: >-\n\n   畳む\n   行。\n") == [#"summary 3:4 folded "\n畳む 行。""#])
    // `|2`: the indentation is given, and the text keeps the spaces past it.
    #expect(values("summary: |2\n     字下げ。\n") == [#"summary 2:3 literal "   字下げ。\n""#])
    #expect(values("summary:\n  次の行から\n  続く。\n") == [#"summary 2:3 plain "次の行から 続く。""#])
    #expect(values("summary: &a !!str 印の後。\n") == [#"summary 1:19 plain "印の後。""#])
  }

  /// Yams starts a line at U+2028 (and U+2029, NEL) too: the values after one are placed in
  /// the file's lines, as editors number them.
  @Test func linesAreTheFilesAfterALineSeparatorInAValue() {
    #expect(
      values("summary: \"一\u{2028}二\"\nshort: 短い\n", keys: ["short"])
        == [#"short 2:8 plain "短い""#])
    let cut = YAMLComments.cutValues(
      in: "summary: '一\u{2028}二'\ntitle: 防災 #1\n",
      node: try? Yams.compose(yaml: "summary: '一\u{2028}二'\ntitle: 防災 #1\n"))
    #expect(cut.map { "\($0.key) \($0.problem.line):\($0.problem.column)" } == ["title 2:11"])
  }

  /// A link's text in `links:`, flow or block, is read as a value of `links`; its address is not.
  @Test func linksTitlesAreRead() {
    #expect(
      values(
        "links:\n  - { title: くわしい資料, url: 'https://example.jp/a' }\n  - title: 地図\n    url: b\n",
        keys: ["links"])
        == [#"links 2:14 plain "くわしい資料""#, #"links 3:12 plain "地図""#])
  }

  @Test func columnsCountCharactersNotScalars() {
    // が written as か and U+3099 is one character, two scalars for YAML's marks.
    #expect(
      values("{title: \u{304B}\u{3099}, summary: 説明}\n")
        == [#"summary 1:21 plain "説明""#])
  }

  @Test func windowsLineEndsAreLines() {
    #expect(
      values("title: T\r\nsummary: |\r\n  一行目。\r\n  二行目。\r\naccess: 駅\r\n")
        == [#"summary 3:3 literal "一行目。\n二行目。\n""#, #"access 5:9 plain "駅""#])
  }

  @Test func onlyThePagesOwnSentenceKeysAreTaken() {
    #expect(values("title: T\nplace: 県庁\nfee: 無料\n").isEmpty)
    #expect(values("links:\n  - { title: x, summary: 入れ子 }\n").isEmpty)
    #expect(values("contact:\n  summary: 入れ子\nitems:\n  - summary: 一覧\n").isEmpty)
    #expect(values("summary: [一, 二]\nshort:\naccess: \"\"\n").isEmpty)
    #expect(values("title: T\n", keys: ["title"]) == [#"title 1:8 plain "T""#])
    // An alias is the anchor's text, at the anchor: given once.
    #expect(values("summary: &s 同じ。\nshort: *s\n") == [#"summary 1:13 plain "同じ。""#])
  }

  @Test func aFrontMatterThatIsNotYAMLHasNoValues() {
    #expect(values("summary: \"閉じない\n").isEmpty)
    #expect(values("summary: a\nsummary: b\n").isEmpty)
    #expect(values("").isEmpty)
  }
}
