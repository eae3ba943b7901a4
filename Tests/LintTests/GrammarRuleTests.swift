import Testing

@testable import Lint

@Suite struct GrammarRuleTests {
  @Test func doubleNegativesInPlainAndPoliteForms() throws {
    #expect(positions(try lint("参加できないわけではありません。", rule: "lint.double-negative")) == ["1:5"])
    #expect(positions(try lint("中止せざるを得ない。", rule: "lint.double-negative")) == ["1:4"])
    #expect(try lint("行かないことはない。", rule: "lint.double-negative").count == 1)
    #expect(try lint("使えなくはないです。", rule: "lint.double-negative").count == 1)
    let found = try lint("参加できないことはありません。", rule: "lint.double-negative")
    #expect(found.first?.message.contains("ないことはありません") == true)
  }

  @Test func singleNegativesPass() throws {
    #expect(try lint("参加できます。参加できません。", rule: "lint.double-negative").isEmpty)
    #expect(try lint("この道は危なくはないです。", rule: "lint.double-negative").isEmpty)
  }

  @Test func doubledParticleIsReportedAtTheSecond() throws {
    #expect(positions(try lint("材料不足で代替素材で製品を作った。", rule: "lint.doubled-particle")) == ["1:10"])
    let found = try lint("私は彼は好きです。", rule: "lint.doubled-particle")
    #expect(positions(found) == ["1:4"])
    #expect(found.first?.message.contains("「は」") == true)
  }

  @Test func separatedOrDistantParticlesPass() throws {
    #expect(try lint("県が、市が協力します。", rule: "lint.doubled-particle").isEmpty)
    #expect(try lint("県の施設の案内です。", rule: "lint.doubled-particle").isEmpty)
    // と lists things: 県と市と町 is one list, not a particle said twice.
    #expect(try lint("県と市と町が協力して進めます。", rule: "lint.doubled-particle").isEmpty)
    #expect(try lint("県が運営する施設が開きます。", rule: "lint.doubled-particle").isEmpty)
    #expect(try lint("県には市に連絡します。", rule: "lint.doubled-particle").isEmpty)
    #expect(try lint("特に市に連絡します。", rule: "lint.doubled-particle").isEmpty)
    // で of できる, です, でしょう, でした and である follows nouns too, but is not the particle.
    for verb in [
      "オンラインで傍聴できます。", "会場で無料です。", "会場で必要でしょう。", "会場で無料でした。", "県で重要である。",
    ] {
      #expect(try lint(verb, rule: "lint.doubled-particle").isEmpty, "\(verb)")
    }
    #expect(try lint("会場で個別で相談します。", rule: "lint.doubled-particle").count == 1)
  }

  @Test func particleWindowIsConfigurable() throws {
    let text = "県が運営する施設が開きます。"
    #expect(
      try lint(text, rule: "lint.doubled-particle", settings: ["lint.doubled-particle": "6"]).count
        == 1)
    #expect(
      try lint("私は彼は好きです。", rule: "lint.doubled-particle", settings: ["lint.doubled-particle": "0"])
        .isEmpty)
  }

  @Test func minorityStyleIsReported() throws {
    let found = try lint("県が進めます。\n\n市が支えます。\n\n国が支援する。", rule: "lint.mixed-style")
    #expect(positions(found) == ["5:5"])
    #expect(found.first?.message.contains("「する」") == true)
    let desu = try lint("計画である。\n\n方針である。\n\n支援します。", rule: "lint.mixed-style")
    #expect(positions(desu) == ["5:4"])
  }

  @Test func oneStyleAndUnfinishedSentencesPass() throws {
    #expect(try lint("## 県の計画\n\n県が進めます。\n\n- 市の支援\n- 国の支援", rule: "lint.mixed-style").isEmpty)
    #expect(try lint("計画である。方針である。", rule: "lint.mixed-style").isEmpty)
    #expect(
      try lint("県が進めます。市が支えます。", rule: "lint.mixed-style", settings: ["lint.mixed-style": "off"])
        .isEmpty)
  }
}
