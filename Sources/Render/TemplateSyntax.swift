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
  }

  /// One `{{…}}` tag of a template and where its `{{` is (1-based, columns in Characters).
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
    }
    var kind: Kind
    /// The name, without the sigil and the spaces around it.
    var name: String
    var line: Int
    var column: Int
    /// The tag as written, for messages.
    var text: String
  }

  /// The tags of a template, in order, up to the first one that is not closed (then
  /// `unclosed` says where it is) or one that sets other delimiters (`otherDelimiters`: the
  /// rest is not read here).
  struct Scan {
    var tags: [Tag] = []
    var unclosed: Problem?
    var otherDelimiters = false
  }

  /// What a name may not hold: a tag whose inside has one of these was not closed where it
  /// should have been, and a later `}}` ended it (`{{site.title</a> … }}`).
  private static let notInNames: Set<Character> = [
    "<", ">", "\"", "'", "{", "}", "=", "\n", "\r\n", "\r",
  ]

  /// Reads the tags of `text`.
  static func scan(_ text: String) -> Scan {
    var scan = Scan()
    var (line, column) = (1, 1)
    var i = text.startIndex
    func advance(to end: String.Index) {
      for c in text[i..<end] {
        if c == "\n" || c == "\r\n" { (line, column) = (line + 1, 1) } else { column += 1 }
      }
      i = end
    }
    while let start = text[i...].range(of: "{{")?.lowerBound {
      advance(to: start)
      // `{{{name}}}` closes with three braces.
      let triple = text[start...].hasPrefix("{{{")
      let open = text.index(start, offsetBy: triple ? 3 : 2)
      let close = text[open...].range(of: triple ? "}}}" : "}}")
      let inner = text[open..<(close?.lowerBound ?? text.endIndex)]
      let body = inner.drop { $0 == " " || $0 == "\t" }
      let sigil = triple ? "{" : body.first ?? " "
      if sigil == "=" {
        scan.otherDelimiters = true
        return scan
      }
      // What follows the sigil: the name, for tags that have one.
      let named = triple || !"&#^$</>!%".contains(sigil) ? body : body.dropFirst()
      let broken =
        close == nil || inner.contains("{{")
        || (sigil != "!" && sigil != "%" && named.contains { notInNames.contains($0) })
      if broken {
        scan.unclosed = unclosed(
          named, sigil: triple || named == body ? "" : String(sigil), triple: triple,
          line: line, column: column)
        return scan
      }
      let kinds: [Character: Tag.Kind] = [
        "&": .unescaped, "#": .section, "^": .inverted, "$": .block, "<": .parent, "/": .close,
        ">": .partial, "!": .comment, "%": .pragma,
      ]
      let kind: Tag.Kind = triple ? .unescaped : kinds[sigil] ?? .variable
      let tag = Tag(
        kind: kind, name: named.trimmingCharacters(in: CharacterSet(charactersIn: " \t")),
        line: line, column: column, text: String(text[start..<close!.upperBound]))
      advance(to: close!.upperBound)
      scan.tags.append(tag)
    }
    return scan
  }

  /// The problem of a tag that its `}}` does not end: the name it starts with shows how to
  /// write it.
  private static func unclosed(
    _ named: Substring, sigil: String, triple: Bool, line: Int, column: Int
  ) -> Problem {
    if sigil == "!" {
      return Problem(
        line: line, column: column, message: "this comment is not closed with `}}`",
        hint: "end the comment with `}}`: everything up to the next `}}` is left out of the page")
    }
    let name = named.drop { $0 == " " || $0 == "\t" }.prefix {
      !notInNames.contains($0) && $0 != " " && $0 != "\t"
    }
    if triple {
      return Problem(
        line: line, column: column, message: "this tag is not closed with `}}}`",
        hint: "a tag opened with three braces ends with three: `{{{\(name)}}}`")
    }
    return Problem(
      line: line, column: column, message: "this tag is not closed with `}}`",
      hint: "end the tag with `}}` right after its name, on the same line: `{{\(sigil)\(name)}}`")
  }

  /// What is wrong with `text`, which the parser rejected; nil when the tags read here look
  /// right (or other delimiters are set), and the parser's own words are all there is.
  static func explain(_ text: String) -> Problem? {
    let scan = scan(text)
    var open: [Tag] = []
    for tag in scan.tags {
      switch tag.kind {
      case .section, .inverted, .block, .parent:
        open.append(tag)
      case .close:
        guard let top = open.last else {
          return Problem(
            line: tag.line, column: tag.column,
            message: "`{{/\(tag.name)}}` closes no open section",
            hint: "remove it, or open the section with `{{#\(tag.name)}}` before it")
        }
        if top.name != tag.name {
          let opening = written(top)
          return Problem(
            line: tag.line, column: tag.column,
            message:
              "`{{/\(tag.name)}}` closes `\(opening)`, opened on line \(top.line), column \(top.column)",
            hint:
              "close sections innermost first, each with its own name: `\(opening)`…`{{/\(top.name)}}`"
          )
        }
        open.removeLast()
      default: continue
      }
    }
    if let unclosed = scan.unclosed { return unclosed }
    if scan.otherDelimiters { return nil }
    if let top = open.last {
      return Problem(
        line: top.line, column: top.column, message: "`\(written(top))` is never closed",
        hint: "add `{{/\(top.name)}}` where the section ends")
    }
    return nil
  }

  /// An opening tag as messages show it, with its name trimmed: `{{#pages}}`.
  private static func written(_ tag: Tag) -> String {
    let sigils: [Tag.Kind: String] = [.section: "#", .inverted: "^", .block: "$", .parent: "<"]
    return "{{\(sigils[tag.kind] ?? "")\(tag.name)}}"
  }

  /// The parser's error in words, for what `explain` does not find.
  static func describe(_ error: Error) -> String {
    switch error {
    case MustacheTemplate.Error.unfinishedName: return "a tag is not finished"
    case MustacheTemplate.Error.expectedSectionEnd: return "a section is not closed"
    case MustacheTemplate.Error.sectionCloseNameIncorrect:
      return "a section is closed with another section's name"
    case MustacheTemplate.Error.invalidSetDelimiter:
      return "the delimiter tag `{{=… …=}}` is not valid"
    default: return "\(error)"
    }
  }
}
