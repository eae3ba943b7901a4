import Markdown

/// Slips of indentation and of lines that are not `key: value`, with the line to type in the
/// hint: a writer who is no programmer reads "start each key at the same column" as a rule, not
/// as what to change, and a line joined to the one above (`public-services - data`) as an id.
extension YAMLSlips {
  /// `  fields: […]` under `summary: …`: a key indented under a key whose value is on its own
  /// line (closed there: no quote or bracket going on) can only be one more key of the same
  /// level, so the fix, at the start of the line, is certain.
  static func indentedKey(_ number: Int, indent: Int, in lines: [Substring]) -> YAMLProblem? {
    guard indent > 0, let above = previousContentLine(before: number, in: lines),
      above.indent == 0, !above.opensBlock,
      let (_, value) = keyAndValue(lines[above.number - 1]), closedOnItsLine(value)
    else { return nil }
    let fixed = String(lines[number - 1].dropFirst(indent))
    return YAMLProblem(
      line: number, column: indent + 1,
      message: "the line is indented more than the line above it",
      hint: "remove the spaces at the start of the line, as the keys above start: `\(fixed)`",
      ja: "この行は、上の行より深く字下げされています",
      jaHint: "行の頭の空白を消して、上の項目と同じように行の頭から書いてください：`\(fixed)`",
      repairedLine: fixed)
  }

  /// `- public-services` then `  - data`: an item indented under an item that is only text
  /// continues that text (one value `public-services - data`); the `- ` meant a next item.
  static func misalignedItem(_ number: Int, indent: Int, in lines: [Substring]) -> YAMLProblem? {
    guard let above = previousContentLine(before: number, in: lines), indent > above.indent
    else { return nil }
    let item = lines[above.number - 1].dropFirst(above.indent)
    guard item.hasPrefix("- "), !item.contains(":"), !item.contains("："),
      closedOnItsLine(item.dropFirst(2).drop { $0 == " " })
    else { return nil }
    let text = String(lines[number - 1].dropFirst(indent))
    let fixed = String(repeating: " ", count: above.indent) + text
    let joined = String("\(item.dropFirst(2).drop { $0 == " " }) \(text)").trimmingSpacesAndNewlines
    let spaces =
      above.indent == 0
      ? ("remove the spaces at the start of the line", "行の頭の空白を消してください")
      : (
        "start the line with \(above.indent) spaces, as the line above",
        "行の頭の空白を、上の行と同じ\(above.indent)個にしてください"
      )
    return YAMLProblem(
      line: number, column: indent + 1,
      message:
        "this `- ` is indented more than the `- ` above it, so it is read as part of the item above (`\(joined)`)",
      hint: "\(spaces.0): `\(text)`",
      ja: "この `- ` が上の `- ` より深く字下げされているので、上の項目の続き（`\(joined)`）になっています",
      jaHint: "`- ` を上の `- ` と縦にそろえます。\(spaces.1)：`\(text)`",
      repairedLine: fixed)
  }

  /// `      - { id: a, … }` then `    - { id: b, … }` (a field added to site.yml, indented less
  /// than the items above it): the parser's "did not find expected key" said only that the
  /// indentation does not match; the line to type has the spaces of the `- ` above it.
  static func misalignedNextItem(_ number: Int, indent: Int, in lines: [Substring])
    -> YAMLProblem?
  {
    guard number >= 1, number <= lines.count, lines[number - 1].dropFirst(indent).hasPrefix("- "),
      let above = previousContentLine(before: number, in: lines), above.indent != indent,
      lines[above.number - 1].dropFirst(above.indent).hasPrefix("- ")
    else { return nil }
    let fixed = String(repeating: " ", count: above.indent) + lines[number - 1].dropFirst(indent)
    return YAMLProblem(
      line: number, column: indent + 1,
      message:
        "this `- ` starts after \(spaces(indent)), the `- ` of the item above it after \(above.indent)",
      hint: "start the line with \(spaces(above.indent)), as the item above: `\(fixed)`",
      ja: "この `- ` の字下げ（\(indent)文字）が、上の項目の `- `（\(above.indent)文字）とそろっていません",
      jaHint: "上の項目と同じく、行の頭に半角スペースを\(above.indent)個書いてください：`\(fixed)`")
  }

  /// `1 space`, `6 spaces`.
  private static func spaces(_ n: Int) -> String { n == 1 ? "1 space" : "\(n) spaces" }

  /// The first item indented under an item of text, in a front matter YAML read without
  /// complaint (it made one value of the two).
  static func misalignedItem(in text: String) -> YAMLProblem? {
    // An indented `- ` has a space before it: most front matters, which have none, are not
    // split into lines of characters on every load.
    guard text.containsBytes(" - "), hasItemIndentedUnderItem(text) else { return nil }
    let lines = Self.lines(of: text)
    var blockIndent: Int?  // inside a `|` or `>` value, which may hold anything
    for (n, line) in lines.enumerated() {
      let indent = line.prefix { $0 == " " }.count
      if let key = blockIndent {
        if line.allSatisfy({ $0 == " " }) || indent > key { continue }
        blockIndent = nil
      }
      if let (_, value) = keyAndValue(line.drop { $0 == "-" || $0 == " " }),
        let first = value.first, first == "|" || first == ">"
      {
        blockIndent = indent
      }
      guard indent > 0, line.dropFirst(indent).hasPrefix("- ") else { continue }
      if let slip = misalignedItem(n + 1, indent: indent, in: lines) { return slip }
    }
    return nil
  }

  /// Whether a `- ` line is indented more than an earlier `- ` line, on the bytes: a
  /// front matter's list of links (`links:` then `  - {…}` items, all indented alike) has
  /// none, and splitting it in lines of characters to find out was 2 % of a full build. The
  /// full check, which looks only at the line above, needs this.
  static func hasItemIndentedUnderItem(_ text: String) -> Bool {
    var smallest = Int.max  // the least indent of a `- ` line so far
    var indent = 0
    var atStart = true  // only spaces (and `-`) so far on this line
    var previous: UInt8 = 0
    for byte in text.utf8 {
      if byte == UInt8(ascii: "\n") {
        indent = 0
        atStart = true
      } else if atStart {
        if byte == UInt8(ascii: " ") {
          if previous == UInt8(ascii: "-") {  // `- ` after `indent` spaces
            if indent > smallest { return true }
            smallest = min(smallest, indent)
            atStart = false
          } else {
            indent += 1
          }
        } else if byte != UInt8(ascii: "-") {
          atStart = false
        }
      }
      previous = byte
    }
    return false
  }

  /// "This line is not `key: value`" with the line to write: the key's colon
  /// (`department 総務部` → `department: 総務部`), or the value above it joined into one line
  /// (a sentence going on on the next line, or written under its key).
  static func notKeyValue(_ number: Int, column: Int, in lines: [Substring]) -> YAMLProblem {
    var problem = YAMLProblem(
      line: number, column: column, message: "this line is not `key: value`",
      hint: notKeyValueHint, ja: notKeyValueJa, jaHint: notKeyValueHintJa)
    guard number >= 1, number <= lines.count else { return problem }
    let line = lines[number - 1]
    let indent = line.prefix { $0 == " " }.count
    let text = String(line.dropFirst(indent)).trimmingSpacesAndNewlines
    // Keys are lowercase (`department`); `AI を…` or `JR本千葉駅…` is a sentence.
    let key = text.prefix { $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "_") }
    let value = text.dropFirst(key.count).drop { $0 == " " || $0 == "\u{3000}" }
    if let first = key.first, first.isLetter,
      value.isEmpty || value.count < text.count - key.count
    {
      let shown = value.isEmpty ? "\(key): …" : "\(key): \(value)"
      problem.hint = "write a colon and a space after the key: `\(shown)`"
      problem.jaHint = "項目名の後に、半角のコロンと半角スペースを書いてください：`\(shown)`"
      if !value.isEmpty { problem.repairedLine = String(line.prefix(indent)) + shown }
      return problem
    }
    guard let above = previousContentLine(before: number, in: lines), above.indent == indent,
      let (aboveKey, value) = keyAndValue(lines[above.number - 1]),
      value.isEmpty || closedOnItsLine(value), !"\"'[{|>".contains(value.first ?? " ")
    else { return problem }
    // The rest of the front matter is read without the line, whichever fix is meant.
    problem.repairedLine = String(line.prefix(indent)) + "#"
    if value.isEmpty {
      problem.hint = "write the value on the key's line: `\(aboveKey): \(text)`"
      problem.jaHint = "値は、項目名と同じ行に書いてください：`\(aboveKey): \(text)`"
    } else {
      let space = value.last!.isASCII && text.first!.isASCII ? " " : ""
      let joined = "\(aboveKey): \(value)\(space)\(text)"
      problem.hint =
        "if the line goes on with `\(aboveKey)`, write the value on one line: `\(joined)`"
      problem.jaHint = "上の `\(aboveKey)` の続きなら、1行につなげて書いてください：`\(joined)`"
    }
    return problem
  }

  /// The key and the value of a `key: value` line (the value trimmed, empty after `key:`).
  static func keyAndValue(_ line: Substring) -> (key: String, value: String)? {
    let text = line.drop { $0 == " " }
    let key = text.prefix { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == "-") }
    guard let first = key.first, first.isLetter || first == "_" else { return nil }
    let rest = text.dropFirst(key.count)
    guard rest.first == ":", rest.count == 1 || rest.dropFirst().first == " " else { return nil }
    return (String(key), String(rest.dropFirst()).trimmingSpacesAndNewlines)
  }

  /// Whether a value ends on its own line: not an open quote, nor an open `[` or `{`, which may
  /// go on over the next lines.
  static func closedOnItsLine<S: StringProtocol>(_ value: S) -> Bool {
    if let quote = value.first, quote == "\"" || quote == "'" {
      return value.count > 1 && value.last == quote
    }
    let opened = value.filter { $0 == "[" || $0 == "{" }.count
    return opened == value.filter { $0 == "]" || $0 == "}" }.count
  }
}
