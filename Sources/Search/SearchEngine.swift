import Foundation

/// Errors reading an index.
public enum SearchIndexError: Error, CustomStringConvertible, Equatable {
  /// `meta.json` is missing: the site was not built, or built elsewhere.
  case missing(String)
  /// A file of the index could not be read as the expected JSON.
  case invalid(String)

  public var description: String {
    switch self {
    case .missing(let path): "no search index at \(path)"
    case .invalid(let path): "the search index file \(path) is not valid"
    }
  }
}

/// Results with the number of candidates, for a result count.
public struct SearchResponse: Sendable {
  public var results: [SearchResult]
  /// Pages that passed the index lookup. Equal to the number of matches when `exact` is true.
  public var candidates: Int
  /// True when `candidates` is the number of matches: every term was decided by the index alone
  /// (a Japanese run of at most the n-gram length, or one word), or every candidate was verified.
  public var exact: Bool
  /// True when there may be more matches than `results`: candidates not yet checked, or
  /// checked ones beyond the limit. A page of results checks a bounded number of texts, so a
  /// page can be short while this is true; the browser's もっと見る, or a larger limit, goes on.
  public var more: Bool
  /// Index files the query read, in order (not counting `meta.json`): what the browser
  /// downloads for the same query and page size. For the benchmark and `--explain`.
  public var files: [String]
  /// The query as typed with its kanji numbers in Arabic numerals (十二月 → 12月), when it has
  /// any: each such term also found that form (`QueryNumerals`), which the page says:
  /// 「「12月」でも探しました」.
  public var alsoSearched: String? = nil
}

/// Answers queries from the files `SearchIndexBuilder` wrote, with the same algorithm as
/// `theme/assets/search.js`: plan keys → fetch shards → intersect postings per term → expand
/// glossary aliases → rank by upper bounds → verify the best candidates against their text →
/// snippets. `portal search` uses it, so writers and tests see what the browser shows.
public struct SearchEngine: Sendable {
  let store: IndexStore
  let meta: IndexMeta

  /// Opens the index in `directory` (the built site's `search/`). Throws
  /// `SearchIndexError.missing` when there is no `meta.json`.
  public init(directory: URL) throws {
    let store = IndexStore(directory: directory)
    guard let data = store.data("meta.json") else {
      throw SearchIndexError.missing(directory.appendingPathComponent("meta.json").path)
    }
    guard let meta = IndexMeta(data) else { throw SearchIndexError.invalid("meta.json") }
    self.store = store
    self.meta = meta
  }

  /// Opens an index held in memory, e.g. straight from `SearchIndexBuilder.build`.
  public init(files: [String: Data]) throws {
    let store = IndexStore(files: files)
    guard let data = store.data("meta.json") else { throw SearchIndexError.missing("meta.json") }
    guard let meta = IndexMeta(data) else { throw SearchIndexError.invalid("meta.json") }
    self.store = store
    self.meta = meta
  }

  /// Number of documents in the index.
  public var documentCount: Int { meta.documents }

  /// The files of the index the searches so far found missing or unreadable (`search/s/003.json`
  /// cut short), relative to `search/`: their results are incomplete.
  public var unreadableFiles: [String] { store.unreadable }

  /// The best `limit` matches of `query` (0: every match), optionally only of some kinds.
  public func search(_ query: String, kinds: Set<SearchKind>? = nil, limit: Int = 10)
    -> [SearchResult]
  {
    run(query, kinds: kinds, limit: limit).results
  }

  /// Like `search`, with the candidate count the browser announces.
  public func run(_ query: String, kinds: Set<SearchKind>? = nil, limit: Int = 10) -> SearchResponse
  {
    var session = QuerySession(engine: self)
    return session.run(query, kinds: kinds, limit: limit)
  }
}

/// `meta.json`.
struct IndexMeta: Sendable {
  var documents: Int
  var gram: Int
  var keysPerRun: Int
  var shards: Int
  var kinds: [SearchKind: Range<Int32>]

  init?(_ data: Data) {
    guard let obj = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
      let format = obj["format"] as? Int, format == IndexFormat.version,
      let documents = obj["documents"] as? Int, let gram = obj["gram"] as? Int,
      let keysPerRun = obj["keysPerRun"] as? Int, let shards = obj["shards"] as? Int,
      let kinds = obj["kinds"] as? [String: [Int]],
      // A site passed between CI jobs may come back damaged: numbers the index could not
      // have written are an unreadable index, not a crash.
      documents >= 0, documents <= Int(Int32.max), gram >= 1, keysPerRun >= 1, shards >= 1
    else { return nil }
    self.documents = documents
    self.gram = gram
    self.keysPerRun = keysPerRun
    self.shards = shards
    var k: [SearchKind: Range<Int32>] = [:]
    for (name, r) in kinds {
      guard let kind = SearchKind(rawValue: name), r.count == 2, 0 <= r[0], r[0] <= r[1],
        r[1] <= documents
      else { return nil }
      k[kind] = Int32(r[0])..<Int32(r[1])
    }
    self.kinds = k
  }
}

/// A shard value: postings with chunks, per-field document sets, or glossary members.
enum ShardValue: Sendable {
  case pairs(String)
  case sets([String])
}

/// A document's head file.
struct Head: Sendable {
  var url: String
  var title: String
  var kind: SearchKind
  var date: String?
  var ends: String?
  var summary: String
  var keywords: String
  /// The texts with furigana whose readings start `keywords` (the head's `f`).
  var furigana: [SearchFurigana]
  var chunks: Int
}

/// Reads index files from a folder or memory, caching what it parsed.
final class IndexStore: @unchecked Sendable {
  private let directory: URL?
  private let files: [String: Data]
  private let lock = NSLock()
  private var shards: [Int: [String: Any]] = [:]
  private var damaged: Set<String> = []

  /// The index's files that were missing or could not be read, sorted: a search that reads
  /// one cannot tell "no match" from a damaged index (a file cut short in an upload).
  var unreadable: [String] { lock.withLock { damaged.sorted() } }

  private func markDamaged(_ path: String) {
    lock.withLock { _ = damaged.insert(path) }
  }

  init(directory: URL) {
    self.directory = directory
    self.files = [:]
  }

  init(files: [String: Data]) {
    self.directory = nil
    self.files = files
  }

  func data(_ path: String) -> Data? {
    if let directory { return try? Data(contentsOf: directory.appendingPathComponent(path)) }
    return files[path]
  }

  func shard(_ index: Int, of count: Int) -> [String: Any] {
    lock.lock()
    if let s = shards[index] {
      lock.unlock()
      return s
    }
    lock.unlock()
    let name = IndexFormat.shardName(index, shards: count)
    let read = data(name).flatMap { try? JSONSerialization.jsonObject(with: $0) as? [String: Any] }
    if read == nil { markDamaged(name) }
    let parsed = read ?? [:]
    lock.lock()
    shards[index] = parsed
    lock.unlock()
    return parsed
  }

  func head(_ doc: Int32) -> Head? {
    let name = IndexFormat.headName(Int(doc))
    guard let d = data(name),
      let o = try? JSONSerialization.jsonObject(with: d) as? [String: Any],
      let url = o["u"] as? String, let title = o["t"] as? String,
      let kind = (o["k"] as? String).flatMap(SearchKind.init(rawValue:))
    else {
      markDamaged(name)
      return nil
    }
    let furigana = SearchFurigana.read(o["f"]) ?? []
    return Head(
      url: url, title: title, kind: kind, date: o["d"] as? String, ends: o["e"] as? String,
      summary: o["s"] as? String ?? "",
      keywords: o["w"] as? String ?? "", furigana: furigana, chunks: o["n"] as? Int ?? 0)
  }

  func chunk(_ doc: Int32, _ n: Int) -> String? {
    let name = IndexFormat.chunkName(Int(doc), n)
    guard let d = data(name),
      let o = try? JSONSerialization.jsonObject(with: d) as? [String: Any],
      let text = o["x"] as? String
    else {
      markDamaged(name)
      return nil
    }
    return text
  }
}
