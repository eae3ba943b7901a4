import ByteFormats
import Foundation
import Testing

@testable import Search

/// A patched index must have exactly the files and bytes of a full build of the same documents;
/// these tests edit bodies at random and compare both, with settings small enough that big
/// postings, known chunks and several shards all occur in a corpus of a few hundred pages.
@Suite struct IndexPatchTests {
  static let options: SearchIndexOptions = {
    var o = SearchIndexOptions()
    o.chunkLength = 40
    o.maxPostingBytes = 60
    o.knownChunksPerSet = 2
    o.shardBytes = 400
    return o
  }()

  static let words = [
    "防災", "電子申請", "マイナンバー", "ドローン", "県民", "子育て", "デジタル", "窓口", "手続き", "オンライン",
    "DX", "AI", "2026年", "スマート農業", "観光", "医療", "介護", "学校", "交通", "データ",
  ]

  /// A deterministic generator, so a failure can be replayed.
  struct Generator {
    var state: UInt64
    mutating func next(_ n: Int) -> Int {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int((state >> 33) % UInt64(n))
    }
    mutating func sentence() -> String {
      (0..<(3 + next(6))).map { _ in IndexPatchTests.words[next(IndexPatchTests.words.count)] }
        .joined(separator: next(3) == 0 ? "と" : "の") + "を進めます。"
    }
    mutating func body() -> String {
      (0..<(1 + next(8))).map { _ in sentence() }.joined(separator: next(2) == 0 ? "\n" : "")
    }
  }

  static func corpus(_ g: inout Generator, count: Int) -> [SearchDocument] {
    (0..<count).map { i in
      let kind = SearchKind.allCases[i % SearchKind.allCases.count]
      return SearchDocument(
        url: "/p/\(i)/", title: "ページ\(i)の\(words[i % words.count])", kind: kind,
        summary: i % 3 == 0 ? g.sentence() : "", body: g.body(),
        date: kind == .event ? "2026-0\(1 + i % 9)-01" : nil,
        keywords: kind == .glossary ? ["ぺーじ\(i)"] : [],
        furigana: i % 7 == 0 ? [furigana(words[i % words.count], "よみ\(i % 5)")] : [])
    }
  }

  /// A text with furigana: `base` read as `reading`, then a word.
  static func furigana(_ base: String, _ reading: String) -> SearchFurigana {
    SearchFurigana([.ruby(base: base, reading: reading), .text("の取組")])
  }

  /// The document with its body as bytes, as the build cache gives it.
  static func stored(_ doc: SearchDocument) -> SearchDocument {
    var d = doc
    d.bodyText = StoredText(utf8: ArraySlice(Array(doc.body.utf8)))
    return d
  }

  /// What a caller that only kept bodies gives as the earlier documents: the current ones
  /// with their earlier bodies.
  static func withBodies(_ bodies: [String: String], default: String? = nil)
    -> (Int, SearchDocument) -> SearchDocument?
  {
    { _, doc in
      guard let body = bodies[doc.url] ?? `default` else { return nil }
      var d = doc
      d.body = body
      return d
    }
  }

  /// Applies an update to the files of an earlier build.
  static func apply(_ u: SearchIndexUpdate, to files: [String: Data]) -> [String: Data] {
    var out = files
    for path in u.deletes { out[path] = nil }
    for (path, data) in u.writes { out[path] = data }
    return out
  }

  static func differences(_ a: [String: Data], _ b: [String: Data]) -> [String] {
    Set(a.keys).union(b.keys).filter { a[$0] != b[$0] }.sorted()
  }

  @Test func patchedIndexEqualsFullBuildAfterRandomBodyEdits() async throws {
    var g = Generator(state: 42)
    var docs = Self.corpus(&g, count: 160)
    var index = SearchIndexBuilder.buildIndex(docs, options: Self.options)
    let bigPostings = index.state.bigPairs.count
    #expect(bigPostings > 20, "the settings must produce big postings to test them")
    var patched = 0
    for round in 0..<12 {
      // Long and CPU-bound: let the tests that serve HTTP run in between.
      await Task.yield()
      let old = Dictionary(uniqueKeysWithValues: docs.map { ($0.url, $0.body) })
      var edited: Set<String> = [docs[g.next(docs.count)].url]  // one left as it was, too
      for _ in 0..<(1 + g.next(3)) {
        let i = g.next(docs.count)
        edited.insert(docs[i].url)
        switch g.next(4) {
        case 0: docs[i].body += g.sentence()
        case 1: docs[i].body = String(docs[i].body.prefix(docs[i].body.count / 2))
        case 2: docs[i].body = g.body()
        default: docs[i].body = ""
        }
      }
      let full = SearchIndexBuilder.buildIndex(docs, options: Self.options)
      let files = index.files
      guard
        let update = SearchIndexBuilder.update(
          docs, previous: index.state, previousDocument: Self.withBodies(old),
          readFile: { files[$0] }, options: Self.options)
      else {
        index = full
        continue
      }
      patched += 1
      // A caller that keeps the documents in order and names the edited ones gets the same,
      // also when the bodies are still the bytes of the build cache (`StoredText`).
      let ordered = SearchIndexBuilder.order(docs).map { Self.stored(docs[$0]) }
      let named = try #require(
        SearchIndexBuilder.update(
          ordered: ordered, changed: ordered.indices.filter { edited.contains(ordered[$0].url) },
          previous: index.state,
          previousDocument: { id, doc in Self.withBodies(old)(id, doc).map(Self.stored) },
          readFile: { files[$0] }, options: Self.options))
      #expect(named.writes == update.writes && named.deletes == update.deletes)
      #expect(named.state == update.state)
      let result = Self.apply(update, to: index.files)
      #expect(Self.differences(result, full.files) == [], "round \(round)")
      #expect(update.state == full.state, "round \(round)")
      index = SearchIndex(files: result, state: update.state)
    }
    #expect(patched >= 10, "most edits of a few bodies are patched, not rebuilt")
  }

  /// With the earlier documents kept, titles, summaries, keywords and texts with furigana are
  /// patched too, including titles and keywords shared with other documents (`=` entries of
  /// several ids).
  @Test func patchedIndexEqualsFullBuildAfterRandomHeadEdits() async throws {
    var g = Generator(state: 1234)
    var docs = Self.corpus(&g, count: 120)
    var index = SearchIndexBuilder.buildIndex(docs, options: Self.options)
    var patched = 0
    for round in 0..<8 {
      await Task.yield()
      let earlier = SearchIndexBuilder.order(docs).map { docs[$0] }
      for _ in 0..<(1 + g.next(3)) {
        var i = g.next(docs.count)
        while docs[i].kind == .glossary { i = g.next(docs.count) }
        let word = Self.words[g.next(Self.words.count)]
        switch g.next(8) {
        case 0: docs[i].title = "新しい\(word)"
        case 1: docs[i].title = docs[g.next(docs.count)].title
        case 2: docs[i].summary = g.sentence()
        case 3: docs[i].keywords.append(word)
        case 4:
          docs[i].keywords = []
          docs[i].furigana = []
        case 5: docs[i].furigana.append(Self.furigana(word, "よみ\(g.next(5))"))
        case 6:
          // Another word over the same reading: only the head's texts change.
          docs[i].furigana = docs[i].furigana.map {
            SearchFurigana(
              $0.pieces.map {
                if case .ruby(_, let r) = $0 { .ruby(base: word, reading: r) } else { $0 }
              })
          }
        default:
          docs[i].title += word
          docs[i].body += g.sentence()
        }
      }
      let full = SearchIndexBuilder.buildIndex(docs, options: Self.options)
      let files = index.files
      guard
        let update = SearchIndexBuilder.update(
          docs, previous: index.state, previousDocument: { id, _ in earlier[id] },
          readFile: { files[$0] }, options: Self.options)
      else {
        index = full
        continue
      }
      patched += 1
      let result = Self.apply(update, to: index.files)
      #expect(Self.differences(result, full.files) == [], "round \(round)")
      #expect(update.state == full.state, "round \(round)")
      index = SearchIndex(files: result, state: update.state)
    }
    #expect(patched >= 6, "edits of a few heads are patched, not rebuilt")
  }

  /// A changed date moves a document, and a glossary entry's names make the groups of related
  /// terms: those need a full build even with the earlier documents at hand.
  @Test func movedDocumentsAndGlossaryNamesNeedAFullBuild() throws {
    var g = Generator(state: 5)
    let docs = Self.corpus(&g, count: 60)
    let index = SearchIndexBuilder.buildIndex(docs, options: Self.options)
    let earlier = SearchIndexBuilder.order(docs).map { docs[$0] }
    func update(_ d: [SearchDocument]) -> SearchIndexUpdate? {
      SearchIndexBuilder.update(
        d, previous: index.state, previousDocument: { id, _ in earlier[id] },
        readFile: { index.files[$0] }, options: Self.options)
    }
    let event = try #require(docs.firstIndex { $0.kind == .event })
    var redated = docs
    redated[event].date = "2020-01-01"
    #expect(update(redated) == nil)
    let term = try #require(docs.firstIndex { $0.kind == .glossary })
    var renamed = docs
    renamed[term].title = "別の名前"
    #expect(update(renamed) == nil)
    var retitled = docs
    retitled[event].title = "別の題名"
    #expect(update(retitled) != nil)
  }

  @Test func unchangedDocumentsGiveAnEmptyUpdate() throws {
    var g = Generator(state: 7)
    let docs = Self.corpus(&g, count: 50)
    let index = SearchIndexBuilder.buildIndex(docs, options: Self.options)
    let bodies = Dictionary(uniqueKeysWithValues: docs.map { ($0.url, $0.body) })
    let update = try #require(
      SearchIndexBuilder.update(
        docs, previous: index.state, previousDocument: Self.withBodies(bodies),
        readFile: { index.files[$0] }, options: Self.options))
    #expect(update.writes.isEmpty && update.deletes.isEmpty)
  }

  @Test func changesOutsideBodiesNeedAFullBuild() throws {
    var g = Generator(state: 9)
    let docs = Self.corpus(&g, count: 50)
    let index = SearchIndexBuilder.buildIndex(docs, options: Self.options)
    let bodies = Dictionary(uniqueKeysWithValues: docs.map { ($0.url, $0.body) })
    func update(_ d: [SearchDocument], read: @escaping (String) -> Data? = { _ in nil })
      -> SearchIndexUpdate?
    {
      SearchIndexBuilder.update(
        d, previous: index.state, previousDocument: Self.withBodies(bodies),
        readFile: { index.files[$0] ?? read($0) }, options: Self.options)
    }
    var retitled = docs
    retitled[3].title = "新しい題名"
    #expect(update(retitled) == nil)
    #expect(update(Array(docs.dropLast())) == nil)
    var redated = docs
    redated[3].date = "2020-01-01"
    #expect(update(redated) == nil)
    // A body whose earlier text is not the one indexed.
    var edited = docs
    edited[5].body += "追記です。"
    let wrongPrevious = SearchIndexBuilder.update(
      edited, previous: index.state, previousDocument: Self.withBodies([:], default: "別の本文"),
      readFile: { index.files[$0] }, options: Self.options)
    #expect(wrongPrevious == nil)
    // A shard that cannot be read.
    let unreadable = SearchIndexBuilder.update(
      edited, previous: index.state, previousDocument: Self.withBodies(bodies),
      readFile: { $0.hasPrefix("s/") ? Data("{broken".utf8) : index.files[$0] },
      options: Self.options)
    #expect(unreadable == nil)
  }

  @Test func stateSurvivesItsBinaryForm() throws {
    var g = Generator(state: 3)
    let index = SearchIndexBuilder.buildIndex(Self.corpus(&g, count: 80), options: Self.options)
    #expect(SearchIndexState(encoded: index.state.encoded()) == index.state)
    #expect(SearchIndexState(encoded: Array(index.state.encoded().dropLast())) == nil)
  }

  @Test func shardFilesReadBackAsWritten() throws {
    let entries: [(key: String, value: [UInt8])] = [
      ("防災", Array("\"ABC\"".utf8)), ("#dx", Array("[\"A\",\"*B\",\"\",\"C\"]".utf8)),
      ("~でぃーえっくす", Array("[\"DX\",\"デジタル・トランスフォーメーション\",\"a\\\"b,c\"]".utf8)),
      ("tab\tkey\u{1}", Array("\"x\"".utf8)),
    ]
    let data = IndexEntries.shardData(entries)
    let back = try #require(IndexEntries.parseShard(data))
    #expect(IndexEntries.shardData(back) == data)
    #expect(Set(back.map(\.key)) == Set(entries.map(\.key)))
    #expect(IndexEntries.parseShard(Data("{}".utf8))?.isEmpty == true)
    #expect(IndexEntries.parseShard(Data("{\"a\":}".utf8)) == nil)
  }
}
