import Foundation

extension StringProtocol {
  /// Whether the text's UTF-8 holds `byte`: `memchr` over the bytes where they lie (a native
  /// string or a slice of one), where `utf8.contains` steps a byte at a time through the view's
  /// index. The loader asks it of each front matter and value (a `!`, `*`, `#`, `{`, a line
  /// break: 2 % of loading 10,000 pages) and the lint of every line and body.
  public func holdsByte(_ byte: UInt8) -> Bool {
    let found = utf8.withContiguousStorageIfAvailable { bytes in
      guard let base = bytes.baseAddress, !bytes.isEmpty else { return false }
      return memchr(base, Int32(byte), bytes.count) != nil
    }
    return found ?? utf8.contains(byte)
  }
}
