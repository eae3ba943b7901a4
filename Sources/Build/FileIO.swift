import ByteFormats
import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Plain POSIX file writes. `FileManager.createFile` writes each file atomically (a temporary
/// file, an fsync and a rename), which made writing 10,000 pages take seconds; the output is
/// already made atomic as a whole by the staging folder, so one open/write/close is enough.
public enum FileIO {
  /// A whole file's bytes read straight into an array (no `Data` to copy from: the cache's
  /// state is tens of megabytes); nil when it cannot be read.
  static func read(_ path: String) -> [UInt8]? { FileBytes.read(path) }

  /// Writes the bytes to a new or truncated file; false when any step fails.
  static func write(_ data: some ContiguousBytes, to path: String) -> Bool {
    write(parts: [data], to: path)
  }

  /// Writes the parts one after another into one file: a file made of parts encoded apart
  /// (the cache's state) is not copied into one buffer first.
  static func write<Bytes: ContiguousBytes>(parts: [Bytes], to path: String) -> Bool {
    let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
    guard fd >= 0 else { return false }
    defer { close(fd) }
    return parts.allSatisfy { writeAll($0, to: fd) }
  }

  private static func writeAll(_ data: some ContiguousBytes, to fd: Int32) -> Bool {
    data.withUnsafeBytes { raw -> Bool in
      guard var p = raw.baseAddress else { return true }
      var left = raw.count
      while left > 0 {
        let n = Glibc.write(fd, p, left)
        if n < 0 {
          if errno == EINTR { continue }
          return false
        }
        left -= n
        p += n
      }
      return true
    }
  }

  /// Why the last call on this thread failed, in the system's words ("No space left on
  /// device", "Permission denied"): a write error without it leaves the writer guessing.
  public static var lastError: String { String(cString: strerror(errno)) }

  /// Writes to a temporary file beside the target and renames it over the target, so a reader
  /// (the preview server, a browser) sees the old file or the new one, never half of one.
  static func replace(_ data: some ContiguousBytes, at path: String) -> Bool {
    replace(parts: [data], at: path)
  }

  static func replace<Bytes: ContiguousBytes>(parts: [Bytes], at path: String) -> Bool {
    throughTemporary(path) { write(parts: parts, to: $0) }
  }

  /// Replaces a file a writer edits (a page `portal lint --fix` corrects) as `replace` does,
  /// the new file given the old one's mode and owner and flushed to disk before the rename: it
  /// holds the only copy of the writer's text. The temporary file is hidden (`.a.md.portal-tmp`),
  /// so neither the content loader nor an editor's list of files takes it for a page.
  public static func replaceEdited(_ data: some ContiguousBytes, at path: String) -> Bool {
    var status = stat()
    guard stat(path, &status) == 0 else { return false }
    let mode = status.st_mode & 0o7777
    return throughTemporary(path, hidden: true) { temporary in
      let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, mode)
      guard fd >= 0 else { return false }
      // The mode asked of open() is narrowed by the umask, and a file left by a killed run
      // keeps its own: set as the file had it, its owner too where this process may.
      fchmod(fd, mode)
      _ = fchown(fd, status.st_uid, status.st_gid)
      var ok = writeAll(data, to: fd) && fsync(fd) == 0
      var reason = errno  // the write's, not the close's
      if close(fd) != 0, ok { (ok, reason) = (false, errno) }
      errno = reason
      return ok
    }
  }

  /// `fill` writes the temporary file beside `path` whose path it is given; once it succeeds
  /// the file is renamed over `path`, else removed, `errno` left as the failure set it.
  private static func throughTemporary(
    _ path: String, hidden: Bool = false, _ fill: (String) -> Bool
  ) -> Bool {
    let name = (path as NSString).lastPathComponent
    let temporary =
      hidden
      ? (path as NSString).deletingLastPathComponent + "/." + name + ".portal-tmp"
      : path + ".portal-tmp"
    guard fill(temporary), rename(temporary, path) == 0 else {
      let reason = errno  // what `lastError` says, not the clean-up's
      unlink(temporary)
      errno = reason
      return false
    }
    return true
  }

  /// Writes what `body` hands to its `emit` into a temporary file beside the target, through a
  /// buffer of 1 MB reused from one piece to the next, then the header `body` returns over the
  /// file's first `header` bytes (known only once every piece went by: the pack's id), and
  /// renames it over the target (as `replace`). A file of many small pieces (the pack of
  /// 10,000 texts) is so written in a few large writes, without joining the pieces into fresh
  /// memory first.
  static func replace(
    at path: String, header: Int,
    streaming body: (_ emit: (UnsafeRawBufferPointer) -> Void) -> [UInt8]
  ) -> Bool {
    throughTemporary(path) { temporary in
      let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
      guard fd >= 0 else { return false }
      let ok = stream(into: fd, header: header, body)
      let reason = errno  // the write's, not the close's
      close(fd)
      errno = reason
      return ok
    }
  }

  /// `replace(at:header:streaming:)`'s writing into the open file: whether every write went.
  private static func stream(
    into fd: Int32, header: Int, _ body: (_ emit: (UnsafeRawBufferPointer) -> Void) -> [UInt8]
  ) -> Bool {
    let capacity = 1 << 20
    let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: capacity, alignment: 16)
    defer { buffer.deallocate() }
    buffer.initializeMemory(as: UInt8.self, repeating: 0)
    var (used, ok) = (header, true)
    func flush() {
      if ok, used > 0 { ok = writeAll(UnsafeRawBufferPointer(rebasing: buffer[..<used]), to: fd) }
      used = 0
    }
    let head = body { piece in
      guard ok, piece.count > 0 else { return }
      if used + piece.count > capacity { flush() }
      if piece.count >= capacity {
        ok = ok && writeAll(piece, to: fd)
      } else {
        UnsafeMutableRawBufferPointer(rebasing: buffer[used...]).copyMemory(from: piece)
        used += piece.count
      }
    }
    flush()
    return ok && head.count == header
      && head.withUnsafeBytes { pwrite(fd, $0.baseAddress, header, 0) } == header
  }

  /// The folder part of a relative path (`a/b/c.html` → `a/b`, `c.html` → ``). Not
  /// `NSString.deletingLastPathComponent`, which traps on a one-character name in this
  /// Foundation (a `redirect_from: /a/` stopped the build with SIGILL).
  static func parent(_ path: String) -> String {
    guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return "" }
    return String(path[..<slash])
  }

  /// Creates every folder the relative file paths need, parents first, under `root`.
  static func makeDirectories(for paths: [String], under root: String) -> String? {
    var needed = Set<String>()
    for path in paths {
      var dir = parent(path)
      while !dir.isEmpty, needed.insert(dir).inserted {
        dir = parent(dir)
      }
    }
    // Sorting puts every parent before its children.
    for dir in needed.sorted() {
      let full = root + "/" + dir
      if mkdir(full, 0o755) != 0 && errno != EEXIST { return dir }
    }
    return nil
  }
}
