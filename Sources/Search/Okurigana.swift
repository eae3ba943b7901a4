import Foundation

/// The pages' spelling of a word typed with other okurigana inside a longer query. The pages
/// follow 公用文 and drop okurigana in compounds (行政手続オンライン化, 申込書, 取組状況), while
/// residents type them (行政手続き, 申し込み書, 取り組み状況). Alone, such a word finds every
/// spelling through its word group (手続き finds 手続, 申し込み finds 申込); inside a longer term
/// the search compares characters, and 行政手続き found nothing.
///
/// The spellings come from the site's own groups (site.yml's `search_words`, glossary names),
/// never from a rule over every kanji and kana: a group says that 手続き and 手続 are one word,
/// and only names of one group that differ by hiragana alone (`isSpelling`) are used, so a
/// group's synonyms (防災, 危機管理) or other spellings (子ども, 子供) are not put into a
/// compound. An offer of 「もしかして」, checked to find something before it is shown, and not
/// a second search made with every query: search.js (in every first search) stays as it is, and
/// the groups are in words.json, which only a search that found nothing fetches
/// (docs/decisions.md). search-offers.js (`spellingOffers`) follows the same rules.
enum Okurigana {
  /// The offers for `query`, best first, before any is checked to find something: the query as
  /// typed with each name found in it (`QueryNames.matches`) that has other spellings in its
  /// group written with them, the fewest kana first (行政手続き → 行政手続; 申し込み書 → 申込書,
  /// then 申込み書). None for a query that is a name (its search looked for every name of its
  /// group already), nor the query itself.
  static func offers(_ query: String, in vocabulary: SuggestionVocabulary) -> [String] {
    var normalizer = Normalizer()
    let text = normalizer.normalize(query)
    let (key, places) = QueryNames.keyWithPlaces(text)
    let (index, lengths) = QueryNames.nameIndex(vocabulary)
    guard index[key] == nil else { return [] }
    let found = QueryNames.matches(
      key, places: places, in: text.scalars, index: index, lengths: lengths)
    var choices: [(QueryNames.Match, [String])] = []
    let typed = query.unicodeScalars.map(\.value)
    for m in found {
      let matched = QueryNames.matchedKey(m, text, places)
      guard let i = vocabulary.keys[m.group].firstIndex(of: matched),
        !goesOn(m, key: key, places: places, text: text, typed: typed)
      else { continue }
      let names = vocabulary.groups[m.group]
      let written = scalars(names[i])
      // Stable: among spellings of one length, the group's order.
      let others = names.indices.filter { $0 != i && isSpelling(scalars(names[$0]), of: written) }
        .sorted { (names[$0].unicodeScalars.count, $0) < (names[$1].unicodeScalars.count, $1) }
        .map { names[$0] }
      if !others.isEmpty { choices.append((m, others)) }
    }
    guard let most = choices.map(\.1.count).max() else { return [] }
    var offers: [String] = []
    var seen: Set<[UInt32]> = [key]
    for level in 0..<most {
      let chosen = choices.map { ($0.0, $0.1[min(level, $0.1.count - 1)]) }
      guard let offer = QueryNames.replacing(query, text: text, places: places, chosen),
        seen.insert(Normalizer.exactKey(normalizer.normalize(offer).scalars)).inserted
      else { continue }
      offers.append(offer)
    }
    return offers
  }

  /// Whether the word of match `m` goes on in hiragana typed after it, other than a particle
  /// (QuerySplit's: の に を…): a verb's or adjective's ending (申し込みます, 取り組みました,
  /// 手続きして) or more okurigana (取組 of 取組み状況). 公用文 drops okurigana in nouns, not in
  /// a verb's forms, so no page writes 申込ます, and checking it costs a search for nothing;
  /// written otherwise, the kana typed would also follow (取り組みみ). A particle ends the noun
  /// (取組の状況 may be written 取り組みの状況); katakana typed after it are another word.
  static func goesOn(
    _ m: QueryNames.Match, key: [UInt32], places: [Int], text: NormalizedText, typed: [UInt32]
  ) -> Bool {
    guard m.end < key.count, places[m.end] == places[m.end - 1] + 1,
      isHiragana(typed[Int(text.originStart[places[m.end]])])
    else {
      return false
    }
    let rest = key[m.end...]
    return !QuerySplit.particleKeys.contains { rest.starts(with: $0) }
  }

  /// Whether names `a` and `b` (as written) are one word with other okurigana: both kanji and
  /// hiragana only, starting with a kanji, with two kanji or more, and the shorter is the
  /// longer without some of its hiragana (手続 and 手続き, 申込 and 申し込み, 問合せ and
  /// 問い合わせ). Not 子供 and 子ども (other kanji), nor 学び and 学 (one kanji: a word of its
  /// own), nor くらし and 暮らし.
  static func isSpelling(_ a: [UInt32], of b: [UInt32]) -> Bool {
    guard a != b, isWritten(a), isWritten(b) else { return false }
    let (short, long) = a.count < b.count ? (a, b) : (b, a)
    var j = 0
    var dropped: [UInt32] = []
    for v in long {
      if j < short.count, short[j] == v {
        if particles.contains(dropped) { return false }
        dropped = []
        j += 1
      } else if isHiragana(v) {
        dropped.append(v)
      } else {
        return false
      }
    }
    return j == short.count && !particles.contains(dropped)
  }

  /// Kana dropped alone that are a particle (QuerySplit's: の に を…から まで), not okurigana:
  /// 森林の協議会 and 森林協議会 (aliases of one glossary entry in the bench corpus) are one
  /// name, but the の is the sentence's, and put into another query (県民の支援 for 県民支援) it
  /// is no spelling of a word.
  static let particles: Set<[UInt32]> = Set(QuerySplit.particles.map(scalars))

  /// Kanji and hiragana only, a kanji first, two kanji or more.
  static func isWritten(_ name: [UInt32]) -> Bool {
    guard let first = name.first, isKanji(first) else { return false }
    return name.allSatisfy { isKanji($0) || isHiragana($0) } && name.filter(isKanji).count >= 2
  }

  static func isHiragana(_ v: UInt32) -> Bool { QuerySplit.isHiragana(v) }

  /// CJK ideographs (the unified blocks, their extensions, compatibility ideographs) and 々 〆.
  static func isKanji(_ v: UInt32) -> Bool {
    (0x4E00...0x9FFF).contains(v) || (0x3400...0x4DBF).contains(v) || (0xF900...0xFAFF).contains(v)
      || (0x20000...0x3FFFF).contains(v) || v == 0x3005 || v == 0x3006
  }

  static func scalars(_ s: String) -> [UInt32] { s.unicodeScalars.map(\.value) }
}
