import ByteFormats
import Content
import Diagnostics
import Foundation
import Render
import Site

/// What each output of a build is made from.
struct OutputPlan {
  /// Every page, list, feed and file the theme and site make, by output path.
  var jobs: [(path: String, job: RenderJob)]
  /// The hash of each output's inputs, the static files' included.
  var inputs: [String: UInt64]
  var dependencies: Dependencies
  var statics: StaticFolder
  /// What the next build compares its plan with (`PlannedPages`).
  var planned: PlannedPages
  /// When the plan is the last build's but for bodies (`PlannedPages.changedJobs`): the only
  /// jobs whose inputs may have changed, the only ones in `inputs` (with the static files);
  /// every other output keeps the inputs the cache has. Nil when every job's are in `inputs`.
  var candidates: [(path: String, job: RenderJob)]?
}

/// Resolving the site and planning its outputs, where the last problems are found.
extension BuildRun {
  /// Resolves URLs, bodies and relations. Runs even when loading found errors, on the pages
  /// that did load, so broken links are reported in the same run; the build ends after the
  /// links' warnings are found too (`endIfFailed(addressLinksOf:theme:)`). Bodies come from
  /// the session or, as stubs without HTML, from the cache when their inputs are unchanged:
  /// the memo returned, which fills them in before rendering.
  func resolve(_ loaded: LoadedContent, theme: Theme, previous: BuildCache?) -> (Site, BodyMemo?) {
    let content = loaded.content!
    progress.step(
      "Resolving \(content.pages.count) pages",
      ja: "\(JapaneseCount.pages(content.pages.count))のつながりを調べています")
    let memo = bodyMemo(previous: previous)
    // A heading never takes an id the templates write (`## toc-heading` made two).
    let (site, resolveDiagnostics) = Resolver.resolve(
      content, now: options.now, memo: memo, themeIDs: Self.themeIDs(theme))
    diagnostics += resolveDiagnostics
    return (site, memo)
  }

  /// Ends a build that found errors so far, after checking the bodies' address links
  /// (`/initiatives/x/`) against what the site would write, which the plan would otherwise
  /// check: an error elsewhere hid those warnings until it was fixed, a second round in CI.
  func endIfFailed(addressLinksOf site: Site, theme: Theme) throws(Ended) {
    guard diagnostics.contains(where: { $0.severity == .error }) else { return }
    if site.pages.contains(where: { !$0.addressLinks.isEmpty }) {
      let (statics, _) = StaticFolder.scan(options.staticDirectory)
      let known = Self.outputPaths(
        RenderPlan(site: site, theme: theme).jobs, statics: statics, site: site, theme: theme)
      diagnostics += AddressLinks.problems(in: site, known: known)
    }
    try endIfFailed()
  }

  /// What each output is made from (the static files are outputs too, made from their
  /// stamps: `StaticFolder`); the build ends here on a path two outputs claim or a link of
  /// site.yml to no output. Warns of pages the last build had and this one has not.
  func plan(_ site: Site, theme: Theme, loaded: LoadedContent, previous: BuildCache?)
    throws(Ended) -> OutputPlan
  {
    progress.step("Planning", ja: "作るファイルを決めています")
    let plan = RenderPlan(site: site, theme: theme)
    let jobs = plan.jobs
    let hashes = loaded.content!.hashes
    var dependencies = Dependencies(
      site: site, hashes: hashes, global: globalInputs(theme, loaded.content!), termsOf: [])
    let planned = PlannedPages(site: site, dependencies: dependencies, jobs: jobs)
    let (statics, staticProblems) = StaticFolder.scan(options.staticDirectory)
    diagnostics += staticProblems + statics.conflicts(with: jobs, in: site)
    let candidates = bodyEditCandidates(
      planned, jobs: jobs, site: site, statics: statics, hashes: hashes, previous: previous)
    // The glossary entries the bodies link, of the pages whose outputs are hashed: every page
    // but after an edit of bodies alone in `portal build` (`portal serve` keeps them all for
    // the edits to come).
    if let candidates, session == nil {
      dependencies.findTermPages(of: candidates.compactMap { $0.job.bodyPage(in: site) }, in: site)
    } else {
      dependencies.findTermPages(of: site.pages.indices, in: site)
    }
    var inputs = Self.inputs(of: candidates ?? jobs, dependencies: dependencies, plan: plan)
    inputs.merge(statics.inputs) { page, _ in page }
    var conflicts = RenderPlan.redirectConflicts(jobs, in: site)
    // The outputs are gathered for site.yml's paths, unless the plan is the last one's (the
    // same links, outputs, files and assets, which had no such error), and for the bodies'
    // address links when there are any (the shipped portal and the benchmark link pages by
    // their files).
    let addressed = site.pages.contains { !$0.addressLinks.isEmpty }
    if candidates == nil || addressed {
      let known = Self.outputPaths(jobs, statics: statics, site: site, theme: theme)
      if candidates == nil { conflicts += ConfigLinks.problems(site.config, known: known) }
      if addressed { diagnostics += AddressLinks.problems(in: site, known: known) }
    }
    diagnostics += conflicts
    // A heading a link of site.yml names may be renamed by any edit.
    diagnostics += ConfigLinks.headingProblems(site.config, in: site) { Self.themeIDs(theme) }
    diagnostics += ThemeParams.problems(
      theme.paramsUsed, config: site.config, configPath: loaded.content!.configPath)
    try endIfFailed()
    // The same outputs as the last build's: none is gone.
    if let previous, !options.strict, candidates == nil {
      // The last build's static copies are no pages.
      let copied = Set(StaticFileList.read(site: options.outputDirectory))
      let current = Set(jobs.map(\.path) + statics.outputPaths)
      let gone = previous.outputs.keys.filter { !copied.contains($0) && !current.contains($0) }
      let sources = goneSources(gone, previous: previous)
      let successors = successors(of: sources, jobs: jobs, site: site, previous: previous)
      moved = successors.mapValues(\.address)
      diagnostics += GonePages.warnings(
        previous: gone, current: current,
        at: ContentLoader.displayPath(for: options.contentDirectory),
        withheld: withheldPages(among: gone, sources: sources, loaded: loaded),
        sources: sources, successors: successors)
    }
    return OutputPlan(
      jobs: jobs, inputs: inputs, dependencies: dependencies, statics: statics, planned: planned,
      candidates: candidates)
  }

  /// The jobs whose inputs may differ from the last build's when this build's plan is the
  /// last one's but for bodies (`PlannedPages`), with the same static files, every page with
  /// its source's hashes and no event moved between upcoming and past; else nil.
  private func bodyEditCandidates(
    _ planned: PlannedPages, jobs: [(path: String, job: RenderJob)], site: Site,
    statics: StaticFolder, hashes: [String: SourceHashes], previous: BuildCache?
  ) -> [(path: String, job: RenderJob)]? {
    guard let previous, let last = previous.planned, previous.sameEventSplit(at: now),
      // Every output of the last build is one of this one's (`OutputTable.sameFiles`).
      previous.outputs.count
        == jobs.count + statics.outputPaths.count + previous.searchFiles.count + 2,
      statics.outputPaths.allSatisfy({ previous.outputs[$0] != nil }),
      site.pages.allSatisfy({ hashes[$0.page.relativePath] != nil })
    else { return nil }
    return last.changedJobs(planned, jobs: jobs, site: site)
  }

  /// The outputs among `gone` that the last build made from a page this one leaves out (a
  /// draft, a page waiting for its `publish` time), by the last source map, with the place in
  /// that page's file that leaves it out.
  private func withheldPages(
    among gone: [String], sources: [String: String], loaded: LoadedContent
  ) -> [String: (location: SourceLocation, why: Withheld)] {
    let withheld = loaded.content?.withheld ?? [:]
    guard withheld.values.contains(where: { $0.key != nil }) else { return [:] }
    let prefix = ContentLoader.displayPath(for: options.contentDirectory)
    var byShown: [String: (relative: String, why: Withheld)] = [:]
    for (relative, why) in withheld where why.key != nil {
      byShown[ContentLoader.join(prefix, relative)] = (relative, why)
    }
    var found: [String: (location: SourceLocation, why: Withheld)] = [:]
    for path in gone {
      guard let source = sources[path], let (relative, why) = byShown[source], let key = why.key
      else { continue }
      found[path] = (
        ContentLoader.valueLocation(
          of: key, inFile: relative, contentDirectory: options.contentDirectory),
        why
      )
    }
    return found
  }

  /// The file (as shown, `content/pages/privacy.md`) each gone page was made from, by output
  /// path, as the last build's source map has it (pages only: a list or feed has none).
  private func goneSources(_ gone: [String], previous: BuildCache) -> [String: String] {
    var sources: [String: String] = [:]
    for path in gone where GonePages.isPage(path) {
      guard let entry = previous.sourceMap[path],
        let object = try? JSONSerialization.jsonObject(with: Data(entry)) as? [String: Any],
        let source = object["source"] as? String
      else { continue }
      sources[path] = source
    }
    return sources
  }

  /// Where the gone pages went (`GonePages.successors`): the pages of this build by file, the
  /// last build's outputs telling which are new.
  private func successors(
    of sources: [String: String], jobs: [(path: String, job: RenderJob)], site: Site,
    previous: BuildCache
  ) -> [String: GonePages.Successor] {
    guard !sources.isEmpty else { return [:] }
    let pages = jobs.compactMap { path, job in
      job.bodyPage(in: site).map { (path: path, file: site.pages[$0].page.path) }
    }
    let prefix = ContentLoader.displayPath(for: options.contentDirectory)
    return GonePages.successors(
      of: sources, pages: pages, isNew: { previous.outputs[$0] == nil }
    ) { file in
      let relative = file.hasPrefix(prefix + "/") ? String(file.dropFirst(prefix.count + 1)) : file
      return ContentLoader.valueLocation(
        of: "slug", inFile: relative, contentDirectory: options.contentDirectory)
    }
  }

  /// The hashes of the sources, for `portal check` (made while the content is loaded).
  func recordSources(_ site: Site, theme: Theme, loaded: LoadedContent) -> SourceRecord {
    SourceRecord(
      site: site, hashes: loaded.content!.hashes, theme: theme,
      config: (loaded.content!.configPath, loaded.content!.configSourceHash))
  }

  /// `--strict` fails on warnings, and every warning is known by now (rendering and indexing
  /// add none).
  func refuseWarningsIfStrict() throws(Ended) {
    guard !(options.strict && diagnostics.warningCount > 0) else {
      throw Ended(report: report(0))
    }
  }

  /// The hash of each job's inputs, by output path.
  static func inputs(
    of jobs: [(path: String, job: RenderJob)], dependencies: Dependencies, plan: RenderPlan
  ) -> [String: UInt64] {
    let hashes = jobs.parallelMap {
      dependencies.inputs(of: $0.job, path: $0.path, plan: plan)
    }
    var inputs: [String: UInt64] = [:]
    inputs.reserveCapacity(hashes.count)
    for (job, hash) in zip(jobs, hashes) { inputs[job.path] = hash }
    return inputs
  }

  /// What every output depends on: the build settings, site.yml, and the theme's templates
  /// and assets, each as this build read them (a file saved again since the build read it
  /// is a change for the next one, not taken as built).
  private func globalInputs(_ theme: Theme, _ content: ContentSet) -> UInt64 {
    var h = StableHash()
    h.add(settings)
    h.add(content.configDigest)
    h.add(theme.digest)
    return h.value
  }

  /// The bodies memo for this build: the session's, seeded once from the cache as stubs; a
  /// fresh one seeded from the cache on the command line; none for a full build.
  private func bodyMemo(previous: BuildCache?) -> BodyMemo? {
    let memo: BodyMemo
    if let session {
      memo = session.bodyMemo
      if session.bodiesSeeded { return memo }
      session.bodiesSeeded = true
    } else {
      guard previous != nil else { return nil }
      memo = BodyMemo()
    }
    for (path, b) in previous?.bodies ?? [:] {
      memo.store(
        path, key: b.key,
        body: ResolvedBody(
          stubWithPlainText: b.plainText, glossaryTerms: b.glossaryTerms, anchors: b.anchors,
          headingLinks: b.headingLinks, addressLinks: b.addressLinks))
    }
    return memo
  }
}
