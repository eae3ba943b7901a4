import Diagnostics
import Testing

@testable import Lint

/// `FixApplier` changes only what a fix names, all of a problem's changes or none, and keeps
/// the rest of the file byte for byte.
@Suite struct FixApplierTests {
  func fix(_ line: Int, _ column: Int, _ expected: String, _ replacement: String) -> Fix {
    Fix(line: line, column: column, expected: expected, replacement: replacement)
  }

  @Test func aFixReplacesItsCharactersAndKeepsLineEndsAndTheBOM() {
    let text = "\u{FEFF}---\r\ntitle: 題\r\n---\r\nｶﾀｶﾅと\u{200B}です。\rつぎ\n"
    let outcome = FixApplier.apply(
      [[fix(4, 1, "ｶﾀｶﾅ", "カタカナ")], [fix(4, 6, "\u{200B}", "")], [fix(5, 1, "つ", "ツ")]],
      to: text)
    #expect(outcome.text == "\u{FEFF}---\r\ntitle: 題\r\n---\r\nカタカナとです。\rツぎ\n")
    #expect(outcome.applied == [0, 1, 2])
    #expect(outcome.skipped.isEmpty)
  }

  @Test func aFixWhoseCharactersAreNotThereIsLeftOut() {
    let text = "ｶﾀ**ｶﾅ**\n"
    // The lint reads ｶﾀｶﾅ; the file has markup between: nothing is changed.
    let outcome = FixApplier.apply([[fix(1, 1, "ｶﾀｶﾅ", "カタカナ")]], to: text)
    #expect(outcome.text == text)
    #expect(outcome.applied.isEmpty)
    #expect(outcome.skipped == [0])
    // Past the end of the line or the file, or a column before the first.
    for bad in [fix(1, 8, "**", "x"), fix(3, 1, "a", "b"), fix(1, 0, "ｶ", "カ")] {
      #expect(FixApplier.apply([[bad]], to: text).text == text)
    }
    // Compared scalar by scalar: が written as か + ゛ is not the が a fix expects.
    #expect(FixApplier.apply([[fix(1, 1, "が", "ガ")]], to: "か\u{3099}\n").applied.isEmpty)
  }

  @Test func overlappingFixesApplyTheFirstAndAProblemIsFixedWhollyOrNotAtAll() {
    let text = "abcdef\nghi\n"
    let outcome = FixApplier.apply(
      [[fix(1, 2, "bcd", "X")], [fix(1, 3, "c", "Y")], [fix(1, 5, "e", "E"), fix(2, 9, "?", "")]],
      to: text)
    #expect(outcome.text == "aXef\nghi\n")
    #expect(outcome.applied == [0])
    #expect(outcome.skipped == [1, 2])
    // Several on one line, given in any order: each where the lint saw it.
    let many = FixApplier.apply(
      [
        [fix(1, 5, "e", "EE")], [fix(1, 1, "a", "")], [fix(2, 2, "h", "H")], [fix(1, 3, "c", "CC")],
      ],
      to: text)
    #expect(many.text == "bCCdEEf\ngHi\n")
    // A problem's changes on several lines (a table's rows) go together.
    let rows = FixApplier.apply([[fix(1, 1, "abc", "1"), fix(2, 1, "ghi", "2")]], to: text)
    #expect(rows.text == "1def\n2\n")
  }

  @Test func theSameProblemTwiceIsOneAndNoFixesChangeNothing() {
    let once = [fix(1, 1, "a", "A")]
    let outcome = FixApplier.apply([once, [], once], to: "ab")
    #expect(outcome.text == "Ab")
    #expect(outcome.applied == [0, 2])
    #expect(FixApplier.apply([], to: "a\r\n\rb").text == "a\r\n\rb")
  }

  @Test func invisibleCharactersAreShownByTheirCodePoints() {
    #expect(FixApplier.shown("ゼロ\u{200B}幅\u{00AD}") == "ゼロ<U+200B>幅<U+00AD>")
    #expect(FixApplier.shown("|--|") == "|--|")
  }
}
