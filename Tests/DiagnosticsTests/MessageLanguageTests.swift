import Foundation
import Testing

@testable import Diagnostics

@Suite struct MessageLanguageTests {
  let d = Diagnostic.warning(
    SourceLocation(file: "content/a.md", line: 3, column: 5), "this sentence has 99 characters",
    hint: "split it", code: "lint.sentence-length"
  ).ja("この文は99文字です", hint: "短い文に分けてください")

  @Test func theEnvironmentChoosesAsCommandLineToolsDo() {
    #expect(MessageLanguage.from(environment: [:]) == .english)
    #expect(MessageLanguage.from(environment: ["LANG": "ja_JP.UTF-8"]) == .japanese)
    #expect(MessageLanguage.from(environment: ["LANG": "C.UTF-8"]) == .english)
    // LC_ALL before LC_MESSAGES before LANG; an empty one is skipped.
    #expect(
      MessageLanguage.from(environment: ["LC_ALL": "en_US.UTF-8", "LANG": "ja_JP"]) == .english)
    #expect(MessageLanguage.from(environment: ["LC_ALL": "", "LC_MESSAGES": "ja_JP"]) == .japanese)
    // PORTAL_LANG before them all, either way.
    #expect(MessageLanguage.from(environment: ["PORTAL_LANG": "ja", "LANG": "C"]) == .japanese)
    #expect(MessageLanguage.from(environment: ["PORTAL_LANG": "en", "LANG": "ja_JP"]) == .english)
  }

  @Test func japaneseTextKeepsThePositionSeverityAndCode() {
    #expect(
      d.text(in: .japanese)
        == "content/a.md:3:5: warning: この文は99文字です [lint.sentence-length]\n    直し方: 短い文に分けてください")
    #expect(
      d.text(in: .english)
        == "content/a.md:3:5: warning: this sentence has 99 characters [lint.sentence-length]\n    hint: split it"
    )
    #expect(d.text == d.text(in: .english))
  }

  /// A problem nobody has put into Japanese yet is still shown, in English.
  @Test func englishIsTheFallback() {
    let plain = Diagnostic.error(SourceLocation(file: "a.md"), "bad", hint: "fix it")
    #expect(plain.text(in: .japanese) == "a.md:1:1: error: bad\n    hint: fix it")
    #expect(plain.localized(.japanese) == plain)
  }

  @Test func localizedDropsTheOtherLanguage() {
    let ja = d.localized(.japanese)
    #expect(ja.message == "この文は99文字です" && ja.hint == "短い文に分けてください" && ja.japanese == nil)
    let en = d.localized(.english)
    #expect(en.message == "this sentence has 99 characters" && en.japanese == nil)
  }

  /// JSON keeps the English words tools match on, with the Japanese beside them.
  @Test func jsonCarriesBoth() throws {
    let json = DiagnosticPrinter.render([d], as: .json)
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    let first = try #require((object["diagnostics"] as? [[String: Any]])?.first)
    #expect(first["message"] as? String == "this sentence has 99 characters")
    let japanese = try #require(first["japanese"] as? [String: String])
    #expect(japanese == ["message": "この文は99文字です", "hint": "短い文に分けてください"])
    let back = try JSONDecoder().decode(Diagnostic.self, from: JSONEncoder().encode(d))
    #expect(back == d)
  }

  @Test func textInJapaneseThroughThePrinter() {
    #expect(DiagnosticPrinter.render([d], as: .text, language: .japanese).contains("直し方: 短い文"))
  }
}
