import ByteFormats
import Foundation

/// A Japanese n-gram of up to nine characters packed into three integers (21 bits per character).
struct GramKey: Hashable, Sendable {
  var a: UInt64
  var b: UInt64
  var c: UInt64

  /// Each character in order, without making an array.
  @inline(__always)
  func forEachScalar(_ body: (UInt32) -> Void) {
    for i in 0..<9 {
      let word = i < 3 ? a : i < 6 ? b : c
      let v = UInt32((word >> (21 * UInt64(i % 3))) & 0x1F_FFFF)
      if v == 0 { return }
      body(v)
    }
  }

  var scalars: [UInt32] {
    var out: [UInt32] = []
    forEachScalar { out.append($0) }
    return out
  }
}

/// An n-gram of a document as its trie made it: its prefix (a node before it, in the same
/// posting partition, or -1) and last character, and the mask of fields and chunks holding it.
/// 12 bytes where a whole key and mask took 32, for tens of millions of them.
struct GramNode: Sendable {
  var parent: Int32
  /// The character (21 bits) and, above bit 24, its position in the gram (from 0).
  var character: UInt32
  var mask: UInt32

  var scalar: UInt32 { character & 0x1F_FFFF }
  var depth: Int { Int(character >> 24) }

  /// The whole key of each node, parents before their children (as a trie makes them).
  static func keys(_ nodes: [GramNode]) -> [GramKey] {
    var keys: [GramKey] = []
    keys.reserveCapacity(nodes.count)
    for node in nodes {
      let parent = node.parent < 0 ? GramKey(a: 0, b: 0, c: 0) : keys[Int(node.parent)]
      keys.append(parent.appending(node.scalar, at: node.depth))
    }
    return keys
  }
}

extension GramKey {
  /// This gram's key with `scalar` at position `depth` (the gram one character longer).
  @inline(__always)
  func appending(_ scalar: UInt32, at depth: Int) -> GramKey {
    var key = self
    let v = UInt64(scalar)
    switch depth {
    case 0..<3: key.a |= v << (21 * UInt64(depth))
    case 3..<6: key.b |= v << (21 * UInt64(depth - 3))
    default: key.c |= v << (21 * UInt64(depth - 6))
    }
    return key
  }
}

/// The index keys of one document with the mask of fields and chunks that hold each, plus its
/// files. Built in parallel; pure.
struct Prepared: Sendable {
  /// The n-grams as the trie made them (`GramNode`; start by start, or level by level, see
  /// `init`) and the words, each grouped by posting partition; partition p's are
  /// `..<gramEnds[p]` after the previous end.
  var gramNodes: [GramNode] = []
  var words: [(String, UInt32)] = []
  var gramEnds: [Int32] = []
  var wordEnds: [Int32] = []
  var head = Data()
  var chunkFiles: [Data] = []
  var titleKey = ""
  var keywordKeys: [String] = []
  /// For glossary entries: title and keywords that are single terms, for the alias group.
  var memberTerms: [String] = []
  /// The document's hashes as the index's state records them (`SearchIndexState.hashes`),
  /// when the caller asks for them: set beside the document's keys in the same parallel pass.
  var hashes = (head: UInt64(0), body: UInt64(0))

  /// - Parameters:
  ///   - tries: where to take the document's n-gram trie from and give it back to, in a build
  ///     of many documents; nil makes one.
  ///   - levels: each partition's n-grams made level by level (the one-character grams of
  ///     every start, then the two-character ones, …) instead of start by start. Walked start
  ///     by start, each gram's lookup in a posting partition's table waits for its prefix's;
  ///     a level's lookups are independent, so the table overlaps their cache misses
  ///     (`PostingPart.add`). That pays once the tables are larger than the cache (text that
  ///     repeats little); otherwise the level walk is the slower one (its trie's lookups miss
  ///     more), so `SearchIndexBuilder` asks for it only then. The same grams either way.
  init(
    _ doc: SearchDocument, options: SearchIndexOptions, tries: GramTriePool? = nil,
    levels: Bool = false
  ) {
    let gramLength = options.gramLength
    // Sized so it rarely grows: about half the n-grams of a Japanese text are distinct.
    let characters = (doc.title.utf8.count + doc.summary.utf8.count + doc.bodyText.utf8Count) / 3
    let capacity = max(256, characters * gramLength / 2)
    let grams = tries?.take(capacity: capacity) ?? GramTrie(capacity: capacity)
    // The document's working memory out of the pool into locals: the pool's own copy is gone
    // once the statement ends, so each is uniquely referenced and changed in place.
    var (normalizer, texts, bodyScalars, body, sortedStarts, current) =
      (tries?.takeScratch() ?? DocumentScratch()).parts
    defer {
      tries?.give(grams)
      tries?.give(
        DocumentScratch(
          normalizer: normalizer, texts: texts, bodyScalars: bodyScalars, body: body,
          sorted: sortedStarts, current: current))
    }
    // Every text of the document one after another, with its bit; Japanese runs are walked
    // into the trie later, partition by partition.
    texts.removeAll()

    let title = normalizer.normalize(doc.title).scalars
    let summary = normalizer.normalize(doc.summary).scalars
    // The readings of the texts with furigana (the head's `f`), then the other keywords: a page
    // without furigana has the head it had before them.
    let keywordsText = SearchFurigana.keywordsText(
      doc.keywords.joined(separator: "\n"), doc.furigana)
    let keywords = normalizer.normalize(keywordsText).scalars
    texts.index(title[...], bit: IndexFormat.titleBit)
    texts.index(summary[...], bit: IndexFormat.summaryBit)
    texts.index(keywords[...], bit: IndexFormat.keywordsBit)

    // Read once: a body still in the cache's bytes is decoded on each read. One pass, with
    // room for the worst case (`map` counts the scalars first, a second pass).
    bodyScalars.removeAll(keepingCapacity: true)
    bodyScalars.reserveCapacity(doc.bodyText.utf8Count)
    for scalar in doc.body.unicodeScalars { bodyScalars.append(scalar.value) }
    normalizer.normalize(bodyScalars, into: &body)
    let ranges = Self.chunks(bodyScalars, body, target: options.chunkLength)
    for (n, r) in ranges.enumerated() {
      texts.index(Self.slice(body, r), bit: 1 << UInt32(3 + n))
      chunkFiles.append(Self.chunkFile(bodyScalars[r]))
    }

    // The n-grams starting at each position, walked partition by partition (a gram's
    // partition is its first character's): the trie then makes each partition's grams one
    // after another, already grouped as the posting table reads them.
    let startEnds = texts.startsByPartition(into: &sortedStarts)
    gramEnds = [Int32](repeating: 0, count: PostingTable.partitions)
    texts.flat.withUnsafeBufferPointer { flat in
      texts.bits.withUnsafeBufferPointer { bits in
        sortedStarts.withUnsafeBufferPointer { sortedStarts in
          for part in 0..<PostingTable.partitions {
            let mine = Self.range(of: part, ends: startEnds)
            if !levels {
              for start in sortedStarts[mine] {
                var node = GramTrie.root
                let p = Int(start.position)
                let bit = bits[Int(start.text)]
                for n in 0..<min(gramLength, Int(start.end) - p) {
                  node = grams.child(of: node, flat[p + n], bit: bit)
                }
              }
              gramEnds[part] = Int32(grams.count)
              continue
            }
            // Level by level: every start's one-character gram, then every start's
            // two-character gram, and so on, each start's node kept in `current`.
            current.removeAll(keepingCapacity: true)
            current.append(contentsOf: repeatElement(GramTrie.root, count: mine.count))
            var longest = 0
            for j in mine {
              longest = max(longest, Int(sortedStarts[j].end - sortedStarts[j].position))
            }
            current.withUnsafeMutableBufferPointer { current in
              for n in 0..<min(gramLength, longest) {
                for j in mine {
                  let start = sortedStarts[j]
                  let p = Int(start.position)
                  guard Int(start.end) - p > n else { continue }
                  let c = j - mine.lowerBound
                  current[c] = grams.child(of: current[c], flat[p + n], bit: bits[Int(start.text)])
                }
              }
            }
            gramEnds[part] = Int32(grams.count)
          }
        }
      }
    }

    let titleName = Self.aliasKey(title)
    titleKey = titleName.key
    for k in doc.indexedKeywords {
      let (key, oneTerm) = Self.aliasKey(normalizer.normalize(k).scalars)
      if !key.isEmpty && !keywordKeys.contains(key) { keywordKeys.append(key) }
      if doc.kind == .glossary && oneTerm { memberTerms.append(key) }
    }
    if doc.kind == .glossary && titleName.oneTerm { memberTerms.append(titleKey) }

    var w = JSONBytes()
    w.raw("{\"u\":")
    w.string(doc.url)
    w.raw(",\"t\":")
    w.string(doc.title)
    w.raw(",\"k\":\"\(doc.kind.rawValue)\"")
    if let d = doc.date {
      w.raw(",\"d\":")
      w.string(d)
    }
    if let e = doc.ends {
      w.raw(",\"e\":")
      w.string(e)
    }
    w.raw(",\"s\":")
    w.string(doc.summary)
    w.raw(",\"w\":")
    w.string(keywordsText)
    if !doc.furigana.isEmpty {
      w.raw(",\"f\":")
      SearchFurigana.write(doc.furigana, to: &w)
    }
    w.raw(",\"n\":\(chunkFiles.count)}")
    head = w.data
    gramNodes = grams.nodes
    let list = Array(texts.words)
    (self.words, wordEnds) = Self.grouped(
      list.count, item: { list[$0] }, by: { PostingTable.partition(ofWord: $0.0) })
  }

  /// Items `0..<count` in partition order (a counting sort), with where each partition ends.
  static func grouped<T>(_ count: Int, item: (Int) -> T, by partition: (T) -> Int) -> (
    [T], [Int32]
  ) {
    let parts = (0..<count).map { partition(item($0)) }
    var ends = [Int32](repeating: 0, count: PostingTable.partitions)
    for p in parts { ends[p] += 1 }
    for p in 1..<ends.count { ends[p] += ends[p - 1] }
    var next = (0..<ends.count).map { $0 == 0 ? 0 : Int(ends[$0 - 1]) }
    return (
      [T](unsafeUninitializedCapacity: count) { buffer, initialized in
        for (i, p) in parts.enumerated() {
          (buffer.baseAddress! + next[p]).initialize(to: item(i))
          next[p] += 1
        }
        initialized = count
      }, ends
    )
  }

  /// The positions in `gramNodes` of partition `part`'s n-grams.
  func gramRange(in part: Int) -> Range<Int> { Self.range(of: part, ends: gramEnds) }

  /// Partition `part`'s items in an array `grouped` made.
  static func range(of part: Int, ends: [Int32]) -> Range<Int> {
    (part == 0 ? 0 : Int(ends[part - 1]))..<Int(ends[part])
  }

  /// Each n-gram as a whole key, with its mask (for patches, which compare two versions of a
  /// document; a full build never makes them).
  var grams: [(GramKey, UInt32)] {
    zip(GramNode.keys(gramNodes), gramNodes).map { ($0, $1.mask) }
  }

  func words(in part: Int) -> ArraySlice<(String, UInt32)> {
    words[wordRange(in: part)]
  }

  /// The positions in `words` of partition `part`'s words.
  func wordRange(in part: Int) -> Range<Int> { Self.range(of: part, ends: wordEnds) }

  /// Normalised characters whose unit lies inside the original range r.
  static func slice(_ text: NormalizedText, _ r: Range<Int>) -> ArraySlice<UInt32> {
    let lo = firstIndex(in: text, from: r.lowerBound)
    var hi = lo
    while hi < text.count && Int(text.originStart[hi]) < r.upperBound { hi += 1 }
    return text.scalars[lo..<hi]
  }

  /// The first normalised character whose unit starts at or after `offset` (binary search).
  static func firstIndex(in text: NormalizedText, from offset: Int) -> Int {
    var lo = 0
    var hi = text.count
    while lo < hi {
      let mid = (lo + hi) / 2
      if Int(text.originStart[mid]) < offset { lo = mid + 1 } else { hi = mid }
    }
    return lo
  }

  /// Cuts the body into chunks of about `target` characters. Cuts fall only after units that
  /// normalise to separators, preferably sentence ends and line breaks, so no match (which never
  /// contains a separator) spans two chunks. Chunks without letters are left out. At most
  /// `IndexFormat.maxBodyChunks`, so a mask fits in 32 bits; long bodies get longer chunks.
  static func chunks(_ original: [UInt32], _ text: NormalizedText, target: Int) -> [Range<Int>] {
    let total = original.count
    guard total > 0 else { return [] }
    let target = max(target, total / (IndexFormat.maxBodyChunks - 1) + 1)
    // Break candidates: ends of units whose normalised form is all separators.
    var breaks: [(Int, Bool)] = []
    var i = 0
    while i < text.count {
      let s = text.originStart[i]
      var j = i
      var allSeparators = true
      while j < text.count && text.originStart[j] == s {
        if Normalizer.charClass(text.scalars[j]) != .separator { allSeparators = false }
        j += 1
      }
      if allSeparators {
        let strong: Bool
        switch original[Int(s)] {
        case 0x0A, 0x3002, 0xFF0E, 0xFF01, 0xFF1F, 0x21, 0x3F: strong = true
        default: strong = false
        }
        breaks.append((Int(text.originEnd[i]), strong))
      }
      i = j
    }
    var ranges: [Range<Int>] = []
    var start = 0
    var lastStrong: Int?
    var lastAny: Int?
    for (b, strong) in breaks {
      if b - start > target {
        let cut = lastStrong.flatMap { $0 > start + target / 3 ? $0 : nil } ?? lastAny ?? b
        ranges.append(start..<cut)
        start = cut
        lastStrong = nil
        lastAny = nil
        if b > start && b - start > target {
          ranges.append(start..<b)
          start = b
          continue
        }
      }
      if b > start {
        lastAny = b
        if strong { lastStrong = b }
      }
    }
    if start < total { ranges.append(start..<total) }
    // Leave out chunks without letters.
    ranges = ranges.filter { r in
      var i = firstIndex(in: text, from: r.lowerBound)
      while i < text.count && Int(text.originStart[i]) < r.upperBound {
        if Normalizer.charClass(text.scalars[i]) != .separator { return true }
        i += 1
      }
      return false
    }
    if ranges.count > IndexFormat.maxBodyChunks {
      let last =
        ranges[IndexFormat.maxBodyChunks - 1].lowerBound..<ranges[ranges.count - 1].upperBound
      ranges = Array(ranges.prefix(IndexFormat.maxBodyChunks - 1)) + [last]
    }
    return ranges
  }
}

extension Prepared {
  /// A name's exact key (normalized, separators removed) and whether it is one term (not
  /// empty, no separator): the names of a glossary entry and of a word group of site.yml make
  /// alias groups of their one-term names.
  static func aliasKey(_ normalized: [UInt32]) -> (key: String, oneTerm: Bool) {
    (
      SearchText.string(Normalizer.exactKey(normalized)),
      !normalized.isEmpty && normalized.allSatisfy { Normalizer.charClass($0) != .separator }
    )
  }
}
