import CCmarkGFM
import Glibc

/// A glossary entry as the linker needs it: every name it goes by and where it lives.
public struct GlossaryLinkTarget: Sendable, Hashable {
  public var slug: String
  public var url: String
  /// The term first, then its aliases.
  public var names: [String]

  public init(slug: String, url: String, names: [String]) {
    self.slug = slug
    self.url = url
    self.names = names
  }
}

/// Finds glossary terms in text: longest name first at each position, whole words for Latin
/// names (AI must not match inside MAIL). Built once per site and shared by all pages. It reads
/// the UTF-8 bytes of cmark's text nodes in place: decoding every node into a String and then
/// into scalars cost more than the matching.
public struct GlossaryMatcher: Sendable {
  public let targets: [GlossaryLinkTarget]
  /// Each target's opening `<a>` tag, escaped once rather than for every link.
  let openingTags: [String]
  /// Every name's bytes in one trie, its nodes in flat arrays. At a place of a text the trie
  /// is walked once along the text's bytes, passing every name that starts there (of two
  /// names that both match at one place one is a prefix of the other, so the deepest is the
  /// longest), instead of comparing the text with each name of the same first character: the
  /// generated glossary has dozens of names each starting 防災サービス…, all compared in full
  /// (`memcmp`) wherever 防 stood, 1.25 % of a full build at 10,000 pages.
  let trie: NameTrie
  /// Bit per (scalar value mod 65,536) that starts some name: skips the lookup for most
  /// characters of a page.
  private let firstBits: [UInt64]
  /// Per (scalar value mod 65,536) that starts some name: the trie's node after that scalar's
  /// bytes, and the scalar, so the walk starts past the first character with one load; -2
  /// where two first scalars share the value mod 65,536 (then the walk starts at the root).
  private let firstNode: [Int32]
  private let firstScalar: [UInt32]
  /// Bit per pair of bytes (first << 8 | second) that some name's bytes start with (every
  /// second byte for a name of one byte): a place whose two bytes are not such a pair starts no
  /// name, so `matches` steps over its character by its first byte (`Self.stepLength`) without
  /// decoding it. Characters of three bytes are tested by `firstBits` instead, from their
  /// bytes, as exactly and as cheaply.
  private let firstPairs: [UInt64]

  /// The HTML that closes a match's opening tag.
  let closingTag: String

  public init(_ targets: [GlossaryLinkTarget]) {
    self.init(
      targets,
      openingTags: targets.map {
        "<a class=\"term\" href=\"\(escapeHTML($0.url))\" aria-describedby=\"term-\(escapeHTML($0.slug))\">"
      }, closingTag: "</a>")
  }

  /// Phrases of another language written inside Japanese text (the glossary's English names),
  /// each to be wrapped in `<span lang="…">` (`MarkdownDocument.markLanguage`): the same
  /// rules as glossary names (longest first, Latin names as whole words) find them.
  public init(phrases: [String], language: String) {
    let targets = phrases.filter { !$0.isEmpty }.map {
      GlossaryLinkTarget(slug: "", url: "", names: [$0])
    }
    self.init(
      targets, openingTags: targets.map { _ in "<span lang=\"\(escapeHTML(language))\">" },
      closingTag: "</span>")
  }

  private init(_ targets: [GlossaryLinkTarget], openingTags: [String], closingTag: String) {
    self.targets = targets
    self.openingTags = openingTags
    self.closingTag = closingTag
    var builder = NameTrie.Builder()
    var bits = [UInt64](repeating: 0, count: 1024)
    var pairs = [UInt64](repeating: 0, count: 1024)
    for (i, target) in targets.enumerated() {
      for name in target.names + target.names.compactMap(Self.fullWidthVariant) {
        guard let first = name.unicodeScalars.first else { continue }
        // Of equal names the earlier entry wins: the first to reach a node keeps it.
        let bytes = Array(name.utf8)
        builder.insert(bytes, target: i)
        let v = Int(first.value & 0xFFFF)
        bits[v >> 6] |= 1 << UInt64(v & 63)
        for second in bytes.count > 1 ? bytes[1]...bytes[1] : 0...255 {
          let pair = Int(bytes[0]) << 8 | Int(second)
          pairs[pair >> 6] |= 1 << UInt64(pair & 63)
        }
      }
    }
    firstBits = bits
    firstPairs = pairs
    var firstNode = [Int32](repeating: -1, count: targets.isEmpty ? 0 : 65536)
    var firstScalar = [UInt32](repeating: 0, count: firstNode.count)
    for target in targets {
      for name in target.names + target.names.compactMap(Self.fullWidthVariant) {
        guard let first = name.unicodeScalars.first,
          let node = builder.node(after: String(first).utf8)
        else { continue }
        let v = Int(first.value & 0xFFFF)
        if firstNode[v] == -1 {
          (firstNode[v], firstScalar[v]) = (Int32(node), first.value)
        } else if firstScalar[v] != first.value {
          firstNode[v] = -2
        }
      }
    }
    self.firstNode = firstNode
    self.firstScalar = firstScalar
    trie = builder.build()
  }

  public var isEmpty: Bool { targets.isEmpty }

  /// A name with its ASCII letters, digits and signs in their full-width forms (DX → ＤＸ,
  /// ICT化 → ＩＣＴ化), as writers type them with the Japanese input on; nil for a name without
  /// any. Names are compared after NFKC elsewhere (duplicates, search); linking matches bytes,
  /// so the full-width form is one more name of the same entry.
  public static func fullWidthVariant(_ name: String) -> String? {
    guard name.unicodeScalars.contains(where: { (0x21...0x7E).contains($0.value) }) else {
      return nil
    }
    var out = String.UnicodeScalarView()
    for scalar in name.unicodeScalars {
      let v = scalar.value
      out.append(
        (0x21...0x7E).contains(v) ? Unicode.Scalar(v + 0xFEE0)! : v == 0x20 ? "\u{3000}" : scalar)
    }
    return String(out)
  }

  /// A match in UTF-8 text: `range` covers the name's bytes, `marked` is true when a ※ or *
  /// follows.
  struct Match {
    var range: Range<Int>
    var target: Int
    var marked: Bool
  }

  func matches(in text: UnsafeBufferPointer<UInt8>) -> [Match] {
    firstPairs.withUnsafeBufferPointer { matches(in: text, pairs: $0) }
  }

  private func matches(
    in text: UnsafeBufferPointer<UInt8>, pairs: UnsafeBufferPointer<UInt64>
  ) -> [Match] {
    var result: [Match] = []
    let n = text.count
    var i = 0
    // The names passed at one place, shortest first.
    var passed: [(end: Int, name: Int)] = []
    while i < n {
      // No name starts with this character (or with these two bytes): on to the next, by
      // the length `scalar` would give (the last bytes of a text go the long way).
      if i + 1 < n {
        let b = text[i]
        if b >= 0xE0 && b < 0xF0 && i + 2 < n {
          // A character of three bytes (kana, kanji: most of a page) is tested by its own
          // scalar's bit, made from its bytes: the pair of its first two bytes stands for a
          // block of 64 kanji, and let a fifth of a page's characters through to start no name.
          let v = Int(b & 0x0F) << 12 | Int(text[i + 1] & 0x3F) << 6 | Int(text[i + 2] & 0x3F)
          if firstBits[v >> 6] & (1 << UInt64(v & 63)) == 0 {
            i += 3
            continue
          }
        } else {
          let pair = Int(b) << 8 | Int(text[i + 1])
          let step = Self.stepLength(b)
          if pairs[pair >> 6] & (1 << UInt64(pair & 63)) == 0 && i + step <= n {
            i += step
            continue
          }
        }
      }
      let (value, length) = Self.scalar(text, at: i)
      let v = Int(value & 0xFFFF)
      guard firstBits[v >> 6] & (1 << UInt64(v & 63)) != 0 else {
        i += length
        continue
      }
      passed.removeAll(keepingCapacity: true)
      let node = Int(firstNode[v])
      if node >= 0 {
        // The scalar as decoded is the one whose bytes lead to `node` (not one of another
        // plane with the same low bits, nor a lone byte `scalar` gave for a cut sequence).
        guard firstScalar[v] == value, length == Self.utf8Length(value) else {
          i += length
          continue
        }
        let first = trie.name(endingAt: node)
        if first >= 0 { passed.append((i + length, first)) }
        trie.walk(text, from: i + length, node: node) { end, name in passed.append((end, name)) }
      } else {
        trie.walk(text, from: i) { end, name in passed.append((end, name)) }
      }
      var found: Match?
      for (end, index) in passed.reversed() {
        let name = trie.names[index]
        if !(name.startsWord && i > 0 && Self.isWord(text[i - 1])),
          !(name.endsWord && end < n && Self.isWord(text[end])),
          !(name.startsKatakana && Self.isKatakana(text, at: i - 3)),
          !(name.endsKatakana && Self.isKatakana(text, at: end))
        {
          found = Match(range: i..<end, target: name.target, marked: Self.isMark(text, at: end))
          break
        }
      }
      if let found {
        result.append(found)
        i = found.range.upperBound
      } else {
        i += length
      }
    }
    return result
  }

  /// The length `scalar` gives a character starting with byte `b` when the text holds that
  /// many bytes from there (else it gives 1).
  @inline(__always)
  private static func stepLength(_ b: UInt8) -> Int {
    b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4
  }

  /// How many bytes UTF-8 gives a scalar of this value.
  @inline(__always)
  private static func utf8Length(_ value: UInt32) -> Int {
    value < 0x80 ? 1 : value < 0x800 ? 2 : value < 0x10000 ? 3 : 4
  }

  /// The scalar starting at byte `i` and its length in bytes (cmark's text is valid UTF-8).
  @inline(__always)
  private static func scalar(_ text: UnsafeBufferPointer<UInt8>, at i: Int) -> (UInt32, Int) {
    let b = UInt32(text[i])
    if b < 0x80 { return (b, 1) }
    if b < 0xE0, i + 1 < text.count {
      return ((b & 0x1F) << 6 | UInt32(text[i + 1] & 0x3F), 2)
    }
    if b < 0xF0, i + 2 < text.count {
      return ((b & 0x0F) << 12 | UInt32(text[i + 1] & 0x3F) << 6 | UInt32(text[i + 2] & 0x3F), 3)
    }
    if i + 3 < text.count {
      return (
        (b & 0x07) << 18 | UInt32(text[i + 1] & 0x3F) << 12 | UInt32(text[i + 2] & 0x3F) << 6
          | UInt32(text[i + 3] & 0x3F), 4
      )
    }
    return (b, 1)
  }

  /// An ASCII letter or digit: Latin names match only as whole words. A byte of a multi-byte
  /// character is never one.
  @inline(__always)
  static func isWord(_ b: UInt8) -> Bool {
    (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A)
  }

  /// Whether a katakana letter or ー (U+30A1–30FA, 30FC–30FF: E3 82 A1 … E3 83 BF) or a
  /// half-width one (U+FF66–FF9F) starts at byte `i`. A katakana name is a whole word too: in
  /// オープンデーター or ドローンズ the name オープンデータ or ドローン is not linked, which cut
  /// the word in two (the ー outside the link). ・ (U+30FB) separates words and does not count.
  static func isKatakana<C: RandomAccessCollection<UInt8>>(_ text: C, at i: Int) -> Bool
  where C.Index == Int {
    guard i >= text.startIndex, i + 2 < text.endIndex else { return false }
    let (a, b, c) = (text[i], text[i + 1], text[i + 2])
    if a == 0xE3 {
      return (b == 0x82 && c >= 0xA1) || (b == 0x83 && c != 0xBB && c <= 0xBF)
    }
    if a == 0xEF {
      return (b == 0xBD && c >= 0xA6 && c <= 0xBF) || (b == 0xBE && c >= 0x80 && c <= 0x9F)
    }
    return false
  }

  /// Whether `*` or ※ (E2 80 BB) starts at `i` as the glossary's mark: not when a digit
  /// follows it (`ドローン※1`, `*２`), which makes it a note's number, kept as written.
  static func isMark(_ text: UnsafeBufferPointer<UInt8>, at i: Int) -> Bool {
    guard i < text.count else { return false }
    let after: Int
    if text[i] == UInt8(ascii: "*") {
      after = i + 1
    } else if i + 2 < text.count && text[i] == 0xE2 && text[i + 1] == 0x80 && text[i + 2] == 0xBB {
      after = i + 3
    } else {
      return false
    }
    guard after < text.count else { return true }
    let b = text[after]
    if b >= 0x30 && b <= 0x39 { return false }
    // ０–９: EF BC 90–99.
    return
      !(b == 0xEF && after + 2 < text.count && text[after + 1] == 0xBC
      && text[after + 2] >= 0x90 && text[after + 2] <= 0x99)
  }

  /// The length in bytes of the mark `isMark` found at `i`.
  static func markLength(_ text: UnsafeBufferPointer<UInt8>, at i: Int) -> Int {
    text[i] == UInt8(ascii: "*") ? 1 : 3
  }
}
