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
  struct Name: Sendable {
    var bytes: [UInt8]
    var target: Int
    var startsKatakana: Bool
    var endsKatakana: Bool
    /// The first eight bytes (fewer for a shorter name, the rest zero) as one little-endian
    /// word, and the mask of those bytes: most names tried at a place differ from the text
    /// there in their second character, which one load and compare rules out without calling
    /// `memcmp` (a tenth of resolving a body, name by name).
    var head: UInt64
    var headMask: UInt64

    init(bytes: [UInt8], target: Int) {
      self.bytes = bytes
      self.target = target
      startsKatakana = GlossaryMatcher.isKatakana(bytes, at: 0)
      endsKatakana = GlossaryMatcher.isKatakana(bytes, at: bytes.count - 3)
      (head, headMask) = (0, 0)
      for (k, byte) in bytes.prefix(8).enumerated() {
        head |= UInt64(byte) << UInt64(8 * k)
        headMask |= 0xFF << UInt64(8 * k)
      }
    }

    /// Whether the text at `i` starts with this name (`i + bytes.count` is within the text).
    @inline(__always)
    func isAt(_ i: Int, in text: UnsafeBufferPointer<UInt8>) -> Bool {
      let base = text.baseAddress! + i
      if i + 8 <= text.count {
        let word = UInt64(littleEndian: UnsafeRawPointer(base).loadUnaligned(as: UInt64.self))
        guard word & headMask == head else { return false }
        if bytes.count <= 8 { return true }
      }
      return bytes.withUnsafeBufferPointer { memcmp($0.baseAddress!, base, $0.count) == 0 }
    }
  }
  public let targets: [GlossaryLinkTarget]
  /// Each target's opening `<a>` tag, escaped once rather than for every link.
  let openingTags: [String]
  /// Names by the value of their first scalar, longest first. Of two names that both match at
  /// one place one is a prefix of the other, so longest in bytes is longest in characters.
  private let byFirstScalar: [UInt32: [Name]]
  /// Bit per (scalar value mod 65,536) that starts some name: skips the dictionary lookup for
  /// most characters of a page.
  private let firstBits: [UInt64]

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
    var index: [UInt32: [Name]] = [:]
    for (i, target) in targets.enumerated() {
      for name in target.names + target.names.compactMap(Self.fullWidthVariant) {
        guard let first = name.unicodeScalars.first else { continue }
        index[first.value, default: []].append(Name(bytes: Array(name.utf8), target: i))
      }
    }
    // Stable, so of equal names the earlier entry wins.
    for key in index.keys {
      index[key] = index[key]!.enumerated().sorted {
        $0.element.bytes.count != $1.element.bytes.count
          ? $0.element.bytes.count > $1.element.bytes.count : $0.offset < $1.offset
      }.map(\.element)
    }
    byFirstScalar = index
    var bits = [UInt64](repeating: 0, count: 1024)
    for key in index.keys {
      let v = Int(key & 0xFFFF)
      bits[v >> 6] |= 1 << UInt64(v & 63)
    }
    firstBits = bits
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
    var result: [Match] = []
    let n = text.count
    var i = 0
    while i < n {
      let (value, length) = Self.scalar(text, at: i)
      let v = Int(value & 0xFFFF)
      guard firstBits[v >> 6] & (1 << UInt64(v & 63)) != 0,
        let candidates = byFirstScalar[value]
      else {
        i += length
        continue
      }
      var found: Match?
      for name in candidates where i + name.bytes.count <= n {
        let end = i + name.bytes.count
        if name.isAt(i, in: text),
          !(Self.isWord(name.bytes[0]) && i > 0 && Self.isWord(text[i - 1])),
          !(Self.isWord(name.bytes[name.bytes.count - 1]) && end < n && Self.isWord(text[end])),
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
  private static func isWord(_ b: UInt8) -> Bool {
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

  /// Whether `*` or ※ (E2 80 BB) starts at `i`.
  private static func isMark(_ text: UnsafeBufferPointer<UInt8>, at i: Int) -> Bool {
    guard i < text.count else { return false }
    if text[i] == UInt8(ascii: "*") { return true }
    return i + 2 < text.count && text[i] == 0xE2 && text[i + 1] == 0x80 && text[i + 2] == 0xBB
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
  /// - Parameter excluding: the slug of the page's own entry, which should not link to itself.
  /// - Returns: indexes into `matcher.targets` of the entries linked, in order of first use.
  public func linkGlossary(_ matcher: GlossaryMatcher, excluding: String? = nil) -> [Int] {
    guard !matcher.isEmpty else { return [] }
    cmark_consolidate_text_nodes(root)
    let blocked: Set<UInt32> = [
      CMARK_NODE_HEADING.rawValue, CMARK_NODE_LINK.rawValue, CMARK_NODE_IMAGE.rawValue,
      CMARK_NODE_CODE.rawValue, CMARK_NODE_CODE_BLOCK.rawValue, CMARK_NODE_CUSTOM_INLINE.rawValue,
      CMARK_NODE_HTML_INLINE.rawValue,
    ]
    var linked: [Int] = []
    var seen = Set<Int>()
    if let excluding, let own = matcher.targets.firstIndex(where: { $0.slug == excluding }) {
      seen.insert(own)
    }
    for node in textNodes(outside: blocked) {
      // The pieces are made while cmark's literal is still there; the node is replaced after.
      var pieces: [(text: String, target: Int?)] = []
      node.withLiteralBytes { bytes in
        let matches = matcher.matches(in: bytes).filter { match in
          let own = excluding != nil && matcher.targets[match.target].slug == excluding
          return !own && (match.marked || !seen.contains(match.target))
        }
        var chosen: [GlossaryMatcher.Match] = []
        var local = Set<Int>()
        for match in matches
        where match.marked || (!seen.contains(match.target) && !local.contains(match.target)) {
          chosen.append(match)
          local.insert(match.target)
        }
        pieces = Self.pieces(bytes, cutAt: chosen, droppingMarks: true)
      }
      guard !pieces.isEmpty else { continue }
      for piece in pieces {
        guard let t = piece.target else {
          cmark_node_insert_before(node, makeText(piece.text))
          continue
        }
        wrap(piece.text, enter: matcher.openingTags[t], exit: matcher.closingTag, before: node)
        if !seen.contains(t) {
          seen.insert(t)
          linked.append(t)
        }
      }
      cmark_node_free(node)
    }
    return linked
  }
}

extension MarkdownDocument {
  /// The text nodes outside subtrees of the `blocked` node types, in document order: collected
  /// before a pass replaces them.
  func textNodes(outside blocked: Set<UInt32>) -> [Node] {
    var texts: [Node] = []
    func gather(_ node: Node) {
      let type = node.type
      if type == CMARK_NODE_TEXT {
        texts.append(node)
        return
      }
      if blocked.contains(type.rawValue) { return }
      var child = node.firstChild
      while let c = child {
        gather(c)
        child = c.next
      }
    }
    gather(root)
    return texts
  }

  /// A text node's bytes cut at `matches` (in order, not overlapping): the text between them,
  /// and each match's text with its target; a ※ or * after a marked match is dropped when
  /// `droppingMarks`. Empty when there is no match, so the node is left as it is.
  static func pieces(
    _ bytes: UnsafeBufferPointer<UInt8>, cutAt matches: [GlossaryMatcher.Match],
    droppingMarks: Bool
  ) -> [(text: String, target: Int?)] {
    guard !matches.isEmpty else { return [] }
    func text(_ range: Range<Int>) -> String {
      String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
    }
    var pieces: [(text: String, target: Int?)] = []
    var cursor = 0
    for match in matches {
      if match.range.lowerBound > cursor {
        pieces.append((text(cursor..<match.range.lowerBound), nil))
      }
      pieces.append((text(match.range), match.target))
      cursor = match.range.upperBound
      if droppingMarks && match.marked {
        cursor += GlossaryMatcher.markLength(bytes, at: cursor)
      }
    }
    if cursor < bytes.count { pieces.append((text(cursor..<bytes.count), nil)) }
    return pieces
  }
}
