import Foundation

/// The distinct n-grams of one document, as a trie: a gram is its shorter prefix plus one
/// character, so a lookup hashes (prefix node, character), one 8-byte word, instead of the
/// three words of a whole `GramKey`. A slot holds that word, its node and the node's mask, so
/// a probe that finds its gram (most of them: a text repeats its words) touches one cache line;
/// the table is a quarter of the size a `GramKey` table would be and mostly stays in cache.
/// Each node's whole key and posting partition are kept beside it, in creation order.
/// A class, as it owns that memory; each trie belongs to one document being prepared.
final class GramTrie {
  private struct Slot {
    /// 0 when empty; else the parent plus one above 21 bits of character, with the top bit set.
    var word: UInt64
    var node: Int32
    /// The fields and chunks holding the node's gram.
    var mask: UInt32
  }

  private var slots: UnsafeMutablePointer<Slot>
  private var size: Int
  /// Per node: its whole key, its posting partition and its slot (what `reset` clears).
  private var nodeKeys: UnsafeMutablePointer<GramKey>
  private var nodeParts: UnsafeMutablePointer<UInt8>
  private var nodeSlots: UnsafeMutablePointer<Int32>
  private var capacity: Int
  private(set) var count = 0
  /// The number of nodes in each posting partition.
  private var partCounts = [Int32](repeating: 0, count: PostingTable.partitions)

  var keys: UnsafeBufferPointer<GramKey> { UnsafeBufferPointer(start: nodeKeys, count: count) }
  /// The masks, in node order.
  var masks: [UInt32] { (0..<count).map { slots[Int(nodeSlots[$0])].mask } }

  /// The parent of the one-character grams.
  static let root: Int32 = -1

  /// The number of slots a trie made for `capacity` nodes starts with.
  static func slotCount(for capacity: Int) -> Int {
    var c = 16
    while c < capacity * 2 { c <<= 1 }
    return c
  }

  /// The number of slots now (it doubles as nodes are added).
  var slotCount: Int { size }

  init(capacity: Int) {
    let c = Self.slotCount(for: capacity)
    size = c
    slots = .allocate(capacity: c)
    slots.initialize(repeating: Slot(word: 0, node: 0, mask: 0), count: c)
    self.capacity = c
    nodeKeys = .allocate(capacity: c)
    nodeParts = .allocate(capacity: c)
    nodeSlots = .allocate(capacity: c)
  }

  deinit {
    slots.deallocate()
    nodeKeys.deallocate()
    nodeParts.deallocate()
    nodeSlots.deallocate()
  }

  /// Empty again, clearing only the slots in use: zeroing the whole table for each document
  /// (and faulting fresh memory in) was a tenth of preparing one.
  func reset() {
    for n in 0..<count { slots[Int(nodeSlots[n])].word = 0 }
    count = 0
    for p in partCounts.indices { partCounts[p] = 0 }
  }

  /// The node of `parent`'s gram followed by `scalar` (at position `depth`, from 0), made
  /// when new; `bit` is added to its mask.
  @inline(__always)
  func child(of parent: Int32, _ scalar: UInt32, depth: Int, bit: UInt32) -> Int32 {
    // Never 0: the parent is stored plus one (the root is -1) above 21 bits of character.
    let word = UInt64(UInt32(bitPattern: parent &+ 1)) << 21 | UInt64(scalar) | 1 << 63
    var h = word &* 0x9E37_79B9_7F4A_7C15
    h ^= h >> 31
    var i = Int(truncatingIfNeeded: h) & (size - 1)
    while slots[i].word != 0 {
      if slots[i].word == word {
        slots[i].mask |= bit
        return slots[i].node
      }
      i = (i + 1) & (size - 1)
    }
    let node = Int32(count)
    var key = parent == Self.root ? GramKey(a: 0, b: 0, c: 0) : nodeKeys[Int(parent)]
    let v = UInt64(scalar)
    switch depth {
    case 0..<3: key.a |= v << (21 * UInt64(depth))
    case 3..<6: key.b |= v << (21 * UInt64(depth - 3))
    default: key.c |= v << (21 * UInt64(depth - 6))
    }
    if count == capacity { growNodes() }
    let part = PostingTable.partition(of: key)
    (nodeKeys + count).initialize(to: key)
    nodeParts[count] = UInt8(part)
    partCounts[part] += 1
    nodeSlots[count] = Int32(i)
    count += 1
    slots[i] = Slot(word: word, node: node, mask: bit)
    if count * 4 > size * 3 { grow() }
    return node
  }

  /// Every gram with its mask, grouped by posting partition (in node order within one), and
  /// where each partition's group ends: a counting sort over the partitions noted as the
  /// nodes were made.
  func grouped() -> (grams: [(GramKey, UInt32)], ends: [Int32]) {
    var ends = partCounts
    for p in 1..<ends.count { ends[p] += ends[p - 1] }
    var next = [Int](repeating: 0, count: ends.count)
    for p in 1..<ends.count { next[p] = Int(ends[p - 1]) }
    let grams = [(GramKey, UInt32)](unsafeUninitializedCapacity: count) { buffer, initialized in
      for n in 0..<count {
        let p = Int(nodeParts[n])
        (buffer.baseAddress! + next[p]).initialize(
          to: (nodeKeys[n], slots[Int(nodeSlots[n])].mask))
        next[p] += 1
      }
      initialized = count
    }
    return (grams, ends)
  }

  private func growNodes() {
    let (keys, parts, slotsOfNodes) = (nodeKeys, nodeParts, nodeSlots)
    capacity *= 2
    nodeKeys = .allocate(capacity: capacity)
    nodeKeys.moveInitialize(from: keys, count: count)
    nodeParts = .allocate(capacity: capacity)
    nodeParts.moveInitialize(from: parts, count: count)
    nodeSlots = .allocate(capacity: capacity)
    nodeSlots.moveInitialize(from: slotsOfNodes, count: count)
    keys.deallocate()
    parts.deallocate()
    slotsOfNodes.deallocate()
  }

  private func grow() {
    let (old, oldSize) = (slots, size)
    size *= 2
    slots = .allocate(capacity: size)
    slots.initialize(repeating: Slot(word: 0, node: 0, mask: 0), count: size)
    for j in 0..<oldSize where old[j].word != 0 {
      var h = old[j].word &* 0x9E37_79B9_7F4A_7C15
      h ^= h >> 31
      var i = Int(truncatingIfNeeded: h) & (size - 1)
      while slots[i].word != 0 { i = (i + 1) & (size - 1) }
      slots[i] = old[j]
      nodeSlots[Int(old[j].node)] = Int32(i)
    }
    old.deallocate()
  }
}

/// Tries kept between the documents of one index build, by number of slots, so a document
/// takes one of its size, already empty, instead of allocating and zeroing a new one. By
/// size, so a short document does not probe a table made for the longest one.
final class GramTriePool: @unchecked Sendable {
  private var free: [Int: [GramTrie]] = [:]
  private let lock = NSLock()

  /// An empty trie with room for about `capacity` nodes.
  func take(capacity: Int) -> GramTrie {
    let size = GramTrie.slotCount(for: capacity)
    return lock.withLock { free[size]?.popLast() } ?? GramTrie(capacity: capacity)
  }

  /// Takes `trie` back, emptied, for a later document.
  func give(_ trie: GramTrie) {
    trie.reset()
    lock.withLock { free[trie.slotCount, default: []].append(trie) }
  }
}
