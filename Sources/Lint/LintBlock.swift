import ByteFormats
import Content
import Diagnostics
import Foundation
import Markdown

/// The Markdown body being linted, as lines of characters, so positions found in parsed text can
/// be mapped back to the file the writer edits. `@unchecked Sendable`: its one mutable part,
/// the cache of lines made characters, is only used by the lint of one page, on one thread.
final class SourceText: @unchecked Sendable {
  let file: String
  /// Lines of the file before the body (the front matter), added to every body line.
  let lineOffset: Int
  /// The body's lines, split on their bytes (line ends are `\n` by now). A line becomes
  /// characters only when a position in it is needed: making every line of every page an
  /// array of characters was a tenth of a lint of 10,000 pages.
  let lineTexts: [Substring]

  init(file: String, body: String, lineOffset: Int) {
    self.file = file
    self.lineOffset = lineOffset
    var lines: [Substring] = []
    var start = body.utf8.startIndex
    for i in body.utf8.indices where body.utf8[i] == UInt8(ascii: "\n") {
      lines.append(body[start..<i])
      start = body.utf8.index(after: i)
    }
    lines.append(body[start...])
    lineTexts = lines
    madeLines = Array(repeating: nil, count: lines.count)
  }

  var lineCount: Int { lineTexts.count }

  /// The lines made characters so far: each warning's position and each code-span question
  /// made its line again (a line with ten warnings ten times), 4 % of a lint of 10,000 pages.
  private var madeLines: [[LintCharacter]?]

  /// The characters of line `index` (0-based), made once.
  func line(_ index: Int) -> [LintCharacter] {
    if let made = madeLines[index] { return made }
    let made = LintCharacter.array(lineTexts[index])
    madeLines[index] = made
    return made
  }
}

/// One block of running text as the rules see it: the characters a reader sees, split in
/// sentences, with a way back to the file position of each character. A class, as it never
/// changes once made: every rule reads every block, and copying ten arrays' references in and
/// out for each (a struct's copy) was a tenth of a lint.
final class LintBlock {
  let kind: TextBlock.Kind
  /// The text as read: a ruby group `{漢字|かんじ}` counts as its base `漢字`; the reading is left
  /// out because it is the explanation, not more text.
  let text: [LintCharacter]
  /// Per character of `text`: whether it carries furigana (is a ruby base).
  let furigana: [Bool]
  /// Each ruby group: its base as a range of `text`, its reading (bars and all in a group
  /// with a reading per character) and whether it is such a group.
  let rubyGroups: [(base: Range<Int>, reading: [LintCharacter], perCharacter: Bool)]
  /// Per character of `text`: whether it is part of a glossary term or alias.
  let glossary: [Bool]
  /// Sentences as ranges of `text`, without leading spaces or line breaks.
  let sentences: [Range<Int>]

  /// Furigana for `word` as a hint writes it here: in a table cell the bar is `\|`, since a
  /// bare `|` would end the cell (a hint followed as written would break the table).
  func furiganaExample(_ word: String, reading: String = "…") -> String {
    "{\(word)\(kind == .tableCell ? "\\|" : "|")\(reading)}"
  }

  /// The block text as cmark gives it (ruby groups still written out), which is what the source
  /// lines are aligned with.
  private let raw: [LintCharacter]
  /// Per character of `text`: its offset in `raw`.
  private let rawOffsets: [Int]
  /// Offsets in `raw` where each of its lines starts.
  private let rawLineStarts: [Int]
  private let lineStarts: [SourcePoint]
  private let source: SourceText
  /// `columns(ofLine:start:)` and `backticksBefore(line:)`, made when first asked for.
  private var lineColumns: [Int: (columns: [Int32], end: Int?)] = [:]
  private var backticks: [Int: [Int32]] = [:]

  init(_ block: TextBlock, source: SourceText, context: LintContext) {
    kind = block.kind
    lineStarts = block.lineStarts
    self.source = source
    raw = LintCharacter.array(block.text)
    var lineStartOffsets = [0]
    for (i, c) in raw.enumerated() where c == "\n" { lineStartOffsets.append(i + 1) }
    rawLineStarts = lineStartOffsets

    // At most one entry per character of `raw`: reserved, not grown by doubling (1 % of a
    // lint of 10,000 pages).
    var text: [LintCharacter] = []
    var furigana: [Bool] = []
    var offsets: [Int] = []
    text.reserveCapacity(raw.count)
    furigana.reserveCapacity(raw.count)
    offsets.reserveCapacity(raw.count)
    var groups: [(base: Range<Int>, reading: [LintCharacter], perCharacter: Bool)] = []
    // The groups the page shows as ruby, read as Markdown's `applyRuby` reads them.
    let units = raw
    let found =
      block.text.holdsByte(0x7B)
      ? RubyScanner.groups(count: units.count) { units[$0].rubyMark } : []
    func plain(_ range: Range<Int>) {
      for k in range {
        text.append(units[k])
        furigana.append(false)
        offsets.append(k)
      }
    }
    var i = 0
    for group in found {
      plain(i..<group.open)
      // A reading per character (`{綺麗|き|れい}`, the scanner's readings one per unit of
      // the base): a character given an empty one stays unread (`{麗綺|れい|}` reads 麗 only),
      // as the page shows it outside the ruby.
      let perCharacter = !group.moreBars.isEmpty
      let readings = group.readings
      groups.append(
        (text.count..<(text.count + group.base.count), Array(units[group.reading]), perCharacter))
      for (j, k) in group.base.enumerated() {
        text.append(units[k])
        furigana.append(!perCharacter || !readings[j].isEmpty)
        offsets.append(k)
      }
      i = group.whole.upperBound
    }
    plain(i..<units.count)
    self.text = text
    self.furigana = furigana
    rubyGroups = groups
    rawOffsets = offsets
    glossary = context.glossaryCoverage(text)
    sentences = Self.splitSentences(
      text,
      hardBreaks: Self.hardBreaks(
        text, offsets: offsets, rawLineStarts: lineStartOffsets, lineStarts: block.lineStarts,
        source: source))
  }

  /// The offsets in `text` of the line breaks written hard (a source line ending in `\` or in
  /// two spaces): the page starts the next line under it, so a contact block or an address
  /// typed that way (`千葉県 総務部\`, `電話：043-…\`) is lines, each read on its own, not one
  /// long sentence.
  static func hardBreaks(
    _ text: [LintCharacter], offsets: [Int], rawLineStarts: [Int], lineStarts: [SourcePoint],
    source: SourceText
  ) -> Set<Int> {
    guard rawLineStarts.count > 1 else { return [] }
    var hard: Set<Int> = []
    var line = 0
    for (i, c) in text.enumerated() where c == "\n" {
      while line + 1 < rawLineStarts.count, rawLineStarts[line + 1] <= offsets[i] { line += 1 }
      guard line < lineStarts.count else { break }
      let number = lineStarts[line].line
      guard number >= 1, number <= source.lineTexts.count else { continue }
      let written = source.lineTexts[number - 1]
      if written.hasSuffix("\\") || written.hasSuffix("  ") { hard.insert(i) }
    }
    return hard
  }

  /// Splits at 。！？ (keeping a closing bracket after them in the sentence) and at the end of
  /// the block, so each list item and table cell is a sentence of its own. A line break inside
  /// a paragraph does not end a sentence: a sentence wrapped in the source is still one sentence;
  /// one written hard (`hardBreaks`, a `\` or two spaces at the line's end) does.
  static func splitSentences(_ text: [LintCharacter], hardBreaks: Set<Int> = []) -> [Range<Int>] {
    var sentences: [Range<Int>] = []
    var start: Int?
    var i = 0
    while i < text.count {
      let c = text[i]
      if start == nil {
        if c.isWhitespace {
          i += 1
          continue
        }
        start = i
      }
      if c == "\n", !hardBreaks.isEmpty, hardBreaks.contains(i) {
        var end = i
        while end > start!, text[end - 1].isWhitespace { end -= 1 }
        if end > start! { sentences.append(start!..<end) }
        start = nil
        i += 1
        continue
      }
      if c.endsSentence {
        var end = i + 1
        while end < text.count, text[end].endsSentence || text[end].isClosingBracket { end += 1 }
        sentences.append(start!..<end)
        start = nil
        i = end
        continue
      }
      i += 1
    }
    if let start {
      var end = text.count
      while end > start, text[end - 1].isWhitespace { end -= 1 }
      if end > start { sentences.append(start..<end) }
    }
    return sentences
  }

  /// The file position of character `offset` of `text` (the end of the block for `text.count`).
  /// The body line (from 1) the block starts on.
  var line: Int { lineStarts.first?.line ?? 1 }

  func location(of offset: Int) -> SourceLocation {
    let (line, index) = sourceIndex(of: offset)
    return SourceLocation(file: source.file, line: line + source.lineOffset, column: index + 1)
  }

  /// Whether character `offset` sits inside a code span (between backticks) in the source, where
  /// words are code rather than prose.
  func isInCodeSpan(_ offset: Int) -> Bool {
    let (line, index) = sourceIndex(of: offset)
    guard line >= 1, line <= source.lineCount else { return false }
    let backticks = backticksBefore(line: line)
    return backticks[min(index, backticks.count - 1)] % 2 == 1
  }

  /// For each character index of body line `line` (1-based), how many backticks come before
  /// it; counted once a line (a count a call made a line of thousands of slips quadratic).
  private func backticksBefore(line: Int) -> [Int32] {
    if let made = backticks[line] { return made }
    let chars = source.line(line - 1)
    var counts: [Int32] = [0]
    counts.reserveCapacity(chars.count + 1)
    for c in chars { counts.append(counts[counts.count - 1] + (c == "`" ? 1 : 0)) }
    backticks[line] = counts
    return counts
  }

  /// The characters of the body line that character `offset` of `text` is written on, as
  /// written (markup cmark's text leaves out included: a link's `[`, `](…)`, a `\`), and the
  /// index of that character in them; nil where the place is not known.
  func sourceCharacters(of offset: Int) -> (line: Int, characters: [LintCharacter], index: Int)? {
    let (line, index) = sourceIndex(of: offset)
    guard line >= 1, line <= source.lineCount else { return nil }
    let characters = source.line(line - 1)
    guard index < characters.count else { return nil }
    return (line, characters, index)
  }

  /// The characters of body line `line` (1-based) as written; nil past the body.
  func sourceLineCharacters(_ line: Int) -> [LintCharacter]? {
    line >= 1 && line <= source.lineCount ? source.line(line - 1) : nil
  }

  /// Whether character `offset` of `text` is written escaped (`\*`): shown as typed because
  /// the writer asked for it.
  func isEscaped(_ offset: Int) -> Bool {
    guard let (_, characters, index) = sourceCharacters(of: offset) else { return false }
    var backslashes = 0
    while index - backslashes > 0, characters[index - backslashes - 1] == "\\" { backslashes += 1 }
    return backslashes % 2 == 1
  }

  /// The body line (1-based) that character `offset` of `text` is written on, and that line's
  /// text as written (container marks such as `>` and the indentation included).
  func sourceLine(of offset: Int) -> (line: Int, text: Substring)? {
    let (line, _) = sourceIndex(of: offset)
    guard line >= 1, line <= source.lineCount else { return nil }
    return (line, source.lineTexts[line - 1])
  }

  /// Body line (1-based) and character index (0-based) in that line. cmark's text drops markup
  /// (`**`, `[`, `](url)`, `## `), so the line is walked from the block's start column matching
  /// the text character by character and skipping what does not match.
  /// Each line is matched once (`columns`) and looked up after: matched anew from the line's
  /// start for every call, a line of thousands of warnings took seconds.
  private func sourceIndex(of offset: Int) -> (line: Int, index: Int) {
    let rawOffset = offset < rawOffsets.count ? rawOffsets[offset] : raw.count
    // The last line starting at or before the offset.
    var low = 0
    var high = rawLineStarts.count - 1
    while low < high {
      let mid = (low + high + 1) / 2
      if rawLineStarts[mid] <= rawOffset { low = mid } else { high = mid - 1 }
    }
    let lineIndex = low
    let start = lineStarts[min(lineIndex, lineStarts.count - 1)]
    let first = rawLineStarts[lineIndex]
    let fallback = (start.line, start.column - 1 + (rawOffset - first))
    guard start.line >= 1, start.line <= source.lineCount else { return fallback }
    let map = columns(ofLine: lineIndex, start: start)
    let k = rawOffset - first
    if k < map.columns.count {
      let q = map.columns[k]
      return q >= 0 ? (start.line, Int(q)) : fallback
    }
    return map.end.map { (start.line, $0) } ?? fallback
  }

  /// For each character of `raw`'s line `lineIndex`, its index in the source line (-1 from the
  /// first that cannot be matched: then the place is counted from the line's start), and the
  /// index after the last.
  private func columns(ofLine lineIndex: Int, start: SourcePoint) -> (
    columns: [Int32], end: Int?
  ) {
    if let made = lineColumns[lineIndex] { return made }
    let line = source.line(start.line - 1)
    var columns: [Int32] = []
    var p = start.column - 1
    var j = rawLineStarts[lineIndex]
    var matched = true
    while j < raw.count, raw[j] != "\n" {
      if matched {
        var q = max(p, 0)
        while q < line.count, line[q] != raw[j] { q += 1 }
        if q == line.count {
          matched = false
        } else {
          columns.append(Int32(q))
          p = q + 1
        }
      }
      if !matched { columns.append(-1) }
      j += 1
    }
    let made = (columns, matched ? p : nil)
    lineColumns[lineIndex] = made
    return made
  }
}

/// A whole page for rules that compare sentences or words across blocks.
struct LintPage {
  let blocks: [LintBlock]
  let links: [LinkReference]
  var rawHTML: [RawHTML] = []
  /// HTML comment blocks left open, which hide the rest of the page (`openComments`).
  var openComments: [RawHTML] = []
  var emptySections: [EmptySection] = []
  /// The code blocks and tables of the body, where they are written.
  var codeBlocks: [CodeBlockPlace] = []
  var tables: [TablePlace] = []
  let source: SourceText
  /// The front matter key (`title`, `summary`…) when the page is one value of the front
  /// matter, linted as a body of its own; nil for a body.
  var frontMatterKey: String? = nil
  /// The page's folder relative to `content/` (`initiatives`), which its links start from;
  /// nil when the file is not known to be under `content/`.
  var directory: String? = nil
  /// The year of a date written without one (12月18日(木)) on an event's page
  /// (`EventMeta.yearOfDay`), so its weekday is checked too; nil elsewhere.
  var yearOfDay: DayYears? = nil

  /// The lines of the body (from 1) inside code blocks, their fences included: text there is
  /// shown as typed, so rules reading the source lines leave it alone.
  var codeLines: Set<Int> {
    var lines = Set<Int>()
    for block in codeBlocks {
      lines.formUnion(
        max(block.line - (block.isFenced ? 1 : 0), 1)...max(block.endLine, block.line))
    }
    return lines
  }

  /// The file position of a link or image (its `[`, placed by `MarkdownDocument`).
  func location(of link: LinkReference) -> SourceLocation {
    SourceLocation(file: source.file, line: link.line + source.lineOffset, column: link.column)
  }
}
