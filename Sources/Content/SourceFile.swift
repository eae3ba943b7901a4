import Diagnostics
import Foundation

/// A content file split into its front matter and Markdown body, with the line numbers needed
/// to point diagnostics back into the original file.
public struct SourceFile: Sendable {
  /// Path shown in diagnostics (as given, relative to the working directory when possible).
  public var path: String
  /// Path relative to the content directory, with `/` separators: `initiatives/foo.md`.
  public var relativePath: String
  public var frontMatter: String
  /// Line of the file where the front matter text starts (the line after the opening `---`).
  public var frontMatterLine: Int
  public var body: String
  /// Line of the file where the body starts.
  public var bodyLine: Int

  /// The error for a file that is not UTF-8, at its first bad byte, naming what it looks saved
  /// as (`savedAs`: UTF-16, Shift_JIS, EUC-JP), so the writer knows what to change in the
  /// editor.
  public static func notUTF8(_ bytes: ArraySlice<UInt8>, path: String, code: String) -> Diagnostic {
    let (line, column) = firstInvalidUTF8(bytes)
    let (saved, savedJa) =
      savedAs(bytes).map { (" (\($0.english))", "（\($0.japanese)）") } ?? ("", "")
    return .error(
      SourceLocation(file: path, line: line, column: column),
      "the file is not valid UTF-8\(saved)",
      hint: "save the file as UTF-8 (in most editors: Save with Encoding → UTF-8)", code: code
    ).ja(
      "ファイルの文字コードが UTF-8 ではありません\(savedJa)",
      hint: "ファイルを UTF-8 で保存し直してください（多くのエディターでは「エンコード付きで保存」→「UTF-8」）")
  }

  /// What the file looks saved as, when the bytes tell: UTF-16 (Windows Notepad's "Unicode",
  /// with its byte order mark, or a front matter's `---` in two bytes a character without
  /// it), or Japanese as Shift_JIS or EUC-JP (kana read in that encoding).
  static func savedAs(_ bytes: ArraySlice<UInt8>) -> (english: String, japanese: String)? {
    let dashes: [UInt8] = [0x2D, 0x00, 0x2D, 0x00, 0x2D, 0x00]
    if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF])
      || bytes.starts(with: dashes) || bytes.starts(with: [0x00] + dashes.dropLast())
    {
      return (
        "it is UTF-16, which Windows Notepad calls \"Unicode\"",
        "UTF-16 です。Windows のメモ帳では「Unicode」と呼ばれます"
      )
    }
    func holdsKana(_ encoding: String.Encoding) -> Bool {
      String(data: Data(bytes), encoding: encoding).map { text in
        text.unicodeScalars.contains { (0x3041...0x30FF).contains($0.value) }
      } ?? false
    }
    if holdsKana(.shiftJIS) {
      return (
        "it looks like Shift_JIS, as older Windows editors save",
        "古い Windows のエディターが保存する Shift_JIS のようです"
      )
    }
    if looksEUCJP(bytes) {
      return (
        "it looks like EUC-JP, as older Unix tools save",
        "古い Unix のツールが保存する EUC-JP のようです"
      )
    }
    return nil
  }

  /// Whether the bytes are EUC-JP holding kana: each byte above ASCII in EUC-JP's pairs (or
  /// its half-width kana and three-byte forms), some pairs hiragana or katakana (rows 0xA4 and
  /// 0xA5). Foundation on Linux does not decode EUC-JP, so its shape is read here.
  static func looksEUCJP(_ bytes: ArraySlice<UInt8>) -> Bool {
    var kana = 0
    var i = bytes.startIndex
    func isEUC(_ at: Int) -> Bool { at < bytes.endIndex && (0xA1...0xFE).contains(bytes[at]) }
    while i < bytes.endIndex {
      let b = bytes[i]
      if b < 0x80 {
        i += 1
      } else if (0xA1...0xFE).contains(b), isEUC(i + 1) {
        if b == 0xA4 || b == 0xA5 { kana += 1 }
        i += 2
      } else if b == 0x8E, i + 1 < bytes.endIndex, (0xA1...0xDF).contains(bytes[i + 1]) {
        i += 2
      } else if b == 0x8F, isEUC(i + 1), isEUC(i + 2) {
        i += 3
      } else {
        return false
      }
    }
    return kana > 0
  }

  /// Decodes and splits a file. Non-UTF-8 bytes and a missing front matter are errors; a BOM and
  /// CRLF line endings are accepted silently because editors on Windows write them.
  public static func read(
    bytes: [UInt8], path: String, relativePath: String
  ) -> Result<SourceFile, Diagnostic> {
    var bytes = bytes[...]
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
    guard var text = String(validating: bytes, as: UTF8.self) else {
      return .failure(notUTF8(bytes, path: path, code: "source.encoding"))
    }
    // Byte-level checks and splits: Foundation's `contains` and a split by Character cost more
    // than the YAML parse on large corpora.
    let hasCR = bytes.withUnsafeBufferPointer {
      $0.count > 0 && memchr($0.baseAddress!, 0x0D, $0.count) != nil
    }
    if hasCR {
      text = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(
        of: "\r", with: "\n")
    }
    // Only the front matter is split into lines; the body is one slice of the text. The bytes
    // are `text`'s own (checked above), so the lines, the front matter and the body are cut
    // from `text` at byte offsets, each after or before a line feed, without decoding them
    // again (decoding each line and the body was 4 % of loading 10,000 pages).
    // The file's own bytes when they are the text's (no copy of each file); a slice whose
    // indexes start after a BOM, so offsets into the text are `base` less.
    let lineBytes = hasCR ? Array(text.utf8)[...] : bytes
    let base = lineBytes.startIndex
    let utf8 = text.utf8
    func at(_ offset: Int) -> String.Index { utf8.index(utf8.startIndex, offsetBy: offset) }
    var next = 0  // start of the next line; lineBytes.count + 1 once the last line was read
    /// The next line, and whether it may be `---` or a line typed for it (`mayBeFence`).
    func nextLine() -> (start: Int, line: Substring, mayBeFence: Bool)? {
      guard next <= lineBytes.count else { return nil }
      let start = next
      let end =
        lineBytes[(base + start)...].firstIndex(of: 0x0A).map { $0 - base } ?? lineBytes.count
      next = end + 1
      return (
        start, text[at(start)..<at(end)], mayBeFence(lineBytes[(base + start)..<(base + end)])
      )
    }
    guard let first = nextLine(), first.line.isFrontMatterFence else {
      return .failure(noFrontMatter(text, path: path))
    }
    let frontMatterStart = next
    var close = 1
    var fenceLike: (line: Int, text: Substring)?
    /// A shorter line of dashes (`--`, `—`, `- - -`): where the writer closed it if no
    /// `isFenceLike` line is.
    var nearFence: (line: Int, text: Substring)?
    while true {
      guard let (start, line, mayBeFence) = nextLine() else {
        // A line typed for `---` in other dashes (ーーー, ----) is where the writer closed it.
        if let (n, written) = fenceLike ?? nearFence {
          return .failure(
            .error(
              SourceLocation(file: path, line: n, column: 1),
              "`\(written)` does not close the front matter: it must be exactly three half-width hyphens",
              hint: "write `---` on this line", code: "front-matter.unclosed"
            ).ja(
              "`\(written)` では前付けが閉じません。閉じる行は、半角のハイフン3つ `---` だけにします",
              hint: "この行を `---` にしてください"))
        }
        return .failure(unclosed(text, path: path))
      }
      if mayBeFence, fenceLike == nil, isFenceLike(line) {
        fenceLike = (close + 1, line.trimmingTrailingSpaces)
      } else if mayBeFence, nearFence == nil, isNearFence(line) {
        nearFence = (close + 1, line.trimmingTrailingSpaces)
      }
      if mayBeFence, line.isFrontMatterFence {
        // The lines between the `---` lines, without the newline ending the last of them.
        let frontMatter =
          start > frontMatterStart ? String(text[at(frontMatterStart)..<at(start - 1)]) : ""
        let body = next <= lineBytes.count ? String(text[at(next)...]) : ""
        return .success(
          SourceFile(
            path: path, relativePath: relativePath, frontMatter: frontMatter, frontMatterLine: 2,
            body: body, bodyLine: close + 2))
      }
      close += 1
    }
  }

  /// Dashes a writer may type for `---`: full-width, long or katakana ones, or more than three.
  private static let dashes: Set<Character> = ["-", "ー", "－", "—", "―", "‐", "−", "─", "‒", "–"]

  /// Whether a line's bytes may be `---` or a line typed for it (`isFenceLike`): its first
  /// byte but spaces is `-` or starts a dash or an ideographic space (E2, E3, EF), and its
  /// only ASCII is `-`, spaces and tabs. Most front-matter lines start with a key's letter,
  /// and a list's `- item` lines hold a letter or a brace; neither is looked at as characters
  /// (the `- { … }` lines were 2 % of loading 10,000 pages).
  static func mayBeFence(_ line: ArraySlice<UInt8>) -> Bool {
    let lead = line.first { $0 != 0x20 }
    guard lead == 0x2D || lead == 0xE2 || lead == 0xE3 || lead == 0xEF else { return false }
    return !line.contains { $0 < 0x80 && $0 != 0x2D && $0 != 0x20 && $0 != 0x09 }
  }

  /// A line of three or more dashes that is not `---`.
  static func isFenceLike(_ line: Substring) -> Bool {
    // Every front-matter line is asked: most start with a letter, and are not counted.
    let t = line.trimmingTrailingSpaces.drop { $0 == " " || $0 == "\u{3000}" }
    guard let first = t.first, dashes.contains(first) else { return false }
    return t.count >= 3 && t != "---" && t.allSatisfy { dashes.contains($0) }
  }

  /// Dashes alone on a line, fewer or spaced (`--`, `—`, `――`, `- - -`), that are no YAML: not
  /// one `-` (an item with no value).
  static func isNearFence(_ line: Substring) -> Bool {
    let t = line.filter { $0 != " " && $0 != "\t" && $0 != "\u{3000}" }
    return !t.isEmpty && t.allSatisfy { dashes.contains($0) } && t != "-"
  }

  /// Why a file that does not start with `---` has no front matter: empty lines before it, or
  /// `---` typed in other dashes, are said as such; else the front matter is missing.
  static func noFrontMatter(_ text: String, path: String) -> Diagnostic {
    var n = 0
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
      n += 1
      let trimmed = line.trimmingTrailingSpaces
      if trimmed.allSatisfy({ $0 == " " || $0 == "\u{3000}" || $0 == "\t" }) { continue }
      if line.isFrontMatterFence, n > 1 {
        return .error(
          SourceLocation(file: path, line: 1, column: 1),
          "the front matter must start on the first line, but the file starts with \(n - 1) empty line(s)",
          hint: "delete the empty lines above `---`", code: "front-matter.missing"
        ).ja(
          "前付けは1行目から始めます。このファイルは、初めに空行が\(n - 1)行あります",
          hint: "`---` より上の空行を消してください")
      }
      if isFenceLike(line) {
        return .error(
          SourceLocation(file: path, line: n, column: 1),
          "`\(trimmed)` does not start the front matter: it must be exactly three half-width hyphens",
          hint: "write `---` on this line", code: "front-matter.missing"
        ).ja(
          "`\(trimmed)` では前付けが始まりません。始める行は、半角のハイフン3つ `---` だけにします",
          hint: "この行を `---` にしてください")
      }
      if YAMLSlips.keyAndValue(line) != nil,
        let close = text.split(separator: "\n", omittingEmptySubsequences: false).dropFirst(n)
          .firstIndex(where: { $0.isFrontMatterFence })
      {
        // `title: …` first and a `---` under the keys: the opening line was left out.
        return .error(
          SourceLocation(file: path, line: n, column: 1),
          "the front matter has no first line `---`: the file starts with its keys, which end at the `---` on line \(close + 1)",
          hint: "add a line `---` above line \(n)", code: "front-matter.missing"
        ).ja(
          "前付けの最初の `---` の行がありません。ファイルが項目から始まり、\(close + 1)行目の `---` で終わっています",
          hint: "\(n)行目の上に、`---` の行を入れてください")
      }
      break
    }
    return .error(
      SourceLocation(file: path, line: 1, column: 1), "the file has no front matter",
      hint:
        "start the file with a line `---`, the YAML keys (for example `title: …`), and another `---`",
      code: "front-matter.missing"
    ).ja(
      "ファイルに前付けがありません",
      hint: "ファイルの初めに `---` の行、YAML の項目（たとえば `title: …`）、もう1つ `---` の行を書いてください")
  }

  static func firstInvalidUTF8(_ bytes: ArraySlice<UInt8>) -> (Int, Int) {
    var line = 1
    var lineStart = bytes.startIndex
    var i = bytes.startIndex
    while i < bytes.endIndex {
      let b = bytes[i]
      let length: Int
      switch b {
      case 0x00...0x7F: length = 1
      case 0xC2...0xDF: length = 2
      case 0xE0...0xEF: length = 3
      case 0xF0...0xF4: length = 4
      default: length = 0
      }
      let end = i + length
      let valid =
        length > 0 && end <= bytes.endIndex
        && String(validating: bytes[i..<end], as: UTF8.self) != nil
      if !valid {
        let column = (String(validating: bytes[lineStart..<i], as: UTF8.self)?.count ?? 0) + 1
        return (line, column)
      }
      if b == 0x0A {
        line += 1
        lineStart = end
      }
      i = end
    }
    return (line, 1)
  }
}

extension Substring {
  var trimmingTrailingSpaces: Substring {
    var s = self
    while let l = s.last, l == " " || l == "\t" { s = s.dropLast() }
    return s
  }

  /// Whether the line is `---`, a front matter's first or last line: spaces after it, and the
  /// full-width space the Japanese input types (invisible, `---　`), do not count. With one,
  /// the line was "no front matter" or "not closed", the `---` in plain sight.
  var isFrontMatterFence: Bool {
    var s = self
    while let l = s.last, l == " " || l == "\t" || l == "\u{3000}" { s = s.dropLast() }
    return s == "---"
  }
}
