import ByteFormats
import Dispatch
import Foundation

/// Index entries as bytes: each entry's key (UTF-8) and value one after another in blocks of
/// bytes, with a small record of where. Text that repeats little (most real writing) has millions of
/// distinct n-grams; an entry of their own for each (a key string, its shard key, a value
/// array) cost a few hundred bytes beyond their bytes, most of the index step's peak of memory
/// (976 MiB at 10,000 pages of such text).
struct EntryArena: Sendable {
  struct Record: Sendable {
    /// The key is `keyLength` bytes at `offset` of block `block`, the value right after it.
    var block: Int32
    var offset: Int32
    var keyLength: Int32
    var valueLength: Int32
    /// `IndexFormat.hash` of the shard key: the entry's shard is its low bits.
    var hash: UInt32
  }

  /// The keys and values; a class of its own so the shards read it through stable pointers.
  fileprivate let storage = ArenaBytes()
  private(set) var records: [Record] = []
  /// What the entries add to the total that decides the number of shards
  /// (`IndexEntries.size`).
  private(set) var total = 0

  /// An entry whose key is a string, placed by `shardKey`'s scalars.
  mutating func append(key: String, shardKey: some Sequence<UInt32>, value: [UInt8]) {
    var key = key
    let (block, offset) = storage.reserve(key.utf8.count + value.count)
    key.withUTF8 { storage.append($0) }
    finish(block, offset, hash: IndexFormat.hash(shardKey), value: value)
  }

  /// An entry whose key is a Japanese n-gram, placed by all its characters.
  mutating func append(gram: GramKey, value: [UInt8]) {
    // Room for the longest key: nine characters of four bytes.
    let (block, offset) = storage.reserve(36 + value.count)
    var hash = IndexFormat.hashSeed
    gram.forEachScalar { v in
      IndexFormat.mix(&hash, v)
      guard let scalar = Unicode.Scalar(v) else { return }
      for b in UTF8.encode(scalar)! { storage.append(b) }
    }
    finish(block, offset, hash: hash, value: value)
  }

  private mutating func finish(_ block: Int32, _ offset: Int32, hash: UInt32, value: [UInt8]) {
    let keyLength = storage.used - Int(offset)
    value.withUnsafeBufferPointer { storage.append($0) }
    records.append(
      Record(
        block: block, offset: offset, keyLength: Int32(keyLength),
        valueLength: Int32(value.count), hash: hash))
    total += keyLength + value.count + 4
  }

  /// Record `r`'s key and value bytes.
  private func entry(_ r: Int) -> (
    key: UnsafeBufferPointer<UInt8>, value: UnsafeBufferPointer<UInt8>
  ) {
    let record = records[r]
    let start = storage.start(of: Int(record.block)) + Int(record.offset)
    let keyLength = Int(record.keyLength)
    return (
      UnsafeBufferPointer(start: start, count: keyLength),
      UnsafeBufferPointer(start: start + keyLength, count: Int(record.valueLength))
    )
  }
}

/// Encoded entries on their way to the shard files: an arena in memory, or one set aside in a
/// spill file, split into `groups` by the low bits of each entry's shard hash, so the shards
/// are written a group at a time with only that group read back.
enum EncodedEntries: Sendable {
  case arena(EntryArena)
  case spilled(groups: [SpillStore.Handle], total: Int)

  static let groups = 16

  /// What the entries add to the total that decides the number of shards.
  var total: Int {
    switch self {
    case .arena(let arena): arena.total
    case .spilled(_, let total): total
    }
  }
}

extension EntryArena {
  /// The entries set aside in `store`, group by group: each entry as its hash, key length and
  /// value length (32 bits each) followed by its key and value.
  func spilled(into store: SpillStore) -> EncodedEntries {
    let groups = EncodedEntries.groups
    var bytes = [[UInt8]](repeating: [], count: groups)
    for r in records.indices {
      let record = records[r]
      let (key, value) = entry(r)
      let g = Int(record.hash) & (groups - 1)
      let fields = (
        record.hash.littleEndian, UInt32(record.keyLength).littleEndian,
        UInt32(record.valueLength).littleEndian
      )
      withUnsafeBytes(of: fields) { bytes[g].append(contentsOf: $0) }
      bytes[g].append(contentsOf: key)
      bytes[g].append(contentsOf: value)
    }
    return .spilled(groups: bytes.map { store.put($0) }, total: total)
  }

  /// The entries of one group read back (`spilled(into:)`).
  init(spilled bytes: [UInt8]) {
    bytes.withUnsafeBufferPointer { buffer in
      var i = 0
      func field() -> UInt32 {
        defer { i += 4 }
        return UInt32(
          littleEndian: UnsafeRawPointer(buffer.baseAddress! + i).loadUnaligned(as: UInt32.self))
      }
      while i < buffer.count {
        let (hash, keyLength, valueLength) = (field(), Int(field()), Int(field()))
        let (block, offset) = storage.reserve(keyLength + valueLength)
        storage.append(UnsafeBufferPointer(rebasing: buffer[i..<i + keyLength + valueLength]))
        records.append(
          Record(
            block: block, offset: offset, keyLength: Int32(keyLength),
            valueLength: Int32(valueLength), hash: hash))
        total += keyLength + valueLength + 4
        i += keyLength + valueLength
      }
    }
  }

  /// The shard files of all the entries, `{"key":value,…}` with keys in the order of their
  /// UTF-8 bytes, made in parallel in groups; each group goes to `emit` once made, so the
  /// files are never all in memory at once. Entries set aside in `store` are read back a
  /// group at a time, with the shards that group's entries fall in.
  static func writeShards(
    _ entries: [EncodedEntries], store: SpillStore?, shards: Int,
    emit: ([IndexFile]) -> Void
  ) {
    let inMemory = entries.compactMap { if case .arena(let a) = $0 { a } else { nil } }
    let spilled = entries.compactMap { if case .spilled(let g, _) = $0 { g } else { nil } }
    // Each group of files is handed over while the next one is made (`made`): the hand-over
    // waits for the caller's hashing and writer, which the workers need not wait for.
    var made: [IndexFile] = []
    defer { if !made.isEmpty { emit(made) } }
    guard let store, !spilled.isEmpty else {
      return writeShards(inMemory, shards: shards, pass: 0, of: 1, made: &made, emit: emit)
    }
    // A pass per group when there are enough shards (a shard's entries are then all in one
    // group); fewer, each reading the groups of its shards, when there are not.
    let passes = min(EncodedEntries.groups, shards)
    for pass in 0..<passes {
      var arenas = inMemory
      for groups in spilled {
        for g in groups.indices where g % passes == pass {
          arenas.append(EntryArena(spilled: store.read(groups[g])))
        }
      }
      writeShards(arenas, shards: shards, pass: pass, of: passes, made: &made, emit: emit)
    }
  }

  /// The shard files of the shards `s` with `s % passes == pass`, from these arenas' entries
  /// that fall in them, group by group: each group made while the one before (`made`) is
  /// handed to `emit`; the last one is left in `made`.
  private static func writeShards(
    _ arenas: [EntryArena], shards: Int, pass: Int, of passes: Int, made: inout [IndexFile],
    emit: ([IndexFile]) -> Void
  ) {
    // This pass's shards numbered from 0 (shard `pass + passes * n` is n).
    let count = (shards - pass + passes - 1) / passes
    func local(_ hash: UInt32) -> Int? {
      let s = Int(hash & UInt32(shards - 1))
      return s % passes == pass ? s / passes : nil
    }
    // Each entry as (arena, record), grouped by shard (a counting sort).
    var ends = [Int](repeating: 0, count: count + 1)
    for arena in arenas {
      for r in arena.records { if let n = local(r.hash) { ends[n + 1] += 1 } }
    }
    for n in 0..<count { ends[n + 1] += ends[n] }
    var next = ends
    var refs = [UInt64](repeating: 0, count: ends[count])
    for (a, arena) in arenas.enumerated() {
      for (i, r) in arena.records.enumerated() {
        guard let n = local(r.hash) else { continue }
        refs[next[n]] = UInt64(a) << 32 | UInt64(i)
        next[n] += 1
      }
    }
    let starts = ends
    let group = 1024
    var first = 0
    while first < count {
      let size = min(group, count - first)
      let files = ResultBox<Data>(count: size)
      let base = first
      searchConcurrently {
        refs.withUnsafeBufferPointer { buffer in
          nonisolated(unsafe) let refs = buffer
          DispatchQueue.concurrentPerform(iterations: size) { m in
            let n = base + m
            files.set(m, shardData(refs[starts[n]..<starts[n + 1]], arenas))
          }
        }
      } meanwhile: {
        if !made.isEmpty { emit(made) }
        made = []
      }
      // In the order of their names, as the shards' numbers are written at one width.
      made = files.values().enumerated().map { m, data in
        IndexFile(
          name: IndexFormat.shardName(pass + passes * (base + m), shards: shards), data: data)
      }
      first += size
    }
  }

  /// One shard's file.
  private static func shardData(
    _ shard: Slice<UnsafeBufferPointer<UInt64>>, _ arenas: [EntryArena]
  ) -> Data {
    // Each entry's bytes found once (looking them up in each comparison was most of the sort).
    shardFile(shard.map { arenas[Int($0 >> 32)].entry(Int($0 & 0xFFFF_FFFF)) })
  }

  /// A shard file of all this arena's entries (a patch's rewritten shard).
  func shardFile() -> Data { Self.shardFile(records.indices.map(entry)) }

  /// The one writer of a shard file: `{"key":value,…}`, keys in the order of their UTF-8 bytes.
  private static func shardFile(
    _ entries: [(key: UnsafeBufferPointer<UInt8>, value: UnsafeBufferPointer<UInt8>)]
  ) -> Data {
    var entries = entries
    entries.sort { x, y in
      let c = memcmp(x.key.baseAddress!, y.key.baseAddress!, min(x.key.count, y.key.count))
      return c != 0 ? c < 0 : x.key.count < y.key.count
    }
    var w = JSONBytes()
    w.byte(UInt8(ascii: "{"))
    for (n, (key, value)) in entries.enumerated() {
      if n > 0 { w.byte(UInt8(ascii: ",")) }
      w.string(utf8: key)
      w.byte(UInt8(ascii: ":"))
      w.bytes.append(contentsOf: value)
    }
    w.byte(UInt8(ascii: "}"))
    return w.data
  }
}

/// Bytes in blocks of a megabyte that never move: each worker fills its arena, then the shard
/// writers read all of them at once without copying. Blocks, not one buffer that doubles, so
/// filling them reuses the memory the posting partitions just let go.
final class ArenaBytes: @unchecked Sendable {
  private static let blockSize = 1 << 20
  private var blocks: [UnsafeMutablePointer<UInt8>] = []
  private var capacity = 0
  /// Bytes used in the last block.
  private(set) var used = 0

  deinit { for block in blocks { block.deallocate() } }

  /// Makes room for `count` bytes in one block; where they will start.
  func reserve(_ count: Int) -> (block: Int32, offset: Int32) {
    if blocks.isEmpty || used + count > capacity {
      capacity = max(Self.blockSize, count)
      blocks.append(.allocate(capacity: capacity))
      used = 0
    }
    return (Int32(blocks.count - 1), Int32(used))
  }

  func start(of block: Int) -> UnsafePointer<UInt8> { UnsafePointer(blocks[block]) }

  /// Appends within the room `reserve` made.
  @inline(__always)
  func append(_ byte: UInt8) {
    blocks[blocks.count - 1][used] = byte
    used += 1
  }

  func append(_ bytes: UnsafeBufferPointer<UInt8>) {
    guard let source = bytes.baseAddress, !bytes.isEmpty else { return }
    (blocks[blocks.count - 1] + used).update(from: source, count: bytes.count)
    used += bytes.count
  }
}
