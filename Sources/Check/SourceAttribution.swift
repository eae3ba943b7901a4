import Diagnostics
import Foundation

/// Decides where each problem is reported, best first: the Markdown line the source map
/// records for a body link, image or heading; the Markdown file where a front-matter URL is
/// written; the literal attribute in the page's template (or its layout and partials); the
/// template itself; and only when the page has no map entry, the HTML file's own line:column.
///
/// The source map is read when a problem first needs it: a site without problems (the usual
/// check in CI) never decodes it, which was a tenth of a check of 10,000 pages, on one core.
final class Attributor: @unchecked Sendable {
  let files: TextFiles
  let templates: TemplateSearch
  /// The site folder as shown to the user (e.g. `site`), to name HTML files.
  let siteFolder: String
  let site: URL
  private let projectRoot: URL
  private let lock = NSLock()
  /// Set once, under the lock.
  private var loaded: (map: SourceMap?, problem: Diagnostic?)?

  init(projectRoot: URL, site: URL) {
    self.projectRoot = projectRoot
    self.files = TextFiles(root: projectRoot)
    self.templates = TemplateSearch(files: files)
    self.site = site
    self.siteFolder = Paths.display(site, relativeTo: projectRoot)
  }

  /// The site's source map, read on first use.
  var map: SourceMap? { load().map }

  /// A warning when the site's sources changed after it was built (a build that failed
  /// leaves the previous site): the lines named may have moved, and a check without problems
  /// is of the site as it was, not of what the files now say. Files saved since with the bytes
  /// the build recorded are no change (`StaleSources`).
  var staleSources: Diagnostic? {
    guard
      let builtAt = StaleSources.modified(site.appendingPathComponent(SourceMap.relativePath).path)
    else { return nil }
    let stale = StaleSources(files: files, site: site, builtAt: builtAt)
    // When a problem needed the map, its sources are the files the lines are in; otherwise
    // the project's content, theme and static folders, looked at without decoding the map
    // unless a file was saved after the build.
    let placed = lock.withLock { loaded?.map }
    let changed: [String]
    if let placed {
      let named = Set(placed.pages.values.flatMap { [$0.source, $0.template].compactMap { $0 } })
      changed = stale.changed(stale.saved(named)) { SourceMap.hashes(site: site) }
    } else {
      let folders = ["content", "theme", "static"]
      changed = stale.changed(
        folders.flatMap(stale.saved(under:)),
        removedUnder: folders.map {
          projectRoot.appendingPathComponent($0).standardizedFileURL.path
        }
      ) {
        SourceMap.hashes(site: site).merging(StaleSources.staticCopies(site: site)) { a, _ in a }
      }
    }
    guard !changed.isEmpty else { return nil }
    return StaleSources.warning(
      changed, site: siteFolder, linesNamed: placed != nil, shown: displaySource)
  }

  /// Why the source map could not be read, if it was needed and could not.
  var mapProblem: Diagnostic? {
    lock.lock()
    defer { lock.unlock() }
    return loaded?.problem
  }

  private func load() -> (map: SourceMap?, problem: Diagnostic?) {
    lock.lock()
    defer { lock.unlock() }
    if let loaded { return loaded }
    let result = SourceMap.load(site: site, projectRoot: projectRoot)
    loaded = result
    return result
  }

  /// `html` is the page's bytes when already read; otherwise they are read if a problem needs
  /// an HTML position.
  func forPage(_ page: String, html: [UInt8]? = nil) -> PageAttribution {
    PageAttribution(shared: self, page: page, htmlBytes: html)
  }

  func displaySource(_ path: String) -> String {
    path.hasPrefix("/") ? Paths.display(URL(fileURLWithPath: path), relativeTo: files.root) : path
  }
}

/// Attribution for one page. Entries of the source map are used up in document order, so the
/// second broken link to the same URL points at the second place it was written.
struct PageAttribution {
  let shared: Attributor
  let page: String
  /// The page's entry in the source map, which is read when first asked for.
  var entry: SourceMap.Page? { shared.map?.pages[page] }
  private var htmlBytes: [UInt8]?
  private var html: LineIndex?
  private var used: [String: Int] = [:]
  /// The map's links by kind and decoded URL, and its headings by text, made when first asked
  /// for: going through all of them for each problem took minutes on a page of thousands.
  private var linksByURL: [String: [SourceMap.Link]]?
  private var headingsByText: [String: [SourceMap.Heading]]?

  init(shared: Attributor, page: String, htmlBytes: [UInt8]?) {
    self.shared = shared
    self.page = page
    self.htmlBytes = htmlBytes
  }

  /// A URL in an attribute (`href`, `src`, …) at `offset` in the page.
  mutating func reference(_ url: String, element: String, attribute: String, offset: Int)
    -> Placement
  {
    let isImage = element == "img" && attribute == "src"
    if let link = nextLink(url, image: isImage) { return link }
    if let literal = sourceLiteral(url) { return literal }
    // A `srcset` holds its addresses with their widths (`logo@2x.png 2x, …`): found by the
    // start of its value, else by the address alone, not the page template's line 1.
    let srcset = attribute == "srcset" ? ["srcset=\"\(url)", url] : []
    return template(
      needles: [
        attributeNeedle(attribute, url, escaped: true),
        attributeNeedle(attribute, url, escaped: false),
      ] + srcset, offset: offset)
  }

  /// A body link (by URL and, when given, its text) or image (by `src`) written in Markdown.
  mutating func nextLink(_ url: String, image: Bool, text: String? = nil) -> Placement? {
    guard let entry, let source = entry.source else { return nil }
    // The map may hold the URL as written while the HTML has it percent-encoded (cmark
    // encodes non-ASCII in hrefs), so compare decoded forms.
    let wanted = URLResolver.decode(url)
    if linksByURL == nil {
      linksByURL = Dictionary(grouping: entry.links) {
        Self.linkKey($0.image, URLResolver.decode($0.url))
      }
    }
    let candidates = linksByURL![Self.linkKey(image, wanted)] ?? []
    let preferred =
      text.map { t in candidates.filter { normalized($0.text) == normalized(t) } } ?? []
    let list = preferred.isEmpty ? candidates : preferred
    let key = "\(image ? "i" : "a")|\(wanted)|\(preferred.isEmpty ? "" : text ?? "")"
    let n = used[key, default: 0]
    guard n < list.count else { return nil }
    used[key] = n + 1
    let link = list[n]
    return Placement(
      location: SourceLocation(
        file: shared.displaySource(source), line: link.line, column: link.column),
      namesPage: false)
  }

  private static func linkKey(_ image: Bool, _ decoded: String) -> String {
    (image ? "i|" : "a|") + decoded
  }

  /// A heading written in Markdown, by level and text (furigana markup and spaces ignored).
  mutating func heading(level: Int, text: String) -> Placement? {
    guard let entry, let source = entry.source else { return nil }
    let wanted = normalized(text)
    if headingsByText == nil {
      headingsByText = Dictionary(grouping: entry.headings) { normalized($0.text) }
    }
    let sameText = headingsByText![wanted] ?? []
    let sameLevel = sameText.filter { $0.level == level }
    let list = sameLevel.isEmpty ? sameText : sameLevel
    let key = "h\(sameLevel.isEmpty ? 0 : level)|\(wanted)"
    let n = used[key, default: 0]
    guard n < list.count else { return nil }
    used[key] = n + 1
    let h = list[n]
    return Placement(
      location: SourceLocation(file: shared.displaySource(source), line: h.line, column: h.column),
      namesPage: false)
  }

  /// Where the page's Markdown writes `url` literally, e.g. a `links:` entry in front matter.
  func sourceLiteral(_ url: String) -> Placement? {
    guard url.count > 1, let source = entry?.source, let index = shared.files.index(source),
      let (line, column) = index.position(ofFirst: url, bounded: true)
        ?? index.position(ofFirst: URLResolver.display(url), bounded: true)
    else { return nil }
    return Placement(
      location: SourceLocation(file: shared.displaySource(source), line: line, column: column),
      namesPage: false)
  }

  /// The first needle found in the template chain; else the template, line 1; else the HTML.
  /// With `inSource`, the page's Markdown is searched first, for raw HTML written there.
  mutating func template(needles: [String], offset: Int, inSource: Bool = false) -> Placement {
    // The element's own opening tag as the page has it, when the template writes it literally
    // (`<button type="submit">`), before the bare tag name: the first `<button` of the
    // template chain may be another button.
    var needles = needles
    if let tag = htmlIndex().openingTag(at: offset), !needles.contains(tag) {
      needles.insert(tag, at: 0)
    }
    if inSource, let source = entry?.source, let index = shared.files.index(source) {
      for needle in needles where !needle.isEmpty {
        if let (line, column) = index.position(ofFirstOutsideCode: needle) {
          return Placement(
            location: SourceLocation(
              file: shared.displaySource(source), line: line, column: column),
            namesPage: false)
        }
      }
    }
    if let template = entry?.template {
      if let found = shared.templates.locate(needles, template: template) {
        return Placement(location: found, namesPage: true)
      }
      return Placement(location: SourceLocation(file: template), namesPage: true)
    }
    return htmlPosition(offset)
  }

  /// The page's own HTML file at `offset`.
  mutating func htmlPosition(_ offset: Int) -> Placement {
    let (line, column) = htmlIndex().position(of: offset)
    return Placement(
      location: SourceLocation(file: shared.siteFolder + "/" + page, line: line, column: column),
      namesPage: false)
  }

  /// The page's HTML, read on first use.
  mutating func htmlIndex() -> LineIndex {
    if let html { return html }
    let url = shared.site.appendingPathComponent(page)
    let index = LineIndex(
      htmlBytes ?? FileManager.default.contents(atPath: url.path).map(Array.init) ?? [])
    html = index
    htmlBytes = nil
    return index
  }

  func attributeNeedle(_ attribute: String, _ value: String, escaped: Bool) -> String {
    let v = escaped ? value.replacingOccurrences(of: "&", with: "&amp;") : value
    return "\(attribute)=\"\(v)\""
  }

  /// Text compared without spaces and with `{漢字|かんじ}` furigana reduced to the base text.
  func normalized(_ text: String) -> String {
    var out = ""
    var inReading = false
    for c in text {
      switch c {
      case "{": continue
      case "|": inReading = true
      case "}": inReading = false
      case _ where c.isWhitespace: continue
      default: if !inReading { out.append(c) }
      }
    }
    return out
  }
}

extension LineIndex {
  /// The first occurrence of `needle` not glued to other URL characters, so `…/doc/0` does not
  /// match inside `…/doc/01`.
  func position(ofFirst needle: String, bounded: Bool) -> (line: Int, column: Int)? {
    guard bounded else { return position(ofFirst: needle) }
    return position(ofFirst: needle) { !Self.isURLByte($0) && !Self.isURLByte($1) }
  }

  static func isURLByte(_ b: UInt8?) -> Bool {
    guard let b, b < 0x80 else { return false }
    let c = Character(Unicode.Scalar(b))
    return c.isLetter || c.isNumber || "-._~/?#@!$&*+,;=%:".contains(c)
  }
}
