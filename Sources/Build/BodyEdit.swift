import Content
import Diagnostics
import Foundation
import Render
import Search
import Site

#if canImport(Glibc)
  import Glibc
#endif

/// The quick way through the usual save in `portal serve`: an edit to the body of a page and
/// nothing else. Its front matter, URL and the glossary terms its body links are as before, so
/// the site's pages and relations are too, and nothing another page shows has changed. Only
/// that file is parsed, only its body rendered, only its page (or the field page showing it)
/// rendered, and only its search documents patched, on the site the session kept. The usual
/// incremental build walks every page in several passes (load, resolve, plan, search), which
/// at 10,000 pages took most of a second; this touches what the edit touched.
///
/// Anything else returns nil and the build goes the usual way: a file added, removed or
/// renamed; front matter, site.yml or the theme edited; a problem reported; a change of the
/// upcoming/past split. Both ways give the same files and the same cache (`BodyEditTests`).
enum BodyEdit {
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
    var fullHash: UInt64
    var oldDiagnostics: [Diagnostic]
    var newDiagnostics: [Diagnostic]
  }

  static func rebuild(
    _ options: BuildOptions, session: BuildSession, tree: SourceTree, settings: String, now: Int64
  ) throws(OutputWriter.Failure) -> Done? {
    // The cache is not bound here: a second reference would make each change below copy it.
    guard var resolved = session.resolved, session.cache?.hasState == true,
      session.cache?.settings == settings, session.cache?.sameEventSplit(at: now) == true,
      let oldTree = session.cache?.tree,
      let files = editedFiles(tree, since: oldTree, options: options)
    else { return nil }

    // Parse each file again and render its body; give up at the first thing that is more
    // than a body edit.
    var edits: [Edit] = []
    for relative in files {
      guard let stamp = tree.stamps["c/" + relative],
        let (previous, current) = ContentLoader.reparse(
          relative, stamp: stamp, contentDirectory: options.contentDirectory,
          memo: session.parseMemo),
        let page = current.page, !current.diagnostics.hasErrors,
        let i = resolved.site.index(of: page.kind, slug: page.slug),
        resolved.site.pages[i].page.relativePath == relative,
        let (body, key) = Resolver.renderBody(of: page, hashes: current.hashes, in: resolved.site),
        body.diagnostics.isEmpty
      else { return nil }
      var candidate = resolved.site.pages[i]
      candidate.page = page
      candidate.glossaryTerms = body.glossaryTerms
      candidate.bodyKey = key
      let hashes = Dependencies.hashes(of: candidate, source: current.hashes)
      guard hashes.public == resolved.dependencies.publicHash[i] else { return nil }
      edits.append(
        Edit(
          index: i, page: page, body: body, key: key, fullHash: hashes.full,
          oldDiagnostics: previous.diagnostics, newDiagnostics: current.diagnostics))
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
    for e in edits {
      Resolver.replaceBody(
        &resolved.site, page: e.index, with: e.page, body: e.body, key: e.key,
        memo: session.bodyMemo)
      resolved.dependencies.update(page: e.index, full: e.fullHash)
    }

    // Render the outputs made from these bodies: their pages, or the field pages showing them.
    let edited = Set(edits.map(\.index))
    var plan: RenderPlan? = RenderPlan(
      site: resolved.site, theme: resolved.theme, jobs: resolved.jobs)
    var jobs: [RenderJob] = []
    var inputs: [String: UInt64] = [:]
    for (path, job) in resolved.jobs {
      switch job {
      case .page(let i) where edited.contains(i): break
      case .field(let di, let fi):
        guard let v = resolved.site.domains[di].fields[fi].vision, edited.contains(v) else {
          continue
        }
      default: continue
      }
      let hash = resolved.dependencies.inputs(of: job, path: path, plan: plan!)
      guard cache.outputs[path]?.inputs != hash else { continue }
      jobs.append(job)
      inputs[path] = hash
    }
    var taken = plan!.render(jobs)
    plan = nil

    // Patch the search index for these pages.
    let searchInputs = resolved.dependencies.searchInputs
    var search: SearchIndexStep.Result?
    if searchInputs != cache.searchInputs {
      let replaced = documents.replace(pages: edits.map(\.index), in: resolved.site)
      search = try SearchIndexStep.run(
        resolved.site, documents: documents, changedPages: edits.map(\.index), previous: cache,
        previousDocument: { replaced[$0] }, output: options.outputDirectory
      ) { files throws(OutputWriter.Failure) in taken += files }
    }
    resolved.search = documents

    // Record what was rendered, as the usual build's `take` does.
    var changed: [OutputFile] = []
    var sourceMapChanged = false
    func record(_ files: [OutputFile]) {
      let hashes = files.parallelMap { StableHash.of(data: $0.data) }
      for (f, bytes) in zip(files, hashes) {
        if let e = SourceMapStep.entry(for: f), cache.sourceMap[f.path] != e {
          cache.sourceMap[f.path] = e
          sourceMapChanged = true
        }
        if cache.outputs[f.path]?.bytes != bytes { changed.append(f) }
        cache.outputs[f.path] = BuildCache.Output(inputs: inputs[f.path] ?? bytes, bytes: bytes)
      }
    }
    record(taken)
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
      record([map])
      rendered.append(map.path)
    }

    // The warnings: this file's from its new parse instead of its old one.
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
      cache.bodies[p.page.relativePath] = BuildCache.Body(
        key: p.bodyKey, plainText: p.plainText, glossaryTerms: p.glossaryTerms)
    }
    cache.tree = tree
    cache.now = now

    let deferred = session.defersCacheWrites
    // On failure the session keeps no cache: the next build starts from the output's own.
    try OutputWriter.apply(
      writes: changed, deletes: deleted.sorted(), cache: deferred ? nil : cache,
      to: options.outputDirectory)
    session.cacheUnsaved = deferred
    let done = Done(
      diagnostics: cache.diagnostics, pageCounts: cache.pageCounts, written: changed.map(\.path),
      deleted: deleted.sorted(), rendered: rendered)
    session.cache = cache
    session.resolved = resolved
    return done
  }

  /// The content files (relative to content/) whose stamps changed, when nothing else did
  /// besides folders whose entries are the same (an editor saving by renaming a new file over
  /// the old touches its folder); nil otherwise.
  static func editedFiles(_ tree: SourceTree, since old: SourceTree, options: BuildOptions)
    -> [String]?
  {
    let changed = tree.changes(since: old)
    var files: [String] = []
    for path in changed {
      // Added or removed.
      guard tree.stamps[path] != nil, old.stamps[path] != nil else { return nil }
      if path.hasPrefix("c/"), path.hasSuffix(".md") {
        files.append(String(path.dropFirst(2)))
      } else {
        let root = path.hasPrefix("c/") ? options.contentDirectory : options.themeDirectory
        let relative = path.dropFirst(2)
        let full = root.standardizedFileURL.path + (relative.isEmpty ? "" : "/" + relative)
        var st = stat()
        guard lstat(full, &st) == 0, (st.st_mode & S_IFMT) == S_IFDIR else { return nil }
      }
    }
    guard !files.isEmpty, files.count <= maxFiles else { return nil }
    return files
  }
}
