import Content

/// The relations writers never maintain by hand: lists, trees, orders, both directions of
/// related pages, who uses a glossary term, derived from the pages' front matter.
extension Resolver {
  /// Derives the relations again after pages were replaced in the site (`replaceBody`) with
  /// front matter that moves them between lists, as `resolve` would for the same pages.
  public static func rederive(_ site: inout Site) {
    site.initiatives = []
    site.eventsByInitiative = [:]
    site.termUsers = [:]
    site.aboutPages = []
    site.footerPages = []
    derive(&site)
  }

  /// The relations writers never maintain by hand.
  static func derive(_ site: inout Site) {
    let pages = site.pages
    // The loader gives the pages in path order; then comparing indices is comparing paths,
    // without touching 10,000 strings on every rebuild.
    let inPathOrder = pages.indices.dropFirst().allSatisfy {
      pages[$0 - 1].page.relativePath < pages[$0].page.relativePath
    }
    func byPath(_ a: Int, _ b: Int) -> Bool {
      inPathOrder ? a < b : pages[a].page.relativePath < pages[b].page.relativePath
    }

    // One pass over the front matter (each look at `meta` copies it), then the relations.
    var initiativesByField: [String: [Int]] = [:]
    var visionByField: [String: Int] = [:]
    var relatedRefs: [(Int, String)] = []
    var roots: [Int] = []
    var children: [String: [Int]] = [:]
    var strategyOrder: [Int: Int] = [:]
    var upcoming: [(Int, DateTime)] = []
    var past: [(Int, DateTime)] = []
    var eventStart: [Int: DateTime] = [:]
    var entries: [(Int, String, [UInt32])] = []
    var updated: [(Int, DateTime)] = []
    var about: [(Int, Int?)] = []
    for i in pages.indices {
      if let change = pages[i].page.listedChange { updated.append((i, change.instant)) }
      switch pages[i].page.meta {
      case .initiative(let m):
        site.initiatives.append(i)
        for f in m.fields { initiativesByField[f.id, default: []].append(i) }
        for r in m.related { relatedRefs.append((i, r.id)) }
      case .field(let m):
        visionByField[m.field.id] = i
      case .strategy(let m):
        strategyOrder[i] = m.order
        if let parent = m.parent {
          children[parent.id, default: []].append(i)
        } else {
          roots.append(i)
        }
      case .event(let m):
        // Upcoming: not yet over by the build clock (an all-day event: until its last day
        // ends in Japan). Ordered by start; an all-day event's is 00:00 of its first day.
        if m.isPast(at: site.now) {
          past.append((i, m.start))
        } else {
          upcoming.append((i, m.start))
        }
        eventStart[i] = m.start
        for r in m.initiatives { site.eventsByInitiative[r.id, default: []].append(i) }
      case .glossary(let m):
        entries.append((i, m.reading, m.reading.kanaSortKey))
      case .about(let m):
        about.append((i, m.order))
      }
    }

    // Initiatives by field.
    site.initiatives.sort(by: byPath)
    site.domains = site.config.domains.map { d in
      DomainNode(
        config: d, url: site.urls.domain(d.id),
        fields: d.fields.map { f in
          FieldNode(
            config: f, domainID: d.id, url: site.urls.field(f.id), vision: visionByField[f.id],
            initiatives: (initiativesByField[f.id] ?? []).sorted(by: byPath))
        })
    }

    // Strategy tree.
    func byOrder(_ a: Int, _ b: Int) -> Bool {
      (strategyOrder[a] ?? 0, pages[a].slug) < (strategyOrder[b] ?? 0, pages[b].slug)
    }
    site.strategyRoots = roots.sorted(by: byOrder)
    site.strategyChildren = children.mapValues { $0.sorted(by: byOrder) }
    var reading: [Int] = []
    var seen: Set<Int> = []
    func read(_ i: Int) {
      guard seen.insert(i).inserted else { return }
      reading.append(i)
      for c in site.strategyChildren[pages[i].slug] ?? [] { read(c) }
    }
    for r in site.strategyRoots { read(r) }
    site.strategyReading = reading

    // Events: upcoming soonest first, past latest first.
    site.upcomingEvents = upcoming.sorted { ($0.1, $0.0) < ($1.1, $1.0) }.map(\.0)
    site.pastEvents = past.sorted { ($0.1, $1.0) > ($1.1, $0.0) }.map(\.0)
    if site.config.listedPast(site.pastEvents).count < site.pastEvents.count {
      // By the year of the start in its own offset, which near New Year can differ from the
      // order of the instants: gathered by year, not in runs.
      var byYear: [Int: [Int]] = [:]
      for i in site.pastEvents {
        guard let start = eventStart[i] else { continue }
        byYear[start.inJapan.local.date.year, default: []].append(i)
      }
      site.pastEventYears = byYear.keys.sorted(by: >).map {
        PastEventYear(year: $0, events: byYear[$0]!)
      }
    }
    let epoch = DateTime(epochSeconds: 0, offsetSeconds: 0)
    site.eventsByInitiative = site.eventsByInitiative.mapValues {
      $0.sorted { (eventStart[$0] ?? epoch) < (eventStart[$1] ?? epoch) }
    }

    // Pages about the site: by order, those without one last, then by title; the footer's
    // are those of them with `footer` left true.
    site.aboutPages = about.sorted { a, b in
      let (x, y) = (a.1 ?? Int.max, b.1 ?? Int.max)
      if x != y { return x < y }
      let (s, t) = (pages[a.0].title, pages[b.0].title)
      return s != t ? s < t : byPath(a.0, b.0)
    }.map(\.0)
    site.footerPages = site.aboutPages.filter {
      if case .about(let m) = pages[$0].page.meta { m.footer } else { false }
    }

    // 更新情報: newest first (an `updated` day at its midnight in Japan, a `publish` time as
    // it is), then by path.
    site.updates = updated.sorted { $0.1 != $1.1 ? $0.1 > $1.1 : byPath($0.0, $1.0) }.map(\.0)

    // Related initiatives, both directions.
    var related: [String: Set<Int>] = [:]
    for (i, id) in relatedRefs {
      guard let j = site.index(of: .initiative, slug: id), j != i else { continue }
      related[pages[i].slug, default: []].insert(j)
      related[id, default: []].insert(i)
    }
    site.relatedInitiatives = related.mapValues { $0.sorted(by: byPath) }

    // Pages using each glossary entry. A body's terms are each linked once
    // (`MarkdownDocument.linkGlossary`), so no set is made of each page's.
    for i in pages.indices {
      for slug in pages[i].glossaryTerms { site.termUsers[slug, default: []].append(i) }
    }

    // Glossary in 五十音 order by reading.
    entries.sort { a, b in
      a.2 == b.2 ? pages[a.0].title < pages[b.0].title : a.2.lexicographicallyPrecedes(b.2)
    }
    var groups: [GlossaryGroup] = []
    for (i, reading, _) in entries {
      let row = gojuonRow(reading)
      if groups.last?.row == row {
        groups[groups.count - 1].entries.append(i)
      } else {
        groups.append(GlossaryGroup(row: row, entries: [i]))
      }
    }
    site.glossary = groups

    // Tags, with the lists above ordering each tag's pages.
    Taxonomy.derive(&site)
  }
}

/// The 五十音 row (あ, か, さ, た, な, は, ま, や, ら, わ) of a hiragana reading.
public func gojuonRow(_ reading: String) -> String {
  guard let first = reading.unicodeScalars.first?.value else { return "その他" }
  let rows: [(ClosedRange<UInt32>, String)] = [
    (0x3041...0x304A, "あ"), (0x304B...0x3054, "か"), (0x3055...0x305E, "さ"), (0x305F...0x3069, "た"),
    (0x306A...0x306E, "な"), (0x306F...0x307D, "は"), (0x307E...0x3082, "ま"), (0x3083...0x3088, "や"),
    (0x3089...0x308D, "ら"), (0x308E...0x3093, "わ"), (0x3094...0x3094, "あ"),
  ]
  return rows.first { $0.0.contains(first) }?.1 ?? "その他"
}

extension String {
  /// Sort key that orders hiragana readings by 五十音, ignoring voicing marks first (か before が
  /// before き) as Japanese dictionaries do.
  var kanaSortKey: [UInt32] {
    var key: [UInt32] = []
    for s in unicodeScalars {
      let v = s.value
      let base: UInt32
      switch v {
      case 0x304C, 0x304E, 0x3050, 0x3052, 0x3054, 0x3056, 0x3058, 0x305A, 0x305C, 0x305E, 0x3060,
        0x3062, 0x3065, 0x3067,
        0x3069:
        base = v - 1
      case 0x3070, 0x3073, 0x3076, 0x3079, 0x307C: base = v - 1
      case 0x3071, 0x3074, 0x3077, 0x307A, 0x307D: base = v - 2
      default: base = v
      }
      key.append(base * 4 + (v - base))
    }
    return key
  }
}
