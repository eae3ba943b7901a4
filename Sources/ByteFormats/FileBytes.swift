import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Whole files read straight into an array with one open, fstat and read: `FileManager`'s
/// `contents(atPath:)` makes a `Data` to copy from, and reading 10,000 content files through it
/// was a percent of a full build. Shared by the loader and the build's own files (the cache).
public enum FileBytes {
  /// The file's bytes; nil when it cannot be opened or read whole, or is no plain file (a
  /// folder named `x.md`; a pipe, opened without waiting, which would block the read forever).
  public static func read(_ path: String) -> [UInt8]? {
    let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
    guard fd >= 0 else { return nil }
    defer { close(fd) }
    var st = stat()
    guard fstat(fd, &st) == 0, st.st_mode & S_IFMT == S_IFREG else { return nil }
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

  /// Why `read` gave nil for `path`, in English and Japanese: what it is when it is no plain
  /// file, else the system's reason.
  public static func whyUnreadable(_ path: String) -> (english: String, japanese: String) {
    var st = stat()
    guard stat(path, &st) == 0 else {
      let reason = String(cString: strerror(errno))
      var buffer = [CChar](repeating: 0, count: 4096)
      let n = readlink(path, &buffer, buffer.count - 1)
      guard n > 0 else { return (reason, reason) }
      let target = String(decoding: buffer[..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
      return (
        "it is a link to `\(target)`, which is not there", "`\(target)` へのリンクですが、リンク先がありません"
      )
    }
    switch st.st_mode & S_IFMT {
    case S_IFDIR: return ("it is a folder, not a file", "ファイルではなく、フォルダーです")
    case S_IFREG:
      let reason =
        access(path, R_OK) == 0 ? "it changed while being read" : String(cString: strerror(EACCES))
      return (reason, reason)
    default:
      return ("it is not a plain file (a pipe or a device)", "ふつうのファイルではありません（パイプやデバイスです）")
    }
  }
}
