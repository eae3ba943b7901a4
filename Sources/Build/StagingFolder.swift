import Foundation
import Render

#if canImport(Glibc)
  import Glibc
#endif

/// A full build's new output, written beside the old one while pages are rendered, chunk by
/// chunk, so the pages of a 10,000-page site are not all held in memory at once. `commit`
/// swaps it in; `discard` removes it, leaving the old output as it was.
///
/// One background writer creates the files while the build goes on rendering and indexing:
/// creating a file is kernel work (tens of µs each, 79,000 files at 10,000 pages), and two
/// threads creating files in one folder mostly wait on each other's folder lock, while the
/// build has serial stretches that leave a core free for the writer.
final class StagingFolder: @unchecked Sendable {
  let url: URL
  private let output: URL
  private let queue = DispatchQueue(label: "portal.staging.write")
  /// At most this many handed-over chunks wait for the writer, which bounds memory.
  private let slots = DispatchSemaphore(value: 4)
  private let lock = NSLock()
  private var failure: OutputWriter.Failure?

  init(for output: URL) throws(OutputWriter.Failure) {
    self.output = output
    url = output.deletingLastPathComponent().appendingPathComponent(
      ".\(output.lastPathComponent).building-\(getpid())")
    try Self.refuseMountPoint(output)
    try? FileManager.default.removeItem(at: url)
    do {
      try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    } catch {
      throw .io(
        "cannot create \(url.path): \(error.localizedDescription)",
        ja: "\(url.path) を作れません: \(error.localizedDescription)")
    }
  }

  /// An output folder that is a file system of its own (a volume mounted at `/out`, as CI
  /// jobs do) cannot be swapped with a folder beside it: said before anything is built, with
  /// the way out, instead of a rename's error code at the end.
  static func refuseMountPoint(_ output: URL) throws(OutputWriter.Failure) {
    var own = stat()
    var parent = stat()
    guard stat(output.path, &own) == 0,
      stat(output.deletingLastPathComponent().path, &parent) == 0,
      own.st_dev != parent.st_dev
    else { return }
    let inside = output.appendingPathComponent("site").path
    throw .unsafe(
      "the output folder \(output.path) is a mount point (a file system of its own), and a full build replaces the output folder as a whole by renaming a new one over it: use a folder inside it (`--output \(inside)`)",
      ja:
        "出力フォルダー \(output.path) はマウントポイント（それだけで一つのファイルシステム）です。全体のビルドは、新しく作ったフォルダーを名前の変更で出力フォルダーと入れ替えるので、ここには書き出せません。その中のフォルダーを使ってください（`--output \(inside)`）"
    )
  }

  private var firstFailure: OutputWriter.Failure? { lock.withLock { failure } }

  private func fail(_ f: OutputWriter.Failure) {
    lock.withLock { if failure == nil { failure = f } }
  }

  /// Hands files to the writer and returns; refuses at once any path that would land outside
  /// the folder. A write error is reported by a later call or by `commit`.
  func write(_ files: [OutputFile]) throws(OutputWriter.Failure) {
    for file in files where !OutputWriter.safeRelative(file.path) {
      throw .outside(file.path)
    }
    if let f = firstFailure { throw f }
    let root = url.path
    slots.wait()
    queue.async { [self] in
      defer { slots.signal() }
      guard firstFailure == nil else { return }
      if let failed = FileIO.makeDirectories(for: files.map(\.path), under: root) {
        return fail(.io("cannot create the folder \(failed)", ja: "フォルダー \(failed) を作れません"))
      }
      for file in files where !FileIO.write(file.data, to: root + "/" + file.path) {
        return fail(.cannotWrite(file.path))
      }
    }
  }

  /// Waits until everything handed over is written; the first write error, if any.
  func finish() throws(OutputWriter.Failure) {
    queue.sync {}
    if let f = firstFailure { throw f }
  }

  /// Copies files the build does not make but must not lose from the old output into the new
  /// one, such as `portal check --external`'s cache (so a rebuild does not refetch every link).
  /// Missing files are skipped; a failed copy only costs the cache.
  func carryOver(_ paths: [String]) {
    let fm = FileManager.default
    for path in paths where OutputWriter.safeRelative(path) {
      let source = output.appendingPathComponent(path)
      guard fm.fileExists(atPath: source.path) else { continue }
      let target = url.appendingPathComponent(path)
      try? fm.createDirectory(
        at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
      try? fm.copyItem(at: source, to: target)
    }
  }

  func commit() throws(OutputWriter.Failure) {
    try finish()
    do {
      try OutputWriter.swap(staging: url, into: output)
    } catch {
      discard()
      throw .io(
        error.localizedDescription,
        ja: "新しく書き出した出力フォルダーを、前の出力と入れ替えられません: \(error.localizedDescription)")
    }
  }

  func discard() {
    queue.sync {}
    try? FileManager.default.removeItem(at: url)
  }
}
