import Foundation

/// A `[` or `{` left open, found where the writer typed it.
extension YAMLSlips {
  /// The brackets `line` opens and does not close, outermost first, as 1-based columns. Quoted
  /// text is skipped (`"[b"` opens nothing); a quote counts only where a value can start, so
  /// the apostrophe of `it's` opens no quote.
  static func openBrackets(in line: Substring) -> [(column: Int, bracket: Character)] {
    var open: [(column: Int, bracket: Character)] = []
    var quote: Character?
    var previous: Character = " "
    for (i, ch) in line.enumerated() {
      defer { previous = ch }
      if let q = quote {
        if ch == q { quote = nil }
        continue
      }
      switch ch {
      case "\"", "'": if " [{,:".contains(previous) { quote = ch }
      case "[", "{": open.append((i + 1, ch))
      case "]", "}": if !open.isEmpty { open.removeLast() }
      case "#" where previous == " ": return open
      default: break
      }
    }
    return open
  }

  /// The flow collection the parser stopped in, at its bracket. Its context names the bracket
  /// (`while parsing a flow sequence`), or, when the text ends right after `[` or `,`
  /// (`while parsing a flow node`), the end of the text: then the nearest line above that
  /// leaves a bracket open is the one. The hint is that line closed, without a comma left at
  /// its end; with nothing in the brackets yet, an example after the line's key.
  static func unclosedBracket(context: YAMLContext, problemLine: Int, lines: [Substring])
    -> YAMLProblem?
  {
    var found: (line: Int, column: Int, bracket: Character)?
    let named = context.mark.line
    if named >= 1, named <= lines.count,
      let first = openBrackets(in: lines[named - 1]).first(where: {
        $0.column >= context.mark.column
      })
    {
      found = (named, first.column, first.bracket)
    } else {
      var n = min(max(named, problemLine), lines.count)
      while n >= 1, found == nil {
        if let first = openBrackets(in: lines[n - 1]).first {
          found = (n, first.column, first.bracket)
        }
        n -= 1
      }
    }
    guard let found else { return nil }
    let mapping = found.bracket == "{"
    let close: Character = mapping ? "}" : "]"
    let written = lines[found.line - 1]
    let indent = written.prefix { $0 == " " }.count
    let typed = String(written.dropFirst(indent)).trimmingSpacesAndNewlines
    let opened = openBrackets(in: written[...]).filter { $0.column >= found.column }
    let start = written.index(written.startIndex, offsetBy: found.column - 1)
    // `tags: [#防災, #学び]`: hashtags, and a `#` after a space starts a comment, which cut
    // the list; closing it again would not do.
    let items = written[written.index(after: start)...].split(separator: ",").map {
      $0.trimmingCharacters(in: .whitespaces)
    }
    if !mapping, items.contains(where: { $0.hasPrefix("#") }) {
      let words = items.map { String($0.drop { $0 == "#" || $0 == "]" }.prefix { $0 != "]" }) }
        .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
      let list = code(written[..<start].dropFirst(indent) + "[\(words.joined(separator: ", "))]")
      return YAMLProblem(
        line: found.line, column: found.column,
        message: "`#` starts a comment in YAML: the list opened with `[` is cut there",
        hint: "write the words without `#`: \(list)",
        ja: "YAML では `#` から後ろはメモ（コメント）になるため、`[` で始めたリストが途中で切れています",
        jaHint: "`#` を付けずに書いてください：\(list)")
    }
    let inside = written[written.index(after: start)...].filter { $0 != " " }
    let closed: String
    if inside.isEmpty {
      let key = written[..<start].dropFirst(indent)
      closed = code(key + (mapping ? "{ id: a, name: b }" : "[a, b]"))
    } else {
      var line = typed
      while line.last == "," || line.last == " " { line.removeLast() }
      for o in opened.reversed() { line += o.bracket == "{" ? " }" : "]" }
      closed = code(line)
    }
    let what =
      mapping
      ? ("the `{` opened here", "ここで始めた `{`") : ("the list opened with `[`", "`[` で始めたリスト")
    return YAMLProblem(
      line: found.line, column: found.column,
      message: "\(what.0) is not closed",
      hint: "close it with `\(close)` on the same line: \(closed)",
      ja: "\(what.1)が閉じていません",
      jaHint: "同じ行で `\(close)` を書いて閉じてください：\(closed)")
  }
}
