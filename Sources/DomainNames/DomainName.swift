import Foundation

/// Host names in the form DNS and sitemaps use: a site at `https://例え.jp/` is published as
/// `https://xn--r8jz45g.jp/`, so its sitemap, feeds and canonical links name one host, and a
/// link typed either way is known to be the site's own.
public enum DomainName {
  /// `host` with each label that is not plain ASCII written as Punycode (`xn--…`), after the
  /// mapping browsers apply first: compatibility forms (full-width letters) folded, lower case,
  /// and the ideographic full stops (`。`, `．`, `｡`) read as dots. A percent-encoded host
  /// (`%E4%BE%8B…`, as an earlier sitemap wrote one) is decoded first. Plain ASCII hosts only
  /// lose their capitals.
  public static func ascii(_ host: String) -> String {
    var text = host
    if text.utf8.contains(UInt8(ascii: "%")), let decoded = text.removingPercentEncoding {
      text = decoded
    }
    if text.utf8.allSatisfy({ $0 < 0x80 }) { return text.lowercased() }
    text = text.precomposedStringWithCompatibilityMapping.lowercased()
    for stop in ["。", "．", "｡"] { text = text.replacingOccurrences(of: stop, with: ".") }
    return text.split(separator: ".", omittingEmptySubsequences: false).map { label in
      label.utf8.allSatisfy { $0 < 0x80 }
        ? String(label)
        : "xn--" + Punycode.encode(String(label).precomposedStringWithCanonicalMapping)
    }.joined(separator: ".")
  }
}

/// RFC 3492's Bootstring with the parameters IDNA uses: a label's characters as letters, digits
/// and hyphens only.
enum Punycode {
  private static let base = 36
  private static let tMin = 1
  private static let tMax = 26

  static func encode(_ label: String) -> String {
    let input = label.unicodeScalars.map { Int($0.value) }
    var output = String(label.unicodeScalars.filter(\.isASCII))
    let basic = output.unicodeScalars.count
    var handled = basic
    if basic > 0 { output += "-" }
    var n = 128
    var delta = 0
    var bias = 72
    while handled < input.count {
      let next = input.filter { $0 >= n }.min()!
      delta += (next - n) * (handled + 1)
      n = next
      for c in input {
        if c < n { delta += 1 }
        guard c == n else { continue }
        var q = delta
        var k = base
        while true {
          let t = k <= bias ? tMin : (k >= bias + tMax ? tMax : k - bias)
          if q < t { break }
          output.append(digit(t + (q - t) % (base - t)))
          q = (q - t) / (base - t)
          k += base
        }
        output.append(digit(q))
        bias = adapt(delta, points: handled + 1, first: handled == basic)
        delta = 0
        handled += 1
      }
      delta += 1
      n += 1
    }
    return output
  }

  private static func digit(_ d: Int) -> Character {
    Character(Unicode.Scalar(UInt8(d < 26 ? 97 + d : 22 + d)))
  }

  private static func adapt(_ delta: Int, points: Int, first: Bool) -> Int {
    var delta = first ? delta / 700 : delta / 2
    delta += delta / points
    var k = 0
    while delta > ((base - tMin) * tMax) / 2 {
      delta /= base - tMin
      k += base
    }
    return k + (base - tMin + 1) * delta / (delta + 38)
  }
}
