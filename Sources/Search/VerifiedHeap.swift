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
