import Content
import Parallel
import Render
import Site

extension RenderJob {
  /// Whether the output is a page in the layout, whose footer lists the pages about the site.
  var showsFooter: Bool {
    switch self {
    case .page, .domain, .field, .index, .notFound, .pastEvents, .tag, .redirect: true
    case .eventCalendar, .eventsCalendar, .eventsFeed, .updatesFeed, .sitemap, .robots, .asset,
      .file:
      false
    }
  }
}

/// The dependency graph from each output to what it was made from, as one hash per output: an
/// output whose hash is unchanged since the last build is not rendered again.
///
/// Every output depends on the theme, site.yml and the build settings (`global`). Besides:
/// a content page on its own file (front matter and body) and on the front matter of the pages
/// its template shows (related initiatives, events, parents and children, the glossary terms
/// its body links, pages that use a term); every page in the layout on the pages its footer
/// lists (`Site.footerPages`); a field page on its vision, its initiatives' front
/// matter and its upcoming events; lists on their members' front matter (the list of all initiatives on those it shows,
/// /about/ on every page about the site, a tag's page on the pages carrying it, /tags/ on
/// the tags' names and counts); the search index on every page.
///
/// "Front matter" here is a page's public hash: its front matter, URL, and the glossary terms
/// its body links (glossary pages list their users). The rules follow what `ViewModels` reads;
/// `IncrementalTests` compare incremental with full builds so a new read there that is missing
/// here shows as a failing test.
struct Dependencies: Sendable {
  let global: UInt64
  /// Per page index: what other outputs may read of the page.
  private(set) var publicHash: [UInt64]
  /// Per page index: everything about the page, body included.
  private(set) var fullHash: [UInt64]
  /// Per page index: the glossary entries its body links, as page indices. Looked up once: a
  /// title edit in `portal serve` hashes every output again, and finding 200,000 linked terms
  /// by slug was a fifth of it at 10,000 pages.
  private var termPages: [[Int]]

  /// - Parameter termsOf: the pages whose linked glossary entries are looked up (`termPages`),
  ///   all when nil; the others' are found by `findTermPages` before their outputs are hashed.
  init(site: Site, hashes: [String: SourceHashes], global: UInt64, termsOf: [Int]? = nil) {
    self.global = global
    var pub: [UInt64] = []
    var full: [UInt64] = []
    pub.reserveCapacity(site.pages.count)
    full.reserveCapacity(site.pages.count)
    for i in site.pages.indices {
      let h = Self.hashes(of: site.pages[i], source: hashes[site.pages[i].page.relativePath])
      pub.append(h.public)
      full.append(h.full)
    }
    publicHash = pub
    fullHash = full
    if let termsOf {
      termPages = Array(repeating: [], count: site.pages.count)
      findTermPages(of: termsOf, in: site)
    } else {
      termPages = site.pages.indices.map { Self.termPages(of: $0, in: site) }
    }
  }

  /// Looks up the glossary entries these pages' bodies link: after an edit of bodies alone,
  /// `portal build` hashes only the outputs showing the edited bodies, and finding the 200,000
  /// linked terms of 10,000 pages was a third of planning.
  mutating func findTermPages(of pages: some Sequence<Int>, in site: Site) {
    for i in pages { termPages[i] = Self.termPages(of: i, in: site) }
  }

  private static func termPages(of i: Int, in site: Site) -> [Int] {
    site.pages[i].glossaryTerms.compactMap { site.index(of: .glossary, slug: $0) }
  }

  /// The public and full hash of one page (borrowed: a copy of each of 10,000 pages would be
  /// dozens of retains).
  static func hashes(of page: borrowing ResolvedPage, source: SourceHashes?) -> (
    public: UInt64, full: UInt64
  ) {
    var h = StableHash()
    h.add(source?.frontMatter ?? 0)
    h.add(page.page.relativePath)
    h.add(page.page.path)
    h.add(page.page.kind.rawValue)
    h.add(page.page.slug)
    h.add(page.url)
    h.add(page.glossaryTerms.count)
    for t in page.glossaryTerms { h.add(t) }
    let pub = h.value
    h.add(page.bodyKey)
    return (pub, h.value)
  }

  /// Records the new hashes of a page edited in place (no other page's hashes depend on it).
  /// Its linked glossary entries stay as they were: `EditInPlace` takes only edits that keep
  /// them.
  mutating func update(page i: Int, public: UInt64, full: UInt64) {
    publicHash[i] = `public`
    fullHash[i] = full
  }

  /// The hash of everything the job's output is made from.
  func inputs(of job: RenderJob, path: String, plan: RenderPlan) -> UInt64 {
    var h = Hashing(publicHash: publicHash, fullHash: fullHash)
    visit(job, path: path, plan: plan, into: &h)
    return h.hash.value
  }

  /// The pages whose hashes go into the job's: the outputs a front matter edit may change are
  /// those that read the page (`Readers`).
  func pagesRead(by job: RenderJob, path: String, plan: RenderPlan) -> [Int] {
    var r = Reading()
    visit(job, path: path, plan: plan, into: &r)
    return r.pages
  }

  /// Where a job's inputs go: hashed, or listed by page. One walk for both, so the list of a
  /// job's pages cannot miss one its hash reads.
  fileprivate protocol Sink {
    mutating func add(_ n: UInt64)
    mutating func add(_ n: Int)
    mutating func add(_ s: String)
    /// What other outputs may read of page `i` (`publicHash`).
    mutating func shown(_ i: Int)
    /// Everything about page `i` (`fullHash`).
    mutating func whole(_ i: Int)
  }

  private struct Hashing: Sink {
    var hash = StableHash()
    let publicHash: [UInt64]
    let fullHash: [UInt64]
    mutating func add(_ n: UInt64) { hash.add(n) }
    mutating func add(_ n: Int) { hash.add(n) }
    mutating func add(_ s: String) { hash.add(s) }
    mutating func shown(_ i: Int) { hash.add(publicHash[i]) }
    mutating func whole(_ i: Int) { hash.add(fullHash[i]) }
  }

  private struct Reading: Sink {
    var pages: [Int] = []
    mutating func add(_ n: UInt64) {}
    mutating func add(_ n: Int) {}
    mutating func add(_ s: String) {}
    mutating func shown(_ i: Int) { pages.append(i) }
    mutating func whole(_ i: Int) { pages.append(i) }
  }

  private func visit<S: Sink>(_ job: RenderJob, path: String, plan: RenderPlan, into h: inout S) {
    let site = plan.site
    h.add(global)
    h.add(path)
    // A domain's fields as the domain, domains and home pages show them.
    func fields(of d: DomainNode) {
      for f in d.fields {
        h.add(f.initiatives.count)
        if let v = f.vision { h.shown(v) } else { h.add(UInt64(0)) }
      }
    }
    func domains() { for d in site.domains { fields(of: d) } }
    // The years of past events and their counts, as the events page and each year's show them.
    func pastYears() {
      h.add(site.pastEventYears.count)
      for y in site.pastEventYears {
        h.add(y.year)
        h.add(y.events.count)
      }
    }
    // Cards of upcoming events say whether registration is still open.
    func registrationStates<C: Collection<Int>>(of events: C) {
      for i in events {
        guard case .event(let m) = site.pages[i].page.meta else { continue }
        h.add(m.registrationClosed(at: site.now) ? 1 : 0)
      }
    }
    // The tags as /tags/ and the page for missing addresses list them: names, rows, counts.
    func tags() {
      h.add(site.tags.count)
      for t in site.tags {
        h.add(t.name)
        h.add(t.row)
        h.add(t.pages.count)
      }
    }
    // Every page's footer lists the pages about the site: through the pages' public hashes, so
    // `Readers` finds every page when one of them changes; and links /tags/ while there are
    // tags (a tag's edit goes the usual way, `EditInPlace.samePlace`, which hashes again).
    if job.showsFooter {
      h.shown(all: site.footerPages)
      h.add(site.tags.isEmpty ? 0 : 1)
    }
    switch job {
    case .page(let i):
      page(i, site, &h)
    case .domain(let di):
      fields(of: site.domains[di])
    case .field(let di, let fi):
      let f = site.domains[di].fields[fi]
      // The vision is shown as its own page would be: with the definitions of the terms its
      // body links (a glossary entry's `short` edited changed them on the vision's page only).
      if let v = f.vision {
        h.whole(v)
        h.shown(all: termPages[v])
      } else {
        h.add(UInt64(0))
      }
      h.shown(all: f.initiatives)
      // Its first upcoming events and how many there are: by the build clock.
      let events = site.upcomingEvents(of: f)
      h.add(events.count)
      h.shown(all: events.prefix(Site.fieldEventsShown))
      registrationStates(of: events.prefix(Site.fieldEventsShown))
    case .index(let template):
      switch template {
      case "home":
        domains()
        h.shown(all: site.upcomingEvents.prefix(3))
        registrationStates(of: site.upcomingEvents.prefix(3))
        h.shown(all: site.updates.prefix(Site.updatesOnHome))
        h.shown(all: site.strategyRoots)
      case "strategy-index":
        h.shown(all: site.strategyRoots)
        for r in site.strategyRoots {
          h.shown(all: site.strategyChildren[site.pages[r].slug] ?? [])
        }
      case "domains":
        domains()
      case "initiatives":
        h.add(site.initiatives.count)
        for d in site.domains {
          for f in d.fields {
            h.add(f.initiatives.count)
            h.shown(all: site.config.listed(f.initiatives))
          }
        }
      case "events":
        h.shown(all: site.upcomingEvents)
        // The month each is listed under: an event under way moves with the build clock.
        for i in site.upcomingEvents {
          guard case .event(let m) = site.pages[i].page.meta else { continue }
          let month = m.upcomingMonth(at: site.now)
          h.add(month.year * 12 + month.month)
        }
        registrationStates(of: site.upcomingEvents)
        h.add(site.pastEvents.count)
        h.shown(all: site.config.listedPast(site.pastEvents))
        pastYears()
      case "updates":
        h.shown(all: site.updates)
      case "about-index":
        // Titles, summaries and the order they are listed in: all in the public hashes.
        h.shown(all: site.aboutPages)
      case "glossary":
        for g in site.glossary {
          h.add(g.row)
          h.shown(all: g.entries)
        }
      case "tags":
        tags()
      default:
        break
      }
    case .notFound:
      domains()
      tags()
    case .tag(let n):
      // Its pages' titles and summaries in its order (by kind, the menu's order in site.yml),
      // and whether each event is over.
      let tag = site.tags[n]
      h.add(tag.name)
      h.shown(all: tag.pages)
      for i in tag.pages {
        guard case .event(let m) = site.pages[i].page.meta else { continue }
        h.add(m.isPast(at: site.now) ? 1 : 0)
      }
    case .pastEvents(let n):
      pastYears()
      h.add(n)
      h.shown(all: site.pastEventYears[n].events)
    case .eventCalendar(let i):
      // Not the build clock: an event's DTSTAMP is its `updated` or `publish` time or its
      // start, all in its front matter.
      h.shown(i)
    case .eventsCalendar:
      h.shown(all: site.eventsBySlug)
    case .updatesFeed:
      h.shown(all: site.updates.prefix(Site.updatesInFeed))
    case .eventsFeed:
      h.shown(all: site.upcomingEvents)
      h.shown(all: site.config.listedPast(site.pastEvents))
    case .sitemap:
      for job in plan.jobs where RenderPlan.inSitemap(job) { h.add(job.path) }
      // `<lastmod>`: an `updated` date is in its page's public hash, which the sitemap does not
      // read whole (a title edit need not write it again).
      for i in site.updates {
        h.add(site.pages[i].url)
        h.add(site.pages[i].page.updated?.description ?? "")
      }
    case .robots, .asset:
      break
    case .redirect(let r):
      // The page's URL and title, and its front matter (where the address is written).
      h.shown(site.redirects[r].page)
    case .file(let i):
      // Copied when its stamp changes, like a page's file.
      let file = site.files[i]
      h.add(file.relativePath)
      h.add(Int(file.stamp.modified))
      h.add(Int(file.stamp.size))
    }
  }

  /// By index into `site.pages`, never a copy of the page: this runs for every page.
  private func page<S: Sink>(_ i: Int, _ site: Site, _ h: inout S) {
    let slug = site.pages[i].slug
    h.whole(i)
    // The definitions of the terms the body links.
    h.shown(all: termPages[i])
    switch site.pages[i].page.meta {
    case .strategy(let m):
      var chain: [Int] = []
      var parent = m.parent.flatMap { site.index(of: .strategy, slug: $0.id) }
      while let j = parent, chain.count <= site.pages.count {
        chain.append(j)
        if case .strategy(let pm) = site.pages[j].page.meta {
          parent = pm.parent.flatMap { site.index(of: .strategy, slug: $0.id) }
        } else {
          parent = nil
        }
      }
      h.shown(all: chain)
      h.shown(all: site.strategyChildren[slug] ?? [])
      let (previous, next) = site.strategyNeighbours(of: i)
      h.shown(all: [previous, next].compactMap { $0 })
    case .field:
      break
    case .initiative:
      // Its events by start, and which are over by the build clock: they are listed after the
      // upcoming ones and say so.
      let events = site.eventsByInitiative[slug] ?? []
      h.shown(all: events)
      for e in events {
        guard case .event(let m) = site.pages[e].page.meta else { continue }
        h.add(m.isPast(at: site.now) ? 1 : 0)
      }
      h.shown(all: site.relatedInitiatives[slug] ?? [])
    case .event(let m):
      h.shown(all: m.initiatives.compactMap { site.index(of: .initiative, slug: $0.id) })
      h.add(m.isPast(at: site.now) ? 1 : 0)
      h.add(m.registrationClosed(at: site.now) ? 1 : 0)
    case .glossary(let m):
      h.shown(all: m.related.compactMap { site.index(of: .glossary, slug: $0.id) })
      h.shown(all: site.termUsers[slug] ?? [])
    case .about:
      break
    }
  }

  /// The hash of everything the search index is made from.
  var searchInputs: UInt64 {
    var h = StableHash()
    h.add(global)
    h.add(fullHash.count)
    for f in fullHash { h.add(f) }
    return h.value
  }
}

extension Dependencies.Sink {
  /// The pages a list shows, in its order, and how many.
  mutating func shown(all indices: some Collection<Int>) {
    add(indices.count)
    for i in indices { shown(i) }
  }
}

/// For each page, the outputs whose inputs read it: what a front matter edit in `portal serve`
/// renders again, found without hashing every output's inputs (a tenth of a title edit at
/// 10,000 pages). Valid while the relations and outputs stay as they were: `EditInPlace` makes
/// it when first needed and lets it go when an edit moves a page between lists.
struct Readers: Sendable {
  /// By page index: indices into the plan's jobs, ascending.
  private let jobsByPage: [[Int32]]

  init(jobs: [(path: String, job: RenderJob)], dependencies: Dependencies, plan: RenderPlan) {
    let read = jobs.parallelMap { dependencies.pagesRead(by: $0.job, path: $0.path, plan: plan) }
    var byPage = [[Int32]](repeating: [], count: plan.site.pages.count)
    for (j, pages) in read.enumerated() {
      for i in pages where byPage[i].last != Int32(j) { byPage[i].append(Int32(j)) }
    }
    jobsByPage = byPage
  }

  /// The jobs reading any of `pages`, ascending and each once.
  func jobs(reading pages: some Sequence<Int>) -> [Int] {
    var found = Set<Int32>()
    for i in pages { found.formUnion(jobsByPage[i]) }
    return found.map(Int.init).sorted()
  }
}
