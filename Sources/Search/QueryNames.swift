import Foundation

/// `words.json`'s groups with every name's key (normalised, separators removed), made once per
/// search that found nothing and shared by both kinds of offer: typos of a name
/// (`Suggestions.find`) and names inside the query (`QueryNames.offers`).
struct SuggestionVocabulary {
  /// The groups, each offered by its first name.
  let groups: [[String]]
  /// The keys of each group's names, in the same places.
  let keys: [[[UInt32]]]

  init(_ groups: [[String]]) {
    var normalizer = Normalizer()
    let usable = groups.filter { !$0.isEmpty }
    self.groups = usable
    self.keys = usable.map { group in
      group.map { Normalizer.exactKey(normalizer.normalize($0).scalars) }
    }
  }
}

/// The fallback of 「もしかして」, for a query that found nothing and is no typo of a name: a
/// pasted sentence (マイナンバーカードの申請方法を知りたい), a query with a word the site lacks
/// (防災 ドローン教室) or one converted to kanji only in part (こそだて支援). The site's names
/// found inside it are what the resident can search for; a reading found inside it (こそだて)
/// is written as its group's first name (子育て支援), since a reading finds pages only as a
/// whole term. The same rules are in search-offers.js (`queryNameOffers`).
enum QueryNames {
  /// Names shorter than this (normalised, separators removed) are not looked for: one
  /// character (県, 市) is inside nearly every sentence.
  static let shortestName = 2

  /// A name found in the query: where (in the query's key, separators removed), and its group.
  struct Match: Equatable {
    var start: Int
    var end: Int
    var group: Int
  }

  /// The offers for `query`, best first, before any is checked to find something: the query
  /// with each reading replaced by its group's first name (こそだて支援 → 子育て支援); the names
  /// found together, as one query of several words, in the order typed (マイナンバーカード 申請);
  /// each name found, longest first. Nothing is offered twice, nor the query itself.
  static func offers(_ query: String, in vocabulary: SuggestionVocabulary) -> [String] {
    var normalizer = Normalizer()
    let text = normalizer.normalize(query)
    let (key, places) = keyWithPlaces(text)
    let (index, lengths) = nameIndex(vocabulary)
    // A query that is a name was searched with all its group's names already.
    guard index[key] == nil else { return [] }
    let found = matches(key, places: places, in: text.scalars, index: index, lengths: lengths)
    guard !found.isEmpty else { return [] }
    let first = { (m: Match) in vocabulary.groups[m.group][0] }
    var offers: [String] = []
    if let rewritten = rewrite(query, text: text, places: places, found, vocabulary) {
      offers.append(rewritten)
    }
    if let split = split(query, text: text, places: places, found, vocabulary) {
      offers.append(split)
    }
    if let together = together(found, vocabulary) { offers.append(together) }
    offers += found.map(first)
    // Compared by code points, as search-offers.js compares strings; the query itself is the
    // same terms (手続き 方法 is not the query 手続き方法, which is one term).
    var seen: Set<[UInt32]> = []
    let terms = termsKey(text.scalars)
    return offers.filter { offer in
      seen.insert(offer.unicodeScalars.map(\.value)).inserted
        && termsKey(normalizer.normalize(offer).scalars) != terms
    }
  }

  /// Normalised text as its terms: each run of separators one space, none at the ends.
  static func termsKey(_ scalars: [UInt32]) -> [UInt32] {
    var out: [UInt32] = []
    var gap = false
    for v in scalars {
      if Normalizer.charClass(v) == .separator {
        gap = !out.isEmpty
      } else {
        if gap { out.append(0x20) }
        gap = false
        out.append(v)
      }
    }
    return out
  }

  /// The first names of two or more groups found, in the order typed, as one query of several
  /// words: what the resident asked for, without the words the site does not have.
  static func together(_ found: [Match], _ vocabulary: SuggestionVocabulary) -> String? {
    var groups: [Int] = []
    for m in found.sorted(by: { $0.start < $1.start }) where !groups.contains(m.group) {
      groups.append(m.group)
    }
    guard groups.count > 1 else { return nil }
    return groups.map { vocabulary.groups[$0][0] }.joined(separator: " ")
  }

  /// The query split apart at the names found in it, each name as its group's first name and
  /// the words between them as typed (QuerySplit's words, without particles and endings), in
  /// the order typed: 取り組み状況 → 取組 状況, 手続き方法 → 手続き 方法. The names are known
  /// words, so the query's term can be cut at them where QuerySplit, by script alone, keeps
  /// kanji with the kana between them whole. Words of one character (書 of 申し込み書) or of
  /// hiragana alone as typed (ます, お) are left out: they are in nearly every page, or a
  /// word's ending. Nil unless a word is left besides the names, and two words in all.
  static func split(
    _ query: String, text: NormalizedText, places: [Int], _ found: [Match],
    _ vocabulary: SuggestionVocabulary
  ) -> String? {
    let typed = query.unicodeScalars.map(\.value)
    var normalizer = Normalizer()
    var words: [String] = []
    var rest = 0
    func between(_ from: Int, _ to: Int) {
      guard from < to else { return }
      let start = Int(text.originStart[places[from]])
      let end = Int(text.originEnd[places[to - 1]])
      for (_, pieces) in QuerySplit.terms(SearchText.string(typed[start..<end])) {
        for word in pieces
        where normalizer.normalize(word).scalars.count >= 2
          && !word.unicodeScalars.allSatisfy({ QuerySplit.isHiragana($0.value) })
        {
          words.append(word)
          rest += 1
        }
      }
    }
    var at = 0
    for m in found.sorted(by: { $0.start < $1.start }) {
      between(at, m.start)
      words.append(vocabulary.groups[m.group][0])
      at = m.end
    }
    between(at, places.count)
    return rest > 0 && words.count > 1 ? words.joined(separator: " ") : nil
  }

  /// The query's key (separators removed) and, for each of its characters, its place in the
  /// normalised text, to test word boundaries and to find the typed characters again.
  static func keyWithPlaces(_ text: NormalizedText) -> ([UInt32], [Int]) {
    var key: [UInt32] = []
    var places: [Int] = []
    for (i, v) in text.scalars.enumerated() where Normalizer.charClass(v) != .separator {
      key.append(v)
      places.append(i)
    }
    return (key, places)
  }

  /// The names inside `key`, longest first and then left to right, none overlapping one taken
  /// before: a longer name says more (マイナンバーカード, not マイナ). A Latin or digit name
  /// must start and end at word boundaries, as the search matches words (`ai` is not in
  /// `mail`). Linear in the query's length times the number of distinct name lengths.
  static func matches(
    _ key: [UInt32], places: [Int], in scalars: [UInt32], index: [[UInt32]: Int], lengths: [Int]
  ) -> [Match] {
    var all: [Match] = []
    for start in key.indices {
      for length in lengths where start + length <= key.count {
        guard let group = index[Array(key[start..<start + length])],
          isWhole(start, start + length, places: places, in: scalars)
        else { continue }
        all.append(Match(start: start, end: start + length, group: group))
      }
    }
    all.sort { a, b in
      a.end - a.start != b.end - b.start ? a.end - a.start > b.end - b.start : a.start < b.start
    }
    var taken = [Bool](repeating: false, count: key.count)
    var picked: [Match] = []
    for m in all where !taken[m.start..<m.end].contains(true) {
      for i in m.start..<m.end { taken[i] = true }
      picked.append(m)
    }
    return picked
  }

  /// Each name's key with its group, and the names' lengths (shortest first). A key that is a
  /// group's first name belongs to that group (危機管理 is a field's name, not rewritten as
  /// 防災 whose word group also lists it); otherwise to the first group listing it.
  static func nameIndex(_ vocabulary: SuggestionVocabulary) -> ([[UInt32]: Int], [Int]) {
    var index: [[UInt32]: Int] = [:]
    for (g, keys) in vocabulary.keys.enumerated() where keys[0].count >= shortestName {
      if index[keys[0]] == nil { index[keys[0]] = g }
    }
    for (g, keys) in vocabulary.keys.enumerated() {
      for k in keys where k.count >= shortestName && index[k] == nil { index[k] = g }
    }
    return (index, Set(index.keys.map(\.count)).sorted())
  }

  /// Whether key characters `start..<end` are not the middle of a word: a word character at
  /// either end must not continue a word in the normalised text (separators count here).
  static func isWhole(_ start: Int, _ end: Int, places: [Int], in scalars: [UInt32]) -> Bool {
    let isWord = { (i: Int) in
      scalars.indices.contains(i) && Normalizer.charClass(scalars[i]) == .word
    }
    let (first, last) = (places[start], places[end - 1])
    return !(isWord(first) && isWord(first - 1)) && !(isWord(last) && isWord(last + 1))
  }

  /// Whether `key` (a query's key, with `places` in its normalised `scalars`) holds `name`
  /// whole, as `matches` would find it.
  static func holds(_ key: [UInt32], _ name: [UInt32], places: [Int], in scalars: [UInt32])
    -> Bool
  {
    guard name.count <= key.count else { return false }
    return (0...key.count - name.count).contains { start in
      key[start..<start + name.count].elementsEqual(name)
        && isWhole(start, start + name.count, places: places, in: scalars)
    }
  }

  /// The query as typed, with each name found that is not its group's first name (a reading,
  /// an alias) replaced by that first name; nil when there is none.
  static func rewrite(
    _ query: String, text: NormalizedText, places: [Int], _ found: [Match],
    _ vocabulary: SuggestionVocabulary
  ) -> String? {
    let renamed = found.filter { vocabulary.keys[$0.group][0] != matchedKey($0, text, places) }
    return replacing(
      query, text: text, places: places, renamed.map { ($0, vocabulary.groups[$0.group][0]) })
  }

  /// The query as typed with each match's stretch replaced by the name given with it, and with
  /// the long-vowel marks typed after it (which normalisation drops, so the match ends before
  /// them); nil when there is nothing to replace. Shared by the rewrite above and by the pages'
  /// spellings (`Okurigana`).
  static func replacing(
    _ query: String, text: NormalizedText, places: [Int], _ replacements: [(Match, String)]
  ) -> String? {
    var typed = query.unicodeScalars.map(\.value)
    var ranges: [(Range<Int>, [UInt32])] = []
    for (m, name) in replacements {
      let from = Int(text.originStart[places[m.start]])
      var to = Int(text.originEnd[places[m.end - 1]])
      // A long-vowel mark typed after the name belongs to its last kana (すまほー of sumaho-to):
      // replaced with it, not left after the name (スマートフォンーと).
      while to < typed.count, typed[to] == 0x30FC || typed[to] == 0xFF70 { to += 1 }
      ranges.append((from..<to, name.unicodeScalars.map(\.value)))
    }
    guard !ranges.isEmpty else { return nil }
    ranges.sort { $0.0.lowerBound < $1.0.lowerBound }
    // From the end, so earlier places stay valid; a range sharing a typed character with the
    // one after it (one character may normalise to two) is left as typed.
    var next = Int.max
    for (range, name) in ranges.reversed() where range.upperBound <= next {
      typed.replaceSubrange(range, with: name)
      next = range.lowerBound
    }
    return SearchText.string(typed)
  }

  /// The key of the stretch a match covers.
  static func matchedKey(_ m: Match, _ text: NormalizedText, _ places: [Int]) -> [UInt32] {
    places[m.start..<m.end].map { text.scalars[$0] }
  }
}
