import Foundation

/// Settings of the index. The defaults are what `portal build` uses; they are written into
/// `meta.json`, so the engine and the browser always plan queries the way the index was built.
public struct SearchIndexOptions: Sendable, Equatable {
  /// Japanese runs are indexed by every n-gram up to this length, so a Japanese query of up to
  /// this many characters is answered exactly by one posting list. Longer runs are looked up by
  /// overlapping n-grams of this length and then verified against the text.
  public var gramLength: Int = 8
  /// At most this many n-grams are looked up for one Japanese run of a query (first, last and
  /// evenly spaced ones); each costs a shard download, and verification catches the rest.
  public var maxKeysPerRun: Int = 2
  /// The body is cut into chunks of about this many characters at sentence ends. Postings say
  /// which chunks hold a key, which gives adjacency a small window and tells the browser which
  /// chunk to download for the snippet.
  public var chunkLength: Int = 300
  /// A posting that would be longer than this (in bytes) keeps per-field document sets instead
  /// of each document's chunks, so no single key costs much to download.
  public var maxPostingBytes: Int = 3000
  /// A posting kept as per-field sets still lists the chunks of the first this many documents
  /// of each combination of fields (the first results shown).
  public var knownChunksPerSet: Int = 10
  /// Average size the shard files aim at; the number of shards is the smallest power of two
  /// that gets the average below it. (Measured at 10,000 pages, bench/search_bench.sh: 1500 B
  /// and 300-character chunks keep a first search under 60 KB with about 67,000 files;
  /// 3000 B and 400 characters gave 73 KB for the worst query.)
  public var shardBytes: Int = 1500
  /// Words that find each other (`search_words` in site.yml: 防災 and ぼうさい): Portal has no
  /// dictionary of readings, so a resident typing the reading of a kanji word found nothing
  /// unless a glossary entry gave it. Each group becomes `~` entries, as a glossary entry's
  /// names do.
  public var wordGroups: [[String]] = []

  public init() {}

  public static let `default` = SearchIndexOptions()
}

/// Fixed facts of the file format shared by builder, engine and search.js.
enum IndexFormat {
  static let version = 1
  /// Mask bits: 0 title, 1 summary, 2 keywords, 3… body chunks.
  static let titleBit: UInt32 = 1
  static let summaryBit: UInt32 = 2
  static let keywordsBit: UInt32 = 4
  static let headBits: UInt32 = 7
  static let bodyBits: UInt32 = 0xFFFF_FFF8
  /// The fields of the per-field document sets, in their order.
  static let setBits: [UInt32] = [titleBit, summaryBit, keywordsBit, bodyBits]
  static let maxBodyChunks = 29

  /// Kinds in tie-break order: with equal scores, glossary entries (short definitions) come
  /// first, then domains and fields (the overview of a subject), strategy, initiatives,
  /// events, and last the pages about the site (a policy rarely is what a resident looks for
  /// among equals). Document ids follow this order, then newer dates first, so "lower id" is the tie
  /// breaker and no per-document data is downloaded for it.
  static let kindOrder: [SearchKind] = [
    .glossary, .field, .strategy, .initiative, .event, .about,
  ]

  /// FNV-1a over Unicode scalar values; search.js computes the same with Math.imul.
  static func hash(_ scalars: some Sequence<UInt32>) -> UInt32 {
    var h = hashSeed
    for v in scalars { mix(&h, v) }
    return h
  }

  /// The start of `hash`, and one scalar's step (for keys hashed without an array).
  static let hashSeed: UInt32 = 2_166_136_261

  @inline(__always)
  static func mix(_ h: inout UInt32, _ v: UInt32) {
    h ^= v
    h = h &* 16_777_619
  }

  static func shardName(_ index: Int, shards: Int) -> String {
    let digits = max(1, String(shards - 1, radix: 16).count)
    let hex = String(index, radix: 16)
    return "s/" + String(repeating: "0", count: digits - hex.count) + hex + ".json"
  }

  static func headName(_ doc: Int) -> String { "c/\(doc).json" }
  static func chunkName(_ doc: Int, _ chunk: Int) -> String { "c/\(doc)-\(chunk).json" }
}

/// One index key a query looks up.
struct PlannedKey: Sendable, Equatable {
  /// The key as stored: a Japanese n-gram as itself, a word as `#word`.
  var key: String
  var scalars: [UInt32]
  /// True for the last word of a term: every word starting with it matches (typing "digi"
  /// finds "digital").
  var prefix: Bool
  /// What decides the shard: the n-gram, or `#` and the first two letters of a word, so all
  /// words sharing a prefix sit in one shard.
  var shardKey: [UInt32]
}

/// How one query term (a stretch without separators) is looked up.
struct TermPlan: Sendable {
  var scalars: [UInt32]
  var segments: [Segment]
  var keys: [PlannedKey]
  /// True when the posting lists alone decide the match (a single Japanese run no longer than
  /// the n-gram length, or a single word); otherwise candidates are verified against the text.
  var exact: Bool

  init(_ term: [UInt32], gramLength: Int, maxKeys: Int) {
    scalars = term
    segments = Normalizer.segments(term)
    keys = []
    let g = max(2, maxKeys)
    // In a term of several runs (第5世代, 状況をa), one-character Japanese runs are left out
    // of the lookup when a longer run is there: they select little and cost a large posting
    // each; verification checks the whole term anyway. Words are always looked up (an exact
    // word is selective).
    let skipShort =
      segments.count > 1 && segments.contains { $0.end - $0.start >= 2 }
    for (index, seg) in segments.enumerated() {
      if skipShort && seg.isJapanese && seg.end - seg.start < 2 { continue }
      let run = Array(term[seg.start..<seg.end])
      if seg.isJapanese {
        if run.count <= gramLength {
          keys.append(
            PlannedKey(key: SearchText.string(run), scalars: run, prefix: false, shardKey: run))
        } else {
          let count = run.count - gramLength + 1
          var offsets: [Int] = []
          if count <= g {
            offsets = Array(0..<count)
          } else {
            for x in 0..<g {
              let o = (x * (count - 1) + (g - 1) / 2) / (g - 1)
              if offsets.last != o { offsets.append(o) }
            }
          }
          for o in offsets {
            let gram = Array(run[o..<(o + gramLength)])
            keys.append(
              PlannedKey(key: SearchText.string(gram), scalars: gram, prefix: false, shardKey: gram)
            )
          }
        }
      } else {
        let key = [0x23] + run
        let isLast = index == segments.count - 1
        keys.append(
          PlannedKey(
            key: SearchText.string(key), scalars: key, prefix: isLast && run.count >= 2,
            shardKey: Array(key.prefix(3))))
      }
    }
    exact =
      segments.count == 1
      && (!segments[0].isJapanese || segments[0].end - segments[0].start <= gramLength)
  }
}
