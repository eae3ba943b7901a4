import DomainNames
import Foundation

/// `base_url` beyond what any address must be: the folder the site is published in, written in
/// one form, since it is copied into every canonical link, feed and sitemap entry.
public enum SiteBaseAddress {
  /// Endings of a page's file, which a `base_url` copied from the address bar ends with
  /// (`…/dx/index.html`): every asset would be looked for under `index.html/`.
  static let pageEndings = [".html", ".htm", ".php", ".asp", ".aspx", ".jsp", ".cgi"]

  /// What is wrong with an http(s) `base_url` that `Addresses.problems` passed, in English and
  /// Japanese; nil when nothing is.
  static func problems(_ url: String) -> (english: String, japanese: String)? {
    let (_, authority, path) = parts(url)
    let site = Authority(authority)
    if let port = site.port {
      // Digits only: `Int("+80")` is 80 too.
      guard let number = site.portNumber, (1...65535).contains(number) else {
        let shown = port.isEmpty ? "an empty port" : "the port `\(port)`"
        return (
          "has \(shown) after the site name, where a port is a number from 1 to 65535",
          "サイトの名前の後のポート番号（`:\(port)`）が、1 から 65535 までの数ではありません"
        )
      }
    }
    // `/%2e%2e/`, which `normalized` does not take out as it does `/../`: browsers read
    // `/%2e%2e/assets/…` as `/../assets/…`, another folder than the one the site is in.
    let segments = path.split(separator: "/", omittingEmptySubsequences: false)
    if let dots = segments.first(where: {
      let decoded = $0.lowercased().replacingOccurrences(of: "%2e", with: ".")
      return decoded != $0 && (decoded == "." || decoded == "..")
    }) {
      return (
        "has `\(dots)` in its path, which browsers read as a folder up or this folder: write the folder the site is in",
        "パスに `\(dots)` が入っていて、ブラウザーは1つ上のフォルダーか同じフォルダーと読みます。サイトを公開するフォルダーのアドレスを書いてください"
      )
    }
    let last = segments.last ?? ""
    if let ending = pageEndings.first(where: { last.lowercased().hasSuffix($0) }),
      last.count > ending.count
    {
      return (
        "ends with a page's file name (`\(last)`), not the folder the site is published in",
        "最後がページのファイル名（`\(last)`）になっていて、サイトを公開するフォルダーのアドレスではありません"
      )
    }
    return nil
  }

  /// The address meant by one `problems` refuses: without the `?`/`#` part, an empty port or
  /// the file name.
  static func meant(_ url: String) -> String? {
    var text = url
    if let cut = text.firstIndex(where: { $0 == "?" || $0 == "#" }) { text = String(text[..<cut]) }
    var (scheme, authority, path) = parts(text)
    guard !scheme.isEmpty else { return nil }
    if authority.hasSuffix(":") { authority.removeLast() }
    let last = path.split(separator: "/", omittingEmptySubsequences: false).last ?? ""
    if pageEndings.contains(where: { last.lowercased().hasSuffix($0) }) {
      path.removeLast(last.count)
    }
    text = url[..<url.range(of: "://")!.upperBound] + authority + path
    guard text != url, Addresses.problems(text, allowed: .siteBase) == nil else { return nil }
    return text
  }

  /// `url` in the form every link is made from: scheme and site name in lower case, a
  /// Japanese domain in Punycode (`例え.jp` → `xn--r8jz45g.jp`), the scheme's own port left
  /// out, `.` and `..` of the path resolved, and a `/` at the end.
  public static func normalized(_ url: String) -> String {
    let (scheme, authority, path) = parts(url)
    guard !scheme.isEmpty else { return url }
    // The port by its value (`:0443` is 443), left out when it is the scheme's own.
    let parts = Authority(authority)
    let host = parts.user + parts.normalized(scheme: scheme)
    var segments: [Substring] = []
    for segment in path.split(separator: "/") {
      switch segment {
      case ".": continue
      case "..": _ = segments.popLast()
      default: segments.append(segment)
      }
    }
    let folder = segments.isEmpty ? "/" : "/" + segments.joined(separator: "/") + "/"
    return scheme + "://" + host + folder
  }

  /// The scheme (lower case), `[user@]host[:port]` and path of `url`, split as every reader of
  /// `base_url` splits it; without `://`, no scheme and `url` as the path.
  public static func parts(_ url: String) -> (scheme: String, authority: String, path: String) {
    guard let schemeEnd = url.range(of: "://") else { return ("", "", url) }
    let rest = url[schemeEnd.upperBound...]
    let slash = rest.firstIndex(of: "/") ?? rest.endIndex
    return (
      url[..<schemeEnd.lowerBound].lowercased(), String(rest[..<slash]), String(rest[slash...])
    )
  }
}
