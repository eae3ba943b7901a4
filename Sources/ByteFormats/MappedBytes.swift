import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// The first bytes of a file, mapped read-only: a page of it is read from the disk (or the page
/// cache) only when a text in it is read. The build cache's pack of plain texts is 33 MB at
/// 10,000 pages, of which a one-file build reads a few kilobytes.
///
/// The mapping is private and the file is only ever appended to or replaced by a rename, never
/// written over or shortened (`BodyPack`), so the bytes below `count` stay as they were while
/// mapped, even when a later build of the same process replaces the file.
public final class MappedBytes: @unchecked Sendable {
  /// Where the bytes start; nil for an empty mapping.
  private let base: UnsafeRawPointer?
  public let count: Int
  /// What the caller knows the file by (the pack's id), to tell later whether a file on
  /// disk is the one mapped.
  public let tag: UInt64

  /// Maps the first `count` bytes of the file at `path`; nil when the file cannot be opened
  /// or is shorter.
  public init?(path: String, count: Int, tag: UInt64) {
    self.tag = tag
    let fd = open(path, O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else { return nil }
    defer { close(fd) }
    var st = stat()
    guard count >= 0, fstat(fd, &st) == 0, Int(st.st_size) >= count else { return nil }
    self.count = count
    guard count > 0 else {
      base = nil
      return
    }
    guard let p = mmap(nil, count, PROT_READ, MAP_PRIVATE, fd, 0), p != MAP_FAILED else {
      return nil
    }
    base = UnsafeRawPointer(p)
  }

  deinit {
    if let base { munmap(UnsafeMutableRawPointer(mutating: base), count) }
  }

  /// The bytes in `range`, which must lie within the mapping.
  public func withBytes<R>(
    in range: Range<Int>, _ body: (UnsafeBufferPointer<UInt8>) throws -> R
  ) rethrows -> R {
    precondition(range.lowerBound >= 0 && range.upperBound <= count)
    guard let base, !range.isEmpty else {
      return try body(UnsafeBufferPointer(start: nil, count: 0))
    }
    let start = (base + range.lowerBound).assumingMemoryBound(to: UInt8.self)
    return try body(UnsafeBufferPointer(start: start, count: range.count))
  }
}
