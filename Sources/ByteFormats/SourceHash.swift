import Foundation

/// The hash of a source file that the build records (`.portal/sources.json`) and `portal check`
/// compares a file saved since the build with: 16 hex digits of `WordHash` (eight bytes a step,
/// as fast as the build's other hashes of file contents, and the same on every run and
/// machine). Comparing contents instead of modification times is what lets a second CI job,
/// whose fresh checkout makes every file newer than the site it downloaded, pass `--strict`.
///
/// It is the hash of the text as the build reads it: a leading BOM and CR line endings, which
/// the build drops, do not count. A file whose line endings alone changed (an editor on
/// Windows, `core.autocrlf`) renders nothing again, so its page's entry, and the hash in it,
/// stay as they were; hashing the bytes, the check called it changed after every build.
public enum SourceHash {
  /// The hash of `data`.
  public static func of(_ data: Data) -> String {
    hex(data.withUnsafeBytes(value(of:)))
  }

  /// The hash of a file's bytes as a number: the loader keeps it beside the file's parse, so
  /// the build records it without reading the file a second time.
  public static func value(of all: UnsafeRawBufferPointer) -> UInt64 {
    let bom = all.starts(with: [0xEF, 0xBB, 0xBF])
    let text = UnsafeRawBufferPointer(rebasing: all[(bom ? 3 : 0)...])
    guard text.contains(0x0D) else { return WordHash.mix(seed, text) }
    var lines: [UInt8] = []
    lines.reserveCapacity(text.count)
    var i = 0
    while i < text.count {
      if text[i] == 0x0D {
        lines.append(0x0A)
        if i + 1 < text.count && text[i + 1] == 0x0A { i += 1 }
      } else {
        lines.append(text[i])
      }
      i += 1
    }
    return lines.withUnsafeBytes { WordHash.mix(seed, $0) }
  }

  /// The 16 hex digits a hash is written as.
  public static func hex(_ value: UInt64) -> String {
    var digits: [UInt8] = []
    appendHex(value, to: &digits)
    return String(decoding: digits, as: UTF8.self)
  }

  /// Appends the 16 hex digits of `value` to `bytes`: the record of 10,000 sources is written
  /// without a String per hash.
  public static func appendHex(_ value: UInt64, to bytes: inout [UInt8]) {
    for shift in stride(from: 60, through: 0, by: -4) {
      bytes.append(hexDigits[Int((value >> UInt64(shift)) & 0xF)])
    }
  }

  private static let hexDigits = Array("0123456789abcdef".utf8)

  /// The hash of the file at `path` (relative paths from the working folder); nil when it
  /// cannot be read.
  public static func ofFile(atPath path: String) -> String? {
    FileManager.default.contents(atPath: path).map(of)
  }

  private static let seed: UInt64 = 0xcbf2_9ce4_8422_2325
}
