import Foundation

/// When a glossary term's reading is worth showing beside it. The reading is always kept in the
/// data (it sets the term's place in 五十音 order and lets search find it by its kana), but a
/// term written in kana reads as written: 「よみかた：まいなんばーかーど」 under マイナンバーカード
/// only repeated the term in hiragana. The entry's page and the glossary's list ask the same.
enum GlossaryReading {
  /// The reading to show beside `term`, or nil when it only spells the term's own kana.
  static func shown(_ reading: String, for term: String) -> String? {
    reading.isEmpty || spellsOwnKana(reading, term: term) ? nil : reading
  }

  /// Whether `reading` is `term` in kana, read alike: katakana as hiragana, small kana as large
  /// (ャ as や), and ー, ・ and spaces left out, so コンピュータ read こんぴゅーたー counts.
  /// A term with anything but kana (kanji, letters, digits) is never its own reading.
  static func spellsOwnKana(_ reading: String, term: String) -> Bool {
    guard let kana = folded(term), !kana.isEmpty else { return false }
    return folded(reading) == kana
  }

  /// The text's kana folded as `spellsOwnKana` compares them; nil when it holds other letters.
  /// NFKC first: half-width ﾏｲﾅﾝﾊﾞｰ is full-width マイナンバー to a reader. Decomposed and
  /// composed again: Foundation's NFKC on Linux left ﾊﾞ as ハ and a combining mark.
  static func folded(_ text: String) -> [UInt32]? {
    var out: [UInt32] = []
    for scalar in text.decomposedStringWithCompatibilityMapping
      .precomposedStringWithCanonicalMapping
      .unicodeScalars
    {
      let v = scalar.value
      switch v {
      case 0x30FC, 0x30FB, 0x0020, 0x3000: continue  // ー ・ and spaces
      case 0x3041...0x3096: out.append(large(v))
      case 0x30A1...0x30F6: out.append(large(v - 0x60))  // katakana as hiragana
      default: return nil
      }
    }
    return out
  }

  /// A small kana as its large form (ぁ → あ, っ → つ, ゃ → や, ゎ → わ, ゕ → か, ゖ → け).
  static func large(_ v: UInt32) -> UInt32 {
    switch v {
    case 0x3041, 0x3043, 0x3045, 0x3047, 0x3049, 0x3063, 0x3083, 0x3085, 0x3087, 0x308E: v + 1
    case 0x3095: 0x304B
    case 0x3096: 0x3051
    default: v
    }
  }
}
