/// A small set of characters that answers from a character's scalar when it can.
///
/// `Set<Character>` and `Character ==` compare canonically equivalent forms, so each lookup of
/// a Japanese character normalised it first: comparing and hashing characters took a third of
/// a lint of 10,000 pages. A character of one scalar equals a member (each one scalar, as
/// written in the rules) exactly when it is that scalar, unless the scalar has a singleton
/// canonical decomposition (U+2329 〈 is U+3008 〈, the CJK compatibility ideographs are
/// ideographs): those, and characters of several scalars (か and a combining voicing mark are
/// が), are compared as characters. Same answers as a `Set<Character>`, quickly.
struct CharacterClass: Sendable {
  private let members: Set<Character>
  private let scalars: [UInt32]

  init(_ members: some Sequence<Character>) {
    self.members = Set(members)
    scalars = self.members.map { c in
      precondition(c.unicodeScalars.count == 1, "a member of one scalar: \(c)")
      return c.unicodeScalars.first!.value
    }
  }

  func contains(_ c: LintCharacter) -> Bool {
    c.key != 0 ? scalars.contains(c.key) : members.contains(c.character)
  }

  /// The scalars whose canonical decomposition is one other scalar (Unicode's singletons:
  /// Greek tonos and Kelvin/Ångström/Ohm signs, U+2000–2001, U+2329–232A, and the CJK
  /// compatibility ideographs), by the ranges holding them.
  static func hasSingletonDecomposition(_ v: UInt32) -> Bool {
    // Most text is below U+0340 or between the singletons' ranges (kana, kanji).
    if v < 0x0340 || (v > 0x232A && v < 0xF900) { return false }
    switch v {
    case 0x0340...0x0387, 0x1F71...0x1FFD, 0x2000...0x2001, 0x2126...0x212B, 0x2329...0x232A,
      0xF900...0xFAFF, 0x2F800...0x2FA1F:
      return true
    default:
      return false
    }
  }
}
