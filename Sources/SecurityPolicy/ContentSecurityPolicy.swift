/// A Content-Security-Policy as a page's `<meta http-equiv>` states it, read once for both who
/// judge it: the build, which warns of inline code a theme's own policy blocks
/// (`theme.inline-code`), and `portal check`, which says which of a built page's images,
/// scripts and styles a browser would refuse. Two readers of the same text drifted (one kept
/// a directive's sources' case, one did not).
///
/// Follows CSP Level 3 for what a static page can use: fallbacks between directives and
/// `'unsafe-inline'` (ignored, as browsers do, when a nonce or hash is listed). Matching an
/// address against sources is `portal check`'s (it knows the site's base).
public struct ContentSecurityPolicy: Sendable, Equatable {
  /// Directive name → its sources, lower-cased (nonces and hashes keep their case).
  public var directives: [String: [String]]

  /// Nil when the text names no directive.
  public init?(_ text: some StringProtocol) {
    var directives: [String: [String]] = [:]
    for part in text.split(separator: ";") {
      let tokens = part.split(whereSeparator: {
        $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r"
      })
      guard let name = tokens.first?.lowercased() else { continue }
      // The first of two same-named directives counts.
      if directives[name] != nil { continue }
      directives[name] = tokens.dropFirst().map { token in
        let lower = token.lowercased()
        return lower.hasPrefix("'nonce-") || lower.hasPrefix("'sha") ? String(token) : lower
      }
    }
    guard !directives.isEmpty else { return nil }
    self.directives = directives
  }

  /// The directive that governs `name` and its sources, after CSP's fallbacks; nil when no
  /// directive restricts it.
  public func governing(_ name: String) -> (name: String, sources: [String])? {
    for candidate in Self.fallbacks[name] ?? [name, "default-src"] {
      if let sources = directives[candidate] { return (candidate, sources) }
    }
    return nil
  }

  /// CSP Level 3's fallback lists (`form-action` has none: without it, any form is allowed).
  static let fallbacks: [String: [String]] = [
    "script-src-elem": ["script-src-elem", "script-src", "default-src"],
    "script-src-attr": ["script-src-attr", "script-src", "default-src"],
    "style-src-elem": ["style-src-elem", "style-src", "default-src"],
    "style-src-attr": ["style-src-attr", "style-src", "default-src"],
    "frame-src": ["frame-src", "child-src", "default-src"],
    "form-action": ["form-action"],
  ]

  /// Whether inline code of this directive (a `<script>` without `src`, an `onclick`, a
  /// `style` attribute) runs.
  public func allowsInline(_ directive: String) -> Bool {
    guard let (_, sources) = governing(directive) else { return true }
    let keyed = sources.contains { $0.hasPrefix("'nonce-") || $0.hasPrefix("'sha") }
    return sources.contains("'unsafe-inline'") && !keyed
  }

  /// The directive as a reader would look it up in the theme: `img-src 'self' data:`.
  public func describe(_ directive: String) -> String {
    guard let (name, sources) = governing(directive) else { return directive }
    return ([name] + sources).joined(separator: " ")
  }
}
