import Content
import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// One Portal process at a time writes an output folder.
///
/// Without it, a `portal build` typed while `portal serve` runs wrote into the served folder,
/// and the server, which keeps what it wrote in memory, then saved a cache that no longer
/// described the files: the next build said "Up to date" over pages from another build. Two
/// builds at once could mix their files the same way.
///
/// The lock is an advisory `flock` on a small file beside the output
/// (`site` → `.site.lock`, next to the staging folder a full build writes), holding who took
/// it. A build waits for another build; nothing waits for `portal serve`, which never ends on
/// its own, so that is an error saying which process and address to use instead. The file is
/// removed on release (a process killed with its lock leaves it, and the next one reuses it);
/// the holder also removes what killed builds left beside the output, which only it can know
/// no one is writing.
public final class OutputLock: @unchecked Sendable {
  /// The command holding the lock.
  public enum Command: String, Sendable {
    case build, serve
  }

  /// Who holds a lock, as read from its file.
  public struct Holder: Sendable, Equatable, CustomStringConvertible {
    public var pid: Int32?
    public var command: Command?
    /// For `portal serve`: the address it serves at.
    public var url: String?

    public var description: String {
      var details: [String] = []
      if let pid { details.append("process \(pid)") }
      if let url { details.append(url) }
      let name = command.map { "portal \($0.rawValue)" } ?? "another portal command"
      return details.isEmpty ? name : "\(name) (\(details.joined(separator: ", ")))"
    }

    init(parsing text: String) {
      for line in text.split(separator: "\n") {
        let parts = line.split(separator: " ", maxSplits: 1).map(String.init)
        guard parts.count == 2 else { continue }
        switch parts[0] {
        case "pid": pid = Int32(parts[1])
        case "command": command = Command(rawValue: parts[1])
        case "url": url = parts[1]
        default: break
        }
      }
    }

    init(pid: Int32, command: Command, url: String?) {
      self.pid = pid
      self.command = command
      self.url = url
    }

    var text: String {
      var lines: [String] = []
      if let pid { lines.append("pid \(pid)") }
      if let command { lines.append("command \(command.rawValue)") }
      if let url { lines.append("url \(url)") }
      return lines.joined(separator: "\n") + "\n"
    }
  }

  /// Why the lock could not be taken, said as the commands print it.
  public enum Failure: Error, CustomStringConvertible {
    /// `portal serve` holds the output (it never ends on its own).
    case served(by: Holder, output: String)
    /// `portal serve` was given an output Portal refuses to write (the root, the working
    /// folder, content/…): it would serve that folder's files, `/etc/passwd` included.
    case refused(String)
    case io(String)

    public var description: String {
      switch self {
      case .served(let holder, let output): "\(holder) is already writing \(output)/"
      case .refused(let message), .io(let message): message
      }
    }

    public var help: String {
      switch self {
      case .served(let holder, let output):
        "it rebuilds \(output)/ on every save; "
          + (holder.url.map { "open \($0), or " } ?? "")
          + "stop it first (Ctrl-C in its terminal), or give another folder with --output DIR"
      case .refused:
        "give a folder of its own with --output DIR, such as `site` (Portal writes only folders it made)"
      case .io:
        "check that the folder holding the output exists and can be written"
      }
    }
  }

  /// Why a lock path that is a link, a pipe or a file with other names is not used.
  static func notAPlainFile(_ path: String) -> String {
    "the lock file \(path) is a link or not a plain file of its own; Portal does not write "
      + "through it (it could overwrite another file): remove it and build again"
  }

  /// The lock file of an output folder: beside it, hidden.
  public static func path(for output: URL) -> String {
    let out = output.standardizedFileURL
    return out.deletingLastPathComponent().appendingPathComponent(
      ".\(out.lastPathComponent).lock"
    ).path
  }

  public let path: String
  private let output: URL
  private var fd: Int32
  private var holder: Holder

  /// Takes the output's lock for `command`. When another `portal build` holds it, calls
  /// `waiting` with it once and waits; when `portal serve` holds it, throws `.served`.
  /// Nil, creating nothing, for an output Portal refuses to write anyway (the root, the
  /// working folder, one holding `protecting`…), which the build then reports; for
  /// `portal serve` that is `.refused`, since a server would go on serving the folder.
  public static func acquire(
    output: URL, protecting: [URL], for command: Command, waiting: (Holder) -> Void = { _ in }
  ) throws(Failure) -> OutputLock? {
    do {
      try OutputWriter.validate(output: output, protecting: protecting)
    } catch {
      guard command == .serve else { return nil }
      throw .refused(error.message)
    }
    let path = path(for: output)
    let display = ContentLoader.displayPath(for: output)
    let parent = FileIO.parent(path)
    try? FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
    var announced = false
    while true {
      // Never through a link, nor into a file with other names, nor a pipe (which would block):
      // a `.site.lock` link committed to a repository would otherwise have CI overwrite
      // whatever it points at.
      let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK, 0o644)
      guard fd >= 0 else {
        if errno == ELOOP { throw .io(Self.notAPlainFile(path)) }
        throw .io("cannot create the lock file \(path): \(String(cString: strerror(errno)))")
      }
      var info = stat()
      guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG, info.st_nlink == 1 else {
        close(fd)
        throw .io(Self.notAPlainFile(path))
      }
      if flock(fd, LOCK_EX | LOCK_NB) != 0 {
        // A holder writes who it is just after taking the lock: give it a moment (up to half a
        // second, for a machine under load; an empty file is otherwise never held for long).
        var other = Holder(parsing: Self.read(fd))
        for _ in 0..<50 where other.command == nil {
          usleep(10_000)
          other = Holder(parsing: Self.read(fd))
        }
        if other.command == .serve {
          close(fd)
          throw .served(by: other, output: display)
        }
        if !announced {
          waiting(other)
          announced = true
        }
        guard flock(fd, LOCK_EX) == 0 else {
          close(fd)
          throw .io("cannot lock \(path): \(String(cString: strerror(errno)))")
        }
      }
      // The holder removes the file as it lets go: a lock on a removed file locks nothing,
      // so take the lock again on the file now at the path.
      var held = stat()
      var current = stat()
      guard fstat(fd, &held) == 0, lstat(path, &current) == 0,
        held.st_ino == current.st_ino, held.st_dev == current.st_dev
      else {
        close(fd)
        continue
      }
      let lock = OutputLock(
        path: path, output: output, fd: fd,
        holder: Holder(pid: getpid(), command: command, url: nil))
      lock.record()
      lock.removeLeftovers()
      return lock
    }
  }

  private init(path: String, output: URL, fd: Int32, holder: Holder) {
    self.path = path
    self.output = output
    self.fd = fd
    self.holder = holder
  }

  deinit { release() }

  /// Adds the address `portal serve` listens at, for the message another command prints.
  public func note(url: String) {
    holder.url = url
    record()
  }

  /// Lets go: removes the file first, so a process waiting on it takes the next one.
  public func release() {
    guard fd >= 0 else { return }
    unlink(path)
    close(fd)
    fd = -1
  }

  private func record() {
    let bytes = Array(holder.text.utf8)
    _ = ftruncate(fd, 0)
    _ = bytes.withUnsafeBytes { pwrite(fd, $0.baseAddress, $0.count, 0) }
  }

  private static func read(_ fd: Int32) -> String {
    var buffer = [UInt8](repeating: 0, count: 512)
    let n = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress, $0.count, 0) }
    return n > 0 ? String(decoding: buffer[..<n], as: UTF8.self) : ""
  }

  /// Staging and old folders of builds that were killed (`.site.building-<pid>`,
  /// `.site.old-<pid>`): while the lock is held, no one else is writing them.
  private func removeLeftovers() {
    let out = output.standardizedFileURL
    let parent = out.deletingLastPathComponent()
    let prefixes = [".\(out.lastPathComponent).building-", ".\(out.lastPathComponent).old-"]
    let names = (try? FileManager.default.contentsOfDirectory(atPath: parent.path)) ?? []
    for name in names {
      guard let prefix = prefixes.first(where: { name.hasPrefix($0) }),
        !name.dropFirst(prefix.count).isEmpty,
        name.dropFirst(prefix.count).allSatisfy(\.isNumber)
      else { continue }
      try? FileManager.default.removeItem(at: parent.appendingPathComponent(name))
    }
  }
}
