/// UTF-8 text that may still be a stretch of a cache file's bytes, made into a `String` only
/// when read. An incremental build carries 10,000 pages' plain text from the cache to the
/// search documents and back into the cache, and reads only the edited pages' texts: decoding
/// (and validating, and allocating) all of them was a fifth of a one-file rebuild.
public struct StoredText: Sendable {
  private enum Storage: Sendable {
    case string(String)
    case bytes(ArraySlice<UInt8>)
  }
  private var storage: Storage

  public init(_ string: String) { storage = .string(string) }

  /// Bytes known to be UTF-8 (they were written from a String); kept, not copied.
  public init(utf8 bytes: ArraySlice<UInt8>) { storage = .bytes(bytes) }

  /// The text; made from the bytes on each read, so a caller that reads it twice keeps it.
  public var string: String {
    switch storage {
    case .string(let s): s
    case .bytes(let b): String(decoding: b, as: UTF8.self)
    }
  }

  public var utf8Count: Int {
    switch storage {
    case .string(let s): s.utf8.count
    case .bytes(let b): b.count
    }
  }

  /// The UTF-8 bytes, without making a String.
  public func withUTF8<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
    switch storage {
    case .string(var s): try s.withUTF8(body)
    case .bytes(let b): try b.withUnsafeBufferPointer(body)
    }
  }
}

extension BinaryWriter {
  /// Written as `string` writes a String, so either reads it back.
  public mutating func text(_ t: StoredText) {
    int(t.utf8Count)
    t.withUTF8 { append($0) }
  }
}

extension BinaryReader {
  /// What `string` reads, as a stretch of the bytes being read.
  public mutating func text() throws(Corrupt) -> StoredText {
    StoredText(utf8: try slice())
  }
}
