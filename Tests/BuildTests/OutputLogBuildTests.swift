import ByteFormats
import Foundation
import Search
import TestSupport
import Testing

@testable import Build

/// Builds on the log of outputs (`OutputLog`): an edit appends its entries and gives a full
/// build's site; a log that is not the one the state was written with makes the next build a
/// full one; what a killed build appended is not read. And the pack of texts records the
/// hashes the search index made of the bodies (handed over, not made again).
@Suite struct OutputLogBuildTests: RebuiltFixture {
  let content: URL
  let output: URL
  var log: URL { output.appendingPathComponent(OutputLog.file) }

  init() throws {
    content = try copyFixture()
    output = content.deletingLastPathComponent().appendingPathComponent("site")
    try #require(SiteBuilder.build(options(content: content, output: output)).mode == .full)
  }

  func logBytes() throws -> Data { try Data(contentsOf: log) }

  func loadedCache() throws -> BuildCache {
    var cache = try #require(BuildCache.loadHead(from: output))
    let loaded = cache.loadState(from: output, contentDirectory: content)
    try #require(loaded)
    return cache
  }

  @Test func aBodyEditAppendsItsOutputsOnly() throws {
    let before = try logBytes()
    try edit(content.appendingPathComponent("initiatives/cyber-security.md")) {
      $0 + "\n追記した段落です。\n"
    }
    #expect(SiteBuilder.build(options(content: content, output: output)).mode == .incremental)
    let after = try logBytes()
    #expect(after.count > before.count)
    #expect(after.prefix(before.count) == before, "the entries written before stay as they were")
    #expect(after.count - before.count < before.count / 4, "a few entries, not the table")
    try expectSameAsFullBuild("body edited")
    // A second edit appends again, after the first.
    try edit(content.appendingPathComponent("initiatives/cyber-security.md")) { $0 + "\n" }
    #expect(SiteBuilder.build(options(content: content, output: output)).mode == .incremental)
    try expectSameAsFullBuild("a blank line added")
  }

  @Test func aRemovedPageLeavesTheLog() throws {
    let extra = content.appendingPathComponent("initiatives/extra.md")
    try """
    ---
    title: 追加の取組
    summary: すぐ消します。
    fields: [safety]
    status: planned
    ---

    消される取組の本文です。
    """.write(to: extra, atomically: true, encoding: .utf8)
    #expect(SiteBuilder.build(options(content: content, output: output)).mode == .incremental)
    let path = try #require(try loadedCache().outputs.keys.first { $0.contains("extra") })
    try FileManager.default.removeItem(at: extra)
    let report = SiteBuilder.build(options(content: content, output: output))
    try #require(report.succeeded, "\(report.diagnostics.map(\.text))")
    #expect(report.mode == .incremental)
    #expect(try loadedCache().outputs[path] == nil)
    try expectSameAsFullBuild("page removed")
  }

  /// What a build killed after appending to the log (before its state) left is not read.
  @Test func whatAKilledBuildAppendedIsNotRead() throws {
    let handle = try FileHandle(forWritingTo: log)
    handle.seekToEndOfFile()
    handle.write(Data(repeating: 7, count: 40))
    try handle.close()
    try edit(content.appendingPathComponent("initiatives/cyber-security.md")) { $0 + "\n追記。\n" }
    #expect(SiteBuilder.build(options(content: content, output: output)).mode == .incremental)
    try expectSameAsFullBuild("after a killed build's garbage")
  }

  /// A log cut short, another one, one with a byte changed, or none: the next build is a
  /// full one and gives a full build's site.
  @Test(arguments: ["truncated", "id", "chunk", "another", "missing"])
  func aLogNotTheStatesMeansAFullBuild(_ how: String) throws {
    var bytes = try logBytes()
    switch how {
    case "truncated": bytes = bytes.prefix(bytes.count - 1)
    case "id": bytes[9] ^= 0xFF
    case "chunk": bytes[bytes.count / 2] ^= 0x01
    case "another":
      // Another site's table, all but one entry the same.
      var hashes = try loadedCache().outputs
      hashes[try #require(hashes.keys.min())] = .init(inputs: 1, bytes: 1)
      try FileManager.default.removeItem(at: log)
      _ = try OutputLog.write(OutputHashes(hashes.table, log: nil), at: log.path)
      bytes = try logBytes()
    default: break
    }
    if how == "missing" {
      try FileManager.default.removeItem(at: log)
    } else {
      try bytes.write(to: log)
    }
    #expect(BuildCache.encoded(in: output, contentDirectory: content) == nil)
    try edit(content.appendingPathComponent("glossary/dx.md")) { $0 + "\n追記。\n" }
    let report = SiteBuilder.build(options(content: content, output: output))
    #expect(report.succeeded)
    #expect(report.mode == .full, "\(how)")
    try expectSameAsFullBuild(how)
  }

  /// The pack records each text's hash as the search index has it, whether handed over by
  /// the index (a full build, the edited page) or kept from the pack.
  @Test func thePackRecordsTheIndexsHashes() throws {
    try edit(content.appendingPathComponent("initiatives/cyber-security.md")) { $0 + "\n追記。\n" }
    #expect(SiteBuilder.build(options(content: content, output: output)).mode == .incremental)
    for (page, body) in try loadedCache().bodies {
      let at = try #require(body.plainText.mappedLocation)
      #expect(
        at.hash == SearchIndexState.bodyHash(of: StoredText(body.plainText.string)), "\(page)")
    }
  }

  /// A hash handed to the pack is the one it records: it does not hash the text again.
  @Test func thePackTakesTheHashesItIsGiven() throws {
    let pack = content.deletingLastPathComponent().appendingPathComponent("given.pack").path
    let texts = ["a.md": StoredText("本文"), "b.md": StoredText("別の本文")]
    let layout = try BodyPack.write(texts, at: pack, knownHashes: ["a.md": 42])
    #expect(layout.entries["a.md"]?.hash == 42)
    #expect(layout.entries["b.md"]?.hash == SearchIndexState.bodyHash(of: texts["b.md"]!))
  }
}
