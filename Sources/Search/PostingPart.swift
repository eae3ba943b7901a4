import Dispatch
import Foundation

/// A key as a partition hands it out when its entries are written.
enum PartKey: Sendable {
  case gram(GramKey)
  case word(String)

  var string: String {
    switch self {
    case .gram(let g): PostingTable.Key.gram(g).string
    case .word(let w): w
    }
  }
}

/// The keys of one partition and their postings: a key's first entries in batches, and once
/// its pairs pass `maxPostingBytes` (then it is written in the per-field form), all of them in
/// `bigs` instead.
struct PostingPart {
  /// The entries of up to 65,536 consecutive documents, grouped by key.
  struct Batch {
    var base: Int32
    /// The runs one after another, keys ascending: each is its key's gap from the previous
    /// run's key (minus one), its length in bytes and its entries, all `PostingBytes` varints.
    /// An entry is the document (minus `base` for a run's first entry, else the gap from the
    /// previous one) and the mask: about 2.2 bytes where plain arrays took 6. On text that
    /// repeats little most runs hold two or three entries, so a run's key and end as two
    /// 32-bit numbers had taken more memory than the entries (69 against 54 MB at 10,000
    /// pages); in the stream they take about two bytes.
    var bytes: [UInt8]
    /// Where `bytes` were set aside (then `bytes` is empty), and how many.
    var spilled: SpillStore.Handle?
    var length: Int
    /// Where every `markSpacing`th run's header starts, with the key of the run before it (-1
    /// for the first), so a key's run is found without reading the runs before the mark.
    var marks: [RunCursor]
    var runCount: Int

    static let markSpacing = 32
  }

  /// A key as the partition keeps it: an n-gram as its prefix's key (-1: none) and its last
  /// character (`GramNode.character`), 8 bytes where its whole key took 32 (52 MB for the 1.6
  /// million n-grams of 10,000 pages of text that repeats little); a word as `wordMark` and its
  /// place in `wordKeys`. Whole keys are spelled out only when the entries are written.
  struct KeyLink {
    var prefix: Int32
    var last: UInt32

    static let wordMark = Int32.min
  }

  /// Where the next run of a batch starts, and the key of the run before it.
  struct RunCursor {
    var offset: Int32 = 0
    var key: Int32 = -1
  }

  /// The partition's n-grams as a trie: (prefix's key, character) → key.
  var gramIndex = GramTable(capacity: 1 << 12)
  /// For the document being added: the key of each of its n-grams in this partition.
  var documentKeys: [Int32] = []
  var wordIndex: [String: Int32] = [:]
  var keys: [KeyLink] = []
  var wordKeys: [String] = []
  var batches: [Batch] = []
  /// Per key while its entries are in batches: its last document and its pairs' length.
  var lastIds: [Int32] = []
  var lengths: [Int32] = []
  /// Per key, its place in `bigs`, or -1 while it is in batches.
  var bigSlots: [Int32] = []
  let bigs: BigPostings
  let maxPostingBytes: Int
  let spill: SpillStore?

  init(documentCount: Int, options: SearchIndexOptions, spill: SpillStore?) {
    bigs = BigPostings(documentCount: documentCount, options: options)
    maxPostingBytes = options.maxPostingBytes
    self.spill = spill
  }

  /// Lets go of everything, once the entries are written.
  mutating func release() {
    gramIndex = GramTable(capacity: 1)
    documentKeys = []
    wordIndex = [:]
    keys = []
    wordKeys = []
    batches = []
    (lastIds, lengths, bigSlots) = ([], [], [])
    bigs.removeAll()
  }

  @discardableResult
  private mutating func added(_ key: KeyLink) -> Int32 {
    keys.append(key)
    lastIds.append(-1)
    lengths.append(0)
    bigSlots.append(-1)
    return Int32(keys.count - 1)
  }

  /// The value `gramIndex` holds for the n-gram `node` of a document whose prefix has key
  /// `parent` (-1: none): its key, with `bigFlag` once the key is big.
  @inline(__always)
  mutating func gramValue(parent: Int32, _ node: GramNode) -> Int32 {
    let (v, inserted) = gramIndex.insert(parent: parent, node.scalar, value: Int32(keys.count))
    if inserted { added(KeyLink(prefix: parent, last: node.character)) }
    return v
  }

  /// Set in a gram's value in `gramIndex` once its key is big: the lookup an entry makes anyway
  /// then says so, where reading `bigSlots` of every key was another cache miss an entry (a
  /// fifth of adding on text that repeats little, where most keys are in few documents).
  static let bigFlag = Int32.min

  /// How many lookups ahead a partition prefetches an n-gram's slot (`GramTable.prefetch`):
  /// enough for the misses to overlap, few enough that the lines are still in cache.
  static let prefetchDistance = 8

  /// The number of keys from which documents are prepared level by level (`isLarge`): a
  /// partition's table (two 12-byte slots a key) is then larger than a core's share of the
  /// cache (half a megabyte here), and the misses of a level's lookups overlap. The benchmark
  /// corpus (63,000 keys at 10,000 pages, 4,000 a partition) never gets there, text that
  /// repeats little (1.6 million, 100,000 a partition) after a few thousand pages; below it
  /// the level walk was only more work.
  static let levelWalkFrom = 1 << 15

  mutating func key(_ w: String) -> Int32 {
    if let existing = wordIndex[w] { return existing }
    let k = added(KeyLink(prefix: KeyLink.wordMark, last: UInt32(wordKeys.count)))
    wordKeys.append(w)
    wordIndex[w] = k
    return k
  }

  /// Each batch is grouped by key once (a counting sort) and kept as runs of (document, mask);
  /// a key's posting is the concatenation of its runs across batches. A key whose pairs pass
  /// `maxPostingBytes` moves into `bigs`, where its later documents go straight.
  mutating func add(_ prepared: [Prepared], base: Int32, part: Int) {
    prepared.withUnsafeBufferPointer { add($0, base: base, part: part) }
  }

  /// The same, the documents read in place: a `for p in prepared` loop copied each document
  /// (retaining and releasing its nine arrays) for each of the 16 partitions, on two cores at
  /// once, so the counts' cache lines went back and forth between them.
  private mutating func add(_ prepared: UnsafeBufferPointer<Prepared>, base: Int32, part: Int) {
    var total = 0
    for p in prepared.indices {
      total += prepared[p].gramRange(in: part).count + prepared[p].wordRange(in: part).count
    }
    // Plain memory of the exact size: arrays appended to checked their uniqueness and room for
    // each of the tens of millions of entries.
    let entryKeys = UnsafeMutablePointer<Int32>.allocate(capacity: total)
    let entryMasks = UnsafeMutablePointer<UInt32>.allocate(capacity: total)
    let entryDocs = UnsafeMutablePointer<UInt16>.allocate(capacity: total)
    defer {
      entryKeys.deallocate()
      entryMasks.deallocate()
      entryDocs.deallocate()
    }
    var count = 0
    // Out of `self` while it is read through a pointer and `self` looks keys up.
    var documentKeys = self.documentKeys
    self.documentKeys = []
    // Held here once: read from `self` (borrowed in place) for each entry of a big key, it was
    // retained and released each time.
    let bigs = self.bigs
    for offset in prepared.indices {
      let id = base + Int32(offset)
      let range = prepared[offset].gramRange(in: part)
      if documentKeys.count < range.count {
        documentKeys = [Int32](repeating: 0, count: range.count)
      }
      let lower = range.lowerBound
      prepared[offset].gramNodes.withUnsafeBufferPointer { nodes in
        documentKeys.withUnsafeMutableBufferPointer { documentKeys in
          // The slot of the n-gram `prefetchDistance` lookups ahead is prefetched when its
          // prefix's key is known already (looked up before the one now made), so the lookups'
          // cache misses overlap instead of coming one after another. Once the table is large,
          // `Prepared` makes a document's n-grams level by level, so most prefixes are; start
          // by start, most n-grams' prefix is the lookup just before.
          let distance = Self.prefetchDistance
          for i in range {
            if i + distance < range.upperBound {
              let next = nodes[i + distance]
              if next.parent < Int32(i) {
                let parent = next.parent < 0 ? -1 : documentKeys[Int(next.parent) - lower]
                gramIndex.prefetch(parent: parent, next.scalar)
              }
            }
            let node = nodes[i]
            let parent = node.parent < 0 ? -1 : documentKeys[Int(node.parent) - lower]
            let v = gramValue(parent: parent, node)
            let k = v & Int32.max
            documentKeys[i - lower] = k
            if v < 0 {
              bigs.add(Int(bigSlots[Int(k)]), id, node.mask)
            } else {
              (entryKeys[count], entryMasks[count], entryDocs[count]) =
                (k, node.mask, UInt16(offset))
              count += 1
            }
          }
        }
      }
      for (w, m) in prepared[offset].words(in: part) {
        let k = key(w)
        let slot = Int(bigSlots[Int(k)])
        if slot >= 0 {
          bigs.add(slot, id, m)
        } else {
          (entryKeys[count], entryMasks[count], entryDocs[count]) = (k, m, UInt16(offset))
          count += 1
        }
      }
    }
    self.documentKeys = documentKeys
    appendBatch(
      keys: entryKeys, masks: entryMasks, documents: entryDocs, count: count, base: base)
  }

  /// The batch's entries grouped by key (a counting sort, stable, so each run stays in
  /// document order) and encoded as runs; a key whose posting passes `maxPostingBytes` with
  /// them moves into `bigs` instead, with the runs of earlier batches.
  private mutating func appendBatch(
    keys entryKeys: UnsafeMutablePointer<Int32>, masks entryMasks: UnsafeMutablePointer<UInt32>,
    documents entryDocs: UnsafeMutablePointer<UInt16>, count: Int, base: Int32
  ) {
    var counts = [Int32](repeating: 0, count: keys.count + 1)
    for e in 0..<count { counts[Int(entryKeys[e]) + 1] += 1 }
    var runKeys: [Int32] = []
    var runEnds: [Int32] = []
    for k in 0..<keys.count where counts[k + 1] > 0 {
      runKeys.append(Int32(k))
      runEnds.append((runEnds.last ?? 0) + counts[k + 1])
    }
    for k in 0..<keys.count { counts[k + 1] += counts[k] }
    var docs = [UInt16](repeating: 0, count: count)
    var masks = [UInt32](repeating: 0, count: count)
    for e in 0..<count {
      let k = Int(entryKeys[e])
      let at = Int(counts[k])
      docs[at] = entryDocs[e]
      masks[at] = entryMasks[e]
      counts[k] += 1
    }
    var bytes: [UInt8] = []
    bytes.reserveCapacity(count * 3 + runEnds.count * 2)
    var marks: [RunCursor] = []
    var kept = 0
    var previousKey: Int32 = -1
    var run: [UInt8] = []
    // The keys whose posting passes `maxPostingBytes` with this batch: found first, so that
    // each earlier batch's runs are read once for all of them (`forEachPosting(ofAscending:)`).
    var turning: [Int32] = []
    var start = 0
    for r in runEnds.indices {
      let (k, end) = (Int(runKeys[r]), Int(runEnds[r]))
      var (length, last) = (lengths[k], lastIds[k])
      for e in start..<end {
        let id = base + Int32(docs[e])
        length += Int32(
          Codec.numberLength(UInt32(id - last - 1)) + Codec.numberLength(masks[e]))
        last = id
      }
      start = end
      if length > Int32(clamping: maxPostingBytes) {
        turning.append(Int32(k))
      } else {
        (lengths[k], lastIds[k]) = (length, last)
      }
    }
    // Each turning key's earlier documents, batch by batch, in id order.
    let turned = turning.map { _ in bigs.make() }
    for batch in batches where !turning.isEmpty {
      batch.forEachPosting(ofAscending: turning, spill: spill) { t, id, mask in
        bigs.add(turned[t], id, mask)
      }
    }
    var nextTurning = 0
    start = 0
    for r in runEnds.indices {
      let (k, end) = (Int(runKeys[r]), Int(runEnds[r]))
      let entries = start..<end
      start = end
      if nextTurning < turning.count, turning[nextTurning] == Int32(k) {
        let big = turned[nextTurning]
        nextTurning += 1
        for e in entries { bigs.add(big, base + Int32(docs[e]), masks[e]) }
        bigSlots[k] = Int32(big)
        let link = keys[k]
        if link.prefix != KeyLink.wordMark {
          gramIndex.update(
            parent: link.prefix, link.last & 0x1F_FFFF, value: Int32(k) | Self.bigFlag)
        }
        continue
      }
      run.removeAll(keepingCapacity: true)
      var previous: UInt16 = 0
      for e in entries {
        PostingBytes.append(UInt32(docs[e] - previous), to: &run)
        PostingBytes.appendMask(masks[e], to: &run)
        previous = docs[e]
      }
      if kept % Batch.markSpacing == 0 {
        marks.append(RunCursor(offset: Int32(bytes.count), key: previousKey))
      }
      kept += 1
      PostingBytes.append(UInt32(Int32(k) - previousKey - 1), to: &bytes)
      PostingBytes.append(UInt32(run.count), to: &bytes)
      bytes.append(contentsOf: run)
      previousKey = Int32(k)
    }
    // Set aside, or copied at their exact size: the room reserved above is a third more than
    // they need (an array made from a whole slice would keep the same storage).
    let spilled = spill?.put(bytes)
    batches.append(
      Batch(
        base: base, bytes: spilled == nil ? bytes.withUnsafeBufferPointer { Array($0) } : [],
        spilled: spilled, length: bytes.count,
        marks: marks.withUnsafeBufferPointer { Array($0) }, runCount: kept))
  }
}
