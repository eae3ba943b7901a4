import ByteFormats
import Foundation

/// How posting values and shard files are written and read back. The full build and the patch
/// (`SearchIndexBuilder.update`) both go through here, so a patched index has the bytes a full
/// build would give.
enum IndexEntries {
  /// A posting as written: the pairs string when it is short enough, else per-field sets and
  /// the known chunks (`bigValue`). `bigPairs` is the length the pairs would have had; the patch
  /// needs it to tell whether a big posting shrank below the limit.
  static func postingValue<A: Collection<Int32>, B: Collection<UInt32>>(
    _ ids: A, _ masks: B, documentCount: Int, options: SearchIndexOptions
  ) -> (value: [UInt8], bigPairs: Int?) {
    let length = Codec.pairsLength(ids, masks)
    if length <= options.maxPostingBytes {
      return (Codec.pairs(ids, masks, length: length, quoted: true), nil)
    }
    var sets: [[Int32]] = [[], [], [], []]
    for (id, m) in zip(ids, masks) {
      for (i, bit) in IndexFormat.setBits.enumerated() where m & bit != 0 { sets[i].append(id) }
    }
    let known = knownChunks(
      Array(zip(ids, masks)).lazy.filter { $0.1 & IndexFormat.bodyBits != 0 }.map { $0 },
      options: options)
    return (bigValue(sets: sets, known: known, documentCount: documentCount), length)
  }

  /// The same for a posting of the full build's table, which may already be big.
  static func postingValue(
    _ posting: PostingTable.Posting, documentCount: Int, options: SearchIndexOptions
  ) -> (value: [UInt8], bigPairs: Int?) {
    switch posting {
    case .pairs(let ids, let masks):
      return postingValue(ids, masks, documentCount: documentCount, options: options)
    case .big(let sets, let known, let pairsLength):
      return (bigValue(sets: sets, known: known, documentCount: documentCount), pairsLength)
    }
  }

  /// Of the documents with the key in their body, in id order, the first
  /// `knownChunksPerSet` of each combination of head fields: the results shown first, whose
  /// snippets and verification then read one chunk, not several. `candidates` must list body
  /// documents in id order with their full masks.
  static func knownChunks<S: Sequence<(Int32, UInt32)>>(
    _ candidates: S, options: SearchIndexOptions
  ) -> [(Int32, UInt32)] {
    var known: [(Int32, UInt32)] = []
    var perCombination = [Int](repeating: 0, count: 8)
    for (id, m) in candidates {
      let combination = Int(m & IndexFormat.headBits)
      if perCombination[combination] < options.knownChunksPerSet {
        perCombination[combination] += 1
        known.append((id, m))
      }
    }
    return known
  }

  /// `["<title>","<summary>","<keywords>","<body>"(,"<known pairs>")]`.
  static func bigValue(sets: [[Int32]], known: [(Int32, UInt32)], documentCount: Int) -> [UInt8] {
    var w = JSONBytes()
    w.byte(UInt8(ascii: "["))
    for (i, s) in sets.enumerated() {
      if i > 0 { w.byte(UInt8(ascii: ",")) }
      w.plainString(Codec.encodeSet(s, documentCount: documentCount))
    }
    if !known.isEmpty {
      w.byte(UInt8(ascii: ","))
      w.plainString(Codec.encodePairs(known.map(\.0), known.map(\.1)))
    }
    w.byte(UInt8(ascii: "]"))
    return w.bytes
  }

  /// An exact-match (`=`) entry's value: the documents with the key as their title, and as
  /// one of their keywords.
  static func exactValue(title: [Int32], keywords: [Int32], documentCount: Int) -> [UInt8] {
    var w = JSONBytes()
    w.byte(UInt8(ascii: "["))
    w.plainString(Codec.encodeSet(title, documentCount: documentCount))
    w.byte(UInt8(ascii: ","))
    w.plainString(Codec.encodeSet(keywords, documentCount: documentCount))
    w.byte(UInt8(ascii: "]"))
    return w.bytes
  }

  /// What an entry adds to the total that decides the number of shards.
  static func size(key: String, value: [UInt8]) -> Int { key.utf8.count + value.count + 4 }

  /// The smallest power of two that brings the average shard below `shardBytes`.
  static func shardCount(total: Int, options: SearchIndexOptions) -> Int {
    var shards = 1
    while total / shards > options.shardBytes && shards < 1 << 16 { shards <<= 1 }
    return shards
  }

  static func shard(of shardKey: [UInt32], shards: Int) -> Int {
    Int(IndexFormat.hash(shardKey) & UInt32(shards - 1))
  }

  /// A shard file: `{"key":value,…}` with keys in the order of their UTF-8 bytes, written as
  /// the full build writes its shards (`EntryArena`).
  static func shardData(_ entries: [(key: String, value: [UInt8])]) -> Data {
    var arena = EntryArena()
    for e in entries { arena.append(key: e.key, shardKey: [], value: e.value) }
    return arena.shardFile()
  }

  /// The entries of a shard file as written by `shardData`: keys decoded, values as raw bytes.
  /// Nil when the file is not such a shard.
  static func parseShard(_ data: Data) -> [(key: String, value: [UInt8])]? {
    let b = [UInt8](data)
    var i = 0
    var out: [(key: String, value: [UInt8])] = []
    guard b.first == UInt8(ascii: "{"), b.last == UInt8(ascii: "}") else { return nil }
    i = 1
    if b.count == 2 { return out }
    while i < b.count - 1 {
      guard let (key, afterKey) = readString(b, at: i), afterKey < b.count,
        b[afterKey] == UInt8(ascii: ":")
      else { return nil }
      let start = afterKey + 1
      guard let end = valueEnd(b, from: start) else { return nil }
      out.append((key, Array(b[start..<end])))
      i = end
      if b[i] == UInt8(ascii: ",") { i += 1 } else if i != b.count - 1 { return nil }
    }
    return out
  }

  /// A JSON string at `i` (as JSONBytes writes them), and the index after its closing quote.
  static func readString(_ b: [UInt8], at start: Int) -> (String, Int)? {
    guard start < b.count, b[start] == UInt8(ascii: "\"") else { return nil }
    var bytes: [UInt8] = []
    var i = start + 1
    while i < b.count {
      let c = b[i]
      if c == UInt8(ascii: "\"") { return (String(decoding: bytes, as: UTF8.self), i + 1) }
      if c == UInt8(ascii: "\\") {
        guard i + 1 < b.count else { return nil }
        switch b[i + 1] {
        case UInt8(ascii: "n"): bytes.append(0x0A)
        case UInt8(ascii: "r"): bytes.append(0x0D)
        case UInt8(ascii: "t"): bytes.append(0x09)
        case UInt8(ascii: "b"): bytes.append(0x08)
        case UInt8(ascii: "f"): bytes.append(0x0C)
        case UInt8(ascii: "u"):
          guard i + 5 < b.count,
            let v = UInt8(String(decoding: b[(i + 2)...(i + 5)], as: UTF8.self), radix: 16)
          else { return nil }
          bytes.append(v)
          i += 4
        case let e: bytes.append(e)
        }
        i += 2
      } else {
        bytes.append(c)
        i += 1
      }
    }
    return nil
  }

  /// The end of a value (a string or an array of strings) starting at `start`.
  static func valueEnd(_ b: [UInt8], from start: Int) -> Int? {
    guard start < b.count else { return nil }
    if b[start] == UInt8(ascii: "\"") { return readString(b, at: start)?.1 }
    guard b[start] == UInt8(ascii: "[") else { return nil }
    var i = start + 1
    while i < b.count {
      switch b[i] {
      case UInt8(ascii: "]"): return i + 1
      case UInt8(ascii: ","): i += 1
      default:
        guard let (_, next) = readString(b, at: i) else { return nil }
        i = next
      }
    }
    return nil
  }
}
