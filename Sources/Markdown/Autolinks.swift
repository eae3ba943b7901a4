import CCmarkGFM

extension MarkdownDocument {
  /// Ends each bare address (GFM's autolinks: `https://…`, `www.…`) at its first character
  /// outside ASCII. GFM ends an address only at white space, and Japanese puts none after it:
  /// 「詳しくはhttps://example.jp/をご覧ください。」 linked the whole rest of the sentence. The
  /// rest becomes text again, and GFM's rule for trailing punctuation (`.`, `,`, an unbalanced
  /// `)`…) is applied to the shortened address. An address in angle brackets
  /// (`<https://example.jp/千葉>`) is the writer's own choice and is kept whole, as is one whose
  /// host itself is not ASCII.
  public func trimBareAddresses() {
    for link in collect({ $0.type == CMARK_NODE_LINK }) {
      guard let text = link.firstChild, text.next == nil, text.type == CMARK_NODE_TEXT else {
        continue
      }
      let shown = text.literal
      let url = link.url
      guard url == shown || url == "http://" + shown, !isInAngleBrackets(link) else { continue }
      guard let cut = Self.asciiPrefix(of: shown), cut.count < shown.count else { continue }
      let rest = String(shown.dropFirst(cut.count))
      cmark_node_set_literal(text, cut)
      cmark_node_set_url(link, String(url.dropLast(shown.count)) + cut)
      if let next = link.next, next.type == CMARK_NODE_TEXT {
        cmark_node_set_literal(next, rest + next.literal)
      } else {
        cmark_node_insert_after(link, makeText(rest))
      }
    }
  }

  /// `<https://…>`: cmark gives such a link the position of its `<`; GFM's bare addresses have
  /// none (line 0) or that of the text they were found in.
  private func isInAngleBrackets(_ link: Node) -> Bool {
    let (line, column) = startPoint(of: link)
    guard line >= 1, column >= 1, let source = sourceLine(line) else { return false }
    let bytes = Array(source.utf8)
    return column <= bytes.count && bytes[column - 1] == UInt8(ascii: "<")
  }

  /// The address up to its first character outside ASCII, less GFM's trailing punctuation;
  /// nil when that leaves no host (`https://千葉.jp`).
  static func asciiPrefix(of address: String) -> String? {
    var scalars = Array(address.unicodeScalars.prefix { $0.isASCII })
    while let last = scalars.last {
      if "?!.,:*_~'\"".unicodeScalars.contains(last) {
        scalars.removeLast()
      } else if last == ")",
        scalars.filter({ $0 == ")" }).count > scalars.filter({ $0 == "(" }).count
      {
        scalars.removeLast()
      } else {
        break
      }
    }
    let cut = String(String.UnicodeScalarView(scalars))
    let host =
      cut.firstRange(of: "://").map { cut[$0.upperBound...] }
      ?? cut.dropFirst(cut.hasPrefix("www.") ? 4 : 0)
    return host.isEmpty ? nil : cut
  }
}
