import ByteFormats
import Dispatch
import Foundation

/// Index entries as bytes: each entry's key (UTF-8) and value one after another in one buffer,
/// with a small record of where. Text that repeats little (most real writing) has millions of
/// distinct n-grams; an entry of their own for each (a key string, its shard key, a value
/// array) cost a few hundred bytes beyond their bytes, most of the index step's peak of memory
/// (976 MiB at 10,000 pages of such text).
struct EntryArena: Sendable {
  struct Record: Sendable {
    /// The key is `start..<start + keyLength` of `bytes`, the value right after it.
    var start: Int
    var keyLength: Int32
    var valueLength: Int32
    /// `IndexFormat.hash` of the shard key: the entry's shard is its low bits.
    var hash: UInt32
  }

  /// The keys and values; a class of its own so the shards read it through stable pointers.
  private let storage = ArenaBytes()
  private(set) var records: [Record] = []
  /// What the entries add to the total that decides the number of shards
  /// (`IndexEntries.size`).
  private(set) var total = 0

  /// An entry whose key is a string, placed by `shardKey`'s scalars.
  mutating func append(key: String, shardKey: some Sequence<UInt32>, value: [UInt8]) {
    let start = storage.count
    var key = key
    key.withUTF8 { storage.append($0) }
    finish(start: start, hash: IndexFormat.hash(shardKey), value: value)
  }

  /// An entry whose key is a Japanese n-gram, placed by all its characters.
  mutating func append(gram: GramKey, value: [UInt8]) {
    let start = storage.count
    var hash = IndexFormat.hashSeed
    gram.forEachScalar { v in
      IndexFormat.mix(&hash, v)
      guard let scalar = Unicode.Scalar(v) else { return }
      for b in UTF8.encode(scalar)! { storage.append(b) }
    }
    finish(start: start, hash: hash, value: value)
  }

  private mutating func finish(start: Int, hash: UInt32, value: [UInt8]) {
    let keyLength = storage.count - start
    value.withUnsafeBufferPointer { storage.append($0) }
    records.append(
      Record(
        start: start, keyLength: Int32(keyLength), valueLength: Int32(value.count), hash: hash))
    total += keyLength + value.count + 4
  }
}

extension EntryArena {
  /// The shard files of all arenas' entries, `{"key":value,…}` with keys in the order of their
  /// UTF-8 bytes (the bytes `IndexEntries.shardData` writes), made in parallel in groups; each
  /// group goes to `emit` once made, so the files are never all in memory at once.
  static func writeShards(_ arenas: [EntryArena], shards: Int, emit: ([String: Data]) -> Void) {
    // Each entry as (arena, record), grouped by shard (a counting sort).
    var ends = [Int](repeating: 0, count: shards + 1)
    for arena in arenas {
      for r in arena.records { ends[Int(r.hash & UInt32(shards - 1)) + 1] += 1 }
    }
    for s in 0..<shards { ends[s + 1] += ends[s] }
    var next = ends
    var refs = [UInt64](repeating: 0, count: ends[shards])
    for (a, arena) in arenas.enumerated() {
      for (i, r) in arena.records.enumerated() {
        let s = Int(r.hash & UInt32(shards - 1))
        refs[next[s]] = UInt64(a) << 32 | UInt64(i)
        next[s] += 1
      }
    }
    let starts = ends
    let group = 1024
    var first = 0
    while first < shards {
      let count = min(group, shards - first)
      let files = ResultBox<Data>(count: count)
      let base = first
      refs.withUnsafeMutableBufferPointer { buffer in
        nonisolated(unsafe) let refs = buffer
        DispatchQueue.concurrentPerform(iterations: count) { n in
          let s = base + n
          let shard = UnsafeMutableBufferPointer(rebasing: refs[starts[s]..<starts[s + 1]])
          files.set(n, shardData(shard, arenas))
        }
      }
      var named: [String: Data] = [:]
      for (n, data) in files.values().enumerated() {
        named[IndexFormat.shardName(base + n, shards: shards)] = data
      }
      emit(named)
      first += count
    }
  }

  /// One shard's file; sorts `refs` in place.
  private static func shardData(
    _ shard: UnsafeMutableBufferPointer<UInt64>, _ arenas: [EntryArena]
  ) -> Data {
    var refs = shard
    var w = JSONBytes()
    w.byte(UInt8(ascii: "{"))
    let buffers = arenas.map { $0.storage.buffer }
    func key(_ ref: UInt64) -> UnsafeBufferPointer<UInt8> {
      let r = arenas[Int(ref >> 32)].records[Int(ref & 0xFFFF_FFFF)]
      let b = buffers[Int(ref >> 32)]
      return UnsafeBufferPointer(rebasing: b[r.start..<(r.start + Int(r.keyLength))])
    }
    refs.sort { x, y in
      let (a, b) = (key(x), key(y))
      let c = memcmp(a.baseAddress!, b.baseAddress!, min(a.count, b.count))
      return c != 0 ? c < 0 : a.count < b.count
    }
    for (n, ref) in refs.enumerated() {
      if n > 0 { w.byte(UInt8(ascii: ",")) }
      let r = arenas[Int(ref >> 32)].records[Int(ref & 0xFFFF_FFFF)]
      let b = buffers[Int(ref >> 32)]
      let valueStart = r.start + Int(r.keyLength)
      w.string(utf8: UnsafeBufferPointer(rebasing: b[r.start..<valueStart]))
      w.byte(UInt8(ascii: ":"))
      w.bytes.append(
        contentsOf: UnsafeBufferPointer(rebasing: b[valueStart..<(valueStart + Int(r.valueLength))]))
    }
    w.byte(UInt8(ascii: "}"))
    return w.data
  }
}

/// Bytes that only grow, at a stable address between growths: each worker fills its arena,
/// then the shard writers read all of them at once without copying.
final class ArenaBytes: @unchecked Sendable {
  private var base = UnsafeMutablePointer<UInt8>.allocate(capacity: 1 << 16)
  private var capacity = 1 << 16
  private(set) var count = 0

  deinit { base.deallocate() }

  var buffer: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: base, count: count) }

  @inline(__always)
  func append(_ byte: UInt8) {
    if count == capacity { grow(to: count + 1) }
    base[count] = byte
    count += 1
  }

  func append(_ bytes: UnsafeBufferPointer<UInt8>) {
    guard let source = bytes.baseAddress, !bytes.isEmpty else { return }
    if count + bytes.count > capacity { grow(to: count + bytes.count) }
    (base + count).update(from: source, count: bytes.count)
    count += bytes.count
  }

  private func grow(to needed: Int) {
    var c = capacity * 2
    while c < needed { c *= 2 }
    let bigger = UnsafeMutablePointer<UInt8>.allocate(capacity: c)
    bigger.update(from: base, count: count)
    base.deallocate()
    (base, capacity) = (bigger, c)
  }
}
