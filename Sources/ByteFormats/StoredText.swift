/// UTF-8 text that may still be a stretch of a cache file's bytes, made into a `String` only
/// when read. An incremental build carries 10,000 pages' plain text from the cache to the
/// search documents and back into the cache, and reads only the edited pages' texts: decoding
/// (and validating, and allocating) all of them was a fifth of a one-file rebuild.
public struct StoredText: Sendable {
  private enum Storage: Sendable {
    case string(String)
    case bytes(ArraySlice<UInt8>)
    /// A stretch of a mapped file (the cache's pack of texts), read only when asked for.
    case mapped(MappedBytes, Range<Int>, hash: UInt64)
  }
  private var storage: Storage

  public init(_ string: String) { storage = .string(string) }

  /// Bytes known to be UTF-8 (they were written from a String); kept, not copied.
  public init(utf8 bytes: ArraySlice<UInt8>) { storage = .bytes(bytes) }

  /// Bytes of a mapped file known to be UTF-8; nothing is read until the text is.
  /// - Parameter hash: what the writer of the file recorded as the bytes' hash, so that a
  ///   reader comparing texts by hash need not read them.
  public init(mapped file: MappedBytes, range: Range<Int>, hash: UInt64) {
    precondition(range.lowerBound >= 0 && range.upperBound <= file.count)
    storage = .mapped(file, range, hash: hash)
  }

  /// The text; made from the bytes on each read, so a caller that reads it twice keeps it.
  public var string: String {
    switch storage {
    case .string(let s): s
    case .bytes(let b): String(decoding: b, as: UTF8.self)
    case .mapped(let file, let range, _):
      file.withBytes(in: range) { String(decoding: $0, as: UTF8.self) }
    }
  }

  public var utf8Count: Int {
    switch storage {
    case .string(let s): s.utf8.count
    case .bytes(let b): b.count
    case .mapped(_, let range, _): range.count
    }
  }

  /// The mapped file and the stretch of it this text is, when it is one (and not yet a
  /// String): a build that writes its texts to the same pack again keeps it where it is.
  public var mappedLocation: (file: MappedBytes, range: Range<Int>, hash: UInt64)? {
    if case .mapped(let file, let range, let hash) = storage { return (file, range, hash) }
    return nil
  }

  /// The UTF-8 bytes, without making a String.
  public func withUTF8<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
    switch storage {
    case .string(var s): try s.withUTF8(body)
    case .bytes(let b): try b.withUnsafeBufferPointer(body)
    case .mapped(let file, let range, _): try file.withBytes(in: range, body)
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
