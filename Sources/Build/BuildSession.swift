import Content
import Diagnostics
import Foundation
import Render
import Site

/// What `portal serve` keeps between its builds, so a rebuild reads and parses only the files
/// that changed and renders only what depends on them. Used by one build at a time.
public final class BuildSession: @unchecked Sendable {
  /// Replaced once by the one in the on-disk cache, if there is one (`parsesSeeded`).
  var parseMemo = ParseMemo()
  var parsesSeeded = false
  let bodyMemo = BodyMemo()
  var bodiesSeeded = false
  var cache: BuildCache?
  /// The theme as loaded, with the stamps of its files then.
  var theme: (stamps: [String: FileStamp], theme: Theme?, diagnostics: [Diagnostic])?
  /// The stamps the caller just scanned, so the build does not scan again.
  public var scannedTree: SourceTree?
  /// Keep the incremental cache in memory and write it with `saveCache`: writing tens of
  /// megabytes after every edit doubled the time of a rebuild in `portal serve`.
  public var defersCacheWrites = false
  /// Whether `cache` is newer than the one in the output.
  var cacheUnsaved = false
  /// Called once the content and the theme are loaded, before anything is planned: where a
  /// test saves a file as a writer does in the middle of a rebuild.
  var afterLoading: (() -> Void)?

  /// The site, theme and plan of the last successful build, as they were then: what an edit
  /// that keeps the relations changes in place (`EditInPlace`). Nil after a failed build, so
  /// it always matches `cache` and the parse memo.
  struct Resolved {
    var site: Site
    var theme: Theme
    var jobs: [(path: String, job: RenderJob)]
    var dependencies: Dependencies
    /// The hashes of the sources, written again after each edit.
    var sources: SourceRecord
    /// Made when first needed (a build that left the index as it was has none).
    var search: SearchDocuments?
    /// Made when an edit first changes front matter other pages show (`Readers`), or while
    /// `portal serve` waits (`prepareForEdits`).
    var readers: Readers? = nil

    /// Makes `readers` unless it is there; `plan` is this site's, made only when needed (its
    /// view models are work of their own).
    mutating func makeReaders(plan: @autoclosure () -> RenderPlan) {
      if readers == nil { readers = Readers(jobs: jobs, dependencies: dependencies, plan: plan()) }
    }
  }
  var resolved: Resolved?

  /// Makes now what the first edit in place after a build would make (which outputs read each
  /// page; the search documents, after a build that left the index as it was), so that edit
  /// is as quick as the ones after it (at 10,000 pages a first title edit took 81–88 ms
  /// instead of 30–37). `portal serve` calls it while it waits for a save; nothing when
  /// already made.
  public func prepareForEdits() {
    guard var kept = resolved, !isPreparedForEdits else { return }
    resolved = nil  // so `kept` is the only reference and is changed in place
    if kept.search == nil { kept.search = SearchDocuments(site: kept.site) }
    let (site, theme, jobs) = (kept.site, kept.theme, kept.jobs)
    kept.makeReaders(plan: RenderPlan(site: site, theme: theme, jobs: jobs))
    resolved = kept
  }

  /// Whether the session holds the last build's site, for edits in place.
  public var holdsSite: Bool { resolved != nil }

  /// Drops what describes the output (its cache, the site written), keeping the parses of
  /// the content: the next build writes the site whole.
  func forgetOutput() {
    cache = nil
    resolved = nil
    cacheUnsaved = false
  }

  /// Whether what the last build wrote at the top of `output` has gone (`rm -rf site`, or
  /// `rm -rf site/*`, which keeps the cache): `portal serve` then builds it again without
  /// waiting for a save, where every page had answered 404.
  public func outputIsMissing(from output: URL) -> Bool {
    guard let cache else { return false }
    return !cache.outputIsThere(in: output)
  }

  /// Whether `prepareForEdits` has nothing left to make.
  public var isPreparedForEdits: Bool { resolved?.search != nil && resolved?.readers != nil }

  /// Go through the whole incremental build even when nothing changed (writing nothing), so
  /// the session gets the site an up-to-date output did not need: `portal serve` does this
  /// once after starting on an up-to-date output, so that the first save is quick too.
  public var resolvesWhenUpToDate = false

  public init() {}

  /// The stamps the last successful (or up-to-date) build was made from: what a watcher
  /// compares with, so an edit made while that build ran is not taken as already built.
  public var builtTree: SourceTree? { cache?.tree }

  /// Whether a build left a cache that is not yet on disk.
  public var hasUnsavedCache: Bool { cacheUnsaved }

  /// Writes the cache of the last build into the output, so a later `portal build` (or serve)
  /// starts incrementally.
  public func saveCache(to output: URL) {
    // Not into an output emptied meanwhile (`rm -rf site`): the cache alone there described
    // pages that were gone, and the next build said "Up to date" over them.
    guard cacheUnsaved, let cache, cache.outputIsThere(in: output) else { return }
    cacheUnsaved = false
    if let log = try? OutputWriter.writeCache(cache, to: output) {
      self.cache?.outputs.stored(at: log)
    }
  }
}

/// What `portal serve` needs to lint and check the page a browser shows, as `portal lint` and
/// `portal check` would.
public struct PreviewedPage: Sendable {
  /// The file as diagnostics name it (`content/initiatives/x.md`).
  public var path: String
  /// Relative to the content folder.
  public var relativePath: String
  /// The page's file in the output folder (`initiatives/x/index.html`).
  public var outputPath: String
  /// Every glossary term and alias: words the loanword rules take as explained.
  public var glossaryNames: Set<String>
  /// The `lint:` settings of `site.yml`.
  public var lintSettings: [String: String]
  /// The files under `content/files/`, whose sizes links to them should state.
  public var files: [ContentFile]
  /// `allow_raw_html` of `site.yml`.
  public var allowsRawHTML = false
  /// `known_words` of `site.yml`.
  public var knownWords: [String] = []
  /// The glossary's English names, which `lint.english-word` takes as declared.
  public var englishNames: Set<String> = []
  /// The pages' titles and site.yml's names, which `lint.hard-word` does not ask to reword.
  public var names: Set<String> = []
  /// On an event's page, the year of a day written without one (`EventMeta.yearOfDay`).
  public var yearOfDay: DayYears? = nil
}

extension BuildSession {
  /// The Markdown file behind the page at `url` (a path as the browser shows it: with the base
  /// path, `index.html` or not) in the last good build; nil for pages made from no single
  /// file (lists, the home page) or when the session holds no site.
  /// The output file (`initiatives/index.html`) of a page of the last good build at `url`
  /// (`/initiatives/`, with the base path): a list, a tag's page, the home page, which have no
  /// Markdown of their own (`previewedPage` is nil for them); nil for an address outside the
  /// site's path.
  public func outputPath(at url: String) -> String? {
    guard let site = resolved?.site, url.hasPrefix(site.urls.basePath) else { return nil }
    var path = url
    if path.hasSuffix("/index.html") { path.removeLast("index.html".count) }
    if !path.hasSuffix("/"), !path.hasSuffix(".html") { path += "/" }
    return site.urls.outputPath(forURL: path)
  }

  public func previewedPage(at url: String) -> PreviewedPage? {
    guard let site = resolved?.site else { return nil }
    var path = url
    if path.hasSuffix("/index.html") { path.removeLast("index.html".count) }
    if !path.hasSuffix("/") { path += "/" }
    guard let page = site.pages.first(where: { $0.url == path }) else { return nil }
    return PreviewedPage(
      path: page.page.path, relativePath: page.page.relativePath, outputPath: page.outputPath,
      glossaryNames: glossaryNames(of: site.pages.lazy.map(\.page)),
      lintSettings: site.config.lint, files: site.files,
      allowsRawHTML: site.config.allowRawHTML, knownWords: site.config.knownWords,
      englishNames: glossaryEnglishNames(of: site.pages.lazy.map(\.page)),
      names: siteNames(of: site.pages.lazy.map(\.page), config: site.config),
      yearOfDay: { if case .event(let m) = page.page.meta { m.yearOfDay } else { nil } }())
  }
}
