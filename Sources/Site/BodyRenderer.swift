import Content
import Diagnostics
import DomainNames
import Foundation
import Markdown

/// What every page's body needs to know about the rest of the site, shared read-only by the
/// workers that render bodies in parallel.
struct BodyContext: Sendable {
  var options: MarkdownOptions
  var urls: URLScheme
  /// Content-relative path of every page (`initiatives/foo.md`) → its URL.
  var urlForFile: [String: String]
  var glossary: GlossaryMatcher
  /// The glossary's English names (`english:`), marked `lang="en"` where bodies use them.
  var english = GlossaryMatcher(phrases: [], language: "en")
  /// The pixel sizes of the site's images, by address (`ImageAttributes`).
  var imageSizes: [String: ImageSize] = [:]
  /// The site's own origins, `https://host` and `http://host` of `base_url` (lower case), each
  /// with the base path it is published under: an address under that path that begins with
  /// one is a link within the site, copied from the browser with its host. A `--base-url`
  /// preview has site.yml's too, whose base path stands for the preview's.
  var ownOrigins: [(origin: String, basePath: String)] = []
  /// What a body's link to another site ends with (`（外部のサイト）` on a Japanese site);
  /// empty: nothing.
  var otherSiteNote = ""
  /// The ids a heading never takes: the layout's own (`reservedLayoutIDs`) and those the theme's
  /// templates write (`ThemeIDs.literal`).
  var reservedIDs = reservedLayoutIDs
}

extension BodyContext {
  /// The origins `base_url` is reached at: its scheme and host (and port), and the same with
  /// the other of http and https, as writers copy either.
  static func origins(ofBase baseURL: String) -> [(origin: String, basePath: String)] {
    let (scheme, authority, path) = SiteBaseAddress.parts(baseURL)
    guard scheme == "https" || scheme == "http", !authority.isEmpty else { return [] }
    let host = authority.lowercased()
    let basePath = URLScheme(basePath: path.isEmpty ? "/" : path).basePath
    return [("https://" + host, basePath), ("http://" + host, basePath)]
  }

  /// The root-relative address of `raw` when it is an address of this site written with its
  /// origin (`https://dx.pref.chiba.example/dx/events/` → `/dx/events/`), under the base
  /// path; nil for every other address (the prefecture's own pages beside the portal, on the
  /// same host, stay as written).
  func ownAddress(_ raw: String) -> String? {
    // Most links are relative (`../x.md`): no copy of their start is made to compare.
    guard let first = raw.utf8.first, first | 0x20 == UInt8(ascii: "h") else { return nil }
    for (origin, basePath) in ownOrigins where raw.utf8.count >= origin.utf8.count {
      let head = raw.prefix(origin.count)
      guard head.lowercased() == origin else { continue }
      var rest = String(raw.dropFirst(origin.count))
      if rest.isEmpty || rest.hasPrefix("?") || rest.hasPrefix("#") { rest = "/" + rest }
      guard rest.hasPrefix("/") else { continue }
      let path = rest.prefix { $0 != "?" && $0 != "#" }
      if path + "/" == basePath {
        rest.insert("/", at: rest.index(rest.startIndex, offsetBy: path.count))
      }
      guard rest.hasPrefix(basePath) else { continue }
      // Under this site's own base path (a preview's, for the published host's).
      return urls.basePath + rest.dropFirst(basePath.count)
    }
    return nil
  }
}

extension BodyContext {
  /// Whether `raw`, a link kept as written, leads to another site: an `http`, `https` or
  /// `//` address whose host is not `base_url`'s. The prefecture's own pages beside the
  /// portal, on its host, are not another site; `mailto:`, `tel:` and the like lead to none.
  func isOtherSite(_ raw: String) -> Bool {
    var authority: Substring
    if raw.hasPrefix("//") {
      authority = raw.dropFirst(2)
    } else {
      let (scheme, rest, _) = SiteBaseAddress.parts(raw)
      guard scheme == "http" || scheme == "https" else { return false }
      authority = Substring(rest)
    }
    authority = authority.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
    let host = Authority(authority).host.lowercased()
    guard !host.isEmpty else { return false }
    return !ownOrigins.contains {
      Authority(SiteBaseAddress.parts($0.origin).authority).host == host
    }
  }

  /// The note a body's link to another site ends with, in the site's language.
  static func otherSiteNote(language: String) -> String {
    language.lowercased().hasPrefix("ja") ? "（外部のサイト）" : " (another site)"
  }

  /// The content path of the page at `path` below the site's root (`strategy/basics/`, or
  /// without its last `/`), as `Site.index(atAddress:)` finds it once the site is made: looked
  /// for among the files' URLs only for an address with a `#…`, so no map the other way is
  /// made in every build.
  func page(atAddress path: String) -> String? {
    let url = urls.url(path)
    let folder = path.hasSuffix("/") ? url : url + "/"
    return urlForFile.first { $0.key.hasSuffix(".md") && ($0.value == url || $0.value == folder) }?
      .key
  }
}

/// Ids the page templates use themselves; headings in the body never take them.
let reservedLayoutIDs: Set<String> = [
  "main", "main-content", "toc", "page-title", "related", "glossary-terms", "breadcrumbs", "search",
  "site-header", "site-footer", "furigana-toggle", "events", "upcoming", "past",
]

/// A link in a body to a content file that is not a page of the build.
struct MissingLink: Sendable, Equatable {
  /// As written.
  var url: String
  /// The content-relative path it points to.
  var target: String
  var line: Int
  var column: Int
  /// The link's text, by which the page meant may be found when its file name is far off.
  var text = ""
  /// Written without `.md` (`smart-agriculture`): `target` is the page meant, which the
  /// browser would look for under the linking page's own address.
  var withoutExtension = false
}

enum BodyRenderer {
  struct Output: Sendable {
    var html: String
    var headings: [Heading]
    var plainText: String
    var glossaryTerms: [String]
    var links: [SourceLink]
    /// Links to content files that are not pages of the build: reported by the resolver,
    /// which knows why (a draft, a file with errors, or none at all), outside the memo.
    var missing: [MissingLink]
    /// What the page says of itself: HTML it leaves out (`LeftOutHTML`).
    var warnings: [Diagnostic]
    /// The ids a link's `#…` may name in the body (`HeadingLinks`).
    var anchors: [String] = []
    /// Links to a heading of a page of the build, checked once every page's anchors are known.
    var headingLinks: [HeadingLink] = []
    /// Links written as addresses of the site, checked once every output is planned.
    var addressLinks: [AddressLink] = []
  }

  /// Parses a body with cmark-gfm and applies the site's transforms: `.md` links to URLs, ruby,
  /// glossary links and heading ids. Link problems are reported at their line in the file.
  static func render(_ page: Page, context: BodyContext) -> Output {
    let doc = MarkdownDocument(page.body, options: context.options)
    let leftOut = LeftOutHTML.find(in: doc, body: page.body, options: context.options)
    doc.trimBareAddresses()
    var missing: [MissingLink] = []
    let directory = page.relativePath.split(separator: "/").dropLast().joined(separator: "/")
    let pageURL = context.urlForFile[page.relativePath]
    var links: [SourceLink] = []
    var headingLinks: [HeadingLink] = []
    var addressLinks: [AddressLink] = []
    var addressSlips: [Diagnostic] = []
    doc.rewriteLinks(otherSiteNote: context.otherSiteNote) { link in
      let line = link.line + page.bodyLine - 1
      if let meant = AddressSlips.meant(link.url) {
        addressSlips.append(
          AddressSlips.error(url: link.url, meant: meant, in: page, line: line, column: link.column)
        )
      }
      var result: String?
      var otherSite = false
      switch resolve(link.url, from: directory, page: pageURL, context: context) {
      case .keep:
        result = nil
        otherSite = context.isOtherSite(link.url)
        if link.url.hasPrefix("#") {
          headingLinks += HeadingLink(
            link.url, to: page.relativePath, line: line, column: link.column)
        }
      case .rewrite(let url, let target):
        result = url
        if let target {
          headingLinks += HeadingLink(link.url, to: target, line: line, column: link.column)
        }
      case .address(let rewritten, let path):
        result = rewritten
        addressLinks.append(
          AddressLink(
            url: link.url, path: path, line: line, column: link.column, isImage: link.isImage))
        // `/strategy/basics/#期間`: a heading of a page, checked as `basics.md#期間` is.
        if link.url.utf8.contains(UInt8(ascii: "#")),
          let target = context.page(atAddress: path)
        {
          headingLinks += HeadingLink(link.url, to: target, line: line, column: link.column)
        }
      case .missing(let target):
        missing.append(
          MissingLink(
            url: link.url, target: target, line: line, column: link.column, text: link.text))
      case .pageWithoutExtension(let target):
        missing.append(
          MissingLink(
            url: link.url, target: target, line: line, column: link.column, withoutExtension: true))
      }
      links.append(
        SourceLink(
          url: result ?? link.url, text: link.text, image: link.isImage, line: line,
          column: link.column))
      return (result, otherSite)
    }
    doc.restoreGlossaryMarks(context.glossary)
    let unknownCallouts = doc.applyCallouts()
    doc.applyRuby()
    doc.joinJapaneseLines()
    var ownSlug: String?
    if case .glossary = page.meta { ownSlug = page.slug }
    let linked = doc.linkGlossary(
      context.glossary, excluding: ownSlug, english: context.english)
    doc.markLanguage(context.english)
    var headings = doc.assignHeadingIDs(reserved: context.reservedIDs)
    for i in headings.indices { headings[i].line += page.bodyLine - 1 }
    let rendered = doc.renderHTMLWithMarks()
    let html = ImageAttributes.apply(
      rendered.html, marks: rendered.marks, sizes: context.imageSizes)
    return Output(
      html: html, headings: headings,
      plainText: doc.plainText(),
      glossaryTerms: linked.map { context.glossary.targets[$0].slug }, links: links,
      missing: missing,
      warnings: LeftOutHTML.warnings(leftOut, in: page)
        + CalloutWarnings.warnings(unknownCallouts, in: page) + addressSlips
        + headings.compactMap {
          Placeholders.heading($0.text, file: page.path, line: $0.line, column: $0.column)
        },
      anchors: HeadingLinks.anchors(headings: headings, html: html), headingLinks: headingLinks,
      addressLinks: addressLinks)
  }

  /// Whether `raw` contains `://` (an address with a host), on its bytes: Foundation's
  /// `contains` compares Characters, for every link of every body.
  static func hasScheme(_ raw: String) -> Bool {
    var colon = false
    var slashes = 0
    for byte in raw.utf8 {
      if byte == UInt8(ascii: "/"), colon {
        slashes += 1
        if slashes == 2 { return true }
      } else {
        colon = byte == UInt8(ascii: ":")
        slashes = 0
      }
    }
    return false
  }

  /// Whether every byte is ASCII: then each byte but CR before LF is a Character of its own,
  /// and a search for `#` or `/` may compare bytes instead of Characters (a fifth of resolving
  /// a link).
  static func isASCII(_ text: String) -> Bool { text.utf8.allSatisfy { $0 < 0x80 } }

  /// `text.split(separator: "/")`, on the bytes when the text is ASCII (every address of the
  /// shipped and benchmark sites).
  static func splitAtSlashes(_ text: String) -> [Substring] {
    guard isASCII(text) else { return text.split(separator: "/") }
    let utf8 = text.utf8
    var pieces: [Substring] = []
    var start = utf8.startIndex
    var i = start
    while i != utf8.endIndex {
      if utf8[i] == UInt8(ascii: "/") {
        if start != i { pieces.append(text[start..<i]) }
        start = utf8.index(after: i)
      }
      i = utf8.index(after: i)
    }
    if start != utf8.endIndex { pieces.append(text[start..<utf8.endIndex]) }
    return pieces
  }

  enum Resolution {
    case keep
    /// The URL to write; `page` is the content path of the page it leads to, when the link
    /// names a `#…` of it (`HeadingLinks` checks it).
    case rewrite(String, page: String? = nil)
    case missing(String)
    /// A page's file named without `.md`, where the browser would not find the page.
    case pageWithoutExtension(String)
    /// An address of the built site, neither a content file nor a published file: the URL to
    /// write (nil: as written) and the path it names below the site's root (`AddressLinks`).
    case address(String?, path: String)
  }

  /// Resolves a link written in Markdown. Relative links to `.md` files and to published
  /// files become their URLs, and so do the same written from the content folder's root
  /// (`/initiatives/x.md`, `/files/a.pdf`, even `/content/…`); other root-relative links get
  /// the base path, unless they hold it already (`/dx/events/`, copied from the browser);
  /// everything else is left as written. Addresses of the site, root-relative or relative to
  /// the page's own (`pageURL`: `../smart-agriculture/`), are `.address`, for `AddressLinks`.
  static func resolve(
    _ raw: String, from directory: String, page pageURL: String? = nil, context: BodyContext
  ) -> Resolution {
    // cmark-gfm empties such addresses only while raw HTML is off (its "safe" mode); trusting
    // writers' HTML is not trusting `javascript:` in every Markdown link, so they are emptied
    // here as cmark-gfm would.
    if context.options.allowRawHTML, UnsafeAddresses.isDangerous(raw) { return .rewrite("") }
    // `https://dx.pref.chiba.example/events/` copied from the browser: the site's own address,
    // checked as `/events/` is and written so (a preview's link stays in the preview).
    if !context.ownOrigins.isEmpty, let own = context.ownAddress(raw) {
      switch resolve(own, from: directory, page: pageURL, context: context) {
      case .address(nil, let path): return .address(own, path: path)
      case let resolved: return resolved
      }
    }
    // `//host/…` is another site's address, without its scheme.
    if raw.isEmpty || raw.hasPrefix("#") || hasScheme(raw) || raw.hasPrefix("//")
      || raw.hasPrefix("mailto:")
      || raw.hasPrefix("tel:")
      || raw.hasPrefix("data:")
    {
      return .keep
    }
    var path = raw
    var fragment = ""
    let hashAt = isASCII(raw) ? raw.utf8.firstIndex(of: UInt8(ascii: "#")) : raw.firstIndex(of: "#")
    if let hash = hashAt {
      path = String(raw[..<hash])
      fragment = String(raw[hash...])
    }
    let isPage = path.lowercased().hasSuffix(".md")
    let decoded = path.utf8.contains(0x25) ? path.removingPercentEncoding ?? path : path
    var directory = directory
    if raw.hasPrefix("/") {
      let basePath = context.urls.basePath
      // The base path without its last slash (`/dx`, `/dx?q=1`) is the home page, as
      // `/events` is the list: made `/dx/dx`, it led nowhere.
      if basePath != "/", decoded.prefix(while: { $0 != "?" }) + "/" == basePath {
        let query = path.firstIndex(of: "?").map { String(path[$0...]) } ?? ""
        return .address(basePath + query + fragment, path: "")
      }
      var fromRoot = Substring(decoded)
      if basePath != "/", fromRoot.hasPrefix(basePath) {
        fromRoot = fromRoot.dropFirst(basePath.count)
      }
      fromRoot = fromRoot.drop { $0 == "/" }
      if fromRoot.hasPrefix("content/") { fromRoot = fromRoot.dropFirst("content/".count) }
      guard isPage || fromRoot.hasPrefix(ContentFiles.folder + "/") else {
        // `/events/../strategy/` is `/strategy/`, as the browser reads it.
        let named = Self.removingDotSegments(String(fromRoot.prefix { $0 != "?" }))
        if basePath == "/" || raw.hasPrefix(basePath) { return .address(nil, path: named) }
        return .address(basePath + raw.dropFirst(), path: named)
      }
      directory = ""
      path = String(fromRoot)
    }
    // Pieces of the two strings, joined once: a String made of each was a tenth of resolving
    // a link.
    var parts = splitAtSlashes(directory)
    let relative = raw.hasPrefix("/") ? path : decoded
    for component in splitAtSlashes(relative) {
      if component == ".." {
        if parts.isEmpty {
          return isPage ? .missing(relative) : address(relative, from: pageURL, context: context)
        }
        parts.removeLast()
      } else if component != "." {
        parts.append(component)
      }
    }
    let target = parts.joined(separator: "/")
    if let url = context.urlForFile[target] {
      return .rewrite(url + fragment, page: isPage && fragment.count > 1 ? target : nil)
    }
    // `[…](smart-agriculture)` for smart-agriculture.md: the browser would look for it under
    // the linking page's own address (/initiatives/sme-dx/smart-agriculture), where no page is.
    if !isPage, !raw.hasPrefix("/"), !target.isEmpty, context.urlForFile[target + ".md"] != nil {
      return .pageWithoutExtension(target + ".md")
    }
    // Another kind of file is a page's, a theme's or the server's, unless it is meant to be
    // one of the published files: in files/, or of a type only files/ publishes
    // (`files/map.png` written from initiatives/ for `../files/map.png`).
    guard
      isPage || target.hasPrefix(ContentFiles.folder + "/")
        || ContentFiles.extensions.contains(ContentFiles.fileExtension(target))
    else { return address(relative, from: pageURL, context: context) }
    return .missing(target)
  }

  /// A path below the site's root with its `.` and `..` resolved (`events/../strategy/` →
  /// `strategy/`; `..` above the root stays at the root), its last `/` kept.
  static func removingDotSegments(_ path: String) -> String {
    let pieces = path.split(separator: "/", omittingEmptySubsequences: false)
    guard pieces.contains(where: { $0 == "." || $0 == ".." }) else { return path }
    return joining(pieces, onto: [])
  }

  /// `pieces` of a path followed from the folder `parts` (below the site's root): `..` climbs
  /// (above the root, as above any server's root, is the root), `.` and empty pieces stay;
  /// a last `/`, `.` or `..` makes the result a folder, written with its `/`.
  static func joining(_ pieces: [Substring], onto parts: [Substring]) -> String {
    var parts = parts
    for piece in pieces {
      if piece == ".." {
        if !parts.isEmpty { parts.removeLast() }
      } else if piece != "." && !piece.isEmpty {
        parts.append(piece)
      }
    }
    let folder = pieces.last.map { $0.isEmpty || $0 == "." || $0 == ".." } ?? true
    return parts.joined(separator: "/") + (folder && !parts.isEmpty ? "/" : "")
  }

  /// A relative address (`../smart-agriculture/`, decoded) as the browser resolves it from
  /// the page at `pageURL`: the path below the site's root it names; kept as written.
  static func address(_ relative: String, from pageURL: String?, context: BodyContext)
    -> Resolution
  {
    // `sms:…`, `javascript:…`: a scheme (a relative address has no `:` before its first `/`).
    guard let pageURL, !relative.prefix(while: { $0 != "/" }).contains(":") else { return .keep }
    let basePath = context.urls.basePath
    let own = pageURL.hasPrefix(basePath) ? pageURL.dropFirst(basePath.count) : Substring(pageURL)
    var parts = own.split(separator: "/")
    // A page's address ends with `/`: each of its parts is a folder.
    if !own.hasSuffix("/"), !parts.isEmpty { parts.removeLast() }
    let pieces = relative.prefix { $0 != "?" }.split(
      separator: "/", omittingEmptySubsequences: false)
    return .address(nil, path: joining(pieces, onto: parts))
  }
}
