import Foundation

/// Whether a text holds a byte, searched with `memchr` over its UTF-8 where it is contiguous (a
/// native string or a slice of one): the generic search of a UTF-8 view reads a byte at a time
/// through its index, and the rules ask it of every line and body of a page (a few per cent of
/// a lint of 10,000 pages in all).
enum ByteSearch {
  static func contains(_ text: some StringProtocol, _ byte: UInt8) -> Bool {
    text.utf8.withContiguousStorageIfAvailable { bytes in
      guard let base = bytes.baseAddress, !bytes.isEmpty else { return false }
      return memchr(base, Int32(byte), bytes.count) != nil
    } ?? text.utf8.contains(byte)
  }
}
