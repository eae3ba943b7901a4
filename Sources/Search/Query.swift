import Foundation

/// One way a query term can match: the term itself or a member of its glossary alias group.
struct Alternative {
  var plan: TermPlan
  var map: [Int32: UInt32]
}

/// Field weights of the score: see `SearchResult.score`.
enum Score {
  static let exactTitle = 64
  static let exactKeyword = 32

  static func fields(_ m: UInt32) -> Int {
    (m & IndexFormat.titleBit != 0 ? 16 : 0) + (m & IndexFormat.summaryBit != 0 ? 8 : 0)
      + (m & IndexFormat.keywordsBit != 0 ? 4 : 0) + (m & IndexFormat.bodyBits != 0 ? 2 : 0)
  }
}

/// How many texts (a candidate's head, each chunk read) verification may check for a page of
/// `limit` results; search.js uses the same number.
func verifyBudget(_ limit: Int) -> Int { 3 * limit + 10 }

/// How many body chunks the snippet search reads at most.
let maxSnippetChunks = 4
/// Characters of context before a match in a snippet, and the snippet's length.
let snippetBefore = 30
let snippetLength = 120

/// The state of one query: fetched heads and chunks, normalised once each.
struct QuerySession {
  let engine: SearchEngine
  var normalizer = Normalizer()
  var heads: [Int32: Head] = [:]
  var normalizedHeads: [Int32: [NormalizedText]] = [:]
  var chunks: [Int64: (String, NormalizedText)] = [:]

  init(engine: SearchEngine) { self.engine = engine }

  var meta: IndexMeta { engine.meta }

  /// Every file this query read, as the browser would download them.
  var files: [String] = []
  /// Texts checked by verification in this page of results (see `verifyBudget`).
  var work = 0
  var seen = Set<String>()

  mutating func record(_ path: String) {
    if seen.insert(path).inserted { files.append(path) }
  }

  mutating func shard(for key: [UInt32]) -> [String: Any] {
    let index = Int(IndexFormat.hash(key) & UInt32(meta.shards - 1))
    record(IndexFormat.shardName(index, shards: meta.shards))
    return engine.store.shard(index, of: meta.shards)
  }

  func decode(_ value: Any?) -> [Int32: UInt32] {
    var out: [Int32: UInt32] = [:]
    if let s = value as? String {
      let pairs = Codec.decodePairs(s)
      out.reserveCapacity(pairs.count)
      for (d, m) in pairs { out[d] = m }
    } else if let sets = value as? [String], sets.count >= 4 {
      for (i, s) in sets.prefix(4).enumerated() {
        for d in Codec.decodeSet(s) { out[d, default: 0] |= IndexFormat.setBits[i] }
      }
      // The first documents of each set with their chunks.
      if sets.count > 4 {
        for (d, m) in Codec.decodePairs(sets[4]) { out[d] = m }
      }
    }
    return out
  }

  mutating func postings(_ key: PlannedKey) -> [Int32: UInt32] {
    let shard = shard(for: key.shardKey)
    guard key.prefix else { return decode(shard[key.key]) }
    var out: [Int32: UInt32] = [:]
    let prefix = key.key.unicodeScalars
    for k in shard.keys where k.unicodeScalars.starts(with: prefix) {
      for (d, m) in decode(shard[k]) { out[d, default: 0] |= m }
    }
    return out
  }

  /// Documents whose fields or chunks hold every key of the plan, with those fields and chunks.
  mutating func candidates(_ plan: TermPlan) -> [Int32: UInt32] {
    // The browser downloads every key's shard at once, before intersecting; record them all so
    // `files` is what it downloads even when an early key leaves nothing.
    for key in plan.keys {
      record(
        IndexFormat.shardName(
          Int(IndexFormat.hash(key.shardKey) & UInt32(meta.shards - 1)), shards: meta.shards))
    }
    var result: [Int32: UInt32]?
    for key in plan.keys {
      let m = postings(key)
      if let r = result {
        var next: [Int32: UInt32] = [:]
        for (d, mask) in r {
          if let o = m[d], mask & o != 0 { next[d] = mask & o }
        }
        result = next
      } else {
        result = m
      }
      if result?.isEmpty ?? true { break }
    }
    return result ?? [:]
  }

  mutating func entry(_ prefix: String, _ key: [UInt32]) -> Any? {
    shard(for: key)[prefix + SearchText.string(key)]
  }

  mutating func run(_ query: String, kinds: Set<SearchKind>?, limit: Int) -> SearchResponse {
    let normalized = normalizer.normalize(query).scalars
    var terms: [[UInt32]] = []
    for t in Normalizer.terms(normalized) where !terms.contains(t) { terms.append(t) }
    terms = Array(terms.prefix(8))
    guard !terms.isEmpty else {
      return SearchResponse(results: [], candidates: 0, exact: true, more: false, files: [])
    }

    // Each term with its numbers in Arabic numerals (十二月 → 12月), its letters and digits apart
    // (society5 → society 5) and its glossary alternatives.
    var alternatives: [[Alternative]] = []
    let arabic = terms.map(QueryNumerals.arabic)
    var bonusKeys: [[UInt32]] = [terms.flatMap { $0 }]
    if arabic.contains(where: { $0 != nil }) {
      bonusKeys.append(zip(terms, arabic).flatMap { $1 ?? $0 })
    }
    for (t, number) in zip(terms, arabic) {
      let plan = TermPlan(t, gramLength: meta.gram, maxKeys: meta.keysPerRun)
      var alts = [Alternative(plan: plan, map: candidates(plan))]
      if let number {
        let p = TermPlan(number, gramLength: meta.gram, maxKeys: meta.keysPerRun)
        alts.append(Alternative(plan: p, map: candidates(p)))
      }
      if let spaced = QueryLetterDigits.spaced(t) {
        let p = TermPlan(spaced, gramLength: meta.gram, maxKeys: meta.keysPerRun)
        alts.append(Alternative(plan: p, map: candidates(p)))
      }
      if let members = entry("~", t) as? [String] {
        for m in members {
          let scalars = m.unicodeScalars.map(\.value)
          guard !scalars.isEmpty, scalars != t else { continue }
          let p = TermPlan(scalars, gramLength: meta.gram, maxKeys: meta.keysPerRun)
          alts.append(Alternative(plan: p, map: candidates(p)))
          if terms.count == 1 { bonusKeys.append(scalars) }
        }
      }
      alternatives.append(alts)
    }
    let exactPlans = alternatives.allSatisfy { $0.allSatisfy(\.plan.exact) }

    // Candidates: in every term's union of alternatives.
    var termMasks: [[Int32: UInt32]] = []
    for alts in alternatives {
      var m: [Int32: UInt32] = [:]
      for a in alts { for (d, x) in a.map { m[d, default: 0] |= x } }
      termMasks.append(m)
    }
    let allowed: [Range<Int32>]? = kinds.map { ks in ks.compactMap { meta.kinds[$0] } }
    var docs: [Int32] = []
    for d in termMasks[0].keys where termMasks.dropFirst().allSatisfy({ $0[d] != nil }) {
      if let allowed, !allowed.contains(where: { $0.contains(d) }) { continue }
      docs.append(d)
    }

    // Exact titles and keywords.
    var titleExact = Set<Int32>()
    var keywordExact = Set<Int32>()
    for key in bonusKeys {
      guard let sets = entry("=", key) as? [String], sets.count == 2 else { continue }
      titleExact.formUnion(Codec.decodeSet(sets[0]))
      keywordExact.formUnion(Codec.decodeSet(sets[1]))
    }
    var bonus: [Int32: Int] = [:]
    for d in titleExact { bonus[d, default: 0] += Score.exactTitle }
    for d in keywordExact { bonus[d, default: 0] += Score.exactKeyword }

    // Upper bounds, best first; verify lazily until `limit` results are certain.
    var order = docs.map { d in
      (d, (bonus[d] ?? 0) + termMasks.reduce(0) { $0 + Score.fields($1[d] ?? 0) })
    }
    order.sort { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }
    var ready = Heap()
    var results: [SearchResult] = []
    var next = 0
    var verifiedAll = true
    let want = limit <= 0 ? Int.max : limit
    // A page of results checks at most this many texts (heads and chunks) of candidates, so a
    // query whose keys are common but whose matches are rare cannot download the whole index;
    // the page then shows what it has and "more" goes on. Every match with --limit 0.
    let budget = limit <= 0 ? Int.max : verifyBudget(limit)
    work = 0
    // The browser fetches the heads of the first candidates at once; so does this.
    for (d, _) in order.prefix(min(want, 50)) { _ = head(d) }
    while results.count < want {
      if let top = ready.peek {
        if next >= order.count || work >= budget
          || !Heap.before((order[next].1, order[next].0), (top.score, top.doc))
        {
          let item = ready.pop()!
          results.append(makeResult(item, alternatives: alternatives))
          continue
        }
      }
      guard next < order.count, work < budget else { break }
      let (d, _) = order[next]
      next += 1
      if let v = verify(d, alternatives: alternatives, bonus: bonus[d] ?? 0) { ready.push(v) }
    }
    if next < order.count { verifiedAll = false }
    let candidates = verifiedAll ? results.count + ready.count : docs.count
    return SearchResponse(
      results: results, candidates: candidates, exact: exactPlans || verifiedAll,
      more: next < order.count || ready.count > 0, files: files,
      alsoSearched: arabic.contains { $0 != nil } ? QueryNumerals.arabic(query: query) : nil)
  }

  // MARK: - Verification

  mutating func head(_ d: Int32) -> Head? {
    if let h = heads[d] { return h }
    record(IndexFormat.headName(Int(d)))
    guard let h = engine.store.head(d) else { return nil }
    heads[d] = h
    normalizedHeads[d] = [
      normalizer.normalize(h.title), normalizer.normalize(h.summary),
      normalizer.normalize(h.keywords),
    ]
    return h
  }

  /// Body chunk `n` of document `d`, original and normalised.
  mutating func chunk(_ d: Int32, _ n: Int) -> (String, NormalizedText)? {
    let key = Int64(d) << 8 | Int64(n)
    if let c = chunks[key] { return c }
    record(IndexFormat.chunkName(Int(d), n))
    guard let text = engine.store.chunk(d, n) else { return nil }
    let c = (text, normalizer.normalize(text))
    chunks[key] = c
    return c
  }

  /// The document's true masks per term (every bit confirmed, body chunks up to the first that
  /// matches), or nil when some term does not occur in it.
  mutating func verify(_ d: Int32, alternatives: [[Alternative]], bonus: Int) -> Verified? {
    work += 1
    guard let h = head(d) else { return nil }
    let existing =
      IndexFormat.headBits
      | (h.chunks >= 29 ? IndexFormat.bodyBits : (UInt32(1) << UInt32(3 + h.chunks) &- 8))
    var masks: [UInt32] = []
    for alts in alternatives {
      var trueMask: UInt32 = 0
      for a in alts {
        guard let m0 = a.map[d] else { continue }
        let m = m0 & existing
        if a.plan.exact {
          trueMask |= m
          continue
        }
        for bit in 0..<3 where m & (1 << UInt32(bit)) != 0 && trueMask & (1 << UInt32(bit)) == 0 {
          if Matcher.first(a.plan, in: normalizedHeads[d]![bit].scalars) != nil {
            trueMask |= 1 << UInt32(bit)
          }
        }
        if trueMask & IndexFormat.bodyBits == 0 {
          for n in 0..<h.chunks where m & (1 << UInt32(3 + n)) != 0 {
            work += 1
            if let c = chunk(d, n), Matcher.first(a.plan, in: c.1.scalars) != nil {
              trueMask |= 1 << UInt32(3 + n)
              break
            }
          }
        }
      }
      if trueMask == 0 { return nil }
      masks.append(trueMask)
    }
    let score = bonus + masks.reduce(0) { $0 + Score.fields($1) }
    return Verified(doc: d, score: score, masks: masks)
  }

  // MARK: - Snippets

  mutating func makeResult(_ v: Verified, alternatives: [[Alternative]]) -> SearchResult {
    let h = head(v.doc)!
    let plans = alternatives.flatMap { $0.map(\.plan) }
    let fields = normalizedHeads[v.doc]!
    var text: (String, NormalizedText)?
    // Whether `text` is the keywords, whose texts with furigana the snippet shows as written,
    // and each line once.
    var keywords = false
    // The summary when it holds a match (it is in the head, so nothing more is downloaded);
    // else the body chunks holding the most terms, at most a few; else the keywords.
    if Matcher.firstOfAny(plans, in: fields[1].scalars) != nil {
      text = (h.summary, fields[1])
    }
    let union = v.masks.reduce(0, |) >> 3
    if text == nil && union != 0 {
      var order: [(Int, Int)] = []
      for n in 0..<h.chunks where union & (1 << UInt32(n)) != 0 {
        order.append((n, v.masks.filter { $0 & (1 << UInt32(3 + n)) != 0 }.count))
      }
      order.sort { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }
      for (n, _) in order.prefix(maxSnippetChunks) {
        if let c = chunk(v.doc, n), Matcher.firstOfAny(plans, in: c.1.scalars) != nil {
          text = c
          break
        }
      }
    }
    if text == nil && Matcher.firstOfAny(plans, in: fields[2].scalars) != nil {
      text = (h.keywords, fields[2])
      keywords = true
    }
    if text == nil {
      if !h.summary.isEmpty {
        text = (h.summary, fields[1])
      } else if h.chunks > 0, let c = chunk(v.doc, 0) {
        text = c
      } else {
        text = (h.title, fields[0])
      }
    }
    let (snippet, highlights) = Snippet.make(
      text!.0, text!.1, plans: plans, furigana: keywords ? h.furigana : nil,
      page: keywords ? (h.title, h.summary) : nil)
    var result = SearchResult(
      url: h.url, title: h.title, kind: h.kind, date: h.date, snippet: snippet,
      highlights: highlights, score: v.score)
    result.ends = h.ends
    return result
  }
}

/// A verified candidate.
struct Verified {
  var doc: Int32
  var score: Int
  var masks: [UInt32]
}

/// Verified candidates, best first (higher score, then lower id).
struct Heap {
  private var items: [Verified] = []

  var count: Int { items.count }
  var peek: Verified? { items.first }

  /// True when (score, doc) a comes strictly before b.
  static func before(_ a: (Int, Int32), _ b: (Int, Int32)) -> Bool {
    a.0 != b.0 ? a.0 > b.0 : a.1 < b.1
  }

  mutating func push(_ v: Verified) {
    items.append(v)
    var i = items.count - 1
    while i > 0 {
      let p = (i - 1) / 2
      if Self.before((items[i].score, items[i].doc), (items[p].score, items[p].doc)) {
        items.swapAt(i, p)
        i = p
      } else {
        break
      }
    }
  }

  mutating func pop() -> Verified? {
    guard !items.isEmpty else { return nil }
    let top = items[0]
    let last = items.removeLast()
    if !items.isEmpty {
      items[0] = last
      var i = 0
      while true {
        let l = 2 * i + 1
        let r = l + 1
        var best = i
        if l < items.count
          && Self.before((items[l].score, items[l].doc), (items[best].score, items[best].doc))
        {
          best = l
        }
        if r < items.count
          && Self.before((items[r].score, items[r].doc), (items[best].score, items[best].doc))
        {
          best = r
        }
        if best == i { break }
        items.swapAt(i, best)
        i = best
      }
    }
    return top
  }
}

/// Where a term occurs in normalised text: the term's characters in a row; a term that starts
/// with a word must start at a word boundary, and one that ends with a one-letter word must end
/// at one (longer last words match as prefixes, as in the index).
enum Matcher {
  static func occurrences(_ plan: TermPlan, in text: [UInt32]) -> [Range<Int>] {
    var out: [Range<Int>] = []
    scan(plan, text) {
      out.append($0)
      return true
    }
    return out
  }

  static func first(_ plan: TermPlan, in text: [UInt32]) -> Range<Int>? {
    var found: Range<Int>?
    scan(plan, text) {
      found = $0
      return false
    }
    return found
  }

  static func firstOfAny(_ plans: [TermPlan], in text: [UInt32]) -> Range<Int>? {
    plans.compactMap { first($0, in: text) }.min { $0.lowerBound < $1.lowerBound }
  }

  private static func scan(_ plan: TermPlan, _ text: [UInt32], _ found: (Range<Int>) -> Bool) {
    let p = plan.scalars
    guard !p.isEmpty, p.count <= text.count, let firstSeg = plan.segments.first,
      let lastSeg = plan.segments.last
    else { return }
    let wordStart = !firstSeg.isJapanese
    let wordEnd = !lastSeg.isJapanese && lastSeg.end - lastSeg.start < 2
    let first = p[0]
    var i = 0
    let limit = text.count - p.count
    while i <= limit {
      if text[i] == first {
        var j = 1
        while j < p.count && text[i + j] == p[j] { j += 1 }
        if j == p.count {
          let okStart = !wordStart || i == 0 || Normalizer.charClass(text[i - 1]) != .word
          let end = i + p.count
          let okEnd = !wordEnd || end == text.count || Normalizer.charClass(text[end]) != .word
          if okStart && okEnd {
            if !found(i..<end) { return }
          }
        }
      }
      i += 1
    }
  }
}
