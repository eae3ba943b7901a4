import CCmarkGFM

extension MarkdownDocument {
  /// Turns `{漢字|かんじ}` into `<ruby>漢字<rp>（</rp><rt>かんじ</rt><rp>）</rp></ruby>`, so writers can add
  /// furigana for readers with little kanji. Code spans and code blocks are left alone.
  public func applyRuby() {
    cmark_consolidate_text_nodes(root)
    for node in collect({ $0.type == CMARK_NODE_TEXT && $0.literal.contains("{") }) {
      let pieces = Self.splitRuby(node.literal)
      guard pieces.contains(where: { if case .ruby = $0 { true } else { false } }) else { continue }
      for piece in pieces {
        switch piece {
        case .text(let text):
          cmark_node_insert_before(node, makeText(text))
        case .ruby(let base, let reading):
          let ruby = makeCustomInline(
            enter: "<ruby>",
            exit: "<rp>（</rp><rt>\(escapeHTML(reading))</rt><rp>）</rp></ruby>")
          cmark_node_append_child(ruby, makeText(base))
          cmark_node_insert_before(node, ruby)
        }
      }
      cmark_node_free(node)
    }
  }

  enum RubyPiece: Equatable {
    case text(String)
    case ruby(base: String, reading: String)
  }

  /// Splits text at `{base|reading}` groups; anything that is not a complete group stays text.
  static func splitRuby(_ text: String) -> [RubyPiece] {
    var pieces: [RubyPiece] = []
    var plain = ""
    var i = text.startIndex
    while i < text.endIndex {
      if text[i] == "{", let close = text[i...].firstIndex(of: "}") {
        let inner = text[text.index(after: i)..<close]
        if let bar = inner.firstIndex(of: "|"), !inner.contains("\n"), !inner.contains("{") {
          let base = String(inner[..<bar])
          let reading = String(inner[inner.index(after: bar)...])
          if !base.isEmpty, !reading.isEmpty, !reading.contains("|") {
            if !plain.isEmpty { pieces.append(.text(plain)) }
            plain = ""
            pieces.append(.ruby(base: base, reading: reading))
            i = text.index(after: close)
            continue
          }
        }
      }
      plain.append(text[i])
      i = text.index(after: i)
    }
    if !plain.isEmpty { pieces.append(.text(plain)) }
    return pieces
  }
}
