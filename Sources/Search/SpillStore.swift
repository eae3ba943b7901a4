import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Bytes an index build sets aside until it needs them again, in a file without a name.
///
/// On text that repeats little, a 10,000-page index holds about 70 MB of posting runs while
/// documents are added and 160 MB of encoded entries before its shards are written; each part
/// is needed once more, a part at a time. In a file, that memory is the kernel's page cache
/// (dropped when the file is closed) instead of the process's. The file is removed as soon as
/// it is made, so nothing is left behind, even by a crash. When it cannot be written (a full
/// disk), the bytes stay in memory: the build then takes more memory, and never fails for it.
final class SpillStore: @unchecked Sendable {
  /// Where `put` left some bytes.
  struct Handle: Sendable {
    fileprivate var offset: Int
    /// How many bytes.
    var count: Int
    /// Their place in `kept` when they could not be written, else -1.
    fileprivate var memory: Int
  }

  private let descriptor: Int32
  private let lock = NSLock()
  private var end = 0
  private var kept: [[UInt8]] = []

  /// A store whose file is made in `directory` (and removed at once); nil when no file can be
  /// made there.
  convenience init?(directory: String) {
    var template = Array((directory + "/.portal-spill-XXXXXX").utf8CString)
    let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
    guard descriptor >= 0 else { return nil }
    _ = template.withUnsafeBufferPointer { unlink($0.baseAddress!) }
    self.init(descriptor: descriptor)
  }

  /// A store writing to `descriptor`, which it closes when done (tests give one that refuses
  /// writes).
  init(descriptor: Int32) {
    self.descriptor = descriptor
  }

  deinit { close(descriptor) }

  /// Sets `bytes` aside. Safe from several threads at once.
  func put(_ bytes: UnsafeRawBufferPointer) -> Handle {
    let offset = lock.withLock {
      defer { end += bytes.count }
      return end
    }
    var written = 0
    while written < bytes.count {
      let n = pwrite(
        descriptor, bytes.baseAddress! + written, bytes.count - written, off_t(offset + written))
      if n < 0 && errno == EINTR { continue }
      if n <= 0 { break }
      written += n
    }
    if written == bytes.count { return Handle(offset: offset, count: bytes.count, memory: -1) }
    // Kept here instead; the part of the file reserved for them stays a hole.
    return lock.withLock {
      kept.append(Array(bytes))
      return Handle(offset: 0, count: bytes.count, memory: kept.count - 1)
    }
  }

  func put(_ bytes: [UInt8]) -> Handle { bytes.withUnsafeBytes { put($0) } }

  /// The bytes `handle` set aside, or the part `range` of them.
  func read(_ handle: Handle, range: Range<Int>? = nil) -> [UInt8] {
    let range = range ?? 0..<handle.count
    precondition(range.lowerBound >= 0 && range.upperBound <= handle.count)
    if handle.memory >= 0 { return lock.withLock { Array(kept[handle.memory][range]) } }
    return [UInt8](unsafeUninitializedCapacity: range.count) { buffer, initialized in
      var done = 0
      while done < range.count {
        let n = pread(
          descriptor, buffer.baseAddress! + done, range.count - done,
          off_t(handle.offset + range.lowerBound + done))
        if n < 0 && errno == EINTR { continue }
        // The file was written a moment ago by this process: not reading it back is a failure
        // of the machine, which no build could go on from.
        precondition(n > 0, "cannot read back the search index's spill file (errno \(errno))")
        done += n
      }
      initialized = range.count
    }
  }
}
