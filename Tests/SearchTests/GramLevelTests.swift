import Foundation
import Testing

@testable import Search

/// The posting table looks a document's n-grams up level by level, so their cache misses
/// overlap (`Prepared` walks them so), and a big key's lookup says it is big
/// (`PostingPart.bigFlag`, set with `GramTable.update`). Neither may change what a document
/// holds; that the postings stay what plain lists of documents give, with keys turning big in
/// every batch, is `PostingTableTests`.
@Suite struct GramLevelTests {
  /// Every n-gram (up to `gramLength` characters) of the Japanese runs of a title and a
  /// summary, with the bits of the fields holding it, as a dictionary of whole grams finds
  /// them, walked start by start or level by level; and with `levels` each partition's grams
  /// come level by level, each after its prefix.
  @Test(arguments: [0, 1, 2, 3], [false, true])
  func levelsHoldEveryGramOnceParentsFirst(seed: Int, levels: Bool) {
    var generator = IndexPatchTests.Generator(state: UInt64(seed))
    let alphabet = Array("あいうえおかきくけこ漢字県民子育てデジタル窓口 、。ABC2026😀")
    func text() -> String {
      String((0..<(1 + generator.next(120))).map { _ in alphabet[generator.next(alphabet.count)] })
    }
    let options = SearchIndexOptions()
    let doc = SearchDocument(
      url: "/p/", title: text(), kind: .initiative, summary: text(), body: "", date: nil,
      keywords: [], furigana: [])
    let prepared = Prepared(doc, options: options, levels: levels)

    var expected: [[UInt32]: UInt32] = [:]
    var normalizer = Normalizer()
    for (field, bit) in [(doc.title, IndexFormat.titleBit), (doc.summary, IndexFormat.summaryBit)] {
      let scalars = normalizer.normalize(field).scalars
      for seg in Normalizer.segments(scalars) where seg.isJapanese {
        for p in seg.start..<seg.end {
          for n in 1...min(options.gramLength, seg.end - p) {
            expected[Array(scalars[p..<p + n]), default: 0] |= bit
          }
        }
      }
    }
    var found: [[UInt32]: UInt32] = [:]
    for (key, mask) in prepared.grams {
      #expect(found[key.scalars] == nil, "each gram once")
      found[key.scalars] = mask
    }
    #expect(found == expected)
    #expect(!expected.isEmpty)

    var deeperFirst = false
    for part in 0..<PostingTable.partitions {
      let range = prepared.gramRange(in: part)
      for i in range {
        let node = prepared.gramNodes[i]
        if node.parent >= 0 {
          #expect(range.contains(Int(node.parent)) && Int(node.parent) < i)
          #expect(prepared.gramNodes[Int(node.parent)].depth == node.depth - 1)
        } else {
          #expect(node.depth == 0)
        }
        if i > range.lowerBound && levels {
          #expect(prepared.gramNodes[i - 1].depth <= node.depth)
        }
        if i > range.lowerBound && prepared.gramNodes[i - 1].depth > node.depth {
          deeperFirst = true
        }
      }
    }
    // Start by start, a shorter gram follows a longer one somewhere: the orders differ.
    #expect(deeperFirst == !levels)
  }

  /// A gram's value changed in place is what later lookups find, and the other values stay;
  /// prefetching a slot changes nothing.
  @Test func updatedValuesAreFoundAndPrefetchesChangeNothing() {
    let table = GramTable(capacity: 1)
    for n in 0..<5_000 {
      table.prefetch(parent: Int32(n / 7) - 1, UInt32(0x3042 + n % 7))
      let (v, inserted) = table.insert(
        parent: Int32(n / 7) - 1, UInt32(0x3042 + n % 7), value: Int32(n))
      #expect(inserted && v == Int32(n))
    }
    for n in stride(from: 0, to: 5_000, by: 3) {
      table.update(parent: Int32(n / 7) - 1, UInt32(0x3042 + n % 7), value: Int32(n) | Int32.min)
    }
    for n in 0..<5_000 {
      let (v, inserted) = table.insert(parent: Int32(n / 7) - 1, UInt32(0x3042 + n % 7), value: -7)
      #expect(!inserted)
      #expect(v == (n % 3 == 0 ? Int32(n) | Int32.min : Int32(n)))
    }
    #expect(table.count == 5_000)
  }

  /// A partition prefetches the slot of the n-gram a few lookups ahead whenever its prefix's
  /// key is known (`PostingPart.add`): most of the time for documents made level by level,
  /// seldom start by start. Either way each key gets the same posting, with keys turning big
  /// (`BigPostings`) along the way, as the two orders give the same n-grams.
  @Test func postingsAreTheSameWithLookupsPrefetchedLevelByLevel() {
    var options = IndexPatchTests.options
    options.maxPostingBytes = 40
    var generator = IndexPatchTests.Generator(state: 11)
    let documents = SearchIndexBuilder.ordered(IndexPatchTests.corpus(&generator, count: 300))
    func postings(levels: Bool) -> [String: String] {
      let batches = stride(from: 0, to: documents.count, by: 128).map { start in
        (
          start,
          documents[start..<min(start + 128, documents.count)].map {
            Prepared($0, options: options, levels: levels)
          }
        )
      }
      var found: [String: String] = [:]
      for p in 0..<PostingTable.partitions {
        var part = PostingPart(documentCount: documents.count, options: options, spill: nil)
        for (start, batch) in batches { part.add(batch, base: Int32(start), part: p) }
        part.forEachEntry { key, posting in
          #expect(found[key.string] == nil)
          found[key.string] = String(describing: posting)
        }
      }
      return found
    }
    let startByStart = postings(levels: false)
    let levelByLevel = postings(levels: true)
    #expect(startByStart.count > 1_000)
    #expect(startByStart.values.contains { $0.hasPrefix("big") })
    #expect(startByStart == levelByLevel)
  }
}
