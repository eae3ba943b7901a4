import Diagnostics
import Foundation

/// A git merge conflict left in a file (`<<<<<<< HEAD` … `=======` … `>>>>>>> branch`): in the
/// front matter it was "line 2 is not key: value" with a hint about YAML's `<<`, in the body it
/// was published as a heading of `<<<<<<< HEAD`. Said as what it is, at its first marker.
enum MergeConflicts {
  /// The lines (1-based) of the first conflict's `<<<<<<<` and of its `>>>>>>>` (nil when the
  /// file stops before one); nil when the file has no line starting with `<<<<<<<` followed
  /// by `=======` and `>>>>>>>` lines.
  static func first(in bytes: [UInt8]) -> (start: Int, end: Int?)? {
    // Most files hold no `<<<<<<<` at all: one pass without splitting lines.
    guard hasMarker(bytes) else { return nil }
    var start: Int?
    var middle = false
    var line = 1
    var atLineStart = true
    // A fenced code block (a page showing what a conflict looks like) holds no conflict: its
    // fence character while inside one.
    var fence: UInt8?
    var index = bytes.startIndex
    while index != bytes.endIndex {
      if atLineStart {
        let rest = bytes[index...]
        let opening = rest.prefix(3)
        if start == nil, opening.count == 3, opening.allSatisfy({ $0 == opening.first }),
          opening.first == 0x60 || opening.first == 0x7E, fence == nil || fence == opening.first
        {
          fence = fence == nil ? opening.first : nil
        } else if fence != nil {
          // Inside a fenced block: no line is a marker.
        } else if isMarkerLine(rest, 0x3C) {
          start = start ?? line
        } else if start != nil, isMarkerLine(rest, 0x3D, alone: true) {
          middle = true
        } else if start != nil, middle, isMarkerLine(rest, 0x3E) {
          return (start!, line)
        }
      }
      atLineStart = bytes[index] == 0x0A
      if atLineStart { line += 1 }
      index = bytes.index(after: index)
    }
    return start.map { middle ? ($0, nil) : nil } ?? nil
  }

  /// Whether the line `rest` starts is a marker: seven of `byte`, then the end of the line or
  /// (unless `alone`, as `=======` is) a space and a name (`<<<<<<< HEAD`).
  private static func isMarkerLine(_ rest: ArraySlice<UInt8>, _ byte: UInt8, alone: Bool = false)
    -> Bool
  {
    guard rest.count >= 7, rest.prefix(7).allSatisfy({ $0 == byte }) else { return false }
    let after = rest.dropFirst(7).first
    return after == nil || after == 0x0A || after == 0x0D || (!alone && after == 0x20)
  }

  /// Whether `<<<<<<<` occurs anywhere, found with `memchr`: a byte loop over 30 MB of pages
  /// cost a build tens of milliseconds.
  private static func hasMarker(_ bytes: [UInt8]) -> Bool {
    bytes.withUnsafeBufferPointer { buffer in
      guard let base = buffer.baseAddress else { return false }
      var offset = 0
      while offset + 7 <= buffer.count {
        guard let found = memchr(base + offset, 0x3C, buffer.count - offset) else { return false }
        let at = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
        if (at..<at + 7).allSatisfy({ $0 < buffer.count && buffer[$0] == 0x3C }) { return true }
        offset = at + 1
      }
      return false
    }
  }

  /// The error at the first conflict of `path`.
  static func error(path: String, start: Int, end: Int?) -> Diagnostic {
    let span = end.map { "lines \(start) to \($0)" } ?? "from line \(start)"
    let spanJa = end.map { "\(start)行目から\($0)行目" } ?? "\(start)行目から"
    return .error(
      SourceLocation(file: path, line: start, column: 1),
      "a git merge conflict is left in the file (\(span)): both versions are in it, between `<<<<<<<`, `=======` and `>>>>>>>`",
      hint:
        "keep the text meant (yours is between `<<<<<<<` and `=======`, the other between `=======` and `>>>>>>>`), delete the rest and the three marker lines, then save",
      code: "source.merge-conflict"
    ).ja(
      "git のマージで衝突した跡が残っています（\(spanJa)）。`<<<<<<<`、`=======`、`>>>>>>>` の間に、2つの版が両方入っています",
      hint:
        "残す文章を選び（自分の版は `<<<<<<<` と `=======` の間、もう一方は `=======` と `>>>>>>>` の間）、残りと3つの印の行を消して保存してください"
    )
  }
}
