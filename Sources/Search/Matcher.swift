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
