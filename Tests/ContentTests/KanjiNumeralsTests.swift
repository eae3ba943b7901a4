import Testing

@testable import Content

@Suite struct KanjiNumeralsTests {
  @Test(arguments: [
    ("三十", 30), ("十", 10), ("百", 100), ("千二百三十四", 1234), ("二千二十六", 2026),
    ("二〇二六", 2026), ("一万五千", 15000), ("万", 10000), ("三億五千万", 350_000_000),
    ("十二", 12), ("三百", 300), ("零", 0), ("一万千", 11000),
  ])
  func numbersHaveTheirValue(_ kanji: String, _ value: Int) {
    #expect(KanjiNumerals.value(of: kanji) == value)
  }

  /// Not one number: two digits side by side with a unit (an approximation), units out of
  /// order, a zero before a unit, other characters.
  @Test(arguments: ["", "二三十", "十百", "万億", "〇十", "千葉", "三つ"])
  func othersHaveNone(_ text: String) {
    #expect(KanjiNumerals.value(of: text) == nil)
  }

  @Test func largeUnitsAreKeptAsWritten() {
    #expect(KanjiNumerals.written(300_000, keepingLargeUnitsOf: "三十万") == "30万")
    #expect(KanjiNumerals.written(15000, keepingLargeUnitsOf: "一万五千") == "1万5000")
    #expect(KanjiNumerals.written(350_000_000, keepingLargeUnitsOf: "三億五千万") == "3億5000万")
    #expect(KanjiNumerals.written(2026, keepingLargeUnitsOf: "二千二十六") == "2026")
    #expect(KanjiNumerals.written(20260, keepingLargeUnitsOf: "二〇二六〇") == "20260")
  }
}
