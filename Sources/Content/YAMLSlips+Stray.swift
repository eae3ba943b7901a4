/// Lines with no key where a key belongs. The parser answers them in its own words ("did not
/// find expected node content", "could not find expected directive name"), often at another
/// line than the one to fix; a writer needs to hear that the line is not `key: value`, and
/// that Markdown belongs below the closing `---`.
extension YAMLSlips {
  /// What a line with no key holds, as said to the writer.
  enum Stray: Equatable {
    /// Markdown pasted above the closing `---`: what it is, in English and in Japanese.
    case markdown(String, String)
    /// `- ` where no key above takes a list: the key above, whose value is on its line.
    case listItem(after: String?)
    /// A line starting with a character YAML reads as syntax (`%`, `&`, `]`, `?`…).
    case noKey
  }

  /// Characters that start no text at the start of a line or a value.
  static let syntaxStarts: Set<Character> = [
    "%", "@", "`", "&", "*", "!", "?", "|", ">", "-", "]", "}", ",", ":", "[", "{", "<",
  ]

  /// The first line, up to `last`, that starts at the line's beginning, is no key, no comment,
  /// no list item under a key that takes one and no plain text (which `notKeyValue` explains),
  /// and that `accept` takes. Lines inside a value going on over lines (a quote or a bracket
  /// left open on its key's line) and indented lines are not read.
  static func firstStray(
    in lines: [Substring], through last: Int, where accept: (Substring) -> Bool = { _ in true }
  ) -> (number: Int, stray: Stray)? {
    var open: String?  // a value in quotes or brackets going on over lines, so far
    var listGoesOn = false  // the line above at the start is `key:` alone, or an item
    var keyAbove: String?  // …or a key with its value
    for (n, line) in lines.prefix(last).enumerated() {
      if let value = open {
        open = opensOnItsLine(value + "\n" + line) ? value + "\n" + line : nil
        continue
      }
      guard let first = line.first, first != " ", first != "\t", first != "\u{3000}", first != "#"
      else { continue }
      if let (key, value) = keyAndValue(line) {
        (listGoesOn, keyAbove) = (value.isEmpty, value.isEmpty ? nil : key)
        if opensOnItsLine(value) { open = value }
        continue
      }
      if line == "-" || line.hasPrefix("- ") {
        if listGoesOn {
          keyAbove = nil
          continue
        }
        if accept(line) { return (n + 1, .listItem(after: keyAbove)) }
      } else if let stray = stray(line), accept(line) {
        return (n + 1, stray)
      }
      (listGoesOn, keyAbove) = (false, nil)
    }
    return nil
  }

  /// A value in quotes or brackets that its line does not close.
  static func opensOnItsLine(_ value: String) -> Bool {
    guard let first = value.first, "\"'[{".contains(first) else { return false }
    return !closedOnItsLine(value)
  }

  /// What a line at the start, neither a key nor an item, holds: nil for plain or quoted text
  /// and comments.
  static func stray(_ line: Substring) -> Stray? {
    let chars = Array(line.prefix(3))
    let second: Character? = chars.count > 1 ? chars[1] : nil
    let markdown: (String, String)? =
      switch chars[0] {
      case ">" where !line.dropFirst().allSatisfy({ "+-0123456789".contains($0) }):
        ("a quotation", "引用")
      case "`" where line.hasPrefix("```"), "~" where line.hasPrefix("~~~"):
        ("a code fence", "コードブロックの区切り")
      case "|" where line.count > 2 && line.dropFirst().contains("|"): ("a table row", "表の行")
      case "*" where second == "*": ("bold text", "太字")
      case "*" where second == " ", "+" where second == " ": ("a list", "リスト")
      case "<" where second.map { $0.isLetter || $0 == "/" || $0 == "!" } == true:
        ("HTML", "HTML")
      case "!" where second == "[": ("an image", "画像")
      case "[" where line.contains("]("): ("a link", "リンク")
      case let c where c.isASCII && c.isNumber:
        line.drop { $0.isASCII && $0.isNumber }.prefix(2).elementsEqual(". ")
          || line.drop { $0.isASCII && $0.isNumber }.prefix(2).elementsEqual(") ")
          ? ("a numbered list", "番号付きリスト") : nil
      default: nil
      }
    if let (english, japanese) = markdown { return .markdown(english, japanese) }
    // `-tourism` is text to YAML (an item without its space, which `explain` names).
    return chars[0] != "-" && syntaxStarts.contains(chars[0]) || line == "..." ? .noKey : nil
  }

  /// The problem of line `number` (1-based in `lines`), holding `stray`.
  /// - Parameter frontMatter: false for site.yml, which has no closing `---` to move text below.
  static func problem(
    _ stray: Stray, line number: Int, in lines: [Substring], lineOffset: Int, frontMatter: Bool
  ) -> YAMLProblem {
    let line = number + lineOffset - 1
    let closing = lineOffset + lines.count
    // Where the page's text goes: below the closing `---`, or, after a blank line, where the
    // page's text seems to start, the front matter was not closed; not when keys follow the
    // blank line (one between keys).
    let blank = lines.prefix(number - 1).firstIndex { $0.allSatisfy { $0 == " " || $0 == "\t" } }
    let keysAfterBlank = blank.map { b in
      lines[(b + 1)..<(number - 1)].contains { keyAndValue($0) != nil }
    }
    let unclosed =
      frontMatter && keysAfterBlank != true
      ? unclosed(before: number, in: lines, lineOffset: lineOffset) : nil
    func below(_ what: String = "", _ whatJa: String = "") -> (String, String) {
      unclosed
        ?? (
          "if it is the page's text\(what), put it below the closing `---` (line \(closing))",
          "ページの本文\(whatJa)なら、閉じる `---`（\(closing)行目）より下に移してください"
        )
    }
    var problem = YAMLProblem(line: number, column: 1, message: "", hint: "", ja: "", jaHint: "")
    switch stray {
    case .markdown(let english, let japanese):
      problem.message =
        frontMatter
        ? "line \(line) is Markdown (\(english)) above the closing `---`: the front matter holds only `key: value` lines"
        : "line \(line) is Markdown (\(english)): site.yml holds only `key: value` lines"
      problem.ja =
        frontMatter
        ? "\(line)行目は Markdown（\(japanese)）です。閉じる `---` より上の前付けには、`key: value`（項目名: 値）の行だけを書きます"
        : "\(line)行目は Markdown（\(japanese)）です。site.yml には、`key: value`（項目名: 値）の行だけを書きます"
      (problem.hint, problem.jaHint) =
        frontMatter
        ? below()
        : (
          "remove it: a page's text is written in its own file",
          "この行を消してください。ページの本文は、ページのファイルに書きます"
        )
    case .listItem(let key):
      let written = key.map { "`\($0):`" } ?? "`key:`"
      problem.message =
        key.map {
          "line \(line) is a list item (`- `), but `\($0)` above it has its value on its line, so no list goes on there"
        } ?? "line \(line) is a list item (`- `), but no key above it takes a list"
      problem.ja =
        key.map {
          "\(line)行目はリストの項目（`- `）ですが、上の `\($0)` は値が同じ行に書いてあるので、ここにリストは続きません"
        } ?? "\(line)行目はリストの項目（`- `）ですが、上にリストを受ける項目名がありません"
      problem.hint =
        "for a list, write \(written) alone on its line and the items under it (`  - …`)"
      problem.jaHint = "リストにするなら、\(written) だけの行の下に、字下げして項目を書きます（`  - …`）"
      if frontMatter {
        let text = below(" (a Markdown list)", "（Markdown のリスト）")
        problem.hint += "; " + text.0
        problem.jaHint += "。" + text.1
      }
    case .noKey:
      problem.message =
        "line \(line) is not `key: value`: \(frontMatter ? "front matter lines" : "site.yml's lines") are `key: value` (or `- item` under a list)"
      problem.ja =
        "\(line)行目が `key: value`（項目名: 値）の形になっていません。\(frontMatter ? "前付け" : "site.yml ")の行は `key: value`（リストなら、項目名の下に `- 値`）です"
      let text = lines[number - 1]
      if text.hasPrefix(":") {
        (problem.hint, problem.jaHint) = (
          "write the key before the `:`, or remove the line", "`:` の前に項目名を書くか、この行を消してください"
        )
      } else if text.hasPrefix("<<") {
        (problem.hint, problem.jaHint) = (
          "`<<` and `*` copy values in YAML, which a front matter does not need: write the keys and their values out",
          "`<<` と `*` は YAML で値を写す書き方で、ここでは使いません。項目と値を、そのまま書いてください"
        )
      } else if let unclosed {
        (problem.hint, problem.jaHint) = unclosed
      } else if frontMatter {
        (problem.hint, problem.jaHint) = (
          below().0 + "; if not, remove it", below().1 + "。そうでなければ、この行を消してください"
        )
      } else {
        (problem.hint, problem.jaHint) = (
          "remove it, or start it with `#` to keep it as a comment",
          "この行を消すか、行の頭に `#` を書いてコメントにしてください"
        )
      }
    }
    return problem
  }
}

extension YAMLSlips {
  /// `? x` or `[x]: y` at the start of a line: valid YAML, a key no front matter has (`x`, a
  /// list), which the parser takes without a word. Looked for only in texts with a line
  /// starting with `?`, `[` or `{`.
  static func keyOfSyntax(in text: String, lineOffset: Int, frontMatter: Bool) -> YAMLProblem? {
    var atStart = true
    var found = false
    for byte in text.utf8 {
      if atStart,
        byte == UInt8(ascii: "?") || byte == UInt8(ascii: "[") || byte == UInt8(ascii: "{")
      {
        found = true
        break
      }
      atStart = byte == 0x0A
    }
    guard found else { return nil }
    let lines = Self.lines(of: text)
    guard
      let (number, stray) = firstStray(
        in: lines, through: lines.count,
        where: { $0.hasPrefix("?") || $0.contains("]:") || $0.contains("}:") })
    else { return nil }
    return problem(
      stray, line: number, in: lines, lineOffset: lineOffset, frontMatter: frontMatter)
  }
}
