import Content
import Diagnostics
import Foundation
import Site

/// The last steps: the records for `portal check`, the cache for the next build, and the
/// output written, a full build's folder swapped in or an incremental build's changes applied
/// in place.
extension BuildRun {
  /// Writes the source map for `portal check` (when an entry changed, or files came or went)
  /// and the hashes of the sources.
  func writeSourceRecords(_ sources: SourceRecord, into table: OutputTable)
    throws(OutputWriter.Failure)
  {
    progress.step("Writing", ja: "書き出しています")
    if table.sourceMapChanged {
      let map = table.sourceMap.file()
      try table.take([map])
    }
    try table.take([sources.file()])
  }

  /// What this build leaves for the next one. Errors are not kept (a build with errors leaves
  /// no cache), nor the warnings of pages gone, said once.
  func makeCache(
    _ tree: SourceTree, site: Site, loaded: LoadedContent, table: OutputTable,
    planned: PlannedPages
  ) -> BuildCache {
    var cache = BuildCache(
      settings: settings, tree: tree, now: now,
      eventBoundaries: (Self.eventBoundaries(site) + loaded.publishTimes).sorted(),
      diagnostics: diagnostics.sorted.filter {
        $0.severity != .error && $0.code != GonePages.code
      },
      pageCounts: Self.counts(site, drafts: loaded.drafts.count, scheduled: loaded.scheduled.count),
      bodies: Self.cachedBodies(site), outputs: table.outputs, sourceMap: table.sourceMap,
      searchFiles: table.searchFiles, searchInputs: table.searchInputs,
      searchState: table.searchState, parsedFiles: loaded.parsedFiles)
    cache.bodyHashes = table.bodyHashes
    cache.planned = planned
    return cache
  }

  /// In `portal build`, hands the build's large values over to be freed by the exit
  /// (`KeptUntilExit`); nothing in `portal serve` and the tests.
  func keepUntilExit(_ values: @autoclosure () -> Any) {
    if options.endsProcess { KeptUntilExit.keep(values()) }
  }

  /// A full build: the cache into the new folder, then the folder swapped in for the output.
  func commit(_ staging: StagingFolder, cache: BuildCache) throws(Ended) {
    var cache = cache
    do {
      cache.outputs.stored(at: try OutputWriter.writeCache(cache, to: staging.url))
      staging.carryOver(OutputWriter.carriedOver)
      try staging.commit()
    } catch {
      throw failedWrite(error, discarding: staging)
    }
    session?.cache = cache
    session?.cacheUnsaved = false
  }

  /// An incremental build: the changed files written and the files gone deleted, in place,
  /// with the cache (kept in memory instead when the session defers it).
  func applyInPlace(_ table: OutputTable, cache: BuildCache) throws(Ended) {
    var cache = cache
    let deferred = session?.defersCacheWrites == true
    // Nothing to write and the cache kept in memory: the output stays as it is, its cache
    // on disk included (applying would remove it until the session writes its own).
    if !deferred || !table.changed.isEmpty || !table.deleted.isEmpty {
      do {
        let (written, output) = (deferred ? nil : cache, options.outputDirectory)
        let write = { () throws(OutputWriter.Failure) -> OutputLog.Place? in
          try OutputWriter.apply(
            writes: table.changed, deletes: table.deleted, cache: written, to: output)
        }
        // `portal build` writes every changed file, and its cache, before a Ctrl-C stops it.
        let log: OutputLog.Place?
        if options.endsProcess && session == nil {
          (log, interrupted) = try Interrupts.held(write)
        } else {
          log = try write()
        }
        if let log { cache.outputs.stored(at: log) }
      } catch {
        throw failedWrite(error)
      }
    }
    session?.cacheUnsaved = deferred
    session?.cache = cache
  }

  /// The report of a build that went to the end: the files it wrote (a full build: every
  /// file; an incremental one: those that changed, and those deleted).
  func report(_ table: OutputTable, cache: BuildCache, loaded: LoadedContent) -> BuildReport {
    let whole = table.staging != nil
    var report = report(
      whole ? table.rendered.count : table.changed.count, cache.pageCounts,
      mode: whole ? .full : .incremental)
    report.drafts = loaded.drafts
    report.scheduled = loaded.scheduled
    report.filesDeleted = table.deleted.count
    report.changedPaths = whole ? table.rendered : table.changed.map(\.path) + table.deleted
    report.renderedPaths = table.rendered
    return report
  }

  /// The instants at which an event becomes past (`EventMeta.pastFrom`: an all-day event at
  /// the midnight after its last day), where the upcoming/past split changes, at which its
  /// registration closes, and at which an event under way moves to the next month's heading
  /// of the events page: a build past one is not up to date (nor one past a scheduled page's
  /// `publish` time, which the caller adds).
  static func eventBoundaries(_ site: Site) -> [Int64] {
    (site.upcomingEvents + site.pastEvents).flatMap { i -> [Int64] in
      guard case .event(let m) = site.pages[i].page.meta else { return [] }
      return [Int64(m.pastFrom.epochSeconds)]
        + (m.registrationCloses.map { [Int64($0.epochSeconds)] } ?? [])
        + (m.upcomingMonthChanges(after: site.now).map { [Int64($0.epochSeconds)] } ?? [])
    }.sorted()
  }

  /// What each page's body gave the rest of the site, for the next build's stubs.
  static func cachedBodies(_ site: Site) -> [String: BuildCache.Body] {
    var bodies: [String: BuildCache.Body] = [:]
    bodies.reserveCapacity(site.pages.count)
    for i in site.pages.indices {
      bodies[site.pages[i].page.relativePath] = BuildCache.Body(site.pages[i])
    }
    return bodies
  }

  /// Pages by kind, domains, and the drafts and scheduled pages left out, for the last line.
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
