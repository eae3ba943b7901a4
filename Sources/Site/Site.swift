import ByteFormats
import Content
import Diagnostics
import Markdown

/// A page with everything later stages need: its URL, the body rendered to HTML with links
/// resolved, its outline, plain text, and the glossary entries it links.
public struct ResolvedPage: Sendable {
  public var page: Page
  public var url: String
  public var outputPath: String
  public var bodyHTML: String
  public var headings: [Heading]
  /// Kept as the cache's bytes for pages carried over: read only for the search index.
  public var plainText: StoredText
  /// Slugs of the glossary entries linked from the body, in order of first use.
  public var glossaryTerms: [String]
  /// Links and images of the body with their final URL and position in the source file.
  public var links: [SourceLink]
  /// True while the body is known only from the incremental cache (no HTML, headings or
  /// links); `Resolver.fillBodies` renders it before the page is.
  public var bodyIsStub = false
  /// Everything the body's rendering read (`Resolver.bodyKey`), computed once per build for
  /// the bodies memo, the dependency hashes and the cache.
  public var bodyKey: UInt64 = 0
  /// What the body says of itself (`LeftOutHTML`): a body with any is not kept as a stub in
  /// the on-disk cache, so every build renders it and says it again.
  public var bodyWarnings: [Diagnostic] = []
  /// Ids a link's `#…` may name in the body, and the body's links that name one of a page
  /// (`HeadingLinks`); kept when the rendered body is let go, for the cache.
  public var anchors: [String] = []
  public var headingLinks: [HeadingLink] = []
  /// The body's links written as addresses of the site (`AddressLinks`), kept likewise.
  public var addressLinks: [AddressLink] = []

  // Inlinable, so `site.pages[i].slug` reads the page in place: an opaque getter made each
  // call copy the whole resolved page (ten retains and releases), in sorts and hashes of
  // 10,000 pages.
  @inlinable public var kind: ContentKind { page.kind }
  @inlinable public var slug: String { page.slug }
  @inlinable public var title: String { page.title }
}

/// A link as written in Markdown, after rewriting, with its position in the source file.
public struct SourceLink: Sendable, Hashable, Codable {
  public var url: String
  public var text: String
  public var image: Bool
  public var line: Int
  public var column: Int

  public init(url: String, text: String, image: Bool, line: Int, column: Int) {
    (self.url, self.text, self.image, self.line, self.column) = (url, text, image, line, column)
  }
}

public struct FieldNode: Sendable {
  public var config: FieldConfig
  public var domainID: String
  public var url: String
  /// Index into `Site.pages` of the field's vision, if written.
  public var vision: Int?
  /// Indexes into `Site.pages` of the field's initiatives, by title order in the file system.
  public var initiatives: [Int]
}

public struct DomainNode: Sendable {
  public var config: DomainConfig
  public var url: String
  public var fields: [FieldNode]
}

public struct GlossaryGroup: Sendable {
  /// The 五十音 row: あ, か, さ, … or "その他".
  public var row: String
  public var entries: [Int]
}

/// A tag and the pages carrying it: what residents browse at /tags/<tag>/.
public struct TagNode: Sendable, Hashable {
  /// The tag as pages carry it (`Tags.name`).
  public var name: String
  /// Its reading in hiragana, which orders it; nil when none is known (listed under その他).
  public var reading: String?
  /// The 五十音 row it is listed under: あ, か, …, その他.
  public var row: String
  public var url: String
  public var outputPath: String
  /// Indexes into `Site.pages`: by kind in `Site.tagKinds` order, and within a kind as that
  /// kind's own list orders them (events upcoming first).
  public var pages: [Int]
}

/// The past events of one year (by their start, in its own offset), newest first.
public struct PastEventYear: Sendable, Hashable {
  public var year: Int
  public var events: [Int]
}

/// The resolved site: every page with its URL and the relations derived between pages, so that
/// writers keep each relation on one side only.
public struct Site: Sendable {
  public var config: SiteConfig
  public var urls: URLScheme
  public var now: DateTime
  public var pages: [ResolvedPage]
  public var domains: [DomainNode]
  /// Strategy pages at the top level, in `order`.
  public var strategyRoots: [Int]
  /// Children of each strategy page, by slug, in `order`.
  public var strategyChildren: [String: [Int]]
  /// The strategy pages in reading order, as the document reads: each top-level page, then its
  /// children, depth first; what a page's previous and next links follow.
  public var strategyReading: [Int] = []
  public var initiatives: [Int]
  public var upcomingEvents: [Int]
  public var pastEvents: [Int]
  /// When the events page lists only some past events (`past_events_listed`), all of them by
  /// year, newest year first, each with a page of its own; else empty.
  public var pastEventYears: [PastEventYear] = []
  public var glossary: [GlossaryGroup]
  /// Events that name each initiative, by initiative slug, soonest first.
  public var eventsByInitiative: [String: [Int]]
  /// Initiatives that name each initiative as related, either side, by slug.
  public var relatedInitiatives: [String: [Int]]
  /// Pages whose body links each glossary entry, by entry slug, in page order; computed once
  /// because scanning every page for every entry was quadratic.
  public var termUsers: [String: [Int]] = [:]
  /// The files under `content/files/`, published as they are (`RenderJob.file`).
  public var files: [ContentFile] = []
  /// The pages' earlier addresses (`redirect_from`), in page order (`RenderJob.redirect`).
  public var redirects: [Redirect] = []
  /// Pages with an `updated` date or a `publish` time (`Page.listedChange`), newest first
  /// (then by path): 更新情報, the latest of them on the home page (`updatesOnHome`) and in the
  /// updates feed (`updatesInFeed`).
  public var updates: [Int] = []

  /// Every page about the site, by `order`, then those without one, each by title, then path:
  /// the list at /about/ (`URLScheme.index(.about)`), made while there is any.
  public var aboutPages: [Int] = []
  /// The pages about the site that every page's footer links (`footer`, true unless written
  /// otherwise), in the order of `aboutPages`.
  public var footerPages: [Int] = []

  /// Every tag in 五十音 order (`Taxonomy`): /tags/ lists them, each has a page of its own.
  public var tags: [TagNode] = []
  /// The kinds in the order a tag's page lists them: the menu's (`navigation`), then the rest.
  public var tagKinds: [ContentKind] = []

  public static let updatesOnHome = 5
  public static let updatesInFeed = 20
  /// A stable hash of what every body's rendering reads besides its own page (URLs of all
  /// files, glossary names, options): part of each body's cache key (`Resolver.bodyKey`).
  public var bodyContextKey: UInt64 = 0

  public func index(of kind: ContentKind, slug: String) -> Int? {
    lookup[PageKey(kind: kind, slug: slug)]
  }

  /// The page at `path` below the site's root (`strategy/basics/`, or without its last `/`),
  /// for a link written as an address; looked for page by page, as only links that lead
  /// nowhere or name a heading ask.
  public func index(atAddress path: String) -> Int? {
    let outputs = AddressLinks.candidates(path)
    return pages.firstIndex { outputs.contains($0.outputPath) }
  }

  /// Every event, upcoming and past, by slug: the order of the calendar of all events. The
  /// slugs are taken out once and sorted side by side with the indices (sorting through the
  /// pages read each slug in another page for every comparison: 6 ms at 1,800 events).
  public var eventsBySlug: [Int] {
    var keyed = (upcomingEvents + pastEvents).map { (slug: pages[$0].slug, index: $0) }
    keyed.sort { $0.slug < $1.slug }
    return keyed.map(\.index)
  }

  public func page(_ kind: ContentKind, _ slug: String) -> ResolvedPage? {
    index(of: kind, slug: slug).map { pages[$0] }
  }

  /// The strategy pages before and after page `i` in reading order (`strategyReading`).
  public func strategyNeighbours(of i: Int) -> (previous: Int?, next: Int?) {
    guard let at = strategyReading.firstIndex(of: i) else { return (nil, nil) }
    return (
      at > 0 ? strategyReading[at - 1] : nil,
      at + 1 < strategyReading.count ? strategyReading[at + 1] : nil
    )
  }

  public func field(_ id: String) -> FieldNode? {
    for d in domains { if let f = d.fields.first(where: { $0.config.id == id }) { return f } }
    return nil
  }

  public func domain(_ id: String) -> DomainNode? { domains.first { $0.config.id == id } }

  /// Lets go of the bodies' Markdown, HTML, headings and links once every page is rendered,
  /// so a full build does not hold them while it builds the search index (which reads the
  /// plain text).
  public mutating func dropRenderedBodies() {
    for i in pages.indices {
      pages[i].bodyHTML = ""
      pages[i].headings = []
      pages[i].links = []
      pages[i].page = pages[i].page.withoutBody()
    }
  }

  var lookup: [PageKey: Int] = [:]
  /// What bodies were rendered with, kept so one body can be rendered again on its own.
  var bodyContext: BodyContext?
}

/// A page's kind and slug, the key of `Site.index(of:slug:)`: hashed as they are, where a
/// "kind/slug" string was built for each of the lookups that reading relations makes.
struct PageKey: Hashable {
  var kind: ContentKind
  var slug: String
}
