/// The reading typed after the bar of furigana left open (`{拡充|かくじゅう の説明`), so the
/// hint says where the `}` goes (`{拡充|かくじゅう}`) instead of a sample `{拡充|よみ}` the writer
/// must fill in again.
enum UnclosedFurigana {
  /// The kana after the bar, when a space, a punctuation mark or the end of the text ends
  /// them; nil when they run into the sentence (`{拡充|かくじゅうの説明`: where the reading
  /// ends is not known) or none were typed.
  static func reading(after rest: some Sequence<Character>) -> String? {
    var reading = ""
    for c in rest {
      if isKana(c) {
        reading.append(c)
        continue
      }
      guard c.isWhitespace || c.isPunctuation else { return nil }
      break
    }
    return reading.isEmpty ? nil : reading
  }

  /// `{拡充|かくじゅう}` when the reading is known, else `{拡充|よみ}`.
  static func closed(base: String, after rest: some Sequence<Character>) -> String {
    "{\(base)|\(reading(after: rest) ?? "よみ")}"
  }

  /// Hiragana, katakana and the long vowel mark ー; not ・, which separates words.
  private static func isKana(_ c: Character) -> Bool {
    guard let s = c.unicodeScalars.first, c.unicodeScalars.count == 1 else { return false }
    return (0x3041...0x309F).contains(s.value)
      || (0x30A1...0x30FF).contains(s.value)
        && s.value != 0x30FB
  }
}
