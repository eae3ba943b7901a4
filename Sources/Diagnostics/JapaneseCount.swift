/// How a Japanese summary line counts things, so the build, `portal lint`, `portal check`,
/// `portal serve` and `portal search` write counts one way (docs/decisions.md): one counter
/// word per kind of thing, written after the thing counted (「エラー3件」「ファイル12個」), no
/// space between the number and the counter, and digits grouped by threes with commas
/// (「ファイル2,642個」), as the search page writes its counts and as 「公用文作成の考え方」 asks.
public enum JapaneseCount: String, Sendable, CaseIterable {
  /// Problems (errors, warnings, what a page panel lists) and search results: 「エラー3件」.
  case items = "件"
  /// Pages of the site, of any kind: 「取組73ページ」「ほか3ページで」.
  case pages = "ページ"
  /// Files, links, headings and other things: 「ファイル12個」「リンク451個」.
  case things = "個"
  /// Tries: 「3回試しました」.
  case times = "回"

  /// `n` with this counter: `JapaneseCount.items(1234)` is 「1,234件」.
  public func callAsFunction(_ n: Int) -> String { Self.digits(n) + rawValue }

  /// `n` in digits grouped by threes: 「1,234」, 「-5」, 「0」.
  public static func digits(_ n: Int) -> String {
    let plain = String(n.magnitude)
    var out = n < 0 ? "-" : ""
    for (i, c) in plain.enumerated() {
      if i > 0 && (plain.count - i) % 3 == 0 { out.append(",") }
      out.append(c)
    }
    return out
  }
}
