import Foundation

/// Romaji typed where kana were meant: at a library or school computer, or with the input
/// method off, residents type `sumaho`, `bousai`, `mainanba-ka-do`, and a search of Latin
/// letters finds nothing. A query that finds nothing, whose Latin words are romaji, is offered
/// in hiragana (すまほ), named as the site names it (スマートフォン). search-offers.js
/// (`romajiOffers`, `hiragana`) follows the same rules and table.
enum Romaji {
  /// Hepburn, kunrei and wāpuro spellings (shi/si, chi/ti, tsu/tu, fu/hu, ji/zi, kya, sha, cha,
  /// ja, jya, wo, thi, dhi, fa, va, small kana with x, ltu for っ), longest first when
  /// converting. Not wāpuro's la, li for small kana: residents seldom type them, and English
  /// words with l and a vowel (online, line) would read as romaji. Made from rows rather than
  /// listed, as search-offers.js makes it, so the two stay equal.
  static let table: [String: String] = {
    var t: [String: String] = [:]
    let vowels = Array("aiueo").map(String.init)
    func put(_ prefix: String, _ kana: (Int) -> String?) {
      for (i, v) in vowels.enumerated() { if let k = kana(i) { t[prefix + v] = k } }
    }
    // "・" is a spelling that is not used (yi, ye, wi, we: given below where they are).
    let rows = [
      "", "あいうえお", "k", "かきくけこ", "g", "がぎぐげご", "s", "さしすせそ", "z", "ざじずぜぞ",
      "t", "たちつてと", "d", "だぢづでど", "n", "なにぬねの", "h", "はひふへほ", "b", "ばびぶべぼ",
      "p", "ぱぴぷぺぽ", "m", "まみむめも", "r", "らりるれろ", "y", "や・ゆ・よ", "w", "わ・う・を",
      "x", "ぁぃぅぇぉ", "xy", "ゃぃゅぇょ",
    ]
    let smallY = Array("ゃぃゅぇょ").map(String.init)
    let small = Array("ぁぃぅぇぉ").map(String.init)
    for r in stride(from: 0, to: rows.count, by: 2) {
      let kana = Array(rows[r + 1]).map(String.init)
      put(rows[r]) { kana[$0] == "・" ? nil : kana[$0] }
    }
    // kya, sya (kunrei), nyo…: the i-row's kana and a small ya, yu, yo.
    for c in "kgsztdnhbpmr" {
      let i = t[String(c) + "i"]!
      put(String(c) + "y") { i + smallY[$0] }
    }
    // sha, chi, ja, jya, cya (wāpuro); thi, dhu: with a small ya, yu, yo (and ぃ for thi).
    for (p, base) in [("sh", "し"), ("ch", "ち"), ("cy", "ち"), ("j", "じ"), ("jy", "じ")] {
      put(p) { $0 == 1 ? base : base + smallY[$0] }
    }
    for (p, base) in [("th", "て"), ("dh", "で")] { put(p) { base + smallY[$0] } }
    // fa, va, tsa: with a small vowel (fu, vu, tsu alone).
    for (p, base) in [("f", "ふ"), ("v", "ゔ"), ("ts", "つ")] {
      put(p) { $0 == 2 ? base : base + small[$0] }
    }
    t["ye"] = "いぇ"
    t["wi"] = "うぃ"
    t["we"] = "うぇ"
    for p in ["xtu", "ltu", "xtsu", "ltsu"] { t[p] = "っ" }
    t["xwa"] = "ゎ"
    return t
  }()

  /// Consonants whose doubling is a small っ (kk, ss, tt, cch, pp…): not n (nn is ん), m (mm,
  /// mb, mp are ん in Hepburn's shimbun), nor y, w, x, l, q.
  static let doubled: Set<Character> = Set("bcdfghjkprstvz")
  /// A converted word shorter than this is not offered: one kana (え for `e`) is inside nearly
  /// every page.
  static let shortest = 2

  /// `word` (NFKC, lower case: full-width letters and capitals are romaji too) when it is made
  /// of ASCII letters, `-` (ー) and `'` (after ん) with at least one letter; nil otherwise.
  static func letters(_ word: String) -> String? {
    let w = word.precomposedStringWithCompatibilityMapping.lowercased()
      .replacingOccurrences(of: "\u{2019}", with: "'")
    guard w.unicodeScalars.allSatisfy({ ("a"..."z").contains($0) || $0 == "-" || $0 == "'" }),
      w.unicodeScalars.contains(where: { ("a"..."z").contains($0) })
    else { return nil }
    return w
  }

  /// `word` in hiragana, when it is romaji that converts completely (nil for `xyz`, `dx`,
  /// `smart`, `iot`, or a word of one kana): `sumaho` → すまほ, `mainanba-ka-do` →
  /// まいなんばーかーど, `kitte` → きって, `matcha` → まっちゃ, `kon'ya` → こんや, `shimbun` → しんぶん.
  static func hiragana(_ word: String) -> String? {
    guard let w = letters(word) else { return nil }
    let s = Array(w)
    let isVowel = { (i: Int) in i < s.count && "aiueoy".contains(s[i]) }
    var out = ""
    var i = 0
    next: while i < s.count {
      let c = s[i]
      let after: Character? = i + 1 < s.count ? s[i + 1] : nil
      if c == "-" {
        out += "ー"
        i += 1
        continue
      }
      if c == "'" {
        // n' before a vowel (kan'i, kon'ya): the apostrophe only ends the ん.
        guard out.hasSuffix("ん") else { return nil }
        i += 1
        continue
      }
      // n before a consonant or at the end is ん; nn is ん, and before a vowel or y the second
      // n starts the next kana (Hepburn's minna, konnichiwa; wāpuro's konnnichiha).
      if c == "n" && !isVowel(i + 1) {
        out += "ん"
        i += after == "n" && !isVowel(i + 2) ? 2 : 1
        continue
      }
      if c == "m" && (after == "b" || after == "m" || after == "p") {
        out += "ん"
        i += 1
        continue
      }
      if doubled.contains(c) && (after == c || (c == "t" && after == "c")) {
        out += "っ"
        i += 1
        continue
      }
      for n in stride(from: min(4, s.count - i), through: 1, by: -1) {
        if let kana = table[String(s[i..<i + n])] {
          out += kana
          i += n
          continue next
        }
      }
      return nil
    }
    return out.unicodeScalars.count >= shortest ? out : nil
  }
}

extension Romaji {
  /// The katakana words written in the site's names (サービス in 行政サービス, データ in
  /// データ利活用), by key: a loanword typed in romaji (sa-bisu, de-ta) converts to hiragana
  /// (さーびす), which finds サービス through normalisation, but the offer should say it as the
  /// site writes it. Runs of katakana and ー of two characters or more (keys, ー dropped); the
  /// first met (group order) wins. Made only for a query whose romaji is not a name itself.
  static func katakanaWords(_ vocabulary: SuggestionVocabulary) -> [[UInt32]: String] {
    var words: [[UInt32]: String] = [:]
    var normalizer = Normalizer()
    func put(_ run: [Unicode.Scalar]) {
      guard !run.isEmpty else { return }
      let text = String(String.UnicodeScalarView(run))
      let key = Normalizer.exactKey(normalizer.normalize(text).scalars)
      if key.count >= QueryNames.shortestName && words[key] == nil { words[key] = text }
    }
    for group in vocabulary.groups {
      for name in group {
        var run: [Unicode.Scalar] = []
        for s in name.unicodeScalars {
          // ァ-ヺ and ー, as search-offers.js's /[\u30a1-\u30fa\u30fc]+/; not ・, which
          // separates words.
          if (0x30A1...0x30FA).contains(s.value) || s.value == 0x30FC {
            run.append(s)
          } else {
            put(run)
            run = []
          }
        }
        put(run)
      }
    }
    return words
  }

  /// The query's words split at spaces as the search page splits them (search-offers.js):
  /// spaces of both widths, tabs and line ends.
  static func words(_ query: String) -> [String] {
    query.split { " \t\n\r\u{3000}".contains($0) }.map(String.init)
  }
}

/// A query of romaji read as kana: `named`, each converted word written as the site writes it
/// (防災 バス), and `kana`, in hiragana (ぼうさい ばす), for the typos' and names' offers.
struct RomajiQuery {
  var named: String
  var kana: String
}

extension SearchEngine {
  /// 「もしかして」 for a query of romaji that found nothing: its romaji words in hiragana, each
  /// written as the site's name whose key it is (bousai → ぼうさい → 防災, sumaho → スマートフォン,
  /// mainanba-ka-do → マイナンバーカード) or as a katakana word of its names (sa-bisu →
  /// サービス), other words as typed, when that finds something; else the typos' or names'
  /// offers of the hiragana query (mainanbaakaado, kosodateshien → 子育て支援). A Latin word
  /// that is one of the site's names or finds something as typed (AI, smart, DX) stays as
  /// typed; a query with no word converted gets none. The same rules are in search-offers.js.
  /// - Parameter groups: words.json's groups (nil when the index has none).
  func romajiOffers(
    _ query: String, in groups: SuggestionVocabulary?, kinds: Set<SearchKind>?
  ) -> [String] {
    romajiQuery(query, in: groups, kinds: kinds).map {
      offers(of: $0, in: groups, kinds: kinds).offers
    } ?? []
  }

  /// The offers of a query read as romaji, and `meant`: whether the first is the whole query
  /// as the site names it (it found something).
  func offers(of romaji: RomajiQuery, in groups: SuggestionVocabulary?, kinds: Set<SearchKind>?)
    -> (offers: [String], meant: Bool)
  {
    if finds(romaji.named, kinds) { return ([romaji.named], true) }
    return (typosOrNames(romaji.kana, in: groups, kinds: kinds), false)
  }

  /// `query` with its romaji words converted (see `romajiOffers`), nil when none is.
  func romajiQuery(
    _ query: String, in groups: SuggestionVocabulary?, kinds: Set<SearchKind>?
  ) -> RomajiQuery? {
    let words = Romaji.words(query)
    // Most queries that find nothing hold no romaji: no names' index for them.
    guard words.contains(where: { Romaji.hiragana($0) != nil }) else { return nil }
    var kana: [String] = []
    var named: [String] = []
    let index = groups.map { QueryNames.nameIndex($0).0 } ?? [:]
    var katakana: [[UInt32]: String]?
    var normalizer = Normalizer()
    let key = { (text: String) in Normalizer.exactKey(normalizer.normalize(text).scalars) }
    for word in words {
      // One of the site's names as typed (AI, GIGA) is no romaji, though it finds nothing with
      // the kinds asked for. A query of one word found nothing as typed; a word among others
      // is searched alone.
      guard let h = Romaji.hiragana(word), index[key(word)] == nil,
        words.count == 1 || !finds(word, kinds)
      else {
        kana.append(word)
        named.append(word)
        continue
      }
      kana.append(h)
      let k = key(h)
      if let g = index[k], let groups {
        named.append(groups.groups[g][0])
      } else if let groups {
        // Made once, and only when a converted word is no name.
        if katakana == nil { katakana = Romaji.katakanaWords(groups) }
        named.append(katakana?[k] ?? h)
      } else {
        named.append(h)
      }
    }
    guard kana != words else { return nil }
    return RomajiQuery(named: named.joined(separator: " "), kana: kana.joined(separator: " "))
  }
}
