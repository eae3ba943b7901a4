import Content
import Diagnostics
import Foundation
import Parallel
import Site

/// One output file of the site and what makes it, so a build can render all of them in
/// parallel, or an incremental build only the ones whose inputs changed.
public enum RenderJob: Sendable, Hashable {
  /// A content page by index into `Site.pages` (field visions are rendered as their field).
  case page(Int)
  /// A domain page by index into `Site.domains`.
  case domain(Int)
  /// A field page: domain index, field index within the domain.
  case field(Int, Int)
  /// A list page by template name: home, strategy-index, domains, initiatives, events, glossary,
  /// updates, search, and about-index while the site has pages about the site.
  case index(String)
  case notFound
  /// The past events of one year, by index into `Site.pastEventYears`.
  case pastEvents(Int)
  /// A tag's page, by index into `Site.tags`.
  case tag(Int)
  /// One event's iCalendar file, by page index.
  case eventCalendar(Int)
  case eventsCalendar
  case eventsFeed
  /// The Atom feed of 更新情報 (`Site.updates`).
  case updatesFeed
  case sitemap
  case robots
  /// A theme asset by index into `Theme.assetFiles`.
  case asset(Int)
  /// A published file by index into `Site.files`, copied as it is.
  case file(Int)
  /// A page's earlier address by index into `Site.redirects`: a page sending readers on.
  case redirect(Int)

  /// The page whose body the output shows: a content page its own, a field page its vision.
  public func bodyPage(in site: Site) -> Int? {
    switch self {
    case .page(let i): i
    case .field(let di, let fi): site.domains[di].fields[fi].vision
    default: nil
    }
  }
}

/// Every output of a resolved site with a theme, and how to render each.
public struct RenderPlan: Sendable {
  public let site: Site
  let theme: Theme
  let models: ViewModels
  /// Each event's calendar entry by page index, made once: its own calendar and the calendar
  /// of all events print the same entry. Kept until the second of them takes it (1,800 events
  /// at 10,000 pages: ~1 MB until the calendar of all events is made).
  let vevents: IndexMemo<String?>
  /// Every job with its output path, sorted by path.
  public let jobs: [(path: String, job: RenderJob)]

  public init(site: Site, theme: Theme) {
    let u = site.urls
    var jobs: [(String, RenderJob)] = []
    // By index: iterating copies each page, which showed in 10,000-page rebuilds.
    for i in site.pages.indices where site.pages[i].page.kind != .field {
      jobs.append((site.pages[i].outputPath, .page(i)))
    }
    for (di, d) in site.domains.enumerated() {
      jobs.append((u.outputPath(forURL: d.url), .domain(di)))
      for (fi, f) in d.fields.enumerated() {
        jobs.append((u.outputPath(forURL: f.url), .field(di, fi)))
      }
    }
    for (url, template) in Self.indexes(site) {
      jobs.append((u.outputPath(forURL: url), .index(template)))
    }
    jobs.append(("404.html", .notFound))
    for (n, y) in site.pastEventYears.enumerated() {
      jobs.append((u.outputPath(forURL: u.pastEvents(year: y.year)), .pastEvents(n)))
    }
    for (n, tag) in site.tags.enumerated() { jobs.append((tag.outputPath, .tag(n))) }
    for i in site.upcomingEvents + site.pastEvents {
      jobs.append((u.outputPath(forURL: u.eventCalendar(site.pages[i].slug)), .eventCalendar(i)))
    }
    jobs.append((u.outputPath(forURL: u.eventsCalendar), .eventsCalendar))
    jobs.append((u.outputPath(forURL: u.eventsFeed), .eventsFeed))
    jobs.append((u.outputPath(forURL: u.updatesFeed), .updatesFeed))
    jobs.append(("sitemap.xml", .sitemap))
    jobs.append(("robots.txt", .robots))
    for (i, asset) in theme.assetFiles.enumerated() { jobs.append((asset.path, .asset(i))) }
    for (i, file) in site.files.enumerated() { jobs.append((file.relativePath, .file(i))) }
    for (r, redirect) in site.redirects.enumerated() {
      jobs.append((redirect.outputPath, .redirect(r)))
    }
    self.init(site: site, theme: theme, jobs: jobs.sorted { $0.0 < $1.0 })
  }

  /// A plan with the jobs of an earlier plan, for a site with the same outputs (the same
  /// pages, fields, events on either side of the clock, and theme): listing and sorting every
  /// output again is not needed.
  public init(site: Site, theme: Theme, jobs: [(path: String, job: RenderJob)]) {
    self.site = site
    self.theme = theme
    self.models = ViewModels(site: site, theme: theme)
    self.vevents = IndexMemo(count: site.pages.count)
    self.jobs = jobs
  }

  static func indexes(_ site: Site) -> [(String, String)] {
    let u = site.urls
    // /about/ lists the pages about the site: without any, no page there and no link to it;
    // so does /tags/ the tags.
    let about = site.aboutPages.isEmpty ? [] : [(u.index(.about), "about-index")]
    let tags = site.tags.isEmpty ? [] : [(u.tags, "tags")]
    return [
      (u.home, "home"), (u.index(.strategy), "strategy-index"), (u.index(.field), "domains"),
      (u.index(.initiative), "initiatives"), (u.index(.event), "events"),
      (u.index(.glossary), "glossary"), (u.updates, "updates"), (u.search, "search"),
    ] + about + tags
  }

  /// Renders the jobs in parallel, in the order given.
  public func render(_ jobs: [RenderJob]) -> [OutputFile] {
    jobs.parallelMap { render($0) }
  }

  /// The template of a job that renders one, and the context the view models make for it
  /// (before `Theme.withThemeKeys`); nil for the other outputs (feeds, calendars, files).
  /// `page.has_furigana` is the context's guess (`FuriganaShown`); `page` checks it against the
  /// page as rendered.
  func context(for job: RenderJob) -> (template: String, context: TemplateContext)? {
    guard let made = madeContext(for: job) else { return nil }
    var context = made.context
    // In place: `setting` copied the page's forty-odd keys (a retain each) to change one.
    FuriganaShown.set(FuriganaShown.guess(context), in: &context)
    return (made.template, context)
  }

  private func madeContext(for job: RenderJob) -> (template: String, context: TemplateContext)? {
    switch job {
    case .page(let i): models.context(for: i)
    case .domain(let di): ("domain", models.domainContext(site.domains[di]))
    case .field(let di, let fi): ("field", models.fieldContext(site.domains[di].fields[fi]))
    case .index(let template):
      switch template {
      case "home": (template, models.homeContext())
      case "strategy-index": (template, models.strategyIndexContext())
      case "domains": (template, models.domainsIndexContext())
      case "initiatives": (template, models.initiativesIndexContext())
      case "events": (template, models.eventsIndexContext())
      case "glossary": (template, models.glossaryIndexContext())
      case "updates": (template, models.updatesIndexContext())
      case "about-index": (template, models.aboutIndexContext())
      case "tags": (template, models.tagsIndexContext())
      default: (template, models.searchContext())
      }
    case .notFound: ("404", models.notFoundContext())
    case .pastEvents(let n): ("events-year", models.pastEventsContext(n))
    case .tag(let n): ("tag", models.tagContext(n))
    case .redirect(let r): ("redirect", models.redirectContext(site.redirects[r]))
    default: nil
    }
  }

  public func render(_ job: RenderJob) -> OutputFile {
    guard let made = context(for: job) else { return file(job) }
    // The theme's keys set here, where the context has one owner, so `Theme.render` finds
    // them set and does not copy the context to set them.
    var context = made.context
    Theme.addThemeKeys(&context)
    return page(job, made.template, context)
  }

  /// A page rendered from its template and context.
  private func page(_ job: RenderJob, _ template: String, _ ctx: TemplateContext) -> OutputFile {
    let u = site.urls
    // The rendered bytes become the file's `Data` as they are, without a copy.
    var html = theme.renderBytes(template, ctx)
    // The guess was wrong where the theme left out an HTML value with ruby or printed ruby of
    // its own: rendered again with what the page shows, so the button is never a dead one.
    let shown = FuriganaShown.inHTML(html.buffer)
    if case .dict(let page) = ctx["page"], case .bool(let guessed) = page[FuriganaShown.key],
      guessed != shown
    {
      html.free()
      html = theme.renderBytes(template, FuriganaShown.setting(shown, in: ctx))
    }
    let data = html.data()
    let path = theme.displayPath + "/templates/" + template + ".mustache"
    func sourceHeadings(_ p: ResolvedPage?) -> [SourceHeading] {
      p?.headings.map {
        SourceHeading(level: $0.level, text: $0.text, line: $0.line, column: $0.column)
      } ?? []
    }
    switch job {
    case .page(let i):
      let p = site.pages[i]
      return OutputFile(
        path: p.outputPath, data: data, source: p.page.path, template: path, links: p.links,
        headings: sourceHeadings(p))
    case .domain(let di):
      return OutputFile(
        path: u.outputPath(forURL: site.domains[di].url), data: data, template: path)
    case .field(let di, let fi):
      let f = site.domains[di].fields[fi]
      let vision = f.vision.map { site.pages[$0] }
      return OutputFile(
        path: u.outputPath(forURL: f.url), data: data, source: vision?.page.path, template: path,
        links: vision?.links ?? [], headings: sourceHeadings(vision))
    case .pastEvents(let n):
      return OutputFile(
        path: u.outputPath(forURL: u.pastEvents(year: site.pastEventYears[n].year)), data: data,
        template: path)
    case .tag(let n):
      return OutputFile(path: site.tags[n].outputPath, data: data, template: path)
    case .redirect(let r):
      let redirect = site.redirects[r]
      return OutputFile(
        path: redirect.outputPath, data: data, source: site.pages[redirect.page].page.path,
        template: path,
        links: [
          SourceLink(
            url: site.pages[redirect.page].url, text: site.pages[redirect.page].title,
            image: false, line: redirect.line, column: redirect.column)
        ])
    case .notFound:
      return OutputFile(path: "404.html", data: data, template: path)
    default:
      // An index page, at the address `indexes` gives its template.
      let url = Self.indexes(site).first { $0.1 == template }?.0 ?? u.search
      return OutputFile(path: u.outputPath(forURL: url), data: data, template: path)
    }
  }

  /// An output that is not a page: a feed, a calendar, the sitemap, an asset, a file.
  private func file(_ job: RenderJob) -> OutputFile {
    let u = site.urls
    switch job {
    case .eventCalendar(let i):
      let p = site.pages[i]
      return OutputFile(
        path: u.outputPath(forURL: u.eventCalendar(p.slug)),
        data: Feeds.calendar(name: p.title, events: vevent(i) ?? ""), source: p.page.path)
    case .eventsCalendar:
      return OutputFile(
        path: u.outputPath(forURL: u.eventsCalendar),
        data: Feeds.calendar(
          name: "\(site.config.title)：イベント",
          events: site.eventsBySlug.compactMap { vevent($0) }.joined()))
    case .eventsFeed:
      return OutputFile(
        path: u.outputPath(forURL: u.eventsFeed),
        data: Feeds.atom(
          site: site, events: site.upcomingEvents + site.config.listedPast(site.pastEvents),
          absolute: models.absolute))
    case .updatesFeed:
      return OutputFile(
        path: u.outputPath(forURL: u.updatesFeed),
        data: Feeds.updatesAtom(
          site: site, pages: site.updates.prefix(Site.updatesInFeed), absolute: models.absolute))
    case .sitemap:
      // A preview's pages ask not to be indexed: its sitemap lists none of them.
      let pageURLs =
        site.config.isPreview
        ? [] : jobs.filter(Self.inSitemap).map { u.url(forOutputPath: $0.path) }
      var modified: [String: LocalDate] = [:]
      for i in site.updates { modified[site.pages[i].url] = site.pages[i].page.updated }
      return OutputFile(
        path: "sitemap.xml",
        data: Feeds.sitemap(urls: pageURLs, modified: modified, absolute: models.absolute))
    case .robots:
      return OutputFile(
        path: "robots.txt",
        data: Feeds.robots(
          sitemapURL: models.absolute(u.url("sitemap.xml")), preview: site.config.isPreview))
    case .asset(let i):
      let asset = theme.assetFiles[i]
      return OutputFile(path: asset.path, data: asset.data)
    case .file(let i):
      // Gone since the content was loaded: the next build, which its removal starts, drops it.
      let file = site.files[i]
      return OutputFile(
        path: file.relativePath, data: FileManager.default.contents(atPath: file.path) ?? Data())
    default:
      preconditionFailure("\(job) renders a template")
    }
  }

  /// Whether sitemap.xml lists the output: every page, not the ones sending readers on.
  public static func inSitemap(_ job: (path: String, job: RenderJob)) -> Bool {
    if case .redirect = job.job { return false }
    return job.path.hasSuffix("index.html")
  }

  /// Page `i`'s calendar entry (nil for a page that is no event), kept for the other calendar
  /// that prints it (`vevents`).
  private func vevent(_ i: Int) -> String? {
    vevents.valueTaken(i) { makeVevent(i) }
  }

  /// By index, the page read in place: a copy of each of 1,800 events' resolved page was a
  /// quarter of the calendar of all events.
  private func makeVevent(_ i: Int) -> String? {
    let page = site.pages[i].page
    guard case .event(let m) = page.meta else { return nil }
    return Feeds.vevent(
      slug: site.pages[i].slug, title: site.pages[i].title, url: site.pages[i].url, m,
      host: models.calendarHost, absolute: models.absolute,
      changed: Feeds.lastChange(updated: page.updated, publish: page.publish, m))
  }
}

/// Renders the resolved site with a theme into output files: one page per content file, field,
/// domain and index, plus feeds, calendars, the sitemap, robots.txt, 404.html and the assets.
public enum Renderer {
  public static func render(_ site: Site, theme: Theme) -> [OutputFile] {
    let plan = RenderPlan(site: site, theme: theme)
    return plan.render(plan.jobs.map(\.job))
  }
}
