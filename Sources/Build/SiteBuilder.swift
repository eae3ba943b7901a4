import Diagnostics
import Foundation
import Render
import Search
import Site

/// The build, read top to bottom as its steps (`BuildRun` and its extensions, one file a
/// stage): check the output and the sources → in `portal serve`, the quick way if no relation
/// between pages changed (`EditInPlace`) → stop if nothing changed → load content and, beside
/// it, the theme → resolve the site and check links to headings → plan the outputs → render →
/// index for search → write the source map and the sources' hashes → commit.
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
    let run = BuildRun(options, session: session)
    defer { run.progress.done() }
    do throws(BuildRun.Ended) {
      try run.refuseUnsafeOutput()
      try run.stopIfUpToDate()
      let tree = run.scanSources()
      try run.refuseLinksLeaving(tree)
      run.forgetRemovedOutput()
      try run.editInPlace(tree)
      var previous = try run.stopIfUnchanged(tree)
      let keptSearch = run.takeKeptSite()
      run.readState(of: &previous)

      let pendingTheme = run.startLoadingTheme(tree)
      var loaded = run.loadContent(tree, previous: &previous)
      let theme = try run.loadTheme(pendingTheme, tree, besides: loaded)
      session?.afterLoading?()
      var site: Site
      let memo: BodyMemo?
      (site, memo) = run.resolve(loaded, theme: theme, previous: previous)
      run.checkHeadingLinks(site, theme: theme)
      try run.endIfFailed(addressLinksOf: site, theme: theme)
      let plan = try run.plan(site, theme: theme, loaded: loaded, previous: previous)
      let sources = run.recordSources(site, theme: theme, loaded: loaded)
      try run.refuseWarningsIfStrict()
      // The pages live on in the site; a full build lets go of their Markdown once rendered.
      loaded.content = nil

      let staging = try run.makeStaging(previous)
      let table = OutputTable(plan, previous: previous, staging: staging)
      let documents: SearchDocuments?
      do throws(OutputWriter.Failure) {
        try run.render(
          &site, theme: theme, plan: plan, memo: memo, previous: previous, into: table)
        documents = try run.indexForSearch(
          site, loaded: loaded, previous: &previous, kept: keptSearch, into: table)
        try run.writeSourceRecords(sources, into: table)
      } catch {
        throw run.failedWrite(error, discarding: staging)
      }

      let cache = run.makeCache(
        tree, site: site, loaded: loaded, table: table, planned: plan.planned)
      run.keepUntilExit((previous, site, cache, memo, plan.jobs, plan.inputs, plan.dependencies))
      if let staging {
        try run.commit(staging, cache: cache)
      } else {
        try run.applyInPlace(table, cache: cache)
      }
      // What an edit in place changes next (`EditInPlace`).
      session?.resolved = .init(
        site: site, theme: theme, jobs: plan.jobs, dependencies: plan.dependencies,
        sources: sources, search: documents)
      var report = run.report(table, cache: cache, loaded: loaded)
      report.hashedOutputs = plan.candidates?.count ?? plan.jobs.count
      report.interrupted = run.interrupted
      return report
    } catch {
      return error.report
    }
  }
}
