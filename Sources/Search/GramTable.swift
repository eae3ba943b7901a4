import CLinux
import Foundation

/// Open addressing from (prefix key, character) to a posting partition's key numbers: the
/// partition's n-grams as a trie, one 8-byte word a lookup (as a document's `GramTrie`), much
/// faster than `Dictionary` with SipHash for the millions of lookups of a large site. A slot
/// (word, key) is 12 bytes (the word as two halves, so no padding follows the key), for tables
/// of up to millions of keys. A class, as it owns that memory; each table belongs to one
/// posting partition.
final class GramTable {
  private struct Slot {
    /// 0: empty.
    var low: UInt32 = 0
    var high: UInt32 = 0
    var value: Int32 = 0

    init() {}

    init(word: UInt64, value: Int32) {
      (low, high, self.value) = (UInt32(truncatingIfNeeded: word), UInt32(word >> 32), value)
    }

    var word: UInt64 { UInt64(high) << 32 | UInt64(low) }
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
  private func slot(_ word: UInt64) -> Int {
    var h = word &* 0x9E37_79B9_7F4A_7C15
    h ^= h >> 29
    return Int(truncatingIfNeeded: h) & (size - 1)
  }

  /// The value stored for (`parent`, `scalar`) (`parent` -1 for a one-character n-gram),
  /// storing `value` first when it is new.
  @inline(__always)
  func insert(parent: Int32, _ scalar: UInt32, value: Int32) -> (value: Int32, inserted: Bool) {
    let word = GramTrie.word(parent: parent, scalar)
    if (count + 1) * 4 > size * 3 { grow() }
    var i = slot(word)
    while slots[i].word != 0 {
      if slots[i].word == word { return (slots[i].value, false) }
      i = (i + 1) & (size - 1)
    }
    slots[i] = Slot(word: word, value: value)
    count += 1
    return (value, true)
  }

  /// Prefetches the slot where (`parent`, `scalar`) is looked up first: a partition's table is
  /// up to megabytes, and a lookup is mostly a wait for that line. `PostingPart.add` prefetches
  /// n-grams a few lookups ahead, so their misses overlap (a lookup depending on the one before
  /// cannot).
  @inline(__always)
  func prefetch(parent: Int32, _ scalar: UInt32) {
    portal_prefetch_write(slots + slot(GramTrie.word(parent: parent, scalar)))
  }

  /// Replaces the value stored for (`parent`, `scalar`), which must be there.
  func update(parent: Int32, _ scalar: UInt32, value: Int32) {
    let word = GramTrie.word(parent: parent, scalar)
    var i = slot(word)
    while slots[i].word != word {
      precondition(slots[i].word != 0, "update of an n-gram not in the table")
      i = (i + 1) & (size - 1)
    }
    slots[i].value = value
  }

  private func grow() {
    let (old, oldSize) = (slots, size)
    size *= 2
    slots = .allocate(capacity: size)
    slots.initialize(repeating: Slot(), count: size)
    for j in 0..<oldSize where old[j].word != 0 {
      var i = slot(old[j].word)
      while slots[i].word != 0 { i = (i + 1) & (size - 1) }
      slots[i] = old[j]
    }
    old.deinitialize(count: oldSize)
    old.deallocate()
  }
}
