import CCmarkGFM

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
