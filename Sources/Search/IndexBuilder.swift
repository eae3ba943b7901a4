import ByteFormats
import Dispatch
import Foundation

/// Builds the static search index that `portal build` writes under `site/search/`.
///
/// Layout (all JSON, deterministic: the same documents give the same bytes):
/// - `meta.json`: format, settings, number of documents, id ranges per kind. Small, so the first
///   search downloads little before it can plan a query.
/// - `s/<hex>.json`: shards, keys hashed into a power-of-two number of files. A key is a
///   Japanese n-gram (every length up to `gramLength`), `#word` for words, `=text` for exact
///   titles and keywords (for ranking) and `~text` for glossary alias groups (for expansion).
///   Words are hashed by their first two letters so a prefix is found in one shard; `=` and `~`
///   entries by their whole text (for a short term that is the shard of its only n-gram).
/// - `c/<id>.json`: a document's title, URL, kind, date, summary, keywords and number of body
///   chunks; `c/<id>-<n>.json`: body chunk n (from 0). The browser fetches heads only for the
///   results it shows and for verifying matches longer than an n-gram, and a chunk only when
///   the snippet or the verification needs that part of the body.
/// - `words.json`: the site's names in groups, for 「もしかして」 after a search that found
///   nothing (`Suggestions`); `pages.json`: every page's address (in id order), for the page for
///   missing addresses; `kanji.json`: the kanji readings the names can use, for a word
///   converted to the wrong kanji (`Homophones`).
///
/// Document ids follow the tie-break order (kind, then newer dates), so ranking needs no
/// per-document data beyond the postings.
public enum SearchIndexBuilder {
  /// The index files, relative path → bytes, with the default options.
  public static func build(_ documents: [SearchDocument]) -> [String: Data] {
    build(documents, options: .default)
  }

  /// The index files with explicit options (tests and the benchmark use smaller settings).
  public static func build(_ documents: [SearchDocument], options: SearchIndexOptions) -> [String:
    Data]
  {
    buildIndex(documents, options: options).files
  }

  /// The index files and the state a later `update` patches them from.
  public static func buildIndex(
    _ documents: [SearchDocument], options: SearchIndexOptions = .default
  ) -> SearchIndex {
    var documentFiles: [String: Data] = [:]
    var index = buildIndex(documents, options: options) { documentFiles.merge($0) { a, _ in a } }
    index.files.merge(documentFiles) { a, _ in a }
    return index
  }

  /// The same, but the documents' files (heads and chunks) go to `emit`, batch by batch as they
  /// are made, so the caller can write them while the rest of the index is built; the result
  /// holds the other files. `releaseMemory` is called every fourth batch of documents once it
  /// is let go, every fourth group of shards handed over, and each time a posting partition
  /// has been encoded and let go: a caller whose allocator keeps freed pages can hand them
  /// back there, as the table's memory is otherwise still resident when the encoded entries
  /// reach their largest. With `spillDirectory`, what the build holds until it is written (the
  /// postings' runs, then the encoded entries) is set aside in a file without a name made
  /// there (`SpillStore`), so its peak of memory stays low on large sites; the files are the
  /// same.
  public static func buildIndex(
    _ documents: [SearchDocument], options: SearchIndexOptions = .default,
    spillDirectory: String? = nil, releaseMemory: @Sendable () -> Void = {},
    emit: ([String: Data]) -> Void
  ) -> SearchIndex {
    buildIndexInOrder(
      documents, options: options, spillDirectory: spillDirectory, releaseMemory: releaseMemory
    ) { files in
      emit(Dictionary(uniqueKeysWithValues: files.lazy.map { ($0.name, $0.data) }))
    }
  }

  /// The same, each group of files handed over as a list in the order of their names: what
  /// `portal build` writes them in, without a dictionary of 50,000 names to hash and sort
  /// again.
  public static func buildIndexInOrder(
    _ documents: [SearchDocument], options: SearchIndexOptions = .default,
    spillDirectory: String? = nil, releaseMemory: @Sendable () -> Void = {},
    emit: ([IndexFile]) -> Void
  ) -> SearchIndex {
    let options = options.clamped
    let docs = ordered(documents)
    var files: [String: Data] = [:]
    let spill = spillDirectory.flatMap { SpillStore(directory: $0) }
    var postings = PostingTable(documentCount: docs.count, options: options, spill: spill)
    var exact: [String: (title: [Int32], keywords: [Int32])] = [:]
    var groups: [String: Set<String>] = [:]
    var kinds: [SearchKind: (Int, Int)] = [:]
    var state = SearchIndexState()
    state.wordGroups = SearchIndexState.digest(options.wordGroups)
    for (key, members) in wordGroupEntries(options.wordGroups) {
      groups[key, default: []].formUnion(members)
    }
    for id in docs.indices {
      let kind = docs[id].kind
      let range = kinds[kind] ?? (id, id)
      kinds[kind] = (range.0, id + 1)
    }

    // A batch's titles, keywords and hashes, in id order.
    func note(_ prepared: [Prepared], base: Int) {
      for offset in prepared.indices {
        let id = Int32(base + offset)
        state.heads.append(prepared[offset].hashes.head)
        state.bodies.append(prepared[offset].hashes.body)
        let titleKey = prepared[offset].titleKey
        if !titleKey.isEmpty { exact[titleKey, default: ([], [])].title.append(id) }
        for k in prepared[offset].keywordKeys where exact[k]?.keywords.last != id {
          exact[k, default: ([], [])].keywords.append(id)
        }
        if docs[Int(id)].kind == .glossary {
          let keys = Set(
            ([titleKey] + prepared[offset].keywordKeys).filter { $0.unicodeScalars.count >= 2 })
          let members = Set(prepared[offset].memberTerms)
          for k in keys { groups[k, default: []].formUnion(members) }
        }
      }
    }

    // Prepare documents in parallel, in batches so memory stays bounded; merge in id order.
    let batch = 256
    let tries = GramTriePool()
    // Adds the batch from `start`; where the next one starts.
    func addBatch(from start: Int) -> Int {
      let end = min(docs.count, start + batch)
      let base = start
      let levels = postings.isLarge
      // Documents read in place (by id) and prepared documents moved, not copied: a copy of
      // either retains each of its texts or arrays.
      let prepared = Array(start..<end).searchParallelMap { id in
        var p = Prepared(docs[id], options: options, tries: tries, levels: levels)
        p.hashes = SearchIndexState.hashes(of: docs[id])
        return p
      }
      var documentFiles: [IndexFile] = []
      for offset in prepared.indices {
        documentFiles.append(
          IndexFile(name: IndexFormat.headName(base + offset), data: prepared[offset].head))
        for (n, chunk) in prepared[offset].chunkFiles.enumerated() {
          documentFiles.append(
            IndexFile(name: IndexFormat.chunkName(base + offset, n), data: chunk))
        }
      }
      documentFiles.sort { $0.name < $1.name }
      // The partitions take the batch's keys on the workers while this thread hands its files
      // over (the caller hashes them and may wait for its writer) and notes the batch: on one
      // core, these two left the other one idle.
      searchConcurrently {
        postings.add(prepared, base: Int32(base))
      } meanwhile: {
        emit(documentFiles)
        documentFiles = []
        note(prepared, base: base)
      }
      return end
    }
    var start = 0
    var batches = 0
    while start < docs.count {
      start = addBatch(from: start)
      batches += 1
      // Every fourth batch, once its documents are let go, their memory is handed back: each
      // purge costs page faults later, and one while the batch is still held frees less (on
      // varied text the peak was 3 MiB higher).
      if batches % 4 == 0 { releaseMemory() }
    }

    // Entries as bytes, one arena per posting partition and one for the `=` and `~` entries.
    let documentCount = docs.count
    var (entries, bigPairs) = postings.consumeIntoArenas(releaseMemory: releaseMemory) { posting in
      IndexEntries.postingValue(posting, documentCount: documentCount, options: options)
    }
    for (key, length) in bigPairs { state.bigPairs[key] = length }
    var named = EntryArena()
    for (key, sets) in exact {
      let value = IndexEntries.exactValue(
        title: sets.title, keywords: sets.keywords, documentCount: docs.count)
      named.append(key: "=" + key, shardKey: key.unicodeScalars.lazy.map(\.value), value: value)
    }
    for (key, members) in groups {
      let others = members.subtracting([key]).sorted {
        Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8))
      }
      guard !others.isEmpty else { continue }
      var w = JSONBytes()
      w.byte(UInt8(ascii: "["))
      for (i, m) in others.enumerated() {
        if i > 0 { w.byte(UInt8(ascii: ",")) }
        w.string(m)
      }
      w.byte(UInt8(ascii: "]"))
      named.append(key: "~" + key, shardKey: key.unicodeScalars.lazy.map(\.value), value: w.bytes)
    }
    entries.append(.arena(named))

    // Shards: enough that the average file stays near `shardBytes`; made and handed over in
    // groups, so the files are never all in memory either.
    state.total = entries.reduce(0) { $0 + $1.total }
    let shards = IndexEntries.shardCount(total: state.total, options: options)
    state.shards = shards
    var groupsHanded = 0
    EntryArena.writeShards(entries, store: spill, shards: shards) { files in
      emit(files)
      groupsHanded += 1
      if groupsHanded % 4 == 0 { releaseMemory() }
    }
    entries = []

    var meta = JSONBytes()
    meta.raw(
      "{\"format\":\(IndexFormat.version),\"documents\":\(docs.count),\"gram\":\(options.gramLength),"
    )
    meta.raw("\"keysPerRun\":\(max(2, options.maxKeysPerRun)),\"shards\":\(shards),\"kinds\":{")
    var first = true
    for kind in IndexFormat.kindOrder {
      let r = kinds[kind] ?? (0, 0)
      if !first { meta.byte(UInt8(ascii: ",")) }
      first = false
      meta.raw("\"\(kind.rawValue)\":[\(r.0),\(r.1)]")
    }
    meta.raw("}}\n")
    files["meta.json"] = meta.data
    files.merge(Suggestions.nameFiles(docs, wordGroups: options.wordGroups)) { $1 }
    files[Suggestions.pagesFile] = Suggestions.pagesFile(docs)
    return SearchIndex(files: files, state: state)
  }

  /// Documents in id order: kind (`IndexFormat.kindOrder`), newer dates first
  /// (none last), then URL. Documents already in that order (`portal build` orders them once,
  /// in `SearchDocuments`) are the same array, not sorted and copied again.
  static func ordered(_ documents: [SearchDocument]) -> [SearchDocument] {
    let keys = OrderKeys(documents)
    let inOrder = documents.indices.dropFirst().allSatisfy { !keys.precedes($0, $0 - 1) }
    return inOrder ? documents : order(documents).map { documents[$0] }
  }

  /// The positions of the documents in id order (see `ordered`): what a caller that keeps the
  /// documents between patches (`update(ordered:changed:…)`) orders them by once.
  public static func order(_ documents: [SearchDocument]) -> [Int] {
    // Positions are sorted, not documents: every move of a document moves all its fields, and
    // a rebuild in `portal serve` orders 10,000 of them.
    let keys = OrderKeys(documents)
    return documents.indices.sorted { keys.precedes($0, $1) }
  }

  /// What the id order compares, taken out of the documents once: a comparison that reads
  /// them from the array copies each document, with a retain of each of its texts.
  struct OrderKeys {
    let ranks: [Int]
    let dates: [String?]
    let urls: [String]
    let titles: [String]

    init(_ documents: [SearchDocument]) {
      ranks = documents.map { IndexFormat.kindOrder.firstIndex(of: $0.kind) ?? 0 }
      dates = documents.map(\.date)
      urls = documents.map(\.url)
      titles = documents.map(\.title)
    }

    /// Whether document `i` comes before document `j`.
    func precedes(_ i: Int, _ j: Int) -> Bool {
      if ranks[i] != ranks[j] { return ranks[i] < ranks[j] }
      if dates[i] != dates[j] {
        guard let x = dates[i] else { return false }
        guard let y = dates[j] else { return true }
        return x > y
      }
      if urls[i] != urls[j] { return urls[i] < urls[j] }
      return titles[i] < titles[j]
    }
  }
}

extension SearchIndexBuilder {
  /// The `~` entries of site.yml's word groups: each word's key (normalized as a query is,
  /// separators removed; two characters at least, as for glossary names) finds the group's
  /// words that are one term.
  static func wordGroupEntries(_ groups: [[String]]) -> [String: Set<String>] {
    var normalizer = Normalizer()
    var entries: [String: Set<String>] = [:]
    for group in groups {
      var keys: [String] = []
      var members: Set<String> = []
      for word in group {
        let (key, oneTerm) = Prepared.aliasKey(normalizer.normalize(word).scalars)
        guard !key.isEmpty else { continue }
        if key.unicodeScalars.count >= 2 { keys.append(key) }
        if oneTerm { members.insert(key) }
      }
      for key in keys { entries[key, default: []].formUnion(members) }
    }
    return entries
  }
}

/// One file of the index: its path under the index's folder (`meta.json`, `c/12.json`, …) and
/// its bytes.
public struct IndexFile: Sendable {
  public var name: String
  public var data: Data
}
