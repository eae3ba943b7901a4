import Content
import Foundation

/// Helpers the test targets share: temporary folders, and snapshots of a folder to see what a
/// build or a server wrote.

/// The repository's root, for its theme and fixtures.
public let repoRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
  .deletingLastPathComponent().deletingLastPathComponent()

/// A new empty folder under the system's temporary folder. Every such folder lives in one
/// folder per test process, removed when the process exits, so test runs leave nothing in
/// /tmp (a thousand copies of the fixture site piled up before).
public func temporaryFolder(_ name: String) throws -> URL {
  let url = testRunFolder.appendingPathComponent("\(name)-\(UUID().uuidString)")
  try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  return url
}

/// The folder that holds this process's temporary folders; made on first use, when the
/// removal at exit is registered (a global's initialiser runs once, even across threads).
public let testRunFolder: URL = {
  let url = FileManager.default.temporaryDirectory.appendingPathComponent(
    "portal-tests-\(UUID().uuidString)")
  atexit { removeTestRunFolder() }
  return url
}()

private func removeTestRunFolder() {
  try? FileManager.default.removeItem(at: testRunFolder)
}

/// The stamp of every file and folder under `dir`, by path relative to it: equal snapshots
/// mean nothing was written, created or removed.
public func stamps(_ dir: URL) -> [String: FileStamp] {
  var result: [String: FileStamp] = [:]
  let e = FileManager.default.enumerator(at: dir, includingPropertiesForKeys: nil)
  while let url = e?.nextObject() as? URL {
    if let s = FileStamp.of(path: url.path) {
      result[String(url.path.dropFirst(dir.path.count))] = s
    }
  }
  return result
}

/// Every file under `dir` with its bytes, by path relative to it, for byte-for-byte
/// comparisons.
public func snapshot(_ dir: URL) -> [String: Data] {
  var result: [String: Data] = [:]
  let e = FileManager.default.enumerator(at: dir, includingPropertiesForKeys: nil)
  while let url = e?.nextObject() as? URL {
    if let data = FileManager.default.contents(atPath: url.path), !url.hasDirectoryPath {
      result[String(url.path.dropFirst(dir.path.count))] = data
    }
  }
  return result
}
