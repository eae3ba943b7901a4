import Foundation
import Testing

@testable import Search

/// A file of the index missing or cut short (an upload stopped): the search says which, where
/// "no match" was all it said. An index whole says nothing of the kind.
@Suite struct DamagedIndexTests {
  static let documents = KeywordSnippetTests.documents

  @Test func aWholeIndexHasNoUnreadableFiles() throws {
    let engine = try SearchEngine(files: SearchIndexBuilder.build(Self.documents))
    #expect(!engine.search("高齢者").isEmpty)
    #expect(engine.search("ぽけもんぽけもん").isEmpty)
    #expect(engine.unreadableFiles.isEmpty)
  }

  @Test func aShardCutShortIsNamed() throws {
    var files = SearchIndexBuilder.build(Self.documents)
    let whole = try SearchEngine(files: files)
    _ = whole.run("高齢者")
    let shards = files.keys.filter { $0.hasPrefix("s/") }
    #expect(!shards.isEmpty)
    for name in shards { files[name] = files[name]!.prefix(10) }
    let engine = try SearchEngine(files: files)
    #expect(engine.search("高齢者").isEmpty)
    #expect(!engine.unreadableFiles.isEmpty)
    #expect(engine.unreadableFiles.allSatisfy { $0.hasPrefix("s/") })
  }

  @Test func aPageHeadMissingIsNamed() throws {
    var files = SearchIndexBuilder.build(Self.documents)
    for name in files.keys where name.hasPrefix("c/") && !name.contains("-") { files[name] = nil }
    let engine = try SearchEngine(files: files)
    _ = engine.search("高齢者")
    #expect(engine.unreadableFiles.contains { $0.hasPrefix("c/") })
  }
}
