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

  private let gramIndex = GramTable(capacity: 1 << 16)
  private var wordIndex: [String: Int32] = [:]
  private var keys: [Key] = []
  private var batches: [Batch] = []

  var count: Int { keys.count }

  private mutating func key(_ g: GramKey) -> Int32 {
    let (k, inserted) = gramIndex.insert(g, value: Int32(keys.count))
    if inserted { keys.append(.gram(g)) }
    return k
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
  func forEachEntry(_ body: (Key, [Int32], [UInt32]) -> Void) {
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
/// the tens of millions of lookups of a large site. One slot (key, value, used) is one 32-byte
/// record in memory of its own, so a probe touches one cache line and no copy-on-write check.
/// A class, as it owns that memory; each table belongs to one builder or document.
final class GramTable {
  private struct Slot {
    var a: UInt64 = 0
    var b: UInt64 = 0
    var c: UInt64 = 0
    var value: Int32 = 0
    var used = false
  }

  private var slots: UnsafeMutablePointer<Slot>
  private var size: Int
  private(set) var count = 0

  init(capacity: Int) {
    var c = 16
    while c < capacity * 2 { c <<= 1 }
    size = c
    slots = .allocate(capacity: c)
    slots.initialize(repeating: Slot(), count: c)
  }

  deinit {
    slots.deinitialize(count: size)
    slots.deallocate()
  }

  @inline(__always)
  private func slot(_ key: GramKey) -> Int {
    var h =
      key.a &* 0x9E37_79B9_7F4A_7C15 ^ key.b &* 0xC2B2_AE3D_27D4_EB4F ^ key.c
      &* 0x1656_67B1_9E37_79F9
    h ^= h >> 29
    return Int(truncatingIfNeeded: h) & (size - 1)
  }

  /// The value stored for `key`, storing `value` first when the key is new.
  func insert(_ key: GramKey, value: Int32) -> (value: Int32, inserted: Bool) {
    if (count + 1) * 4 > size * 3 { grow() }
    var i = slot(key)
    while slots[i].used {
      if slots[i].a == key.a && slots[i].b == key.b && slots[i].c == key.c {
        return (slots[i].value, false)
      }
      i = (i + 1) & (size - 1)
    }
    slots[i] = Slot(a: key.a, b: key.b, c: key.c, value: value, used: true)
    count += 1
    return (value, true)
  }

  private func grow() {
    let (old, oldSize) = (slots, size)
    size *= 2
    slots = .allocate(capacity: size)
    slots.initialize(repeating: Slot(), count: size)
    count = 0
    for i in 0..<oldSize where old[i].used {
      _ = insert(GramKey(a: old[i].a, b: old[i].b, c: old[i].c), value: old[i].value)
    }
    old.deinitialize(count: oldSize)
    old.deallocate()
  }

  func forEachEntry(_ body: (GramKey, Int32) -> Void) {
    for i in 0..<size where slots[i].used {
      body(GramKey(a: slots[i].a, b: slots[i].b, c: slots[i].c), slots[i].value)
    }
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
