import ByteFormats
import Diagnostics
import Foundation
import Testing

@testable import Content

@Suite struct PageCodingTests {
  /// The cache's canonical order does not depend on a dictionary's seeded order, and visiting
  /// in place gives the same sequence as the copied list.
  @Test func canonicalOrderIsStable() {
    var a: [String: Int] = [:]
    var b: [String: Int] = [:]
    let keys =
      (0..<2000).map { "initiatives/page-\($0 * 7919 % 2000)/index.html" } + ["", "é", "取組"]
    for (i, k) in keys.enumerated() { a[k] = i }
    for (i, k) in keys.enumerated().reversed() { b[k] = i }
    b.reserveCapacity(10_000)
    var visited: [String] = []
    b.forEachCanonically { key, value in
      visited.append(key)
      #expect(a[key] == value)
    }
    #expect(visited == a.canonicallyOrdered().map(\.key))
    #expect(Set(visited).count == keys.count)
    let hashes = visited.map { StableHash.of($0) }
    #expect(hashes == hashes.sorted())
  }

  /// Every page of both fixtures (all kinds, every optional field set and unset) and every
  /// diagnostic comes back equal from the cache's bytes, bodies read back from the files.
  @Test func parsedFilesRoundTrip() throws {
    let valid = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent("BuildTests/Fixtures/valid/content")
    for folder in [valid, fixture("invalid")] {
      let memo = ParseMemo()
      let (content, diagnostics) = ContentLoader.load(
        contentDirectory: folder, displayPrefix: "content", memo: memo)
      let pages = try #require(content?.pages)
      let decoded = try ParseMemo(
        decoding: memo.encoded(), contentDirectory: folder)
      let (key, entries) = memo.snapshot()
      let (decodedKey, decodedEntries) = decoded.snapshot()
      #expect(key != nil && decodedKey == key)
      // Drafts and scheduled pages are left out (`encoded()`), the rest kept.
      #expect(
        decodedEntries.keys.sorted()
          == entries.filter { !ParseMemo.isUnpublished($0.value.page) }.keys.sorted())
      var checked = 0
      for (path, e) in entries where !ParseMemo.isUnpublished(e.page) {
        let d = try #require(decodedEntries[path])
        #expect(d.stamp == e.stamp && d.hashes == e.hashes, "\(path)")
        #expect(d.diagnostics == e.diagnostics, "\(path)")
        #expect(d.page == e.page, "\(path)")
        if let page = pages.first(where: { $0.relativePath == path }) {
          #expect(d.page?.body == page.body, "\(path)")
          if !page.body.isEmpty { checked += 1 }
        }
      }
      #expect(checked > 0)
      #expect(entries.values.contains { !$0.diagnostics.isEmpty } || folder == valid)
      #expect(!diagnostics.isEmpty || folder == valid)

      // Loading again with the decoded memo parses nothing and gives the same pages.
      let (again, againDiagnostics) = ContentLoader.load(
        contentDirectory: folder, displayPrefix: "content", memo: decoded)
      #expect(again?.pages == pages)
      #expect(againDiagnostics == diagnostics)
    }
  }

  /// A draft's or a scheduled page's title and summary are not in the cache, which sits in the
  /// output folder that is uploaded; published pages' are.
  @Test func draftsAndScheduledPagesAreNotKept() throws {
    let valid = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent("BuildTests/Fixtures/valid/content")
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "portal-drafts-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: folder) }
    try FileManager.default.copyItem(at: valid, to: folder)
    func write(_ name: String, _ extra: String, _ term: String) throws {
      try "---\nterm: \(term)\nreading: よみ\nshort: \(term)の説明です。\n\(extra)---\n\n本文です。\n"
        .write(
          to: folder.appendingPathComponent("glossary/\(name).md"), atomically: true,
          encoding: .utf8)
    }
    try write("open", "", "公開語")
    try write("draft", "draft: true\n", "秘密語")
    try write("later", "publish: 2099-01-01T09:00:00+09:00\n", "予告語")
    let memo = ParseMemo()
    _ = ContentLoader.load(contentDirectory: folder, displayPrefix: "content", memo: memo)
    let entries = memo.snapshot().entries
    #expect(entries["glossary/draft.md"] != nil && entries["glossary/later.md"] != nil)
    let bytes = String(decoding: memo.encoded(), as: UTF8.self)
    #expect(bytes.contains("公開語"))
    #expect(!bytes.contains("秘密語") && !bytes.contains("予告語"))
    let decoded = try ParseMemo(decoding: memo.encoded(), contentDirectory: folder)
    let kept = decoded.snapshot().entries
    #expect(kept["glossary/open.md"] != nil)
    #expect(kept["glossary/draft.md"] == nil && kept["glossary/later.md"] == nil)
    #expect(kept.count == entries.count - 2)
  }

  /// A diagnostic's Japanese words (`Diagnostic.ja`) come back from the cache, with and without
  /// a hint, and a diagnostic without them comes back without.
  @Test func diagnosticsKeepTheirJapanese() throws {
    let at = SourceLocation(file: "content/a.md", line: 2, column: 7)
    let list = [
      Diagnostic.error(at, "bad", hint: "fix", code: "x").ja("だめです", hint: "直してください"),
      Diagnostic.warning(at, "odd").ja("変です"),
      Diagnostic.warning(at, "plain", hint: "only English"),
    ]
    var w = BinaryWriter()
    for d in list { d.encode(into: &w) }
    var r = BinaryReader(w.bytes)
    let back = try list.map { _ in try Diagnostic(decoding: &r) }
    #expect(back == list)
    #expect(back[1].japanese == Diagnostic.Japanese(message: "変です", hint: nil))
    #expect(back[2].japanese == nil)
  }

  /// A different site.yml forgets the cached parses: field ids are checked while parsing.
  @Test func anotherSiteConfigurationParsesAgain() throws {
    let memo = ParseMemo()
    memo.use(config: nil, key: 1)
    memo.store(
      "a.md", .init(stamp: FileStamp(modified: 1, size: 1), page: nil, diagnostics: [], hashes: nil)
    )
    let decoded = try ParseMemo(
      decoding: memo.encoded(), contentDirectory: URL(fileURLWithPath: "/tmp"))
    decoded.use(config: nil, key: 1)
    #expect(decoded.entry("a.md") != nil)
    decoded.use(config: nil, key: 2)
    #expect(decoded.entry("a.md") == nil)
  }

  @Test func truncatedBytesAreRejected() throws {
    let memo = ParseMemo()
    let valid = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent("BuildTests/Fixtures/valid/content")
    _ = ContentLoader.load(contentDirectory: valid, memo: memo)
    let bytes = memo.encoded()
    for cut in [1, 9, bytes.count / 2, bytes.count - 1] {
      #expect(throws: (any Error).self) {
        try ParseMemo(
          decoding: Array(bytes.prefix(cut)), contentDirectory: valid)
      }
    }
  }
}
