import Content
import Diagnostics
import Foundation
import Parallel
import Site

/// Renders the resolved site with a theme into output files: one page per content file, field,
/// domain and index, plus feeds, calendars, the sitemap, robots.txt, 404.html and the assets.
public enum Renderer {
  public static func render(_ site: Site, theme: Theme) -> [OutputFile] {
    let models = ViewModels(site: site, theme: theme)
    let t = theme.displayPath + "/templates/"
    @Sendable func html(_ template: String, _ ctx: [String: Any]) -> Data {
      Data(theme.render(template, ctx).utf8)
    }

    // Content pages (field visions are rendered as their field page below), in parallel.
    let contentPages = site.pages.indices.filter { site.pages[$0].kind != .field }
    let rendered: [OutputFile] = contentPages.parallelMap { i in
      let p = site.pages[i]
      let (template, ctx) = models.context(for: i)
      return OutputFile(
        path: p.outputPath, data: html(template, ctx), source: p.page.path,
        template: t + template + ".mustache", links: p.links,
        headings: p.headings.map {
          SourceHeading(level: $0.level, text: $0.text, line: $0.line, column: $0.column)
        })
    }
    var files = rendered
    for d in site.domains {
      files.append(
        OutputFile(
          path: site.urls.outputPath(forURL: d.url), data: html("domain", models.domainContext(d)),
          template: t + "domain.mustache"))
      for f in d.fields {
        let vision = f.vision.map { site.pages[$0] }
        files.append(
          OutputFile(
            path: site.urls.outputPath(forURL: f.url), data: html("field", models.fieldContext(f)),
            source: vision?.page.path,
            template: t + "field.mustache", links: vision?.links ?? [],
            headings: vision?.headings.map {
              SourceHeading(level: $0.level, text: $0.text, line: $0.line, column: $0.column)
            } ?? []))
      }
    }
    let u = site.urls
    let indexes: [(String, String, [String: Any])] = [
      (u.home, "home", models.homeContext()),
      (u.index(.strategy), "strategy-index", models.strategyIndexContext()),
      (u.index(.field), "domains", models.domainsIndexContext()),
      (u.index(.initiative), "initiatives", models.initiativesIndexContext()),
      (u.index(.event), "events", models.eventsIndexContext()),
      (u.index(.glossary), "glossary", models.glossaryIndexContext()),
      (u.search, "search", models.searchContext()),
    ]
    for (url, template, ctx) in indexes {
      files.append(
        OutputFile(
          path: u.outputPath(forURL: url), data: html(template, ctx),
          template: t + template + ".mustache"))
    }
    files.append(
      OutputFile(
        path: "404.html", data: html("404", models.notFoundContext()), template: t + "404.mustache")
    )

    // Feeds and calendars.
    let host = URL(string: site.config.baseURL)?.host ?? "portal"
    let events = site.upcomingEvents + site.pastEvents
    var allEvents = ""
    for i in events.sorted(by: { site.pages[$0].slug < site.pages[$1].slug }) {
      let p = site.pages[i]
      guard case .event(let m) = p.page.meta else { continue }
      let vevent = Feeds.vevent(p, m, host: host, absolute: models.absolute, now: site.now)
      allEvents += vevent
      files.append(
        OutputFile(
          path: u.outputPath(forURL: u.eventCalendar(p.slug)),
          data: Feeds.calendar(name: p.title, events: vevent), source: p.page.path))
    }
    files.append(
      OutputFile(
        path: u.outputPath(forURL: u.eventsCalendar),
        data: Feeds.calendar(name: "\(site.config.title)：イベント", events: allEvents)))
    files.append(
      OutputFile(
        path: u.outputPath(forURL: u.eventsFeed),
        data: Feeds.atom(
          site: site, events: site.upcomingEvents + site.pastEvents, absolute: models.absolute)))

    let pageURLs = files.filter { $0.path.hasSuffix("index.html") }.map {
      u.url(String($0.path.dropLast("index.html".count)))
    }
    files.append(
      OutputFile(
        path: "sitemap.xml", data: Feeds.sitemap(urls: pageURLs, absolute: models.absolute)))
    files.append(
      OutputFile(
        path: "robots.txt", data: Feeds.robots(sitemapURL: models.absolute(u.url("sitemap.xml")))))
    for asset in theme.assetFiles { files.append(OutputFile(path: asset.path, data: asset.data)) }
    return files.sorted { $0.path < $1.path }
  }
}
