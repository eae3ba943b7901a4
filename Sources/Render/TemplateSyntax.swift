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

  /// What is wrong with `text`, which the parser rejected; nil when the tags read here look
  /// right (or other delimiters are set), and the parser's own words are all there is.
  static func explain(_ text: String) -> Problem? {
    var open: [(tag: String, name: String, line: Int, column: Int)] = []
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
      let (tagLine, tagColumn) = (line, column)
      // `{{{name}}}` closes with three braces.
      let triple = text[start...].hasPrefix("{{{")
      guard let close = text[start...].range(of: triple ? "}}}" : "}}") else {
        return Problem(
          line: tagLine, column: tagColumn, message: "this tag is not closed with `}}`",
          hint: "end the tag with `}}` on the same line, e.g. `{{title}}`")
      }
      let inner = text[text.index(start, offsetBy: triple ? 3 : 2)..<close.lowerBound]
      advance(to: close.upperBound)
      guard let sigil = inner.first else { continue }
      if sigil == "=" { return nil }  // other delimiters: not read here
      let name = inner.dropFirst().trimmingCharacters(in: CharacterSet(charactersIn: " \t"))
      switch sigil {
      case "#", "^", "$", "<":
        open.append(("{{\(sigil)\(name)}}", name, tagLine, tagColumn))
      case "/":
        guard let top = open.last else {
          return Problem(
            line: tagLine, column: tagColumn, message: "`{{/\(name)}}` closes no open section",
            hint: "remove it, or open the section with `{{#\(name)}}` before it")
        }
        if top.name != name {
          return Problem(
            line: tagLine, column: tagColumn,
            message:
              "`{{/\(name)}}` closes `\(top.tag)`, opened on line \(top.line), column \(top.column)",
            hint:
              "close sections innermost first, each with its own name: `\(top.tag)`…`{{/\(top.name)}}`"
          )
        }
        open.removeLast()
      default: continue
      }
    }
    if let top = open.last {
      return Problem(
        line: top.line, column: top.column, message: "`\(top.tag)` is never closed",
        hint: "add `{{/\(top.name)}}` where the section ends")
    }
    return nil
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
