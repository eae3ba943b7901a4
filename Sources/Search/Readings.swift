import Foundation

/// A query typed as readings in kana, two words or more run together: おんらいんしえん,
/// ちばけんみん, まいなんばーかーどのしんせい (with an input method's conversion left undone, or
/// by a resident who does not know the kanji). It finds nothing: a reading finds pages only as a
/// whole term, through its group. The names inside it (`QueryNames`) are found longest first,
/// which cuts ちばけん out of ちばけんみん and leaves みん, and they are offered only after the
/// typos' offers, which a long kana query is near by chance (おんらいんしえん is two typos from
/// おんらいんしんせい: 電子申請 was offered, not オンライン 支援).
///
/// When every kana term of the query is made up wholly of the site's names (readings, and
/// katakana names folded to hiragana), with at most particles between them, that is what was
/// typed: it is offered first, as words (千葉 県民) and as one term (千葉県民), each name as its
/// group's first name. Only known names, never a guess at where an unknown word ends (Portal
/// has no dictionary): a reading the site does not give (じょうきょう) leaves the query to the
/// other offers. search-offers.js (`readingOffers`) follows the same rules.
enum Readings {
  /// The offers for `query`, best first, before any is checked to find something: the query
  /// with each name of its cover replaced by its group's first name, particles and separators
  /// as typed (ちばけんみん → 千葉県民; まいなんばーかーどのしんせい → マイナンバーカードの申請), then
  /// the first names as words, particles left out (千葉 県民), then each name alone, longest
  /// first (千葉, 県民). Empty unless the query is kana
  /// alone (separators aside), every term is covered (`cover`), and one term is two names or
  /// more; neither the query itself nor one offer twice. Without `alone`, only the two forms
  /// holding every name (what `SearchEngine.answer` searches at once).
  static func offers(_ query: String, in vocabulary: SuggestionVocabulary, alone: Bool = true)
    -> [String]
  {
    var normalizer = Normalizer()
    let text = normalizer.normalize(query)
    let (key, places) = QueryNames.keyWithPlaces(text)
    guard !key.isEmpty, key.allSatisfy(QuerySplit.isHiragana) else { return [] }
    let (index, lengths) = QueryNames.nameIndex(vocabulary)
    // A query that is a name was searched with all its group's names already.
    guard index[key] == nil else { return [] }
    var names: [QueryNames.Match] = []
    var split = false
    var start = 0
    for end in 1...key.count where end == key.count || places[end] != places[end - 1] + 1 {
      // A term: a run of key characters with no separator between them (the dropped ー and ・
      // leave no gap in the normalised text).
      guard let term = cover(key, start, end, index: index, lengths: lengths) else { return [] }
      split = split || term.count > 1
      names += term
      start = end
    }
    guard split else { return [] }
    let first = { (m: QueryNames.Match) in vocabulary.groups[m.group][0] }
    // Each name alone too, longest first as the names inside a query: the query's names are
    // what was typed, so when no page holds them together, no typo of it is offered instead.
    let single =
      alone
      ? names.sorted { a, b in
        a.end - a.start != b.end - b.start ? a.end - a.start > b.end - b.start : a.start < b.start
      } : []
    let offers: [String?] =
      [
        QueryNames.replacing(query, text: text, places: places, names.map { ($0, first($0)) }),
        names.map(first).joined(separator: " "),
      ] + single.map(first)
    var seen: Set<[UInt32]> = [QueryNames.termsKey(text.scalars)]
    return offers.compactMap { $0 }.filter {
      seen.insert(QueryNames.termsKey(normalizer.normalize($0).scalars)).inserted
    }
  }

  /// The names that make up `key[from..<to]` wholly, in order, with particles (QuerySplit's:
  /// の に を…) allowed between two names and left out; nil when there is no such cover. The
  /// fewest names, then the fewest particles; among equal covers, the longest name first from
  /// the left. A cover of the whole run, not the longest names first (`QueryNames.matches`):
  /// ちばけんみん is ちば けんみん, while ちばけん would leave みん. Linear in the run's length
  /// times the number of distinct name lengths.
  static func cover(
    _ key: [UInt32], _ from: Int, _ to: Int, index: [[UInt32]: Int], lengths: [Int]
  ) -> [QueryNames.Match]? {
    typealias Cost = (names: Int, particles: Int)
    let n = to - from
    // For each start, the best cover of the rest: its cost, and its first piece's end and group
    // (nil for a particle).
    var cost = [Cost?](repeating: nil, count: n + 1)
    var step = [(end: Int, group: Int?)](repeating: (to, nil), count: n + 1)
    cost[n] = (0, 0)
    for j in stride(from: to - 1, through: from, by: -1) {
      var best: Cost?
      func consider(_ end: Int, _ group: Int?) {
        guard let rest = cost[end - from] else { return }
        let c: Cost =
          group == nil ? (rest.names, rest.particles + 1) : (rest.names + 1, rest.particles)
        if best == nil || c < best! {
          best = c
          step[j - from] = (end, group)
        }
      }
      for length in lengths.reversed() where j + length <= to {
        if let g = index[Array(key[j..<j + length])] { consider(j + length, g) }
      }
      // A particle is neither first nor last: it stands between two names.
      for p in QuerySplit.particleKeys
      where j > from && j + p.count < to && key[j..<j + p.count].elementsEqual(p) {
        consider(j + p.count, nil)
      }
      cost[j - from] = best
    }
    guard cost[0] != nil else { return nil }
    var out: [QueryNames.Match] = []
    var at = from
    while at < to {
      let (end, group) = step[at - from]
      if let group { out.append(QueryNames.Match(start: at, end: end, group: group)) }
      at = end
    }
    return out
  }
}
