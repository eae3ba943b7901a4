/// `title: “デジタル技術を活用した…”`: a value inside the curly quotes a word processor puts for
/// `"…"` (Word's autocorrect, a value copied from a document). To YAML they are characters of
/// the text, not quotes, so the page's heading, its tab and every list showed them. A warning
/// at the value: the text may be a quotation meant so.
enum SmartQuotes {
  static let code = "front-matter.smart-quotes"

  /// The pairs that wrap a whole value: “…” and ‘…’.
  static let pairs: [(Character, Character)] = [("“", "”"), ("‘", "’")]

  static func check(_ y: inout YAMLFields, keys: [String]) {
    for key in keys {
      guard let node = y.node(key), let written = node.string,
        let first = written.first, let last = written.last, written.count > 2,
        pairs.contains(where: { $0.0 == first && $0.1 == last })
      else { continue }
      let inner = String(written.dropFirst().dropLast())
      // Only a pair around the whole: “A” と “B” is two quotations.
      guard !inner.contains(first), !inner.contains(last) else { continue }
      y.diagnostics.append(
        .warning(
          y.location(node.mark),
          "`\(key)` is inside curly quotes \(first)…\(last), which the page shows: to YAML they are characters, not quotes",
          hint:
            "write it without them: `\(key): \(inner)` (if it has a `:` or starts with a mark, in straight quotes: `\(key): \"\(inner)\"`)",
          code: code
        ).ja(
          "`\(key)` が \(first)…\(last) で囲まれていて、ページにもそのまま出ます。YAML では、これは引用符ではなく文字です",
          hint:
            "\(first)\(last) を消して書いてください：`\(key): \(inner)`（`:` があるときや記号で始まるときは、半角の \" で囲みます）"
        ))
    }
  }
}
