import Foundation

/// A Latin compound typed joined where the pages write it with a hyphen: etax or eTax for
/// e-Tax, elearning for e-learning. The word index keeps each part of e-Tax as a word of its
/// own (e, tax), so etax finds nothing, and no dictionary says where such a word splits. The
/// commonest such compounds in Japanese public services have one letter before the hyphen
/// (e-Tax, e-Gov, e-learning, i-mode, x-ray), so a word of Latin letters that finds nothing is
/// offered split after its first letter, a checked offer of 「もしかして」 like the pages'
/// spellings (`Okurigana`): shown only when a page writes it so. The other way round (e-tax
/// typed, eTax written) is searched at once, its words joined (`QuerySplit.hyphenated`).
/// search-offers.js (`latinOffers`) follows the same rules.
enum LatinCompound {
  /// Words shorter than this are not split: one letter and a word of two (e-go, x-ax) would
  /// be a guess at nearly any short word.
  static let shortest = 4

  /// For each word of the query (split at spaces, as typos are) made of Latin letters only, at
  /// least `shortest`, and not one of the site's names (GIGA), the query with that word written
  /// with a hyphen after its first letter (etax → e-tax, ｅＴａｘ → ｅ-Ｔａｘ), one offer per
  /// word, in the order typed.
  static func offers(_ query: String, in vocabulary: SuggestionVocabulary) -> [String] {
    let words = Romaji.words(query)
    let (index, _) = QueryNames.nameIndex(vocabulary)
    var normalizer = Normalizer()
    var offers: [String] = []
    for (i, word) in words.enumerated() {
      let key = Normalizer.exactKey(normalizer.normalize(word).scalars)
      guard key.count >= shortest, key.allSatisfy({ (0x61...0x7A).contains($0) }),
        word.unicodeScalars.count == key.count, index[key] == nil
      else { continue }
      var split = words
      split[i] = String(word.prefix(1)) + "-" + String(word.dropFirst())
      offers.append(split.joined(separator: " "))
    }
    return offers
  }
}
