import Diagnostics
import Testing

/// One way to count in Japanese summaries: the thing, the number grouped by threes, the
/// counter word of its kind, no spaces (docs/decisions.md).
@Suite struct JapaneseCountTests {
  @Test func digitsAreGroupedByThrees() {
    #expect(JapaneseCount.digits(0) == "0")
    #expect(JapaneseCount.digits(7) == "7")
    #expect(JapaneseCount.digits(999) == "999")
    #expect(JapaneseCount.digits(1_000) == "1,000")
    #expect(JapaneseCount.digits(12_642) == "12,642")
    #expect(JapaneseCount.digits(598_389) == "598,389")
    #expect(JapaneseCount.digits(1_234_567) == "1,234,567")
    #expect(JapaneseCount.digits(-1_500) == "-1,500")
  }

  @Test func oneCounterWordPerKindOfThing() {
    #expect("エラー" + JapaneseCount.items(3) == "エラー3件")
    #expect("取組" + JapaneseCount.pages(1_234) == "取組1,234ページ")
    #expect("ファイル" + JapaneseCount.things(2_642) == "ファイル2,642個")
    #expect(JapaneseCount.times(3) + "試しました" == "3回試しました")
    #expect(Set(JapaneseCount.allCases.map(\.rawValue)).count == JapaneseCount.allCases.count)
  }
}
