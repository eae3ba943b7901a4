import CCmarkGFM

extension MarkdownDocument {
  /// `restoreMarksReadAsEmphasis` before the other passes, for the callouts: in
  /// `> [!重要] ドローン*の申し込み` over `> テレワーク*の説明です。` the emphasis ran across the
  /// line break the callout's title ends at, and the box's text joined the title. Only bodies
  /// holding a `*`; `linkGlossary` asks again (nothing is left to undo then).
  public func restoreGlossaryMarks(_ matcher: GlossaryMatcher) {
    guard !matcher.isEmpty, sourceContains("*") else { return }
    cmark_consolidate_text_nodes(root)
    if restoreMarksReadAsEmphasis(matcher) { cmark_consolidate_text_nodes(root) }
  }

  /// What the strategy's marks are not read in: links, images, code and inline HTML (and the
  /// callouts' titles, custom inlines). `linkGlossary` adds headings, which link nothing.
  static let markBlocked = [
    CMARK_NODE_LINK, CMARK_NODE_IMAGE, CMARK_NODE_CODE, CMARK_NODE_CODE_BLOCK,
    CMARK_NODE_CUSTOM_INLINE, CMARK_NODE_HTML_INLINE,
  ].map(\.rawValue)

  /// `ペーパーレス*とスモールスタート*を進めます。`: two of the strategy's marks in one paragraph,
  /// which CommonMark reads as emphasis around the words between them, so the page showed
  /// them in italics, both marks gone and the second use not linked. An emphasis opened right
  /// after a glossary name (between two letters only `*` opens one, never `_`) whose words end
  /// with a name is taken as two marks: its words are put back between the two `*`, for the
  /// glossary's pass to find as marked uses. Real emphasis (`防災*とても大事*です`, words that
  /// end with no name) is left as it is. Only bodies holding a `*` are walked.
  ///
  /// - Returns: whether an emphasis was undone (its texts then want consolidating).
  func restoreMarksReadAsEmphasis(_ matcher: GlossaryMatcher) -> Bool {
    guard sourceContains("*") else { return false }
    var emphases: [Node] = []
    root.descend { node in
      let type = node.type
      if type == CMARK_NODE_EMPH { emphases.append(node) }
      return !Self.markBlocked.contains(type.rawValue)
    }
    var restored = false
    for emphasis in emphases {
      guard let before = emphasis.previous, before.type == CMARK_NODE_TEXT,
        let last = emphasis.lastChild, last.type == CMARK_NODE_TEXT,
        before.withLiteralBytes({ matcher.endsWithName($0) }),
        last.withLiteralBytes({ matcher.endsWithName($0) })
      else { continue }
      cmark_node_insert_after(before, makeText("*"))
      cmark_node_append_child(emphasis, makeText("*"))
      while let child = emphasis.firstChild { cmark_node_insert_before(emphasis, child) }
      cmark_node_free(emphasis)
      restored = true
    }
    return restored
  }
}

extension MarkdownDocument {
  /// `**ドローン**※`: a mark right after bold or italic words that end with a glossary name
  /// marks that name. It is moved inside, to the words' end, for the glossary's pass to find
  /// a marked use there: the ※ was shown and the term not linked again. A mark after words
  /// ending with no name (`**大事**※`) is the writer's and stays where it is.
  ///
  /// - Returns: whether a mark was moved (the texts then want consolidating).
  func moveMarksIntoEmphasis(_ matcher: GlossaryMatcher) -> Bool {
    // Only a body with a mark right after an emphasis's closing marks is walked.
    guard
      sourceContains("*※") || sourceContains("_※") || sourceContains("***")
        || sourceContains("_*")
    else { return false }
    var emphases: [Node] = []
    root.descend { node in
      let type = node.type
      if type == CMARK_NODE_EMPH || type == CMARK_NODE_STRONG { emphases.append(node) }
      return !Self.markBlocked.contains(type.rawValue)
    }
    var moved = false
    for emphasis in emphases {
      guard let after = emphasis.next, after.type == CMARK_NODE_TEXT,
        let last = emphasis.lastChild, last.type == CMARK_NODE_TEXT,
        last.withLiteralBytes({ matcher.endsWithName($0) })
      else { continue }
      let parts = after.withLiteralBytes { bytes -> (mark: [UInt8], rest: [UInt8])? in
        guard GlossaryMatcher.isMark(bytes, at: 0) else { return nil }
        let length = GlossaryMatcher.markLength(bytes, at: 0)
        return (Array(bytes[..<length]), Array(bytes[length...]))
      }
      guard let parts else { continue }
      cmark_node_append_child(emphasis, makeText(String(decoding: parts.mark, as: UTF8.self)))
      if parts.rest.isEmpty {
        cmark_node_free(after)
      } else {
        _ = cmark_node_set_literal(after, String(decoding: parts.rest, as: UTF8.self))
      }
      moved = true
    }
    return moved
  }

  /// The marks after terms in headings dropped, the terms left unlinked (a heading links
  /// nothing): `## ドローン*の活用` showed its `*` in the page, the table of contents and the
  /// heading's id. Only bodies holding a mark are walked.
  func dropMarksInHeadings(_ matcher: GlossaryMatcher) {
    guard sourceContains("*") || sourceContains("※") else { return }
    var headings: [Node] = []
    root.descend { node in
      guard node.type == CMARK_NODE_HEADING else { return true }
      headings.append(node)
      return false
    }
    let outside = [CMARK_NODE_LINK.rawValue, CMARK_NODE_IMAGE.rawValue]
    let ruby = sourceContains("{")
    for node in headings.flatMap({ textNodes(in: $0, outside: outside, withRuby: ruby) }) {
      if node.type != CMARK_NODE_TEXT {
        // A term written with furigana, its mark in the text after it.
        if let (_, after, length) = markedRuby(node, matcher) { dropMark(length, from: after) }
        continue
      }
      let kept = node.withLiteralBytes { bytes -> [UInt8]? in
        let marked = matcher.matches(in: bytes).filter(\.marked)
        guard !marked.isEmpty else { return nil }
        return Self.pieces(bytes, cutAt: marked, droppingMarks: true).flatMap { bytes[$0.range] }
      }
      guard var kept else { continue }
      kept.append(0)
      kept.withUnsafeBufferPointer { buffer in
        buffer.withMemoryRebound(to: CChar.self) {
          _ = cmark_node_set_literal(node, $0.baseAddress)
        }
      }
    }
  }
}

extension MarkdownDocument {
  /// A term written with furigana (`{人工知能|じんこうちのう}※`): its ruby, whose base is the whole
  /// name, is linked as the name's text would be (the first use, or a marked one, the mark
  /// dropped), the link around the ruby. The ruby was left alone, so the term went unlinked
  /// and its ※ was shown.
  func linkRuby(
    _ ruby: Node, _ matcher: GlossaryMatcher, _ state: inout [UInt8], _ linked: inout [Int]
  ) {
    guard let base = ruby.firstChild, let t = Self.wholeName(base, matcher) else { return }
    let mark = markedRuby(ruby, matcher)
    let marked = mark != nil
    guard state[t] != 2 || marked, marked || state[t] == 0 else { return }
    if state[t] == 0 {
      state[t] = 1
      linked.append(t)
    }
    if let (_, after, length) = mark { dropMark(length, from: after) }
    guard state[t] != 2 else { return }
    if let cell = cellRubyIndex(ruby) {
      // In a table cell the ruby is already a marked link (`wrap`): its HTML takes the link.
      let (enter, exit) = cellWrappers[cell]
      cellWrappers[cell] = (matcher.openingTags[t] + enter, exit + matcher.closingTag)
      return
    }
    let link = makeCustomInline(enter: matcher.openingTags[t], exit: matcher.closingTag)
    if cmark_node_insert_before(ruby, link) != 0 {
      cmark_node_append_child(link, ruby)
    } else {
      cmark_node_free(link)
    }
  }

  /// The entry whose name the text `base` is, whole; nil for none or more than a name.
  static func wholeName(_ base: Node, _ matcher: GlossaryMatcher) -> Int? {
    base.withLiteralBytes { bytes -> Int? in
      let found = matcher.matches(in: bytes)
      return found.count == 1 && found[0].range == 0..<bytes.count ? found[0].target : nil
    }
  }

  /// A ruby over a whole name with the strategy's mark right after it (`{人工知能|…}※`): the
  /// entry, the text holding the mark, and the mark's length in bytes.
  func markedRuby(_ ruby: Node, _ matcher: GlossaryMatcher) -> (Int, Node, Int)? {
    guard let base = ruby.firstChild, let t = Self.wholeName(base, matcher),
      let after = ruby.next, after.type == CMARK_NODE_TEXT
    else { return nil }
    let length = after.withLiteralBytes {
      GlossaryMatcher.isMark($0, at: 0) ? GlossaryMatcher.markLength($0, at: 0) : 0
    }
    return length > 0 ? (t, after, length) : nil
  }

  /// Takes the first `length` bytes (a mark) off the text `node`: emptied, not freed, when
  /// that is all, as it may still be in a caller's list.
  func dropMark(_ length: Int, from node: Node) {
    let rest = node.withLiteralBytes { String(decoding: $0[length...], as: UTF8.self) }
    _ = cmark_node_set_literal(node, rest)
  }

  /// Whether `node` is the ruby of one furigana group, whole, over one text (`applyRuby`'s;
  /// not groups sharing a `<ruby>`): a custom inline, or in a table cell the marked link that
  /// stands for one (`wrap`).
  func isWholeRuby(_ node: Node) -> Bool {
    guard let child = node.firstChild, child.type == CMARK_NODE_TEXT, child.next == nil else {
      return false
    }
    let enter: String
    let exit: String
    if node.type == CMARK_NODE_CUSTOM_INLINE {
      guard let on = cmark_node_get_on_enter(node), let off = cmark_node_get_on_exit(node) else {
        return false
      }
      (enter, exit) = (String(cString: on), String(cString: off))
    } else if let cell = cellRubyIndex(node) {
      (enter, exit) = cellWrappers[cell]
    } else {
      return false
    }
    return enter == "<ruby>" && exit.hasSuffix("</ruby>")
  }

  /// The index in `cellWrappers` of the marked link `node` is, if it is one.
  func cellRubyIndex(_ node: Node) -> Int? {
    guard !cellWrappers.isEmpty, node.type == CMARK_NODE_LINK,
      let title = cmark_node_get_title(node).map({ String(cString: $0) }),
      title.first == Self.cellMark, let index = Int(title.dropFirst()),
      cellWrappers.indices.contains(index)
    else { return nil }
    return index
  }
}

extension GlossaryMatcher {
  /// Whether a name the matcher would link ends `text`.
  func endsWithName(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
    matches(in: text).last?.range.upperBound == text.count
  }
}
