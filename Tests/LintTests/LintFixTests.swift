import Diagnostics
import SeededRandom
import Testing

@testable import Lint

/// The rules that know a problem's one right fix give it, and applying every fix to the page
/// leaves none of those problems: the lint after `portal lint --fix` is clean of them.
@Suite struct LintFixTests {
  /// The page after applying every fix the lint gives, and the rules that gave one.
  func fixed(_ body: String, front: String = "") throws -> (text: String, rules: Set<String>) {
    let page = "---\n\(front)---\n" + body
    let found =
      try lint(body, offset: 2 + front.split(separator: "\n").count)
      + Linter.lintFrontMatter(
        file: "a.md", frontMatter: front, firstLine: 2, context: LintContext(glossaryNames: []))
    let outcome = FixApplier.apply(found.map(\.fixes), to: page)
    let rules = Set(found.filter { !$0.fixes.isEmpty }.compactMap(\.code))
    return (outcome.text, rules)
  }

  /// An era year gets its Western year in brackets, a date its weekday: both at once.
  @Test func anEraYearGetsItsWesternYear() throws {
    let (text, rules) = try fixed("令和8年12月5日と令和9年度と平成35年です。\n")
    #expect(text.hasSuffix("\n令和8年（2026年）12月5日（土）と令和9年度（2027年度）と平成35年です。\n"))
    #expect(rules == ["lint.era-year", "lint.date-weekday"])
  }

  @Test func halfWidthKanaIsWrittenFullWidth() throws {
    let (text, rules) = try fixed("ﾏｲﾅﾝﾊﾞｰｶｰﾄﾞで、ﾃﾞｰﾀを｡\n")
    #expect(text.hasSuffix("---\nマイナンバーカードで、データを。\n"))
    #expect(rules == ["lint.halfwidth-kana"])
    // Split by markup in the source: the lint reads one run, which is not written as one.
    let split = try fixed("ｶﾀ**ｶﾅ**です。\n")
    #expect(split.text.hasSuffix("\nｶﾀ**ｶﾅ**です。\n"))
  }

  @Test func invisibleCharactersAreTakenOutButBidiControlsAreLeftToTheWriter() throws {
    let (text, rules) = try fixed("ゼロ\u{200B}幅と\u{00AD}ソフト\u{2060}\u{FEFF}です。\n")
    #expect(text.hasSuffix("\nゼロ幅とソフトです。\n"))
    #expect(rules == ["lint.invisible-character"])
    // A right-to-left mark may be meant in Arabic or Hebrew.
    let bidi = try lint("אב\u{200F}です。\n", rule: "lint.invisible-character")
    #expect(bidi.count == 1)
    #expect(bidi[0].fixes.isEmpty)
    // A joiner inside an emoji is the emoji's: no warning, nothing changed.
    #expect(try fixed("家族👨\u{200D}👩\u{200D}👧です。\n").text.contains("👨\u{200D}👩\u{200D}👧"))
  }

  @Test func headingsTypedWithoutASpaceOrFullWidthGetTheirMarks() throws {
    let (text, _) = try fixed("##見出し\n\n＃＃　全角の見出し\n\n> ###引用の見出し\n")
    #expect(text.hasSuffix("\n## 見出し\n\n## 全角の見出し\n\n> ### 引用の見出し\n"))
    // One mark may be a hashtag (#千葉), and as a heading would be a second page title: warned,
    // not fixed; nor are marks with no words after them.
    let one = try lint("#千葉\n\n＃防災\n\n＃＃\n", rule: "lint.markdown")
    #expect(one.count == 3)
    #expect(one.allSatisfy { $0.fixes.isEmpty })
  }

  @Test func quotationAndListMarksTypedFullWidthAreWrittenHalfWidth() throws {
    let (text, rules) = try fixed("＞　県の計画より\n\n－ 筆記用具\n\n＊  上履き\n")
    #expect(text.hasSuffix("\n> 県の計画より\n\n- 筆記用具\n\n- 上履き\n"))
    #expect(rules == ["lint.markdown"])
  }

  @Test func boldTypedFullWidthIsWrittenHalfWidth() throws {
    // Each pair where it is written: the link between them is fixed in the same round.
    let (text, rules) = try fixed("＊＊重要＊＊です。＊＊［案内］（https://example.jp/）＊＊を見ます。\n")
    #expect(text.hasSuffix("\n**重要**です。**[案内](https://example.jp/)**を見ます。\n"))
    #expect(rules == ["lint.markdown"])
  }

  @Test func aLinkTypedWithFullWidthBracketsIsWrittenHalfWidth() throws {
    let (text, rules) = try fixed("詳しくは［防災の手引き］（https://example.jp/bousai）を見ます。\n")
    #expect(text.hasSuffix("\n詳しくは[防災の手引き](https://example.jp/bousai)を見ます。\n"))
    #expect(rules == ["lint.markdown"])
    #expect(try fixed("［案内］(guide.md)\n").text.hasSuffix("\n[案内](guide.md)\n"))
    // An address with a space, or not closed on its line, is left to the writer.
    for body in ["［案内］（https://example.jp/a b）\n", "［案内］（https://example.jp/a\n"] {
      #expect(try lint(body, rule: "lint.markdown").allSatisfy { $0.fixes.isEmpty })
    }
  }

  @Test func aSpaceBetweenALinksBracketsAndItsAddressIsTakenOut() throws {
    let (text, rules) = try fixed("詳しくは[防災の手引き] (https://example.jp/bousai)を見ます。\n")
    #expect(text.hasSuffix("\n詳しくは[防災の手引き](https://example.jp/bousai)を見ます。\n"))
    #expect(rules == ["lint.markdown"])
    #expect(try fixed("[案内]　 (guide.md)\n").text.hasSuffix("\n[案内](guide.md)\n"))
    // Not an address: a note and its words in brackets are no link to be made.
    let note = try lint("[注] (参考)です。\n", rule: "lint.markdown")
    #expect(note.count == 1)
    #expect(note[0].fixes.isEmpty)
  }

  @Test func aDateWithItsYearGetsItsWeekday() throws {
    let (text, _) = try fixed("2026年12月5日に開き、令和8年（2026年）12月6日まで。12月7日も。\n")
    #expect(text.hasSuffix("\n2026年12月5日（土）に開き、令和8年（2026年）12月6日（日）まで。12月7日も。\n"))
    // Without a year the weekday is not known; a wrong weekday is the writer's to check.
    let wrong = try lint("2026年12月5日（金）です。12月7日です。\n", rule: "lint.date-weekday")
    #expect(wrong.count == 2)
    #expect(wrong.allSatisfy { $0.fixes.isEmpty })
  }

  @Test func aTableTypedFullWidthIsFixedRowByRow() throws {
    let (text, rules) = try fixed("｜日時｜場所｜\n｜ーー｜：ーー：｜\n｜コンピューター｜県庁　本庁舎｜\n")
    // Every row of the table, though one warning names it; in a cell, ー and the full-width
    // space are text.
    #expect(text.hasSuffix("\n|日時|場所|\n|--|:--:|\n|コンピューター|県庁　本庁舎|\n"))
    #expect(rules == ["lint.table-cells"])
    let delimiter = try fixed("- | 日時 | 場所 |\n  | ーー | ーー |\n")
    #expect(delimiter.text.hasSuffix("\n- | 日時 | 場所 |\n  | -- | -- |\n"))
    // A furigana's full-width bar is its own, not a cell's: kept (it was made `|`, which cut
    // the cell and lost the next one).
    let furigana = try fixed("｜市町｜読み｜\n｜ーー｜ーー｜\n｜{匝瑳｜そうさ}市｜そうさし｜\n")
    #expect(furigana.text.hasSuffix("\n|市町|読み|\n|--|--|\n|{匝瑳｜そうさ}市|そうさし|\n"))
  }

  /// Furigana with the half-width bar in a table: its bars written full width.
  @Test func furiganaInATableGetsItsBarFullWidth() throws {
    let (text, rules) = try fixed(
      "| 会場 | 備考 |\n|---|---|\n| {匝瑳|そうさ}市役所 | {綺麗|き|れい} |\n| `{a|b}` | {c\\|d} |\n")
    #expect(
      text.hasSuffix(
        "\n| 会場 | 備考 |\n|---|---|\n| {匝瑳｜そうさ}市役所 | {綺麗｜き｜れい} |\n| `{a|b}` | {c\\|d} |\n"))
    #expect(rules == ["lint.table-cells"])
  }

  @Test func aSummaryIsFixedWhereItIsWrittenInTheFrontMatter() throws {
    let (text, rules) = try fixed("本文です。\n", front: "title: 題\nsummary: \"ｶﾀｶﾅの説明です。\"\n")
    #expect(text.contains("summary: \"カタカナの説明です。\"\n"))
    #expect(rules == ["lint.halfwidth-kana"])
    // Written as an escape, the value's characters cannot be followed: no fix.
    let escaped = Linter.lintFrontMatter(
      file: "a.md", frontMatter: "summary: \"\\u3042ｶﾀｶﾅです。\"\n", firstLine: 2,
      context: LintContext(glossaryNames: []))
    #expect(escaped.contains { $0.code == "lint.halfwidth-kana" })
    #expect(escaped.allSatisfy { $0.fixes.isEmpty })
  }

  @Test func aFullWidthIndentIsTakenOut() throws {
    let (text, rules) = try fixed("　県は、取組を進めます。\n　　また、\n　\n> 　引用です。\n")
    #expect(text.hasSuffix("---\n県は、取組を進めます。\nまた、\n\n> 引用です。\n"))
    #expect(rules == ["lint.fullwidth-indent"])
    let summary = try fixed("本文です。\n", front: "summary: 　県の取組です。\n")
    #expect(summary.text.hasPrefix("---\nsummary: 県の取組です。\n---\n"))
  }

  @Test func fullWidthLettersAndDigitsAreWrittenHalfWidth() throws {
    let (text, rules) = try fixed("ＤＸの会は、**２０２６年**１２月です。電話：０４３－２２３－２２２２\n")
    #expect(text.hasSuffix("\nDXの会は、**2026年**12月です。電話：043-223-2222\n"))
    #expect(rules == ["lint.fullwidth-alphanumeric"])
    // A run split by markup in the source is one run to the lint: warned, not fixed.
    #expect(try fixed("Ｄ**Ｘ**です。\n").text.hasSuffix("\nＤ**Ｘ**です。\n"))
  }

  /// A kanji number becomes Arabic where it ends as a quantity does; one inside a longer word
  /// (一年生, 三人組), an idiom, code, a quotation or furigana is left as written.
  @Test func kanjiNumbersAreWrittenInArabicWhereTheyAreQuantities() throws {
    let (text, rules) = try fixed(
      "十二月五日に三十人、二十三の事業、三日間、年度は二〇二六年度、一万五千円、第三回。\n",
      front: "summary: 参加者は三人です。\n")
    #expect(text.contains("summary: 参加者は3人です。\n"))
    #expect(text.hasSuffix("\n12月5日に30人、23の事業、3日間、年度は2026年度、1万5000円、第3回。\n"))
    #expect(rules == ["lint.kanji-number"])
    let kept = "一年生と三人組です。`三人`と{三人|さんにん}と「三人」です。三日坊主です。数十人です。\n"
    #expect(try fixed(kept).text.hasSuffix("\n" + kept))
    // Warned, though not changed: the counter inside a longer word. Not warned: code, quotation.
    #expect(positions(try lint(kept, rule: "lint.kanji-number")) == ["1:1", "1:5", "1:17"])
  }

  @Test func theRulesThatGiveFixesSaySo() throws {
    let body =
      "ﾃｽﾄ\u{200B}です。\n\n##見出し\n\n2026年12月5日です。\n\n|a|b|\n|ーー|ーー|\n\n　県です。ＤＸです。令和8年です。三人です。\n\n1. 項目です。\n  - 下の項目です。\n\n- ・筆記用具\n"
    let rules = try fixed(body).rules
    #expect(rules.count == 11)
    #expect(rules == Set(Linter.rules.filter(\.fixable).map(\.id)))
  }
}

/// `portal lint --fix` ends with nothing left to fix: on pages made of random slips, rounds of
/// fixing (as the command runs them) stop within a few, and what the last lint still offers
/// to fix is only what cannot be applied (markup inside the run), never a problem one fix made.
@Suite struct LintFixConvergenceTests {
  static let pieces = [
    "ﾃﾞｰﾀ", "ｶﾞｲﾄﾞ｡", "\u{200B}", "\u{00AD}", "\u{FEFF}", "##見出し\n\n", "＃＃ 見出し\n\n",
    "2026年12月5日", "令和8年1月4日", "12月7日", "（土）", "です。", "県の", "**", "`", "{漢字|かんじ}",
    "\n", "\n\n", "> ", "- ", "|a|b|\n|ーー|ーー|\n", "｜日時｜場所｜\n｜ーー｜ーー｜\n",
    "[リンク](a.md)", "ｶﾀ", "ｶﾅ", " ", "　", "#", "＃", "［案内］（https://example.jp/）",
    "[案内] (https://example.jp/)", "三人", "十二月五日", "二〇二六年", "一年生",
  ]

  @Test(arguments: 0..<4) func fixingEndsWithNothingLeftToFix(seed: UInt64) throws {
    var random = SplitMix64(seed: seed)
    var rounds: [Int: Int] = [:]
    for _ in 0..<250 {
      let written =
        "---\ntitle: t\n---\n" + randomText(of: Self.pieces, maxPieces: 12, using: &random) + "\n"
      var page = written
      var round = 0
      var left: [Diagnostic] = []
      while round < 10 {
        let found = try lint(
          String(page.split(separator: "\n", maxSplits: 3, omittingEmptySubsequences: false)[3]),
          offset: 3)
        let outcome = FixApplier.apply(found.map(\.fixes), to: page)
        left = outcome.skipped.map { found[$0] }
        page = outcome.text
        if outcome.applied.isEmpty { break }
        round += 1
      }
      rounds[round, default: 0] += 1
      #expect(round <= 3, "\(written.debugDescription)")
      // What is left could not be applied: its characters are not one run in the file.
      for d in left {
        #expect(
          ["**", "`", "{", "["].contains { page.contains($0) } && d.code != "lint.markdown",
          "\(written.debugDescription) → \(page.debugDescription): \(d.text) \(d.fixes)")
      }
    }
    #expect(rounds[0, default: 0] > 0 && rounds[1, default: 0] > 100)
  }
}
