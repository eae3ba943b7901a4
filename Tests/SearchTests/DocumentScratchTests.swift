import ByteFormats
import Foundation
import Testing

@testable import Search

/// Preparing a document reuses working memory kept from earlier documents (`DocumentScratch`)
/// and writes its chunk files straight from the characters (`Prepared.chunkFile`): neither may
/// change what a document gives.
@Suite struct DocumentScratchTests {
  /// A chunk file as it was written before: the text made a string, escaped by `JSONBytes`.
  static func chunkFileThroughAString(_ scalars: [UInt32]) -> Data {
    var c = JSONBytes()
    c.raw("{\"x\":")
    c.string(SearchText.string(scalars))
    c.raw("}")
    return Data(c.bytes)
  }

  /// Every character that JSON escapes (each control character, `"` and `\`), the edges of
  /// each UTF-8 length, and random texts of them.
  @Test func chunkFilesHaveTheBytesOfTheTextAsAJSONString() {
    let edges: [UInt32] =
      Array(0..<0x21) + [0x22, 0x2F, 0x3C, 0x5C, 0x7E, 0x7F, 0x80, 0x7FF, 0x800, 0x3042, 0xFFFF]
      + [0x1_0000, 0x2_0B9F, 0x10_FFFF]
    for v in edges {
      #expect(Prepared.chunkFile([v][...]) == Self.chunkFileThroughAString([v]), "U+\(v)")
    }
    var generator = IndexPatchTests.Generator(state: 11)
    for _ in 0..<200 {
      let text = (0..<generator.next(60)).map { _ in edges[generator.next(edges.count)] }
      #expect(Prepared.chunkFile(text[...]) == Self.chunkFileThroughAString(text))
    }
    #expect(Prepared.chunkFile([][...]) == Data(#"{"x":""}"#.utf8))
  }

  /// The same documents prepared with one pool (each taking the scratch an earlier, longer or
  /// shorter one left) and each on its own give the same grams, words, files and keys.
  @Test func aReusedScratchPreparesWhatANewOneDoes() {
    var generator = IndexPatchTests.Generator(state: 5)
    var documents = IndexPatchTests.corpus(&generator, count: 60)
    // Words, full-width letters (the full rules of the normaliser) and a glossary entry.
    documents[3].body = "ＡＢＣ Portal 2026年 ｶﾞｲﾄﾞ " + documents[3].body
    documents[4].body = ""
    documents[5].keywords = ["ＡＩ", "えーあい"]
    let pool = GramTriePool()
    for levels in [false, true] {
      for document in documents + documents.reversed() {
        let reused = Prepared(
          document, options: IndexPatchTests.options, tries: pool, levels: levels)
        let fresh = Prepared(document, options: IndexPatchTests.options, levels: levels)
        #expect(GramNode.keys(reused.gramNodes) == GramNode.keys(fresh.gramNodes))
        #expect(reused.gramNodes.map(\.mask) == fresh.gramNodes.map(\.mask))
        #expect(reused.gramEnds == fresh.gramEnds)
        // Words come in each partition in their dictionary's order, which no output shows.
        #expect(reused.wordEnds == fresh.wordEnds)
        for part in 0..<PostingTable.partitions {
          let (a, b) = (reused.words(in: part), fresh.words(in: part))
          #expect(
            Dictionary(uniqueKeysWithValues: Array(a)) == Dictionary(uniqueKeysWithValues: Array(b))
          )
        }
        #expect(reused.head == fresh.head)
        #expect(reused.chunkFiles == fresh.chunkFiles)
        #expect(reused.titleKey == fresh.titleKey)
        #expect(reused.keywordKeys == fresh.keywordKeys)
        #expect(reused.memberTerms == fresh.memberTerms)
      }
    }
  }

  /// Normalising into a text that held a longer one leaves nothing of it.
  @Test func normalisingIntoAUsedTextGivesAFreshResult() {
    var normalizer = Normalizer()
    var text = NormalizedText()
    let long = Array("ｶﾞｲﾄﾞブックＡＢＣ、デジタル・トランスフォーメーション".unicodeScalars.map(\.value))
    let short = Array("ｶﾞｲﾄﾞ Ａ".unicodeScalars.map(\.value))
    normalizer.normalize(long, into: &text)
    normalizer.normalize(short, into: &text)
    var fresh = Normalizer()
    let expected = fresh.normalize(short)
    #expect(text.scalars == expected.scalars)
    #expect(text.originStart == expected.originStart)
    #expect(text.originEnd == expected.originEnd)
  }

  /// A page of more texts than a start's 16-bit number holds (over 65,535 body chunks) is
  /// indexed, not trapped: each start still reads its own text's bit (0 past the mask's 29
  /// chunks, as the last number's).
  @Test func aPageOfMoreTextsThanSixteenBitsIsIndexed() {
    var texts = DocumentTexts()
    let count = Int(UInt16.max) + 10
    for n in 0..<count {
      texts.index([0x3042][...], bit: 1 << UInt32(n))
    }
    #expect(texts.starts.count == count)
    #expect(texts.bits.count == count)
    for (n, start) in texts.starts.enumerated() {
      #expect(texts.bits[Int(start.text)] == texts.bits[n], "text \(n)")
      if texts.bits[Int(start.text)] != texts.bits[n] { break }
    }
    #expect(texts.starts.last?.text == UInt16.max)
  }
}
