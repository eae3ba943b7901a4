import ByteFormats
import EditDistance
import Foundation

/// 「もしかして」: when a search finds nothing, the site's own names within a typo or two of the
/// query. Residents unused to keyboards mistype (ぼうさ for ぼうさい, まいなんばかあど for
/// マイナンバーカード) and the substring search then finds nothing at all; the names are the
/// glossary's (term, reading, aliases, English name, tags), site.yml's word groups and the
/// fields', each group shown by its first name (防災 for ぼうさ).
///
/// `search/words.json` holds the groups, `[["防災","ぼうさい"],…]`, fetched only after a search
/// that found nothing. search-offers.js (`suggest`) follows the same rules. When no typo is
/// near, the names inside the query are offered instead (`QueryNames`).
public enum Suggestions {
  /// The index file of the groups, under `search/`.
  static let file = "words.json"
  /// Queries shorter than this (normalised, separators removed) get none: a one-character
  /// change to a two-character word names a dozen other words.
  static let shortestQuery = 3
  /// From this length on, two typos are forgiven; below it, one.
  static let twoTyposFrom = 6
  /// From this length on, a query is also compared with the start of longer names: a part of a
  /// name, mistyped (ますなんばー for マイナンバーカード), finds nothing either. Shorter ones
  /// would be a typo of the start of too many names.
  static let startsFrom = 5
  /// At most this many names are offered.
  public static let limit = 3
  /// At most this many offers are searched to see that they find something (in order, the
  /// first `limit` that do are shown): a bound on the downloads a failed search adds.
  static let checked = 2 * limit

  /// The groups in the order they are preferred among equal distances: glossary entries (in
  /// index order), word groups of site.yml, fields and domains. Groups with the same first name
  /// are one (a word group may give a glossary term more readings).
  static func groups(_ ordered: [SearchDocument], wordGroups: [[String]]) -> [[String]] {
    var groups: [[String]] = []
    // By index: a document taken out of the array is a copy, with a retain of each text.
    for i in ordered.indices where ordered[i].kind == .glossary {
      groups.append([ordered[i].title] + ordered[i].indexedKeywords)
    }
    groups += wordGroups
    for i in ordered.indices where ordered[i].kind == .field { groups.append([ordered[i].title]) }
    var normalizer = Normalizer()
    var place: [[UInt32]: Int] = [:]
    var kept: [[String]] = []
    for group in groups {
      guard let first = group.first(where: { !$0.isEmpty }) else { continue }
      let key = Normalizer.exactKey(normalizer.normalize(first).scalars)
      let at = place[key] ?? kept.count
      if at == kept.count {
        place[key] = at
        kept.append([])
      }
      for name in group where !name.isEmpty && !kept[at].contains(name) { kept[at].append(name) }
    }
    return kept
  }

  /// The index files made of the site's names, by name: `words.json` and `kanji.json`, from
  /// one making of the groups. The same documents give the same bytes, so a patched index
  /// writes them only when a name changed.
  static func nameFiles(_ ordered: [SearchDocument], wordGroups: [[String]]) -> [String: Data] {
    let groups = groups(ordered, wordGroups: wordGroups)
    return [file: file(groups: groups), Homophones.file: Homophones.file(groups: groups)]
  }

  /// `words.json`: the groups of names, in order.
  static func file(groups: [[String]]) -> Data {
    var w = JSONBytes()
    w.byte(UInt8(ascii: "["))
    for (i, group) in groups.enumerated() {
      w.raw(i == 0 ? "[" : ",[")
      for (j, name) in group.enumerated() {
        if j > 0 { w.byte(UInt8(ascii: ",")) }
        w.string(name)
      }
      w.byte(UInt8(ascii: "]"))
    }
    w.raw("]\n")
    return w.data
  }

  /// The file of every document's address, for the page for missing addresses (404.html): a
  /// resident who typed an address from paper, or followed a mistyped link, is offered the
  /// pages whose address is nearest (search-offers.js `nearPages`), titled from their heads.
  static let pagesFile = "pages.json"

  /// `pages.json`: `["/glossary/ai/","/glossary/big-data/",…]`, the documents' addresses in id
  /// order, so entry n's title is in head `c/<n>.json`. Addresses only: a patch never changes
  /// an address (that moves the document, and the index is made whole), so a retitled page in
  /// `portal serve` leaves this file as it is.
  static func pagesFile(_ ordered: [SearchDocument]) -> Data {
    var w = JSONBytes()
    w.bytes.reserveCapacity(ordered.count * 40 + 4)
    w.byte(UInt8(ascii: "["))
    for i in ordered.indices {
      if i > 0 { w.byte(UInt8(ascii: ",")) }
      w.string(ordered[i].url)
    }
    w.raw("]\n")
    return w.data
  }

  /// The typos' offers for `query`, best first, before any is checked to find something: the
  /// first names of the groups closest to it as a whole (separators removed: `opne data` →
  /// オープンデータ), nearest first, then in group order; failing that, for several words
  /// (`オンライン しんせ`), the query with each mistyped word replaced by its nearest name
  /// (`オンライン 申請`). None for words that are short or are themselves names (a name that
  /// finds nothing with the kinds asked for is not a typo).
  static func find(_ query: String, in vocabulary: SuggestionVocabulary) -> [String] {
    wholeOrEachWord(query) { nearest($0, vocabulary.keys).map { vocabulary.groups[$0][0] } }
  }

  /// `names(query)`, or when that is empty and the query is several words, the query once with
  /// each word that has a name replaced by its first (the others as typed); nothing when no
  /// word has one. The typos' offers and the wrong kanji's (`Homophones`) are made so, as
  /// search-offers.js's `wholeOrEachWord`.
  static func wholeOrEachWord(_ query: String, _ names: (String) -> [String]) -> [String] {
    let whole = names(query)
    // Split where the search page splits (search-offers.js): spaces of both widths, tabs and
    // line ends.
    let words = query.split { " \t\n\r\u{3000}".contains($0) }.map(String.init)
    guard whole.isEmpty, words.count > 1 else { return whole }
    var replaced = false
    let corrected = words.map { word -> String in
      guard let name = names(word).first else { return word }
      replaced = true
      return name
    }
    return replaced ? [corrected.joined(separator: " ")] : []
  }

  /// The groups (by their names' keys) within a typo or two of `word`, or of the start of a
  /// name (from `startsFrom` characters), nearest first, whole names before starts, then in
  /// group order; none when the word is short or is one of the names. A name the word holds
  /// whole and a character or two more (こそだて支援, オープンデータア) is no typo of it: the
  /// names inside the query are offered then (`QueryNames`), with the rest of the query.
  private static func nearest(_ word: String, _ keys: [[[UInt32]]]) -> [Int] {
    var normalizer = Normalizer()
    let text = normalizer.normalize(word)
    let (q, places) = QueryNames.keyWithPlaces(text)
    guard q.count >= shortestQuery else { return [] }
    let most = q.count >= twoTyposFrom ? 2 : 1
    var found: [(distance: Int, group: Int)] = []
    for (g, names) in keys.enumerated() {
      // Twice the typos, and one more for a typo of a name's start: whole names first.
      var best = 2 * most + 2
      for key in names where !key.isEmpty {
        if key.count > q.count && q.count >= startsFrom {
          let d = startTypos(q, key, most)
          if d > 0 { best = min(best, 2 * d + 1) }
        }
        guard abs(key.count - q.count) <= most else { continue }
        if key.count < q.count && QueryNames.holds(q, key, places: places, in: text.scalars) {
          continue
        }
        best = min(best, 2 * EditDistance.between(q, key, atMost: most))
      }
      if best == 0 { return [] }
      if best <= 2 * most + 1 { found.append((best, g)) }
    }
    found.sort { ($0.distance, $0.group) < ($1.distance, $1.group) }
    return found.map(\.group)
  }

  /// The fewest typos that make `q` a start of the longer `key` (of `q`'s length, give or take
  /// `most`), or `most + 1`.
  static func startTypos(_ q: [UInt32], _ key: [UInt32], _ most: Int) -> Int {
    var best = most + 1
    for n in (q.count - most)...min(q.count + most, key.count - 1) {
      best = min(best, EditDistance.between(q, Array(key[..<n]), atMost: most))
    }
    return best
  }
}

extension SearchEngine {
  /// 「もしかして」 for a search that found nothing (with `kinds`): up to `Suggestions.limit`
  /// offers that find something: the query's romaji in kana (`romajiOffers`: sumaho →
  /// スマートフォン); when it is no romaji or they find nothing, for a query of kana made
  /// wholly of the site's names, those names (`Readings`: おんらいんしえん → オンライン 支援),
  /// else the query in the pages' spelling (`Okurigana`: 行政手続き → 行政手続), else the typos'
  /// offers, else the names the query reads as (`Homophones`: 坊災 → 防災), or when none finds
  /// anything, the names found inside the query (`QueryNames`).
  /// Each offer is searched as the page would search it, with the same kinds, and shown only if
  /// its first page holds a result: an offer that finds nothing again is worse than none. Only the romaji's kana when the index has no
  /// `words.json` (built by an older Portal).
  public func suggestions(for query: String, kinds: Set<SearchKind>? = nil) -> [String] {
    offers(for: query, kinds: kinds, in: vocabulary()).offers
  }

  /// The offers of `suggestions(for:kinds:)` with `vocabulary` (words.json read once by the
  /// caller), and `meant`: whether the first is the whole query read as romaji (bousai 避難 →
  /// 防災 避難), which `answer` puts before the words that find something alone.
  func offers(for query: String, kinds: Set<SearchKind>?, in vocabulary: SuggestionVocabulary?)
    -> (offers: [String], meant: Bool)
  {
    // A query read as romaji was meant as kana: its Latin letters' typos (bousai → BPR) are
    // not offered with it.
    guard let romaji = romajiQuery(query, in: vocabulary, kinds: kinds) else {
      return (typosOrNames(query, in: vocabulary, kinds: kinds), false)
    }
    return offers(of: romaji, in: vocabulary, kinds: kinds)
  }

  /// For a query of kana made wholly of the site's names, those names (`Readings`) and nothing
  /// else. Otherwise the query in the pages' spelling (`Okurigana`: 行政手続き → 行政手続) when
  /// that finds something, else the typos' offers for `query` that find something, or when none does, the
  /// names' inside it. The spelling first: 行政手続き is also a typo of the start of a name
  /// (行政手続オンライン化), whose offer would hide the word typed.
  func typosOrNames(
    _ query: String, in vocabulary: SuggestionVocabulary?, kinds: Set<SearchKind>?
  ) -> [String] {
    guard let vocabulary else { return [] }
    // Offers checked and found wanting are not checked again by a later step (取組状況 is both
    // a spelling of 取り組み状況 and its rewrite with the group's first name).
    var failed: Set<[UInt32]> = []
    // A query of readings made up wholly of the site's names is what was typed: its names
    // are offered, not the typos it is near by chance (おんらいんしえん, two typos from
    // おんらいんしんせい).
    let readings = Readings.offers(query, in: vocabulary)
    if !readings.isEmpty { return finding(readings, kinds: kinds, failed: &failed) }
    let spellings =
      Okurigana.offers(query, in: vocabulary)
      + LatinCompound.offers(query, in: vocabulary)
    let spelt = finding(spellings, kinds: kinds, failed: &failed)
    if !spelt.isEmpty { return spelt }
    let typos = finding(Suggestions.find(query, in: vocabulary), kinds: kinds, failed: &failed)
    if !typos.isEmpty { return typos }
    // A word converted to the wrong kanji (坊災): the names it reads as.
    let homophones = finding(
      Homophones.offers(query, in: vocabulary, readings: kanjiReadings()), kinds: kinds,
      failed: &failed)
    if !homophones.isEmpty { return homophones }
    return finding(QueryNames.offers(query, in: vocabulary), kinds: kinds, failed: &failed)
  }

  /// 「もしかして」 after `response`, the search of `query` with `kinds`: none when it found
  /// something (offers are for a resident left with nothing), else `suggestions(for:kinds:)`.
  public func suggestions(
    for query: String, kinds: Set<SearchKind>? = nil, after response: SearchResponse
  ) -> [String] {
    response.candidates == 0 ? suggestions(for: query, kinds: kinds) : []
  }

  /// The readings of `kanji.json`, empty when the index has none (built by an older Portal).
  func kanjiReadings() -> [UInt32: [[UInt32]]] {
    store.data(Homophones.file).map(Homophones.readings) ?? [:]
  }

  /// The groups of `words.json`, nil when the index has none (built by an older Portal).
  func vocabulary() -> SuggestionVocabulary? {
    guard let data = store.data(Suggestions.file),
      let groups = try? JSONSerialization.jsonObject(with: data) as? [[String]]
    else { return nil }
    return SuggestionVocabulary(groups)
  }

  /// The first `Suggestions.limit` of `offers` that find something, checking at most
  /// `Suggestions.checked` of them (each is a search of its own).
  func finding(_ offers: [String], kinds: Set<SearchKind>?) -> [String] {
    var failed: Set<[UInt32]> = []
    return finding(offers, kinds: kinds, failed: &failed)
  }

  /// `finding(_:kinds:)` without the offers in `failed` (by code points, as search-offers.js
  /// compares strings), which were checked before and found nothing; adds those that find
  /// nothing now.
  func finding(_ offers: [String], kinds: Set<SearchKind>?, failed: inout Set<[UInt32]>)
    -> [String]
  {
    var found: [String] = []
    let fresh = offers.filter { !failed.contains($0.unicodeScalars.map(\.value)) }
    for offer in fresh.prefix(Suggestions.checked) where found.count < Suggestions.limit {
      if finds(offer, kinds) {
        found.append(offer)
      } else {
        failed.insert(offer.unicodeScalars.map(\.value))
      }
    }
    return found
  }
}
