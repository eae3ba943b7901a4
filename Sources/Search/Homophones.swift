import ByteFormats
import Foundation

/// A word converted to the wrong kanji (坊災 for 防災, 感光 for 観光, 電子新生 for 電子申請): an
/// input method offers every kanji of a reading, a resident picks the wrong one, and the
/// search finds nothing. Such a query is no typo by its characters (a two-character word gets
/// none at all), but it reads as a name of the site: offered when the query shares a kanji with
/// the name and its characters, read with the kanji's readings, spell the name's reading (坊 ぼう
/// + 災 さい = ぼうさい, 防災's). A word converted only in part is read so too (ぼう災, でんし申請).
///
/// The readings are the 常用漢字's (`KanjiReadings`, from KANJIDIC): on'yomi and kun'yomi
/// stems. `search/kanji.json` holds those the site's names can use, `{"ぼう":"乏亡…",…}`
/// (readings found inside a name's reading), fetched only by a search that found nothing and
/// was offered no typo. search-offers.js (`homophoneOffers`) follows the same rules.
enum Homophones {
  /// The index file of the readings, under `search/`.
  static let file = "kanji.json"

  /// `kanji.json` for the site's names (`Suggestions.groups`): the readings (with their kanji)
  /// that occur inside the reading of one of them, in `KanjiReadings`' order.
  static func file(groups: [[String]]) -> Data {
    let vocabulary = SuggestionVocabulary(groups)
    var inside: Set<[UInt32]> = []
    for keys in vocabulary.keys {
      for r in keys where isReading(r) {
        for i in r.indices {
          for j in (i + 1)...r.count { inside.insert(Array(r[i..<j])) }
        }
      }
    }
    // Each reading as the names' are normalised (ぢ, づ as じ, ず): つづ of 続 is つず there.
    // Two readings made one (ちぢ and ちじ) share their line, the first's place kept.
    var order: [[UInt32]] = []
    var kanji: [[UInt32]: String] = [:]
    for line in KanjiReadings.table.split(separator: "\n") {
      let parts = line.split(separator: " ")
      guard parts.count == 2 else { continue }
      let key = parts[0].unicodeScalars.map { Normalizer.large($0.value) }
      guard inside.contains(key) else { continue }
      if kanji[key] == nil { order.append(key) }
      kanji[key, default: ""] += parts[1]
    }
    var w = JSONBytes()
    w.byte(UInt8(ascii: "{"))
    for (n, key) in order.enumerated() {
      if n > 0 { w.byte(UInt8(ascii: ",")) }
      w.string(String(String.UnicodeScalarView(key.compactMap(Unicode.Scalar.init))))
      w.byte(UInt8(ascii: ":"))
      w.string(kanji[key]!)
    }
    w.raw("}\n")
    return w.data
  }

  /// `kanji.json` read: each kanji with its readings.
  static func readings(_ data: Data) -> [UInt32: [[UInt32]]] {
    guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: String] else {
      return [:]
    }
    var readings: [UInt32: [[UInt32]]] = [:]
    for (reading, kanji) in object {
      let key = reading.unicodeScalars.map(\.value)
      for k in kanji.unicodeScalars { readings[k.value, default: []].append(key) }
    }
    return readings
  }

  /// The offers for `query`, before any is checked to find something: the first names of the
  /// groups it reads as, in group order; failing that, for several words (坊災 避難), the query
  /// with each word that reads as a name replaced by the first (防災 避難), as the typos' offers
  /// do. None for a query that is a name, is shorter than two characters, or has no kanji.
  /// `readings` (kanji.json) is read only when a word may be one, and once.
  static func offers(
    _ query: String, in vocabulary: SuggestionVocabulary,
    readings table: @autoclosure () -> [UInt32: [[UInt32]]]
  ) -> [String] {
    var loaded: [UInt32: [[UInt32]]]?
    func readings() -> [UInt32: [[UInt32]]] {
      if let loaded { return loaded }
      let read = table()
      loaded = read
      return read
    }
    return Suggestions.wholeOrEachWord(query) { names($0, in: vocabulary, readings) }
  }

  /// The first names of the groups `text` (its key, separators removed) reads as: a name
  /// sharing a kanji with it, and a reading of the group its characters spell.
  private static func names(
    _ text: String, in vocabulary: SuggestionVocabulary,
    _ table: () -> [UInt32: [[UInt32]]]
  ) -> [String] {
    var normalizer = Normalizer()
    let (q, _) = QueryNames.keyWithPlaces(normalizer.normalize(text))
    guard q.count >= 2, q.contains(where: Okurigana.isKanji),
      !vocabulary.keys.contains(where: { $0.contains(q) })
    else { return [] }
    let readings = table()
    var offers: [String] = []
    for (g, keys) in vocabulary.keys.enumerated() {
      // A name sharing a kanji with the query (in any place: ぼう災 is a kanji of 防災 typed
      // in kana, and shorter).
      let alike = keys.contains { n in
        n.contains { Okurigana.isKanji($0) && q.contains($0) }
      }
      guard alike, keys.contains(where: { isReading($0) && reads(q, as: $0, readings) }) else {
        continue
      }
      offers.append(vocabulary.groups[g][0])
    }
    return offers
  }

  /// A name's key that is a reading: hiragana alone.
  static func isReading(_ key: [UInt32]) -> Bool {
    !key.isEmpty && key.allSatisfy(QuerySplit.isHiragana)
  }

  /// Whether `q`'s characters spell `reading`: a kanji by one of its readings, kana as itself
  /// (both normalised keys: katakana is hiragana in them already).
  static func reads(_ q: [UInt32], as reading: [UInt32], _ readings: [UInt32: [[UInt32]]])
    -> Bool
  {
    func from(_ i: Int, _ at: Int) -> Bool {
      guard i < q.count else { return at == reading.count }
      let c = q[i]
      if Okurigana.isKanji(c) {
        return (readings[c] ?? []).contains { r in
          at + r.count <= reading.count && reading[at..<(at + r.count)].elementsEqual(r)
            && from(i + 1, at + r.count)
        }
      }
      return at < reading.count && reading[at] == c && from(i + 1, at + 1)
    }
    return from(0, 0)
  }
}
