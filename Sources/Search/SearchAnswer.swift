import Foundation

/// What a search shows: its results, or when the query as typed finds nothing, the results of
/// its words split apart (`searchedAs`), or else 「もしかして」's offers. `portal search` and the
/// search page (search.js with search-offers.js `respond`) give the same answer.
public struct SearchAnswer: Sendable {
  /// The results shown: of the query, or of `searchedAs` when that is set. Its `files` are
  /// what both searches read.
  public var response: SearchResponse
  /// The query searched instead of one that found nothing, its words split apart
  /// (スマートフォン教室 → スマートフォン 教室): shown as 「『スマートフォン 教室』で探しました」.
  public var searchedAs: String?
  /// 「もしかして」: searches that find something, when nothing was found (also not split).
  public var suggestions: [String]
}

extension SearchEngine {
  /// The most words a split query has (the search looks at no more terms).
  static let splitTerms = 8

  /// The answer to `query`: its results when it finds something. Otherwise its words split
  /// apart, particles and question words left out (`QuerySplit`; a term that finds something
  /// alone is kept whole, unless it is only a question word or particles), are searched at once, as mature search engines answer a query that
  /// finds nothing with the one they are sure was meant: every word the resident typed is still
  /// required, so the results hold what was asked. When that finds nothing too, 「もしかして」
  /// offers, first, the split words without those that find nothing alone (パネル展 会場案内 →
  /// パネル展), then the typos' or the names' offers (`suggestions(for:kinds:)`): at most
  /// `Suggestions.limit`, each shown only if it finds something. When the whole query read as
  /// romaji finds something (bousai 避難 → 防災 避難), that is what was meant: it comes first.
  /// Readings run together that are wholly the site's names (ぎょうせいてつづき → 行政 手続き,
  /// `Readings`) are searched at once, as the split words are.
  public func answer(_ query: String, kinds: Set<SearchKind>? = nil, limit: Int = 10)
    -> SearchAnswer
  {
    let response = run(query, kinds: kinds, limit: limit)
    guard response.candidates == 0 else {
      return SearchAnswer(response: response, searchedAs: nil, suggestions: [])
    }
    let terms = Self.terms(query)
    // A query of one term is that term, which found nothing.
    let found = terms.count == 1 ? [false] : terms.map { finds($0.term, kinds) }
    var known: [String: Bool] = [:]
    var words: [String] = []
    for (t, f) in zip(terms, found) {
      known[t.term] = f
      // A question word or particle typed on its own (パネル展 いつ) is left out, though いつ
      // is in many pages (いつでも).
      for w in f && !t.words.isEmpty ? [t.term] : t.words where !words.contains(w) {
        words.append(w)
      }
    }
    words = Array(words.prefix(Self.splitTerms))
    let split = words.joined(separator: " ")
    // The results of `instead`, with the files both searches read.
    func searched(_ instead: String) -> SearchAnswer {
      var shown = run(instead, kinds: kinds, limit: limit)
      shown.files = response.files + shown.files.filter { !response.files.contains($0) }
      return SearchAnswer(response: shown, searchedAs: instead, suggestions: [])
    }
    if !words.isEmpty, words != terms.map(\.term), finds(split, kinds) { return searched(split) }
    // words.json read once, for the readings, the words' first names and the offers.
    let vocabulary = vocabulary()
    // Readings run together, made up wholly of the site's names (ぎょうせいてつづき): those
    // names are what was typed, as sure as a split where the script changes (デジタルか), so
    // they are searched at once, as one term (子育て支援) or else as words (行政 手続き).
    if let vocabulary,
      let named = Readings.offers(query, in: vocabulary, alone: false).first(where: {
        finds($0, kinds)
      })
    {
      return searched(named)
    }
    // A lone letter (e of `e tax`) finds every word it starts: no offer of fewer words.
    let kept = words.filter { !Self.isLoneLetter($0) && (known[$0] ?? finds($0, kinds)) }
    let (offered, meant) = offers(for: query, kinds: kinds, in: vocabulary)
    var offers = meant ? offered : []
    if !kept.isEmpty, kept.count < words.count {
      let fewer = firstNames(kept, in: vocabulary).joined(separator: " ")
      if !offers.contains(fewer), finds(fewer, kinds) { offers.append(fewer) }
    }
    for s in offered where !offers.contains(s) { offers.append(s) }
    // Nothing else to offer: a word written in kana before kanji (ごみ収集) is offered its
    // parts that find something (ごみ), as a word in katakana (ゴミ収集) is.
    if offers.isEmpty {
      for part in words.flatMap({ QuerySplit.kanaApart($0) ?? [] })
      where !offers.contains(part) && finds(part, kinds) {
        offers.append(part)
      }
    }
    return SearchAnswer(
      response: response, searchedAs: nil, suggestions: Array(offers.prefix(Suggestions.limit)))
  }

  /// The query's terms as `QuerySplit.terms` gives them, except that a word of romaji
  /// (konpyu-ta-, mainanba-ka-do, kon'ya) is one term: its `-` is ー and its `'` ends an ん,
  /// not a break between words, so `ta` or `ya` is not searched or offered on its own. Other
  /// words with `-` (2026-12, e-tax) are split as before.
  static func terms(_ query: String) -> [(term: String, words: [String])] {
    let words = Romaji.words(query)
    guard words.contains(where: { Romaji.hiragana($0) != nil }) else {
      return QuerySplit.terms(query)
    }
    return words.flatMap { word in
      Romaji.hiragana(word) != nil ? [(word, [word])] : QuerySplit.terms(word)
    }
  }

  /// The words with each that is a reading or another name of a group of `words.json` written
  /// as the group's first name (ぼうさい → 防災), as the names inside a query are offered.
  func firstNames(_ words: [String], in vocabulary: SuggestionVocabulary?) -> [String] {
    guard let vocabulary else { return words }
    let (index, _) = QueryNames.nameIndex(vocabulary)
    var normalizer = Normalizer()
    return words.map { word in
      let key = Normalizer.exactKey(normalizer.normalize(word).scalars)
      guard let g = index[key], vocabulary.keys[g][0] != key else { return word }
      return vocabulary.groups[g][0]
    }
  }

  /// Whether `word` is one Latin letter or digit once normalised (ｅ, E, 5): as the last word of
  /// a query it is a prefix of countless words, so that it "finds something" says nothing.
  static func isLoneLetter(_ word: String) -> Bool {
    var normalizer = Normalizer()
    let key = Normalizer.exactKey(normalizer.normalize(word).scalars)
    return key.count == 1 && Normalizer.charClass(key[0]) == .word
  }

  /// Whether `query` finds something, as an offer is checked: its first result, with the
  /// verification budget of a search for one.
  func finds(_ query: String, _ kinds: Set<SearchKind>?) -> Bool {
    !run(query, kinds: kinds, limit: 1).results.isEmpty
  }
}
