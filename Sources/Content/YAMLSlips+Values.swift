import Yams

/// Values the parser cannot read, in the writer's words: a value starting with a character YAML
/// reads as syntax (the line's own key named, with the line to type in quotes, never an example
/// key the line does not have), text after a list's closing bracket, an invisible character.
extension YAMLSlips {
  /// `summary: %…`, `status: *x`, `- @x`: a value on line `number` starting with a character
  /// YAML reads as syntax, with the line's own key and the line to type in quotes. Nil when the
  /// value is text to YAML, a list or mapping in brackets, or a valid block header (`|`, `>-`).
  static func valueStart(onLine number: Int, in lines: [Substring]) -> YAMLProblem? {
    guard number >= 1, number <= lines.count else { return nil }
    let line = lines[number - 1]
    var rest = line.drop { $0 == " " }
    var item = false
    if rest == "-" || rest.hasPrefix("- ") {
      item = true
      rest = rest.dropFirst().drop { $0 == " " }
    }
    let key = keyAndValue(rest)?.key
    var after = key.map { rest.dropFirst($0.count + 1) } ?? rest
    guard key != nil || item else { return nil }
    after = after.drop { $0 == " " || $0 == "\t" }
    let value = String(after).trimmingSpacesAndNewlines
    guard let first = value.first, syntaxStarts.contains(first), !"[{<:".contains(first)
    else { return nil }
    let next = value.dropFirst().first
    if first == "-" || first == "?", next != nil, next != " " { return nil }
    if first == "|" || first == ">" {
      // A block's header: `|`, `>-`, `|2`, then nothing or a comment.
      let header = value.dropFirst().prefix(while: { $0 != " " })
      let after = value.dropFirst(header.count + 1).drop(while: { $0 == " " })
      if header.allSatisfy({ "+-0123456789".contains($0) }), after.isEmpty || after.first == "#" {
        return nil
      }
    }
    let column = line.count - after.count + 1
    if let key, listKeys.contains(key) {
      return listValueStart(key: key, value: value, first: first, line: number, column: column)
    }
    let shown = code(String(first))
    let typed = quoted(shortened(value))
    let why = "YAML reads \(shown) there as syntax, not as text"
    let whyJa = "値の頭の \(shown) は、YAML では文字ではなく記号として読まれます"
    var problem: YAMLProblem
    if let key {
      let written = code("\(key): \(typed)")
      problem = YAMLProblem(
        line: number, column: column,
        message: "`\(key)` cannot start with \(shown) unless the whole value is in quotes: \(why)",
        hint: "put the whole value in quotes: \(written)",
        ja: "`\(key)` の値を \(shown) で始めるときは、値全体を `\"` で囲む必要があります（\(whyJa)）",
        jaHint: "値全体を引用符で囲んでください：\(written)",
        startsWith: first)
      if first == "-" {
        let items = "`  \(value)`"
        problem.hint +=
          "; for a list, write `\(key):` alone on its line with the items under it (\(items))"
        problem.jaHint += "。リストにするなら、`\(key):` だけの行の下に項目を書きます（\(items)）"
      }
    } else {
      let written = code("- \(typed)")
      problem = YAMLProblem(
        line: number, column: column,
        message: "a list item cannot start with \(shown) unless it is in quotes: \(why)",
        hint: "put the whole item in quotes: \(written)",
        ja: "リストの項目を \(shown) で始めるときは、項目全体を `\"` で囲む必要があります（\(whyJa)）",
        jaHint: "項目全体を引用符で囲んでください：\(written)",
        startsWith: first)
    }
    return problem
  }

  /// `text` in YAML quotes: double ones, or single ones (with `'` doubled) when it holds a `"`
  /// or a `\`, which double quotes would read as an escape.
  static func quoted<S: StringProtocol>(_ text: S) -> String {
    text.contains("\"") || text.contains("\\")
      ? "'" + text.replacingOccurrences(of: "'", with: "''") + "'" : "\"\(text)\""
  }

  /// `text` as code in a message: in double backquotes when it holds a backquote.
  static func code(_ text: String) -> String {
    text.contains("`") ? "`` \(text) ``" : "`\(text)`"
  }

  /// A value to show in a hint: its first 30 characters and `…` when longer.
  static func shortened(_ value: String) -> String {
    value.count > 30 ? String(value.prefix(30)) + "…" : value
  }

  /// `fields: [a, b] c`, `status: {{=<% %>=}}active`: text after the bracket that closes a
  /// value in brackets, where the parser stopped (line `number`, `column`).
  static func textAfterBrackets(onLine number: Int, column: Int, in lines: [Substring])
    -> YAMLProblem?
  {
    guard number >= 1, number <= lines.count, let (key, value) = keyAndValue(lines[number - 1]),
      let first = value.first, first == "[" || first == "{"
    else { return nil }
    let before = lines[number - 1].prefix(column - 1).reversed().drop { $0 == " " }.first
    guard let close = before, close == "]" || close == "}" else { return nil }
    let written = code("\(key): \(quoted(shortened(value)))")
    return YAMLProblem(
      line: number, column: column,
      message: "there is text after the `\(close)` that closes the value of `\(key)`",
      hint:
        "for a list, end the line at the `\(close)`; for a text, put the whole value in quotes: \(written)",
      ja: "`\(key)` の値を閉じる `\(close)` の後に、文字が続いています",
      jaHint: "リストなら、行を `\(close)` で終えてください。文字の値なら、値全体を引用符で囲みます：\(written)")
  }

  /// A value in brackets on line `number` the parser could not read as a list (after the
  /// brackets' own slips: left open, text after them): what brackets do, and the two ways on.
  static func bracketsValue(onLine number: Int, in lines: [Substring]) -> YAMLProblem? {
    guard number >= 1, number <= lines.count, let (key, value) = keyAndValue(lines[number - 1]),
      let first = value.first, first == "[" || first == "{"
    else { return nil }
    let written = code("\(key): \(quoted(shortened(value)))")
    let list = "`\(key): [a, b]`"
    return YAMLProblem(
      line: number,
      column: lines[number - 1].count - lines[number - 1].drop { $0 != first }.count + 1,
      message:
        "the value of `\(key)` starts with `\(first)`, so YAML reads it as a list in brackets, but what follows cannot be read as one",
      hint:
        "for a list, write the items between `[` and `]`, separated by commas (\(list)); for a text, put the whole value in quotes: \(written)",
      ja: "`\(key)` の値が `\(first)` で始まるので、YAML はかっこの中をリストとして読みますが、リストとして読めません",
      jaHint:
        "リストなら、\(list) のように `[` と `]` の間にコンマで区切って書きます。文字の値なら、値全体を引用符で囲みます：\(written)",
      startsWith: first)
  }

  /// The first line, up to `last`, starting with U+FEFF: the mark some editors write at a
  /// file's start, pasted into a line, where YAML does not take it.
  static func invisibleStart(in lines: [Substring], through last: Int) -> YAMLProblem? {
    guard let n = lines.prefix(last).firstIndex(where: { $0.first == "\u{FEFF}" }) else {
      return nil
    }
    return YAMLProblem(
      line: n + 1, column: 1,
      message: "the line starts with an invisible character, U+FEFF (a byte order mark)",
      hint:
        "delete it (most editors do not show it: delete the start of the line and type the key again)",
      ja: "行の頭に、目に見えない文字 U+FEFF（BOM）が入っています",
      jaHint: "消してください（多くのエディターでは見えないので、行の頭を消して、項目名を打ち直してください）")
  }

  /// A character the parser refuses (a control character, `value`), `offset` characters into
  /// `text`: at its place, named.
  static func refused(_ value: Int32, offset: Int?, in text: String) -> YAMLProblem {
    var (line, column) = (1, 1)
    for c in text.prefix(offset ?? 0) {
      (line, column) = c == "\n" || c == "\r\n" ? (line + 1, 1) : (line, column + 1)
    }
    let name =
      Unicode.Scalar(UInt32(bitPattern: value)).map(ControlCharacters.name)
      ?? "U+\(String(value, radix: 16, uppercase: true))"
    return YAMLProblem(
      line: line, column: column,
      message: "the line has an invisible control character, \(name), which YAML does not allow",
      hint:
        "it often comes with text pasted from another program: delete it (most editors do not show it: delete the character at this column, or type the text around it again)",
      ja: "行に、目に見えない制御文字 \(name) が入っています。YAML には書けない文字です",
      jaHint:
        "ほかのソフトからコピーした文章についてくることがある文字です。消してください（多くのエディターでは見えないので、この位置の文字を消すか、前後の文字を打ち直してください）")
  }

  /// `"C:\Users"`: a `\` in double quotes starts an escape (`\n`), and this one is none; the
  /// parser stopped at line `number`, `column`, just after the `\`.
  static func escape(onLine number: Int, column: Int, in lines: [Substring]) -> YAMLProblem? {
    guard number >= 1, number <= lines.count else { return nil }
    let line = Array(lines[number - 1])
    guard let slash = line.prefix(column).lastIndex(of: "\\") else { return nil }
    let sequence = String(line[slash...].prefix(2))
    // The line to type: the value in single quotes, where `\` is itself.
    var rest = lines[number - 1].drop { $0 == " " }
    var head = ""
    if rest.hasPrefix("- ") {
      head = "- "
      rest = rest.dropFirst(2).drop { $0 == " " }
    }
    var value = rest[...]
    if let (key, v) = keyAndValue(rest) {
      head += "\(key): "
      value = Substring(v)
    }
    var hint = "write `\\\\` for each `\\` you mean"
    var jaHint = "`\\` そのものを書くなら、`\\\\` と2つ重ねてください"
    if value.hasPrefix("\""), value.count > 1, value.hasSuffix("\"") {
      let inner = value.dropFirst().dropLast().replacingOccurrences(of: "'", with: "''")
      let written = code(head + "'" + shortened(inner) + "'")
      hint = "put the value in single quotes, where `\\` is itself: \(written) (or \(hint))"
      jaHint = "値を `'` で囲むと、`\\` はそのまま書けます：\(written)（または、\(jaHint)）"
    }
    return YAMLProblem(
      line: number, column: slash + 1,
      message:
        "in double quotes, `\\` starts a special character (`\\n` is a line break), and `\(sequence)` is none",
      hint: hint,
      ja: "`\"` で囲んだ値の中では、`\\` は特別な文字の始まりです（`\\n` は改行）。`\(sequence)` という特別な文字はありません",
      jaHint: jaHint)
  }

  /// `  - title: a` then `   url: b`: a key of a list item indented otherwise than the item's
  /// first key, which the parser reads as neither the item's key nor a next item.
  static func misindentedItemKey(onLine number: Int, in lines: [Substring]) -> YAMLProblem? {
    guard number >= 1, number <= lines.count, keyAndValue(lines[number - 1]) != nil,
      let above = previousContentLine(before: number, in: lines)
    else { return nil }
    let item = lines[above.number - 1]
    let afterDash = item.dropFirst(above.indent)
    guard afterDash.hasPrefix("- "), let (key, _) = keyAndValue(afterDash.dropFirst(2)) else {
      return nil
    }
    let keyIndent = item.count - afterDash.dropFirst(2).drop { $0 == " " }.count
    let line = lines[number - 1]
    let indent = line.prefix { $0 == " " }.count
    guard indent > above.indent, indent != keyIndent else { return nil }
    let fixed = String(repeating: " ", count: keyIndent) + line.dropFirst(indent)
    return YAMLProblem(
      line: number, column: indent + 1,
      message:
        "the line is indented \(indent) spaces, but the keys of the list item above it start after \(keyIndent), as `\(key)` does",
      hint: "start it under `\(key)`: `\(fixed)`",
      ja: "この行の字下げは空白\(indent)個ですが、上のリストの項目の中の項目名は、`\(key)` と同じく空白\(keyIndent)個の後から始まります",
      jaHint: "`\(key)` の真下から書いてください：`\(fixed)`")
  }
}
