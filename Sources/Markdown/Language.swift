import CCmarkGFM

extension MarkdownDocument {
  /// Wraps each phrase `phrases` finds (the glossary's English names) in its `<span lang="…">`,
  /// so a screen reader reads 「Internet of Things」 in an English voice rather than letter by
  /// letter in a Japanese one (WCAG 2.2 3.1.2, Language of Parts). Writers cannot mark a
  /// language themselves while raw HTML is off; a name they declared in the glossary's
  /// `english:` is known to be English wherever a body uses it.
  ///
  /// Headings count; text in links (glossary links included), images, code and raw HTML is
  /// left alone, as a wrapper inside a link would be a second link in a table cell (`wrap`).
  /// Run after `linkGlossary`, so a glossary name is linked before it could be wrapped.
  public func markLanguage(_ phrases: GlossaryMatcher) {
    guard !phrases.isEmpty else { return }
    cmark_consolidate_text_nodes(root)
    let blocked: [UInt32] = [
      CMARK_NODE_LINK.rawValue, CMARK_NODE_IMAGE.rawValue, CMARK_NODE_CODE.rawValue,
      CMARK_NODE_CODE_BLOCK.rawValue, CMARK_NODE_CUSTOM_INLINE.rawValue,
      CMARK_NODE_HTML_INLINE.rawValue, CMARK_NODE_HTML_BLOCK.rawValue,
    ]
    for node in textNodes(outside: blocked) {
      // Cut while cmark's literal is still there; the node is freed after.
      let replaced = node.withLiteralBytes { bytes -> Bool in
        let pieces = Self.pieces(bytes, cutAt: phrases.matches(in: bytes), droppingMarks: false)
        for piece in pieces {
          let text = makeText(bytes: UnsafeBufferPointer(rebasing: bytes[piece.range]))
          if let t = piece.target {
            wrap(text, enter: phrases.openingTags[t], exit: phrases.closingTag, before: node)
          } else {
            cmark_node_insert_before(node, text)
          }
        }
        return !pieces.isEmpty
      }
      if replaced { cmark_node_free(node) }
    }
  }
}
