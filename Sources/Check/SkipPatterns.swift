/// URL patterns not to fetch with `--external`: sites that block checkers, need a login, or
/// are known to be slow. `*` matches any run of characters (slashes too), `?` one character;
/// the pattern must match the whole URL (without its #fragment).
public enum SkipPatterns {
  public static func matches(_ url: String, _ patterns: [String]) -> Bool {
    patterns.contains { glob(Array($0), Array(url)) }
  }

  /// Iterative wildcard match with backtracking to the last `*`: linear for typical patterns.
  static func glob(_ p: [Character], _ s: [Character]) -> Bool {
    var pi = 0
    var si = 0
    var star = -1
    var mark = 0
    while si < s.count {
      if pi < p.count && (p[pi] == "?" || p[pi] == s[si]) {
        pi += 1
        si += 1
      } else if pi < p.count && p[pi] == "*" {
        star = pi
        mark = si
        pi += 1
      } else if star >= 0 {
        pi = star + 1
        mark += 1
        si = mark
      } else {
        return false
      }
    }
    while pi < p.count && p[pi] == "*" { pi += 1 }
    return pi == p.count
  }
}
