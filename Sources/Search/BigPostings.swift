/// The postings of one partition known to be written as per-field sets (their pairs passed
/// `maxPostingBytes`), kept as what that form needs: a bit per document for each field, the
/// known chunks, and the length the pairs would have had. Common keys (one or two characters,
/// set phrases) are in thousands of documents each; keeping only this from the moment a key
/// turns big spares storing, sorting and decoding each of their documents' entries, most of a
/// large site's. A class over plain memory, as it is updated tens of millions of times and
/// belongs to one partition's worker.
final class BigPostings {
  /// Words of 64 documents per set.
  private let words: Int
  private let knownPerSet: Int
  private var capacity = 0
  private(set) var count = 0
  /// Per posting: its body set (`words` words), made with the posting.
  private var body = UnsafeMutablePointer<UInt64>.allocate(capacity: 0)
  /// Per posting and head field (title, summary, keywords): a set made when first needed.
  private var head = UnsafeMutablePointer<UnsafeMutablePointer<UInt64>?>.allocate(capacity: 0)
  /// Per posting, in one record so an entry touches one line of it besides the set.
  private struct Tally {
    /// The digits of all masks so far (the gaps' are counted from the sets at the end).
    var maskDigits = 0
    /// Eight counts of a byte each: known chunks so far for each combination of head fields.
    var combinations: UInt64 = 0
  }
  private var tallies = UnsafeMutablePointer<Tally>.allocate(capacity: 0)
  private var known: [[(Int32, UInt32)]] = []

  init(documentCount: Int, options: SearchIndexOptions) {
    words = documentCount / 64 + 1
    knownPerSet = min(options.knownChunksPerSet, Int(UInt8.max))
  }

  deinit { release() }

  /// A new, empty posting's number.
  func make() -> Int {
    if count == capacity { grow() }
    (body + count * words).initialize(repeating: 0, count: words)
    (head + count * 3).initialize(repeating: nil, count: 3)
    (tallies + count).initialize(to: Tally())
    known.append([])
    count += 1
    return count - 1
  }

  /// Adds a document to posting `p`, in ascending id order, as `IndexEntries.postingValue`
  /// would see it.
  @inline(__always)
  func add(_ p: Int, _ id: Int32, _ mask: UInt32) {
    // `Codec.numberLength` without its loop: a digit per five bits, at least one.
    tallies[p].maskDigits += (max(1, 32 - mask.leadingZeroBitCount) + 4) / 5
    let (word, bit) = (Int(id) >> 6, UInt64(1) << UInt64(id & 63))
    if mask & IndexFormat.headBits != 0 { addHead(p, mask, word, bit) }
    guard mask & IndexFormat.bodyBits != 0 else { return }
    body[p * words + word] |= bit
    let shift = UInt64(mask & IndexFormat.headBits) * 8
    if Int((tallies[p].combinations >> shift) & 0xFF) < knownPerSet {
      tallies[p].combinations += 1 << shift
      known[p].append((id, mask))
    }
  }

  private func addHead(_ p: Int, _ mask: UInt32, _ word: Int, _ bit: UInt64) {
    for field in 0..<3 where mask & (1 << UInt32(field)) != 0 {
      if head[p * 3 + field] == nil {
        let set = UnsafeMutablePointer<UInt64>.allocate(capacity: words)
        set.initialize(repeating: 0, count: words)
        head[p * 3 + field] = set
      }
      head[p * 3 + field]![word] |= bit
    }
  }

  /// Posting `p` as `IndexEntries.bigValue` takes it: the documents of each field of
  /// `IndexFormat.setBits`, ascending, the known chunks, and the pairs' length.
  func posting(_ p: Int) -> (sets: [[Int32]], known: [(Int32, UInt32)], pairsLength: Int) {
    let fields = [head[p * 3], head[p * 3 + 1], head[p * 3 + 2], body + p * words]
    let sets = fields.map { set in
      var ids: [Int32] = []
      guard let set else { return ids }
      for w in 0..<words { Self.forEachBit(set[w], w) { ids.append($0) } }
      return ids
    }
    // The gaps between all documents with the key, in any field.
    var length = tallies[p].maskDigits
    var previous: Int32 = -1
    for w in 0..<words {
      let all = fields.reduce(UInt64(0)) { $0 | ($1?[w] ?? 0) }
      Self.forEachBit(all, w) { id in
        length += Codec.numberLength(UInt32(id - previous - 1))
        previous = id
      }
    }
    return (sets, known[p], length)
  }

  @inline(__always)
  private static func forEachBit(_ word: UInt64, _ w: Int, _ body: (Int32) -> Void) {
    var rest = word
    while rest != 0 {
      body(Int32(w << 6 + rest.trailingZeroBitCount))
      rest &= rest - 1
    }
  }

  /// Lets go of all postings' memory.
  func removeAll() {
    release()
    body = .allocate(capacity: 0)
    head = .allocate(capacity: 0)
    tallies = .allocate(capacity: 0)
    known = []
    (count, capacity) = (0, 0)
  }

  /// Frees the buffers (`removeAll` makes empty ones; `deinit` must not, or they would leak).
  private func release() {
    for i in 0..<count * 3 { head[i]?.deallocate() }
    body.deallocate()
    head.deallocate()
    tallies.deallocate()
  }

  private func grow() {
    let n = max(16, capacity * 2)
    body = moved(body, count * words, n * words)
    head = moved(head, count * 3, n * 3)
    tallies = moved(tallies, count, n)
    capacity = n
  }

  private func moved<T>(_ old: UnsafeMutablePointer<T>, _ used: Int, _ size: Int)
    -> UnsafeMutablePointer<T>
  {
    let new = UnsafeMutablePointer<T>.allocate(capacity: size)
    new.moveInitialize(from: old, count: used)
    old.deallocate()
    return new
  }
}
