import Foundation

/// The class of a normalised character. Japanese characters are indexed by character n-grams
/// (there are no spaces between words), letters and digits of other scripts by words, and
/// separators end both.
enum CharClass: UInt8, Sendable {
  case japanese
  case word
  case separator
}

/// Normalised text together with where each normalised character came from, so a match found in
/// normalised text can be highlighted in the original.
struct NormalizedText: Sendable {
  /// Normalised characters (Unicode scalar values).
  var scalars: [UInt32] = []
  /// For each normalised character, the original scalar range of the unit it came from.
  var originStart: [Int32] = []
  var originEnd: [Int32] = []

  var count: Int { scalars.count }
}

/// Normalisation for matching, applied identically when indexing and when searching. The same
/// rules are in `theme/assets/search.js` (`normalise`), and a test runs both on the same strings.
///
/// Text is cut into units: a base character followed by combining marks (including the voiced
/// sound marks ゛゜ and their half-width forms ﾞﾟ). Each unit is normalised on its own, so offsets
/// map back to the original and both languages agree on where units start:
/// 1. NFKC (full-width Latin and digits become ASCII, half-width katakana become full-width, and
///    a voiced mark combines with its base: ﾄﾞ → ド, so ドローン never matches トローン);
/// 2. lower case, one character at a time (both languages' full Unicode mapping);
/// 3. katakana folded to hiragana (ア → あ, ヴ → ゔ, ヶ → ゖ), and the small vowels ぁぃぅぇぉ and
///    ゎ to their large forms, as words from other languages are written both ways (ウェブ and
///    ウエブ, ボランティア and ボランテイア); っ ゃ ゅ ょ stay (びょういん is not びよういん); ぢ and
///    づ as じ and ず (ちぢむ and ちじむ, きづな and きずな: readers type either);
/// 4. dropped: the long-vowel mark ー (so サーバ and サーバー match), the middle dot ・ (so
///    デジタル・トランスフォーメーション matches デジタルトランスフォーメーション), invisible format
///    characters and variation selectors.
/// Punctuation and spaces are kept; they are separators.
struct Normalizer {
  private var cache: [UInt32: [UInt32]] = [:]

  init() {}

  /// Normalises a whole string.
  mutating func normalize(_ text: String) -> NormalizedText {
    normalize(text.unicodeScalars.map(\.value))
  }

  /// Normalises scalars; origins are offsets into `input`.
  mutating func normalize(_ input: [UInt32]) -> NormalizedText {
    var out = NormalizedText()
    normalize(input, into: &out)
    return out
  }

  /// The same into `out`, emptied first and its room kept (`DocumentScratch` reuses one for
  /// every body of an index build).
  mutating func normalize(_ input: [UInt32], into out: inout NormalizedText) {
    out.scalars.removeAll(keepingCapacity: true)
    out.originStart.removeAll(keepingCapacity: true)
    out.originEnd.removeAll(keepingCapacity: true)
    out.scalars.reserveCapacity(input.count)
    out.originStart.reserveCapacity(input.count)
    out.originEnd.reserveCapacity(input.count)
    var i = 0
    let n = input.count
    while i < n {
      var j = i + 1
      while j < n && Self.isJoiner(input[j]) { j += 1 }
      let start = Int32(i)
      let end = Int32(j)
      if j == i + 1 {
        let v = input[i]
        if let fast = Self.fastPath(v) {
          if fast != Self.dropped {
            out.scalars.append(fast)
            out.originStart.append(start)
            out.originEnd.append(end)
          }
        } else {
          let mapped: [UInt32]
          if let cached = cache[v] {
            mapped = cached
          } else {
            mapped = Self.slowPath(input[i..<j])
            cache[v] = mapped
          }
          for m in mapped {
            out.scalars.append(m)
            out.originStart.append(start)
            out.originEnd.append(end)
          }
        }
      } else {
        for m in Self.slowPath(input[i..<j]) {
          out.scalars.append(m)
          out.originStart.append(start)
          out.originEnd.append(end)
        }
      }
      i = j
    }
  }

  static let dropped: UInt32 = 0xFFFF_FFFF

  /// True for characters that belong to the unit of the character before them.
  static func isJoiner(_ v: UInt32) -> Bool {
    switch v {
    case 0x3099, 0x309A, 0x309B, 0x309C, 0xFF9E, 0xFF9F: return true
    case 0..<0x300, 0x3041...0x3096, 0x30A0...0x30FF, 0x4E00...0x9FFF, 0x3000...0x3098: return false
    default:
      guard let s = Unicode.Scalar(v) else { return false }
      switch s.properties.generalCategory {
      case .nonspacingMark, .spacingMark, .enclosingMark: return true
      default: return false
      }
    }
  }

  /// The result for single characters that NFKC leaves alone (the bulk of Japanese text), or nil
  /// when the full rules must run. Must agree with `slowPath`.
  @inline(__always)
  static func fastPath(_ v: UInt32) -> UInt32? {
    switch v {
    case 0x41...0x5A: return v + 0x20
    case 0x20...0x7E, 0x0A, 0x0D, 0x09: return v
    case 0x3041...0x3096: return large(v)
    case 0x30A1...0x30F6, 0x30FD, 0x30FE: return large(v - 0x60)
    case 0x30F7...0x30FA: return v
    case 0x30FB, 0x30FC: return dropped
    case 0x4E00...0x9FFF, 0x3400...0x4DBF: return v
    case 0x3001, 0x3002, 0x300C...0x300F: return v
    default: return nil
    }
  }

  /// A small vowel ぁぃぅぇぉ or ゎ as its large form (each is one code point before it).
  @inline(__always)
  static func large(_ v: UInt32) -> UInt32 {
    switch v {
    case 0x3041, 0x3043, 0x3045, 0x3047, 0x3049, 0x308E: return v + 1
    // ぢ and づ as じ and ず, as most words are now spelt and many readers type them
    // (ちぢむ = ちじむ, きづな = きずな).
    case 0x3062: return 0x3058
    case 0x3065: return 0x305A
    default: return v
    }
  }

  /// The full rules for one unit.
  static func slowPath(_ unit: ArraySlice<UInt32>) -> [UInt32] {
    var view = String.UnicodeScalarView()
    for v in unit {
      let w: UInt32 = v == 0x309B ? 0x3099 : (v == 0x309C ? 0x309A : v)
      if let s = Unicode.Scalar(w) { view.append(s) }
    }
    // Foundation's NFKC can leave a decomposed half-width voiced mark uncombined (ｶﾞ → カ+゙);
    // composing again gives true NFKC, which is what JavaScript's normalize("NFKC") returns.
    let nfkc = String(view).precomposedStringWithCompatibilityMapping
      .precomposedStringWithCanonicalMapping
    var out: [UInt32] = []
    for s in nfkc.unicodeScalars {
      let lower: [UInt32] =
        s.value < 0x80
        ? [s.value >= 0x41 && s.value <= 0x5A ? s.value + 0x20 : s.value]
        : s.properties.lowercaseMapping.unicodeScalars.map(\.value)
      for var l in lower {
        if (0x30A1...0x30F6).contains(l) || l == 0x30FD || l == 0x30FE { l -= 0x60 }
        l = large(l)
        if l == 0x30FB || l == 0x30FC { continue }
        if (0xFE00...0xFE0F).contains(l) || (0xE0100...0xE01EF).contains(l) { continue }
        if let sc = Unicode.Scalar(l), sc.properties.generalCategory == .format { continue }
        out.append(l)
      }
    }
    return out
  }

  /// The class of a normalised character.
  @inline(__always)
  static func charClass(_ v: UInt32) -> CharClass {
    if v < 0x80 {
      if (0x30...0x39).contains(v) || (0x61...0x7A).contains(v) || (0x41...0x5A).contains(v) {
        return .word
      }
      return .separator
    }
    switch v {
    case 0x3041...0x309F, 0x30A1...0x30FF, 0x31F0...0x31FF, 0x3005...0x3007, 0x303B,
      0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x3FFFF:
      return .japanese
    case 0x3000...0x3004, 0x3008...0x3020:
      // Japanese spaces, 、。 and brackets (Zs, Po, Ps, Pe, Pd, So): the commonest characters
      // after kana and kanji, answered without a look at their Unicode properties.
      return .separator
    default:
      return classByProperties(v)
    }
  }

  /// A character other than kana and kanji by its Unicode general category: letters, digits
  /// and marks are word characters. The fast paths above must agree with it (a test checks).
  static func classByProperties(_ v: UInt32) -> CharClass {
    guard let s = Unicode.Scalar(v) else { return .separator }
    switch s.properties.generalCategory {
    case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
      .decimalNumber, .letterNumber, .otherNumber, .nonspacingMark, .spacingMark, .enclosingMark:
      return .word
    default:
      return .separator
    }
  }
}

/// A run of normalised characters of one class: a Japanese run or a word.
struct Segment: Sendable, Equatable {
  var isJapanese: Bool
  var start: Int
  var end: Int
}

extension Normalizer {
  /// The runs of Japanese characters and the words in normalised text, separators left out.
  static func segments(_ s: [UInt32]) -> [Segment] {
    var out: [Segment] = []
    var i = 0
    let n = s.count
    while i < n {
      let c = charClass(s[i])
      var j = i + 1
      while j < n && charClass(s[j]) == c { j += 1 }
      if c != .separator { out.append(Segment(isJapanese: c == .japanese, start: i, end: j)) }
      i = j
    }
    return out
  }

  /// Splits normalised text into terms: maximal stretches without separators.
  static func terms(_ s: [UInt32]) -> [[UInt32]] {
    var out: [[UInt32]] = []
    var current: [UInt32] = []
    for v in s {
      if charClass(v) == .separator {
        if !current.isEmpty { out.append(current) }
        current = []
      } else {
        current.append(v)
      }
    }
    if !current.isEmpty { out.append(current) }
    return out
  }

  /// The normalised text with separators removed: the key for "exactly this title or term".
  static func exactKey(_ s: [UInt32]) -> [UInt32] {
    s.filter { charClass($0) != .separator }
  }
}

/// Public access to the normalisation, for tests and tools that compare with the browser.
public enum SearchText {
  /// The normalised form of `text` used for matching (see the rules on `Normalizer`).
  public static func normalize(_ text: String) -> String {
    var n = Normalizer()
    return string(n.normalize(text).scalars)
  }

  /// The index keys a query for `text` looks up, in order: Japanese n-grams as themselves and
  /// words prefixed with `#`; terms are separated by `|`. Mirrors `tokenise` in search.js.
  public static func tokenize(
    _ text: String, gramLength: Int = SearchIndexOptions.default.gramLength
  ) -> [String] {
    var n = Normalizer()
    let terms = Normalizer.terms(n.normalize(text).scalars)
    var out: [String] = []
    for (i, t) in terms.enumerated() {
      if i > 0 { out.append("|") }
      let plan = TermPlan(t, gramLength: gramLength, maxKeys: Int.max)
      out += plan.keys.map { $0.prefix ? $0.key + "*" : $0.key }
    }
    return out
  }

  static func string(_ scalars: [UInt32]) -> String { string(scalars[...]) }

  /// The scalars as a string, encoded to UTF-8 in one buffer (appending scalar by scalar to a
  /// string was a visible part of indexing); values that are not scalars are left out.
  static func string(_ scalars: ArraySlice<UInt32>) -> String {
    String(unsafeUninitializedCapacity: scalars.count * 4) { buffer in
      var i = 0
      for v in scalars {
        switch v {
        case 0..<0x80:
          buffer[i] = UInt8(v)
          i += 1
        case 0x80..<0x800:
          buffer[i] = UInt8(0xC0 | v >> 6)
          buffer[i + 1] = UInt8(0x80 | v & 0x3F)
          i += 2
        case 0xD800...0xDFFF:
          continue
        case 0x800..<0x1_0000:
          buffer[i] = UInt8(0xE0 | v >> 12)
          buffer[i + 1] = UInt8(0x80 | v >> 6 & 0x3F)
          buffer[i + 2] = UInt8(0x80 | v & 0x3F)
          i += 3
        case 0x1_0000..<0x11_0000:
          buffer[i] = UInt8(0xF0 | v >> 18)
          buffer[i + 1] = UInt8(0x80 | v >> 12 & 0x3F)
          buffer[i + 2] = UInt8(0x80 | v >> 6 & 0x3F)
          buffer[i + 3] = UInt8(0x80 | v & 0x3F)
          i += 4
        default:
          continue
        }
      }
      return i
    }
  }
}
