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
}
