import ByteFormats
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
  let japaneseSummary = "このサイトでは使えない脚注（[^1] や [^1]: …）があります。"

  func check(page: LintPage, _ context: RuleContext) -> [Diagnostic] {
    guard !context.inFrontMatter else { return [] }
    let code = page.codeLines
    // What is inside an HTML comment (`<!-- … -->`) is not on the page.
    var inComment = false
    let lines: [[Character]] = page.source.lineTexts.enumerated().map { index, text in
      guard !code.contains(index + 1) else { return [] }
      // Most lines hold neither a note nor a comment: they are not made characters.
      // Bytes first: Foundation's substring search on every line of every page was a tenth of
      // a lint of 10,000 pages.
      guard inComment || (text.holdsByte(0x3C) && text.contains("<!--")) else {
        return text.holdsByte(0x5E) && text.contains("[^") ? Array(text) : []
      }
      var line = Array(text)
      var i = 0
      var start = inComment ? 0 : nil as Int?
      while i < line.count {
        if start == nil, line.hasPrefix(Array("<!--"), at: i) {
          start = i
          i += 4
        } else if let s = start, line.hasPrefix(Array("-->"), at: i) {
          for k in s..<(i + 3) { line[k] = " " }
          start = nil
          i += 3
        } else {
          i += 1
        }
      }
      if let s = start { for k in s..<line.count { line[k] = " " } }
      inComment = start != nil
      return line
    }
    // Each footnote's own words, for the hint at its references.
    var notes: [String: String] = [:]
    for line in lines {
      let first = line.firstIndex { $0 != " " && $0 != "\t" && $0 != ">" } ?? 0
      guard let (label, close) = Self.reference(at: first, in: line),
        close + 1 < line.count, line[close + 1] == ":",
        case let note = String(line[(close + 2)...]).trimmingWhitespace, !note.isEmpty,
        notes[label] == nil
      else { continue }
      notes[label] = String(note)
    }
    var found: [Diagnostic] = []
    for (index, line) in lines.enumerated() where line.contains("^") {
      var i = 0
      while i + 2 < line.count {
        guard let (_, close) = Self.reference(at: i, in: line),
          i == 0 || line[i - 1] != "\\",
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
              code: id
            ).ja(
              "脚注は使えません。注「[^\(label)]: …」はページに表示されません（または書いたまま表示されます）",
              hint:
                "注は段落の後ろに、※で始まる文として書いてください：`※\(label) \(note.isEmpty ? "国の資料によります。" : note)`"
            ))
        } else {
          found.append(
            .warning(
              at,
              "footnotes are not supported: 「[^\(label)]」 is shown as typed, or as a link that leads nowhere",
              hint:
                "mark the place with （※\(label)） and write the note as text after the paragraph, starting with ※: `※\(label) \(notes[label] ?? "国の資料によります。")`",
              code: id
            ).ja(
              "脚注は使えません。「[^\(label)]」は書いたまま表示されるか、どこにも移動しないリンクになります",
              hint:
                "その場所には（※\(label)）と書き、注は段落の後ろに、※で始まる文として書いてください：`※\(label) \(notes[label] ?? "国の資料によります。")`"
            ))
        }
        i = close + 1
      }
    }
    return found
  }

  /// `[^label]` at `i` (a label of up to 40 characters without spaces or `[`): the label and
  /// the offset of `]`.
  static func reference(at i: Int, in line: [Character]) -> (String, Int)? {
    guard i + 2 < line.count, line[i] == "[", line[i + 1] == "^",
      let close = line[(i + 2)...].prefix(40).firstIndex(of: "]"), close > i + 2,
      !line[(i + 2)..<close].contains(where: { $0.isWhitespace || $0 == "[" })
    else { return nil }
    return (String(line[(i + 2)..<close]), close)
  }
}
