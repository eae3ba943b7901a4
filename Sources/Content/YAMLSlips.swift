import ByteFormats
import Diagnostics
import Yams

/// What went wrong in a front matter Yams rejected, in the writer's terms and at the place to
/// fix. The parser reports where it gave up, which is often the line after the slip (a
/// full-width colon makes `title：…` a plain value that runs into the next key), and in its own
/// words ("mapping values are not allowed in this context"). The usual slips of people writing
/// Japanese are found by reading the lines up to where it gave up; the rest of Yams' errors are
/// explained from their context (an unclosed quote or bracket is reported where it opens).
struct YAMLProblem: Equatable {
  /// 1-based, within the YAML text.
  var line: Int
  var column: Int
  var message: String
  var hint: String
  /// The message and the hint in Japanese (`Diagnostic.ja`).
  var ja: String
  var jaHint: String
  var code = "front-matter.yaml"
  /// For a sentence value that starts with a character YAML reads as something else
  /// (`[`, `{`, `*`, `&`, `!`): that character.
  var startsWith: Character? = nil
  /// The line as its hint says to write it, when that is certain (a full-width colon, no space
  /// after the colon, a tab or full-width space before a key at the start): with it the rest of
  /// the front matter can be read, so every slip is reported in one build, not one a build.
  /// For a line that is not `key: value` (`YAMLSlips.repairedByExplaining`): the line with its
  /// colon, or a comment where the fix is the writer's choice, only to read on.
  var repairedLine: String? = nil

  /// As a diagnostic of `file`, whose YAML text starts on its line `lineOffset`; `repairs`:
  /// those made to the text the problem was found in, for the column the writer typed.
  func diagnostic(
    _ severity: Severity = .error, file: String, lineOffset: Int, repairs: YAMLRepairs = .none
  ) -> Diagnostic {
    Diagnostic(
      severity,
      SourceLocation(
        file: file, line: line + lineOffset - 1, column: repairs.column(column, onLine: line)),
      message, hint: hint, code: code
    ).ja(ja, hint: jaHint)
  }
}

enum YAMLSlips {
  /// `lineOffset`: the file's line of the text's first line, for lines named in messages;
  /// `frontMatter`: false for site.yml, which has no closing `---` to move a page's text below.
  static func explain(
    _ error: YamlError, in text: String, lineOffset: Int = 1, frontMatter: Bool = true
  ) -> YAMLProblem {
    let lines = Self.lines(of: text)
    switch error {
    case .duplicatedKeysInMapping(let duplicates, let context):
      return duplicate(duplicates, lines: lines, context: context.at(text), lineOffset: lineOffset)
    case .scanner(let context, let problem, let mark, _),
      .parser(let context, let problem, let mark, _),
      .composer(let context, let problem, let mark, _):
      let mark = YAMLMark(mark, in: text)
      if let slip = firstSlip(in: lines, through: mark.line) { return slip }
      return explain(
        problem, at: mark, context: context?.at(text), lines: lines, lineOffset: lineOffset,
        frontMatter: frontMatter)
    case .reader(_, let offset, let value, _):
      return refused(value, offset: offset, in: text)
    default:
      return YAMLProblem(
        line: 1, column: 1, message: "the front matter is not valid YAML: \(error)",
        hint: generalHint, ja: "前付けの書き方が YAML の決まりに合っていません: \(error)",
        jaHint: generalHintJa)
    }
  }

  /// The first slip of `text`, on any line.
  static func firstSlip(in text: String) -> YAMLProblem? {
    let lines = Self.lines(of: text)
    return firstSlip(in: lines, through: lines.count)
  }

  /// Every slip whose repair is certain, from the first on, with the text as the hints say to
  /// write it; stops at the first slip it cannot repair. Empty when the first slip is not one.
  /// The slips are at the writer's columns (a second slip of a line is found in the line as the
  /// first repair left it); `repairs` places the text's other characters there.
  static func repairedSlips(in text: String) -> (
    slips: [YAMLProblem], text: String, repairs: YAMLRepairs
  ) {
    var lines = Self.lines(of: text)
    var slips: [YAMLProblem] = []
    var repairs = YAMLRepairs()
    while slips.count < 100, var slip = firstSlip(in: lines, through: lines.count),
      let repaired = slip.repairedLine
    {
      slip.column = repairs.column(slip.column, onLine: slip.line)
      slips.append(slip)
      repairs.record(line: slip.line, from: lines[slip.line - 1], to: repaired)
      lines[slip.line - 1] = Substring(repaired)
    }
    return (slips, lines.joined(separator: "\n"), repairs)
  }

  /// The problem Yams' error in `text` is explained as, when it comes with a line that lets
  /// the rest be read (a line that is not `key: value`), and the text with that line so:
  /// each such line is reported in one build, though its fix is not certain.
  static func repairedByExplaining(_ text: String) -> (
    problem: YAMLProblem, text: String, repairs: YAMLRepairs
  )? {
    do {
      _ = try Yams.compose(yaml: text, .basic, .default, .utf8)
      return nil
    } catch let error as YamlError {
      let problem = explain(error, in: text)
      var lines = Self.lines(of: text)
      guard let line = problem.repairedLine, problem.line >= 1, problem.line <= lines.count,
        lines[problem.line - 1] != Substring(line)
      else { return nil }
      var repairs = YAMLRepairs()
      repairs.record(line: problem.line, from: lines[problem.line - 1], to: line)
      lines[problem.line - 1] = Substring(line)
      return (problem, lines.joined(separator: "\n"), repairs)
    } catch {
      return nil
    }
  }

  /// The lines of `text`, CR LF or LF ended ("\r\n" is one Character in Swift, so a split at
  /// "\n" alone would keep such a file in one line).
  static func lines(of text: String) -> [Substring] {
    text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" }
  }

  /// Characters that make a value something other than text when they start it.
  static let startsSomethingElse: Set<Character> = ["[", "{", "*", "&", "!"]

  /// A text value YAML read without complaint but not as written: `title: ! 重要なお知らせ`
  /// is the text 重要なお知らせ with the tag `!`. Looked for only in texts with a `!`.
  static func droppedTag(in text: String) -> YAMLProblem? {
    guard text.holdsByte(UInt8(ascii: "!")), let slip = firstSlip(in: text),
      slip.startsWith == "!"
    else { return nil }
    return slip
  }

  static let generalHint =
    "check the indentation and quote values that contain `:` or `#`, e.g. `title: \"A: B\"`"
  static let generalHintJa =
    "字下げをそろえてください。`:` や `#` が入る値は、値全体を `\"` で囲みます。例: `title: \"A: B\"`"

  // MARK: Slips found by reading the lines

  /// The first line, up to `last`, with a tab or full-width space in its indentation, a
  /// full-width colon after its key, or no space after the colon.
  static func firstSlip(in lines: [Substring], through last: Int) -> YAMLProblem? {
    var blockIndent: Int?  // inside a `|` or `>` value: lines indented more than its key
    for (n, line) in lines.prefix(last).enumerated() {
      let number = n + 1
      let chars = Array(line)
      let indent = chars.prefix { $0 == " " }.count
      if let key = blockIndent {
        if chars.allSatisfy({ $0 == " " || $0 == "\t" }) || indent > key { continue }
        blockIndent = nil
      }
      if let slip = invisibleCharacter(onLine: number, in: lines) { return slip }
      var i = indent
      // Under a key at the start of its line that opens nothing, the line's key belongs at the
      // start too: spaces for the tab would be "indented more than the line above".
      func topLevel() -> Bool {
        previousContentLine(before: number, in: lines).map { $0.indent == 0 && !$0.opensBlock }
          ?? true
      }
      while i < chars.count, chars[i] == " " || chars[i] == "\t" || chars[i] == "\u{3000}" {
        if chars[i] == "\t" {
          let top = topLevel()
          return YAMLProblem(
            line: number, column: i + 1, message: "the line is indented with a tab",
            hint: top
              ? "remove the tab: this key starts at the beginning of the line, as the keys above it do"
              : "YAML needs spaces: replace the tab with spaces, as far in as the lines it belongs with (two, under `key:`)",
            ja: "行の頭にタブが入っています",
            jaHint: top
              ? "タブを消してください。この項目は、上の項目と同じように行の頭から書きます"
              : "字下げには半角スペースを使います。タブを半角スペースに変えて、同じまとまりの行とそろえてください（`key:` の下なら2つ）",
            repairedLine: top ? String(line.drop { $0 == " " || $0 == "\t" }) : nil)
        }
        if chars[i] == "\u{3000}" {
          let top = topLevel()
          return YAMLProblem(
            line: number, column: i + 1,
            message: "the line starts with a full-width space `\u{3000}`",
            hint: top
              ? "remove the space: this key starts at the beginning of the line, as the keys above it do"
              : "indent with half-width spaces, as far in as the lines it belongs with",
            ja: "行の頭に全角スペース `\u{3000}` が入っています",
            jaHint: top
              ? "全角スペースを消してください。この項目は、上の項目と同じように行の頭から書きます"
              : "字下げは半角スペースで、同じまとまりの行とそろえてください",
            repairedLine: top ? String(line.drop { $0 == " " || $0 == "\u{3000}" }) : nil)
        }
        i += 1
      }
      if i >= chars.count || chars[i] == "#" { continue }
      if bullets.contains(chars[i]), let slip = bulletItem(number, in: lines) { return slip }
      // A list item's own key: `- name: value`.
      if chars[i] == "-", i + 1 < chars.count, chars[i + 1] == " " {
        if let slip = misalignedItem(number, indent: indent, in: lines) { return slip }
        i += 2
        while i < chars.count, chars[i] == " " { i += 1 }
      }
      let keyStart = i
      while i < chars.count, chars[i].isASCII,
        chars[i].isLetter || chars[i].isNumber
          || chars[i] == "_" || chars[i] == "-"
      {
        i += 1
      }
      guard i > keyStart, i < chars.count, chars[keyStart].isLetter || chars[keyStart] == "_"
      else { continue }
      let key = String(chars[keyStart..<i])
      if chars[i] == "：" {
        let rest = String(chars[(i + 1)...]).drop { $0 == " " || $0 == "\u{3000}" }
        // The line to type, its value shortened when long.
        let value = rest.isEmpty ? "…" : Self.shortened(String(rest))
        return YAMLProblem(
          line: number, column: i + 1,
          message: "the key `\(key)` is followed by a full-width colon `：`",
          hint: "write a half-width colon and a space: `\(key): \(value)`",
          ja: "項目 `\(key)` の後のコロンが、全角の `：` になっています",
          jaHint: "半角のコロンと半角スペースを書いてください：`\(key): \(value)`",
          repairedLine: String(chars[..<i]) + ": " + rest)
      }
      guard chars[i] == ":" else { continue }
      let next = i + 1 < chars.count ? chars[i + 1] : " "
      // `capacity:　100`: the space typed with the input method on is full-width; keeping it in
      // the line to type, as the hint below did, kept the error.
      if next == "\u{3000}" {
        let value = String(chars[(i + 1)...].drop { $0 == "\u{3000}" || $0 == " " })
        let shown = value.isEmpty ? "…" : Self.shortened(value)
        return YAMLProblem(
          line: number, column: i + 2,
          message: "the space after `\(key):` is a full-width space `\u{3000}`",
          hint: "write a half-width space: `\(key): \(shown)`",
          ja: "`\(key):` の後のスペースが、全角スペース `\u{3000}` になっています",
          jaHint: "半角スペースにしてください：`\(key): \(shown)`",
          repairedLine: String(chars[...i]) + " " + value)
      }
      if next != " " && next != "\t" && next != "/" {
        let value = String(chars[(i + 1)...])
        return YAMLProblem(
          line: number, column: i + 2, message: "`\(key):` needs a space after the colon",
          hint: "write `\(key): \(value)`", ja: "`\(key):` のコロンの後に半角スペースがありません",
          jaHint: "`\(key): \(value)` と書いてください",
          repairedLine: String(chars[...i]) + " " + value)
      }
      if keyStart == indent, let slip = indentedKey(number, indent: indent, in: lines) {
        return slip
      }
      // `key: |` or `key: >-` starts a block of lines that may hold anything.
      let value = String(chars[(i + 1)...]).trimmingSpacesAndNewlines
      // `title: [重要] お知らせ`: to YAML a list, then text it cannot place ("the indentation
      // does not match"); likewise `{…}`, `*…` (an alias), `&…` (an anchor) and `!…` (a tag, which
      // YAML drops from `! 重要…` without a word).
      if YAMLComments.textKeys.contains(key), let first = value.first,
        Self.startsSomethingElse.contains(first)
      {
        let column = i + 2 + chars[(i + 1)...].prefix { $0 == " " }.count
        // `summary: **重要** …`: bold is what was meant, and these values are plain text, where
        // `**` would show as typed (lint says so): the fix is to leave it out, not to quote it.
        let plain = value.replacingOccurrences(of: "**", with: "")
        if value.hasPrefix("**"), let start = plain.first, !Self.startsSomethingElse.contains(start)
        {
          return YAMLProblem(
            line: number, column: column,
            message:
              "`\(key)` cannot start with `*`: to YAML that names an alias, and bold does not show in `\(key)`",
            hint: "write `\(key): \(plain)`: it is shown as plain text, so leave out the `**`",
            ja: "`\(key)` の値を `*` で始めることはできません。`\(key)` では太字も使えません",
            jaHint: "`\(key): \(plain)` と書いてください（文字だけが表示されるので、`**` は付けません）",
            startsWith: first)
        }
        return YAMLProblem(
          line: number, column: column,
          message: "`\(key)` cannot start with `\(first)` unless the whole value is in quotes",
          hint: "write `\(key): \"\(value)\"`",
          ja: "`\(key)` の値を `\(first)` で始めるときは、値全体を `\"` で囲む必要があります",
          jaHint: "`\(key): \"\(value)\"` と書いてください", startsWith: first)
      }
      if let first = value.first, first == "|" || first == ">",
        value.dropFirst().allSatisfy({ "+-0123456789".contains($0) })
      {
        blockIndent = indent
      }
    }
    return nil
  }
}
