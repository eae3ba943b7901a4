import Content
import Diagnostics
import Markdown
import Parallel

/// Builds the `Site` from loaded content: URLs first, then every body in parallel, then the
/// relations derived from front matter (field → initiatives, initiative → events, …).
public enum Resolver {
  /// - Parameter memo: bodies of an earlier build; a page whose body and surroundings (URLs of
  ///   all files, glossary, options) are unchanged takes its body from there instead of being
  ///   parsed again. A remembered body may be a stub without HTML (from the on-disk cache); fill
  ///   it with `fillBodies` before rendering that page.
  /// - Parameter themeIDs: the ids the theme's templates write, which no heading of a body
  ///   takes.
  public static func resolve(
    _ content: ContentSet, now: DateTime, memo: BodyMemo? = nil, themeIDs: ThemeIDs = ThemeIDs()
  ) -> (Site, [Diagnostic]) {
    let config = content.config
    let urls = URLScheme(basePath: config.basePath)
    var diagnostics: [Diagnostic] = []

    // 1. URLs, and what every body needs to know about the others.
    let context = bodyContext(
      content.pages, files: content.files, config: config, urls: urls, themeIDs: themeIDs)
    let contextKey = context.fingerprint

    // 2. Bodies, in parallel.
    let outputs: [(ResolvedBody, UInt64)] = content.pages.parallelMap { page in
      let key = bodyKey(page, hashes: content.hashes[page.relativePath], context: contextKey)
      if let body = memo?.body(page.relativePath, key: key) { return (body, key) }
      let body = ResolvedBody(BodyRenderer.render(page, context: context))
      memo?.store(page.relativePath, key: key, body: body)
      return (body, key)
    }
    memo?.keep(only: content.pages.map(\.relativePath))
    var pages: [ResolvedPage] = []
    pages.reserveCapacity(content.pages.count)
    let known = KnownFiles(Array(context.urlForFile.keys), pages: content.pages)
    for (page, (out, key)) in zip(content.pages, outputs) {
      diagnostics += linkProblems(
        out.missing, in: page, context: context, withheld: content.withheld, known: known)
      diagnostics += out.warnings
      let u = context.urlForFile[page.relativePath]!
      pages.append(
        ResolvedPage(
          page: page, url: u, outputPath: urls.outputPath(forURL: u), bodyHTML: out.html ?? "",
          headings: out.headings,
          plainText: out.plainText, glossaryTerms: out.glossaryTerms, links: out.links,
          bodyIsStub: out.html == nil, bodyKey: key, bodyWarnings: out.warnings,
          anchors: out.anchors, headingLinks: out.headingLinks, addressLinks: out.addressLinks))
    }

    diagnostics += brokenFilesLinks(content, context: context, known: known)

    var site = Site(
      config: config, urls: urls, now: now, pages: pages, domains: [], strategyRoots: [],
      strategyChildren: [:],
      initiatives: [], upcomingEvents: [], pastEvents: [], glossary: [], eventsByInitiative: [:],
      relatedInitiatives: [:])
    site.bodyContextKey = contextKey
    site.bodyContext = context
    site.files = content.files
    for (i, p) in pages.enumerated() { site.lookup[PageKey(kind: p.kind, slug: p.slug)] = i }
    derive(&site)
    diagnostics += Taxonomy.problems(site)
    let (redirects, redirectProblems) = Redirects.resolve(site.pages, config: config, urls: urls)
    site.redirects = redirects
    diagnostics += redirectProblems
    return (site, diagnostics)
  }

  /// Renders the bodies of stub pages (remembered without HTML) before their pages are rendered,
  /// and remembers them in full.
  public static func fillBodies(
    _ site: inout Site, pages indices: [Int], memo: BodyMemo?
  ) {
    let stubs = indices.filter { site.pages[$0].bodyIsStub }
    guard !stubs.isEmpty else { return }
    let context =
      site.bodyContext
      ?? bodyContext(
        site.pages.map(\.page), files: site.files, config: site.config, urls: site.urls)
    let pages = site.pages
    let outputs = stubs.parallelMap { BodyRenderer.render(pages[$0].page, context: context) }
    for (i, out) in zip(stubs, outputs) {
      site.pages[i].bodyHTML = out.html
      site.pages[i].headings = out.headings
      site.pages[i].links = out.links
      site.pages[i].bodyIsStub = false
      site.pages[i].bodyWarnings = out.warnings
      site.pages[i].anchors = out.anchors
      site.pages[i].headingLinks = out.headingLinks
      site.pages[i].addressLinks = out.addressLinks
      memo?.store(
        site.pages[i].page.relativePath, key: site.pages[i].bodyKey, body: ResolvedBody(out))
    }
  }

  /// Renders one page's body again, as `resolve` would in this site: for an edit that leaves
  /// every other body as it was (the caller checks that: the page keeps its URL, and glossary
  /// names are unchanged). Nil when the site was not made by `resolve`.
  public static func renderBody(of page: Page, hashes: SourceHashes?, in site: Site) -> (
    body: ResolvedBody, key: UInt64
  )? {
    guard let context = site.bodyContext else { return nil }
    let key = bodyKey(page, hashes: hashes, context: site.bodyContextKey)
    return (ResolvedBody(BodyRenderer.render(page, context: context)), key)
  }

  /// Puts a body from `renderBody` in the site, with the new parse of its page, and remembers
  /// it.
  public static func replaceBody(
    _ site: inout Site, page i: Int, with page: Page, body: ResolvedBody, key: UInt64,
    memo: BodyMemo?
  ) {
    memo?.store(page.relativePath, key: key, body: body)
    site.pages[i].page = page
    site.pages[i].bodyHTML = body.html ?? ""
    site.pages[i].headings = body.headings
    site.pages[i].plainText = body.plainText
    site.pages[i].glossaryTerms = body.glossaryTerms
    site.pages[i].links = body.links
    site.pages[i].bodyIsStub = false
    site.pages[i].bodyKey = key
    site.pages[i].bodyWarnings = body.warnings
    site.pages[i].anchors = body.anchors
    site.pages[i].headingLinks = body.headingLinks
    site.pages[i].addressLinks = body.addressLinks
  }

  /// The key under which a page's body is remembered: everything its rendering reads.
  public static func bodyKey(_ page: Page, hashes: SourceHashes?, context: UInt64) -> UInt64 {
    var h = StableHash()
    h.add(context)
    h.add(hashes?.body ?? SourceHashes.part(page.body))
    h.add(page.bodyLine)
    h.add(page.path)
    h.add(page.relativePath)
    h.add(page.kind.rawValue)
    h.add(page.slug)
    return h.value
  }

  static func bodyContext(
    _ pages: [Page], files: [ContentFile], config: SiteConfig, urls: URLScheme,
    themeIDs: ThemeIDs = ThemeIDs()
  ) -> BodyContext {
    var urlForFile: [String: String] = [:]
    // Published files keep their path: `files/map.png` is at `<base>files/map.png`.
    for file in files { urlForFile[file.relativePath] = urls.file(file.relativePath) }
    for page in pages {
      if case .field(let m) = page.meta {
        urlForFile[page.relativePath] = urls.field(m.field.id)
      } else {
        urlForFile[page.relativePath] = urls.page(kind: page.kind, slug: page.slug)
      }
    }
    var glossaryTargets: [GlossaryLinkTarget] = []
    var english: [String] = []
    for page in pages {
      guard case .glossary(let m) = page.meta else { continue }
      glossaryTargets.append(
        GlossaryLinkTarget(
          slug: page.slug, url: urls.page(kind: .glossary, slug: page.slug), names: m.names))
      // Only Latin-script names can be told apart from the Japanese around them.
      if let name = m.english,
        name.utf8.contains(where: { ($0 | 0x20) >= 0x61 && ($0 | 0x20) <= 0x7A }),
        !english.contains(name)
      {
        english.append(name)
      }
    }
    return BodyContext(
      options: MarkdownOptions(allowRawHTML: config.allowRawHTML), urls: urls,
      urlForFile: urlForFile,
      glossary: GlossaryMatcher(glossaryTargets),
      english: GlossaryMatcher(phrases: english, language: "en"),
      imageSizes: ImageAttributes.sizes(of: files, urls: urls),
      ownOrigins: BodyContext.origins(ofBase: config.baseURL)
        + (config.publishedBaseURL.map(BodyContext.origins(ofBase:)) ?? []),
      otherSiteNote: BodyContext.otherSiteNote(language: config.language),
      reservedIDs: reservedLayoutIDs.union(themeIDs.literal))
  }
}
