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

  /// Where `mark`, which Yams gave for `text`, is in it.
  init(_ mark: Mark, in text: String) {
    self =
      text.utf8.withContiguousStorageIfAvailable { Self.place(of: mark, in: $0) }
      ?? Array(text.utf8).withUnsafeBufferPointer { Self.place(of: mark, in: $0) }
  }

  private static func place(of mark: Mark, in bytes: UnsafeBufferPointer<UInt8>) -> YAMLMark {
    let n = bytes.count
    var yamlLine = 1
    var line = 1
    var lineStart = 0  // of the file's line
    var i = 0
    // To the start of Yams' line: after a line feed, CR, NEL (C2 85), LS or PS (E2 80 A8/A9).
    while yamlLine < mark.line, i < n {
      let b = bytes[i]
      i += 1
      if b == 0x0A {
        (yamlLine, line, lineStart) = (yamlLine + 1, line + 1, i)
      } else if b == 0x0D, i == n || bytes[i] != 0x0A {
        yamlLine += 1
      } else if b == 0xC2, i < n, bytes[i] == 0x85 {
        (yamlLine, i) = (yamlLine + 1, i + 1)
      } else if b == 0xE2, i + 1 < n, bytes[i] == 0x80, bytes[i + 1] | 1 == 0xA9 {
        (yamlLine, i) = (yamlLine + 1, i + 2)
      }
    }
    guard yamlLine == mark.line else {
      return YAMLMark(line: line + mark.line - yamlLine, column: mark.column)
    }
    // Over the scalars before the mark (a lead byte each), on its line.
    var scalars = 0
    while scalars < mark.column - 1, i < n, bytes[i] != 0x0A {
      i += 1
      while i < n, bytes[i] & 0xC0 == 0x80 { i += 1 }
      scalars += 1
    }
    let before = UnsafeBufferPointer(rebasing: bytes[lineStart..<i])
    let characters =
      before.allSatisfy { $0 < 0x80 }
      ? before.count : String(decoding: before, as: UTF8.self).count
    return YAMLMark(line: line, column: characters + mark.column - scalars)
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
