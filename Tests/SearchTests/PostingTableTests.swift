import Foundation
import Testing

@testable import Search

/// The posting table keeps a key's first documents in batches and, once its pairs pass
/// `maxPostingBytes`, only what the per-field form needs (`BigPostings`). Whatever batch a key
/// turns big in, the index must hold what writing each key's plain list of documents gives.
@Suite struct PostingTableTests {
  /// Every posting of a full build, and each big posting's recorded pairs length, against the
  /// same computed from a dictionary of each key's documents and masks. 700 documents make
  /// three batches of the table, and the small limit turns keys big in each of them. With a
  /// spill folder, a key turning big reads its earlier runs back from the spill file, between
  /// two of the batch's marks.
  @Test(arguments: [20, 60, 250], [false, true])
  func postingsMatchPlainListsOfDocuments(limit: Int, spill: Bool) throws {
    var options = IndexPatchTests.options
    options.maxPostingBytes = limit
    var generator = IndexPatchTests.Generator(state: 7)
    let documents = SearchIndexBuilder.ordered(
      IndexPatchTests.corpus(&generator, count: 700))
    let folder = FileManager.default.temporaryDirectory.path
    var files: [String: Data] = [:]
    var index = SearchIndexBuilder.buildIndex(
      documents, options: options, spillDirectory: spill ? folder : nil
    ) { files.merge($0) { a, _ in a } }
    index.files.merge(files) { a, _ in a }

    var postings: [String: [(Int32, UInt32)]] = [:]
    for (id, document) in documents.enumerated() {
      let prepared = Prepared(document, options: options)
      for (gram, mask) in prepared.grams {
        postings[PostingTable.Key.gram(gram).string, default: []].append((Int32(id), mask))
      }
      for (word, mask) in prepared.words { postings[word, default: []].append((Int32(id), mask)) }
    }
    var written: [String: [UInt8]] = [:]
    for (path, data) in index.files where path.hasPrefix("s/") {
      for entry in try #require(IndexEntries.parseShard(data)) { written[entry.key] = entry.value }
    }
    var big = 0
    for (key, list) in postings {
      let (value, bigPairs) = IndexEntries.postingValue(
        list.map(\.0), list.map(\.1), documentCount: documents.count, options: options)
      #expect(written[key] == value, "\(key)")
      #expect(index.state.bigPairs[key] == bigPairs, "\(key)")
      if bigPairs != nil { big += 1 }
    }
    #expect(index.state.bigPairs.count == big)
    // The limits make both forms, so both paths of the table are taken.
    #expect(big > 0)
    #expect(big < postings.count)
  }
}
