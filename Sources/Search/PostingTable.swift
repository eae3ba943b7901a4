import Dispatch
import Foundation

/// All postings of the index, grams and words, in document order, split by key into
/// partitions that are filled and read in parallel (a key lives in one partition, chosen by a
/// hash of the key, so workers never share a table). Entries come out partition by partition;
/// shard files sort their keys, so that order never reaches the output.
struct PostingTable {
  struct Key: Sendable {
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

  /// Enough partitions that two or more cores stay busy however the keys fall.
  static let partitions = 16

  /// A gram's partition is its first character's, so a document's trie makes the grams of
  /// one partition together (`Prepared`).
  @inline(__always)
  static func partition(ofFirst scalar: UInt32) -> Int {
    Int(truncatingIfNeeded: (UInt64(scalar) &* 0x9E37_79B9_7F4A_7C15) >> 60)
  }

  static func partition(ofWord w: String) -> Int {
    var h: UInt32 = 0x811C_9DC5
    for b in w.utf8 { h = (h ^ UInt32(b)) &* 0x0100_0193 }
    return Int(h >> 28)
  }

  private var parts: [PostingPart]

  /// For `documentCount` documents, whose postings become big by `options`. With `spill`,
  /// each batch's runs are set aside there once made (read back when a key turns big, and
  /// when the entries are written), and so are the encoded entries (`consumeIntoArenas`).
  init(documentCount: Int, options: SearchIndexOptions, spill: SpillStore? = nil) {
    parts = (0..<PostingTable.partitions).map { _ in
      PostingPart(documentCount: documentCount, options: options, spill: spill)
    }
  }

  var count: Int { parts.reduce(0) { $0 + $1.keys.count } }

  /// Whether the partitions' tables are past the cache (`PostingPart.levelWalkFrom` keys each
  /// on average): then documents are best prepared level by level (`Prepared.init`).
  var isLarge: Bool { count > PostingTable.partitions * PostingPart.levelWalkFrom }

  /// Adds documents `base`, `base + 1`, … (at most 65,536 of them), each partition on its own
  /// worker.
  mutating func add(_ prepared: [Prepared], base: Int32) {
    precondition(prepared.count <= 1 << 16)
    parts.withUnsafeMutableBufferPointer { buffer in
      nonisolated(unsafe) let parts = buffer
      DispatchQueue.concurrentPerform(iterations: parts.count) { p in
        parts[p].add(prepared, base: base, part: p)
      }
    }
  }

  /// A key's documents: ids ascending with their masks, or, once their pairs grew past
  /// `maxPostingBytes`, what the per-field form keeps.
  enum Posting {
    case pairs([Int32], [UInt32])
    case big(sets: [[Int32]], known: [(Int32, UInt32)], pairsLength: Int)
  }

  /// Every key with its posting encoded by `encode`, into one arena per partition, partitions
  /// in parallel; each partition is let go once encoded, so the encoded index and the table
  /// are never both whole in memory (`releaseMemory` runs after each is let go). With a spill
  /// store, each arena is set aside there at once, by shard group (`EncodedEntries.spilled`).
  /// Also the keys whose posting `encode` wrote in the big form, with the length their pairs
  /// would have had (`SearchIndexState.bigPairs`).
  mutating func consumeIntoArenas(
    releaseMemory: @Sendable () -> Void = {},
    _ encode: @Sendable (Posting) -> (value: [UInt8], bigPairs: Int?)
  ) -> (entries: [EncodedEntries], bigPairs: [(String, Int)]) {
    let results = ResultBox<(EncodedEntries, [(String, Int)])>(count: parts.count)
    parts.withUnsafeMutableBufferPointer { buffer in
      nonisolated(unsafe) let parts = buffer
      DispatchQueue.concurrentPerform(iterations: parts.count) { p in
        var arena = EntryArena()
        var big: [(String, Int)] = []
        parts[p].forEachEntry { key, posting in
          let (value, bigPairs) = encode(posting)
          switch key {
          case .gram(let g): arena.append(gram: g, value: value)
          case .word(let w): arena.append(key: w, shardKey: Key.word(w).shardKey, value: value)
          }
          if let bigPairs { big.append((key.string, bigPairs)) }
        }
        let spill = parts[p].spill
        parts[p].release()
        let entries = spill.map { arena.spilled(into: $0) } ?? .arena(arena)
        arena = EntryArena()
        releaseMemory()
        results.set(p, (entries, big))
      }
    }
    let done = results.values()
    return (done.map(\.0), done.flatMap(\.1))
  }
}
