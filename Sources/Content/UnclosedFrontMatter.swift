import Diagnostics

/// A front matter no `---` closes. Reported at 1:1 with "after the last front matter key", it
/// left the writer to find that key; the keys end where the page's text starts (a blank line,
/// or a line that is no key, list item or comment), so the line to add `---` after is named.
extension SourceFile {
  /// The error for `text`, a file whose front matter opened on line 1 and was never closed.
  static func unclosed(_ text: String, path: String) -> Diagnostic {
    let lines = YAMLSlips.lines(of: text)
    guard let last = lastKeyLine(lines) else {
      return .error(
        SourceLocation(file: path, line: 1, column: 1), "the front matter is not closed",
        hint: "add a line `---` after the last front matter key", code: "front-matter.unclosed"
      ).ja("前付けが閉じていません", hint: "前付けの最後の項目の後に、`---` の行を入れてください")
    }
    let shown = YAMLSlips.code(YAMLSlips.shortened(String(lines[last - 1])))
    return .error(
      SourceLocation(file: path, line: last, column: 1),
      "the front matter is not closed: no line `---` follows its last key, on line \(last)",
      hint: "add a line `---` after line \(last) (\(shown))", code: "front-matter.unclosed"
    ).ja(
      "前付けが閉じていません。最後の項目（\(last)行目）の後に `---` の行がありません",
      hint: "\(last)行目（\(shown)）の後に、`---` の行を入れてください")
  }

  /// The 1-based number of the last line of the keys: the last line with text before the first
  /// blank line, or before the first line at the start that YAML would not read as a key, an
  /// item or a comment (`## 見出し`, a sentence); nil when there is none or no such end.
  static func lastKeyLine(_ lines: [Substring]) -> Int? {
    var last: Int?
    for (i, line) in lines.enumerated().dropFirst() {
      if line.allSatisfy({ $0 == " " || $0 == "\t" || $0 == "\u{3000}" }) { return last }
      let atStart = !(line.first == " " || line.first == "\t")
      let comment = line.hasPrefix("#") && !line.hasPrefix("##")
      if atStart, !comment, !line.hasPrefix("-"), YAMLSlips.keyAndValue(line) == nil {
        return last
      }
      if !comment { last = i + 1 }
    }
    return nil
  }
}
