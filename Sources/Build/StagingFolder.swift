import Foundation
import Parallel
import Render

#if canImport(Glibc)
  import Glibc
#endif

/// A full build's new output, written beside the old one while pages are rendered, chunk by
/// chunk, so the pages of a 10,000-page site are not all held in memory at once. `commit`
/// swaps it in; `discard` removes it, leaving the old output as it was.
final class StagingFolder {
  let url: URL
  private let output: URL
  private var count = 0

  init(for output: URL) throws(OutputWriter.Failure) {
    self.output = output
    url = output.deletingLastPathComponent().appendingPathComponent(
      ".\(output.lastPathComponent).building-\(getpid())")
    try? FileManager.default.removeItem(at: url)
    do {
      try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    } catch {
      throw .io("cannot create \(url.path): \(error.localizedDescription)")
    }
  }

  /// Writes files in parallel; refuses any path that would land outside the folder.
  func write(_ files: [OutputFile]) throws(OutputWriter.Failure) {
    for file in files where !OutputWriter.safeRelative(file.path) {
      throw .unsafe("refusing to write `\(file.path)`: it would land outside the output folder")
    }
    let root = url.path
    if let failed = FileIO.makeDirectories(for: files.map(\.path), under: root) {
      throw .io("cannot create the folder \(failed)")
    }
    let failures: [String?] = files.parallelMap { file in
      FileIO.write(file.data, to: root + "/" + file.path) ? nil : file.path
    }
    if let failed = failures.compactMap({ $0 }).first { throw .io("cannot write \(failed)") }
    count += files.count
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

  /// The number of files written so far.
  var filesWritten: Int { count }

  func commit() throws(OutputWriter.Failure) {
    do {
      try OutputWriter.swap(staging: url, into: output)
    } catch {
      discard()
      throw .io(error.localizedDescription)
    }
  }

  func discard() { try? FileManager.default.removeItem(at: url) }
}
