import Diagnostics
import Markdown

extension TableCellsRule {
  /// Rows typed with the Japanese input on: `｜日時｜場所｜` (a full-width ｜ separates no
  /// cells) and `|ーーー|ーーー|` or `｜---｜---｜` (no delimiter row, so no table). The first
  /// such line of each table, outside code, when a line next to it is a row too.
  func fullWidthRows(_ page: LintPage) -> [Diagnostic] {
    let code = page.codeLines
    let texts = page.source.lineTexts
    // Only lines holding a bar and a character outside ASCII can be rows typed full-width; of
    // those, only a line holding a `｜` can be a full-width row, and only one made of what a
    // delimiter row (after a quote's `>` or a list's marker) holds can be one. Only those and
    // the lines next to them are made characters (every table row was, a sixteenth of a lint
    // of 10,000 pages).
    let candidates = texts.indices.filter { i in
      !code.contains(i + 1) && Self.hasBar(texts[i]) && texts[i].utf8.contains { $0 >= 0x80 }
        && (Self.hasBar(texts[i], fullWidthOnly: true)
          || texts[i].allSatisfy { Self.delimiterLineCharacters.contains($0) })
    }
    guard !candidates.isEmpty else { return [] }
    var lines = [[Character]](repeating: [], count: texts.count)
    for i in candidates {
      for j in max(0, i - 1)...min(texts.count - 1, i + 1)
      where lines[j].isEmpty && !code.contains(j + 1) && Self.hasBar(texts[j]) {
        lines[j] = Array(texts[j])
      }
    }
    func isRow(_ index: Int) -> Bool {
      guard index >= 0, index < lines.count, case let line = lines[index],
        let first = line[Self.prefix(of: line)...].first
      else { return false }
      return first == "|" || first == "｜"
    }
    var found: [Diagnostic] = []
    var previousReported = false
    /// The index in `found` of the warning of the run of rows this line is in.
    var reportedRun: Int?
    var previous = -2
    for index in candidates {
      // A line between two candidates is no row of this kind: it ends the run.
      if index != previous + 1 { previousReported = false }
      previous = index
      let line = lines[index]
      let body = line[Self.prefix(of: line)...]
      let isDelimiter =
        body.contains { "|｜".contains($0) } && body.contains { Self.dashes.contains($0) }
        && body.allSatisfy { Self.delimiterCharacters.contains($0) }
        && body.contains { Self.fullWidth.contains($0) }
      // A `｜` in furigana (`{匝瑳｜そうさ}`) is its bar, not a cell's: left as it is.
      let inFurigana = Self.inFurigana(body)
      var cellBars = 0
      for (c, furigana) in zip(body, inFurigana) where c == "｜" && !furigana { cellBars += 1 }
      let isFullWidthRow = (body.first == "｜" || body.last == "｜") && cellBars >= 2
      guard isDelimiter || isFullWidthRow, isRow(index - 1) || isRow(index + 1) else {
        previousReported = false
        continue
      }
      // What --fix writes: a delimiter row all half-width; a row of cells only its bars, as
      // a ー or a full-width space in a cell is the cell's text.
      let halfWidth = String(
        zip(body, inFurigana).map { c, furigana -> Character in
          switch c {
          case "｜" where !furigana: "|"
          case "：" where isDelimiter: ":"
          case "\u{3000}" where isDelimiter: " "
          default: isDelimiter && Self.dashes.contains(c) ? "-" : c
          }
        })
      let place = SourceLocation(
        file: page.source.file, line: index + 1 + page.source.lineOffset,
        column: Self.prefix(of: line) + 1)
      // The table's other such rows are fixed with its first, which alone is reported.
      if previousReported {
        if let last = reportedRun {
          found[last] = found[last].fixing(String(body), with: halfWidth, at: place)
        }
        continue
      }
      previousReported = true
      reportedRun = nil
      guard let slip = body.firstIndex(where: { Self.fullWidth.contains($0) }) else { continue }
      let fixed = halfWidth.trimmingWhitespace
      let message =
        isDelimiter
        ? "`\(String(body).trimmingWhitespace)` is not a |---| row: 「\(line[slip])」 (full-width) is not a \(line[slip] == "｜" ? "|" : "dash"), so no table is made and the page shows the lines as typed"
        : "「｜」 (full-width) does not separate cells: the page shows this line as typed, with its ｜"
      let messageJa =
        isDelimiter
        ? "`\(String(body).trimmingWhitespace)` は |---| の行になりません。「\(line[slip])」は全角なので \(line[slip] == "｜" ? "`|`" : "`-`") の代わりにならず、表が作られずに書いたまま表示されます"
        : "全角の「｜」ではセルが分かれません。この行は ｜ も含めて書いたまま表示されます"
      found.append(
        .warning(
          SourceLocation(
            file: page.source.file, line: index + 1 + page.source.lineOffset, column: slip + 1),
          message,
          hint:
            "type the table's `|` and `-` half-width (with the Japanese input off): `\(fixed)`",
          code: id
        ).ja(
          messageJa, hint: "表の `|` と `-` は、日本語入力をオフにして半角で入力してください：`\(fixed)`"
        ).fixing(String(body), with: halfWidth, at: place))
      reportedRun = found.count - 1
    }
    return found
  }

  /// Per character of `line`: whether it is inside braces closed on the line (a furigana
  /// group).
  static func inFurigana<S: Collection<Character>>(_ line: S) -> [Bool] {
    var inside: [Bool] = []
    var open = false
    let chars = Array(line)
    for (k, c) in chars.enumerated() {
      if c == "{", chars[(k + 1)...].contains("}") { open = true }
      inside.append(open)
      if c == "}" { open = false }
    }
    return inside
  }

  /// What a delimiter row typed with the Japanese input on holds.
  static let dashes: Set<Character> = ["-", "ー", "－", "―", "‐", "—", "─"]
  static let fullWidth: Set<Character> = ["｜", "ー", "－", "―", "‐", "—", "─", "：", "\u{3000}"]
  static let delimiterCharacters: Set<Character> = dashes.union([
    "|", "｜", ":", "：", " ", "\t", "\u{3000}",
  ])
  /// What a line that is a delimiter row holds: its characters, and a quote's or a list
  /// item's marker before it (`prefix(of:)`).
  static let delimiterLineCharacters = delimiterCharacters.union(
    [">", "*", "+", ".", ")"] + (0...9).map { Character(String($0)) })
}
