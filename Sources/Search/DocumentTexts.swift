import Foundation

/// Where n-grams of one document start: a position in a Japanese run of its texts (one after
/// another) and where the run ends, the text (for its bit), and the posting partition of the
/// character there.
struct GramStart {
  var position: Int32
  var end: Int32
  var text: UInt16
  var partition: UInt8
}

/// The texts of one document as `Prepared` walks them: their normalised characters one after
/// another, each text's bit, where its Japanese n-grams start, and its words with their masks.
/// A struct with its own methods, not a local function over local variables: those variables
/// were boxed, and every access to them checked for exclusivity at run time (3 % of the index
/// step in a profile, most of it in the grouping of the starts).
struct DocumentTexts {
  var flat: [UInt32] = []
  var bits: [UInt32] = []
  var starts: [GramStart] = []
  var words: [String: UInt32] = [:]

  /// Empty again, keeping the room of the arrays (`DocumentScratch`).
  mutating func removeAll() {
    flat.removeAll(keepingCapacity: true)
    bits.removeAll(keepingCapacity: true)
    starts.removeAll(keepingCapacity: true)
    words.removeAll(keepingCapacity: true)
  }

  /// Adds a text: its Japanese runs' starts, and its words (`#word`) with `bit`.
  mutating func index(_ text: ArraySlice<UInt32>, bit: UInt32) {
    // A text's number in 16 bits keeps a start at 12 bytes. Texts from the 33rd on are body
    // chunks past the mask's 29 (bit 0), so a page of over 65,535 chunks (20 million
    // characters) gives its later ones the last number, whose bit is 0 too, instead of a trap.
    let t = UInt16(clamping: bits.count)
    let offset = flat.count - text.startIndex
    bits.append(bit)
    flat.append(contentsOf: text)
    var i = text.startIndex
    let n = text.endIndex
    while i < n {
      let c = Normalizer.charClass(text[i])
      var j = i + 1
      while j < n && Normalizer.charClass(text[j]) == c { j += 1 }
      switch c {
      case .japanese:
        let end = Int32(offset + j)
        for p in i..<j {
          starts.append(
            GramStart(
              position: Int32(offset + p), end: end, text: t,
              partition: UInt8(PostingTable.partition(ofFirst: text[p]))))
        }
      case .word:
        words["#" + SearchText.string(text[i..<j]), default: 0] |= bit
      case .separator: break
      }
      i = j
    }
  }

  /// The starts grouped by partition into `sorted` (a counting sort, keeping their order within
  /// each); where each partition's end.
  func startsByPartition(into sorted: inout [GramStart]) -> [Int32] {
    var ends = [Int32](repeating: 0, count: PostingTable.partitions)
    var next = [Int](repeating: 0, count: PostingTable.partitions)
    let count = starts.count
    sorted.removeAll(keepingCapacity: true)
    sorted.reserveCapacity(count)
    starts.withUnsafeBufferPointer { starts in
      for s in starts { ends[Int(s.partition)] += 1 }
      for p in 1..<ends.count { ends[p] += ends[p - 1] }
      for p in 1..<next.count { next[p] = Int(ends[p - 1]) }
      // Every slot is written below; the placeholder only gives the array its count.
      sorted.append(
        contentsOf: repeatElement(
          GramStart(position: 0, end: 0, text: 0, partition: 0), count: count))
      sorted.withUnsafeMutableBufferPointer { sorted in
        next.withUnsafeMutableBufferPointer { next in
          for s in starts {
            let p = Int(s.partition)
            sorted[next[p]] = s
            next[p] += 1
          }
        }
      }
    }
    return ends
  }
}

/// What preparing a document works in and lets go of once prepared: its texts, its body's
/// characters and their normalised form, the starts in partition order, and the normaliser
/// (whose cache of characters that take the full rules then serves every document). Kept
/// between the documents of one index build (`GramTriePool`) so each does not allocate them
/// anew: the index step faulted fresh pages in for them after every purge of freed memory.
struct DocumentScratch {
  var normalizer = Normalizer()
  var texts = DocumentTexts()
  var bodyScalars: [UInt32] = []
  var body = NormalizedText()
  var sorted: [GramStart] = []
  var current: [Int32] = []

  /// Its parts, for a document to work in as locals.
  var parts: (Normalizer, DocumentTexts, [UInt32], NormalizedText, [GramStart], [Int32]) {
    (normalizer, texts, bodyScalars, body, sorted, current)
  }
}

extension Prepared {
  /// A body chunk's file, `{"x":"…"}`, written from its characters at its exact size: the
  /// bytes `JSONBytes` writes for the chunk as a string, without making the string (and
  /// checking its UTF-8) and then a copy of the array as `Data` first.
  static func chunkFile(_ scalars: ArraySlice<UInt32>) -> Data {
    let prefix: [UInt8] = Array(#"{"x":""#.utf8)
    var length = prefix.count + 2
    for v in scalars {
      switch v {
      case 0x08, 0x09, 0x0A, 0x0C, 0x0D, 0x22, 0x5C: length += 2
      case 0..<0x20: length += 6
      case 0x20..<0x80: length += 1
      case 0x80..<0x800: length += 2
      case 0xD800...0xDFFF: continue
      case 0x800..<0x10000: length += 3
      case 0x10000...0x10FFFF: length += 4
      default: continue
      }
    }
    var data = Data(count: length)
    data.withUnsafeMutableBytes { raw in
      var o = raw.bindMemory(to: UInt8.self).baseAddress!
      for b in prefix {
        o.pointee = b
        o += 1
      }
      let hex: StaticString = "0123456789abcdef"
      for v in scalars {
        switch v {
        case 0x08, 0x09, 0x0A, 0x0C, 0x0D, 0x22, 0x5C:
          let escaped: UInt32 =
            switch v {
            case 0x08: 0x62  // b
            case 0x09: 0x74  // t
            case 0x0A: 0x6E  // n
            case 0x0C: 0x66  // f
            case 0x0D: 0x72  // r
            default: v
            }
          o[0] = 0x5C
          o[1] = UInt8(escaped)
          o += 2
        case 0..<0x20:
          (o[0], o[1], o[2], o[3]) = (0x5C, 0x75, 0x30, 0x30)
          o[4] = hex.utf8Start[Int(v >> 4)]
          o[5] = hex.utf8Start[Int(v & 0xF)]
          o += 6
        case 0x20..<0x80:
          o[0] = UInt8(v)
          o += 1
        case 0x80..<0x800:
          o[0] = UInt8(0xC0 | v >> 6)
          o[1] = UInt8(0x80 | v & 0x3F)
          o += 2
        case 0xD800...0xDFFF: continue
        case 0x800..<0x10000:
          o[0] = UInt8(0xE0 | v >> 12)
          o[1] = UInt8(0x80 | (v >> 6) & 0x3F)
          o[2] = UInt8(0x80 | v & 0x3F)
          o += 3
        case 0x10000...0x10FFFF:
          o[0] = UInt8(0xF0 | v >> 18)
          o[1] = UInt8(0x80 | (v >> 12) & 0x3F)
          o[2] = UInt8(0x80 | (v >> 6) & 0x3F)
          o[3] = UInt8(0x80 | v & 0x3F)
          o += 4
        default: continue
        }
      }
      o[0] = 0x22
      o[1] = 0x7D
    }
    return data
  }
}
