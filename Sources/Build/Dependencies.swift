import Content
import Render
import Site

/// The dependency graph from each output to what it was made from, as one hash per output: an
/// output whose hash is unchanged since the last build is not rendered again.
///
/// Every output depends on the theme, site.yml and the build settings (`global`). Besides:
/// a content page on its own file (front matter and body) and on the front matter of the pages
/// its template shows (related initiatives, events, parents and children, the glossary terms
/// its body links, pages that use a term); a field page on its vision and its initiatives' front
/// matter; lists on their members' front matter; the search index on every page.
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

  init(site: Site, hashes: [String: SourceHashes], global: UInt64) {
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
    termPages = site.pages.indices.map { Self.termPages(of: $0, in: site) }
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
    let site = plan.site
    var h = StableHash()
    h.add(global)
    h.add(path)
    func pub(_ indices: [Int]) {
      h.add(indices.count)
      for i in indices { h.add(publicHash[i]) }
    }
    func domains() {
      for d in site.domains {
        for f in d.fields {
          h.add(f.initiatives.count)
          h.add(f.vision.map { publicHash[$0] } ?? 0)
        }
      }
    }
    switch job {
    case .page(let i):
      page(i, site, &h)
    case .domain(let di):
      for f in site.domains[di].fields {
        h.add(f.initiatives.count)
        h.add(f.vision.map { publicHash[$0] } ?? 0)
      }
    case .field(let di, let fi):
      let f = site.domains[di].fields[fi]
      h.add(f.vision.map { fullHash[$0] } ?? 0)
      pub(f.initiatives)
    case .index(let template):
      switch template {
      case "home":
        domains()
        pub(Array(site.upcomingEvents.prefix(3)))
        pub(site.strategyRoots)
      case "strategy-index":
        pub(site.strategyRoots)
        for r in site.strategyRoots { pub(site.strategyChildren[site.pages[r].slug] ?? []) }
      case "domains":
        domains()
      case "initiatives":
        h.add(site.initiatives.count)
        for d in site.domains { for f in d.fields { pub(f.initiatives) } }
      case "events":
        pub(site.upcomingEvents)
        pub(site.pastEvents)
      case "glossary":
        for g in site.glossary {
          h.add(g.row)
          pub(g.entries)
        }
      default:
        break
      }
    case .notFound:
      domains()
    case .eventCalendar(let i):
      // Not the build clock: an event's DTSTAMP stays that of the build that last wrote it.
      h.add(publicHash[i])
    case .eventsCalendar:
      pub(
        (site.upcomingEvents + site.pastEvents).sorted { site.pages[$0].slug < site.pages[$1].slug }
      )
    case .eventsFeed:
      pub(site.upcomingEvents)
      pub(site.pastEvents)
    case .sitemap:
      for (p, _) in plan.jobs where p.hasSuffix("index.html") { h.add(p) }
    case .robots, .asset:
      break
    }
    return h.value
  }

  /// By index into `site.pages`, never a copy of the page: this runs for every page.
  private func page(_ i: Int, _ site: Site, _ h: inout StableHash) {
    let slug = site.pages[i].slug
    h.add(fullHash[i])
    func pub(_ indices: [Int]) {
      h.add(indices.count)
      for j in indices { h.add(publicHash[j]) }
    }
    // The definitions of the terms the body links.
    pub(termPages[i])
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
      pub(chain)
      pub(site.strategyChildren[slug] ?? [])
    case .field:
      break
    case .initiative:
      pub(site.eventsByInitiative[slug] ?? [])
      pub(site.relatedInitiatives[slug] ?? [])
    case .event(let m):
      pub(m.initiatives.compactMap { site.index(of: .initiative, slug: $0.id) })
      h.add((m.end ?? m.start) < site.now ? 1 : 0)
    case .glossary(let m):
      pub(m.related.compactMap { site.index(of: .glossary, slug: $0.id) })
      pub(site.termUsers[slug] ?? [])
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
