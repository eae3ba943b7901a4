import Foundation
import Testing

@testable import Search

/// A word converted to the wrong kanji (docs/search.md, "Homophones") is offered the name it
/// reads as; a word that only looks like one, or reads as none, is not.
@Suite struct HomophoneTests {
  static let groups = [
    ["防災", "ぼうさい"], ["観光", "かんこう"], ["電子申請", "でんししんせい"], ["子育て", "こそだて"],
    ["DX", "でぃーえっくす"], ["危機管理"],
  ]
  static let vocabulary = SuggestionVocabulary(groups)
  static let file = Homophones.file(groups: groups)
  static let readings = Homophones.readings(file)

  func offers(_ query: String) -> [String] {
    Homophones.offers(query, in: Self.vocabulary, readings: Self.readings)
  }

  @Test func aWordConvertedWronglyIsOfferedTheNameItReadsAs() {
    #expect(offers("坊災") == ["防災"])
    #expect(offers("感光") == ["観光"])
    #expect(offers("電子新生") == ["電子申請"])
    // A kun'yomi's stem: 小 こ and 育 そだ.
    #expect(offers("小育て") == ["子育て"])
    // Typed with a full-width space between: the separators are left out, as for typos.
    #expect(offers("電子　新生") == ["電子申請"])
    // Converted only in part: a kanji of the name typed in kana.
    #expect(offers("ぼう災") == ["防災"])
    #expect(offers("防さい") == ["防災"])
    #expect(offers("でんし申請") == ["電子申請"])
    // Several words: each that reads as a name is replaced, the others kept as typed.
    #expect(offers("坊災 避難") == ["防災 避難"])
    #expect(offers("坊災　感光") == ["防災 観光"])
    #expect(offers("火災 避難").isEmpty)
  }

  @Test func wordsThatOnlyLookLikeOneGetNone() {
    // A name itself, one character, no kanji.
    #expect(offers("防災").isEmpty)
    #expect(offers("坊").isEmpty)
    #expect(offers("ぼうさい").isEmpty)
    // Another reading (かさい), or the reading with no kanji in common (帽 ぼう + 妻 さい).
    #expect(offers("火災").isEmpty)
    #expect(offers("帽妻").isEmpty)
    // More than the name's reading.
    #expect(offers("坊災地").isEmpty)
    // A name without a reading (危機管理) is offered nothing read.
    #expect(offers("機器管理").isEmpty)
  }

  /// kanji.json holds the readings found inside the names' readings, each with its kanji.
  @Test func theFileHoldsOnlyTheReadingsTheNamesUse() throws {
    let object = try #require(
      try JSONSerialization.jsonObject(with: Self.file) as? [String: String])
    #expect(object["ぼう"]?.contains("坊") == true && object["ぼう"]?.contains("防") == true)
    #expect(object["さい"]?.contains("災") == true)
    #expect(object["ふせ"] == nil)  // 防's kun'yomi, in no name's reading
    #expect(Homophones.file(groups: Self.groups) == Self.file)  // the same bytes
    // An index with no kanji.json (built by an older Portal): nothing read, nothing offered.
    #expect(Homophones.offers("坊災", in: Self.vocabulary, readings: [:]).isEmpty)
  }
}
