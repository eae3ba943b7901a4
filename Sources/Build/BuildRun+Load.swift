import Content
import Diagnostics
import Foundation
import Parallel
import Render

/// The content as loaded, with what later steps need to know of it.
struct LoadedContent {
  /// Set to nil once the site is planned: the pages live on in the site, and a full build lets
  /// go of their Markdown once rendered.
  var content: ContentSet?
  /// The edited files' front matter as it was, so the search index can be patched after a
  /// title, summary or tag edit too.
  var previousPages: [String: Page]
  /// Drafts left out, relative to the content folder.
  var drafts: [String]
  /// Pages left out until their `publish` time.
  var scheduled: [String]
  /// Clock boundaries of the cache: the scheduled pages' `publish` times, and the midnights
  /// of `updated` days still to come.
  var publishTimes: [Int64]
  /// The parses of the content files, for the cache.
  var parsedFiles: BuildCache.ParsedFiles
}

/// Loading content and the theme.
extension BuildRun {
  /// Loads and validates content; only files whose stamp changed are parsed again.
  func loadContent(_ tree: SourceTree, previous: inout BuildCache?) -> LoadedContent {
    progress.step("Loading content", ja: "ページを読み込んでいます")
    var contentStamps: [String: FileStamp] = [:]
    for (path, stamp) in tree.stamps where path.hasPrefix("c/") {
      contentStamps[String(path.dropFirst(2))] = stamp
    }
    var parseMemo: ParseMemo? = self.parseMemo(previous: previous)
    parseMemo!.knownStamps = contentStamps
    let previousPages = previous == nil ? [:] : parseMemo!.pages(notMatching: contentStamps)
    var (content, loadDiagnostics) = ContentLoader.load(
      contentDirectory: options.contentDirectory, includeDrafts: options.includeDrafts,
      memo: parseMemo, knownFiles: Array(contentStamps.keys), now: options.now)
    diagnostics += loadDiagnostics
    if let base = options.baseURL, base != content?.config.baseURL {
      let published = content?.config.baseURL
      content?.config.publishedBaseURL = published
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
    // So is each instant at which a clock warning ends or changes its words (`FarPublish`,
    // `FutureDates`: the next day in Japan comes before an `updated` day still to come).
    publishTimes += content?.warningsEnd.map { Int64($0.epochSeconds) } ?? []
    // Outside a session the parses are encoded now and let go, so that the pages' Markdown
    // can be freed once rendered.
    let parsedFiles: BuildCache.ParsedFiles =
      session == nil ? .encoded(parseMemo!.encoded()) : .memo(parseMemo!)
    parseMemo = nil
    previous?.parsedFiles = nil
    return LoadedContent(
      content: content, previousPages: previousPages, drafts: drafts, scheduled: scheduled,
      publishTimes: publishTimes, parsedFiles: parsedFiles)
  }

  /// Starts loading the theme on another thread: it does not depend on the content, so the
  /// two load side by side (the theme was a fifth of the shipped portal's build, one template
  /// after another, after the content). A session's theme is kept while no file under theme/
  /// changed.
  func startLoadingTheme(_ tree: SourceTree) -> Background<(Theme?, [Diagnostic])> {
    if let kept = session?.theme, kept.stamps == Self.themeStamps(tree) {
      return Background(ready: (kept.theme, kept.diagnostics))
    }
    let directory = options.themeDirectory
    return Background {
      Theme.load(from: directory, displayPath: ContentLoader.displayPath(for: directory))
    }
  }

  /// The theme `startLoadingTheme` loaded, its problems reported after the content's (in the
  /// same run, so both are seen at once); the build ends here when either did not load.
  func loadTheme(
    _ pending: Background<(Theme?, [Diagnostic])>, _ tree: SourceTree,
    besides loaded: LoadedContent
  ) throws(Ended) -> Theme {
    let (theme, themeDiagnostics) = pending.value
    session?.theme = (Self.themeStamps(tree), theme, themeDiagnostics)
    diagnostics += themeDiagnostics
    guard loaded.content != nil, let theme else { throw Ended(report: report(0)) }
    return theme
  }

  private static func themeStamps(_ tree: SourceTree) -> [String: FileStamp] {
    tree.stamps.filter { $0.key.hasPrefix("t/") }
  }

  /// The parse memo for this build: the session's, taken once from the cache; else the
  /// cache's, or a new one for a full build.
  private func parseMemo(previous: BuildCache?) -> ParseMemo {
    var cached: ParseMemo?
    if case .memo(let memo)? = previous?.parsedFiles { cached = memo }
    guard let session else { return cached ?? ParseMemo() }
    if !session.parsesSeeded {
      session.parsesSeeded = true
      if let cached { session.parseMemo = cached }
    }
    return session.parseMemo
  }
}
