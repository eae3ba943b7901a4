import Foundation

/// A query's candidates checked against their texts, and the results made of them.
extension QuerySession {
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
