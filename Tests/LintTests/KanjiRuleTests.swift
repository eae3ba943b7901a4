import Testing

@testable import Lint

@Suite struct KanjiRuleTests {
  @Test func sixKanjiPassSevenWarn() throws {
    #expect(try lint("防災計画策定を進めます。", rule: "lint.kanji-run").isEmpty)
    let found = try lint("地域防災計画策定を進めます。", rule: "lint.kanji-run")
    #expect(positions(found) == ["1:1"])
    #expect(found.first?.message.contains("「地域防災計画策定」") == true)
    #expect(
      try lint("地域防災計画策定を進めます。", rule: "lint.kanji-run", settings: ["lint.kanji-run": "8"]).isEmpty)
  }

  /// An address is written as it must be: no kana can be put in it, and the writer may not
  /// change it. A run of names that is not an address is still one.
  @Test func anAddressIsNoRunToBreakUp() throws {
    #expect(try lint("会場は千葉市中央区市場町1番1号です。", rule: "lint.kanji-run").isEmpty)
    #expect(try lint("千葉県山武郡横芝光町にあります。", rule: "lint.kanji-run").isEmpty)
    #expect(try lint("千葉県千葉市中央区市場町一丁目です。", rule: "lint.kanji-run").isEmpty)
    #expect(try lint("県市町村連携推進会議を開きます。", rule: "lint.kanji-run").count == 1)
    #expect(try lint("千葉市中央区市場町庁舎整備計画です。", rule: "lint.kanji-run").count == 1)
  }

  @Test func furiganaAndGlossaryTermsBreakARun() throws {
    #expect(try lint("地域{防災|ぼうさい}計画策定を進めます。", rule: "lint.kanji-run").isEmpty)
    #expect(try lint("地域防災計画策定を進めます。", rule: "lint.kanji-run", glossary: ["地域防災計画"]).isEmpty)
  }

  @Test func denseParagraphWarnsAndKanaParagraphPasses() throws {
    let dense = "本県は地域防災計画策定及び情報通信基盤整備を推進する方針である。"
    let found = try lint(dense, rule: "lint.kanji-ratio")
    #expect(positions(found) == ["1:1"])
    #expect(found.first?.message.contains("% of this paragraph") == true)
    // The hint names what this paragraph writes: 及び, else its longest kanji words.
    #expect(found.first?.hint == "write these in kana: 及び → と・や")
    let hours = "受付時間は、平日の午前9時から午後5時までです（土曜日・日曜日・祝日、年末年始を除きます）。"
    #expect(
      try lint(hours, rule: "lint.kanji-ratio").first?.hint
        == "add furigana to its longest kanji words (「受付時間」「年末年始」, e.g. {受付時間|…}), or write some of them in kana or plainer words"
    )
    // A verb's stem is not cut from its kana: 誰一人取り残さない names 誰一人, not 誰一人取;
    // する's kanji stay whole (実現する: 実現).
    #expect(
      try lint("誰一人取り残さない共生社会実現目標、県民参画推進。", rule: "lint.kanji-ratio").first?.hint
        == "add furigana to its longest kanji words (「共生社会実現目標」「県民参画推進」, e.g. {共生社会実現目標|…}), or write some of them in kana or plainer words"
    )
    #expect(
      try lint("誰一人取り残さない社会を、みんなで県民参画と協力で実現。", rule: "lint.kanji-ratio").first?.hint?
        .contains("(「県民参画」「誰一人」") == true)
    #expect(KanjiRatioRule.stemAtEnd(LintCharacter.array("業務改善する"), 0..<4) == 0)
    #expect(try lint("きょうは、みんなで こうえんに いきます。そして、たのしく あそびます。", rule: "lint.kanji-ratio").isEmpty)
    #expect(
      try lint(dense, rule: "lint.kanji-ratio", settings: ["lint.kanji-ratio": "90%"]).isEmpty)
  }

  @Test func shortParagraphsAndHeadingsAreNotMeasured() throws {
    #expect(try lint("防災計画", rule: "lint.kanji-ratio").isEmpty)
    #expect(try lint("## 本県地域防災計画策定及情報通信基盤整備推進方針", rule: "lint.kanji-ratio").isEmpty)
  }

  @Test func kanjiWithFuriganaCountAsKana() throws {
    let plain = "地域防災計画を推進します。情報通信基盤を整備します。"
    let ruby = "{地域防災計画|ちいきぼうさいけいかく}を{推進|すいしん}します。{情報通信基盤|じょうほうつうしんきばん}を{整備|せいび}します。"
    #expect(try lint(plain, rule: "lint.kanji-ratio").count == 1)
    #expect(try lint(ruby, rule: "lint.kanji-ratio").isEmpty)
  }
}
