import Foundation

/// Applies one key's changes to its posting as stored. A posting written as pairs is decoded
/// whole. One written as per-field sets lacks the chunks of most documents; they are not
/// needed unless a document becomes one of the first of its combination of fields, whose
/// chunks big postings list, and then that document is indexed again on its own.
struct PostingPatcher {
  let docs: [SearchDocument]
  let options: SearchIndexOptions
  private var reindexed: [Int32: [String: (shardKey: [UInt32], mask: UInt32)]] = [:]

  init(docs: [SearchDocument], options: SearchIndexOptions) {
    self.docs = docs
    self.options = options
  }

  enum Outcome {
    /// The new value (nil: the key is gone) and, for a big posting, the length of its pairs.
    case done([UInt8]?, bigPairs: Int?)
    /// A big posting that is now short enough for pairs: its documents, and the masks known.
    case needsMasks([Int32], known: [Int32: UInt32])
    /// The stored value is not one the builder writes.
    case unreadable
  }

  mutating func patch(
    _ key: String, value: [UInt8]?, changes: [(Int32, UInt32, UInt32)], bigPairs: Int?
  ) -> Outcome {
    let changedIds = Set(changes.map(\.0))
    let added = changes.filter { $0.2 != 0 }.map { ($0.0, $0.2) }
    guard let value, value.first == UInt8(ascii: "[") else {
      // Pairs: decode, replace, write again (as pairs, or as sets if now too long).
      var pairs: [(Int32, UInt32)] = []
      if let value {
        guard let (s, _) = IndexEntries.readString(value, at: 0) else { return .unreadable }
        pairs = Codec.decodePairs(s)
      }
      pairs = (pairs.filter { !changedIds.contains($0.0) } + added).sorted { $0.0 < $1.0 }
      if pairs.isEmpty { return .done(nil, bigPairs: nil) }
      let (v, big) = IndexEntries.postingValue(
        pairs.map(\.0), pairs.map(\.1), documentCount: docs.count, options: options)
      return .done(v, bigPairs: big)
    }
    // Per-field sets and known chunks.
    guard let oldSize = bigPairs, let parts = Self.strings(value), parts.count >= 4 else {
      return .unreadable
    }
    let sets = parts.prefix(4).map(Codec.decodeSet)
    var known: [Int32: UInt32] = [:]
    if parts.count > 4 { for (id, m) in Codec.decodePairs(parts[4]) { known[id] = m } }
    // Head bits and "has body" of every document, from set membership.
    var flags: [Int32: UInt32] = [:]
    for (i, s) in sets.enumerated() {
      for id in s {
        flags[id, default: 0] |=
          IndexFormat.setBits[i] == IndexFormat.bodyBits ? 8 : IndexFormat.setBits[i]
      }
    }
    // The pairs' length: gaps are known from the ids; masks of unchanged documents are not, but
    // their digits are what the old length leaves after the known parts.
    let oldIds = flags.keys.sorted()
    var unknownMaskDigits = oldSize - Self.gapDigits(oldIds)
    for (_, m0, _) in changes where m0 != 0 { unknownMaskDigits -= Codec.numberLength(m0) }
    for (id, _, _) in changes { flags[id] = nil }
    for (id, m1) in added {
      flags[id] = (m1 & IndexFormat.headBits) | (m1 & IndexFormat.bodyBits != 0 ? 8 : 0)
    }
    let ids = flags.keys.sorted()
    let newSize =
      Self.gapDigits(ids) + unknownMaskDigits + added.reduce(0) { $0 + Codec.numberLength($1.1) }
    let newMasks = Dictionary(added, uniquingKeysWith: { a, _ in a })
    // Shorter than the limit: the pairs are written, which needs every mask.
    guard newSize > options.maxPostingBytes else {
      var masks = newMasks
      for (id, m) in known where !changedIds.contains(id) { masks[id] = m }
      return .needsMasks(ids, known: masks)
    }
    var newSets: [[Int32]] = [[], [], [], []]
    for id in ids {
      let f = flags[id]!
      for (i, bit) in [UInt32(1), 2, 4, 8].enumerated() where f & bit != 0 { newSets[i].append(id) }
    }
    // The first documents of each combination with the key in their body, with their masks.
    var perCombination = [Int](repeating: 0, count: 8)
    var candidates: [(Int32, UInt32)] = []
    for id in newSets[3] {
      let combination = Int(flags[id]! & IndexFormat.headBits)
      guard perCombination[combination] < options.knownChunksPerSet else { continue }
      perCombination[combination] += 1
      guard
        let m = newMasks[id] ?? (changedIds.contains(id) ? nil : known[id])
          ?? mask(of: key, in: id)
      else { return .unreadable }
      candidates.append((id, m))
    }
    let newKnown = IndexEntries.knownChunks(candidates, options: options)
    return .done(
      IndexEntries.bigValue(sets: newSets, known: newKnown, documentCount: docs.count),
      bigPairs: newSize)
  }

  /// A document's mask for a key, by indexing it again (its body is unchanged).
  private mutating func mask(of key: String, in id: Int32) -> UInt32? {
    if reindexed[id] == nil {
      reindexed[id] = Prepared(docs[Int(id)], options: options).keyMasks
    }
    return reindexed[id]?[key]?.mask
  }

  static func gapDigits(_ ids: [Int32]) -> Int {
    var previous: Int32 = -1
    var n = 0
    for id in ids {
      n += Codec.numberLength(UInt32(id - previous - 1))
      previous = id
    }
    return n
  }

  /// The strings of a `["…","…"]` value.
  static func strings(_ value: [UInt8]) -> [String]? {
    var out: [String] = []
    var i = 1
    while i < value.count, value[i] != UInt8(ascii: "]") {
      guard let (s, next) = IndexEntries.readString(value, at: i) else { return nil }
      out.append(s)
      i = next
      if i < value.count, value[i] == UInt8(ascii: ",") { i += 1 }
    }
    return out
  }
}

extension Prepared {
  /// The keys whose mask differs between two versions of a document, with the old and new
  /// mask (0: absent). Grams are compared as grams and only the changed ones spelled out as
  /// keys: a page has thousands of keys and an edit changes few.
  static func changedKeys(from before: Prepared, to after: Prepared) -> [(
    key: PostingTable.Key, old: UInt32, new: UInt32
  )] {
    var out: [(key: PostingTable.Key, old: UInt32, new: UInt32)] = []
    func compare<K: Hashable>(
      _ old: [(K, UInt32)], _ new: [(K, UInt32)], _ key: (K) -> PostingTable.Key
    ) {
      var masks = [K: UInt32](minimumCapacity: old.count)
      for (k, m) in old { masks[k] = m }
      for (k, m1) in new {
        let m0 = masks.removeValue(forKey: k) ?? 0
        if m0 != m1 { out.append((key(k), m0, m1)) }
      }
      for (k, m0) in masks { out.append((key(k), m0, 0)) }
    }
    compare(before.grams, after.grams, PostingTable.Key.gram)
    compare(before.words, after.words, PostingTable.Key.word)
    return out
  }

  /// Every key of the document with its mask, named as the posting table names them.
  var keyMasks: [String: (shardKey: [UInt32], mask: UInt32)] {
    var out: [String: (shardKey: [UInt32], mask: UInt32)] = [:]
    out.reserveCapacity(grams.count + words.count)
    for (g, m) in grams {
      let k = PostingTable.Key.gram(g)
      out[k.string] = (k.shardKey, m)
    }
    for (w, m) in words {
      let k = PostingTable.Key.word(w)
      out[k.string] = (k.shardKey, m)
    }
    return out
  }
}
