import DomainNames
import Foundation

/// Where the site is published, so absolute links to the site itself and sitemap entries map
/// to local files, and root-relative links drop the base path (`/dx/` for a site served from
/// https://example.jp/dx/).
public struct SiteBase: Sendable, Hashable {
  /// `scheme://host[:port]`, lower-cased; nil when unknown.
  public var origin: String?
  /// Starts and ends with `/`.
  public var path: String

  public init(origin: String?, path: String = "/") {
    self.origin = origin
    var path = URLParts.canonicalPath(path)
    if !path.hasSuffix("/") { path += "/" }
    if !path.hasPrefix("/") { path = "/" + path }
    self.path = path
  }

  /// From an absolute URL such as `https://dx.example.jp/` (a trailing `index.html` is dropped).
  public init?(url: String) {
    let parts = URLParts(url)
    guard let scheme = parts.scheme, scheme == "http" || scheme == "https",
      let authority = parts.authority
    else { return nil }
    var path = parts.path.isEmpty ? "/" : parts.path
    if path.hasSuffix("/index.html") { path.removeLast("index.html".count) }
    if !path.hasSuffix("/") { path = String(path[...(path.lastIndex(of: "/") ?? path.startIndex)]) }
    self.init(
      origin: "\(scheme)://\(URLParts.normalizedHost(authority, scheme: scheme))", path: path)
  }

  public var url: String? { origin.map { $0 + path } }

  /// `host[:port]` without the scheme: http and https links to the same host are the same site.
  var hostKey: String? { origin.flatMap { URLParts($0).authority } }
}

/// A URL split by hand into its parts, because links in Japanese pages carry raw non-ASCII
/// characters that Foundation's parser treats differently across platforms.
struct URLParts: Sendable {
  var scheme: String?
  var authority: String?
  var path: String
  var query: String?
  var fragment: String?

  /// Splits at ASCII delimiters found on the UTF-8 bytes (their indices are valid string
  /// indices): searching by Character broke every link into grapheme clusters first.
  init(_ raw: String) {
    var rest = Substring(raw)
    if let hash = rest.utf8.firstIndex(of: UInt8(ascii: "#")) {
      fragment = String(rest[rest.utf8.index(after: hash)...])
      rest = rest[..<hash]
    }
    if let question = rest.utf8.firstIndex(of: UInt8(ascii: "?")) {
      query = String(rest[rest.utf8.index(after: question)...])
      rest = rest[..<question]
    }
    if let colon = rest.utf8.firstIndex(of: UInt8(ascii: ":")), let first = rest.utf8.first,
      Self.isLetter(first),
      rest.utf8[..<colon].allSatisfy({
        Self.isLetter($0) || ($0 >= 0x30 && $0 <= 0x39) || $0 == UInt8(ascii: "+")
          || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "-")
      })
    {
      scheme = rest[..<colon].lowercased()
      rest = rest[rest.utf8.index(after: colon)...]
    }
    if rest.utf8.starts(with: "//".utf8) {
      rest = rest.dropFirst(2)
      let slash = rest.utf8.firstIndex(of: UInt8(ascii: "/")) ?? rest.endIndex
      authority = String(rest[..<slash])
      rest = rest[slash...]
    }
    path = String(rest)
  }

  /// `path` with every byte outside ASCII percent-encoded and every escape in capitals, so a
  /// base path typed in Japanese (`/ポータル/`) and the same path escaped, as a sitemap writes it,
  /// compare equal; decoding each segment later gives the same names either way.
  static func canonicalPath(_ path: String) -> String {
    guard path.utf8.contains(where: { $0 >= 0x80 || $0 == UInt8(ascii: "%") }) else { return path }
    var out: [UInt8] = []
    var pendingEscape = 0
    for byte in path.utf8 {
      if byte >= 0x80 {
        out += Array("%\(String(byte, radix: 16, uppercase: true))".utf8)
      } else if pendingEscape > 0, byte >= UInt8(ascii: "a"), byte <= UInt8(ascii: "f") {
        out.append(byte - 0x20)
      } else {
        out.append(byte)
      }
      pendingEscape = byte == UInt8(ascii: "%") ? 2 : max(0, pendingEscape - 1)
    }
    return String(decoding: out, as: UTF8.self)
  }

  private static func isLetter(_ b: UInt8) -> Bool {
    let lower = b | 0x20
    return lower >= UInt8(ascii: "a") && lower <= UInt8(ascii: "z")
  }

  /// Lower-cased host without user info or the scheme's default port; a Japanese domain in
  /// Punycode, as the build publishes it.
  static func normalizedHost(_ authority: String, scheme: String) -> String {
    Authority(authority).normalized(scheme: scheme)
  }
}

/// What a URL in a page refers to.
enum Resolution: Sendable, Hashable {
  /// mailto:, tel:, data:, javascript: and other schemes, and empty URLs.
  case skipped
  /// An http(s) URL on another site (or outside this site's base path), without its fragment.
  case external(String)
  /// A file in the site (relative, percent-decoded, `index.html` added for folders), the path as
  /// the link wrote it for messages, and the decoded fragment.
  case local(file: String, path: String, fragment: String?)
  /// A relative link that climbs above the site root.
  case outside
  /// A root-relative link outside a site published under a path (`/events/` on a site at
  /// `/dx/`): another page of the host, or the base path forgotten; `local` is the file it
  /// names in this site with the base path put back (nil: none), the address as it would be
  /// written, and the host's address of it as written.
  case outsideBase(file: String?, written: String, external: String?)
}

struct URLResolver: Sendable {
  let base: SiteBase

  /// Resolves `raw` as written on the page at `page` (a site-relative file path).
  func resolve(_ raw: String, from page: String) -> Resolution {
    if raw.isEmpty { return .skipped }
    let parts = URLParts(raw)
    if let scheme = parts.scheme, parts.authority == nil || (scheme != "http" && scheme != "https")
    {
      return scheme == "http" || scheme == "https" ? .external(withoutFragment(raw)) : .skipped
    }
    // Compared with the base path as the base path is kept: escaped, in capitals.
    let path = URLParts.canonicalPath(parts.path)
    if let authority = parts.authority {
      let scheme = parts.scheme ?? base.origin.flatMap { URLParts($0).scheme } ?? "https"
      let host = URLParts.normalizedHost(authority, scheme: scheme)
      let absolute =
        parts.scheme == nil ? "\(scheme):\(withoutFragment(raw))" : withoutFragment(raw)
      guard host == base.hostKey, path.hasPrefix(base.path) || path + "/" == base.path
      else {
        return .external(absolute)
      }
      return local(Self.segments(String(path.dropFirst(base.path.count))), from: [], parts)
    }
    if parts.path.hasPrefix("/") {
      guard path.hasPrefix(base.path) || path + "/" == base.path else {
        let external = base.origin.map { $0 + withoutFragment(raw) }
        var file: String?
        if case .local(let f, _, _) = local(
          Self.segments(String(parts.path.dropFirst())), from: [], parts)
        {
          file = f
        }
        // The base path as the writer typed it (`/ポータル/`), not escaped as it is compared.
        return .outsideBase(
          file: file, written: Self.decode(base.path) + raw.dropFirst(), external: external)
      }
      return local(Self.segments(String(path.dropFirst(base.path.count))), from: [], parts)
    }
    if parts.path.isEmpty {
      return .local(file: page, path: raw, fragment: parts.fragment.map(Self.decode))
    }
    let folder = Self.segments(page).dropLast()
    return local(Self.segments(parts.path), from: Array(folder), parts)
  }

  private func local(_ relative: [String], from folder: [String], _ parts: URLParts) -> Resolution {
    var segments = folder
    var trailingSlash = relative.isEmpty
    for (i, segment) in relative.enumerated() {
      let last = i == relative.count - 1
      switch segment {
      case ".": trailingSlash = last
      case "..":
        if segments.isEmpty { return .outside }
        segments.removeLast()
        trailingSlash = last
      case "": trailingSlash = last
      default:
        segments.append(Self.decode(segment))
        trailingSlash = false
      }
    }
    var path = segments.joined(separator: "/")
    if trailingSlash && !path.isEmpty { path += "/" }
    let file = path.isEmpty || path.hasSuffix("/") ? path + "index.html" : path
    return .local(file: file, path: path, fragment: parts.fragment.map(Self.decode))
  }

  /// The parts between slashes, split on the UTF-8 bytes (`/` is ASCII).
  private static func segments(_ path: String) -> [String] {
    guard !path.isEmpty else { return [] }
    var out: [String] = []
    var start = path.utf8.startIndex
    for i in path.utf8.indices where path.utf8[i] == UInt8(ascii: "/") {
      out.append(String(path[start..<i]))
      start = path.utf8.index(after: i)
    }
    out.append(String(path[start...]))
    return out
  }

  /// Percent-decoded; Foundation is asked only when there is a `%`.
  static func decode(_ s: String) -> String {
    guard s.utf8.contains(UInt8(ascii: "%")) else { return s }
    return s.removingPercentEncoding ?? s
  }

  /// A URL as a writer reads it: cmark percent-encodes Japanese in `href`s, so
  /// `#%E6%A6%82%E8%A6%81` is shown as `#概要`. ASCII-only escapes are left as written.
  static func display(_ url: String) -> String {
    guard url.utf8.contains(UInt8(ascii: "%")), let decoded = url.removingPercentEncoding,
      decoded.unicodeScalars.contains(where: { !$0.isASCII })
    else { return url }
    return decoded
  }

  private func withoutFragment(_ raw: String) -> String {
    raw.utf8.firstIndex(of: UInt8(ascii: "#")).map { String(raw[..<$0]) } ?? raw
  }
}
