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
  public static func resolve(_ content: ContentSet, now: DateTime, memo: BodyMemo? = nil) -> (
    Site, [Diagnostic]
  ) {
    let config = content.config
    let urls = URLScheme(basePath: config.basePath)
    var diagnostics: [Diagnostic] = []

    // 1. URLs, and what every body needs to know about the others.
    let context = bodyContext(content.pages, files: content.files, config: config, urls: urls)
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
    for (page, (out, key)) in zip(content.pages, outputs) {
      diagnostics += linkProblems(
        out.missing, in: page, context: context, withheld: content.withheld)
      diagnostics += out.warnings
      let u = context.urlForFile[page.relativePath]!
      pages.append(
        ResolvedPage(
          page: page, url: u, outputPath: urls.outputPath(forURL: u), bodyHTML: out.html ?? "",
          headings: out.headings,
          plainText: out.plainText, glossaryTerms: out.glossaryTerms, links: out.links,
          bodyIsStub: out.html == nil, bodyKey: key, bodyWarnings: out.warnings,
          anchors: out.anchors, headingLinks: out.headingLinks))
    }

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
  }

  /// The key under which a page's body is remembered: everything its rendering reads.
  public static func bodyKey(_ page: Page, hashes: SourceHashes?, context: UInt64) -> UInt64 {
    var h = StableHash()
    h.add(context)
    h.add(hashes?.body ?? StableHash.of(page.body))
    h.add(page.bodyLine)
    h.add(page.path)
    h.add(page.relativePath)
    h.add(page.kind.rawValue)
    h.add(page.slug)
    return h.value
  }

  /// What to tell the writer about a body's links to content files that are not pages: a
  /// draft is named as one, a scheduled page with its time, a file of a type not published as
  /// such (it exists: "no content file" sent writers looking for a typo); a file with errors
  /// of its own is not reported again (its errors are what to fix); otherwise the file does
  /// not exist.
  static func linkProblems(
    _ missing: [MissingLink], in page: Page, context: BodyContext, withheld: [String: Withheld]
  ) -> [Diagnostic] {
    missing.compactMap { link in
      let at = SourceLocation(file: page.path, line: link.line, column: link.column)
      if link.withoutExtension {
        let written =
          Self.relativePath(from: page.relativePath, to: link.target) + fragment(of: link.url)
        return .error(
          at,
          "the link points to `\(link.url)`, which leads to no page: a link to a page names its Markdown file, `.md` and all",
          hint: "write `\(written)`", code: "content.broken-link"
        ).ja(
          "リンク先 `\(link.url)` は、どのページにもつながりません。ページへのリンクは、そのMarkdownファイルの名前を `.md` まで書きます",
          hint: "`\(written)` と書いてください")
      }
      switch withheld[link.target] {
      case .broken?: return nil
      case .draft?:
        return .error(
          at,
          "the link points to `\(link.url)`, but `\(link.target)` is a draft (`draft: true`), which is not published",
          hint:
            "publish it by removing `draft: true`, or take the link out until then (`--drafts` previews drafts)",
          code: "content.broken-link"
        ).ja(
          "リンク先 `\(link.url)` の `\(link.target)` は下書き（`draft: true`）なので、公開されません",
          hint: "`draft: true` を消して公開するか、それまでリンクを外してください（`--drafts` で下書きも見られます）")
      case .scheduled(let publish)?:
        return .error(
          at,
          "the link points to `\(link.url)`, but `\(link.target)` is not published until \(publish.readable) (`publish`)",
          hint:
            "give this page the same `publish` time (or a later one), or take the link out until then (`--drafts` previews both)",
          code: "content.broken-link"
        ).ja(
          "リンク先 `\(link.url)` の `\(link.target)` は、\(publish.readable) まで公開されません（`publish`）",
          hint:
            "このページにも同じ `publish` の日時（かそれより後）を書くか、それまでリンクを外してください（`--drafts` でどちらも見られます）"
        )
      case .unpublishedType?:
        let type = ContentFiles.fileExtension(link.target)
        let shown = type.isEmpty ? "files without an extension" : "`.\(type)` files"
        let shownJa = type.isEmpty ? "拡張子のない" : "`.\(type)` の"
        return .error(
          at,
          "the link points to `\(link.url)`, a file that exists but is not published: \(shown) are not copied to the site",
          hint:
            "save it in a type that is published (\(ContentFiles.extensions.sorted().joined(separator: ", ")); a `.zip` can hold any file), or link to where it is published elsewhere",
          code: "content.broken-link"
        ).ja(
          "リンク先 `\(link.url)` のファイルはありますが、\(shownJa)ファイルはサイトにコピーされないため、公開されません",
          hint:
            "公開できる形式（\(ContentFiles.extensions.sorted().joined(separator: ", "))。`.zip` にすればどのファイルも入れられます）で保存するか、ほかで公開している場所にリンクしてください"
        )
      case nil:
        let near = linkSuggestion(
          for: link.target, from: page.relativePath, known: Array(context.urlForFile.keys),
          written: link.url
        ).map { "\($0)\(fragment(of: link.url))" }
        let guess = near.map { "did you mean `\($0)`? " }
        let guessJa = near.map { "`\($0)` のまちがいではありませんか。" }
        // An image or a PDF lives under files/: an example of a page (`other.md`) misleads there.
        let file = !link.target.hasSuffix(".md")
        let example = Self.relativePath(from: page.relativePath, to: "files/map.png")
        return .error(
          at, "the link points to `\(link.url)`, but there is no content file `\(link.target)`",
          hint: "\(guess ?? "")"
            + (file
              ? "put the file under content/files/ and write where it is from this file, e.g. `\(example)`"
              : "link to an existing file under content/, relative to this file"),
          code: "content.broken-link"
        ).ja(
          "リンク先 `\(link.url)` のファイル `\(link.target)` が、content/ にありません",
          hint: "\(guessJa ?? "")"
            + (file
              ? "画像やPDFなどのファイルは content/files/ に置き、このファイルから見た場所で書きます（例：`\(example)`）。ファイルの名前と場所を確かめてください"
              : "content/ にあるファイルの名前と場所を確かめてください。このファイルから見た場所で書きます（同じフォルダーなら `other.md`、ほかのフォルダーなら `../events/other.md`）")
        )
      }
    }
  }

  /// The link to write instead of one to a missing file, as the writer types it: relative to
  /// the linking file (the message names the content path, which pasted in would break again).
  /// A near name in the same folder first; else a file of that name, or one a typo away, in
  /// exactly one other folder (`ai-disaster.md` written from strategy/ for an initiative).
  /// Before those, the path `written` read from the content folder instead, when it names a
  /// file: `initiatives/x.md` written in an initiative means `x.md`, whatever else is near.
  static func linkSuggestion(
    for target: String, from page: String, known: [String], written: String? = nil
  ) -> String? {
    if let fromRoot = written.flatMap(pathFromRoot), fromRoot != target,
      known.contains(fromRoot)
    {
      return relativePath(from: page, to: fromRoot)
    }
    var guess = Suggest.closest(to: target, in: known)
    if guess == nil {
      let name = lastComponent(target)
      let names = Set(known.map(lastComponent))
      if let near = names.contains(name) ? name : Suggest.closest(to: name, in: Array(names)) {
        let matches = known.filter { lastComponent($0) == near }
        if matches.count == 1 { guess = matches[0] }
      }
    }
    return guess.map { relativePath(from: page, to: $0) }
  }

  /// A link's path (no `#…`, decoded) as a content path: `initiatives/x.md`, `./x.md` and
  /// `content/x.md` as written from content/; nil for one that climbs (`../`).
  private static func pathFromRoot(_ url: String) -> String? {
    var path = Substring(url.prefix { $0 != "#" && $0 != "?" })
    path = Substring(path.removingPercentEncoding ?? String(path))
    while path.hasPrefix("./") { path = path.dropFirst(2) }
    if path.hasPrefix("content/") { path = path.dropFirst("content/".count) }
    guard !path.isEmpty, !path.hasPrefix("/"),
      !path.split(separator: "/").contains(where: { $0 == ".." || $0 == "." })
    else { return nil }
    return String(path)
  }

  private static func lastComponent(_ path: String) -> String {
    path.split(separator: "/").last.map(String.init) ?? path
  }

  /// `to` as a link written in the file `from` (both content-relative).
  static func relativePath(from: String, to: String) -> String {
    var folder = from.split(separator: "/").dropLast()
    var parts = to.split(separator: "/")[...]
    while let a = folder.first, let b = parts.first, a == b, parts.count > 1 {
      folder = folder.dropFirst()
      parts = parts.dropFirst()
    }
    return (Array(repeating: "..", count: folder.count) + parts.map(String.init))
      .joined(separator: "/")
  }

  private static func fragment(of url: String) -> Substring {
    url.firstIndex(of: "#").map { url[$0...] } ?? ""
  }

  static func bodyContext(
    _ pages: [Page], files: [ContentFile], config: SiteConfig, urls: URLScheme
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
      imageSizes: ImageAttributes.sizes(of: files, urls: urls))
  }

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

    // Pages using each glossary entry.
    for i in pages.indices {
      for slug in Set(pages[i].glossaryTerms) { site.termUsers[slug, default: []].append(i) }
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
