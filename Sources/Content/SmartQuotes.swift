/// `title: “デジタル技術を活用した…”`: a value inside the curly quotes a word processor puts for
/// `"…"` (Word's autocorrect, a value copied from a document). To YAML they are characters of
/// the text, not quotes, so the page's heading, its tab and every list showed them. A warning
/// at the value: the text may be a quotation meant so.
enum SmartQuotes {
  static let code = "front-matter.smart-quotes"

  /// The pairs that wrap a whole value: “…” and ‘…’, two right quotes ”…” (an autocorrect
  /// that only closes), and the full-width ＂…＂ the Japanese input types for `"`.
  static let pairs: [(Character, Character)] = [("“", "”"), ("‘", "’"), ("”", "”"), ("＂", "＂")]

  /// What `written` holds inside one of `pairs` around the whole of it; nil when it is not so
  /// wrapped (`“A” と “B”` is two quotations).
  static func unwrapped(_ written: String) -> String? {
    guard let first = written.first, let last = written.last, written.count > 2,
      pairs.contains(where: { $0.0 == first && $0.1 == last })
    else { return nil }
    let inner = String(written.dropFirst().dropLast())
    guard !inner.contains(first), !inner.contains(last) else { return nil }
    return inner
  }

  /// `key: inner` as YAML reads it as the text: in straight quotes when it holds `: ` or ` #`
  /// or starts with a mark YAML reads otherwise.
  static func line(_ key: String, _ inner: String) -> String {
    let marks = "-?:,[]{}#&*!|>'\"%@`"
    let needsQuotes =
      inner.contains(": ") || inner.contains(" #") || inner.hasSuffix(":")
      || inner.first.map { marks.contains($0) } == true
    return needsQuotes
      ? "\(key): \"\(inner.replacingOccurrences(of: "\"", with: "\\\""))\"" : "\(key): \(inner)"
  }

  static func check(_ y: inout YAMLFields, keys: [String]) {
    for key in keys {
      guard let node = y.node(key), let written = node.string, let inner = unwrapped(written),
        let first = written.first, let last = written.last
      else { continue }
      let meant = line(key, inner)
      y.diagnostics.append(
        .warning(
          y.location(node.mark),
          "`\(key)` is inside curly quotes \(first)…\(last), which the page shows: to YAML they are characters, not quotes",
          hint: "write it without them: `\(meant)`",
          code: code
        ).ja(
          "`\(key)` が \(first)…\(last) で囲まれていて、ページにもそのまま出ます。YAML では、これは引用符ではなく文字です",
          hint: "\(first)\(last) を消して書いてください：`\(meant)`"
        ))
    }
  }
}
