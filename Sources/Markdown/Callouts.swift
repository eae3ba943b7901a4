import CCmarkGFM

/// The kinds of callout a body can mark, with the label residents see: GitHub's alert names
/// (`> [!NOTE]`), which writers may know from elsewhere, and the Japanese labels themselves.
public enum CalloutKind: String, Sendable, CaseIterable {
  case note, tip, important, warning, caution

  /// The label shown above the callout's text: the meaning is in words, not only in colour.
  public var label: String {
    switch self {
    case .note: "補足"
    case .tip: "ヒント"
    case .important: "重要"
    case .warning: "注意"
    case .caution: "警告"
    }
  }

  /// Every name a marker may use, in the order suggestions prefer them.
  public static let names: [String: CalloutKind] = {
    var names: [String: CalloutKind] = [:]
    for kind in allCases {
      names[kind.rawValue] = kind
      names[kind.label] = kind
    }
    names["メモ"] = .note
    names["ポイント"] = .tip
    return names
  }()

  /// The kind a marker's name stands for: English names in any case (`NOTE`, `Note`).
  public init?(name: String) {
    guard let kind = Self.names[name] ?? Self.names[name.lowercased()] else { return nil }
    self = kind
  }
}

/// A `> [!NAME]` marker whose name is no callout kind: it stays a quotation with the marker
/// in it, and the build warns where it is.
public struct UnknownCallout: Sendable, Equatable {
  public var name: String
  /// Line (1-based, in the body) and character column of the `[`.
  public var line: Int
  public var column: Int
}

extension MarkdownDocument {
  /// Turns quotations that start with a marker (`> [!WARNING]`, `> [!注意] 申込みの締め切り`)
  /// into callouts: a `div.callout` with the kind's label (and the writer's title after it)
  /// above the rest of the quotation. Writers of notices need a box that stands out (「申込み
  /// が必要です」); raw HTML is not trusted, and GitHub's syntax reads as a plain quotation
  /// wherever it is not understood. Returns the markers whose name is no kind, left as written.
  public func applyCallouts() -> [UnknownCallout] {
    // `！` alone is common in Japanese text: only the marker's first two characters count.
    guard
      sourceContains("[!") || sourceContains("[！") || sourceContains("［!")
        || sourceContains("［！")
    else { return [] }
    var unknown: [UnknownCallout] = []
    for quote in collect({ $0.type == CMARK_NODE_BLOCK_QUOTE }) {
      guard let paragraph = quote.firstChild, paragraph.type == CMARK_NODE_PARAGRAPH,
        let marker = Self.marker(in: paragraph)
      else { continue }
      guard let kind = CalloutKind(name: marker.name) else {
        let (line, column) = position(of: paragraph)
        unknown.append(UnknownCallout(name: marker.name, line: line, column: column))
        continue
      }
      makeCallout(quote, kind: kind, markerLength: marker.length)
    }
    return unknown
  }

  /// The marker at the start of a paragraph: `[!name]` in its first text (cmark gives `[`,
  /// `!name` and `]` as separate text nodes), with its length in UTF-8 bytes. The brackets and
  /// the `!` as the Japanese input types them (`[！重要]`, `［!重要］`) and spaces around the name
  /// (`[! 重要]`) make the same marker: such a marker was a plain quotation, the notice
  /// residents must not miss run into its title, with no warning.
  static func marker(in paragraph: Node) -> (name: String, length: Int)? {
    var text = ""
    var node = paragraph.firstChild
    while let n = node, n.type == CMARK_NODE_TEXT, text.utf8.count < 64 {
      text += n.literal
      if text.contains("]") || text.contains("］") { break }
      node = n.next
    }
    return marker(at: text)
  }

  /// `marker(in:)` of the paragraph's first text.
  static func marker(at text: String) -> (name: String, length: Int)? {
    var rest = text[...]
    guard let open = rest.first, open == "[" || open == "［" else { return nil }
    rest = rest.dropFirst()
    guard let bang = rest.first, bang == "!" || bang == "！" else { return nil }
    rest = rest.dropFirst()
    guard let close = rest.firstIndex(where: { $0 == "]" || $0 == "］" }) else { return nil }
    let name = String(rest[..<close]).trimmingSpaces
    guard !name.isEmpty, name.count <= 20, !name.contains(where: { $0.isWhitespace || $0 == "[" })
    else { return nil }
    return (name, text.utf8.distance(from: text.startIndex, to: close) + rest[close].utf8.count)
  }

  /// Replaces `quote` by the callout: the marker taken out of its first line, the rest of that
  /// line the title, the other lines and blocks the callout's text.
  private func makeCallout(_ quote: Node, kind: CalloutKind, markerLength: Int) {
    let paragraph = quote.firstChild!
    // Take the marker's bytes off the front of the first line's text nodes.
    var left = markerLength
    while left > 0, let text = paragraph.firstChild, text.type == CMARK_NODE_TEXT {
      let bytes = Array(text.literal.utf8)
      if bytes.count <= left {
        left -= bytes.count
        cmark_node_free(text)
      } else {
        cmark_node_set_literal(text, String(decoding: bytes[left...], as: UTF8.self))
        left = 0
      }
    }
    // The rest of the first line is the title.
    var titleNodes: [Node] = []
    while let n = paragraph.firstChild, n.type != CMARK_NODE_SOFTBREAK,
      n.type != CMARK_NODE_LINEBREAK
    {
      cmark_node_unlink(n)
      // Text parsed from the paragraph points into the paragraph's buffer, freed with it
      // below: the title keeps copies.
      n.walk {
        if $0.type == CMARK_NODE_TEXT || $0.type == CMARK_NODE_CODE {
          cmark_node_set_literal($0, $0.literal)
        }
      }
      titleNodes.append(n)
    }
    if let lineEnd = paragraph.firstChild { cmark_node_free(lineEnd) }
    if paragraph.firstChild == nil { cmark_node_free(paragraph) }
    trimSpaces(titleNodes)
    let hasTitle = titleNodes.contains { $0.type != CMARK_NODE_TEXT || !$0.literal.isEmpty }

    let box = makeCustomBlock(
      enter: "<div class=\"callout callout-\(kind.rawValue)\">", exit: "</div>")
    // The label is inline, on the title's line: cmark puts a line break after a block's
    // opening HTML, which between 重要： and the title would show as a space.
    let title = makeCustomBlock(enter: "<p class=\"callout-title\">", exit: "</p>")
    cmark_node_append_child(
      title, makeCustomInline(enter: kind.label + (hasTitle ? "：" : ""), exit: ""))
    for n in titleNodes {
      guard hasTitle else {
        cmark_node_free(n)
        continue
      }
      cmark_node_append_child(title, n)
    }
    cmark_node_append_child(box, title)
    while let child = quote.firstChild {
      cmark_node_unlink(child)
      cmark_node_append_child(box, child)
    }
    cmark_node_insert_before(quote, box)
    cmark_node_free(quote)
  }

  /// Trims the white space between the marker and a title, and after the title.
  private func trimSpaces(_ nodes: [Node]) {
    if let first = nodes.first, first.type == CMARK_NODE_TEXT {
      cmark_node_set_literal(first, String(first.literal.drop { $0 == " " || $0 == "\u{3000}" }))
    }
    if let last = nodes.last, last.type == CMARK_NODE_TEXT {
      var literal = last.literal
      while let c = literal.last, c == " " || c == "\u{3000}" { literal.removeLast() }
      cmark_node_set_literal(last, literal)
    }
  }
}

/// A block whose HTML is `enter` + its rendered children + `exit`.
func makeCustomBlock(enter: String, exit: String) -> Node {
  let node = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK)!
  cmark_node_set_on_enter(node, enter)
  cmark_node_set_on_exit(node, exit)
  return node
}
