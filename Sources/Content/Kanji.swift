/// What counts as kanji, in one place for the rules that ask a reading of it (`portal lint`)
/// and the pages that show one (a glossary entry's reading beside its term).
public enum Kanji {
  /// CJK ideographs (the unified blocks, their extensions and the compatibility ideographs)
  /// plus 々 (repeats the kanji before it), 〆 and 〇, which read as kanji. Inlinable: the
  /// lint rules ask it of every character.
  @inlinable
  public static func contains(_ v: UInt32) -> Bool {
    switch v {
    case 0x4E00...0x9FFF, 0x3400...0x4DBF, 0xF900...0xFAFF, 0x20000...0x3FFFF, 0x3005...0x3007:
      true
    default: false
    }
  }
}
