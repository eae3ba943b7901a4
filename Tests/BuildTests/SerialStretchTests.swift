import ByteFormats
import Content
import Foundation
import TestSupport
import Testing

@testable import Build

/// The one-core stretches between steps: a full build's search files are not looked up again
/// in the table of outputs, and the parse memo is encoded right after loading (on another
/// thread beside resolving it raised the peak by 4–5 MiB with no wall saved on an idle
/// machine). Both must leave the cache as it was.
@Suite struct SerialStretchTests {
  let content: URL
  let output: URL

  init() throws {
    content = try copyFixture()
    output = content.deletingLastPathComponent().appendingPathComponent("site")
  }

  /// Outside a session the parses are encoded as soon as they are loaded (so the memo does not
  /// hold the pages), to the bytes a session's memo of the same load encodes, which decode to
  /// the pages loaded.
  @Test func parsesEncodedAfterLoadingAsASessionsMemo() throws {
    let run = BuildRun(options(content: content, output: output), session: nil)
    var previous: BuildCache?
    let loaded = run.loadContent(run.scanSources(), previous: &previous)
    guard case .encoded = loaded.parsedFiles else {
      Issue.record("a build without a session encodes its parses once loaded")
      return
    }
    let session = BuildRun(options(content: content, output: output), session: BuildSession())
    var none: BuildCache?
    let sessionLoaded = session.loadContent(session.scanSources(), previous: &none)
    guard case .memo(let memo) = sessionLoaded.parsedFiles else {
      Issue.record("a session keeps its memo")
      return
    }
    let bytes = loaded.parsedFiles.bytes
    #expect(bytes == memo.encoded())
    #expect(bytes == loaded.parsedFiles.bytes, "the bytes are there for a second reader")
    let decoded = try ParseMemo(decoding: bytes, contentDirectory: content)
    let pages = try #require(loaded.content?.pages)
    #expect(!pages.isEmpty)
    let decodedPages = decoded.pages(notMatching: [:])
    for page in pages {
      #expect(decodedPages[page.relativePath] == page, "\(page.relativePath)")
    }
  }

  /// The cache of a full build records every search file with the hash of its bytes, and
  /// lists them all; an edit that patches the index keeps them.
  @Test func fullBuildRecordsEverySearchFile() throws {
    #expect(SiteBuilder.build(options(content: content, output: output)).mode == .full)
    try expectSearchFilesRecorded()
    let page = content.appendingPathComponent("initiatives").appendingPathComponent(
      try #require(
        FileManager.default.contentsOfDirectory(
          atPath: content.appendingPathComponent("initiatives").path
        ).sorted().first { $0.hasSuffix(".md") }))
    try appendToBody(of: page, "索引に加わる言葉、波止場の灯台守。")
    #expect(SiteBuilder.build(options(content: content, output: output)).mode == .incremental)
    try expectSearchFilesRecorded()
  }

  private func expectSearchFilesRecorded(sourceLocation: SourceLocation = #_sourceLocation)
    throws
  {
    var cache = try #require(BuildCache.loadHead(from: output), sourceLocation: sourceLocation)
    let stateRead = cache.loadState(from: output, contentDirectory: content)
    #expect(stateRead, sourceLocation: sourceLocation)
    let root = output.appendingPathComponent("search")
    let onDisk = try #require(FileManager.default.subpaths(atPath: root.path)).filter {
      var folder: ObjCBool = false
      return FileManager.default.fileExists(
        atPath: root.appendingPathComponent($0).path, isDirectory: &folder) && !folder.boolValue
    }.map { "search/" + $0 }.sorted()
    // The search page itself is a page, not a file of the index.
    let indexFiles = onDisk.filter { $0 != "search/index.html" }
    #expect(indexFiles.count > 10, sourceLocation: sourceLocation)
    #expect(cache.searchFiles == indexFiles, sourceLocation: sourceLocation)
    for path in onDisk {
      let data = try Data(contentsOf: output.appendingPathComponent(path))
      #expect(
        cache.outputs[path]?.bytes == StableHash.of(data: data), "\(path)",
        sourceLocation: sourceLocation)
    }
  }
}
