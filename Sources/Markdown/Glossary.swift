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

extension MarkdownDocument {
  /// Links the first use of each glossary term on the page (and every use marked with ※ or *, the
  /// strategy's own mark, which is then dropped) to its entry. Text in headings, links, images
  /// and code is left alone. Each link points at the definition with `aria-describedby`, so the
  /// template must list the returned entries with ids `term-<slug>`.
  ///
  /// A name inside one of `english`'s phrases (AI in 「Generative AI」, 生成AI's `english:`) is
  /// not linked unless marked: the phrase stays whole for `markLanguage` to read in English,
  /// where a link cut from it left 「Generative」 to be read in a Japanese voice.
  ///
  /// - Parameter excluding: the slug of the page's own entry, which should not link to itself.
  /// - Returns: indexes into `matcher.targets` of the entries linked, in order of first use.
  public func linkGlossary(
    _ matcher: GlossaryMatcher, excluding: String? = nil, english: GlossaryMatcher? = nil
  ) -> [Int] {
    guard !matcher.isEmpty else { return [] }
    cmark_consolidate_text_nodes(root)
    // Headings are read for marks (below), though nothing in them is linked.
    let blocked = Self.markBlocked + [CMARK_NODE_HEADING.rawValue]
    if restoreMarksReadAsEmphasis(matcher) { cmark_consolidate_text_nodes(root) }
    if moveMarksIntoEmphasis(matcher) { cmark_consolidate_text_nodes(root) }
    dropMarksInHeadings(matcher)
    var linked: [Int] = []
    // Per entry: 0 not linked yet, 1 linked, 2 the page's own entry (never linked). Read and
    // set for every match: a `Set` hashed each one, and a second set was made per text node.
    var state = [UInt8](repeating: 0, count: matcher.targets.count)
    if let excluding {
      for (i, target) in matcher.targets.enumerated() where target.slug == excluding {
        state[i] = 2
      }
    }
    for node in textNodes(outside: blocked, withRuby: sourceContains("{")) {
      if node.type != CMARK_NODE_TEXT {
        linkRuby(node, matcher, &state, &linked)
        continue
      }
      // The pieces are made while cmark's literal is still there (inserting nodes before it
      // leaves it as it is); the node is freed after.
      let replaced = node.withLiteralBytes { bytes -> Bool in
        // A marked use is linked again; else an entry's first use on the page only (an entry
        // counts as linked from its first chosen use on, so a later one in the same text is
        // not chosen either).
        // The page's own entry marked (`ドローン※` on ドローン's page) is cut too, for its
        // mark to go, and left a text.
        var chosen: [GlossaryMatcher.Match] = []
        var matches = matcher.matches(in: bytes)
        if let english, matches.contains(where: { !$0.marked && bytes[$0.range.lowerBound] < 0x80 })
        {
          matches = Self.outside(english.matches(in: bytes), matches)
        }
        for match in matches {
          let t = match.target
          guard state[t] != 2 || match.marked, match.marked || state[t] == 0 else { continue }
          chosen.append(match)
          if state[t] == 0 {
            state[t] = 1
            linked.append(t)
          }
        }
        let pieces = Self.pieces(bytes, cutAt: chosen, droppingMarks: true)
        for piece in pieces {
          let text = makeText(bytes: UnsafeBufferPointer(rebasing: bytes[piece.range]))
          guard let t = piece.target, state[t] != 2 else {
            cmark_node_insert_before(node, text)
            continue
          }
          wrap(text, enter: matcher.openingTags[t], exit: matcher.closingTag, before: node)
        }
        return !pieces.isEmpty
      }
      if replaced { cmark_node_free(node) }
    }
    return linked
  }
}

extension MarkdownDocument {
  /// The text nodes of `top` (else the body) outside subtrees of the `blocked` node types, in
  /// document order: collected before a pass replaces them. `blocked` is a handful of types,
  /// compared one by one: a `Set` hashed the type of every node of the body.
  ///
  /// `withRuby`: a furigana group's ruby (one group, whole) is collected too, in its place, for
  /// `linkRuby`.
  func textNodes(in top: Node? = nil, outside blocked: [UInt32], withRuby: Bool = false) -> [Node] {
    var texts: [Node] = []
    (top ?? root).descend { node in
      let type = node.type
      if type == CMARK_NODE_TEXT
        || withRuby && (type == CMARK_NODE_CUSTOM_INLINE || type == CMARK_NODE_LINK)
          && isWholeRuby(node)
      {
        texts.append(node)
        return false
      }
      return !blocked.contains(type.rawValue)
    }
    return texts
  }

  /// `matches` less the unmarked ones that overlap a phrase of `phrases` without covering it
  /// (a name inside an English name); in order, as both are.
  static func outside(
    _ phrases: [GlossaryMatcher.Match], _ matches: [GlossaryMatcher.Match]
  ) -> [GlossaryMatcher.Match] {
    guard !phrases.isEmpty else { return matches }
    return matches.filter { match in
      match.marked
        || !phrases.contains {
          $0.range.overlaps(match.range)
            && !(match.range.lowerBound <= $0.range.lowerBound
              && $0.range.upperBound <= match.range.upperBound)
        }
    }
  }

  /// A text node's bytes cut at `matches` (in order, not overlapping), as ranges of the bytes:
  /// the text between them, and each match's text with its target; a ※ or * after a marked
  /// match is dropped when `droppingMarks`. Empty when there is no match, so the node is left
  /// as it is. Every cut is at the start or end of a character (a name's, or a mark's).
  static func pieces(
    _ bytes: UnsafeBufferPointer<UInt8>, cutAt matches: [GlossaryMatcher.Match],
    droppingMarks: Bool
  ) -> [(range: Range<Int>, target: Int?)] {
    guard !matches.isEmpty else { return [] }
    var pieces: [(range: Range<Int>, target: Int?)] = []
    var cursor = 0
    for match in matches {
      if match.range.lowerBound > cursor {
        pieces.append((cursor..<match.range.lowerBound, nil))
      }
      pieces.append((match.range, match.target))
      cursor = match.range.upperBound
      if droppingMarks && match.marked {
        cursor += GlossaryMatcher.markLength(bytes, at: cursor)
      }
    }
    if cursor < bytes.count { pieces.append((cursor..<bytes.count, nil)) }
    return pieces
  }
}
