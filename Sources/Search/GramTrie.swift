import Foundation

/// The distinct n-grams of one document, as a trie: a gram is its shorter prefix plus one
/// character, so a lookup hashes (prefix node, character), one 8-byte word, instead of the
/// three words of a whole `GramKey`. Slots are 8 bytes in a table a quarter of the size, which
/// mostly stays in cache. A node is its parent and character (its slot's word): the posting
/// table keeps the n-grams of all documents as such a trie too, and whole keys are made only
/// for n-grams it has not seen. A class, as it owns that memory; each trie belongs to one
/// document being prepared.
final class GramTrie {
  private var slots: UnsafeMutablePointer<UInt64>
  private var slotNodes: UnsafeMutablePointer<Int32>
  private var size: Int
  /// Per node: the mask of fields and chunks holding it.
  private var nodeMasks: UnsafeMutablePointer<UInt32>
  /// Per node, its slot: what `reset` clears.
  private var nodeSlots: UnsafeMutablePointer<Int32>
  private var capacity: Int
  private(set) var count = 0

  /// The slot word of (`parent`, `scalar`): the parent plus one (the root is -1) above 21 bits
  /// of character, and the top bit, so it is never 0 (an empty slot). The posting partitions'
  /// `GramTable` keys its tries by the same word.
  @inline(__always)
  static func word(parent: Int32, _ scalar: UInt32) -> UInt64 {
    UInt64(UInt32(bitPattern: parent &+ 1)) << 21 | UInt64(scalar) | 1 << 63
  }

  /// Node `n`'s parent (`root` for a one-character gram) and last character.
  @inline(__always)
  private func link(of n: Int) -> (parent: Int32, scalar: UInt32) {
    let word = slots[Int(nodeSlots[n])]
    return (Int32(truncatingIfNeeded: (word >> 21) & 0xFFFF_FFFF) &- 1, UInt32(word & 0x1F_FFFF))
  }

  /// The nodes in creation order, each as its parent, character, position and mask: what a
  /// prepared document keeps of its n-grams (`GramNode.keys` spells them out).
  var nodes: [GramNode] {
    [GramNode](unsafeUninitializedCapacity: count) { buffer, n in
      for i in 0..<count {
        let (parent, scalar) = link(of: i)
        let depth = parent < 0 ? 0 : buffer[Int(parent)].depth + 1
        (buffer.baseAddress! + i).initialize(
          to: GramNode(
            parent: parent, character: scalar | UInt32(depth) << 24, mask: nodeMasks[i]))
      }
      n = count
    }
  }

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
    slots.initialize(repeating: 0, count: c)
    slotNodes = .allocate(capacity: c)
    slotNodes.initialize(repeating: 0, count: c)
    self.capacity = c
    nodeMasks = .allocate(capacity: c)
    nodeSlots = .allocate(capacity: c)
  }

  deinit {
    slots.deallocate()
    slotNodes.deallocate()
    nodeMasks.deallocate()
    nodeSlots.deallocate()
  }

  /// Empty again, clearing only the slots in use: zeroing the whole table for each document
  /// (and faulting fresh memory in) was a tenth of preparing one.
  func reset() {
    for n in 0..<count { slots[Int(nodeSlots[n])] = 0 }
    count = 0
  }

  /// The node of `parent`'s gram followed by `scalar`, made when new; `bit` is added to its
  /// mask.
  @inline(__always)
  func child(of parent: Int32, _ scalar: UInt32, bit: UInt32) -> Int32 {
    let word = Self.word(parent: parent, scalar)
    var h = word &* 0x9E37_79B9_7F4A_7C15
    h ^= h >> 31
    var i = Int(truncatingIfNeeded: h) & (size - 1)
    while slots[i] != 0 {
      if slots[i] == word {
        let node = slotNodes[i]
        nodeMasks[Int(node)] |= bit
        return node
      }
      i = (i + 1) & (size - 1)
    }
    let node = Int32(count)
    if count == capacity { growNodes() }
    (nodeMasks + count).initialize(to: bit)
    nodeSlots[count] = Int32(i)
    count += 1
    slots[i] = word
    slotNodes[i] = node
    if count * 4 > size * 3 { grow() }
    return node
  }

  private func growNodes() {
    let (masks, slotsOfNodes) = (nodeMasks, nodeSlots)
    capacity *= 2
    nodeMasks = .allocate(capacity: capacity)
    nodeMasks.moveInitialize(from: masks, count: count)
    nodeSlots = .allocate(capacity: capacity)
    nodeSlots.moveInitialize(from: slotsOfNodes, count: count)
    masks.deallocate()
    slotsOfNodes.deallocate()
  }

  private func grow() {
    let (oldSlots, oldNodes, oldSize) = (slots, slotNodes, size)
    size *= 2
    slots = .allocate(capacity: size)
    slots.initialize(repeating: 0, count: size)
    slotNodes = .allocate(capacity: size)
    slotNodes.initialize(repeating: 0, count: size)
    for j in 0..<oldSize where oldSlots[j] != 0 {
      var h = oldSlots[j] &* 0x9E37_79B9_7F4A_7C15
      h ^= h >> 31
      var i = Int(truncatingIfNeeded: h) & (size - 1)
      while slots[i] != 0 { i = (i + 1) & (size - 1) }
      slots[i] = oldSlots[j]
      slotNodes[i] = oldNodes[j]
      nodeSlots[Int(oldNodes[j])] = Int32(i)
    }
    oldSlots.deallocate()
    oldNodes.deallocate()
  }
}

/// Tries kept between the documents of one index build, by number of slots, so a document
/// takes one of its size, already empty, instead of allocating and zeroing a new one. By
/// size, so a short document does not probe a table made for the longest one. The documents'
/// other working memory (`DocumentScratch`) is kept here too.
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

  private var scratches: [DocumentScratch] = []

  /// A document's working memory (`DocumentScratch`), kept from an earlier document when one
  /// is free.
  func takeScratch() -> DocumentScratch {
    lock.withLock { scratches.popLast() } ?? DocumentScratch()
  }

  /// Takes `scratch` back for a later document.
  func give(_ scratch: DocumentScratch) {
    lock.withLock { scratches.append(scratch) }
  }
}
