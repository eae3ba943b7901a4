import Diagnostics
import Foundation
import Render
import Search
import Site

/// Rendering and indexing: a full build writes into a new folder as it renders (chunk by
/// chunk, so the pages are never all in memory); an incremental one keeps the changed files
/// to write them in place at the end (`OutputTable`).
extension BuildRun {
  /// A full build's new folder beside the output; none when the build builds on the last one.
  func makeStaging(_ previous: BuildCache?) throws(Ended) -> StagingFolder? {
    guard previous == nil else { return nil }
    do {
      return try StagingFolder(for: options.outputDirectory)
    } catch {
      throw failedWrite(error)
    }
  }

  /// Renders what changed (everything in a full build), with the HTML of stub bodies filled
  /// in first, and copies the static files added or changed (all in a full build), as they
  /// are. A full build then lets go of what rendering held.
  func render(
    _ site: inout Site, theme: Theme, plan: OutputPlan, memo: BodyMemo?, previous: BuildCache?,
    into table: OutputTable
  ) throws(OutputWriter.Failure) {
    let jobs = (plan.candidates ?? plan.jobs).filter {
      previous?.outputs[$0.path]?.inputs != plan.inputs[$0.path]
    }
    let needBodies = jobs.compactMap { $0.job.bodyPage(in: site) }
    Resolver.fillBodies(&site, pages: needBodies, memo: memo)
    // Optional so it lets go of its copy of the site once rendered (see below). The jobs are
    // the ones just planned: filling bodies changes no output, so they are not listed again.
    var renderPlan: RenderPlan? = RenderPlan(site: site, theme: theme, jobs: plan.jobs)
    let chunk = 512
    for start in stride(from: 0, to: jobs.count, by: chunk) {
      progress.step(
        "Rendering \(jobs.count) files (\(start)/\(jobs.count))",
        ja:
          "ファイル\(JapaneseCount.things(jobs.count))を作っています（\(JapaneseCount.digits(start))/\(JapaneseCount.digits(jobs.count))）"
      )
      try table.take(renderPlan!.render(jobs[start..<min(start + chunk, jobs.count)].map(\.job)))
    }
    let copies = plan.statics.outputPaths.filter {
      previous?.outputs[$0]?.inputs != plan.inputs[$0]
    }
    try plan.statics.copy(copies) { files throws(OutputWriter.Failure) in
      try table.keep(files, mapped: false)
    }
    renderPlan = nil
    // A full build renders every page above; `portal build` keeps no memo of bodies. Only a
    // full build trims memory: an edit in `portal serve` frees little and must be quick.
    if table.staging != nil && session == nil { site.dropRenderedBodies() }
    if table.staging != nil { MemoryRelease.betweenSteps() }
  }

  /// Makes the search index again when what it is made from changed: patched where the last
  /// build's allows, else whole. Returns the documents a session keeps for edits: the same as
  /// before while the index is.
  func indexForSearch(
    _ site: Site, loaded: LoadedContent, previous: inout BuildCache?,
    kept keptSearch: SearchDocuments?, into table: OutputTable
  ) throws(OutputWriter.Failure) -> SearchDocuments? {
    var searchDocuments = keptSearch
    if table.rebuildsSearch {
      progress.step(
        "Indexing \(site.pages.count) pages for search",
        ja: "\(JapaneseCount.pages(site.pages.count))の検索の索引を作っています")
      let documents = SearchDocuments(site: site)
      let search = try SearchIndexStep.run(
        site, documents: documents, previous: table.staging == nil ? previous : nil,
        previousDocument: { keptSearch?.document(at: $0) }, previousPages: loaded.previousPages,
        output: options.outputDirectory,
        spillDirectory: site.pages.count >= options.searchSpillFromPages ? table.staging?.url : nil,
        write: table.take)
      searchDocuments = session == nil ? nil : documents
      table.searchState = search.state
      table.bodyHashes = Self.bodyHashes(site, documents: documents, state: search.state)
      // The earlier index's state is no longer needed (it is megabytes at 10,000 pages).
      previous?.searchState = nil
      table.replaceSearchFiles(with: search.paths)
    }
    // Also after an incremental build made the index whole: the cache is encoded next.
    if table.staging != nil || (table.rebuildsSearch && session == nil) {
      MemoryRelease.betweenSteps()
    }
    return searchDocuments
  }

  /// The hashes the index just made of the pages' texts that are not in the cache's pack yet
  /// (all of them after a full build, the edited ones after an edit), by page: the pack
  /// records them without hashing the texts again.
  static func bodyHashes(_ site: Site, documents: SearchDocuments, state: SearchIndexState)
    -> [String: UInt64]
  {
    var hashes: [String: UInt64] = [:]
    for i in site.pages.indices where site.pages[i].plainText.mappedLocation == nil {
      hashes[site.pages[i].page.relativePath] = state.bodyHash(ofDocument: documents.id(ofPage: i))
    }
    return hashes
  }
}
