import Diagnostics

/// A quoted value left open on its line. YAML lets a value in quotes run over several lines, so
/// `start: '2026-12-10T14:00` is closed by the next `'` it meets, often the opening quote of
/// a later value (`end: '2026-…'`), and the parser gives up after that one, saying "text after
/// the closing quote" on a line that has nothing wrong. The writer's slip is the line that
/// opened the quote: it is found here and the line to type is its hint.
extension YAMLSlips {
  /// The quote opened before line `number` and first closed on it, where the parser stopped;
  /// nil when the quote closing there was opened on that line.
  static func quoteOpenedAbove(_ number: Int, in lines: [Substring]) -> YAMLProblem? {
    guard number >= 2, number <= lines.count else { return nil }
    for n in stride(from: number - 1, through: 1, by: -1) {
      let line = lines[n - 1]
      guard let (column, quote) = openingQuote(of: line) else {
        // A line between them with the quote in it would have closed it: not this line.
        if line.contains("\"") || line.contains("'") { return nil }
        continue
      }
      let after = line.dropFirst(column)
      guard !closes(after, quote: quote) else { return nil }
      let typed = String(line.drop { $0 == " " }).trimmingSpacesAndNewlines + String(quote)
      return unclosedQuote(line: n, column: column, quote: quote, typed: typed)
    }
    return nil
  }

  /// The problem of a quote that starts at `column` of `line` and is not closed on it; `typed`:
  /// the line with the quote closed, shown as the line to write.
  static func unclosedQuote(line: Int, column: Int, quote: Character, typed: String?)
    -> YAMLProblem
  {
    let q = "`\(quote)`"
    let example = typed.map { "：\(code(shortenedLine($0)))" } ?? ""
    let exampleEn = typed.map { ": \(code(shortenedLine($0)))" } ?? ""
    return YAMLProblem(
      line: line, column: column,
      message: "the value in quotes that starts here is not closed",
      hint: "end it with \(q) on the same line, or remove the opening \(q)\(exampleEn)",
      ja: "ここから始まる \(q) で囲んだ値が、閉じていません",
      jaHint: "同じ行の値の終わりに \(q) を書くか、始めの \(q) を消してください\(example)")
  }

  /// The line with its quote closed, when a quote opens its value and stays open on it.
  static func closedQuoteLine(_ line: Substring) -> String? {
    guard let (column, quote) = openingQuote(of: line),
      !closes(line.dropFirst(column), quote: quote)
    else { return nil }
    return String(line.drop { $0 == " " }).trimmingSpacesAndNewlines + String(quote)
  }

  /// Where a key's or a list item's value opens with a quote: its 1-based column and the quote.
  private static func openingQuote(of line: Substring) -> (Int, Character)? {
    let chars = Array(line)
    var i = chars.prefix { $0 == " " }.count
    if i < chars.count, chars[i] == "#" { return nil }
    if i + 1 < chars.count, chars[i] == "-", chars[i + 1] == " " {
      i += 2
      while i < chars.count, chars[i] == " " { i += 1 }
    }
    if i < chars.count, chars[i] != "\"", chars[i] != "'" {
      // `key: "…`: the value after the key's `: `.
      guard let colon = (i..<chars.count).first(where: { chars[$0] == ":" }),
        colon + 1 < chars.count, chars[colon + 1] == " "
      else { return nil }
      i = colon + 1
      while i < chars.count, chars[i] == " " { i += 1 }
    }
    guard i < chars.count, chars[i] == "\"" || chars[i] == "'" else { return nil }
    return (i + 1, chars[i])
  }

  /// Whether `rest`, the text after an opening `quote`, closes it (`''` and `\"` are no close).
  private static func closes(_ rest: Substring, quote: Character) -> Bool {
    var chars = rest.makeIterator()
    while let c = chars.next() {
      if quote == "\"", c == "\\" {
        _ = chars.next()
        continue
      }
      guard c == quote else { continue }
      if quote == "'" {
        var look = chars
        if look.next() == "'" {
          chars = look
          continue
        }
      }
      return true
    }
    return false
  }

  /// A line shown in a hint: its first 40 characters and `…` before the quote when longer.
  private static func shortenedLine(_ line: String) -> String {
    line.count > 41 ? String(line.prefix(40)) + "…" + String(line.last!) : line
  }
}
