import Content
import Diagnostics
import Foundation

/// A body link to another site typed so that it is no address: `ｈｔｔｐｓ://…` (the input
/// method left in full-width), `https//…` or `https:/…` (a character dropped), `www.…` (no
/// scheme). The browser reads each as a path under the page's own address, so the link led to
/// the site's missing page and only `portal check` said so, as a link to
/// `initiatives/x/ｈｔｔｐｓ:/www…/index.html`. Front matter's addresses were told the address
/// meant (`Addresses`); a body's are now too, at the link, as an error as a missing file is.
enum AddressSlips {
  static let code = "content.broken-link"

  /// The web address meant by `raw`, when `raw` is one of these slips and the address is a
  /// valid one; nil otherwise (a relative link such as `map.png` or `other.md` is none).
  static func meant(_ raw: String) -> String? {
    // A scheme of its own (`https://`, `ftp://`), not one typed full-width (`ｈｔｔｐｓ://`,
    // which to the resolver has one too).
    if BodyRenderer.hasScheme(raw),
      raw.prefix(while: { $0 != ":" }).allSatisfy({ $0.isASCII && $0.isLetter })
    {
      return nil
    }
    // The transform costs about 4 µs a link (80 ms of a 10,000-page build): only for a link
    // with full-width forms of ASCII (ｈｔｔｐｓ, ：／／, ｗｗｗ) in it.
    let fullWidth = raw.unicodeScalars.contains { (0xFF01...0xFF5E).contains($0.value) }
    let half = fullWidth ? raw.applyingTransform(.fullwidthToHalfwidth, reverse: false) ?? raw : raw
    let lower = half.lowercased()
    var candidate: String?
    if half != raw, lower.hasPrefix("http://") || lower.hasPrefix("https://") {
      candidate = half
    } else if let scheme = ["https//", "http//", "https:/", "http:/"].first(where: {
      lower.hasPrefix($0)
    }) {
      let name = scheme.hasPrefix("https") ? "https" : "http"
      candidate = name + "://" + half.dropFirst(scheme.count).drop { $0 == "/" }
    } else if lower.hasPrefix("www.") {
      candidate = "https://" + half
    }
    guard let candidate, Addresses.problem(candidate, allowed: .web) == nil else { return nil }
    return candidate
  }

  static func error(url: String, meant: String, in page: Page, line: Int, column: Int)
    -> Diagnostic
  {
    .error(
      SourceLocation(file: page.path, line: line, column: column),
      "the link points to `\(url)`, which is not a web address: the browser would look for it on this site, where there is no such page",
      hint: "write the address in half-width characters, `https://` and all: `\(meant)`",
      code: code
    ).ja(
      "リンク先 `\(url)` は、ほかのサイトのアドレスになっていません。このサイトの中のページとして探され、見つかりません",
      hint: "アドレスを、`https://` から半角で書いてください：`\(meant)`")
  }
}
