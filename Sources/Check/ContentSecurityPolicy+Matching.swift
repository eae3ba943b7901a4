import SecurityPolicy

/// Which of a built page's images, scripts, styles and frames a browser would refuse under the
/// page's policy: writers see an image from another site in their Markdown and in the built
/// HTML; only the browser, silently, leaves it out. Hosts with wildcards, ports and paths,
/// schemes (`data:`, `https:`), `'self'`, `'none'` and `*`, as CSP Level 3 matches them.
extension ContentSecurityPolicy {
  /// Whether a browser would load `url`, written on a page of the site at `base`.
  func allows(_ url: String, directive: String, base: SiteBase) -> Bool {
    guard let (_, sources) = governing(directive) else { return true }
    let parts = URLParts(url)
    let selfScheme = base.origin.flatMap { URLParts($0).scheme } ?? "https"
    var host = parts.authority
    // A relative URL is the page's own site; `//host/…` takes the page's scheme.
    if parts.scheme == nil && host == nil {
      guard let origin = base.origin else {
        return sources.contains("'self'") || sources.contains("*")
      }
      host = URLParts(origin).authority
    }
    let scheme = parts.scheme ?? selfScheme
    host = host.map { URLParts.normalizedHost($0, scheme: scheme) }
    return sources.contains { source in
      Self.matches(
        source, scheme: scheme, host: host, path: parts.path, selfScheme: selfScheme,
        selfOrigin: base.origin)
    }
  }

  private static func matches(
    _ source: String, scheme: String, host: String?, path: String, selfScheme: String,
    selfOrigin: String?
  ) -> Bool {
    let networked = ["http", "https", "ws", "wss"].contains(scheme)
    switch source {
    case "'self'":
      guard let host, let selfOrigin else { return false }
      let origin = URLParts(selfOrigin)
      // https is allowed where the page is http, not the other way round.
      return host == origin.authority
        && (scheme == selfScheme || (selfScheme == "http" && scheme == "https"))
    case "*":
      return networked || scheme == selfScheme
    case _ where source.hasPrefix("'"):
      return false
    case _ where source.hasSuffix(":") && !source.contains("/"):
      return schemeMatches(String(source.dropLast()), scheme)
    default:
      guard let host else { return false }
      return hostSourceMatches(
        source, scheme: scheme, host: host, path: path, selfScheme: selfScheme)
    }
  }

  /// `https:` allows https only; `http:` allows https too (and ws: wss:).
  private static func schemeMatches(_ expected: String, _ scheme: String) -> Bool {
    expected == scheme || (expected == "http" && scheme == "https")
      || (expected == "ws" && ["wss", "http", "https"].contains(scheme))
  }

  /// `[scheme://]host[:port][/path]`, where host may start with `*.`.
  private static func hostSourceMatches(
    _ source: String, scheme: String, host: String, path: String, selfScheme: String
  ) -> Bool {
    var rest = Substring(source)
    if let separator = rest.range(of: "://") {
      guard schemeMatches(String(rest[..<separator.lowerBound]), scheme) else { return false }
      rest = rest[separator.upperBound...]
    } else if !schemeMatches(selfScheme, scheme) {
      return false
    }
    var sourcePath: Substring = ""
    if let slash = rest.firstIndex(of: "/") {
      sourcePath = rest[slash...]
      rest = rest[..<slash]
    }
    var sourcePort: Substring?
    if let colon = rest.lastIndex(of: ":") {
      sourcePort = rest[rest.index(after: colon)...]
      rest = rest[..<colon]
    }
    var urlHost = Substring(host)
    var urlPort: Substring?
    if let colon = urlHost.lastIndex(of: ":") {
      urlPort = urlHost[urlHost.index(after: colon)...]
      urlHost = urlHost[..<colon]
    }
    if rest.hasPrefix("*.") {
      guard urlHost.hasSuffix(rest.dropFirst()) else { return false }
    } else if rest != "*" && rest != urlHost {
      return false
    }
    // Hosts keep their port only when it is not the scheme's default (normalizedHost).
    let defaultPort = scheme == "http" ? "80" : "443"
    if sourcePort != "*"
      && (sourcePort ?? Substring(defaultPort)) != (urlPort ?? Substring(defaultPort))
    {
      return false
    }
    guard !sourcePath.isEmpty, sourcePath != "/" else { return true }
    let decoded = URLResolver.decode(path)
    return sourcePath.hasSuffix("/") ? decoded.hasPrefix(sourcePath) : decoded == sourcePath
  }
}
