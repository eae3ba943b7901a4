import ByteFormats
import Content
import Diagnostics
import Foundation
import Render
import Search
import Site

/// The build, read top to bottom as its steps: check the output → in `portal serve`, the quick
/// way if no relation between pages changed (`EditInPlace`) → stop if nothing changed → load
/// content → load the theme → resolve the site → render → add the search index and source map
/// → write.
///
/// A build is incremental when the output holds the cache of an earlier build with the same
/// settings (`BuildCache`): only files whose stamp changed are parsed (the cache keeps the
/// others' parses), only bodies whose inputs changed are rendered to HTML, only outputs
/// whose inputs changed (`Dependencies`) are rendered, and only files whose bytes changed are
/// written, in place (`OutputWriter.apply`). Otherwise the whole site is written into a new
/// folder that replaces the output. Both give the same bytes.
public enum SiteBuilder {
  public static func build(_ options: BuildOptions) -> BuildReport {
    build(options, session: nil)
  }

  /// - Parameter session: what `portal serve` keeps between its builds; nil for one build.
  public static func build(_ options: BuildOptions, session: BuildSession?) -> BuildReport {
    let clock = ContinuousClock()
    let started = clock.now
    // Whether a failed build leaves an earlier site behind, for its last line.
    let hadOutput = FileManager.default.fileExists(atPath: options.outputDirectory.path)
    let progress = BuildProgress(enabled: options.showsProgress)
    defer { progress.done() }
    var diagnostics: [Diagnostic] = []
    func finish(_ files: Int, _ counts: [(String, Int)] = [], mode: BuildReport.Mode = .full)
      -> BuildReport
    {
      let d = clock.now - started
      let seconds = Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
      var report = BuildReport(
        diagnostics: diagnostics.sorted, pageCounts: counts, filesWritten: files, seconds: seconds,
        mode: mode)
      report.strict = options.strict
      report.hadOutput = hadOutput
      if report.succeeded, files > 0 {
        SourceMapStep.markBuilt(in: options.outputDirectory)
      }
      return report
    }
    let outputLocation = SourceLocation(
      file: ContentLoader.displayPath(for: options.outputDirectory))
    /// A write that failed, in both languages (`output.partial` when files were written first).
    func failedWrite(_ error: Error) -> Diagnostic {
      .error(outputLocation, message(error), code: writeCode(error)).ja(japaneseMessage(error))
    }

    // Step 0: never replace something that is not ours.
    do {
      try OutputWriter.validate(
        output: options.outputDirectory,
        protecting: [options.contentDirectory, options.themeDirectory]
          + (options.staticDirectory.map { [$0] } ?? []))
    } catch {
      diagnostics.append(
        .error(outputLocation, message(error), hint: nil, code: "output.unsafe")
          .ja(japaneseMessage(error)))
      return finish(0)
    }

    // Step 1: stop here if no source changed since the last build.
    progress.step("Checking sources", ja: "変わったファイルを調べています")
    let settings = BuildCache.settings(for: options)
    let now = Int64(options.now.epochSeconds)
    // Without a session, first only the digest of the stamps: when it is the last build's,
    // nothing is left to do, and neither the scan's 10,000 paths nor the cache's are made.
    if options.incremental, session == nil,
      let head = BuildCache.loadHead(
        from: options.outputDirectory,
        ifDigest: SourceTree.digest(
          content: options.contentDirectory, theme: options.themeDirectory,
          staticFolder: options.staticDirectory)),
      head.settings == settings, head.sameEventSplit(at: now)
    {
      diagnostics = head.diagnostics
      return finish(0, head.pageCounts, mode: .upToDate)
    }
    let tree =
      session?.scannedTree
      ?? SourceTree(
        content: options.contentDirectory, theme: options.themeDirectory,
        staticFolder: options.staticDirectory)
    session?.scannedTree = nil
    // Step 1b: nothing from outside the project. A link leading out of content/ or theme/
    // would publish what it points at.
    let leaving = linksLeaving(tree, options)
    if !leaving.isEmpty {
      diagnostics += leaving
      return finish(0)
    }
    // The output removed behind `portal serve` (`rm -rf site`): what the session holds
    // describes files that are gone, and writing in place failed on the missing folders.
    if let session, session.cache != nil || session.holdsSite,
      !FileManager.default.fileExists(
        atPath: options.outputDirectory.appendingPathComponent(OutputWriter.markerFolder).path)
    {
      session.forgetOutput()
    }
    // The quick way when no relation changed (in `portal serve`), else the usual one.
    if options.incremental, let session {
      do {
        if let done = try EditInPlace.rebuild(
          options, session: session, tree: tree, settings: settings, now: now)
        {
          diagnostics = done.diagnostics
          var report = finish(done.written.count, done.pageCounts, mode: .inPlace)
          report.filesDeleted = done.deleted.count
          report.changedPaths = done.written + done.deleted
          report.renderedPaths = done.rendered
          return report
        }
      } catch {
        diagnostics.append(failedWrite(error))
        return finish(0)
      }
    }
    var previous: BuildCache?
    if options.incremental {
      previous = session?.cache ?? BuildCache.loadHead(from: options.outputDirectory)
      if previous?.settings != settings { previous = nil }
    }
    if let previous, previous.tree == tree, previous.sameEventSplit(at: now),
      session?.resolvesWhenUpToDate != true || session?.holdsSite == true
    {
      session?.cache = previous
      diagnostics = previous.diagnostics
      return finish(0, previous.pageCounts, mode: .upToDate)
    }
    // Until this build succeeds, the session holds no site to edit in place; its search
    // documents are what the previous index was made from.
    let keptSearch = session?.resolved?.search
    session?.resolved = nil
    if previous?.hasState == false,
      previous?.loadState(from: options.outputDirectory, contentDirectory: options.contentDirectory)
        != true
    {
      previous = nil
    }

    // Step 2: load and validate content; only files whose stamp changed are parsed again.
    progress.step("Loading content", ja: "ページを読み込んでいます")
    var contentStamps: [String: FileStamp] = [:]
    for (path, stamp) in tree.stamps where path.hasPrefix("c/") {
      contentStamps[String(path.dropFirst(2))] = stamp
    }
    var parseMemo: ParseMemo? = self.parseMemo(session: session, previous: previous)
    parseMemo!.knownStamps = contentStamps
    // The edited files' front matter as it was, so the search index can be patched after a
    // title, summary or tag edit too.
    let previousPages = previous == nil ? [:] : parseMemo!.pages(notMatching: contentStamps)
    var (content, loadDiagnostics) = ContentLoader.load(
      contentDirectory: options.contentDirectory, includeDrafts: options.includeDrafts,
      memo: parseMemo, knownFiles: Array(contentStamps.keys), now: options.now)
    diagnostics += loadDiagnostics
    if let base = options.baseURL, base != content?.config.baseURL {
      content?.config.baseURL = base
      content?.config.isPreview = true
    }
    // Drafts and pages not yet due are text not yet approved: such a build is a preview too,
    // however it is published (its pages ask search engines to stay out).
    if options.includeDrafts { content?.config.isPreview = true }
    let drafts = content?.withheld.filter { $0.value == .draft }.keys.sorted() ?? []
    // Pages waiting for their `publish` time: each time is a clock boundary of the cache.
    var scheduled: [String] = []
    var publishTimes: [Int64] = []
    for (path, why) in content?.withheld ?? [:] {
      guard case .scheduled(let time) = why else { continue }
      scheduled.append(path)
      publishTimes.append(Int64(time.epochSeconds))
    }
    scheduled.sort()
    // A page `updated` on a day still to come is warned about until that day: its midnight is
    // a clock boundary too, so the warning does not outlive it in the cache.
    for page in content?.pages ?? [] where FutureDates.updatedToCome(page, at: options.now) {
      if let day = page.updated?.midnightInJapan { publishTimes.append(Int64(day.epochSeconds)) }
    }
    // Outside a session the parses are encoded now and let go, so that the pages' Markdown
    // can be freed once rendered.
    let parsedFiles: BuildCache.ParsedFiles =
      session == nil ? .encoded(parseMemo!.encoded()) : .memo(parseMemo!)
    parseMemo = nil
    previous?.parsedFiles = nil

    // Step 3: load the theme (independent of content, so its errors are reported in the same run).
    let (theme, themeDiagnostics) = loadTheme(options, tree: tree, session: session)
    diagnostics += themeDiagnostics
    guard let pageCount = content?.pages.count, let theme else { return finish(0) }

    // Step 4: resolve URLs, bodies and relations. Runs even when loading found errors, on the
    // pages that did load, so broken links are reported in the same run. Bodies come from the
    // session or, as stubs without HTML, from the cache when their inputs are unchanged.
    progress.step(
      "Resolving \(pageCount) pages", ja: "\(pageCount)ページのつながりを調べています")
    let memo = bodyMemo(session: session, previous: previous)
    var (site, resolveDiagnostics) = Resolver.resolve(content!, now: options.now, memo: memo)
    diagnostics += resolveDiagnostics
    guard !diagnostics.hasErrors else { return finish(0) }

    // Step 5: what each output is made from.
    progress.step("Planning", ja: "作るファイルを決めています")
    let (allJobs, planned, dependencies) = planInputs(
      site, theme: theme, hashes: content!.hashes, global: globalInputs(settings, options, theme))
    // The static files are outputs too, made from their stamps (`StaticFolder`).
    let (statics, staticProblems) = StaticFolder.scan(options.staticDirectory)
    diagnostics += staticProblems + statics.conflicts(with: allJobs, in: site)
    let inputs = planned.merging(statics.inputs) { page, _ in page }
    var conflicts = RenderPlan.redirectConflicts(allJobs, in: site)
    conflicts += ConfigLinks.problems(
      site.config, outputs: Set(allJobs.map(\.path) + statics.outputPaths), files: site.files,
      assets: Array(theme.assetPaths.values))
    diagnostics += conflicts
    guard !diagnostics.hasErrors else { return finish(0) }
    if let previous, !options.strict {
      // The last build's static copies are no pages.
      let copied = Set(StaticFileList.read(site: options.outputDirectory))
      diagnostics += GonePages.warnings(
        previous: previous.outputs.keys.filter { !copied.contains($0) },
        current: Set(allJobs.map(\.path) + statics.outputPaths),
        at: ContentLoader.displayPath(for: options.contentDirectory))
    }
    let sources = SourceRecord(
      site: site, hashes: content!.hashes, theme: theme,
      config: (content!.configPath, options.contentDirectory.appendingPathComponent("site.yml")))
    // Every warning is known by now (rendering and indexing add none).
    guard !(options.strict && diagnostics.warningCount > 0) else { return finish(0) }
    // The pages live on in the site; a full build lets go of their Markdown once rendered.
    content = nil

    // Step 6: render what changed (everything in a full build), with the HTML of stub bodies
    // filled in first.
    let jobs = allJobs.filter { previous?.outputs[$0.path]?.inputs != inputs[$0.path] }
    let needBodies = jobs.compactMap { $0.job.bodyPage(in: site) }
    Resolver.fillBodies(&site, pages: needBodies, memo: memo)
    // Optional so it lets go of its copy of the site once rendered (see below). The jobs are
    // the ones just planned: filling bodies changes no output, so they are not listed again.
    var plan: RenderPlan? = RenderPlan(site: site, theme: theme, jobs: allJobs)

    // Steps 7 and 8: render, add the search index and the source map for `portal check`, and
    // write: a full build into a new folder as it renders (chunk by chunk, so the pages are
    // never all in memory), an incremental one the changed files in place at the end.
    let staging: StagingFolder?
    do {
      staging = previous == nil ? try StagingFolder(for: options.outputDirectory) : nil
    } catch {
      diagnostics.append(failedWrite(error))
      return finish(0)
    }
    let searchInputs = dependencies.searchInputs
    let rebuildSearch = previous?.searchInputs != searchInputs
    var searchPaths = previous?.searchFiles ?? []
    var searchState = previous?.searchState
    // Kept for edits in `portal serve`: the same as before while the index is.
    var searchDocuments = keptSearch
    // The usual edit leaves the set of output files as it was (pages, search files and the
    // source map): then the earlier table is taken whole instead of copied entry by entry,
    // which at 10,000 pages (80,000 files) was a tenth of a rebuild in `portal serve`.
    let sameFiles =
      previous.map { previous in
        previous.outputs.count == inputs.count + searchPaths.count + 2
          && inputs.keys.allSatisfy { previous.outputs[$0] != nil }
          && searchPaths.allSatisfy { previous.outputs[$0] != nil }
      } ?? false
    var sourceMap = previous?.sourceMap ?? SourceMapEntries()
    var outputs: [String: BuildCache.Output] = [:]
    if sameFiles, let previous {
      outputs = previous.outputs
    } else {
      sourceMap.removeAll { inputs[$0] == nil }
      for path in allJobs.map(\.path) + searchPaths + statics.outputPaths {
        outputs[path] = previous?.outputs[path]
      }
    }
    var changed: [OutputFile] = []
    var rendered: [String] = []
    var searchFilesChanged = false
    // The source map is written again only when an entry changed (or files came or went).
    var sourceMapChanged = !sameFiles
    func take(_ files: [OutputFile]) throws(OutputWriter.Failure) { try keep(files, mapped: true) }
    /// `mapped` false for static copies: recorded as every output, but no page of the source map.
    func keep(_ files: [OutputFile], mapped: Bool) throws(OutputWriter.Failure) {
      var unmapped = SourceMapEntries()
      let (hashes, mapChanged) =
        mapped
        ? BuildCache.record(files, inputs: inputs, outputs: &outputs, sourceMap: &sourceMap)
        : BuildCache.record(files, inputs: inputs, outputs: &outputs, sourceMap: &unmapped)
      if mapChanged { sourceMapChanged = true }
      rendered += files.map(\.path)
      if staging == nil {
        for (f, bytes) in zip(files, hashes) where previous?.outputs[f.path]?.bytes != bytes {
          changed.append(f)
        }
      }
      try staging?.write(files)
    }
    do {
      let chunk = 512
      for start in stride(from: 0, to: jobs.count, by: chunk) {
        progress.step(
          "Rendering \(jobs.count) files (\(start)/\(jobs.count))",
          ja: "\(jobs.count)個のファイルを作っています（\(start)/\(jobs.count)）")
        try take(plan!.render(jobs[start..<min(start + chunk, jobs.count)].map(\.job)))
      }
      // The static files added or changed (all in a full build), as they are.
      let copies = statics.outputPaths.filter { previous?.outputs[$0]?.inputs != inputs[$0] }
      try statics.copy(copies) { files throws(OutputWriter.Failure) in
        try keep(files, mapped: false)
      }
      plan = nil
      // A full build renders every page above; `portal build` keeps no memo of bodies. Only a
      // full build trims memory: an edit in `portal serve` frees little and must be quick.
      if staging != nil && session == nil { site.dropRenderedBodies() }
      if staging != nil { MemoryRelease.betweenSteps() }
      if rebuildSearch {
        progress.step(
          "Indexing \(site.pages.count) pages for search",
          ja: "\(site.pages.count)ページの検索の索引を作っています")
        let earlierPaths = searchPaths
        let documents = SearchDocuments(site: site)
        let search = try SearchIndexStep.run(
          site, documents: documents, previous: staging == nil ? previous : nil,
          previousDocument: { keptSearch?.document(at: $0) }, previousPages: previousPages,
          output: options.outputDirectory, spillDirectory: staging?.url, write: take)
        searchDocuments = session == nil ? nil : documents
        searchPaths = search.paths
        searchState = search.state
        // The earlier index's state is no longer needed (it is megabytes at 10,000 pages).
        previous?.searchState = nil
        // The written files are recorded (`take`); the others keep their entries. Only when
        // files came or went is the table of 80,000 outputs gone through (a patch usually
        // returns the earlier list itself, which compares equal at once).
        if searchPaths != earlierPaths {
          searchFilesChanged = true
          let kept = Set(searchPaths)
          for path in earlierPaths where !kept.contains(path) { outputs[path] = nil }
          for path in searchPaths where outputs[path] == nil {
            outputs[path] = previous?.outputs[path]
          }
        }
      }
      // Also after an incremental build made the index whole: the cache is encoded next.
      if staging != nil || (rebuildSearch && session == nil) { MemoryRelease.betweenSteps() }
      progress.step("Writing", ja: "書き出しています")
      if sourceMapChanged { try take([sourceMap.file()]) }
      try take([sources.file()])
    } catch {
      staging?.discard()
      diagnostics.append(failedWrite(error))
      return finish(0)
    }
    let cache = BuildCache(
      settings: settings, tree: tree, now: now,
      eventBoundaries: (eventBoundaries(site) + publishTimes).sorted(),
      diagnostics: diagnostics.sorted.filter {
        $0.severity != .error && $0.code != GonePages.code
      },
      pageCounts: counts(site, drafts: drafts.count, scheduled: scheduled.count),
      bodies: cachedBodies(site), outputs: outputs, sourceMap: sourceMap,
      searchFiles: searchPaths, searchInputs: searchInputs, searchState: searchState,
      parsedFiles: parsedFiles)
    if options.endsProcess {
      KeptUntilExit.keep((previous, site, cache, memo, allJobs, inputs, dependencies))
    }
    do {
      if let staging {
        try OutputWriter.writeCache(cache, to: staging.url)
        staging.carryOver(OutputWriter.carriedOver)
        try staging.commit()
        session?.cache = cache
        session?.cacheUnsaved = false
        session?.resolved = .init(
          site: site, theme: theme, jobs: allJobs, dependencies: dependencies,
          sources: sources, search: searchDocuments)
        var report = finish(
          rendered.count, counts(site, drafts: drafts.count, scheduled: scheduled.count))
        report.drafts = drafts
        report.scheduled = scheduled
        report.changedPaths = rendered
        report.renderedPaths = rendered
        return report
      }
      // Nothing was dropped from a table taken whole, unless search files came or went.
      let deletes =
        sameFiles && !searchFilesChanged
        ? [] : (previous?.outputs.keys.filter { outputs[$0] == nil } ?? []).sorted()
      let deferred = session?.defersCacheWrites == true
      // Nothing to write and the cache kept in memory: the output stays as it is, its cache
      // on disk included (applying would remove it until the session writes its own).
      if !deferred || !changed.isEmpty || !deletes.isEmpty {
        try OutputWriter.apply(
          writes: changed, deletes: deletes, cache: deferred ? nil : cache,
          to: options.outputDirectory)
      }
      session?.cacheUnsaved = deferred
      session?.cache = cache
      session?.resolved = .init(
        site: site, theme: theme, jobs: allJobs, dependencies: dependencies,
        sources: sources, search: searchDocuments)
      var report = finish(
        changed.count, counts(site, drafts: drafts.count, scheduled: scheduled.count),
        mode: .incremental)
      report.drafts = drafts
      report.scheduled = scheduled
      report.filesDeleted = deletes.count
      report.changedPaths = changed.map(\.path) + deletes
      report.renderedPaths = rendered
      return report
    } catch {
      staging?.discard()
      diagnostics.append(failedWrite(error))
      return finish(0)
    }
  }

  /// Every output with the hash of its inputs, and the per-page hashes they were made from.
  static func planInputs(
    _ site: Site, theme: Theme, hashes: [String: SourceHashes], global: UInt64
  ) -> (
    jobs: [(path: String, job: RenderJob)], inputs: [String: UInt64], dependencies: Dependencies
  ) {
    let plan = RenderPlan(site: site, theme: theme)
    let dependencies = Dependencies(site: site, hashes: hashes, global: global)
    let hashes = plan.jobs.parallelMap {
      dependencies.inputs(of: $0.job, path: $0.path, plan: plan)
    }
    var inputs: [String: UInt64] = [:]
    inputs.reserveCapacity(hashes.count)
    for (job, hash) in zip(plan.jobs, hashes) { inputs[job.path] = hash }
    return (plan.jobs, inputs, dependencies)
  }

  /// The theme and its problems; a session keeps them while no file under theme/ changed.
  static func loadTheme(_ options: BuildOptions, tree: SourceTree, session: BuildSession?)
    -> (Theme?, [Diagnostic])
  {
    func load() -> (Theme?, [Diagnostic]) {
      Theme.load(
        from: options.themeDirectory,
        displayPath: ContentLoader.displayPath(for: options.themeDirectory))
    }
    guard let session else { return load() }
    let stamps = tree.stamps.filter { $0.key.hasPrefix("t/") }
    if let kept = session.theme, kept.stamps == stamps { return (kept.theme, kept.diagnostics) }
    let (theme, diagnostics) = load()
    session.theme = (stamps, theme, diagnostics)
    return (theme, diagnostics)
  }

  /// The parse memo for this build: the session's, taken once from the cache; else the
  /// cache's, or a new one for a full build.
  static func parseMemo(session: BuildSession?, previous: BuildCache?) -> ParseMemo {
    var cached: ParseMemo?
    if case .memo(let memo)? = previous?.parsedFiles { cached = memo }
    guard let session else { return cached ?? ParseMemo() }
    if !session.parsesSeeded {
      session.parsesSeeded = true
      if let cached { session.parseMemo = cached }
    }
    return session.parseMemo
  }

  /// The bodies memo for this build: the session's, seeded once from the cache as stubs; a
  /// fresh one seeded from the cache on the command line; none for a full build.
  static func bodyMemo(session: BuildSession?, previous: BuildCache?) -> BodyMemo? {
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
        body: ResolvedBody(stubWithPlainText: b.plainText, glossaryTerms: b.glossaryTerms))
    }
    return memo
  }

  /// What every output depends on: the build settings, site.yml, and every theme file.
  static func globalInputs(_ settings: String, _ options: BuildOptions, _ theme: Theme) -> UInt64 {
    var h = StableHash()
    h.add(settings)
    let fm = FileManager.default
    h.add(
      StableHash.of(
        bytes: fm.contents(atPath: options.contentDirectory.appendingPathComponent("site.yml").path)
          ?? Data()))
    let root = options.themeDirectory.standardizedFileURL.path
    let files = (fm.subpaths(atPath: root) ?? []).sorted()
    for file in files {
      guard let data = fm.contents(atPath: root + "/" + file) else { continue }
      h.add(file)
      h.add(StableHash.of(data: data))
    }
    return h.value
  }

  /// An error for each link of the scan that leads out of the content, theme or static folder.
  static func linksLeaving(_ tree: SourceTree, _ options: BuildOptions) -> [Diagnostic] {
    tree.linksLeaving(
      content: options.contentDirectory, theme: options.themeDirectory,
      staticFolder: options.staticDirectory
    ).map { key, target in
      let (folder, what) =
        key.hasPrefix("c/")
        ? (options.contentDirectory, "content")
        : key.hasPrefix("s/")
          ? (options.staticDirectory ?? options.themeDirectory, "static")
          : (options.themeDirectory, "theme")
      return .error(
        SourceLocation(
          file: ContentLoader.join(
            ContentLoader.displayPath(for: folder), String(key.dropFirst(2)))),
        "this is a link to `\(target)`, outside the \(what) folder, and would publish that file",
        hint:
          "copy the file into the \(what) folder instead of linking to it (links that stay inside it are fine)",
        code: "source.link-outside"
      ).ja(
        "これは \(what) フォルダーの外にある `\(target)` へのリンクで、そのファイルを公開してしまいます",
        hint: "リンクではなく、ファイルそのものを \(what) フォルダーにコピーしてください（\(what) フォルダーの中を指すリンクはかまいません）")
    }
  }

  /// The instants at which an event becomes past (`EventMeta.pastFrom`: an all-day event at
  /// the midnight after its last day), where the upcoming/past split changes, and at which its
  /// registration closes: a build past one is not up to date (nor one past a scheduled page's
  /// `publish` time, which the caller adds).
  static func eventBoundaries(_ site: Site) -> [Int64] {
    (site.upcomingEvents + site.pastEvents).flatMap { i -> [Int64] in
      guard case .event(let m) = site.pages[i].page.meta else { return [] }
      return [Int64(m.pastFrom.epochSeconds)]
        + (m.registrationCloses.map { [Int64($0.epochSeconds)] } ?? [])
    }.sorted()
  }

  static func cachedBodies(_ site: Site) -> [String: BuildCache.Body] {
    var bodies: [String: BuildCache.Body] = [:]
    bodies.reserveCapacity(site.pages.count)
    for i in site.pages.indices {
      bodies[site.pages[i].page.relativePath] = BuildCache.Body(site.pages[i])
    }
    return bodies
  }

  static func message(_ error: Error) -> String {
    (error as? OutputWriter.Failure)?.message ?? "\(error)"
  }

  /// `message` in Japanese.
  static func japaneseMessage(_ error: Error) -> String {
    (error as? OutputWriter.Failure)?.japanese ?? "出力フォルダーに書き出せません: \(error)"
  }

  /// The code of a failed write: `output.partial` when files were written in place before it
  /// failed (the report then says the output may be partly updated), else `output.write`.
  static func writeCode(_ error: Error) -> String {
    if case .partial? = error as? OutputWriter.Failure { return "output.partial" }
    return "output.write"
  }

  static func counts(_ site: Site, drafts: Int, scheduled: Int) -> [(String, Int)] {
    var result: [(String, Int)] = []
    var n: [ContentKind: Int] = [:]
    for i in site.pages.indices { n[site.pages[i].page.kind, default: 0] += 1 }
    for kind in ContentKind.allCases { result.append((kind.rawValue, n[kind] ?? 0)) }
    result.append(("domain", site.domains.count))
    if drafts > 0 { result.append((BuildReport.draftCount, drafts)) }
    if scheduled > 0 { result.append((BuildReport.scheduledCount, scheduled)) }
    return result
  }
}
