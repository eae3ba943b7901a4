import Diagnostics
import Yams

/// Yams' errors explained in the writer's terms: what was typed, where, and how to write it.
extension YAMLSlips {
  /// The hint when the front matter was never closed: a blank line above line `n` (front
  /// matter has none; a body has them), so the page's text was read as YAML up to a `---` rule
  /// further down. It names the line to close it after: the last before the first blank line.
  static func unclosed(before n: Int, in lines: [Substring], lineOffset: Int) -> (
    english: String, japanese: String
  )? {
    let above = lines.prefix(max(0, min(n - 1, lines.count)))
    guard let blank = above.firstIndex(where: { $0.allSatisfy { $0 == " " || $0 == "\t" } }),
      blank > 0
    else { return nil }
    let line = blank + lineOffset - 1
    return (
      "if the page's text starts here, the front matter was not closed: add a line `---` after line \(line)",
      "ここから本文のつもりなら、前付けが閉じていません。\(line)行目の後に `---` の行を入れてください"
    )
  }

  /// - Parameter lineOffset: the file's line of the text's first line: a line the message
  ///   names is the file's, as the diagnostic's own (Yams counts from the front matter).
  static func explain(
    _ problem: String, at mark: YAMLMark, context: YAMLContext?, lines: [Substring],
    lineOffset: Int = 1, frontMatter: Bool = true
  ) -> YAMLProblem {
    let contextText = context?.text ?? ""
    // libyaml's own words, naming its C function, for lists or mappings nested hundreds deep.
    if problem.hasPrefix("Maximum nesting level reached") {
      return YAMLProblem(
        line: mark.line, column: mark.column,
        message:
          "the \(frontMatter ? "front matter" : "YAML") nests lists or mappings too deep here to be read",
        hint:
          "a page's values are a few levels deep at most: write them as the content format shows (docs/content-format.md)",
        ja: "ここで、リストやマッピングの入れ子が深すぎて読めません",
        jaHint: "値の入れ子は、多くても数段です。docs/content-format.md の書き方で書いてください")
    }
    func character(_ m: YAMLMark) -> Character? {
      guard m.line >= 1, m.line <= lines.count else { return nil }
      let chars = Array(lines[m.line - 1])
      return m.column >= 1 && m.column <= chars.count ? chars[m.column - 1] : nil
    }
    if contextText == "while parsing a quoted scalar",
      let problem = escape(onLine: mark.line, column: mark.column, in: lines)
    {
      return problem
    }
    if mark.line >= 1, mark.line <= lines.count,
      let before = lines[mark.line - 1].prefix(mark.column - 1).reversed().drop(while: { $0 == " " }
      )
      .first,
      before == "\"" || before == "'",
      let opened = quoteOpenedAbove(mark.line, in: lines)
    {
      // Stopped right after a quote that closes one left open on a line above
      // (`start: '2026-…` then `end: '…'`, or a list's items).
      return opened
    }
    if let c = context, contextText == "while scanning a quoted scalar" {
      let written = c.mark.line >= 1 && c.mark.line <= lines.count ? lines[c.mark.line - 1] : ""
      return unclosedQuote(
        line: c.mark.line, column: c.mark.column, quote: character(c.mark) ?? "\"",
        typed: closedQuoteLine(written))
    }
    // A line with no key where a key belongs, up to where the parser gave up (a plain line it
    // took for a key, `while scanning a simple key`, is the line itself), then a value starting
    // with syntax on the lines it names.
    let last = contextText == "while scanning a simple key" ? context!.mark.line : mark.line
    if let (n, stray) = firstStray(in: lines, through: last) {
      return self.problem(
        stray, line: n, in: lines, lineOffset: lineOffset, frontMatter: frontMatter)
    }
    for n in [context?.mark.line, mark.line].compactMap({ $0 }) {
      if let problem = valueStart(onLine: n, in: lines) { return problem }
    }
    if let c = context, contextText.hasPrefix("while parsing a flow "),
      let problem = unclosedBracket(context: c, problemLine: mark.line, lines: lines)
    {
      return problem
    }
    if problem == "found character that cannot start any token", let c = character(mark) {
      // Not at the start of a key's value or an item (`valueStart`): in brackets, or a line
      // going on. No key is named: the line may have none.
      let shown = code(String(c))
      return YAMLProblem(
        line: mark.line, column: mark.column,
        message: "a value cannot start with \(shown): YAML reads it as syntax, not as text",
        hint: "put the value that starts with it in quotes: \(code("\"\(c)…\""))",
        ja: "値を \(shown) で始めることはできません（YAML では、文字ではなく記号として読まれます）",
        jaHint: "\(shown) で始まる値を、引用符で囲んでください：\(code("\"\(c)…\""))")
    }
    if let c = context, contextText == "while scanning a simple key" {
      // `-tourism` under `fields:`: a list item without its space is text to YAML.
      let n = c.mark.line
      if n >= 1, n <= lines.count {
        let text = lines[n - 1].drop { $0 == " " }
        if text.hasPrefix("-"), let next = text.dropFirst().first, next != " ", next != "-" {
          return YAMLProblem(
            line: n, column: lines[n - 1].count - text.count + 1,
            message: "a list item needs a space after `-`",
            hint: "write `- \(text.dropFirst())`", ja: "リストの `-` の後に半角スペースがありません",
            jaHint: "`- \(text.dropFirst())` と書いてください")
        }
      }
      var problem = notKeyValue(n, column: c.mark.column, in: lines)
      if let unclosed = unclosed(before: n, in: lines, lineOffset: lineOffset) {
        (problem.hint, problem.jaHint) = unclosed
        problem.repairedLine = nil
      }
      return problem
    }
    let number = mark.line
    let line = number >= 1 && number <= lines.count ? Array(lines[number - 1]) : []
    let indent = line.prefix { $0 == " " }.count
    if problem == "mapping values are not allowed in this context" {
      // `title テスト` then `summary: …`: to YAML one text running over both lines, and the
      // error lands on the second; the first is the line to fix.
      let above = previousContentLine(before: number, in: lines)
      if let above, above.indent == indent, !above.hasColon, !above.opensBlock {
        return notKeyValue(above.number, column: indent + 1, in: lines)
      }
      // `fields:` / `- a` / ` status: active`: a key indented under a list's item, which
      // YAML reads as more of the item's text (the hint to quote the value made it worse).
      if let above, indent > above.indent,
        let problem = keyUnderListItem(number, indent: indent, above: above.number, in: lines)
      {
        return problem
      }
      if let above, indent > above.indent, !above.opensBlock {
        return YAMLProblem(
          line: number, column: indent + 1,
          message: "the line is indented more than the line above it",
          hint: "start each key at the same column as the keys above it",
          ja: "この行は、上の行より深く字下げされています",
          jaHint: "項目は、上の項目と同じ列から書き始めてください")
      }
      let key = String(line[indent...].prefix { $0 != ":" })
      // The line to type, its own value in quotes (an example only when it cannot be cut out).
      let written = String(line[indent...].dropFirst(key.count + 1)).trimmingSpacesAndNewlines
      // Wrapped in curly quotes (Word's), the quotes to type are straight ones instead.
      let value = SmartQuotes.unwrapped(written) ?? written
      let typed =
        value.contains(": ") ? code("\(key): \(quoted(shortened(value)))") : "`\(key): \"…: …\"`"
      return YAMLProblem(
        line: number, column: mark.column,
        message: "the value of `\(key)` contains `: `",
        hint: "put the whole value in quotes: \(typed)",
        ja: "`\(key)` の値に `: `（コロンとスペース）が入っています",
        jaHint: "値全体を `\"` で囲んでください：\(typed)")
    }
    if problem == "did not find expected key", let c = character(mark), c != " " {
      // Text after a closing quote: `title: "A" B`.
      let before = line.prefix(mark.column - 1).reversed().drop { $0 == " " }.first
      if before == "\"" || before == "'" {
        return YAMLProblem(
          line: number, column: mark.column,
          message: "there is text after the closing quote",
          hint: "put the whole value inside the quotes", ja: "閉じる引用符の後に、文字が続いています",
          jaHint: "値全体を、引用符の中に入れてください")
      }
      if let problem = textAfterBrackets(onLine: number, column: mark.column, in: lines) {
        return problem
      }
      if let problem = misalignedNextItem(number, indent: indent, in: lines) { return problem }
      // `fields:` / `  - a` / ` status: active`: a key of the top level one space in.
      if indent > 0, let above = previousContentLine(before: number, in: lines),
        indent < above.indent,
        let problem = keyUnderListItem(number, indent: indent, above: above.number, in: lines)
      {
        return problem
      }
      return YAMLProblem(
        line: number, column: mark.column,
        message: "the indentation does not match the lines above it",
        hint: "keep keys at the same column, and the `- ` of a list's items under each other",
        ja: "字下げが、上の行とそろっていません",
        jaHint: "項目は同じ列から書き、リストの `- ` は縦にそろえてください")
    }
    if problem == "did not find expected <document start>",
      let first = lines.firstIndex(where: { line in
        let text = line.drop { $0 == " " }
        return !text.isEmpty && !text.hasPrefix("#")
      }),
      case let firstIndent = lines[first].prefix(while: { $0 == " " }).count,
      firstIndent > 0, indent < firstIndent
    {
      // ` title: …` then `summary: …`: the first key indented, the rest not.
      return YAMLProblem(
        line: first + 1, column: 1,
        message: "the first key is indented, but the keys below it are not",
        hint: "start every key at the beginning of its line: `\(lines[first].drop { $0 == " " })`",
        ja: "最初の項目だけが字下げされています",
        jaHint: "どの項目も行の頭から書いてください：`\(lines[first].drop { $0 == " " })`")
    }
    if problem == "did not find expected '-' indicator",
      let problem = misindentedItemKey(onLine: number, in: lines)
    {
      return problem
    }
    if let problem = [context?.mark.line, mark.line].lazy.compactMap({ $0 })
      .compactMap({ bracketsValue(onLine: $0, in: lines) }).first
      ?? invisibleStart(in: lines, through: mark.line)
    {
      return problem
    }
    var message = "the front matter is not valid YAML: \(problem)"
    var ja = "前付けの書き方が YAML の決まりに合っていません: \(problem)"
    if let c = context {
      message += " (\(c.text) on line \(c.mark.line + lineOffset - 1))"
      ja += "（\(c.mark.line + lineOffset - 1)行目: \(c.text)）"
    }
    return YAMLProblem(
      line: number, column: mark.column, message: message, hint: generalHint, ja: ja,
      jaHint: generalHintJa)
  }

  static let notKeyValueHint =
    "add `: ` after the key, indent the line to continue the value above, or start it with `#` to make it a comment"
  static let notKeyValueJa = "この行が `key: value`（項目名: 値）の形になっていません"
  static let notKeyValueHintJa =
    "項目名の後に `: ` を書いてください。上の値の続きなら行の頭を字下げし、コメントにするなら行の頭に `#` を書きます"

  /// Line `number`, a `key: value` indented by `indent` spaces under line `above`, a list's
  /// item (`- a`) of a key at the line's start: the key is that key's neighbour, to be written
  /// at the line's start too. Nil for anything else.
  static func keyUnderListItem(_ number: Int, indent: Int, above: Int, in lines: [Substring])
    -> YAMLProblem?
  {
    let item = lines[above - 1].drop { $0 == " " }
    let text = String(lines[number - 1].dropFirst(indent)).trimmingSpacesAndNewlines
    guard item.hasPrefix("- "), let colon = text.firstIndex(of: ":"),
      case let key = text[..<colon], !key.isEmpty,
      key.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" }),
      text[colon...].hasPrefix(": ") || text.hasSuffix(":")
    else { return nil }
    // A value holding `: ` itself is given in quotes, so the line to write is one YAML reads.
    let value = text[colon...].dropFirst().drop { $0 == " " }
    let line =
      value.contains(": ") && !value.hasPrefix("\"")
      ? "\(key): \"\(value.replacingOccurrences(of: "\"", with: "\\\""))\"" : text
    return YAMLProblem(
      line: number, column: indent + 1,
      message:
        "`\(key)` starts after \(indent) space\(indent == 1 ? "" : "s"), inside the list above it: YAML does not read it as a key",
      hint: "write it at the start of the line, as the keys above: `\(line)`",
      ja: "`\(key)` の前に空白が\(indent)つあり、上のリストの中に入っています（YAML では項目として読まれません）",
      jaHint: "ほかの項目と同じく、行の始めから書いてください：`\(line)`")
  }

  /// The nearest line above `number` that is not blank or a comment: its indentation, and
  /// whether it opens a nested value (ends with `:`, or is a list item).
  static func previousContentLine(before number: Int, in lines: [Substring])
    -> (indent: Int, opensBlock: Bool, number: Int, hasColon: Bool)?
  {
    var n = number - 1
    while n >= 1 {
      let line = lines[n - 1]
      let trimmed = line.drop { $0 == " " }
      if !trimmed.isEmpty && !trimmed.hasPrefix("#") {
        let indent = line.count - trimmed.count
        let end = String(trimmed).trimmingSpacesAndNewlines
        return (
          indent, end.hasSuffix(":") || end.hasPrefix("- ") || end == "-", n,
          trimmed.contains(":") || trimmed.contains("：")
        )
      }
      n -= 1
    }
    return nil
  }

  /// The second place the key is given in the mapping Yams names (by where it starts), or
  /// the mapping itself when the key is not found on a line of its own.
  static func duplicate(
    _ keys: [String], lines: [Substring], context: YAMLContext, lineOffset: Int
  ) -> YAMLProblem {
    let key = keys.first ?? ""
    let column = context.mark.column
    var seen: [Int] = []
    for n in max(0, context.mark.line - 1)..<lines.count {
      let chars = Array(lines[n])
      var i = chars.prefix { $0 == " " }.count
      if i >= chars.count || chars[i] == "#" { continue }
      if i + 1 < column, chars[i] == "-", i + 1 < chars.count, chars[i + 1] == " " {
        if n + 1 > context.mark.line { break }  // the next item of the list
        i += 2
        while i < chars.count, chars[i] == " " { i += 1 }
      }
      if i + 1 < column { break }  // the mapping ended
      guard i + 1 == column, chars[i...].starts(with: key) else { continue }
      if chars[(i + key.count)...].drop(while: { $0 == " " }).first == ":" { seen.append(n + 1) }
    }
    let first = seen.first.map { " (first on line \($0 + lineOffset - 1))" } ?? ""
    let firstJa = seen.first.map { "（1回目は\($0 + lineOffset - 1)行目）" } ?? ""
    return YAMLProblem(
      line: seen.count >= 2 ? seen[1] : context.mark.line, column: column,
      message: "the key `\(key)` is given twice\(first)", hint: "keep one of them",
      ja: "項目 `\(key)` が2回書かれています\(firstJa)", jaHint: "どちらか1つだけを残してください",
      code: "front-matter.duplicate-key")
  }
}
