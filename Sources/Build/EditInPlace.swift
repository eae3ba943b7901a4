import Content
import Diagnostics
import Foundation
import Render
import Search
import Site

#if canImport(Glibc)
  import Glibc
#endif

/// The quick way through the usual save in `portal serve`: an edit to a page that keeps its
/// place (`samePlace`: its URL and earlier addresses, where the search index and the event lists put it, and the
/// glossary entries bodies link to). Its body and other front matter (a title, a summary, the
/// fields or related pages it names) may change. The site's pages stay, so the edit is applied
/// to the site the session kept: only that file is parsed and its body rendered; the relations
/// are derived again if it moved between lists; only its page (or the field page showing it)
/// is rendered, or when front matter changed, whatever shows it (the outputs that read the page,
/// from `Readers`; after a move between lists, every output's inputs are hashed again); its
/// search documents are patched. The usual incremental build
/// walks every page in several passes (load, resolve, plan, search), which at 10,000 pages
/// took most of a second; this touches what the edit touched.
///
/// Anything else returns nil and the build goes the usual way: a file added, removed or
/// renamed; a page's place changed; site.yml or the theme edited; a problem reported; a change
/// of the upcoming/past split; another day in Japan while the cache holds a warning of the
/// clock, whose words name the day (`clockDayChanged`). Both ways give the same files and the same cache
/// (`EditInPlaceTests`).
enum EditInPlace {
  /// More files at once (a checkout, a search and replace) go the usual way, in parallel.
  static let maxFiles = 16

  struct Done {
    var diagnostics: [Diagnostic]
    var pageCounts: [(String, Int)]
    var written: [String]
    var deleted: [String]
    var rendered: [String]
  }

  /// One edited page, checked and rendered, not yet put in the site.
  private struct Edit {
    var index: Int
    var page: Page
    var body: ResolvedBody
    var key: UInt64
    var publicHash: UInt64
    var fullHash: UInt64
    var oldDiagnostics: [Diagnostic]
    var newDiagnostics: [Diagnostic]
    /// Whether it moves the page between lists (`sameRelations`).
    var moves: Bool
    /// The file's `SourceHash`, for `SourceRecord`.
    var sourceHash: UInt64
  }

  static func rebuild(
    _ options: BuildOptions, session: BuildSession, tree: SourceTree, settings: String, now: Int64
  ) throws(OutputWriter.Failure) -> Done? {
    // The cache is not bound here: a second reference would make each change below copy it.
    guard var resolved = session.resolved, session.cache?.hasState == true,
      session.cache?.settings == settings, session.cache?.sameEventSplit(at: now) == true,
      let oldTree = session.cache?.tree,
      let files = editedFiles(tree, since: oldTree, options: options),
      !Self.clockDayChanged(session.cache!.diagnostics, from: session.cache!.now, to: now)
    else { return nil }

    // Only files the build never reads changed (an editor's lock or backup): the cache takes
    // the new stamps, and nothing is rendered or written.
    if files.isEmpty {
      guard session.defersCacheWrites else { return nil }
      session.cache?.tree = tree
      session.cache?.now = now
      session.cacheUnsaved = true
      return Done(
        diagnostics: session.cache!.diagnostics, pageCounts: session.cache!.pageCounts,
        written: [], deleted: [], rendered: [])
    }

    // Parse each file again and render its body; give up at the first page that does not keep
    // its place (or is not simply an edit).
    var edits: [Edit] = []
    for relative in files {
      guard let stamp = tree.stamps["c/" + relative],
        let (previous, current) = ContentLoader.reparse(
          relative, stamp: stamp, contentDirectory: options.contentDirectory,
          memo: session.parseMemo),
        let page = current.page, !current.diagnostics.hasErrors,
        let i = resolved.site.index(of: page.kind, slug: page.slug),
        resolved.site.pages[i].page.relativePath == relative,
        Self.samePlace(resolved.site.pages[i].page, page),
        !Self.touchesDayToCome(resolved.site.pages[i].page, page, now: options.now),
        !Self.movesTagWarnings(
          resolved.site.pages[i].page, page, diagnostics: session.cache!.diagnostics),
        let (body, key) = Resolver.renderBody(of: page, hashes: current.hashes, in: resolved.site),
        body.linksResolve,
        // Links to headings are checked with every page's anchors (`HeadingLinks`).
        Self.keepsHeadingLinks(
          body, of: page, in: resolved.site, at: i, diagnostics: session.cache!.diagnostics),
        Self.keepsAddressLinks(
          body, of: page, outputs: session.cache!.outputs, diagnostics: session.cache!.diagnostics),
        // Which pages use which glossary entry is a relation too.
        body.glossaryTerms == resolved.site.pages[i].glossaryTerms,
        // The load's warnings by the clock are not the parse's: moved to where they now are.
        let clock = Self.clockWarnings(
          from: resolved.site.pages[i].page, to: page, in: session.cache!.diagnostics,
          now: options.now, contentDirectory: options.contentDirectory)
      else { return nil }
      var candidate = resolved.site.pages[i]
      candidate.page = page
      candidate.bodyKey = key
      let hashes = Dependencies.hashes(of: candidate, source: current.hashes)
      edits.append(
        Edit(
          index: i, page: page, body: body, key: key, publicHash: hashes.public,
          fullHash: hashes.full,
          oldDiagnostics: previous.diagnostics + resolved.site.pages[i].bodyWarnings + clock.old,
          newDiagnostics: current.diagnostics + body.warnings + clock.new,
          moves: !Self.sameRelations(resolved.site.pages[i].page, page),
          sourceHash: current.hashes?.file ?? 0))
    }
    // Pages that moved between lists must point at pages that exist (a problem there is
    // reported by the usual way).
    let moves = edits.contains(where: \.moves)
    if moves {
      var pages = resolved.site.pages.map(\.page)
      for e in edits { pages[e.index] = e.page }
      let problems = ReferenceValidator.validate(pages: pages, config: resolved.site.config)
      guard !problems.hasErrors else { return nil }
    }

    // From here the session's site and cache are changed in place: taken out of the session
    // so that no second reference makes each change copy all 10,000 entries.
    var cache = session.cache!
    session.resolved = nil
    session.cache = nil
    // The search documents as the index has them, made before the site changes if the
    // session has none yet (after a build that left the index as it was).
    var documents = resolved.search ?? SearchDocuments(site: resolved.site)
    resolved.search = nil
    resolved.site.now = options.now
    // Front matter other pages show changed: the outputs that read it are hashed again, after
    // the relations are derived again if a page moved between lists.
    let shown = edits.contains { $0.publicHash != resolved.dependencies.publicHash[$0.index] }
    for e in edits {
      Resolver.replaceBody(
        &resolved.site, page: e.index, with: e.page, body: e.body, key: e.key,
        memo: session.bodyMemo)
      resolved.dependencies.update(page: e.index, public: e.publicHash, full: e.fullHash)
    }
    if moves {
      Resolver.rederive(&resolved.site)
      resolved.readers = nil
    }

    // Render what changed: the edited pages (or the field pages showing them), and when front
    // matter changed, whatever shows it.
    let edited = Set(edits.map(\.index))
    let site = resolved.site
    let listed = RenderPlan(site: resolved.site, theme: resolved.theme, jobs: resolved.jobs)
    let candidates: [(path: String, job: RenderJob)]
    if moves {
      // Outputs that read the page before the move may not read it now, and counts changed.
      candidates = resolved.jobs
    } else if shown {
      resolved.makeReaders(plan: listed)
      candidates = resolved.readers!.jobs(reading: edited).map { resolved.jobs[$0] }
    } else {
      candidates = resolved.jobs.filter { _, job in
        job.bodyPage(in: site).map(edited.contains) ?? false
      }
    }
    let dependencies = resolved.dependencies
    let hashes = candidates.parallelMap {
      dependencies.inputs(of: $0.job, path: $0.path, plan: listed)
    }
    var jobs: [RenderJob] = []
    var inputs: [String: UInt64] = [:]
    for ((path, job), hash) in zip(candidates, hashes) where cache.outputs[path]?.inputs != hash {
      jobs.append(job)
      inputs[path] = hash
    }
    let needBodies = jobs.compactMap { $0.bodyPage(in: site) }
    _ = consume listed
    _ = consume site
    // Pages that show the edited one may hold their bodies as stubs (after a build that did
    // not render them).
    Resolver.fillBodies(&resolved.site, pages: needBodies, memo: session.bodyMemo)
    var taken = RenderPlan(site: resolved.site, theme: resolved.theme, jobs: resolved.jobs)
      .render(jobs)

    // Patch the search index for these pages.
    let searchInputs = resolved.dependencies.searchInputs
    var search: SearchIndexStep.Result?
    if searchInputs != cache.searchInputs {
      let replaced = documents.replace(pages: edits.map(\.index), in: resolved.site)
      search = try SearchIndexStep.run(
        resolved.site, documents: documents, changedPages: edits.map(\.index), previous: cache,
        previousDocument: { replaced[$0] }, output: options.outputDirectory,
        write: { files throws(OutputWriter.Failure) in taken += files })
    }
    resolved.search = documents

    // Record what was rendered, as the usual build does; written are the files whose bytes
    // differ from those the cache had.
    var changed: [OutputFile] = []
    var sourceMapChanged = false
    // The cache is a parameter, not captured: a captured variable is one box, and the two
    // in-out accesses below to its parts would overlap.
    func record(_ files: [OutputFile], into cache: inout BuildCache) {
      let before = files.map { cache.outputs[$0.path]?.bytes }
      let (hashes, mapChanged) = BuildCache.record(
        files, inputs: inputs, outputs: &cache.outputs, sourceMap: &cache.sourceMap)
      if mapChanged { sourceMapChanged = true }
      for (f, (old, bytes)) in zip(files, zip(before, hashes)) where old != bytes {
        changed.append(f)
      }
    }
    record(taken, into: &cache)
    var deleted: [String] = []
    if let search {
      if search.paths != cache.searchFiles {
        let kept = Set(search.paths)
        deleted = cache.searchFiles.filter { !kept.contains($0) }
        for path in deleted { cache.outputs[path] = nil }
        cache.searchFiles = search.paths
      }
      cache.searchState = search.state
      cache.searchInputs = searchInputs
    }
    var rendered = taken.map(\.path)
    if sourceMapChanged {
      let map = cache.sourceMap.file()
      record([map], into: &cache)
      rendered.append(map.path)
    }
    for e in edits { resolved.sources.update(page: e.index, hash: e.sourceHash) }
    let sources = resolved.sources.file()
    record([sources], into: &cache)
    rendered.append(sources.path)

    // The warnings: this file's from its new parse instead of its old one, its body's, and
    // the clock's at their new places.
    var diagnostics = cache.diagnostics
    for e in edits {
      for d in e.oldDiagnostics {
        if let k = diagnostics.firstIndex(of: d) { diagnostics.remove(at: k) }
      }
      diagnostics += e.newDiagnostics
    }
    cache.diagnostics = diagnostics.sorted
    for e in edits {
      let p = resolved.site.pages[e.index]
      cache.bodies[p.page.relativePath] = BuildCache.Body(p)
    }
    cache.tree = tree
    cache.now = now
    // What the next `portal build` compares its plan with: these pages' hashes changed.
    cache.planned = cache.planned?.updated(
      site: resolved.site, dependencies: resolved.dependencies)

    let deferred = session.defersCacheWrites
    // On failure the session keeps no cache: the next build starts from the output's own.
    if let log = try OutputWriter.apply(
      writes: changed, deletes: deleted.sorted(), cache: deferred ? nil : cache,
      to: options.outputDirectory)
    {
      cache.outputs.stored(at: log)
    }
    session.cacheUnsaved = deferred
    let done = Done(
      diagnostics: cache.diagnostics, pageCounts: cache.pageCounts, written: changed.map(\.path),
      deleted: deleted.sorted(), rendered: rendered)
    session.cache = cache
    session.resolved = resolved
    return done
  }

  /// Whether a new parse of a page keeps its place: the same kind, slug, draft state,
  /// `publish` time and tags (as written), and
  /// what orders the search index (an initiative's start, an event's times, which also decide
  /// the upcoming/past split and the calendars) and links bodies to it (all of a glossary
  /// entry's front matter). Other relations may change: the site derives them again.
  static func samePlace(_ a: Page, _ b: Page) -> Bool {
    // Earlier addresses are outputs of their own (`Site.redirects`, with where they are written).
    // A `publish` time is one of the cache's clock boundaries.
    // Tags are outputs of their own (/tags/<tag>/, with /tags/ counting them and every footer
    // linking it), ordered by readings: a tag added, removed or respelled goes the usual way
    // (one only moved to another line, `movesTagWarnings`, need not).
    guard a.kind == b.kind, a.slug == b.slug, a.draft == b.draft, a.publish == b.publish,
      a.redirectFrom == b.redirectFrom, a.tags == b.tags,
      a.tagPlaces.map(\.id) == b.tagPlaces.map(\.id)
    else { return false }
    switch (a.meta, b.meta) {
    case (.initiative(let x), .initiative(let y)): return x.started == y.started
    // The times (and when registration closes) are the cache's clock boundaries.
    case (.event(let x), .event(let y)):
      return x.start == y.start && x.end == y.end && x.registrationCloses == y.registrationCloses
    case (.glossary(let x), .glossary(let y)): return x == y
    default: return true
    }
  }

  /// Whether an edit sets or mends an `updated` day still to come: the loader warns about
  /// such a day (it knows the clock; a parse does not), so the edit goes the usual way, where
  /// the warning comes or goes with it.
  static func touchesDayToCome(_ a: Page, _ b: Page, now: DateTime) -> Bool {
    a.updated != b.updated
      && (FutureDates.updatedToCome(a, at: now) || FutureDates.updatedToCome(b, at: now))
  }

  /// Whether an edit moves tags the site warns about (`content.tag-spelling`,
  /// `content.tag-reading`) to other lines or columns: the warnings are made with every page's
  /// tags (`Taxonomy`), so the usual way makes them again at the new place.
  static func movesTagWarnings(_ a: Page, _ b: Page, diagnostics: [Diagnostic]) -> Bool {
    a.tagPlaces != b.tagPlaces
      && diagnostics.contains {
        $0.location.file == a.path && $0.code?.hasPrefix("content.tag-") == true
      }
  }

  /// Whether a new parse of a page leaves every relation as it was: which lists it is in and
  /// in what order (fields, related pages, parents, order, dates, `updated`; a page about the
  /// site's place in the footer: `footer`, `order`, title), and for a glossary entry all
  /// its front matter (its names decide which words of every body link to it).
  static func sameRelations(_ a: Page, _ b: Page) -> Bool {
    // `updated` orders 更新情報.
    guard a.kind == b.kind, a.slug == b.slug, a.draft == b.draft, a.updated == b.updated else {
      return false
    }
    switch (a.meta, b.meta) {
    case (.strategy(let x), .strategy(let y)):
      return x.order == y.order && x.parent?.id == y.parent?.id
    case (.field(let x), .field(let y)):
      return x.domain.id == y.domain.id && x.field.id == y.field.id
    case (.initiative(let x), .initiative(let y)):
      return x.fields.map(\.id) == y.fields.map(\.id) && x.related.map(\.id) == y.related.map(\.id)
        && x.started == y.started
    case (.event(let x), .event(let y)):
      return x.start == y.start && x.end == y.end
        && x.initiatives.map(\.id) == y.initiatives.map(\.id)
    case (.glossary(let x), .glossary(let y)):
      return x == y
    // The footer of every page lists pages about the site by order and title.
    case (.about(let x), .about(let y)):
      return x.footer == y.footer && x.order == y.order && x.title == y.title
    default:
      return false
    }
  }

  /// The pages (relative to content/) whose files changed, when nothing else the build reads
  /// did: besides them only folders (an editor saving through a rename touches its folder) and
  /// files under content/ the loader never reads (editors' backups, locks and swap files,
  /// hidden or `_` names, other than Markdown). Empty when only such things changed; nil when
  /// more did (a page added or removed, site.yml, anything under theme/ or static/).
  static func editedFiles(_ tree: SourceTree, since old: SourceTree, options: BuildOptions)
    -> [String]?
  {
    var files: [String] = []
    for path in tree.changes(since: old) {
      let relative = String(path.dropFirst(2))
      if path.hasPrefix("c/"), relative == "site.yml" { return nil }
      if path.hasPrefix("c/"), ContentLoader.isPageFile(relative) {
        // A page added or removed changes relations.
        guard tree.stamps[path] != nil, old.stamps[path] != nil else { return nil }
        files.append(relative)
        continue
      }
      // A published file is copied, and adding or removing one changes links; one of a type
      // that is not published gets a warning: the usual way for both.
      if path.hasPrefix("c/"), ContentFiles.isUnderFolder(relative) { return nil }
      // A page saved under another name (`a.md.txt`), an image outside files/: the usual way
      // warns of it.
      if path.hasPrefix("c/"), ContentLoader.isWarnedOf(relative) { return nil }
      if path.hasPrefix("c/") { continue }
      // A static file is an output of its own.
      if path.hasPrefix("s/") { return nil }
      // Under theme/ every file may be read.
      let full =
        options.themeDirectory.standardizedFileURL.path
        + (relative.isEmpty ? "" : "/" + relative)
      var st = stat()
      guard lstat(full, &st) == 0, (st.st_mode & S_IFMT) == S_IFDIR else { return nil }
    }
    guard files.count <= maxFiles else { return nil }
    return files
  }
}
