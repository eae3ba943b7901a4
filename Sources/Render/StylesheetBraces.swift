import Diagnostics
import Foundation

/// A theme's stylesheet whose braces do not pair. Browsers say nothing: a `{` never closed
/// makes every rule after it part of its block (with CSS nesting, rules that now apply only
/// inside it), and a `}` that closes nothing joins the selector of the next rule, which is
/// dropped. Either way pages look wrong far from the slip, so the build names its line.
/// Comments, strings and escapes are skipped as the minifier skips them.
enum StylesheetBraces {
  static let code = "theme.css-brace"

  /// A block opened and not yet closed: where, how far its line is indented, and its
  /// selector or at-rule as written (`.card`, `@media (min-width: 40em)`).
  private struct Opened {
    var line: Int
    var column: Int
    var indent: Int
    var name: String
  }

  /// One warning at most: the first `}` that closes nothing, or the `{` never closed. When an
  /// indented `}` closes a block opened further in (the `}` of `@media` closing `.card`
  /// inside it), that inner block is the one missing its `}` and is named, not the outer one
  /// the end of the file leaves open.
  static func check(_ css: Data, shownAs file: String) -> [Diagnostic] {
    let s = [UInt8](css)
    var open: [Opened] = []
    var suspect: (block: Opened, line: Int)?
    var line = 1
    var lineStart = 0
    var ruleStart = 0
    // Where the selector or at-rule being read starts: its line and that line's indentation.
    var prelude: (line: Int, indent: Int)?
    var i = 0
    func column(_ at: Int) -> Int { String(decoding: s[lineStart..<at], as: UTF8.self).count + 1 }
    func indent() -> Int {
      var k = lineStart
      while k < s.count, s[k] == 0x20 || s[k] == 0x09 { k += 1 }
      return k - lineStart
    }
    while i < s.count {
      switch s[i] {
      case 0x0A:
        line += 1
        lineStart = i + 1
        i += 1
      case 0x2F where i + 1 < s.count && s[i + 1] == 0x2A:
        // A comment (to the file's end when never closed, as the minifier reads it): its
        // lines counted, nothing in it read. Never closed with rules after it: they are all
        // comment to browsers, and the pages lose them without a word.
        guard let end = AssetMinifier.commentEnd(s, from: i) else {
          if s[i...].contains(0x7B) {
            return [unclosedComment(at: SourceLocation(file: file, line: line, column: column(i)))]
          }
          i = s.count
          continue
        }
        while i < end {
          if s[i] == 0x0A {
            line += 1
            lineStart = i + 1
          }
          i += 1
        }
        ruleStart = i
      case 0x20, 0x09, 0x0D, 0x0C:
        i += 1
      case 0x22, 0x27:
        if prelude == nil { prelude = (line, indent()) }
        // A string ends at its quote or, broken, at the line's end (where CSS ends it too).
        i = AssetMinifier.stringEnd(s, from: i) ?? (s[i...].firstIndex(of: 0x0A) ?? s.count)
      case 0x5C:
        i += 2
      case 0x7B:
        // A rule begun at its enclosing block's indentation or less, on a later line: that
        // block was meant to end before it.
        if suspect == nil, let top = open.last, let p = prelude, p.line > top.line,
          p.indent <= top.indent
        {
          suspect = (top, p.line)
        }
        let name = String(decoding: s[ruleStart..<i], as: UTF8.self)
          .trimmingCharacters(in: .whitespacesAndNewlines)
        open.append(Opened(line: line, column: column(i), indent: indent(), name: name))
        i += 1
        ruleStart = i
        prelude = nil
      case 0x7D:
        guard let block = open.popLast() else {
          return [stray(at: SourceLocation(file: file, line: line, column: column(i)))]
        }
        let startsLine = s[lineStart..<i].allSatisfy { $0 == 0x20 || $0 == 0x09 }
        if suspect == nil, startsLine, indent() < block.indent { suspect = (block, line) }
        i += 1
        ruleStart = i
        prelude = nil
      case 0x3B:
        i += 1
        ruleStart = i
        prelude = nil
      default:
        if prelude == nil { prelude = (line, indent()) }
        i += 1
      }
    }
    guard let last = open.last else { return [] }
    let (block, before) = suspect.map { ($0.block, Optional($0.line)) } ?? (last, nil)
    return [unclosed(block, before: before, file: file)]
  }

  private static func named(_ block: Opened) -> String {
    let name = block.name.split(whereSeparator: \.isNewline).last.map(String.init) ?? ""
    let trimmed = name.trimmingCharacters(in: .whitespaces)
    return trimmed.count > 40 ? String(trimmed.prefix(40)) + "…" : trimmed
  }

  private static func unclosed(_ block: Opened, before line: Int?, file: String) -> Diagnostic {
    let name = named(block)
    let what = name.isEmpty ? "this `{`" : "the `{` of `\(name)`"
    let whatJa = name.isEmpty ? "この `{`" : "`\(name)` の `{`"
    let place = line.map { " before line \($0)" } ?? ""
    let placeJa = line.map { "\($0)行目の前に" } ?? ""
    return .warning(
      SourceLocation(file: file, line: block.line, column: block.column),
      "\(what) is never closed: browsers read every rule after it as inside it, so those rules style the pages wrong or not at all",
      hint: "add the `}` that ends it\(place)",
      code: code
    ).ja(
      "\(whatJa)が閉じられていません。ブラウザーは、その後のルールをすべてこの中のものとして読むため、ページの見た目が崩れます",
      hint: "\(placeJa)これを閉じる `}` を書いてください")
  }

  private static func unclosedComment(at location: SourceLocation) -> Diagnostic {
    .warning(
      location,
      "this comment (`/*`) is never closed: browsers read every rule after it as part of it, and leave them all out",
      hint: "add `*/` where the comment ends",
      code: code
    ).ja(
      "このコメント（`/*`）が閉じられていません。ブラウザーはその後のルールをすべてコメントとして読み、使いません",
      hint: "コメントの終わりに `*/` を書いてください")
  }

  private static func stray(at location: SourceLocation) -> Diagnostic {
    .warning(
      location,
      "this `}` closes no `{`: browsers read it as part of the next rule's selector and drop that rule",
      hint: "remove it, or add the `{` it was meant to close",
      code: code
    ).ja(
      "この `}` に対応する `{` がありません。ブラウザーは次のルールのセレクターの一部として読み、そのルールを使いません",
      hint: "この `}` を消すか、閉じるはずだった `{` を書いてください")
  }
}
