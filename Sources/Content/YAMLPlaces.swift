import Yams

/// A place in a YAML text as its writer counts: the line at line feeds, as the file's lines
/// are, and the column in characters, as every diagnostic counts it (`docs/lint.md`). Yams
/// counts a column in Unicode scalars (a flag, or が typed as か and a combining mark, is two)
/// and starts a line at NEL, LS and PS too, which no editor shows as a line of the file.
struct YAMLMark: Equatable {
  /// 1-based, within the YAML text.
  var line: Int
  var column: Int

  init(line: Int, column: Int) {
    (self.line, self.column) = (line, column)
  }

  /// Where `mark`, which Yams gave for `text`, is in it (`YAMLPlacer` for many marks).
  init(_ mark: Mark, in text: String) {
    self = YAMLPlacer(text).place(mark)
  }
}

/// Marks placed in one text. Yams ends a line at CR, NEL, LS and PS too and counts columns in
/// scalars; the file's lines end at line feeds and its columns count characters. The start of
/// each of Yams' lines is remembered, and a file line's scalars and characters are found once,
/// when a mark on it first needs them: 4,000 tags on one line placed each by a walk from the
/// text's start took over a second.
final class YAMLPlacer {
  private let text: String
  /// Read when the first mark is placed: most texts have none to place.
  private lazy var bytes = Array(text.utf8)
  /// Yams' line number → (the byte it starts at, the file's line, the byte that line starts at).
  private var yamlLines: [(start: Int, line: Int, lineStart: Int)] = [(0, 1, 0)]
  /// How far the walk over the bytes has come: the byte, the file's line, its first byte.
  private var scanned = (i: 0, line: 1, lineStart: 0)
  /// The file line last measured: where it starts, and the bytes its scalars and its
  /// characters start at, with its end.
  private var measured: (lineStart: Int, scalars: [Int], characters: [Int])?

  init(_ text: String) { self.text = text }

  func place(_ mark: Mark) -> YAMLMark {
    guard mark.line >= 1 else { return YAMLMark(line: mark.line, column: mark.column) }
    let n = bytes.count
    // On to the start of Yams' line, remembering each line found: after a line feed, CR,
    // NEL (C2 85), LS or PS (E2 80 A8/A9).
    var (i, line, lineStart) = scanned
    while yamlLines.count < mark.line, i < n {
      let b = bytes[i]
      i += 1
      if b == 0x0A {
        (line, lineStart) = (line + 1, i)
      } else if b == 0xC2, i < n, bytes[i] == 0x85 {
        i += 1
      } else if b == 0xE2, i + 1 < n, bytes[i] == 0x80, bytes[i + 1] | 1 == 0xA9 {
        i += 2
      } else if b != 0x0D || (i < n && bytes[i] == 0x0A) {
        continue  // no line break here (a CR before a line feed is the feed's)
      }
      yamlLines.append((i, line, lineStart))
    }
    scanned = (i, line, lineStart)
    guard mark.line <= yamlLines.count else {
      let last = yamlLines[yamlLines.count - 1]
      return YAMLMark(line: last.line + mark.line - yamlLines.count, column: mark.column)
    }
    let start = yamlLines[mark.line - 1]
    let (scalars, characters) = measure(lineStart: start.lineStart)
    // Over the scalars before the mark, on its file line.
    let first = Self.count(below: start.start, in: scalars)
    let taken = max(0, min(mark.column - 1, scalars.count - 1 - first))
    let at = scalars[first + taken]
    return YAMLMark(
      line: start.line,
      column: Self.count(below: at, in: characters) + mark.column - taken)
  }

  /// The starts of the scalars and characters of the file line at `lineStart`, each list
  /// ending with the line's end.
  private func measure(lineStart: Int) -> (scalars: [Int], characters: [Int]) {
    if let measured, measured.lineStart == lineStart {
      return (measured.scalars, measured.characters)
    }
    var end = lineStart
    while end < bytes.count, bytes[end] != 0x0A { end += 1 }
    let slice = bytes[lineStart..<end]
    var scalars: [Int] = []
    for j in slice.indices where slice[j] & 0xC0 != 0x80 { scalars.append(j) }
    scalars.append(end)
    var characters: [Int] = []
    if slice.allSatisfy({ $0 < 0x80 }) {
      characters = Array(lineStart...end)
    } else {
      let line = String(decoding: slice, as: UTF8.self)
      var offset = lineStart
      for c in line {
        characters.append(offset)
        offset += c.utf8.count
      }
      characters.append(end)
    }
    measured = (lineStart, scalars, characters)
    return (scalars, characters)
  }

  /// How many of `starts` (ascending) are below `offset`.
  private static func count(below offset: Int, in starts: [Int]) -> Int {
    var (low, high) = (0, starts.count)
    while low < high {
      let middle = (low + high) / 2
      if starts[middle] < offset { low = middle + 1 } else { high = middle }
    }
    return low
  }
}

/// The construct Yams was reading when it gave up (`while scanning a quoted scalar`), at a
/// `YAMLMark`.
struct YAMLContext {
  var text: String
  var mark: YAMLMark
}

extension YamlError.Context {
  /// The context with its mark placed in `text`, the text Yams read.
  func at(_ text: String) -> YAMLContext {
    YAMLContext(text: self.text, mark: YAMLMark(mark, in: text))
  }
}

/// Where a character of a front matter as repaired (`YAMLSlips.repairedSlips`) is in the
/// writer's text, so a diagnostic of the repaired text points at what the writer typed. A
/// repair rewrites one line as one line, so lines keep their numbers; in the line, it changes
/// one stretch of characters (the indentation, a `：` and the spaces after it, a space added
/// after `:`), and the rest is as typed.
struct YAMLRepairs: Sendable, Equatable {
  /// `removed` characters of a line from `start` (from 0) replaced by `inserted` ones.
  struct Edit: Sendable, Equatable {
    var start: Int
    var removed: Int
    var inserted: Int
  }

  /// The edits of each repaired line (1-based), in the order they were made.
  private var edits: [Int: [Edit]] = [:]

  static let none = YAMLRepairs()

  /// That `line` was `written` and now is `repaired`: the edit is the stretch between what the
  /// two have in common at their start and at their end.
  mutating func record(
    line: Int, from written: some StringProtocol, to repaired: some StringProtocol
  ) {
    let (a, b) = (Array(written), Array(repaired))
    let shorter = min(a.count, b.count)
    var start = 0
    while start < shorter, a[start] == b[start] { start += 1 }
    var end = 0
    while end < shorter - start, a[a.count - 1 - end] == b[b.count - 1 - end] { end += 1 }
    edits[line, default: []].append(
      Edit(start: start, removed: a.count - start - end, inserted: b.count - start - end))
  }

  /// The writer's column (from 1, in characters) of `column` on `line` of the repaired text.
  /// A character a repair wrote stands for the one it replaced (`:` for `：`), or else for the
  /// one it was put before (the value after a space added after `:`).
  func column(_ column: Int, onLine line: Int) -> Int {
    guard let lineEdits = edits[line] else { return column }
    var i = column - 1
    for edit in lineEdits.reversed() {
      if i >= edit.start + edit.inserted {
        i += edit.removed - edit.inserted
      } else if i >= edit.start {
        i = edit.start + min(i - edit.start, max(edit.removed - 1, 0))
      }
    }
    return i + 1
  }
}
