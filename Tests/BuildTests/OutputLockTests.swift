import Foundation
import TestSupport
import Testing

@testable import Build

#if canImport(Glibc)
  import Glibc
#endif

/// One writer per output folder. `flock` locks belong to an open file, so two acquisitions in
/// one process exclude each other as two processes do (tests/test_cli.py runs real processes).
@Suite struct OutputLockTests {
  func place() throws -> (output: URL, content: URL) {
    let dir = try temporaryFolder("lock")
    return (dir.appendingPathComponent("site"), dir.appendingPathComponent("content"))
  }

  /// True when someone holds the lock file at `path` (a non-blocking attempt fails).
  func held(_ path: String) -> Bool {
    let fd = open(path, O_RDWR)
    guard fd >= 0 else { return false }
    defer { close(fd) }
    return flock(fd, LOCK_EX | LOCK_NB) != 0
  }

  @Test func theLockSaysWhoHoldsItAndGoesAway() throws {
    let (output, content) = try place()
    let lock = try #require(
      try OutputLock.acquire(output: output, protecting: [content], for: .build))
    #expect(
      lock.path == output.deletingLastPathComponent().appendingPathComponent(".site.lock").path)
    #expect(held(lock.path))
    let text = try String(contentsOfFile: lock.path, encoding: .utf8)
    #expect(text == "pid \(getpid())\ncommand build\n")
    lock.release()
    #expect(!FileManager.default.fileExists(atPath: lock.path))
  }

  /// A lock path that is a link (even to nothing yet), a second name of another file or a
  /// pipe is refused: writing the holder there would overwrite or create a file elsewhere.
  @Test func aLockPathThatIsNotAPlainFileIsRefused() throws {
    let (output, content) = try place()
    let dir = output.deletingLastPathComponent()
    let victim = dir.appendingPathComponent("victim.txt")
    try Data("precious\n".utf8).write(to: victim)
    let lockPath = OutputLock.path(for: output)
    let created = dir.appendingPathComponent("created.txt").path
    for make in [
      {
        try FileManager.default.createSymbolicLink(
          atPath: lockPath, withDestinationPath: victim.path)
      },
      {
        try FileManager.default.createSymbolicLink(atPath: lockPath, withDestinationPath: created)
      },
      { try FileManager.default.linkItem(atPath: victim.path, toPath: lockPath) },
      { _ = mkfifo(lockPath, 0o644) },
    ] {
      try make()
      #expect {
        _ = try OutputLock.acquire(output: output, protecting: [content], for: .build)
      } throws: { error in
        guard case .io(let message) = error as? OutputLock.Failure else { return false }
        return message.contains("is a link or not a plain file")
      }
      try FileManager.default.removeItem(atPath: lockPath)
    }
    #expect(try String(contentsOf: victim, encoding: .utf8) == "precious\n")
    #expect(!FileManager.default.fileExists(atPath: created))
    #expect(!FileManager.default.fileExists(atPath: output.path))
  }

  @Test func aServedOutputIsRefusedWithItsAddress() throws {
    let (output, content) = try place()
    let serving = try #require(
      try OutputLock.acquire(output: output, protecting: [content], for: .serve))
    serving.note(url: "http://127.0.0.1:8080/")
    for command in [OutputLock.Command.build, .serve] {
      var waited = false
      #expect {
        _ = try OutputLock.acquire(output: output, protecting: [content], for: command) { _ in
          waited = true
        }
      } throws: { error in
        guard case .served(let holder, _) = error as? OutputLock.Failure else { return false }
        return holder.pid == getpid() && holder.command == .serve
          && holder.url == "http://127.0.0.1:8080/"
          && "\(error)"
            == "portal serve (process \(getpid()), http://127.0.0.1:8080/) is already writing \(output.path)/"
      }
      #expect(!waited)
    }
    let failure = OutputLock.Failure.served(
      by: .init(pid: 7, command: .serve, url: "http://127.0.0.1:8080/"), output: "site")
    #expect(
      failure.help
        == "it rebuilds site/ on every save; open http://127.0.0.1:8080/, or stop it first (Ctrl-C in its terminal), or give another folder with --output DIR"
    )
    serving.release()
  }

  @Test func aBuildWaitsForAnotherBuildThenHoldsTheNextFile() throws {
    let (output, content) = try place()
    let first = try #require(
      try OutputLock.acquire(output: output, protecting: [content], for: .build))
    let waiting = DispatchSemaphore(value: 0)
    let done = DispatchSemaphore(value: 0)
    nonisolated(unsafe) var seen: OutputLock.Holder?
    nonisolated(unsafe) var second: OutputLock?
    // A thread of its own: the second acquisition blocks until the first is released.
    Thread {
      second = try? OutputLock.acquire(output: output, protecting: [content], for: .build) {
        seen = $0
        waiting.signal()
      }
      done.signal()
    }.start()
    waiting.wait()
    first.release()
    done.wait()
    let next = try #require(second)
    #expect(seen == OutputLock.Holder(pid: getpid(), command: .build, url: nil))
    #expect(FileManager.default.fileExists(atPath: next.path))
    #expect(held(next.path))
    next.release()
    #expect(!held(next.path))
  }

  /// A server that has taken the lock but not yet written who it is, is not taken for a build
  /// to wait for (which would wait as long as it serves).
  @Test func aHolderIsGivenAMomentToSayWhoItIs() throws {
    let (output, content) = try place()
    let path = OutputLock.path(for: output)
    let fd = open(path, O_RDWR | O_CREAT, 0o644)
    #expect(flock(fd, LOCK_EX) == 0)
    defer {
      unlink(path)
      close(fd)
    }
    // A thread of its own, not a shared queue that other tests may keep busy.
    Thread {
      usleep(20_000)
      let text = Array("pid 1\ncommand serve\n".utf8)
      _ = text.withUnsafeBytes { pwrite(fd, $0.baseAddress, $0.count, 0) }
    }.start()
    let done = DispatchSemaphore(value: 0)
    nonisolated(unsafe) var outcome: String?
    Thread {
      do {
        _ = try OutputLock.acquire(output: output, protecting: [content], for: .build)
        outcome = "acquired"
      } catch { outcome = "\(error)" }
      done.signal()
    }.start()
    // Without the moment it would wait for the server: a time limit, not a hang.
    #expect(done.wait(timeout: .now() + 5) == .success)
    #expect(outcome?.hasPrefix("portal serve (process 1) is already writing") == true)
  }

  @Test func killedBuildsLeftoversGoWhenTheLockIsTaken() throws {
    let (output, content) = try place()
    let parent = output.deletingLastPathComponent()
    let fm = FileManager.default
    for name in [".site.building-123/pages", ".site.old-77", ".site.building-x", ".other.old-5"] {
      try fm.createDirectory(
        at: parent.appendingPathComponent(name), withIntermediateDirectories: true)
    }
    let lock = try #require(
      try OutputLock.acquire(output: output, protecting: [content], for: .build))
    defer { lock.release() }
    let left = Set(try fm.contentsOfDirectory(atPath: parent.path))
    #expect(left == [".site.building-x", ".other.old-5", ".site.lock"])
  }

  @Test func anOutputPortalRefusesGetsNoLockFile() throws {
    let (output, _) = try place()
    let lock = try OutputLock.acquire(
      output: output, protecting: [output.appendingPathComponent("content")], for: .build)
    #expect(lock == nil)
    #expect(!FileManager.default.fileExists(atPath: OutputLock.path(for: output)))
  }

  /// `portal serve` would go on serving a folder its build refused (`--output /` served
  /// /etc/passwd): for it the refusal is an error, before anything is built or served.
  @Test func serveIsRefusedAnOutputPortalWouldNotWrite() throws {
    let (output, _) = try place()
    let content = output.appendingPathComponent("content")
    #expect {
      _ = try OutputLock.acquire(output: output, protecting: [content], for: .serve)
    } throws: { error in
      guard let failure = error as? OutputLock.Failure, case .refused(let message) = failure
      else { return false }
      return message.contains("a folder the build reads") && failure.help.contains("--output")
    }
    #expect(!FileManager.default.fileExists(atPath: OutputLock.path(for: output)))
    #expect(throws: OutputLock.Failure.self) {
      _ = try OutputLock.acquire(output: URL(fileURLWithPath: "/"), protecting: [], for: .serve)
    }
  }

  @Test func aSwapReplacesTheOutputAndRemovesTheOld() throws {
    let (output, _) = try place()
    let staging = output.deletingLastPathComponent().appendingPathComponent(".site.building-1")
    let fm = FileManager.default
    try fm.createDirectory(at: output, withIntermediateDirectories: true)
    try Data("old".utf8).write(to: output.appendingPathComponent("index.html"))
    try fm.createDirectory(at: staging, withIntermediateDirectories: true)
    try Data("new".utf8).write(to: staging.appendingPathComponent("index.html"))
    try OutputWriter.swap(staging: staging, into: output)
    #expect(
      try String(contentsOf: output.appendingPathComponent("index.html"), encoding: .utf8) == "new")
    #expect(try fm.contentsOfDirectory(atPath: output.deletingLastPathComponent().path) == ["site"])
  }
}
