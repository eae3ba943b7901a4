import Foundation

extension StringProtocol {
  /// Whether the text's UTF-8 holds `byte`: `memchr` over the bytes where they lie, where
  /// `utf8.contains` stepped a byte at a time through the view's iterator. Each front matter
  /// is asked half a dozen times (a `!`, a `*`, a `#`, a line break in each value): 2 % of
  /// loading 10,000 pages.
  func holdsByte(_ byte: UInt8) -> Bool {
    let found = utf8.withContiguousStorageIfAvailable { bytes in
      bytes.count > 0 && memchr(bytes.baseAddress!, Int32(byte), bytes.count) != nil
    }
    return found ?? utf8.contains(byte)
  }
}
