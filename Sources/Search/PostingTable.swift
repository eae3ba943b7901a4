import Dispatch
import Foundation

/// All postings of the index, grams and words, in document order. Each batch of documents is
/// grouped by key once (a counting sort) and kept as runs of (document, mask), 6 bytes an
/// entry; a key's posting is the concatenation of its runs across batches, which are in
/// document order. This keeps tens of millions of entries in a few hundred MB without one huge
/// array that grows by copying, and without a second sorted copy of everything.
struct PostingTable {
  struct Key {
    var string: String
    var shardKey: [UInt32]

    /// A Japanese n-gram: stored as itself, placed by all its characters.
    static func gram(_ g: GramKey) -> Key {
      let scalars = g.scalars
      return Key(string: SearchText.string(scalars), shardKey: scalars)
    }

    /// A word (`#word`): placed by `#` and its first two letters, so a prefix is in one shard.
    static func word(_ w: String) -> Key {
      Key(string: w, shardKey: Array(w.unicodeScalars.map(\.value).prefix(3)))
    }
  }

  /// The entries of up to 65,536 consecutive documents, grouped by key.
  private struct Batch {
    var base: Int32
    /// The keys present, ascending, and where each one's run ends in `docs` and `masks`.
    var runKeys: [Int32]
    var runEnds: [Int32]
    /// Document id minus `base`, and the mask, per entry.
    var docs: [UInt16]
    var masks: [UInt32]
  }

  private var gramIndex = GramTable(capacity: 1 << 16)
  private var wordIndex: [String: Int32] = [:]
  private var keys: [Key] = []
  private var batches: [Batch] = []

  var count: Int { keys.count }

  private mutating func key(_ g: GramKey) -> Int32 {
    let (slot, inserted) = gramIndex.insert(g, value: Int32(keys.count))
    if inserted { keys.append(.gram(g)) }
    return gramIndex.values[slot]
  }

  private mutating func key(_ w: String) -> Int32 {
    if let existing = wordIndex[w] { return existing }
    keys.append(.word(w))
    wordIndex[w] = Int32(keys.count - 1)
    return Int32(keys.count - 1)
  }

  /// Adds documents `base`, `base + 1`, … (at most 65,536 of them).
  mutating func add(_ prepared: [Prepared], base: Int32) {
    precondition(prepared.count <= 1 << 16)
    let total = prepared.reduce(0) { $0 + $1.grams.count + $1.words.count }
    var entryKeys: [Int32] = []
    var entryMasks: [UInt32] = []
    var entryDocs: [UInt16] = []
    entryKeys.reserveCapacity(total)
    entryMasks.reserveCapacity(total)
    entryDocs.reserveCapacity(total)
    for (offset, p) in prepared.enumerated() {
      for (g, m) in p.grams {
        entryKeys.append(key(g))
        entryMasks.append(m)
        entryDocs.append(UInt16(offset))
      }
      for (w, m) in p.words {
        entryKeys.append(key(w))
        entryMasks.append(m)
        entryDocs.append(UInt16(offset))
      }
    }
    // Counting sort by key; stable, so each run stays in document order.
    var counts = [Int32](repeating: 0, count: keys.count + 1)
    for k in entryKeys { counts[Int(k) + 1] += 1 }
    var runKeys: [Int32] = []
    var runEnds: [Int32] = []
    for k in 0..<keys.count where counts[k + 1] > 0 {
      runKeys.append(Int32(k))
      runEnds.append((runEnds.last ?? 0) + counts[k + 1])
    }
    for k in 0..<keys.count { counts[k + 1] += counts[k] }
    var docs = [UInt16](repeating: 0, count: total)
    var masks = [UInt32](repeating: 0, count: total)
    for e in 0..<total {
      let k = Int(entryKeys[e])
      let at = Int(counts[k])
      docs[at] = entryDocs[e]
      masks[at] = entryMasks[e]
      counts[k] += 1
    }
    batches.append(
      Batch(base: base, runKeys: runKeys, runEnds: runEnds, docs: docs, masks: masks))
  }

  /// Each key with its posting (ids ascending, masks), in the order keys were first seen.
  func forEach(_ body: (Key, [Int32], [UInt32]) -> Void) {
    var cursors = [Int](repeating: 0, count: batches.count)
    var ids: [Int32] = []
    var masks: [UInt32] = []
    for k in 0..<keys.count {
      ids.removeAll(keepingCapacity: true)
      masks.removeAll(keepingCapacity: true)
      for b in batches.indices {
        let r = cursors[b]
        guard r < batches[b].runKeys.count, batches[b].runKeys[r] == Int32(k) else { continue }
        let start = r == 0 ? 0 : Int(batches[b].runEnds[r - 1])
        let end = Int(batches[b].runEnds[r])
        let base = batches[b].base
        for i in start..<end {
          ids.append(base + Int32(batches[b].docs[i]))
          masks.append(batches[b].masks[i])
        }
        cursors[b] = r + 1
      }
      body(keys[k], ids, masks)
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
