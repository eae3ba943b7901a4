import Diagnostics

/// A `---` too many around the front matter. Typed between two keys (or right after the
/// opening one), it closes the front matter early: the keys below it are the page's text, and
/// the writer hears of required keys "missing" that are there, or of nothing at all when none
/// is required. Typed twice at its end, the page starts with a line across it.
enum ExtraClosingLine {
  /// When the page's text starts, right under the closing `---`, with `key: value` lines up to
  /// a second `---`: the error at the first `---`, and the file as meant, that `---` a blank
  /// line (so every line keeps its number), for the file's other mistakes.
  static func closedEarly(_ source: SourceFile) -> (Diagnostic, SourceFile)? {
    // Most pages' text starts with a blank line or a sentence: only the first line is read.
    let firstEnd = source.body.firstIndex(of: "\n") ?? source.body.endIndex
    guard YAMLSlips.keyAndValue(source.body[..<firstEnd]) != nil else { return nil }
    let lines = YAMLSlips.lines(of: source.body)
    // The keys' lines: keys, comments, and indented lines or items under them; no blank line.
    guard
      let end = lines.firstIndex(where: { line in
        line.isFrontMatterFence || line.allSatisfy { $0 == " " || $0 == "\t" }
          || !(line.first == " " || line.first == "#" || line.hasPrefix("- ")
            || YAMLSlips.keyAndValue(line) != nil)
      }), end > 0, lines[end].isFrontMatterFence
    else { return nil }
    let dashes = source.bodyLine - 1
    let (first, last) = (source.bodyLine, source.bodyLine + end - 1)
    let keys =
      first == last
      ? ("line \(first) below it is a key too", "その下の\(first)行目も項目です")
      : ("lines \(first) to \(last) below it are keys too", "その下の\(first)〜\(last)行目も項目です")
    let error = Diagnostic.error(
      SourceLocation(file: source.path, line: dashes, column: 1),
      "the front matter ends at the `---` on line \(dashes), but \(keys.0): a `---` too many",
      hint:
        "remove the `---` on line \(dashes): the front matter ends at the `---` on line \(last + 1)",
      code: "front-matter.closing"
    ).ja(
      "前付けが\(dashes)行目の `---` で終わっていますが、\(keys.1)。`---` が1つ多くあります",
      hint: "\(dashes)行目の `---` を消してください。前付けは、\(last + 1)行目の `---` で終わります")
    var meant = source
    let frontMatterLines =
      dashes > source.frontMatterLine ? YAMLSlips.lines(of: source.frontMatter) : []
    meant.frontMatter = (frontMatterLines + [""] + lines[..<end]).joined(separator: "\n")
    meant.body = lines[(end + 1)...].joined(separator: "\n")
    meant.bodyLine = last + 2
    return (error, meant)
  }

  /// The warning when the page's text starts with `---` right under the closing one.
  static func repeated(_ source: SourceFile) -> Diagnostic? {
    let firstEnd = source.body.firstIndex(of: "\n") ?? source.body.endIndex
    guard source.body[..<firstEnd].isFrontMatterFence else { return nil }
    let line = source.bodyLine
    return .warning(
      SourceLocation(file: source.path, line: line, column: 1),
      "the `---` on line \(line) repeats the closing `---` above it: the page starts with a line across it",
      hint: "remove one of the two `---` lines", code: "front-matter.closing"
    ).ja(
      "\(line)行目の `---` は、すぐ上の閉じる `---` のくり返しです。ページの最初に横線が入ります",
      hint: "2つ並んだ `---` の行の、1つを消してください")
  }
}
