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
    var adjusted = options
    adjusted.gramLength = min(max(options.gramLength, 1), 9)
    let options = adjusted
    let docs = ordered(documents)
    var files: [String: Data] = [:]
    var postings = PostingTable()
    var exact: [String: (title: [Int32], keywords: [Int32])] = [:]
    var groups: [String: Set<String>] = [:]
    var kinds: [SearchKind: (Int, Int)] = [:]
    for (id, doc) in docs.enumerated() {
      let range = kinds[doc.kind] ?? (id, id)
      kinds[doc.kind] = (range.0, id + 1)
    }

    // Prepare documents in parallel, in batches so memory stays bounded; merge in id order.
    let batch = 512
    var start = 0
    while start < docs.count {
      let end = min(docs.count, start + batch)
      let slice = Array(docs[start..<end])
      let base = start
      let prepared = slice.searchParallelMap { doc in Prepared(doc, options: options) }
      for (offset, p) in prepared.enumerated() {
        let id = Int32(base + offset)
        postings.add(p, id: id)
        files[IndexFormat.headName(Int(id))] = p.head
        for (n, chunk) in p.chunkFiles.enumerated() {
          files[IndexFormat.chunkName(Int(id), n)] = chunk
        }
        if !p.titleKey.isEmpty { exact[p.titleKey, default: ([], [])].title.append(id) }
        for k in p.keywordKeys where exact[k]?.keywords.last != id {
          exact[k, default: ([], [])].keywords.append(id)
        }
        if docs[Int(id)].kind == .glossary {
          let keys = Set(([p.titleKey] + p.keywordKeys).filter { $0.unicodeScalars.count >= 2 })
          let members = Set(p.memberTerms)
          for k in keys { groups[k, default: []].formUnion(members) }
        }
      }
      start = end
    }

    // Entries: key bytes → value bytes, with the shard key that places them.
    var entries: [Entry] = []
    entries.reserveCapacity(postings.count + exact.count + groups.count)
    postings.forEach { key, ids, masks in
      var w = JSONWriter()
      let pairs = Codec.encodePairs(ids, masks)
      if pairs.count <= options.maxPostingBytes {
        w.plainString(pairs)
      } else {
        // Too long with chunks: per-field document sets, plus the chunks of the first few
        // documents of each combination of fields. Equal scores rank lower ids first, so these
        // are the results shown first; their snippets and verification then read one chunk,
        // not several.
        var sets: [[Int32]] = [[], [], [], []]
        var known: [(Int32, UInt32)] = []
        var perCombination = [Int](repeating: 0, count: 8)
        for (id, m) in zip(ids, masks) {
          for (i, bit) in IndexFormat.setBits.enumerated() where m & bit != 0 { sets[i].append(id) }
          guard m & IndexFormat.bodyBits != 0 else { continue }
          let combination = Int(m & IndexFormat.headBits)
          if perCombination[combination] < options.knownChunksPerSet {
            perCombination[combination] += 1
            known.append((id, m))
          }
        }
        w.byte(UInt8(ascii: "["))
        for (i, s) in sets.enumerated() {
          if i > 0 { w.byte(UInt8(ascii: ",")) }
          w.plainString(Codec.encodeSet(s, documentCount: docs.count))
        }
        if !known.isEmpty {
          w.byte(UInt8(ascii: ","))
          w.plainString(Codec.encodePairs(known.map(\.0), known.map(\.1)))
        }
        w.byte(UInt8(ascii: "]"))
      }
      entries.append(Entry(key: key.string, shardKey: key.shardKey, value: w.bytes))
    }
    for (key, sets) in exact {
      var w = JSONWriter()
      w.byte(UInt8(ascii: "["))
      w.plainString(Codec.encodeSet(sets.title, documentCount: docs.count))
      w.byte(UInt8(ascii: ","))
      w.plainString(Codec.encodeSet(sets.keywords, documentCount: docs.count))
      w.byte(UInt8(ascii: "]"))
      entries.append(
        Entry(key: "=" + key, shardKey: key.unicodeScalars.map(\.value), value: w.bytes))
    }
    for (key, members) in groups {
      let others = members.subtracting([key]).sorted {
        Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8))
      }
      guard !others.isEmpty else { continue }
      var w = JSONWriter()
      w.byte(UInt8(ascii: "["))
      for (i, m) in others.enumerated() {
        if i > 0 { w.byte(UInt8(ascii: ",")) }
        w.string(m)
      }
      w.byte(UInt8(ascii: "]"))
      entries.append(
        Entry(key: "~" + key, shardKey: key.unicodeScalars.map(\.value), value: w.bytes))
    }

    // Shards: enough that the average file stays near `shardBytes`.
    let total = entries.reduce(0) { $0 + $1.key.utf8.count + $1.value.count + 4 }
    var shards = 1
    while total / shards > options.shardBytes && shards < 1 << 16 { shards <<= 1 }
    var byShard = [[Int]](repeating: [], count: shards)
    for (i, e) in entries.enumerated() {
      byShard[Int(IndexFormat.hash(e.shardKey) & UInt32(shards - 1))].append(i)
    }
    for (s, members) in byShard.enumerated() {
      let sorted = members.map { (Array(entries[$0].key.utf8), $0) }.sorted {
        $0.0.lexicographicallyPrecedes($1.0)
      }
      var w = JSONWriter()
      w.byte(UInt8(ascii: "{"))
      for (n, (_, i)) in sorted.enumerated() {
        if n > 0 { w.byte(UInt8(ascii: ",")) }
        w.string(entries[i].key)
        w.byte(UInt8(ascii: ":"))
        w.raw(entries[i].value)
      }
      w.byte(UInt8(ascii: "}"))
      files[IndexFormat.shardName(s, shards: shards)] = w.data
    }

    var meta = JSONWriter()
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
    return files
  }

  /// Documents in id order: kind (glossary, strategy, initiative, event), newer dates first
  /// (none last), then URL.
  static func ordered(_ documents: [SearchDocument]) -> [SearchDocument] {
    func rank(_ k: SearchKind) -> Int { IndexFormat.kindOrder.firstIndex(of: k) ?? 0 }
    return documents.sorted { a, b in
      if a.kind != b.kind { return rank(a.kind) < rank(b.kind) }
      if a.date != b.date {
        guard let x = a.date else { return false }
        guard let y = b.date else { return true }
        return x > y
      }
      if a.url != b.url { return a.url < b.url }
      return a.title < b.title
    }
  }

  struct Entry {
    var key: String
    var shardKey: [UInt32]
    var value: [UInt8]
  }
}

/// A Japanese n-gram of up to nine characters packed into three integers (21 bits per character).
struct GramKey: Hashable, Sendable {
  var a: UInt64
  var b: UInt64
  var c: UInt64

  var scalars: [UInt32] {
    var out: [UInt32] = []
    for word in [a, b, c] {
      for i in 0..<3 {
        let v = UInt32((word >> (21 * UInt64(i))) & 0x1F_FFFF)
        if v == 0 { return out }
        out.append(v)
      }
    }
    return out
  }
}

/// The index keys of one document with the mask of fields and chunks that hold each, plus its
/// files. Built in parallel; pure.
struct Prepared: Sendable {
  var grams: [(GramKey, UInt32)] = []
  var words: [(String, UInt32)] = []
  var head = Data()
  var chunkFiles: [Data] = []
  var titleKey = ""
  var keywordKeys: [String] = []
  /// For glossary entries: title and keywords that are single terms, for the alias group.
  var memberTerms: [String] = []

  init(_ doc: SearchDocument, options: SearchIndexOptions) {
    var normalizer = Normalizer()
    var grams = GramTable(capacity: 1024)
    var gramMasks: [UInt32] = []
    var words: [String: UInt32] = [:]
    let L = options.gramLength

    func index(_ text: [UInt32], bit: UInt32) {
      for seg in Normalizer.segments(text) {
        if seg.isJapanese {
          for p in seg.start..<seg.end {
            var key = GramKey(a: 0, b: 0, c: 0)
            for n in 0..<min(L, seg.end - p) {
              let v = UInt64(text[p + n])
              switch n {
              case 0..<3: key.a |= v << (21 * UInt64(n))
              case 3..<6: key.b |= v << (21 * UInt64(n - 3))
              default: key.c |= v << (21 * UInt64(n - 6))
              }
              let (slot, inserted) = grams.insert(key, value: Int32(gramMasks.count))
              if inserted {
                gramMasks.append(bit)
              } else {
                gramMasks[Int(grams.values[slot])] |= bit
              }
            }
          }
        } else {
          words["#" + SearchText.string(text[seg.start..<seg.end]), default: 0] |= bit
        }
      }
    }

    let title = normalizer.normalize(doc.title).scalars
    let summary = normalizer.normalize(doc.summary).scalars
    let keywordsText = doc.keywords.joined(separator: "\n")
    let keywords = normalizer.normalize(keywordsText).scalars
    index(title, bit: IndexFormat.titleBit)
    index(summary, bit: IndexFormat.summaryBit)
    index(keywords, bit: IndexFormat.keywordsBit)

    let bodyScalars = doc.body.unicodeScalars.map(\.value)
    let body = normalizer.normalize(bodyScalars)
    let ranges = Self.chunks(bodyScalars, body, target: options.chunkLength)
    var chunkTexts: [String] = []
    for (n, r) in ranges.enumerated() {
      let normalized = Self.slice(body, r)
      index(normalized, bit: 1 << UInt32(3 + n))
      chunkTexts.append(SearchText.string(bodyScalars[r]))
    }

    titleKey = SearchText.string(Normalizer.exactKey(title))
    for k in doc.keywords {
      let n = normalizer.normalize(k).scalars
      let key = SearchText.string(Normalizer.exactKey(n))
      if !key.isEmpty && !keywordKeys.contains(key) { keywordKeys.append(key) }
      if doc.kind == .glossary && !n.isEmpty
        && n.allSatisfy({ Normalizer.charClass($0) != .separator })
      {
        memberTerms.append(key)
      }
    }
    if doc.kind == .glossary && !title.isEmpty
      && title.allSatisfy({ Normalizer.charClass($0) != .separator })
    {
      memberTerms.append(titleKey)
    }

    var w = JSONWriter()
    w.raw("{\"u\":")
    w.string(doc.url)
    w.raw(",\"t\":")
    w.string(doc.title)
    w.raw(",\"k\":\"\(doc.kind.rawValue)\"")
    if let d = doc.date {
      w.raw(",\"d\":")
      w.string(d)
    }
    w.raw(",\"s\":")
    w.string(doc.summary)
    w.raw(",\"w\":")
    w.string(keywordsText)
    w.raw(",\"n\":\(chunkTexts.count)}")
    head = w.data
    for text in chunkTexts {
      var c = JSONWriter()
      c.raw("{\"x\":")
      c.string(text)
      c.raw("}")
      chunkFiles.append(c.data)
    }
    var list: [(GramKey, UInt32)] = []
    list.reserveCapacity(gramMasks.count)
    grams.forEach { key, value in list.append((key, gramMasks[Int(value)])) }
    self.grams = list
    self.words = Array(words)
  }

  static func slice(_ text: NormalizedText, _ r: Range<Int>) -> [UInt32] {
    // Normalised characters whose unit lies inside the original range r.
    var lo = 0
    var hi = text.count
    // Binary search: first index with originStart >= r.lowerBound.
    while lo < hi {
      let mid = (lo + hi) / 2
      if Int(text.originStart[mid]) < r.lowerBound { lo = mid + 1 } else { hi = mid }
    }
    var out: [UInt32] = []
    var i = lo
    while i < text.count && Int(text.originStart[i]) < r.upperBound {
      out.append(text.scalars[i])
      i += 1
    }
    return out
  }

  /// Cuts the body into chunks of about `target` characters. Cuts fall only after units that
  /// normalise to separators, preferably sentence ends and line breaks, so no match (which never
  /// contains a separator) spans two chunks. Chunks without letters are left out. At most
  /// `IndexFormat.maxBodyChunks`, so a mask fits in 32 bits; long bodies get longer chunks.
  static func chunks(_ original: [UInt32], _ text: NormalizedText, target: Int) -> [Range<Int>] {
    let total = original.count
    guard total > 0 else { return [] }
    let target = max(target, total / (IndexFormat.maxBodyChunks - 1) + 1)
    // Break candidates: ends of units whose normalised form is all separators.
    var breaks: [(Int, Bool)] = []
    var i = 0
    while i < text.count {
      let s = text.originStart[i]
      var j = i
      var allSeparators = true
      while j < text.count && text.originStart[j] == s {
        if Normalizer.charClass(text.scalars[j]) != .separator { allSeparators = false }
        j += 1
      }
      if allSeparators {
        let base = original[Int(s)]
        let strong = [0x0A, 0x3002, 0xFF0E, 0xFF01, 0xFF1F, 0x21, 0x3F].contains(base)
        breaks.append((Int(text.originEnd[i]), strong))
      }
      i = j
    }
    var ranges: [Range<Int>] = []
    var start = 0
    var lastStrong: Int?
    var lastAny: Int?
    for (b, strong) in breaks {
      if b - start > target {
        let cut = lastStrong.flatMap { $0 > start + target / 3 ? $0 : nil } ?? lastAny ?? b
        ranges.append(start..<cut)
        start = cut
        lastStrong = nil
        lastAny = nil
        if b > start && b - start > target {
          ranges.append(start..<b)
          start = b
          continue
        }
      }
      if b > start {
        lastAny = b
        if strong { lastStrong = b }
      }
    }
    if start < total { ranges.append(start..<total) }
    // Leave out chunks without letters.
    ranges = ranges.filter { r in
      slice(text, r).contains { Normalizer.charClass($0) != .separator }
    }
    if ranges.count > IndexFormat.maxBodyChunks {
      let last =
        ranges[IndexFormat.maxBodyChunks - 1].lowerBound..<ranges[ranges.count - 1].upperBound
      ranges = Array(ranges.prefix(IndexFormat.maxBodyChunks - 1)) + [last]
    }
    return ranges
  }
}

/// All postings of the index, grams and words, in document order. Entries are appended to flat
/// arrays and grouped by key once at the end (a counting sort), which is much faster than
/// growing one array per key.
struct PostingTable {
  struct Key {
    var string: String
    var shardKey: [UInt32]
  }

  private var gramIndex = GramTable(capacity: 1 << 16)
  private var wordIndex: [String: Int32] = [:]
  private var keys: [Key] = []
  private var lengths: [Int32] = []
  private var entryKeys: [Int32] = []
  private var ids: [Int32] = []
  private var masks: [UInt32] = []

  var count: Int { keys.count }

  private mutating func newKey(_ key: Key) -> Int32 {
    keys.append(key)
    lengths.append(0)
    return Int32(keys.count - 1)
  }

  private mutating func append(_ k: Int32, _ id: Int32, _ mask: UInt32) {
    entryKeys.append(k)
    ids.append(id)
    masks.append(mask)
    lengths[Int(k)] += 1
  }

  mutating func add(_ p: Prepared, id: Int32) {
    for (g, m) in p.grams {
      let (slot, inserted) = gramIndex.insert(g, value: Int32(keys.count))
      let k: Int32
      if inserted {
        let scalars = g.scalars
        k = newKey(Key(string: SearchText.string(scalars), shardKey: scalars))
      } else {
        k = gramIndex.values[slot]
      }
      append(k, id, m)
    }
    for (w, m) in p.words {
      let k: Int32
      if let existing = wordIndex[w] {
        k = existing
      } else {
        k = newKey(Key(string: w, shardKey: Array(w.unicodeScalars.map(\.value).prefix(3))))
        wordIndex[w] = k
      }
      append(k, id, m)
    }
  }

  func forEach(_ body: (Key, ArraySlice<Int32>, ArraySlice<UInt32>) -> Void) {
    var offsets = [Int](repeating: 0, count: keys.count + 1)
    for k in 0..<keys.count { offsets[k + 1] = offsets[k] + Int(lengths[k]) }
    var cursor = offsets
    var sortedIds = [Int32](repeating: 0, count: ids.count)
    var sortedMasks = [UInt32](repeating: 0, count: ids.count)
    for e in 0..<ids.count {
      let k = Int(entryKeys[e])
      sortedIds[cursor[k]] = ids[e]
      sortedMasks[cursor[k]] = masks[e]
      cursor[k] += 1
    }
    for k in 0..<keys.count {
      body(
        keys[k], sortedIds[offsets[k]..<offsets[k + 1]], sortedMasks[offsets[k]..<offsets[k + 1]])
    }
  }
}

/// Open addressing from n-grams to small integers: much faster than `Dictionary` with SipHash for
/// the tens of millions of lookups of a large site.
struct GramTable {
  private var a: [UInt64]
  private var b: [UInt64]
  private var c: [UInt64]
  private(set) var values: [Int32]
  private var used: [Bool]
  private var mask: Int
  private(set) var count = 0

  init(capacity: Int) {
    var c = 16
    while c < capacity * 2 { c <<= 1 }
    a = [UInt64](repeating: 0, count: c)
    b = [UInt64](repeating: 0, count: c)
    self.c = [UInt64](repeating: 0, count: c)
    values = [Int32](repeating: 0, count: c)
    used = [Bool](repeating: false, count: c)
    mask = c - 1
  }

  @inline(__always)
  private func slot(_ key: GramKey) -> Int {
    var h =
      key.a &* 0x9E37_79B9_7F4A_7C15 ^ key.b &* 0xC2B2_AE3D_27D4_EB4F ^ key.c
      &* 0x1656_67B1_9E37_79F9
    h ^= h >> 29
    return Int(truncatingIfNeeded: h) & mask
  }

  /// The slot of `key`, inserting it with `value` when absent.
  mutating func insert(_ key: GramKey, value: Int32) -> (Int, Bool) {
    if (count + 1) * 4 > (mask + 1) * 3 { grow() }
    var i = slot(key)
    while used[i] {
      if a[i] == key.a && b[i] == key.b && c[i] == key.c { return (i, false) }
      i = (i + 1) & mask
    }
    used[i] = true
    a[i] = key.a
    b[i] = key.b
    c[i] = key.c
    values[i] = value
    count += 1
    return (i, true)
  }

  private mutating func grow() {
    let old = (a, b, c, values, used)
    let size = (mask + 1) * 2
    a = [UInt64](repeating: 0, count: size)
    b = [UInt64](repeating: 0, count: size)
    c = [UInt64](repeating: 0, count: size)
    values = [Int32](repeating: 0, count: size)
    used = [Bool](repeating: false, count: size)
    mask = size - 1
    count = 0
    for i in 0..<old.4.count where old.4[i] {
      _ = insert(GramKey(a: old.0[i], b: old.1[i], c: old.2[i]), value: old.3[i])
    }
  }

  func forEach(_ body: (GramKey, Int32) -> Void) {
    for i in 0..<used.count where used[i] { body(GramKey(a: a[i], b: b[i], c: c[i]), values[i]) }
  }
}

extension Array where Element: Sendable {
  /// Order-keeping map over all cores (Dispatch only, so this module needs nothing but
  /// Foundation).
  func searchParallelMap<T: Sendable>(_ transform: @escaping @Sendable (Element) -> T) -> [T] {
    let n = count
    if n < 2 { return map(transform) }
    let results = ResultBox<T>(count: n)
    let input = self
    DispatchQueue.concurrentPerform(iterations: n) { i in
      results.set(i, transform(input[i]))
    }
    return results.values()
  }
}

/// Slots written by exactly one worker each; read after all workers finished.
final class ResultBox<T: Sendable>: @unchecked Sendable {
  private var slots: [T?]
  private let lock = NSLock()

  init(count: Int) { slots = [T?](repeating: nil, count: count) }

  func set(_ i: Int, _ value: T) {
    lock.lock()
    slots[i] = value
    lock.unlock()
  }

  func values() -> [T] { slots.map { $0! } }
}
