/// How many typing mistakes separate two names: insertions, deletions, substitutions and swaps
/// of two neighbours, each counting one (the optimal string alignment distance). One definition
/// for every "did you mean": the command line's and the build's suggestions of names and paths,
/// and the search page's 「もしかして」, so a swapped pair of letters (`tilte`) is one mistake
/// everywhere.
public enum EditDistance {
  /// The distance between `a` and `b`, or `bound + 1` as soon as it is known to be larger
  /// (a suggestion only needs to know whether a name is close, and most names are not).
  @inlinable
  public static func between<T: Equatable>(_ a: [T], _ b: [T], atMost bound: Int = .max - 1)
    -> Int
  {
    guard abs(a.count - b.count) <= bound else { return bound + 1 }
    // What the two share at their start and end costs nothing and changes no other cost, so
    // only the middle is compared: names of one pattern (`initiative-00123`) differ in a few.
    var start = 0
    while start < a.count, start < b.count, a[start] == b[start] { start += 1 }
    var (endA, endB) = (a.count, b.count)
    while endA > start, endB > start, a[endA - 1] == b[endB - 1] {
      (endA, endB) = (endA - 1, endB - 1)
    }
    if start == 0, endA == a.count, endB == b.count { return aligned(a, b, atMost: bound) }
    return aligned(Array(a[start..<endA]), Array(b[start..<endB]), atMost: bound)
  }

  /// The distance by the table, row by row.
  @inlinable
  static func aligned<T: Equatable>(_ a: [T], _ b: [T], atMost bound: Int) -> Int {
    guard !a.isEmpty, !b.isEmpty else { return max(a.count, b.count) }
    // Three rows of the table: the one two above (for swaps), the one above, this one.
    var (before, previous) = ([Int](repeating: 0, count: b.count + 1), Array(0...b.count))
    var current = before
    for i in 1...a.count {
      current[0] = i
      var rowBest = i
      for j in 1...b.count {
        var d = min(
          previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
        if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
          d = min(d, before[j - 2] + 1)
        }
        current[j] = d
        rowBest = min(rowBest, d)
      }
      // A row's least value never falls further down, so past the bound it stays past it.
      if rowBest > bound { return bound + 1 }
      (before, previous, current) = (previous, current, before)
    }
    return min(previous[b.count], bound + 1)
  }

  /// The distance between two strings, character by character.
  public static func between(_ a: String, _ b: String, atMost bound: Int = .max - 1) -> Int {
    between(Array(a), Array(b), atMost: bound)
  }
}
