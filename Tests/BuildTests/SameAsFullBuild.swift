import Foundation
import TestSupport
import Testing

@testable import Build

/// A suite whose tests edit a copied fixture and build it again, and then ask whether the
/// result is what a build from scratch gives: every incremental way (a patched index, an edit
/// made in place, an appended log or pack) must end where a full build of the same content
/// does, files and cache alike.
protocol RebuiltFixture {
  var content: URL { get }
  var output: URL { get }
  /// The options of a build into `folder`; the fixture's own theme and clock by default.
  func buildOptions(_ folder: URL) -> BuildOptions
}

/// Which cache a comparison holds to a full build's.
enum CacheToCompare {
  /// The cache the last build saved beside the site.
  case onDisk
  /// The cache a `portal serve` session keeps in memory (it saves it only when it stops).
  case session(BuildSession)
}

extension RebuiltFixture {
  func buildOptions(_ folder: URL) -> BuildOptions { options(content: content, output: folder) }

  /// Builds the content from scratch into a folder beside `output` and expects the same files,
  /// byte for byte, and the same cache state.
  func expectSameAsFullBuild(
    _ name: String, cache: CacheToCompare = .onDisk,
    sourceLocation: SourceLocation = #_sourceLocation
  ) throws {
    let full = output.deletingLastPathComponent().appendingPathComponent(
      "full-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: full) }
    let report = SiteBuilder.build(buildOptions(full))
    #expect(report.mode == .full, "\(name)", sourceLocation: sourceLocation)
    let (a, b) = (site(output), site(full))
    #expect(a.keys.sorted() == b.keys.sorted(), "\(name): files", sourceLocation: sourceLocation)
    for key in a.keys.sorted() where a[key] != b[key] {
      Issue.record("\(name): \(key) differs", sourceLocation: sourceLocation)
    }
    let theirs = try #require(
      BuildCache.encoded(in: full, contentDirectory: content), sourceLocation: sourceLocation)
    let mine: [UInt8]
    switch cache {
    case .onDisk:
      mine = try #require(
        BuildCache.encoded(in: output, contentDirectory: content), sourceLocation: sourceLocation
      ).state
    case .session(let session):
      mine = try #require(session.cache, sourceLocation: sourceLocation).encoded().state
    }
    #expect(mine == theirs.state, "\(name): cache state", sourceLocation: sourceLocation)
  }
}
