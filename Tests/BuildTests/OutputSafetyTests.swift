import Content
import Foundation
import TestSupport
import Testing

@testable import Build

/// Writing in place (an incremental build) never goes through a link in the output, and a
/// path too long to write is refused before the first file is written, so the output is left
/// as it was and the report says so.
@Suite struct OutputSafetyTests {
  @Test func aLinkedFolderInTheOutputIsNotWrittenOrDeletedThrough() throws {
    let content = try copyFixture()
    let root = content.deletingLastPathComponent()
    let output = root.appendingPathComponent("site")
    #expect(SiteBuilder.build(options(content: content, output: output)).succeeded)
    // The glossary's pages moved out, a link left in their place.
    let fm = FileManager.default
    let outside = root.appendingPathComponent("outside")
    try fm.moveItem(at: output.appendingPathComponent("glossary"), to: outside)
    try fm.createSymbolicLink(
      at: output.appendingPathComponent("glossary"), withDestinationURL: outside)
    let term = try #require(
      try fm.contentsOfDirectory(atPath: content.appendingPathComponent("glossary").path)
        .first { $0.hasSuffix(".md") })
    let before = snapshot(outside)
    try edit(content.appendingPathComponent("glossary/" + term)) { $0 + "\n追記です。\n" }
    let report = SiteBuilder.build(options(content: content, output: output))
    #expect(!report.succeeded)
    #expect(report.diagnostics.map(\.code) == ["output.write"])
    #expect(
      report.diagnostics.first?.message.hasPrefix("`glossary` in the output folder is a link")
        == true)
    #expect(report.summary.contains("the previous output was left unchanged"))
    #expect(snapshot(outside) == before)
  }

  @Test func aPathTooLongIsRefusedBeforeAnythingIsWritten() throws {
    let content = try copyFixture()
    let output = content.deletingLastPathComponent().appendingPathComponent("site")
    #expect(SiteBuilder.build(options(content: content, output: output)).succeeded)
    let before = site(output)
    // Folders of 250 bytes each: every name is allowed, the whole path is not.
    let long =
      "/" + (0..<17).map { _ in String(repeating: "b", count: 250) }.joined(separator: "/") + "/"
    try edit(content.appendingPathComponent("pages/links.md")) {
      $0.replacingOccurrences(of: "redirect_from: /link.html", with: "redirect_from: \(long)")
        .replacingOccurrences(of: "title: ", with: "title: 新しい")
    }
    let report = SiteBuilder.build(options(content: content, output: output))
    #expect(!report.succeeded)
    // (The redirect's old address, /link.html, is said to be gone too: `content.page-gone`.)
    #expect(
      report.diagnostics.contains { $0.message.contains("longer than the file system allows") })
    #expect(report.summary.contains("the previous output was left unchanged"))
    #expect(site(output) == before)
  }

  /// A cache that cannot be written after the pages were written in place is a partial
  /// write, not "left unchanged", and the message gives the system's reason.
  @Test func aCacheThatCannotBeWrittenAfterThePagesSaysTheOutputIsPartlyUpdated() throws {
    let content = try copyFixture()
    let output = content.deletingLastPathComponent().appendingPathComponent("site")
    #expect(SiteBuilder.build(options(content: content, output: output)).succeeded)
    // The state is written through a temporary file beside it: a folder there stops it.
    let temporary = output.appendingPathComponent(BuildCache.file + ".portal-tmp")
    try FileManager.default.createDirectory(
      at: temporary.appendingPathComponent("blocked"), withIntermediateDirectories: true)
    try edit(content.appendingPathComponent("glossary/dx.md")) { $0 + "\n追記です。\n" }
    let report = SiteBuilder.build(options(content: content, output: output))
    #expect(!report.succeeded)
    #expect(report.diagnostics.map(\.code) == ["output.partial"])
    #expect(
      report.diagnostics.first?.message.contains("cannot write .portal/cache/state.bin") == true)
    #expect(report.diagnostics.first?.message.contains("Is a directory") == true)
    #expect(report.summary.contains("the output folder may be partly updated"))
  }

  /// An output folder that is a file system of its own cannot be swapped with one beside it:
  /// refused before anything is built, with a folder inside it to use instead.
  @Test func anOutputThatIsAMountPointIsRefusedWithTheWayOut() throws {
    let shm = URL(fileURLWithPath: "/dev/shm")
    var own = stat()
    var parent = stat()
    // /dev/shm is its own tmpfs on Linux; skip where it is not.
    guard stat(shm.path, &own) == 0, stat("/dev", &parent) == 0, own.st_dev != parent.st_dev
    else { return }
    #expect(throws: OutputWriter.Failure.self) { try StagingFolder.refuseMountPoint(shm) }
    do {
      try StagingFolder.refuseMountPoint(shm)
    } catch {
      #expect(error.message.contains("--output /dev/shm/site"))
    }
    try StagingFolder.refuseMountPoint(FileManager.default.temporaryDirectory)
  }
}
