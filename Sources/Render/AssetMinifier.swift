import Foundation

/// The theme's scripts and stylesheets as published: without comments, leading indentation,
/// trailing spaces and blank lines. Residents search on phones over slow mobile data, and every
/// byte of search.js is in each first search (docs/search.md). Conservative on purpose: the
/// code's tokens and their order are untouched and nothing is renamed; strings, template
/// literals, regular expressions and `url(…)` are copied byte for byte, and `/*!` (licence)
/// comments are kept. A JavaScript line break is always kept (automatic semicolon insertion
/// depends on them). Whatever the scanner cannot follow for certain (a string or regular
/// expression running into a line's end, a comment or template never closed, brackets that
/// do not pair) leaves the file exactly as written.
enum AssetMinifier {
  /// The bytes to publish for the asset at `path` (under `assets/`): `.js`, `.mjs` and `.css`
  /// minified, every other file as it is.
  static func published(_ data: Data, at path: String) -> Data {
    let bytes = [UInt8](data)
    let minified: [UInt8]?
    switch (path as NSString).pathExtension.lowercased() {
    case "js", "mjs": minified = JavaScriptMinifier.minify(bytes)
    case "css": minified = minifyCSS(bytes)
    default: minified = nil
    }
    guard let minified, minified.count <= bytes.count else { return data }
    return Data(minified)
  }

  /// A stylesheet without comments and spaces that mean nothing. CSS line breaks are
  /// whitespace, so beside `{`, `}`, `;` and `,` they go too; elsewhere one is kept.
  static func minifyCSS(_ s: [UInt8]) -> [UInt8]? {
    var w = LineWriter(joinsCSS: true)
    var i = 0
    while i < s.count {
      let c = s[i]
      switch c {
      case 0x20, 0x09, 0x0C:
        w.whitespace()
        i += 1
      case 0x0A, 0x0D:
        w.lineBreak()
        i += 1
      case 0x2F where i + 1 < s.count && s[i + 1] == 0x2A:
        guard let end = commentEnd(s, from: i) else { return nil }
        if end > i + 2, s[i + 2] == 0x21 {
          w.append(s[i..<end])
        } else if !w.canDropComment(before: end < s.count ? s[end] : nil) {
          // `.a/**/.b` is `.a.b`, yet a space would make it `.a .b`: kept, emptied.
          w.append(s[i..<i + 2] + s[end - 2..<end])
        }
        i = end
      case 0x22, 0x27:
        guard let end = stringEnd(s, from: i) else { return nil }
        w.append(s[i..<end])
        i = end
      case 0x5C:
        w.append(s[i..<min(s.count, i + 2)])
        i += 2
      default:
        if let end = unquotedURLEnd(s, at: i) {
          guard end > 0 else { return nil }
          w.append(s[i..<end])
          i = end
        } else {
          w.append(s[i..<i + 1])
          i += 1
        }
      }
    }
    return w.finish()
  }

  /// Where the `/* … */` starting at `start` ends (past `*/`); nil when it is never closed.
  static func commentEnd(_ s: [UInt8], from start: Int) -> Int? {
    var j = start + 2
    while j + 1 < s.count {
      if s[j] == 0x2A, s[j + 1] == 0x2F { return j + 2 }
      j += 1
    }
    return nil
  }

  /// Where the string opened by the quote at `start` ends (past its closing quote); nil when a
  /// line ends first (a broken string: better left as written) or the file does.
  static func stringEnd(_ s: [UInt8], from start: Int) -> Int? {
    var j = start + 1
    while j < s.count {
      switch s[j] {
      case 0x5C:
        j += s[min(j + 1, s.count - 1)] == 0x0D && j + 2 < s.count && s[j + 2] == 0x0A ? 3 : 2
        continue
      case s[start]: return j + 1
      case 0x0A, 0x0D: return nil
      default: j += 1
      }
    }
    return nil
  }

  /// At `url(` not quoted (`url(data:image/svg+xml;…//…)`), where it ends, past `)`: what it
  /// holds is no comment and no string, copied as it is. 0 when no `)` closes it on its line;
  /// nil when `i` starts no such `url(`.
  static func unquotedURLEnd(_ s: [UInt8], at i: Int) -> Int? {
    guard i + 4 <= s.count, s[i] | 0x20 == 0x75, s[i + 1] | 0x20 == 0x72,
      s[i + 2] | 0x20 == 0x6C, s[i + 3] == 0x28,
      i == 0 || !isCSSNameByte(s[i - 1])
    else { return nil }
    var j = i + 4
    while j < s.count, s[j] == 0x20 || s[j] == 0x09 { j += 1 }
    guard j < s.count, s[j] != 0x22, s[j] != 0x27 else { return nil }
    while j < s.count, s[j] != 0x29 {
      if s[j] == 0x0A || s[j] == 0x0D { return 0 }
      j += s[j] == 0x5C ? 2 : 1
    }
    return j < s.count ? j + 1 : 0
  }

  static func isCSSNameByte(_ b: UInt8) -> Bool {
    b >= 0x80 || b == 0x2D || b == 0x5F || b == 0x5C || (b >= 0x30 && b <= 0x39)
      || (b | 0x20 >= 0x61 && b | 0x20 <= 0x7A)
  }
}

/// Writes code a piece at a time, dropping the whitespace a line starts and ends with, blank
/// lines, and (in CSS) the line breaks and spaces beside `{`, `}`, `;` and `,`. Runs of spaces
/// between tokens become one.
struct LineWriter {
  private(set) var bytes: [UInt8] = []
  /// Whether the line being written has anything yet: leading whitespace goes (and, in a
  /// stylesheet, blank lines).
  private var lineHasContent = false
  private var space = false
  /// A CSS line break not yet written: dropped if what follows joins safely.
  private var heldBreak = false
  let joinsCSS: Bool

  /// CSS punctuation that whitespace beside means nothing to.
  private static let joining: Set<UInt8> = [0x7B, 0x7D, 0x3B, 0x2C]

  init(joinsCSS: Bool) { self.joinsCSS = joinsCSS }

  mutating func whitespace() {
    if lineHasContent { space = true }
  }

  /// In a script every line break is written, blank lines too, so each line of code keeps its
  /// number (the browser's errors and breakpoints point at the source's lines); in a
  /// stylesheet a break is held, and dropped where what follows joins safely.
  mutating func lineBreak() {
    if !joinsCSS {
      bytes.append(0x0A)
      (space, lineHasContent) = (false, false)
      return
    }
    guard lineHasContent else { return }
    (space, lineHasContent) = (false, false)
    heldBreak = true
  }

  mutating func append(_ piece: ArraySlice<UInt8>) {
    guard let first = piece.first else { return }
    let joins = joinsCSS && (Self.joining.contains(first) || Self.joining.contains(bytes.last ?? 0))
    if heldBreak {
      if !joins { bytes.append(0x0A) }
    } else if space, !joins {
      bytes.append(0x20)
    }
    (space, heldBreak, lineHasContent) = (false, false, true)
    bytes += piece
  }

  /// Whether a CSS comment can go without a trace: nothing or whitespace on one side, or
  /// punctuation that ends a token on either.
  func canDropComment(before next: UInt8?) -> Bool {
    guard lineHasContent, !space, let last = bytes.last, let next else { return true }
    let ends: Set<UInt8> = [0x20, 0x09, 0x0A, 0x0D, 0x0C, 0x7B, 0x7D, 0x3B, 0x2C, 0x3A, 0x28, 0x29]
    return ends.contains(next) || ends.contains(last)
  }

  /// The bytes, with a held line break written: the file still ends with one.
  mutating func finish() -> [UInt8] {
    if heldBreak { bytes.append(0x0A) }
    heldBreak = false
    return bytes
  }
}
