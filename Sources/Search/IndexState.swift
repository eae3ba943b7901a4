import ByteFormats
import Foundation

/// The index files of a build and what a later build needs to patch them.
public struct SearchIndex: Sendable {
  /// Relative path under `search/` → bytes.
  public var files: [String: Data]
  public var state: SearchIndexState
}

/// What `SearchIndexBuilder.update` needs from the build that wrote an index, besides its shard
/// files: which documents it held (in id order) and the sizes that decide the file layout.
/// Kept by `portal build` in its cache; a few hundred KB at 10,000 pages.
public struct SearchIndexState: Sendable, Equatable {
  /// Per document, in id order: a hash of everything but the body (URL, title, kind, date,
  /// summary, keywords), and of the body. Equal heads mean equal ids and equal `=`/`~` entries.
  var heads: [UInt64] = []
  var bodies: [UInt64] = []
  /// The sum of `IndexEntries.size` over all entries, which decides the number of shards.
  var total = 0
  var shards = 0
  /// For each posting written as per-field sets: the length its pairs would have had.
  var bigPairs: [String: Int] = [:]
  /// The word groups the index was made with (`SearchIndexOptions.wordGroups`): other groups
  /// mean other `~` entries, so the index is made whole again.
  var wordGroups: UInt64 = 0

  public init() {}

  static func digest(_ groups: [[String]]) -> UInt64 {
    var h = FNV64()
    for group in groups {
      for word in group { h.add(word) }
      h.add("\u{0}")
    }
    return h.value
  }

  static func hashes(of doc: SearchDocument) -> (head: UInt64, body: UInt64) {
    (headHash(of: doc), bodyHash(of: doc.bodyText))
  }

  /// Everything but the body (see `heads`).
  static func headHash(of doc: SearchDocument) -> UInt64 {
    var h = FNV64()
    h.add(doc.url)
    h.add(doc.title)
    h.add(doc.kind.rawValue)
    h.add(doc.date ?? "\u{0}")
    // Only events have an end: other documents hash as before.
    if let e = doc.ends { h.add("e" + e) }
    h.add(doc.summary)
    h.add(String(doc.keywords.count))
    for k in doc.keywords { h.add(k) }
    // Only texts with furigana add to the hash: documents without them hash as before.
    for f in doc.furigana {
      h.add("f")
      for piece in f.pieces {
        switch piece {
        case .text(let t): h.add("t" + t)
        case .ruby(let base, let reading): h.add("r" + base + "|" + reading)
        }
      }
    }
    return h.value
  }

  /// The hash of a document's body as the state records it (`bodies`): the build cache keeps
  /// it beside each page's plain text, so a later build knows which bodies changed without
  /// reading the 10,000 texts again.
  public static func bodyHash(of text: StoredText) -> UInt64 {
    var b = FNV64()
    text.withUTF8 { b.add(utf8: $0) }
    return b.value
  }

  /// The hash of document `id`'s body as indexed (`bodyHash(of:)` of its text), if there is
  /// one: the build cache's pack of texts records it instead of hashing the text again.
  public func bodyHash(ofDocument id: Int) -> UInt64? {
    bodies.indices.contains(id) ? bodies[id] : nil
  }

  /// The ids of the documents (in id order, `SearchIndexBuilder.order`) whose head or body
  /// differs from the indexed one's; nil when their number differs (no patch is possible).
  /// `knownBodyHash` gives a body's hash when the caller knows it (`bodyHash(of:)` of the very
  /// text, kept from an earlier build), so that only the other bodies are read and hashed.
  public func changedDocuments(_ docs: [SearchDocument], knownBodyHash: (Int) -> UInt64?)
    -> [Int]?
  {
    guard docs.count == heads.count else { return nil }
    let known = docs.indices.map(knownBodyHash)
    let changed = Array(docs.indices).searchParallelMap { id -> Bool in
      let head = Self.headHash(of: docs[id])
      let body = known[id] ?? Self.bodyHash(of: docs[id].bodyText)
      return head != heads[id] || body != bodies[id]
    }
    return docs.indices.filter { changed[$0] }
  }

  /// A compact binary form for the build cache.
  public func encoded() -> [UInt8] {
    var out: [UInt8] = []
    func u64(_ v: UInt64) { withUnsafeBytes(of: v.littleEndian) { out += $0 } }
    u64(UInt64(heads.count))
    for v in heads { u64(v) }
    for v in bodies { u64(v) }
    u64(UInt64(total))
    u64(UInt64(shards))
    u64(UInt64(bigPairs.count))
    for (k, v) in bigPairs.sorted(by: { $0.key < $1.key }) {
      let bytes = Array(k.utf8)
      u64(UInt64(bytes.count))
      out += bytes
      u64(UInt64(v))
    }
    u64(wordGroups)
    return out
  }

  /// Reads `encoded()`; nil when the bytes are not such a state.
  public init?(encoded b: [UInt8]) {
    var i = 0
    func u64() -> UInt64? {
      guard i + 8 <= b.count else { return nil }
      var v: UInt64 = 0
      for k in 0..<8 { v |= UInt64(b[i + k]) << (8 * UInt64(k)) }
      i += 8
      return v
    }
    guard let n = u64(), n < 1 << 32 else { return nil }
    for _ in 0..<n {
      guard let v = u64() else { return nil }
      heads.append(v)
    }
    for _ in 0..<n {
      guard let v = u64() else { return nil }
      bodies.append(v)
    }
    guard let total = u64(), let shards = u64(), let count = u64(), count < 1 << 32 else {
      return nil
    }
    self.total = Int(total)
    self.shards = Int(shards)
    for _ in 0..<count {
      guard let length = u64(), i + Int(length) <= b.count else { return nil }
      let key = String(decoding: b[i..<(i + Int(length))], as: UTF8.self)
      i += Int(length)
      guard let v = u64() else { return nil }
      bigPairs[key] = Int(v)
    }
    guard let groups = u64() else { return nil }
    wordGroups = groups
    guard i == b.count else { return nil }
  }
}

/// FNV-1a, 64 bits, over UTF-8 with a terminator after each string.
struct FNV64 {
  private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

  mutating func add(_ s: String) {
    var s = s
    s.withUTF8 { add(utf8: $0) }
  }

  /// The length and the bytes (`WordHash`, eight bytes a step: the bodies of every page are
  /// hashed after each `portal build`), then a 0xFF, so ("ab", "c") and ("a", "bc") differ.
  mutating func add(utf8 buffer: UnsafeBufferPointer<UInt8>) {
    var h = WordHash.mix(value, UnsafeRawBufferPointer(buffer))
    h ^= 0xFF
    h = h &* 0x100_0000_01b3
    value = h
  }
}

extension SearchIndexOptions {
  /// The options as the builder uses them (n-grams of 1 to 9 characters).
  var clamped: SearchIndexOptions {
    var o = self
    o.gramLength = min(max(gramLength, 1), 9)
    return o
  }
}
