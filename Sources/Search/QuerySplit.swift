import Foundation

/// A query typed as residents say it, with no spaces: スマートフォン教室, 千葉県DXパネル展,
/// 近くのスマホ教室, スマホ教室に申し込みたい. The search matches each term as one stretch of
/// text, so such a query finds nothing unless a page writes it exactly so. Split where the
/// script changes (kanji with its kana endings, katakana, Latin letters and digits) and without
/// the particles and question words around the words, it finds the pages that hold the words:
/// スマートフォン 教室, 千葉県 DX パネル 展, スマホ 教室, スマホ 教室 申し込み.
///
/// Japanese has no spaces, and Portal no dictionary: the split is made by script only, and
/// what it drops is the short list below. search-offers.js (`splitTerm`) follows the same rules.
enum QuerySplit {
  /// Particles between words (千葉県のDX, 教室に申し込み, 12月から): left out.
  static let particles = ["の", "に", "を", "は", "が", "で", "と", "へ", "から", "まで"]
  /// Endings of a wish or a polite question after a word's kanji (申し込みたい, 会場ですか):
  /// left out there, so 申し込みたい is searched as 申し込み.
  static let endings = ["たい", "です", "ですか"]
  /// Question words (パネル展 いつ, 近くのスマホ教室): a page says when and where, it does not
  /// hold the question.
  static let questions = ["いつ", "どこ", "近く"]

  /// A character's script, for where a query may be split.
  enum Script: Equatable {
    case kanji, hiragana, katakana, latin, digit
  }

  /// Normalised words (hiragana, the form the search compares) of a list.
  static func keys(_ words: [String]) -> [[UInt32]] {
    var normalizer = Normalizer()
    return words.map { normalizer.normalize($0).scalars }
  }

  static let particleKeys = keys(particles)
  /// The particles cut off kana before kanji (ぼうさいの訓練 → ぼうさい 訓練): not と, which
  /// ends as many kana words as it joins (ふるさと納税 was cut to ふるさ).
  static let kanaEndKeys = keys(particles.filter { $0 != "と" })
  static let strippedKeys = keys(particles + endings + questions)

  /// The query's terms (split at separators), each as typed, and each split into its words as
  /// typed, the particles and question words left out (a term may have none left: いつ).
  static func terms(_ query: String) -> [(term: String, words: [String])] {
    var normalizer = Normalizer()
    let typed = query.unicodeScalars.map(\.value)
    let text = normalizer.normalize(typed)
    let scripts = text.scalars.indices.map { script(of: $0, in: text, typed: typed) }
    var out: [(String, [String])] = []
    var i = 0
    while i < scripts.count {
      guard scripts[i] != nil else {
        i += 1
        continue
      }
      var j = i + 1
      while j < scripts.count, scripts[j] != nil { j += 1 }
      // Latin words joined by hyphens (e-tax, e-Tax, ｅ－Ｔａｘ) are one term, its word the
      // letters joined (etax): pages write eTax as often as e-Tax.
      var parts = [i..<j]
      while let next = hyphenated(after: parts.last!, scripts: scripts, text: text) {
        parts.append(next)
      }
      guard parts.count == 1 else {
        let joined = parts.map { typedText($0, text: text, typed: typed) }.joined()
        out.append((typedText(i..<parts.last!.upperBound, text: text, typed: typed), [joined]))
        i = parts.last!.upperBound
        continue
      }
      let words = pieces(i..<j, scripts: scripts, text: text)
        .filter { !strippedKeys.contains(Array(text.scalars[$0])) }
        .map { typedText($0, text: text, typed: typed) }
      out.append((typedText(i..<j, text: text, typed: typed), words))
      i = j
    }
    return out
  }

  /// Hyphens joining the parts of a Latin compound: `-` (and `－`, which NFKC makes `-`), and
  /// U+2010 ‐ (which U+2011 ‑ becomes).
  static let hyphens: Set<UInt32> = [0x2D, 0x2010]

  /// The term after `term` when one hyphen alone separates them and both are Latin letters
  /// only (e-tax, x-ray; not COVID-19, 2026-12-04 or 千葉-DX): the parts of one compound.
  static func hyphenated(after term: Range<Int>, scripts: [Script?], text: NormalizedText)
    -> Range<Int>?
  {
    let start = term.upperBound + 1
    guard start < scripts.count, hyphens.contains(text.scalars[term.upperBound]),
      term.allSatisfy({ scripts[$0] == .latin }), scripts[start] == .latin
    else { return nil }
    var end = start
    while end < scripts.count, scripts[end] != nil { end += 1 }
    return scripts[start..<end].allSatisfy { $0 == .latin } ? start..<end : nil
  }

  /// The script of normalised character `i`, nil for a separator. Katakana is folded to
  /// hiragana by normalisation, so the character typed tells them apart; digits go with the
  /// word beside them (`pieces`).
  static func script(of i: Int, in text: NormalizedText, typed: [UInt32]) -> Script? {
    let v = text.scalars[i]
    switch Normalizer.charClass(v) {
    case .separator: return nil
    case .word: return (0x30...0x39).contains(v) ? .digit : .latin
    case .japanese:
      let origin = typed[Int(text.originStart[i])]
      if origin == 0x30F5 || origin == 0x30F6 { return .kanji }  // ヵ ヶ of place names
      if isKatakana(origin) || (0x30A0...0x30FF).contains(v) { return .katakana }
      return isHiragana(v) ? .hiragana : .kanji
    }
  }

  /// Whether `v` is hiragana: the letters (ぁ to ゖ), the voiced sound marks (combining and
  /// spacing, ゛゜: typed after a kana, they complete it) and the iteration marks ゝゞ with
  /// ゟ. ゝゞ belong: they stand for the kana before them (こゝろ, いすゞ), so a word written
  /// with them is a hiragana word, and normalisation folds katakana's ヽヾ into them. One test
  /// for every hiragana check of the search (QueryNames' words of hiragana alone, Okurigana's
  /// okurigana, Readings' kana queries, this script); search-offers.js's `isHiragana` is the
  /// same.
  static func isHiragana(_ v: UInt32) -> Bool {
    (0x3041...0x3096).contains(v) || (0x3099...0x309F).contains(v)
  }

  static func isKatakana(_ v: UInt32) -> Bool {
    (0x30A0...0x30FF).contains(v) || (0x31F0...0x31FF).contains(v) || (0xFF66...0xFF9F).contains(v)
      || (0x3300...0x3357).contains(v)
  }

  /// A run of characters of one script, in normalised places.
  struct Run {
    var script: Script
    var range: Range<Int>
  }

  /// The runs of one term; digits take the script of the run after them, else before them
  /// (12月, 第5世代, 5G stay whole), kana after digits counting as kanji (3つ).
  static func runs(_ term: Range<Int>, scripts: [Script?]) -> [Run] {
    var raw: [Run] = []
    for i in term {
      let s = scripts[i]!
      if let last = raw.last, last.script == s {
        raw[raw.count - 1].range = last.range.lowerBound..<i + 1
      } else {
        raw.append(Run(script: s, range: i..<i + 1))
      }
    }
    var out: [Run] = []
    for (k, run) in raw.enumerated() {
      var s = run.script
      if s == .digit {
        let neighbour = k + 1 < raw.count ? raw[k + 1].script : k > 0 ? raw[k - 1].script : .latin
        s = neighbour == .hiragana ? .kanji : neighbour
      }
      if let last = out.last, last.script == s {
        out[out.count - 1].range = last.range.lowerBound..<run.range.upperBound
      } else {
        out.append(Run(script: s, range: run.range))
      }
    }
    return out
  }

  /// The words of a term, in normalised places: katakana and Latin runs each one word; kanji
  /// with the kana between and after them one word (申し込み, 手続き), the kana cut where they
  /// end in particles or endings (教室に, 申し込みたい → 申し込み). Kana before any kanji are a
  /// word of their own when they are particles and question words only (の, いつ, どこで), or
  /// when one particle follows two kana or more before kanji (ぼうさいの訓練); else they stay
  /// (お知らせ, こども).
  static func pieces(_ term: Range<Int>, scripts: [Script?], text: NormalizedText) -> [Range<Int>] {
    let runs = runs(term, scripts: scripts)
    var out: [Range<Int>] = []
    var current: Range<Int>?
    func close() {
      if let c = current, !c.isEmpty { out.append(c) }
      current = nil
    }
    for (k, run) in runs.enumerated() {
      switch run.script {
      case .katakana, .latin, .digit:
        close()
        out.append(run.range)
      case .kanji:
        current = (current?.lowerBound ?? run.range.lowerBound)..<run.range.upperBound
      case .hiragana:
        let kana = Array(text.scalars[run.range])
        let afterKanji = k > 0 && runs[k - 1].script == .kanji
        let kept = stripped(kana, strippedKeys)
        if afterKanji {
          guard kept < kana.count else {
            current = current.map { $0.lowerBound..<run.range.upperBound }
            continue
          }
          current = current.map { $0.lowerBound..<run.range.lowerBound + kept }
          close()
        } else if kept == 0 {
          close()
        } else if k + 1 < runs.count,
          let particle = kanaEndKeys.filter({ kana.ends($0) }).max(by: { $0.count < $1.count }),
          kana.count - particle.count >= 2
        {
          close()
          out.append(run.range.lowerBound..<run.range.upperBound - particle.count)
        } else {
          close()
          current = run.range
        }
      }
    }
    close()
    return out
  }

  /// A word written in kana before one in kanji, typed together (ごみ収集, ごみ袋): the kana
  /// (two or more, not ending in a particle: その他 stays) and the rest, or nil. `pieces` keeps
  /// such kana with their kanji (こそだて支援 is offered 子育て支援 by its reading); this cut is
  /// the last resort of 「もしかして」, when nothing else is offered. search-offers.js
  /// (`kanaApart`) is the same.
  static func kanaApart(_ word: String) -> [String]? {
    let scalars = Array(word.unicodeScalars)
    let kana = scalars.prefix { isHiragana($0.value) }
    guard kana.count >= 2, kana.count < scalars.count,
      Okurigana.isKanji(scalars[kana.count].value),
      !kanaEndKeys.contains(where: { kana.map(\.value).ends($0) })
    else { return nil }
    var head = String.UnicodeScalarView()
    var rest = String.UnicodeScalarView()
    head.append(contentsOf: kana)
    rest.append(contentsOf: scalars[kana.count...])
    return [String(head), String(rest)]
  }

  /// How many characters of `kana` are left when `words` are taken off its end, longest
  /// first, one after another (はいつ: いつ, then は; みたい: たい).
  static func stripped(_ kana: [UInt32], _ words: [[UInt32]]) -> Int {
    var n = kana.count
    while n > 0 {
      let head = kana[..<n]
      guard let w = words.filter({ head.ends($0) }).max(by: { $0.count < $1.count }) else { break }
      n -= w.count
    }
    return n
  }

  /// The characters typed for normalised places `range`, with a long-vowel mark typed after
  /// them (サーバー), which normalisation drops.
  static func typedText(_ range: Range<Int>, text: NormalizedText, typed: [UInt32]) -> String {
    let from = Int(text.originStart[range.lowerBound])
    var to = Int(text.originEnd[range.upperBound - 1])
    while to < typed.count, typed[to] == 0x30FC || typed[to] == 0xFF70 { to += 1 }
    return SearchText.string(typed[from..<to])
  }
}

extension Collection where Element == UInt32 {
  /// Whether the collection ends with `suffix`.
  fileprivate func ends(_ suffix: [UInt32]) -> Bool {
    count >= suffix.count && self.suffix(suffix.count).elementsEqual(suffix)
  }
}
