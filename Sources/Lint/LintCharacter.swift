import Markdown

/// A character of the text being linted, with what the rules ask of it worked out once.
///
/// The rules look at every character several times (is it kanji, a particle, a sentence end,
/// white space, equal to ・), and each question asked of a `Character` read its scalars
/// through a string view and compared canonical forms: that was most of a lint of 10,000
/// pages. Here the first scalar, the scalar that decides equality (see `CharacterClass`) and
/// white space are read once, when a block is made.
struct LintCharacter: Equatable, Sendable, ExpressibleByUnicodeScalarLiteral {
  /// The character when it is several scalars; nil for one (most characters), which is
  /// `scalar`: making a `Character` of each was a fifth of a lint.
  private let cluster: Character?
  /// The first scalar's value: what the script tests (kanji, kana, Latin) read.
  let scalar: UInt32
  /// The scalar, when the character is that one scalar and it has no singleton canonical
  /// decomposition, so that comparing scalars is comparing characters; else 0.
  let key: UInt32
  let isWhitespace: Bool

  init(_ character: Character) {
    var scalars = character.unicodeScalars.makeIterator()
    let first = scalars.next()!
    if scalars.next() == nil {
      self.init(first)
    } else {
      self.init(
        cluster: character, scalar: first.value, key: 0, isWhitespace: character.isWhitespace)
    }
  }

  /// A character of one scalar.
  init(_ u: Unicode.Scalar) {
    let v = u.value
    self.init(
      cluster: nil, scalar: v, key: CharacterClass.hasSingletonDecomposition(v) ? 0 : v,
      isWhitespace: Self.isWhiteSpace(v))
  }

  private init(cluster: Character?, scalar: UInt32, key: UInt32, isWhitespace: Bool) {
    self.cluster = cluster
    self.scalar = scalar
    self.key = key
    self.isWhitespace = isWhitespace
  }

  var character: Character { cluster ?? Character(Unicode.Scalar(scalar).unsafelyUnwrapped) }

  /// Appends the character to `string`.
  @inline(__always)
  func append(to string: inout String) {
    if let cluster {
      string.append(cluster)
    } else {
      string.unicodeScalars.append(Unicode.Scalar(scalar).unsafelyUnwrapped)
    }
  }

  init(unicodeScalarLiteral value: Unicode.Scalar) {
    self.init(value)
  }

  /// The characters of `text`, as `Array(text)` splits them. Between two scalars of the
  /// common scripts (Latin, kana, kanji, full-width forms) there is always a character
  /// boundary, so those are taken a scalar at a time; only around others (combining marks,
  /// emoji, CR LF, Hangul) does Swift's grapheme breaking decide.
  static func array(_ text: some StringProtocol) -> [LintCharacter] {
    var out: [LintCharacter] = []
    out.reserveCapacity(text.utf8.count / 2)
    let scalars = text.unicodeScalars
    var i = scalars.startIndex
    while i < scalars.endIndex {
      let u = scalars[i]
      let next = scalars.index(after: i)
      if alwaysBreaksAround(u.value),
        next == scalars.endIndex || alwaysBreaksAround(scalars[next].value)
      {
        out.append(LintCharacter(u))
        i = next
      } else {
        let end = text.index(after: i)
        out.append(LintCharacter(text[i]))
        i = end
      }
    }
    return out
  }

  /// Scalars that neither extend the character before them nor join the one after (Unicode's
  /// grapheme rules: not Extend, SpacingMark, Prepend, ZWJ, Hangul, a regional indicator or
  /// CR): Latin up to the combining marks, CJK punctuation, kana without the combining voicing
  /// marks, kanji, full-width forms and half-width katakana without its voicing marks.
  @inline(__always)
  static func alwaysBreaksAround(_ v: UInt32) -> Bool {
    switch v {
    case 0x00...0x0C, 0x0E...0x02FF, 0x3000...0x3029, 0x3030...0x3098, 0x309B...0x30FF,
      0x3400...0x4DBF, 0x4E00...0x9FFF, 0xFF01...0xFF9D:
      return true
    default:
      return false
    }
  }

  static func == (a: LintCharacter, b: LintCharacter) -> Bool {
    a.key != 0 && b.key != 0 ? a.key == b.key : a.character == b.character
  }

  /// Unicode's White_Space property of one scalar (what `Character.isWhitespace` answers for a
  /// character of one scalar).
  static func isWhiteSpace(_ v: UInt32) -> Bool {
    switch v {
    case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F,
      0x3000:
      return true
    default:
      return false
    }
  }
}

extension Array where Element: Equatable {
  /// Whether `pattern` occurs at `index`.
  func hasPrefix(_ pattern: [Element], at index: Int) -> Bool {
    guard index >= 0, index + pattern.count <= count else { return false }
    for k in 0..<pattern.count where self[index + k] != pattern[k] { return false }
    return true
  }
}

extension Array where Element == LintCharacter {
  /// The characters of `range` as a string.
  func string(_ range: Range<Int>) -> String {
    var s = ""
    for c in self[range] { c.append(to: &s) }
    return s
  }

  /// The characters of `range` as a string, with line breaks removed, for quoting in messages.
  func excerpt(_ range: Range<Int>) -> String {
    var s = ""
    for c in self[range] where c.scalar != 0x0A { c.append(to: &s) }
    return s
  }

  /// Whether `range` is inside 「」 in its sentence: a name (「施策集」) or words quoted, which
  /// the word rules do not ask to rewrite.
  func isQuoted(_ range: Range<Int>) -> Bool {
    var k = range.lowerBound - 1
    while k >= 0, !self[k].endsSentence {
      if self[k] == "」" || self[k] == "』" { return false }
      if self[k] == "「" || self[k] == "『" { return true }
      k -= 1
    }
    return false
  }
}

extension LintCharacter {
  /// What the character is to a furigana group (`RubyScanner`): a character of one scalar
  /// compares by it, so `{` with a combining mark after it is no brace, as for `Character`.
  var rubyMark: RubyScanner.Mark {
    switch key {
    case 0x7B: .open
    case 0x7D: .close
    case 0x7C, 0xFF5C: .bar(width: 1)
    case 0x0A: .newline
    default: .other
    }
  }
}
