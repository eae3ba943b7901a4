import ByteFormats
import Foundation
import TestSupport
import Testing

@testable import Build

#if canImport(Glibc)
  import Glibc
#endif

/// Builds on the pack of plain texts (`BodyPack`): an edit appends to it and gives a full
/// build's site; a pack that is not the one the state was written with (cut short, written
/// over, missing) makes the next build a full one; what a killed build appended is garbage.
@Suite struct BodyPackBuildTests: RebuiltFixture {
  let content: URL
  let output: URL
  var pack: URL { output.appendingPathComponent(BodyPack.file) }

  init() throws {
    content = try copyFixture()
    output = content.deletingLastPathComponent().appendingPathComponent("site")
    try #require(SiteBuilder.build(options(content: content, output: output)).mode == .full)
  }

  func packBytes() throws -> Data { try Data(contentsOf: pack) }

  func loadedCache() throws -> BuildCache {
    var cache = try #require(BuildCache.loadHead(from: output))
    let loaded = cache.loadState(from: output, contentDirectory: content)
    try #require(loaded)
    return cache
  }

  /// The plain text the cache keeps for a page.
  func cachedText(_ page: String) throws -> String? {
    try loadedCache().bodies[page]?.plainText.string
  }

  @Test func aBodyEditAppendsItsTextOnly() throws {
    let before = try packBytes()
    try edit(content.appendingPathComponent("initiatives/cyber-security.md")) {
      $0 + "\n追記した段落です。\n"
    }
    #expect(SiteBuilder.build(options(content: content, output: output)).mode == .incremental)
    let after = try packBytes()
    #expect(after.count > before.count)
    #expect(after.prefix(before.count) == before, "the texts written before stay as they were")
    let text = try #require(try cachedText("initiatives/cyber-security.md"))
    #expect(text.contains("追記した段落です。"))
    #expect(after.count - before.count == text.utf8.count)
    try expectSameAsFullBuild("body edited")
  }

  @Test func aRemovedPageLeavesTheCache() throws {
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
    #expect(try cachedText("initiatives/extra.md") == "消される取組の本文です。")
    try FileManager.default.removeItem(at: extra)
    let report = SiteBuilder.build(options(content: content, output: output))
    try #require(report.succeeded, "\(report.diagnostics.map(\.text))")
    #expect(report.mode == .incremental)
    #expect(try cachedText("initiatives/extra.md") == nil)
    #expect(try cachedText("initiatives/cyber-security.md") == "相談の窓口を増やします。")
    try expectSameAsFullBuild("page removed")
  }

  /// What a build killed while appending left at the end of the pack is never read.
  @Test func whatAKilledBuildAppendedIsGarbage() throws {
    let handle = try FileHandle(forWritingTo: pack)
    handle.seekToEndOfFile()
    handle.write(Data("途中で止まったビルドの書きかけ".utf8))
    try handle.close()
    try edit(content.appendingPathComponent("initiatives/cyber-security.md")) { $0 + "\n追記。\n" }
    #expect(SiteBuilder.build(options(content: content, output: output)).mode == .incremental)
    try expectSameAsFullBuild("after a killed build's garbage")
  }

  /// A pack cut short, written over at its start, or missing, is not the one the state was
  /// written with: the next build is a full one, and gives a full build's site.
  @Test(arguments: ["truncated", "header", "missing", "another"])
  func aPackNotTheStatesMeansAFullBuild(_ how: String) throws {
    var bytes = try packBytes()
    switch how {
    case "truncated": bytes = bytes.prefix(bytes.count - 1)
    case "header": bytes[9] ^= 0xFF
    case "another":
      // Another site's pack, its texts but one the same: another id (the same texts written
      // again in a new folder would be the same pack, bytes and id, and rightly read).
      var texts = try loadedCache().bodies.mapValues { StoredText($0.plainText.string) }
      let first = try #require(texts.keys.min())
      texts[first] = StoredText(texts[first]!.string + "別のサイト")
      try FileManager.default.removeItem(at: pack)
      _ = try BodyPack.write(texts, at: pack.path)
      bytes = try packBytes()
    default: break
    }
    if how == "missing" {
      try FileManager.default.removeItem(at: pack)
    } else {
      try bytes.write(to: pack)
    }
    #expect(BuildCache.encoded(in: output, contentDirectory: content) == nil)
    try edit(content.appendingPathComponent("glossary/dx.md")) { $0 + "\n追記。\n" }
    let report = SiteBuilder.build(options(content: content, output: output))
    #expect(report.succeeded)
    #expect(report.mode == .full, "\(how)")
    try expectSameAsFullBuild(how)
  }
}
