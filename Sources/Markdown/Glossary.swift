import CCmarkGFM

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
/// names (AI must not match inside MAIL). Built once per site and shared by all pages.
public struct GlossaryMatcher: Sendable {
  struct Name: Sendable {
    var scalars: [Unicode.Scalar]
    var target: Int
  }
  public let targets: [GlossaryLinkTarget]
  private let byFirstScalar: [Unicode.Scalar: [Name]]
  /// Bit per (scalar value mod 65,536) that starts some name: skips the dictionary lookup for
  /// most characters of a page.
  private let firstBits: [UInt64]

  public init(_ targets: [GlossaryLinkTarget]) {
    self.targets = targets
    var index: [Unicode.Scalar: [Name]] = [:]
    for (i, target) in targets.enumerated() {
      for name in target.names where !name.isEmpty {
        let scalars = Array(name.unicodeScalars)
        index[scalars[0], default: []].append(Name(scalars: scalars, target: i))
      }
    }
    for key in index.keys { index[key]!.sort { $0.scalars.count > $1.scalars.count } }
    byFirstScalar = index
    var bits = [UInt64](repeating: 0, count: 1024)
    for key in index.keys {
      let v = Int(key.value & 0xFFFF)
      bits[v >> 6] |= 1 << UInt64(v & 63)
    }
    firstBits = bits
  }

  public var isEmpty: Bool { targets.isEmpty }

  /// A match in a run of scalars: `range` covers the name, `marked` is true when a ※ or * follows.
  struct Match {
    var range: Range<Int>
    var target: Int
    var marked: Bool
  }

  func matches(in scalars: [Unicode.Scalar]) -> [Match] {
    var result: [Match] = []
    var i = 0
    while i < scalars.count {
      let v = Int(scalars[i].value & 0xFFFF)
      guard firstBits[v >> 6] & (1 << UInt64(v & 63)) != 0,
        let candidates = byFirstScalar[scalars[i]]
      else {
        i += 1
        continue
      }
      var found: Match?
      for name in candidates where i + name.scalars.count <= scalars.count {
        if scalars[i..<(i + name.scalars.count)].elementsEqual(name.scalars),
          Self.isBoundary(scalars, before: i, name.scalars.first!),
          Self.isBoundary(scalars, after: i + name.scalars.count, name.scalars.last!)
        {
          let end = i + name.scalars.count
          let marked = end < scalars.count && (scalars[end] == "※" || scalars[end] == "*")
          found = Match(range: i..<end, target: name.target, marked: marked)
          break
        }
      }
      if let found {
        result.append(found)
        i = found.range.upperBound
      } else {
        i += 1
      }
    }
    return result
  }

  private static func isWordScalar(_ s: Unicode.Scalar) -> Bool {
    s.isASCII && (s.properties.isAlphabetic || ("0"..."9").contains(s))
  }

  private static func isBoundary(
    _ scalars: [Unicode.Scalar], before i: Int, _ first: Unicode.Scalar
  ) -> Bool {
    !(isWordScalar(first) && i > 0 && isWordScalar(scalars[i - 1]))
  }

  private static func isBoundary(
    _ scalars: [Unicode.Scalar], after end: Int, _ last: Unicode.Scalar
  ) -> Bool {
    !(isWordScalar(last) && end < scalars.count && isWordScalar(scalars[end]))
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
    // Text nodes outside blocked subtrees, in document order (collected first: the loop
    // replaces them).
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
    for node in texts {
      let literal = node.literal
      let scalars = Array(literal.unicodeScalars)
      let matches = matcher.matches(in: scalars).filter { match in
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
      guard !chosen.isEmpty else { continue }
      var cursor = 0
      // Slices of the literal by scalar offset: copying bytes, not appending scalar by scalar.
      let offsets = Array(literal.unicodeScalars.indices) + [literal.endIndex]
      func text(_ range: Range<Int>) -> String {
        String(literal.unicodeScalars[offsets[range.lowerBound]..<offsets[range.upperBound]])
      }
      for match in chosen {
        if match.range.lowerBound > cursor {
          cmark_node_insert_before(node, makeText(text(cursor..<match.range.lowerBound)))
        }
        let target = matcher.targets[match.target]
        let link = makeCustomInline(
          enter:
            "<a class=\"term\" href=\"\(escapeHTML(target.url))\" aria-describedby=\"term-\(escapeHTML(target.slug))\">",
          exit: "</a>")
        cmark_node_append_child(link, makeText(text(match.range)))
        cmark_node_insert_before(node, link)
        cursor = match.range.upperBound + (match.marked ? 1 : 0)
        if !seen.contains(match.target) {
          seen.insert(match.target)
          linked.append(match.target)
        }
      }
      if cursor < scalars.count {
        cmark_node_insert_before(node, makeText(text(cursor..<scalars.count)))
      }
      cmark_node_free(node)
    }
    return linked
  }
}
