/// White space trimmed from a front matter value's ends, without looking at every character of
/// the values that have none (nearly all).
extension String {
  var trimmingSpacesAndNewlines: String {
    // Most values start and end with a letter: then the string itself, not its characters
    // looked at and copied (2 % of loading 10,000 pages). A character is white space when its
    // first scalar is: the first scalar is the first character's, and the last scalar, ASCII
    // (not a space), kana or a kanji, starts the last character or follows a Prepend scalar,
    // none of which is white space. Those scalars are asked first at the start too, where
    // they are not white space, before the scalar's properties (2 % of loading).
    if let first = unicodeScalars.first, let last = unicodeScalars.last,
      Self.endsACharacter(first) || !first.properties.isWhitespace, Self.endsACharacter(last)
    {
      return self
    }
    return trimmingSpacesAndNewlinesByCharacter
  }

  /// `trimmingSpacesAndNewlines`, each end looked at as characters.
  var trimmingSpacesAndNewlinesByCharacter: String {
    var s = self[...]
    while let f = s.first, f.isWhitespace { s = s.dropFirst() }
    while let l = s.last, l.isWhitespace { s = s.dropLast() }
    return String(s)
  }

  /// Whether `scalar`, at the end of a string, is not white space and starts its character
  /// (or follows a Prepend scalar): ASCII but white space, kana and CJK unified ideographs,
  /// which no grapheme rule joins to the scalar before them; and so are Japanese punctuation
  /// (、。 and the brackets 〈〉《》「」『』【】, not the ideographic space U+3000) and the
  /// full-width forms of ASCII (！ to ～), with which most titles and summaries end.
  static func endsACharacter(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x21...0x7E, 0x3001...0x3003, 0x3008...0x3011, 0x3041...0x3096, 0x30A1...0x30FA, 0x30FC,
      0x4E00...0x9FFF, 0xFF01...0xFF5E:
      true
    default: false
    }
  }
}
