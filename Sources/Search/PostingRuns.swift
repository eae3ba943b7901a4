// Reading a batch's runs back (`PostingPart.Batch`, made in PostingTable.swift) and the varints
// they are written in.

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

  /// The documents and masks of `key`'s run, if this batch has one: from the last mark whose
  /// previous key is below it, reading the runs' headers. Its run lies before the next mark,
  /// so a batch set aside reads back only the runs between the two.
  func forEachPosting(of key: Int32, spill: SpillStore?, _ body: (Int32, UInt32) -> Void) {
    var (lo, hi) = (0, marks.count)
    while lo < hi {
      let mid = (lo + hi) / 2
      if marks[mid].key < key { lo = mid + 1 } else { hi = mid }
    }
    guard lo > 0 else { return }
    var cursor = marks[lo - 1]
    let runs = (lo < marks.count ? lo * Self.markSpacing : runCount) - (lo - 1) * Self.markSpacing
    guard let spilled, let spill else {
      return forEachPosting(of: key, from: cursor, runs: runs, body)
    }
    var window = self
    let end = lo < marks.count ? Int(marks[lo].offset) : length
    window.bytes = spill.read(spilled, range: Int(cursor.offset)..<end)
    window.spilled = nil
    cursor.offset = 0
    window.forEachPosting(of: key, from: cursor, runs: runs, body)
  }

  /// The documents and masks of `key`'s run among the `runs` runs from `cursor` on.
  private func forEachPosting(
    of key: Int32, from cursor: PostingPart.RunCursor, runs: Int, _ body: (Int32, UInt32) -> Void
  ) {
    var cursor = cursor
    for _ in 0..<runs {
      let run = nextRun(&cursor)
      if cursor.key >= key {
        if cursor.key == key { forEachPosting(in: run, body) }
        return
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
