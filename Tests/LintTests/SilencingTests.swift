import Testing

@testable import Lint

@Suite struct SilencingTests {
  let run = "地域防災計画策定を進めます。"

  @Test func disableLineSilencesTheNamedRuleOnItsLine() throws {
    #expect(
      try lint(run + "<!-- lint-disable-line lint.kanji-run -->", rule: "lint.kanji-run").isEmpty)
    #expect(try lint(run + "<!-- lint-disable-line kanji-run -->", rule: "lint.kanji-run").isEmpty)
    #expect(
      try lint(run + "<!-- lint-disable-line lint.sentence-length -->", rule: "lint.kanji-run")
        .count == 1)
  }

  @Test func disableLineWithoutIdsSilencesEveryRule() throws {
    let body = "地域防災計画策定をアクセシビリティのために進める。<!-- lint-disable-line -->"
    #expect(try lint(body).isEmpty)
  }

  @Test func disableNextLineSilencesOnlyTheNextLine() throws {
    #expect(
      try lint("<!-- lint-disable-next-line lint.kanji-run -->\n" + run, rule: "lint.kanji-run")
        .isEmpty)
    let gap = try lint(
      "<!-- lint-disable-next-line lint.kanji-run -->\n\n" + run, rule: "lint.kanji-run")
    #expect(positions(gap) == ["3:1"])
  }

  @Test func severalIdsInOneComment() throws {
    let body =
      "<!-- lint-disable-next-line lint.kanji-run, lint.katakana-word -->\n地域防災計画作成でアクセシビリティを高めます。"
    #expect(try lint(body).isEmpty)
  }

  @Test func secondLineOfAParagraphCanBeSilenced() throws {
    let body = "一行目です。\n" + run + "<!-- lint-disable-line lint.kanji-run -->"
    #expect(try lint(body, rule: "lint.kanji-run").isEmpty)
  }

  @Test func unknownIdInACommentIsReportedAndSilencesNothing() throws {
    let found = try lint(run + "<!-- lint-disable-line lint.kanji-runn -->")
    #expect(found.map(\.code).contains("lint.kanji-run"))
    let unknown = try #require(found.first { $0.code == "lint.unknown-rule" })
    #expect(unknown.hint?.contains("`lint.kanji-run`") == true)
    #expect(positions([unknown]) == ["1:15"])
  }

  @Test func silencingCommentsWorkAfterFrontMatter() throws {
    let found = try lint(
      "<!-- lint-disable-next-line lint.kanji-run -->\n" + run + "\n\n" + run,
      rule: "lint.kanji-run",
      offset: 4)
    #expect(positions(found) == ["8:1"])
  }
}
