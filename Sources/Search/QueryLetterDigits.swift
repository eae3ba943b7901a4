/// A word of letters and digits typed joined where the pages write it apart: society5.0 for
/// Society 5.0, windows11 for Windows 11, 5g for 5 G. The word index keeps society and 5 as
/// words of their own, so society5 found only the pages that write it joined (the glossary's
/// alias), and Society 5.0 typed with its space found three. Each such term gets its spaced form
/// as one more alternative, as 十二月 gets 12月: the term finds either writing.
///
/// Only this way round: Society 5 typed is two terms, each found on its own, so a page writing
/// Society5 is found through the glossary's aliases, not by joining words. search.js
/// (`letterDigitSpaced`) follows the same rule, and the parity test runs both.
enum QueryLetterDigits {
  /// The term with a space wherever a letter of a word (Latin, Greek, Cyrillic…) meets a digit
  /// 0–9, or nil when it has no such place.
  static func spaced(_ term: [UInt32]) -> [UInt32]? {
    var out: [UInt32] = []
    out.reserveCapacity(term.count + 2)
    var previous: Kind?
    for v in term {
      let kind = Kind(v)
      if let previous, let kind, previous != kind {
        out.append(0x20)
      }
      out.append(v)
      previous = kind
    }
    return out.count > term.count ? out : nil
  }

  /// Which side of a letter–digit place a character is on; nil for Japanese and separators.
  enum Kind: Equatable {
    case letter, digit

    init?(_ v: UInt32) {
      if (0x30...0x39).contains(v) {
        self = .digit
      } else if Normalizer.charClass(v) == .word {
        self = .letter
      } else {
        return nil
      }
    }
  }
}
