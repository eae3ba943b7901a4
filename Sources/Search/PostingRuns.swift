// Reading a batch's runs back (`PostingPart.Batch`, made in PostingTable.swift), the varints
// they are written in, and each key's posting put together from them (`forEachEntry`).

extension PostingPart.Batch {
  /// The entries of the run at `cursor`, whose key it then holds; moves it to the next run.
  @inline(__always)
  func nextRun(_ cursor: inout PostingPart.RunCursor) -> Range<Int> {
    bytes.withUnsafeBufferPointer { Self.nextRun(in: $0, &cursor) }
  }

  /// The same over a batch's bytes already at hand (`PostingPart.forEachEntry` reads every
  /// batch's runs from one buffer: a batch fetched from an array for each run was copied,
  /// its arrays retained and released, a tenth of the index step on a small site).
  @inline(__always)
  static func nextRun(in bytes: UnsafeBufferPointer<UInt8>, _ cursor: inout PostingPart.RunCursor)
    -> Range<Int>
  {
    var i = Int(cursor.offset)
    cursor.key += Int32(PostingBytes.read(bytes, at: &i)) + 1
    let length = Int(PostingBytes.read(bytes, at: &i))
    cursor.offset = Int32(i + length)
    return i..<i + length
  }

  /// Each run's key, in order.
  static func forEachRunKey(
    in bytes: UnsafeBufferPointer<UInt8>, runCount: Int, _ body: (Int32) -> Void
  ) {
    var cursor = PostingPart.RunCursor()
    for _ in 0..<runCount {
      _ = nextRun(in: bytes, &cursor)
      body(cursor.key)
    }
  }

  /// The documents and masks of the run whose entries are at `run`.
  @inline(__always)
  func forEachPosting(in run: Range<Int>, _ body: (Int32, UInt32) -> Void) {
    bytes.withUnsafeBufferPointer { Self.forEachPosting(in: $0, base: base, run: run, body) }
  }

  @inline(__always)
  static func forEachPosting(
    in bytes: UnsafeBufferPointer<UInt8>, base: Int32, run: Range<Int>,
    _ body: (Int32, UInt32) -> Void
  ) {
    var i = run.lowerBound
    var id = base
    while i < run.upperBound {
      id += Int32(PostingBytes.read(bytes, at: &i))
      body(id, PostingBytes.readMask(bytes, at: &i))
    }
  }

  /// This batch with its runs in memory: itself, or the bytes read back from `spill`.
  func loaded(from spill: SpillStore?) -> Self {
    guard let spilled, let spill else { return self }
    var batch = self
    batch.bytes = spill.read(spilled)
    batch.spilled = nil
    return batch
  }

  /// The documents and masks of the runs of `keys` (ascending) that this batch has, each with
  /// its key's place in `keys`. A key's run lies between the last mark whose previous key is
  /// below it and the next mark; the marks' windows holding some of the keys are read in
  /// stretches of adjacent windows, each once for all its keys (a batch set aside is read back
  /// with one `pread` a stretch, where one a key and batch was 3 % of the index step).
  func forEachPosting(
    ofAscending keys: [Int32], spill: SpillStore?, _ body: (Int, Int32, UInt32) -> Void
  ) {
    var next = 0
    while next < keys.count {
      // The window of `keys[next]`: the last mark whose previous key is below it.
      var (lo, hi) = (0, marks.count)
      while lo < hi {
        let mid = (lo + hi) / 2
        if marks[mid].key < keys[next] { lo = mid + 1 } else { hi = mid }
      }
      guard lo > 0 else {
        next += 1
        continue
      }
      let first = lo - 1
      // Window `w` holds the runs of keys above `marks[w].key` up to `marks[w + 1].key`; the
      // stretch goes on while each next key is in its last window or the one after.
      var last = first
      var end = next + 1
      while end < keys.count {
        var w = last
        while w + 1 < marks.count, w <= last + 1, marks[w + 1].key < keys[end] { w += 1 }
        guard w <= last + 1 else { break }
        last = w
        end += 1
      }
      let runs = min(runCount, (last + 1) * Self.markSpacing) - first * Self.markSpacing
      let from = Int(marks[first].offset)
      let to = last + 1 < marks.count ? Int(marks[last + 1].offset) : length
      let start = PostingPart.RunCursor(offset: 0, key: marks[first].key)
      if let spilled, let spill {
        spill.read(spilled, range: from..<to).withUnsafeBufferPointer {
          Self.scan($0, base: base, from: start, runs: runs, keys: keys[next..<end], body)
        }
      } else {
        bytes.withUnsafeBufferPointer {
          Self.scan(
            UnsafeBufferPointer(rebasing: $0[from..<to]), base: base, from: start, runs: runs,
            keys: keys[next..<end], body)
        }
      }
      next = end
    }
  }

  /// The postings of `keys` (ascending) among `runs` runs from `cursor` on, in `view`.
  private static func scan(
    _ view: UnsafeBufferPointer<UInt8>, base: Int32, from cursor: PostingPart.RunCursor,
    runs: Int, keys: ArraySlice<Int32>, _ body: (Int, Int32, UInt32) -> Void
  ) {
    var cursor = cursor
    var k = keys.startIndex
    for _ in 0..<runs {
      let run = nextRun(in: view, &cursor)
      while k < keys.endIndex, keys[k] < cursor.key { k += 1 }
      guard k < keys.endIndex else { return }
      if keys[k] == cursor.key {
        forEachPosting(in: view, base: base, run: run) { body(k, $0, $1) }
        k += 1
      }
    }
  }
}

/// Varints for the posting runs: seven bits a byte, least significant first, the high bit
/// meaning "more follows". A mask with one bit set (a key in one body chunk: most entries) is
/// written as its bit's index, any other as itself, told apart by the lowest bit.
enum PostingBytes {
  static func append(_ value: UInt64, to out: inout [UInt8]) {
    var v = value
    while v >= 0x80 {
      out.append(UInt8(truncatingIfNeeded: v) | 0x80)
      v >>= 7
    }
    out.append(UInt8(v))
  }

  static func append(_ value: UInt32, to out: inout [UInt8]) { append(UInt64(value), to: &out) }

  static func appendMask(_ mask: UInt32, to out: inout [UInt8]) {
    if mask != 0 && mask & (mask - 1) == 0 {
      append(UInt64(mask.trailingZeroBitCount) << 1, to: &out)
    } else {
      append(UInt64(mask) << 1 | 1, to: &out)
    }
  }

  @inline(__always)
  static func read(_ bytes: UnsafeBufferPointer<UInt8>, at i: inout Int) -> UInt64 {
    var value: UInt64 = 0
    var shift: UInt64 = 0
    while true {
      let b = bytes[i]
      i += 1
      value |= UInt64(b & 0x7F) << shift
      if b < 0x80 { return value }
      shift += 7
    }
  }

  @inline(__always)
  static func readMask(_ bytes: UnsafeBufferPointer<UInt8>, at i: inout Int) -> UInt32 {
    let v = read(bytes, at: &i)
    return v & 1 == 0 ? 1 << UInt32(v >> 1) : UInt32(truncatingIfNeeded: v >> 1)
  }
}

extension PostingPart {
  /// Each key with its posting, in the order keys were first seen.
  func forEachEntry(_ body: (PartKey, PostingTable.Posting) -> Void) {
    // The partition's runs read back at once (a few MB), as every batch is read through, into
    // one buffer (each batch's bytes at `starts[b]`), read below through pointers: a batch
    // taken from an array for each run was copied, its arrays retained and released.
    var all: [UInt8] = []
    all.reserveCapacity(batches.reduce(0) { $0 + $1.length })
    var starts = [0]
    var bases: [Int32] = []
    var runCounts: [Int] = []
    for batch in batches {
      all += batch.loaded(from: spill).bytes
      starts.append(all.count)
      bases.append(batch.base)
      runCounts.append(batch.runCount)
    }
    // The batches holding each key, in batch order (`keyBatches`): most keys are in one or two
    // of the 40 batches of a 10,000-page site, and asking every batch about every key was
    // 200 million comparisons.
    precondition(batches.count <= Int(UInt16.max), "too many batches")
    all.withUnsafeBufferPointer { all in
      let views = bases.indices.map {
        UnsafeBufferPointer(rebasing: all[starts[$0]..<starts[$0 + 1]])
      }
      var firstRun = [Int32](repeating: 0, count: keys.count + 1)
      for b in views.indices {
        Batch.forEachRunKey(in: views[b], runCount: runCounts[b]) { firstRun[Int($0) + 1] += 1 }
      }
      for k in 0..<keys.count { firstRun[k + 1] += firstRun[k] }
      var keyBatches = [UInt16](repeating: 0, count: Int(firstRun[keys.count]))
      do {
        var next = firstRun
        for b in views.indices {
          Batch.forEachRunKey(in: views[b], runCount: runCounts[b]) { k in
            keyBatches[Int(next[Int(k)])] = UInt16(b)
            next[Int(k)] += 1
          }
        }
      }
      var cursors = [RunCursor](repeating: RunCursor(), count: views.count)
      var ids: [Int32] = []
      var masks: [UInt32] = []
      // Each n-gram's whole key, made from its prefix's (which always came first).
      var grams = [GramKey](repeating: GramKey(a: 0, b: 0, c: 0), count: keys.count)
      for k in 0..<keys.count {
        let link = keys[k]
        let key: PartKey
        if link.prefix == KeyLink.wordMark {
          key = .word(wordKeys[Int(link.last)])
        } else {
          let node = GramNode(parent: link.prefix, character: link.last, mask: 0)
          let prefix = link.prefix < 0 ? GramKey(a: 0, b: 0, c: 0) : grams[Int(link.prefix)]
          grams[k] = prefix.appending(node.scalar, at: node.depth)
          key = .gram(grams[k])
        }
        ids.removeAll(keepingCapacity: true)
        masks.removeAll(keepingCapacity: true)
        // A big key's runs (its first documents) are in its `BigPosting` too.
        let slot = Int(bigSlots[k])
        for j in Int(firstRun[k])..<Int(firstRun[k + 1]) {
          let b = Int(keyBatches[j])
          let run = Batch.nextRun(in: views[b], &cursors[b])
          assert(cursors[b].key == Int32(k))
          if slot < 0 {
            Batch.forEachPosting(in: views[b], base: bases[b], run: run) {
              ids.append($0)
              masks.append($1)
            }
          }
        }
        if slot < 0 {
          body(key, .pairs(ids, masks))
        } else {
          let big = bigs.posting(slot)
          body(key, .big(sets: big.sets, known: big.known, pairsLength: big.pairsLength))
        }
      }
    }
  }
}
