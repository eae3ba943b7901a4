import CCmarkGFM

/// A heading of the body, with the anchor id the rendered HTML carries.
public struct Heading: Sendable, Hashable {
  public var level: Int
  public var text: String
  public var id: String
  public var line: Int
  public var column: Int
}

/// A link or image written in the body, with its position for diagnostics and the source map.
public struct LinkReference: Sendable, Hashable {
  public var url: String
  public var text: String
  public var isImage: Bool
  public var line: Int
  public var column: Int
}

extension MarkdownDocument {
  /// Gives every heading a stable, unique id and returns the outline for a table of contents.
  ///
  /// Ids keep Japanese text as written (HTML5 allows any non-space characters), lower-case ASCII
  /// and turn spaces and punctuation into `-`, so `## 戦略期間` links as `#戦略期間` and stays the
  /// same across builds. `reserved` holds ids the page template already uses.
  @discardableResult
  public func assignHeadingIDs(reserved: Set<String> = []) -> [Heading] {
    // The page's own ids apart from the reserved ones: a copy of the reserved set, made for
    // every body to insert into, cost more than asking both. A body's few headings are
    // compared one by one (hashing Japanese text normalises all of it); a set from the 17th.
    var used = Set<String>()
    var headings: [Heading] = []
    var nextNumber: [String: Int] = [:]
    func isUsed(_ id: String) -> Bool {
      if reserved.contains(id) { return true }
      return headings.count <= 16 ? headings.contains { $0.id == id } : used.contains(id)
    }
    for node in collect({ $0.type == CMARK_NODE_HEADING }) {
      let text = node.plainText.trimmingSpaces
      var base = Self.anchor(for: text)
      if base.isEmpty { base = "section" }
      var id = base
      if isUsed(id) {
        // Counted on from the last number given this base: from 2 each time, a page of
        // thousands of headings of one text took a minute.
        var n = nextNumber[base] ?? 2
        repeat {
          id = "\(base)-\(n)"
          n += 1
        } while isUsed(id)
        nextNumber[base] = n
      }
      if headings.count == 16 {
        used = Set(headings.map(\.id))
      }
      if headings.count >= 16 { used.insert(id) }
      let level = Int(cmark_node_get_heading_level(node))
      let (line, column) = position(of: node)
      headings.append(Heading(level: level, text: text, id: id, line: line, column: column))
      // Wrap the heading's content in a span carrying the id: cmark-gfm has no attribute API, and
      // the anchor must be on the heading so `#id` scrolls to it.
      let wrapper = makeCustomInline(
        enter: "<span id=\"\(escapeHTML(id))\" class=\"anchor\">", exit: "</span>")
      for child in node.children {
        cmark_node_unlink(child)
        cmark_node_append_child(wrapper, child)
      }
      cmark_node_append_child(node, wrapper)
    }
    return headings
  }

  /// The anchor id for heading text; public so templates and tests agree on the rule.
  public static func anchor(for text: String) -> String {
    var out = ""
    var pendingDash = false
    for scalar in text.unicodeScalars {
      let v = scalar.value
      let isASCIIAlnum =
        (v >= 0x30 && v <= 0x39) || (v >= 0x41 && v <= 0x5A) || (v >= 0x61 && v <= 0x7A)
      // Kana and kanji are kept without looking up their properties (none is white space or
      // Japanese punctuation).
      let keep =
        isASCIIAlnum
        || (v > 0x7F
          && (isPlainCJK(v) || (!scalar.properties.isWhitespace && !isJapanesePunctuation(v))))
      if keep {
        if pendingDash && !out.isEmpty { out += "-" }
        pendingDash = false
        if v >= 0x41 && v <= 0x5A {
          out.unicodeScalars.append(Unicode.Scalar(v + 0x20)!)
        } else {
          out.unicodeScalars.append(scalar)
        }
      } else if v == 0x2D || v == 0x5F {
        pendingDash = true
      } else {
        pendingDash = true
      }
    }
    return out
  }

  private static func isJapanesePunctuation(_ v: UInt32) -> Bool {
    // 、。「」『』（）【】・！？ and full-width forms of ASCII punctuation.
    (v >= 0x3000 && v <= 0x3003) || (v >= 0x3008 && v <= 0x3011) || (v >= 0x3014 && v <= 0x301F)
      || v == 0x30FB || (v >= 0xFF01 && v <= 0xFF0F) || (v >= 0xFF1A && v <= 0xFF20)
      || (v >= 0xFF3B && v <= 0xFF40) || (v >= 0xFF5B && v <= 0xFF65) || v == 0x203B
  }

  /// Every link and image of the body, in document order.
  public func links() -> [LinkReference] {
    var placed: [String: Int] = [:]
    return collect { $0.type == CMARK_NODE_LINK || $0.type == CMARK_NODE_IMAGE }.map { node in
      let (line, column) = linkPosition(of: node, placed: &placed)
      return LinkReference(
        url: node.url, text: node.plainText, isImage: node.type == CMARK_NODE_IMAGE, line: line,
        column: column)
    }
  }

  /// Rewrites link and image destinations: the closure returns the new URL, or nil to keep it.
  public func rewriteLinks(_ transform: (LinkReference) -> String?) {
    rewriteLinks(otherSiteNote: "") { (transform($0), false) }
  }

  /// `rewriteLinks`, and the links the closure says lead to another site end their text with
  /// `otherSiteNote` (`（外部のサイト）`), as the theme's own links there do: a reader unused
  /// to the web is told before a link takes them away from the portal. The note is HTML
  /// beside the text, not text, so searches and plain text do not hold it. A link that says
  /// so already (`…（外部サイト）`, in its text or just after it), or holds only an image, is
  /// left alone.
  public func rewriteLinks(
    otherSiteNote note: String, _ transform: (LinkReference) -> (url: String?, otherSite: Bool)
  ) {
    var placed: [String: Int] = [:]
    for node in collect({ $0.type == CMARK_NODE_LINK || $0.type == CMARK_NODE_IMAGE }) {
      let (line, column) = linkPosition(of: node, placed: &placed)
      let isImage = node.type == CMARK_NODE_IMAGE
      let ref = LinkReference(
        url: node.url, text: node.plainText, isImage: isImage, line: line, column: column)
      let (url, otherSite) = transform(ref)
      if let url { cmark_node_set_url(node, url) }
      if otherSite, !isImage, !note.isEmpty, Self.wantsOtherSiteNote(node, text: ref.text) {
        cmark_node_append_child(
          node, makeCustomInline(enter: "<span class=\"other-site\">\(note)</span>", exit: ""))
      }
    }
  }

  /// Whether a link to another site lacks a note saying so: it has words (an image's link
  /// is named by the image's text), and neither they nor the text right after the link say
  /// 外部 or "external".
  static func wantsOtherSiteNote(_ link: Node, text: String) -> Bool {
    guard link.firstChild.map({ $0.type != CMARK_NODE_IMAGE || $0.next != nil }) ?? false,
      !text.allSatisfy(\.isWhitespace)
    else { return false }
    var after = ""
    if let next = link.next, next.type == CMARK_NODE_TEXT { after = String(next.literal.prefix(8)) }
    return ![text, after].contains { $0.contains("外部") || $0.lowercased().contains("external") }
  }

  func collect(_ predicate: (Node) -> Bool) -> [Node] {
    var nodes: [Node] = []
    root.walk { if predicate($0) { nodes.append($0) } }
    return nodes
  }
}

extension String {
  var trimmingSpaces: String {
    // The usual heading starts and ends with a letter, kana or kanji: nothing to trim, known
    // from its first and last scalars (a Character is white space by its first scalar, and
    // the last Character starts with the last scalar or with a Prepend mark, never a space).
    if let first = unicodeScalars.first, let last = unicodeScalars.last,
      Self.neverSpace(first), Self.neverSpace(last)
    {
      return self
    }
    var s = self[...]
    while let f = s.first, f.isWhitespace { s = s.dropFirst() }
    while let l = s.last, l.isWhitespace { s = s.dropLast() }
    return String(s)
  }

  /// ASCII letters and digits, kana and kanji.
  private static func neverSpace(_ scalar: Unicode.Scalar) -> Bool {
    let v = scalar.value
    return (v >= 0x30 && v <= 0x39) || (v >= 0x41 && v <= 0x5A) || (v >= 0x61 && v <= 0x7A)
      || MarkdownDocument.isPlainCJK(v)
  }
}

/// HTML written in a body, as cmark-gfm read it.
public struct RawHTML: Sendable, Hashable {
  public var line: Int
  public var column: Int
  /// The HTML as written (a block's first line).
  public var text: String
  /// A block of HTML (left out with the text in it) rather than a tag inside a paragraph
  /// (left out alone: the text around and between tags stays).
  public var isBlock = true
}

extension MarkdownDocument {
  /// The HTML blocks and inline tags of the body, comments left out (they show nothing
  /// either way): what the page leaves out unless raw HTML is allowed.
  public func rawHTML() -> [RawHTML] {
    collect { $0.type == CMARK_NODE_HTML_BLOCK || $0.type == CMARK_NODE_HTML_INLINE }
      .compactMap { node in
        let literal = node.literal
        let first = literal.split(separator: "\n", omittingEmptySubsequences: true).first ?? ""
        let text = String(first.drop { $0 == " " || $0 == "\t" })
        guard !text.hasPrefix("<!--") else { return nil }
        let (line, column) = position(of: node)
        let isBlock = node.type == CMARK_NODE_HTML_BLOCK
        // A closing tag inside a paragraph is part of the tag reported where it opens.
        guard isBlock || !text.hasPrefix("</") else { return nil }
        return RawHTML(line: line, column: column, text: text, isBlock: isBlock)
      }
  }
}

extension MarkdownDocument {
  /// HTML comment blocks left open (`<!-- メモ` with no `-->`, or closed with `ーー>` typed in
  /// full width): each hides everything after it to the end of its container (the page,
  /// mostly), headings and all. Where each starts, with its first line. (Inside a paragraph
  /// cmark makes no comment of an open `<!--`: it is text, shown as typed.)
  public func openComments() -> [RawHTML] {
    guard sourceContains("<!--") else { return [] }
    return collect { $0.type == CMARK_NODE_HTML_BLOCK }.compactMap { node in
      let text = node.literal.drop { $0 == " " || $0 == "\t" }
      guard text.hasPrefix("<!--"), !text.contains("-->") else { return nil }
      let (line, column) = position(of: node)
      let first = text.prefix { $0 != "\n" }
      return RawHTML(line: line, column: column, text: String(first), isBlock: true)
    }
  }
}

/// A heading with nothing under it, or without words.
public struct EmptySection: Sendable, Hashable {
  public var line: Int
  public var column: Int
  /// The heading's text; empty for a heading without words (`##` alone).
  public var title: String
}

extension MarkdownDocument {
  /// Headings of the body's top level that have nothing under them before the next heading of
  /// their level or above (or the end), and headings without text: a page published before it
  /// was finished (`portal new` writes empty sections to fill), or a `##` alone, which gives
  /// the table of contents a link without a name. A heading followed by a deeper one has
  /// sections under it and is not empty.
  public func emptySections() -> [EmptySection] {
    var found: [EmptySection] = []
    var child = root.firstChild
    while let node = child {
      child = node.next
      guard node.type == CMARK_NODE_HEADING else { continue }
      let level = cmark_node_get_heading_level(node)
      let title = node.plainText.trimmingSpaces
      var empty = title.isEmpty
      if !empty {
        if let next = child {
          empty = next.type == CMARK_NODE_HEADING && cmark_node_get_heading_level(next) <= level
        } else {
          empty = true
        }
      }
      if empty {
        let (line, column) = position(of: node)
        found.append(EmptySection(line: line, column: column, title: title))
      }
    }
    return found
  }
}
