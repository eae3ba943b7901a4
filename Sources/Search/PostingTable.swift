import Dispatch
import Foundation

/// All postings of the index, grams and words, in document order. Entries are appended to flat
/// arrays and grouped by key once at the end (a counting sort), which is much faster than
/// growing one array per key.
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
        k = newKey(.gram(g))
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
        k = newKey(.word(w))
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
