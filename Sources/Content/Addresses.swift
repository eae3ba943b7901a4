import Foundation

/// Addresses writers put in front matter and site.yml, checked before they become `href`s: a
/// body's links pass cmark-gfm's filter, but these went into pages as written, so
/// `javascript:alert(1)` in an initiative's links was a link (only the page's CSP stopped it)
/// and a line break in `base_url` became a second line of robots.txt.
public enum Addresses {
  public enum Allowed: Sendable {
    /// `http(s)://host…` only: another site's page (an event's form or stream).
    case web
    /// The same without a `?` or `#` part: where the site is published (`base_url`).
    case siteBase
    /// Also `mailto:` and `tel:`: a contact in an initiative's links.
    case webOrContact
    /// Also a path on this site, `/…` (not `//host`, which is another site): navigation.
    case webOrSitePath
  }

  /// What is wrong with `text` as an address of this kind, in words for the writer; nil when
  /// it may be used.
  public static func problem(_ text: String, allowed: Allowed) -> String? {
    problems(text, allowed: allowed)?.english
  }

  /// The same in English and in Japanese, for `Diagnostic.ja`: the Japanese is a sentence of
  /// its own (「スペースが入っています。…」), to follow one that names the address.
  public static func problems(_ text: String, allowed: Allowed) -> (
    english: String, japanese: String
  )? {
    if let bad = text.unicodeScalars.first(where: isForbidden) {
      let space = bad == " " || bad == "\u{3000}"
      // `"` and `'` as typed (`\"` was shown, a backslash the writer never typed), with the
      // percent form a browser reads as the same address.
      let printable = bad.value > 0x20 && bad.value < 0x7F
      let shown =
        space ? "a space" : "`\(printable ? String(bad) : bad.escaped(asASCII: true))`"
      let percent = printable ? String(format: "%%%02X", bad.value) : nil
      return (
        "has \(shown) in it, which an address cannot have"
          + (percent.map { ": write it as `\($0)`" } ?? ""),
        "アドレスに使えない\(space ? "スペース" : " \(shown) ")が入っています"
          + (percent.map { "。`\($0)` と書いてください" } ?? "")
      )
    }
    let lower = text.lowercased()
    for scheme in ["https://", "http://"] where lower.hasPrefix(scheme) {
      let host = lower.dropFirst(scheme.count).prefix { $0 != "/" && $0 != "?" && $0 != "#" }
      if host.isEmpty {
        return ("has no site name after `\(scheme)`", "`\(scheme)` の後にサイトの名前がありません")
      }
      if case .siteBase = allowed {
        if text.contains("?") || text.contains("#") {
          return ("has a `?` or `#` part", "`?` や `#` から後の部分が付いています")
        }
        // The site name holds a user and password: copied into every canonical address, the
        // feeds and the sitemap.
        if host.contains("@") {
          return (
            "has a user name or password before the site name (`…@`)",
            "サイトの名前の前に、ユーザー名かパスワード（`…@`）が付いています"
          )
        }
        // `https://host//evil.example/` makes `//evil.example/assets/…` of every link: another
        // site.
        let path = text.dropFirst(scheme.count + host.count)
        if path.contains("//") {
          return (
            "has `//` in its path, which would lead links to another site",
            "パスに `//` が入っていて、リンクがほかのサイトへ行ってしまいます"
          )
        }
        return SiteBaseAddress.problems(text)
      }
      return nil
    }
    switch allowed {
    case .webOrContact where lower.hasPrefix("mailto:") || lower.hasPrefix("tel:"):
      return nil
    case .webOrSitePath where text.hasPrefix("/") && !text.hasPrefix("//"):
      return nil
    default:
      return (
        "is not an http(s) address", "`https://` か `http://` で始まるアドレスではありません"
      )
    }
  }

  /// The address a writer meant by one that is not one: typed full-width
  /// (`ｈｔｔｐｓ：／／…`), without its scheme (`www.example.jp/live`: a site name with a dot
  /// first), or with the scheme's colon missing (`https//…`); nil when none of these is a
  /// valid address.
  public static func meant(_ text: String, allowed: Allowed) -> String? {
    if case .siteBase = allowed, let meant = SiteBaseAddress.meant(text) { return meant }
    let half = text.applyingTransform(.fullwidthToHalfwidth, reverse: false) ?? text
    var candidate = half
    if !half.contains("://") {
      if let scheme = ["https//", "http//"].first(where: { half.lowercased().hasPrefix($0) }) {
        candidate = String(half.prefix(scheme.count - 2)) + "://" + half.dropFirst(scheme.count)
      } else if let site = half.split(separator: "/").first, site.contains("."),
        !half.hasPrefix("/"),
        site.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || ".-:".contains($0)) })
      {
        candidate = "https://" + half
      }
    }
    guard candidate != text, problems(candidate, allowed: allowed) == nil else { return nil }
    return candidate
  }

  /// White space, control characters and what ends an attribute or a tag.
  static func isForbidden(_ s: Unicode.Scalar) -> Bool {
    // ASCII is told by its value: its white space is all below 0x21, and asking each scalar
    // of an address for its Unicode properties was 2 % of loading 10,000 pages.
    if s.value < 0x80 {
      switch s.value {
      case 0...0x20, 0x7F, 0x22, 0x27, 0x3C, 0x3E, 0x5C, 0x60: return true
      default: return false
      }
    }
    return s.value <= 0x9F || s.properties.isWhitespace
  }
}
