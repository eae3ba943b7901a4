import Diagnostics
import Foundation
import Mustache

/// A template's syntax error in the theme editor's terms. The Mustache parser names only the
/// kind of error (`sectionCloseNameIncorrect`) and where it stopped; a section that is never
/// closed, for one, is found at the end of the file. The tags are read again here to name the
/// section and the line where it opens.
enum TemplateSyntax {
  struct Problem: Equatable {
    var line: Int
    var column: Int
    var message: String
    var hint: String
    /// The message and hint in Japanese (`Diagnostic.ja`); not compared: they say the same.
    var ja = ""
    var jaHint = ""
    /// The parser accepts it (a comment that a later tag's `}}` ended): a warning, not the
    /// reason a template does not parse.
    var parses = false

    static func == (a: Problem, b: Problem) -> Bool {
      (a.line, a.column, a.message, a.hint, a.parses) == (
        b.line, b.column, b.message, b.hint, b.parses
      )
    }
  }

  /// One tag of a template and where it starts (1-based, columns in Characters).
  struct Tag: Equatable {
    enum Kind: Equatable {
      /// `{{name}}`
      case variable
      /// `{{{name}}}` or `{{&name}}`
      case unescaped
      /// `{{#name}}`, `{{^name}}`, `{{$name}}`, `{{<name}}`, `{{/name}}`, `{{>name}}`
      case section, inverted, block, parent, close, partial
      /// `{{!…}}`, `{{%…}}`
      case comment, pragma
      /// `{{=<% %>=}}`: the tags after it are written with other delimiters.
      case delimiters
    }
    var kind: Kind
    /// The name, without the sigil and the spaces (and line breaks) around it.
    var name: String
    var line: Int
    var column: Int
    /// The tag as written, for messages.
    var text: String
    /// Where the tag is in the template.
    var range: Range<String.Index>
    /// The delimiters it is written with.
    var open = "{{"
    var close = "}}"
  }

  /// Text between tags, where its first character that is not a space is.
  struct Text: Equatable {
    var line: Int
    var column: Int
    var text: String
    /// The index in `Scan.tags` of the tag that follows it.
    var before: Int

    /// Where the character at `index` of `text` is in the template: its line and column.
    func position(of index: String.Index) -> (line: Int, column: Int) {
      let before = text[..<index]
      guard let lastBreak = before.lastIndex(of: "\n") else {
        return (line, column + before.count)
      }
      return (
        line + before.filter { $0 == "\n" }.count,
        before.distance(from: lastBreak, to: before.endIndex)
      )
    }
  }

  /// The tags of a template, in order, read as the parser reads them: with the delimiters a
  /// `{{=<% %>=}}` tag sets, and on after a tag that is not closed where it should be.
  struct Scan {
    var tags: [Tag] = []

    /// The sections, inverted sections, blocks and parents open before each tag (the last
    /// entry: after the last tag), as the parser nests them: what each check reads a tag or a
    /// text inside of.
    func openBefore() -> [[Tag]] {
      var result: [[Tag]] = []
      result.reserveCapacity(tags.count + 1)
      var open: [Tag] = []
      for tag in tags {
        result.append(open)
        switch tag.kind {
        case .section, .inverted, .block, .parent: open.append(tag)
        case .close: _ = open.popLast()
        default: break
        }
      }
      result.append(open)
      return result
    }
    /// The text between tags that is not only spaces and line breaks.
    var texts: [Text] = []
    /// Tags that their `}}` does not end: a later tag's `}}` does, or none.
    var unclosed: [Problem] = []
    /// Tags followed by one `}` more than they close with (`{{title}}}`): it is printed.
    var strayBraces: [Problem] = []
    /// A delimiter tag that cannot be read: the rest is not read.
    var badDelimiters: Problem?
  }

  /// What a name may not hold: a tag whose inside has one of these was not closed where it
  /// should have been, and a later `}}` ended it (`{{site.title</a> … }}`).
  private static let notInNames: Set<Character> = [
    "<", ">", "\"", "'", "{", "}", "=", "\n", "\r\n", "\r",
  ]

  private static func isSpace(_ c: Character) -> Bool { c.isWhitespace }

  /// Reads the tags of `text`.
  static func scan(_ text: String) -> Scan {
    var scan = Scan()
    var (open, close) = ("{{", "}}")
    var (line, column) = (1, 1)
    var i = text.startIndex
    func advance(to end: String.Index) {
      for c in text[i..<end] {
        if c == "\n" || c == "\r\n" { (line, column) = (line + 1, 1) } else { column += 1 }
      }
      i = end
    }
    /// Records the text from `i` to `end` (when not blank) and moves to `end`.
    func record(to end: String.Index) {
      let gap = text[i..<end]
      if let first = gap.firstIndex(where: { !isSpace($0) }) {
        advance(to: first)
        scan.texts.append(
          Text(line: line, column: column, text: String(text[first..<end]), before: scan.tags.count)
        )
      }
      advance(to: end)
    }
    let kinds: [Character: Tag.Kind] = [
      "&": .unescaped, "#": .section, "^": .inverted, "$": .block, "<": .parent, "/": .close,
      ">": .partial, "!": .comment, "%": .pragma,
    ]
    while let start = text[i...].firstRange(of: open)?.lowerBound {
      record(to: start)
      let afterOpen = text.index(start, offsetBy: open.count)
      // `{{{name}}}` closes with one more brace.
      let triple = text[afterOpen...].first == "{"
      let closer = triple ? close + "}" : close
      let open1 = triple ? text.index(after: afterOpen) : afterOpen
      let end = text[open1...].firstRange(of: closer)
      let inner = text[open1..<(end?.lowerBound ?? text.endIndex)]
      let body = inner.drop(while: isSpace)
      let sigil = triple ? "{" : body.first ?? " "
      if sigil == "=" {
        guard let end, let set = delimiters(body) else {
          scan.badDelimiters = Problem(
            line: line, column: column,
            message:
              "the delimiter tag `\(text[start..<(end?.upperBound ?? text.endIndex)])` is not valid",
            hint:
              "write it as `\(open)=<% %>=\(close)`: the two new delimiters, a space between, `=` on both sides",
            ja:
              "区切りを変えるタグ `\(text[start..<(end?.upperBound ?? text.endIndex)])` の書き方がまちがっています",
            jaHint:
              "`\(open)=<% %>=\(close)` のように、新しい区切り2つを空白で分けて書き、両側に `=` を付けてください"
          )
          return scan
        }
        scan.tags.append(
          Tag(
            kind: .delimiters, name: "", line: line, column: column,
            text: String(text[start..<end.upperBound]), range: start..<end.upperBound, open: open,
            close: close))
        (open, close) = set
        advance(to: end.upperBound)
        continue
      }
      // What follows the sigil: the name, for tags that have one.
      let named = triple || !"&#^$</>!%".contains(sigil) ? body : body.dropFirst()
      let name = named.trimmingCharacters(in: .whitespacesAndNewlines)
      let broken =
        end == nil || inner.contains(open)
        || (sigil != "!" && sigil != "%" && name.contains { notInNames.contains($0) })
      if broken {
        scan.unclosed.append(
          unclosed(
            named, sigil: triple || named == body ? "" : String(sigil), triple: triple,
            after: end.map { text[$0.upperBound...] }, open: open, close: closer,
            line: line, column: column))
        guard let end else { return scan }
        // The parser takes a comment up to the first `}}`: it is one, and what follows is text.
        if sigil == "!" {
          scan.tags.append(
            Tag(
              kind: .comment, name: "", line: line, column: column,
              text: String(text[start..<end.upperBound]), range: start..<end.upperBound,
              open: open, close: close))
        }
        advance(to: end.upperBound)
        continue
      }
      let kind: Tag.Kind = triple ? .unescaped : kinds[sigil] ?? .variable
      let tag = Tag(
        kind: kind, name: name, line: line, column: column,
        text: String(text[start..<end!.upperBound]), range: start..<end!.upperBound, open: open,
        close: close)
      scan.tags.append(tag)
      if closer.hasSuffix("}"), text[end!.upperBound...].first == "}" {
        let meant = String(tag.text)
        scan.strayBraces.append(
          Problem(
            line: line, column: column,
            message:
              "`\(meant)}` has one `}` too many: the tag ends at `\(closer)`, and the last `}` is printed",
            hint: "write `\(meant)`",
            ja:
              "`\(meant)}` は `}` が1つ多すぎます。タグは `\(closer)` で終わり、最後の `}` がそのままページに出ます",
            jaHint: "`\(meant)` と書いてください", parses: true))
      }
      advance(to: end!.upperBound)
    }
    record(to: text.endIndex)
    return scan
  }

  /// The delimiters a `{{=<% %>=}}` tag sets, from what follows its `{{`; nil when it is not
  /// one the parser reads.
  private static func delimiters(_ body: Substring) -> (String, String)? {
    guard body.first == "=", body.count >= 2 else { return nil }
    let inside = body.dropFirst().trimmingCharacters(in: .whitespacesAndNewlines)
    guard inside.hasSuffix("=") else { return nil }
    let parts = inside.dropLast().split(whereSeparator: isSpace)
    guard parts.count == 2 else { return nil }
    return (String(parts[0]), String(parts[1]))
  }

  /// The problem of a tag that its `}}` does not end: the name it starts with shows how to
  /// write it. `after` is what follows the `}}` that ends it now (nil: none does).
  private static func unclosed(
    _ named: Substring, sigil: String, triple: Bool, after: Substring?, open: String,
    close: String, line: Int, column: Int
  ) -> Problem {
    if sigil == "!" {
      // A `}}` before the next `{{`: the comment was to end there, and holds a tag.
      if let after, let next = after.range(of: close),
        after.range(of: open).map({ next.lowerBound < $0.lowerBound }) ?? true
      {
        let printed = after[..<next.upperBound]
        let meant = (named + printed.dropLast(close.count))
          .replacingOccurrences(of: open, with: "")
          .replacingOccurrences(of: close, with: "")
          .replacingOccurrences(of: "{", with: "").replacingOccurrences(of: "}", with: "")
        return Problem(
          line: line, column: column,
          message:
            "a comment cannot hold `\(open)…\(close)`: it ends at the first `\(close)`, and what follows it (`\(printed)`) is printed",
          hint: "leave the braces out inside a comment: `\(open)!\(meant)\(close)`",
          ja:
            "コメントの中に `\(open)…\(close)` は書けません。コメントは最初の `\(close)` で終わり、その後ろ（`\(printed)`）がそのままページに出ます",
          jaHint: "コメントの中では波かっこを使わないでください：`\(open)!\(meant)\(close)`", parses: true)
      }
      return Problem(
        line: line, column: column, message: "this comment is not closed with `\(close)`",
        hint: after == nil
          ? "end the comment with `\(close)`"
          : "end the comment with `\(close)`: now the next tag's `\(close)` ends it, and the text in between is left out of the page",
        ja: "このコメントが `\(close)` で閉じられていません",
        jaHint: after == nil
          ? "コメントの終わりに `\(close)` を書いてください"
          : "コメントの終わりに `\(close)` を書いてください。今は次のタグの `\(close)` でコメントが終わり、その間の文章がページから抜け落ちています",
        parses: after != nil)
    }
    let name = named.drop(while: isSpace).prefix {
      !notInNames.contains($0) && !isSpace($0)
    }
    if triple {
      return Problem(
        line: line, column: column, message: "this tag is not closed with `\(close)`",
        hint: "a tag opened with three braces ends with three: `\(open){\(name)\(close)`",
        ja: "このタグが `\(close)` で閉じられていません",
        jaHint: "波かっこ3つで始めたタグは、3つで閉じてください：`\(open){\(name)\(close)`")
    }
    return Problem(
      line: line, column: column, message: "this tag is not closed with `\(close)`",
      hint:
        "end the tag with `\(close)` right after its name, on the same line: `\(open)\(sigil)\(name)\(close)`",
      ja: "このタグが `\(close)` で閉じられていません",
      jaHint:
        "名前のすぐ後ろ、同じ行に `\(close)` を書いてタグを閉じてください：`\(open)\(sigil)\(name)\(close)`"
    )
  }
}
