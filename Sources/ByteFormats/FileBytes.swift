import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Whole files read straight into an array with one open, fstat and read: `FileManager`'s
/// `contents(atPath:)` makes a `Data` to copy from, and reading 10,000 content files through it
/// was a percent of a full build. Shared by the loader and the build's own files (the cache).
public enum FileBytes {
  /// The file's bytes; nil when it cannot be opened or read whole.
  public static func read(_ path: String) -> [UInt8]? {
    let fd = open(path, O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else { return nil }
    defer { close(fd) }
    var st = stat()
    guard fstat(fd, &st) == 0 else { return nil }
    let size = Int(st.st_size)
    var failed = false
    let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
      count = 0
      while count < size {
        let n = Glibc.read(fd, buffer.baseAddress! + count, size - count)
        if n < 0 && errno == EINTR { continue }
        if n <= 0 { break }
        count += n
      }
      failed = count != size
    }
    return failed ? nil : bytes
  }
}
