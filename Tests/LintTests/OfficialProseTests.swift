import Diagnostics
import Testing

@testable import Lint

/// Official prose (the prefecture's DX strategy, pasted by a writer) that the rules misread, as
/// an audit of 7 December found: each case here was a warning, or a `--fix` that damaged the
/// text; the warnings that stay right are checked beside them.
@Suite struct OfficialProseTests {
  func codes(_ body: String, _ rule: String) throws -> [String] {
    positions(try lint(body, rule: rule))
  }

  func fixed(_ body: String) throws -> String {
    FixApplier.apply(try lint(body).map(\.fixes), to: body).text
  }

  /// 昭和40年代 is a decade: its hint is a span and `--fix` leaves it (it wrote
  /// 昭和40年（1965年）代); an edition's name (白書令和3年版) is a title and passes.
  @Test func eraDecadesAndEditionsAreNotYears() throws {
    let decade = try lint("昭和40年代に建てました。", rule: "lint.era-year")
    #expect(positions(decade) == ["1:1"] && decade[0].fixes.isEmpty)
    #expect(decade[0].hint?.contains("昭和40年代（1965〜1974年）") == true)
    #expect(try fixed("昭和40年代に建てました。\n") == "昭和40年代に建てました。\n")
    #expect(try lint("昭和40年代（1965〜1974年）に建てました。", rule: "lint.era-year").isEmpty)
    #expect(try lint("情報通信白書令和3年版を見ます。", rule: "lint.era-year").isEmpty)
    #expect(try codes("令和3年に見ます。", "lint.era-year") == ["1:1"])
  }

  /// が inside a verb (広がり, 上がる), に of an adverb (柔軟に, 積極的に) and the first
  /// particle of a compound one (による, を通じて) are no particle twice; a real double stays.
  @Test func particlesInsideWordsAreNotDoubled() throws {
    for text in [
      "働き方が広がり、", "気温が上がる日です。", "変化に柔軟に対応します。", "変化に的確に対応します。",
      "環境変化に弾力的に対応します。", "県民により身近にします。", "データ活用等による時代に備えます。",
      "国を通じて県を支えます。", "県に関する市に聞きます。",
    ] {
      #expect(try lint(text, rule: "lint.doubled-particle").isEmpty, "\(text)")
    }
    #expect(try codes("材料不足で代替素材で作ります。", "lint.doubled-particle") == ["1:10"])
    // に対応: に is the particle, 対応 a noun.
    #expect(try codes("要望に対応に追われます。", "lint.doubled-particle") == ["1:6"])
  }

  /// 〜ており、 goes on to more of the sentence: the plain form offered is 〜ていて、, not
  /// 〜ています (which would end it).
  @Test func teoriMidSentenceIsOfferedTeite() throws {
    let found = try lint("日々発展しており、成果が出ています。", rule: "lint.honorific")
    #expect(found.first?.hint?.contains("「〜ていて、」") == true)
    #expect(found.first?.hint?.contains("「〜ています」") == false)
  }

  /// A date a plan or a decision records needs no weekday; the second date of a span has the
  /// first's year (and the next one across New Year).
  @Test func recordedDatesAndSpans() throws {
    for text in ["令和5年3月20日策定", "令和3年12月24日に決定しました。", "2025年3月28日改定"] {
      #expect(try lint(text, rule: "lint.date-weekday").isEmpty, "\(text)")
    }
    let span = try lint("令和7年6月13日から6月20日まで開きます。", rule: "lint.date-weekday")
    #expect(
      span.map(\.hint) == [
        "add the weekday in brackets: 令和7年6月13日（金）", "add the weekday in brackets: 6月20日（金）",
      ])
    #expect(
      try fixed("2026年12月28日〜1月4日は休みです。\n") == "2026年12月28日（月）〜1月4日（月）は休みです。\n")
    // Two dates not joined as a span: the second has no year to go by.
    let apart = try lint("2026年12月28日と1月4日です。", rule: "lint.date-weekday")
    #expect(apart.last?.fixes.isEmpty == true)
  }

  /// ※ spoken of in a sentence (本編で※を付けた用語) marks no term.
  @Test func aMarkSpokenOfIsNoMark() throws {
    #expect(try lint("本編で※を付けた用語を説明します。", rule: "lint.glossary-mark").isEmpty)
    #expect(try codes("デジタルデバイト※を解消します。", "lint.glossary-mark") == ["1:9"])
  }

  /// A katakana word explained in brackets after the compound it starts, and everyday words
  /// written together, pass.
  @Test func katakanaExplainedAfterItsCompoundOrMadeOfEverydayWords() throws {
    #expect(try lint("フィジカル空間（現実空間）で使います。", rule: "lint.katakana-word").isEmpty)
    #expect(try lint("県のデジタルサービスです。", rule: "lint.katakana-word").isEmpty)
    #expect(try codes("フィジカル空間で使います。", "lint.katakana-word") == ["1:1"])
  }

  /// A web address written out is not counted as words of the sentence.
  @Test func anAddressIsNotCountedInTheSentence() throws {
    let line =
      "戦略の本文はホームページ（https://www.pref.chiba.lg.jp/dejisen/dxportal/torikumi/dxstrategy.html）で読めます。"
    #expect(try lint(line, rule: "lint.sentence-length").isEmpty)
    let long = String(repeating: "あ", count: 61) + "。https://example.jp/"
    #expect(try codes(long, "lint.sentence-length") == ["1:1"])
  }

  /// A name quoted as it is is not broken up; place names and an idiom keep their kanji.
  @Test func quotedNamesPlacesAndIdiomsKeepTheirKanji() throws {
    #expect(try lint("「デジタル田園都市国家構想」を進めます。", rule: "lint.kanji-run").isEmpty)
    #expect(try codes("田園都市国家構想総合戦略を進めます。", "lint.kanji-run") == ["1:1"])
    for text in ["三番瀬の干潟です。", "八日市場の駅です。", "千年に一度の大雨です。"] {
      #expect(try lint(text, rule: "lint.kanji-number").isEmpty, "\(text)")
    }
  }

  /// An era date in the short form of official documents (R7.6.13) is written out in the hint,
  /// with its Western year; version numbers and addresses are not dates.
  @Test func shortEraDatesAreWrittenOut() throws {
    let found = try lint("（R7.6.13 決定）と、H31.4.30までです。", rule: "lint.era-year")
    #expect(positions(found) == ["1:2", "1:15"])
    #expect(found[0].hint == "write it out: 令和7年（2025年）6月13日")
    #expect(found[1].hint == "write it out: 平成31年（2019年）4月30日")
    #expect(found[0].japanese?.message.contains("略した書き方") == true)
    for text in [
      "v1.2.3です。", "SR7.6.13です。", "R7.6.13.1です。", "H32.1.1です。", "R7.13.1です。", "`R7.6.13`です。",
      "M1.2.3です。",
    ] {
      #expect(try lint(text, rule: "lint.era-year").isEmpty, "\(text)")
    }
  }
}
