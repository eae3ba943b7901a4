import Diagnostics
import Foundation

/// Invisible format characters that come with text pasted from Word, a PDF or a web page: a
/// zero-width space, a soft hyphen, a bidi control. Named, with what each does to a reader,
/// for `lint.invisible-character`. Control characters (C0, C1) are not here: the build refuses
/// them (`content.control-character` in a body, `front-matter.value` in a value).
enum InvisibleCharacter {
  /// What the character does, which decides what the warning says.
  enum Kind: Int, Comparable {
    /// Shows nothing: a zero-width space, a word joiner, a joiner outside emoji, a BOM.
    case zeroWidth
    /// Shows a hyphen only where a line wraps at it.
    case softHyphen
    /// Changes the order in which the text after it is shown.
    case bidi

    static func < (a: Kind, b: Kind) -> Bool { a.rawValue < b.rawValue }
  }

  /// The character's kind when it is an invisible format character (Unicode category Cf), in
  /// whatever context; nil for every other character, and for the format characters that
  /// show, marks spanning the number after them (U+0600 ARABIC NUMBER SIGN and the like).
  static func kind(_ scalar: Unicode.Scalar) -> Kind? {
    switch scalar.value {
    case 0x00AD: return .softHyphen
    case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: return .bidi
    case 0x0000...0x05FF, 0x0600...0x0605, 0x06DD, 0x070F, 0x0890...0x0891, 0x08E2, 0x110BD,
      0x110CD:
      return nil
    default: return scalar.properties.generalCategory == .format ? .zeroWidth : nil
    }
  }

  /// Whether `scalar` is one, its category asked only outside the blocks most text is in
  /// (below U+00AD, kana and kanji, full-width forms).
  @inline(__always)
  static func mayBe(_ scalar: Unicode.Scalar) -> Bool {
    let v = scalar.value
    return v >= 0xAD && !(0x3000...0x9FFF).contains(v) && !(0xFF00...0xFFEF).contains(v)
      && kind(scalar) != nil
  }

  /// Whether `text` may hold one, from its UTF-8 alone, so most lines are passed over without
  /// reading their characters: U+00AD (C2 AD), U+200B…U+200F, U+202A…U+202E, U+2060…U+206F
  /// (E2 80 8B…8F, E2 80 AA…AE, E2 81 A0…AF), U+FEFF and U+FFF9…U+FFFB (EF BB BF, EF BF
  /// B9…BB), and any character of the Arabic to Syriac blocks (D8…DC), of U+0800…U+1FFF (E0,
  /// E1) and beyond U+FFFF (F0…F4). Japanese text is full of E2 (…, ※) and EF (full-width
  /// forms), which are looked at to their last byte.
  static func mayHold(_ text: some StringProtocol) -> Bool {
    // Over the bytes in place where they are contiguous: a byte at a time through the UTF-8
    // view's index was 1.4 % of a lint of 10,000 pages.
    text.utf8.withContiguousStorageIfAvailable { mayHold(bytes: $0) } ?? mayHold(bytes: text.utf8)
  }

  private static func mayHold(bytes: some Sequence<UInt8>) -> Bool {
    var (p2, p1): (UInt8, UInt8) = (0, 0)  // the bytes before this one
    for b in bytes {
      switch b {
      case 0xD8...0xDC, 0xE0, 0xE1, 0xF0...0xF4: return true
      case 0xAD where p1 == 0xC2: return true
      case 0x8B...0x8F where p2 == 0xE2 && p1 == 0x80: return true
      case 0xAA...0xAE where p2 == 0xE2 && p1 == 0x80: return true
      case 0xA0...0xAF where p2 == 0xE2 && p1 == 0x81: return true
      case 0xBF where p2 == 0xEF && p1 == 0xBB: return true
      case 0xB9...0xBB where p2 == 0xEF && p1 == 0xBF: return true
      default: break
      }
      (p2, p1) = (p1, b)
    }
    return false
  }

  /// `U+200B ZERO WIDTH SPACE` and its Japanese name, as a search for either finds it.
  static func name(_ scalar: Unicode.Scalar) -> (english: String, japanese: String) {
    let code = scalar.codePoint
    let name = scalar.properties.name ?? "FORMAT CHARACTER"
    return ("\(code) \(name)", "\(code)（\(japaneseName(scalar))）")
  }

  private static func japaneseName(_ scalar: Unicode.Scalar) -> String {
    switch scalar.value {
    case 0x00AD: "ソフトハイフン"
    case 0x061C: "アラビア文字の方向マーク"
    case 0x180E: "モンゴル文字の母音区切り"
    case 0x200B: "ゼロ幅スペース"
    case 0x200C: "ゼロ幅非接合子"
    case 0x200D: "ゼロ幅接合子"
    case 0x200E: "左から右への方向マーク"
    case 0x200F: "右から左への方向マーク"
    case 0x202A: "左から右への埋め込み"
    case 0x202B: "右から左への埋め込み"
    case 0x202C: "方向の書式の終わり"
    case 0x202D: "左から右への強制"
    case 0x202E: "右から左への強制"
    case 0x2060: "単語結合子"
    case 0x2061...0x2064: "見えない数式記号"
    case 0x2066: "左から右への分離"
    case 0x2067: "右から左への分離"
    case 0x2068: "最初の文字の向きでの分離"
    case 0x2069: "方向の分離の終わり"
    case 0xFEFF: "ゼロ幅ノーブレークスペース・BOM"
    case 0xE0000...0xE007F: "タグ文字"
    default: "見えない書式文字"
    }
  }

  /// Scripts whose letters a joiner (U+200C, U+200D) shapes: Arabic, Syriac, Thaana, N'Ko,
  /// the Indic scripts, Myanmar, Khmer, Mongolian and Arabic's presentation forms.
  static func usesJoiners(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x0600...0x0DFF, 0x1000...0x109F, 0x1780...0x18AF, 0xA840...0xA8FF, 0xFB50...0xFDFF,
      0xFE70...0xFEFC:
      return true
    default:
      return false
    }
  }

  /// An emoji that a joiner or a tag character belongs to: 👨‍👩‍👧 is three emoji joined by
  /// U+200D, and a subdivision flag (🏴 with tags) ends in tag characters. ASCII emoji (`#`,
  /// `*`, digits) take neither.
  static func isEmoji(_ scalar: Unicode.Scalar) -> Bool {
    scalar.value > 0x7F && scalar.properties.isEmoji
  }
}

/// One run of invisible characters on a line: where it is and what is in it.
struct InvisibleRun {
  /// The 0-based index, in characters, of the first one's character (a joiner belongs to the
  /// character before it, so that character's).
  var column: Int
  /// The characters' code points in order.
  var scalars: [Unicode.Scalar]
  /// The index of the first character after the run.
  var end: Int
  /// The text around the run as it is meant, without the invisible characters, to retype.
  var meant = ""
  /// The characters from `column` to `end` as written, and as they are without the run's
  /// invisible characters: what `portal lint --fix` changes.
  var written = ""
  var kept = ""

  /// The invisible characters of `line`, one run for each group written next to each other;
  /// joiners inside emoji, tags ending a flag and joiners between letters of scripts that
  /// use them are left out.
  static func runs(in line: [LintCharacter]) -> [InvisibleRun] {
    // Each scalar with the index of its character, so neighbours across characters are seen.
    var scalars: [Placed] = []
    for (index, c) in line.enumerated() {
      let all = c.character.unicodeScalars
      for s in all { scalars.append(Placed(scalar: s, index: index, first: all.first!)) }
    }
    var runs: [InvisibleRun] = []
    var found = [Bool](repeating: false, count: scalars.count)
    for (k, entry) in scalars.enumerated() {
      guard InvisibleCharacter.mayBe(entry.scalar), !isMeant(at: k, in: scalars) else { continue }
      if k > 0, found[k - 1], var last = runs.popLast() {
        last.scalars.append(entry.scalar)
        last.end = entry.index + 1
        runs.append(last)
      } else {
        runs.append(
          InvisibleRun(column: entry.index, scalars: [entry.scalar], end: entry.index + 1))
      }
      found[k] = true
    }
    for r in runs.indices {
      let around = max(0, runs[r].column - 8)..<min(line.count, runs[r].end + 8)
      var meant = String.UnicodeScalarView()
      for (k, entry) in scalars.enumerated() where around.contains(entry.index) && !found[k] {
        meant.append(entry.scalar)
      }
      runs[r].meant = String(meant).trimmingCharacters(in: .whitespaces)
      var written = String.UnicodeScalarView()
      var kept = String.UnicodeScalarView()
      for (k, entry) in scalars.enumerated()
      where (runs[r].column..<runs[r].end).contains(entry.index) {
        written.append(entry.scalar)
        if !found[k] { kept.append(entry.scalar) }
      }
      runs[r].written = String(written)
      runs[r].kept = String(kept)
    }
    return runs
  }

  /// A scalar of the line, the index of its character and that character's first scalar.
  private struct Placed {
    var scalar: Unicode.Scalar
    var index: Int
    var first: Unicode.Scalar
  }

  /// Whether the format character at `k` is part of what is written: a joiner inside an emoji
  /// (the next scalar an emoji in the same character) or between two letters of a script
  /// that uses joiners, a tag character inside a flag.
  private static func isMeant(at k: Int, in scalars: [Placed]) -> Bool {
    let s = scalars[k]
    switch s.scalar.value {
    case 0x200C, 0x200D:
      let next = k + 1 < scalars.count ? scalars[k + 1] : nil
      if s.scalar.value == 0x200D, let next, next.index == s.index,
        InvisibleCharacter.isEmoji(s.first), InvisibleCharacter.isEmoji(next.scalar)
      {
        return true
      }
      guard k > 0, let next else { return false }
      return InvisibleCharacter.usesJoiners(scalars[k - 1].scalar)
        && InvisibleCharacter.usesJoiners(next.scalar)
    case 0xE0020...0xE007F:
      return InvisibleCharacter.isEmoji(s.first)
    default:
      return false
    }
  }
}
