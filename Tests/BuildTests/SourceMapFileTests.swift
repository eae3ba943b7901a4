import Foundation
import TestSupport
import Testing

@testable import Build

/// The source map's entries in the cache's file of their own (`SourceMapFile`): read back as
/// written, looked up without being decoded, not written again when no entry changed, and a
/// file that is not the state's makes the next build a full one.
@Suite struct SourceMapFileTests {
  let content: URL
  let output: URL
  var file: URL { output.appendingPathComponent(SourceMapFile.file) }

  init() throws {
    content = try copyFixture()
    output = content.deletingLastPathComponent().appendingPathComponent("site")
    try #require(SiteBuilder.build(options(content: content, output: output)).mode == .full)
  }

  func loadedCache() throws -> BuildCache {
    var cache = try #require(BuildCache.loadHead(from: output))
    let loaded = cache.loadState(from: output, contentDirectory: content)
    try #require(loaded)
    return cache
  }

  func inode() throws -> Int {
    try FileManager.default.attributesOfItem(atPath: file.path)[.systemFileNumber] as! Int
  }

  @Test func entriesSurviveTheirFile() throws {
    var entries = SourceMapEntries()
    for (n, path) in ["b/index.html", "a/index.html", "日本語/index.html", "q\"/x.html"].enumerated() {
      entries[path] = Array("{\"n\":\(n)}".utf8)
    }
    let path = content.deletingLastPathComponent().appendingPathComponent("map.bin").path
    let place = try SourceMapFile.write(entries, at: path)
    let stored = try #require(SourceMapFile.read(path, at: place))
    var read = SourceMapEntries(stored: stored)
    #expect(read.count == 4)
    #expect(read["日本語/index.html"] == Array("{\"n\":2}".utf8))
    #expect(read["c/index.html"] == nil)
    #expect(read.file().data == entries.file().data)
    #expect(read.stored != nil, "looked up, not decoded")
    // Written again unchanged: the same place, the file left alone.
    #expect(try SourceMapFile.write(read, at: path) == place)
    read["a/index.html"] = Array("{\"n\":1}".utf8)
    #expect(read.stored != nil, "the same entry again is no change")
    read["a/index.html"] = Array("{}".utf8)
    #expect(read.stored == nil)
    entries["a/index.html"] = Array("{}".utf8)
    #expect(read.file().data == entries.file().data)
    let next = try SourceMapFile.write(read, at: path)
    #expect(next != place)
    #expect(SourceMapFile.read(path, at: place) == nil, "the old state's file is gone")
  }

  /// A body edit that moves no link or heading leaves the file as it was, not written again.
  @Test func aBodyEditLeavesTheFileAlone() throws {
    let before = try inode()
    try edit(content.appendingPathComponent("initiatives/cyber-security.md")) {
      $0 + "\n追記した段落です。\n"
    }
    #expect(SiteBuilder.build(options(content: content, output: output)).mode == .incremental)
    #expect(try inode() == before)
    #expect(try loadedCache().sourceMap.stored != nil)
    // A new heading is a new entry: the file is written again, and read back right.
    try edit(content.appendingPathComponent("initiatives/cyber-security.md")) {
      $0 + "\n## 新しい見出し\n\n本文。\n"
    }
    #expect(SiteBuilder.build(options(content: content, output: output)).mode == .incremental)
    #expect(try inode() != before)
    let entry = try #require(
      try loadedCache().sourceMap.all.first { $0.0.contains("cyber-security") }?.1)
    #expect(String(decoding: entry, as: UTF8.self).contains("新しい見出し"))
  }

  /// Cut short, another one, a byte changed, or none: a full build, with a full build's site.
  @Test(arguments: ["truncated", "id", "entry", "missing"])
  func aFileNotTheStatesMeansAFullBuild(_ how: String) throws {
    var bytes = try Data(contentsOf: file)
    switch how {
    case "truncated": bytes = bytes.prefix(bytes.count - 1)
    case "id": bytes[9] ^= 0xFF
    case "entry": bytes[bytes.count / 2] ^= 0x01
    default: try FileManager.default.removeItem(at: file)
    }
    if how != "missing" { try bytes.write(to: file) }
    #expect(BuildCache.encoded(in: output, contentDirectory: content) == nil)
    try edit(content.appendingPathComponent("glossary/dx.md")) { $0 + "\n追記。\n" }
    let report = SiteBuilder.build(options(content: content, output: output))
    #expect(report.succeeded)
    #expect(report.mode == .full, "\(how)")
    let full = content.deletingLastPathComponent().appendingPathComponent("full")
    #expect(SiteBuilder.build(options(content: content, output: full)).mode == .full)
    #expect(site(output) == site(full))
  }
}
