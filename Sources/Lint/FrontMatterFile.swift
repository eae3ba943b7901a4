import ByteFormats
import Content
import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// The front matter of a page the loader has read, read again by `portal lint` for
/// `Linter.lintFrontMatter` (the parsed `Page` keeps its values, not where they are written).
/// `SourceFile.read` decodes and copies the whole file, body and all, and the file was opened
/// through a `URL`: with the file read, 3.5 % of a lint of 10,000 pages. Here the file is read
/// as the loader reads it (`FileBytes`), only the bytes up to the closing `---` are looked at,
/// and only the front matter is decoded (the loader has found the whole file UTF-8 already); a
/// file this does not split exactly as `SourceFile.read` does (a carriage return anywhere, a
/// first line that is not `---`, no closing line, a front matter that is not UTF-8) is read by
/// `SourceFile.read` itself.
public enum FrontMatterFile {
  /// The front matter text and the file line it starts on, as `SourceFile.read` gives them;
  /// nil when the file cannot be read or has none (the loader reported why).
  public static func text(at path: String, shownAs shown: String, relativePath: String) -> (
    text: String, line: Int
  )? {
    guard let bytes = FileBytes.read(path) else { return nil }
    if let text = frontMatter(of: bytes) { return (text, 2) }
    guard
      case .success(let source) = SourceFile.read(
        bytes: bytes, path: shown, relativePath: relativePath)
    else { return nil }
    return (source.frontMatter, source.frontMatterLine)
  }

  /// The lines between a first line `---` and the next `---` line (spaces and tabs after
  /// either allowed), decoded, for a file `SourceFile.read` would split the same way without
  /// changing a byte: nil when the file holds a carriage return (which it turns into line
  /// breaks) or is not split here for any other reason.
  static func frontMatter(of file: [UInt8]) -> String? {
    file.withUnsafeBufferPointer { all -> String? in
      guard let base = all.baseAddress, memchr(base, 0x0D, all.count) == nil else { return nil }
      var bytes = all[...]
      if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
      /// Whether `line` is `---` followed by spaces and tabs only.
      func isFence(_ line: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
        guard line.count >= 3, line.prefix(3).allSatisfy({ $0 == 0x2D }) else { return false }
        return line.dropFirst(3).allSatisfy { $0 == 0x20 || $0 == 0x09 }
      }
      guard let firstEnd = bytes.firstIndex(of: 0x0A), isFence(bytes[..<firstEnd]) else {
        return nil
      }
      let start = firstEnd + 1
      var lineStart = start
      while lineStart <= bytes.endIndex {
        let lineEnd = bytes[lineStart...].firstIndex(of: 0x0A) ?? bytes.endIndex
        if isFence(bytes[lineStart..<lineEnd]) {
          guard lineStart > start else { return "" }
          return String(validating: bytes[start..<(lineStart - 1)], as: UTF8.self)
        }
        lineStart = lineEnd + 1
      }
      return nil
    }
  }
}
