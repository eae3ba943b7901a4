import Diagnostics
import Markdown

/// Footnotes (`本文[^1]` and `[^1]: 注の文`) are not a feature of the Markdown the site is built
/// with (cmark-gfm runs without its footnote extension): a reference is printed as typed, and a
/// definition is read as a link's address, so the note is left out of the page and the
/// reference becomes a link that leads nowhere. The strategy writes notes as text: ※1 after the
/// paragraph.
struct FootnoteRule: Rule {
  let id = "lint.footnote"
  let summary = "A footnote ([^1] or [^1]: …), which the site does not support."

  func check(page: LintPage, _ context: RuleContext) -> [Diagnostic] {
    guard !context.inFrontMatter else { return [] }
    var code = Set<Int>()
    for block in page.codeBlocks {
      // A fenced block's text starts after its fence; the fences hold no notes either.
      code.formUnion(max(block.line - (block.isFenced ? 1 : 0), 1)...max(block.endLine, block.line))
    }
    var found: [Diagnostic] = []
    for (index, text) in page.source.lineTexts.enumerated() where !code.contains(index + 1) {
      guard text.contains("[^") else { continue }
      let line = Array(text)
      var i = 0
      while i + 2 < line.count {
        guard line[i] == "[", line[i + 1] == "^", i == 0 || line[i - 1] != "\\",
          let close = line[(i + 2)...].prefix(40).firstIndex(of: "]"), close > i + 2,
          !line[(i + 2)..<close].contains(where: { $0.isWhitespace || $0 == "[" }),
          line[..<i].count(where: { $0 == "`" }) % 2 == 0
        else {
          i += 1
          continue
        }
        let label = String(line[(i + 2)..<close])
        let at = SourceLocation(
          file: page.source.file, line: index + 1 + page.source.lineOffset, column: i + 1)
        let isDefinition =
          close + 1 < line.count && line[close + 1] == ":"
          && line[..<i].allSatisfy { $0 == " " || $0 == "\t" || $0 == ">" }
        if isDefinition {
          let note = String(line[(close + 2)...]).trimmingWhitespace
          found.append(
            .warning(
              at,
              "footnotes are not supported: the note 「[^\(label)]: …」 is left out of the page (or shown as typed)",
              hint:
                "write the note as text after the paragraph, starting with ※: `※\(label) \(note.isEmpty ? "国の資料によります。" : note)`",
              code: id))
        } else {
          found.append(
            .warning(
              at,
              "footnotes are not supported: 「[^\(label)]」 is shown as typed, or as a link that leads nowhere",
              hint:
                "mark the place with （※\(label)） and write the note as text after the paragraph, starting with ※: `※\(label) 国の資料によります。`",
              code: id))
        }
        i = close + 1
      }
    }
    return found
  }
}
