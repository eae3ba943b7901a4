import Content

/// Script classes of single characters. The rules look at Japanese text character by character,
/// without a dictionary, so these tests decide what counts as kanji, kana or a Latin word.
extension LintCharacter {
  /// CJK ideographs plus 々 (repeats the kanji before it), 〆 and 〇, which read as kanji.
  var isKanji: Bool { Kanji.contains(scalar) }

  var isHiragana: Bool { (0x3041...0x309F).contains(scalar) }

  /// Full-width katakana including ー and the iteration marks, but not ・ (which joins words).
  var isKatakana: Bool {
    let v = scalar
    return (0x30A1...0x30FA).contains(v) || (0x30FC...0x30FF).contains(v)
      || (0x31F0...0x31FF).contains(v)
  }

  /// U+FF61–FF9F: half-width katakana and the half-width 。「」、・ that come with them.
  var isHalfwidthKana: Bool { (0xFF61...0xFF9F).contains(scalar) }

  /// ASCII or full-width A–Z.
  var isLatinUppercase: Bool {
    let v = scalar
    return (0x41...0x5A).contains(v) || (0xFF21...0xFF3A).contains(v)
  }

  /// ASCII or full-width letters and digits: the characters of a Latin word such as `DX` or `5G`.
  var isLatinLetter: Bool { isLatinUppercase || isLatinLowercase }

  var isLatinLowercase: Bool {
    let v = scalar
    return (0x61...0x7A).contains(v) || (0xFF41...0xFF5A).contains(v)
  }

  var isLatinWordCharacter: Bool {
    let v = scalar
    return (0x30...0x39).contains(v) || (0x41...0x5A).contains(v) || (0x61...0x7A).contains(v)
      || (0xFF10...0xFF19).contains(v) || (0xFF21...0xFF3A).contains(v)
      || (0xFF41...0xFF5A).contains(v)
  }

  /// ASCII or full-width 0–9.
  var isArabicDigit: Bool {
    let v = scalar
    return (0x30...0x39).contains(v) || (0xFF10...0xFF19).contains(v)
  }

  /// The value of an Arabic digit, ASCII or full-width (`isArabicDigit`).
  var digitValue: Int { Int(scalar - (scalar >= 0xFF10 ? 0xFF10 : 0x30)) }

  /// Characters that end a sentence.
  var endsSentence: Bool { Self.sentenceEnds.contains(self) }
  private static let sentenceEnds = CharacterClass("。！？!?．")

  /// Closing brackets and quotes that belong to the sentence they close (「…。」).
  var isClosingBracket: Bool { Self.closingBrackets.contains(self) }
  private static let closingBrackets = CharacterClass("」』）)】〕］]〉》”’\"'")

  var isOpeningParenthesis: Bool { Self.openingParentheses.contains(self) }
  private static let openingParentheses = CharacterClass("（(")
  var isClosingParenthesis: Bool { Self.closingParentheses.contains(self) }
  private static let closingParentheses = CharacterClass("）)")

  /// 読点: the Japanese comma and its full-width Latin form. An ASCII comma is left out because
  /// it separates thousands in numbers.
  var isTouten: Bool { Self.touten.contains(self) }
  private static let touten = CharacterClass("、，")

  /// Letters of any script, for ratios: kanji, kana and Latin letters and digits.
  var isWordCharacter: Bool { isKanji || isHiragana || isKatakana || isLatinWordCharacter }
}

extension StringProtocol {
  /// Without leading and trailing spaces, tabs and line breaks.
  var trimmingWhitespace: SubSequence {
    var s = self[...]
    while let f = s.first, f.isWhitespace { s = s.dropFirst() }
    while let l = s.last, l.isWhitespace { s = s.dropLast() }
    return s
  }
}
