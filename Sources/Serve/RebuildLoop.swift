import Build
import Check
import Content
import Diagnostics
import Foundation

/// Watches `content/`, `theme/` and `static/` and rebuilds when something changed (inotify on Linux,
/// else polling the stamps of every file), then builds incrementally with one `BuildSession`,
/// so only what the edit touched is parsed, rendered and written. A failed build writes
/// nothing: the last good site keeps being served and open pages show the errors.
final class RebuildLoop: @unchecked Sendable {
  private let options: BuildOptions
  let session = BuildSession()
  private let live: LiveReload
  private let log: @Sendable (String) -> Void
  private let queue = DispatchQueue(label: "portal.serve.build")
  private let lock = NSLock()
  private var _basePath = "/"
  private var _building = false
  /// The warnings printed after the last build: printed again only when they change, so each
  /// save of a large site does not scroll the same list past.
  private var printed: [Diagnostic] = []
  /// Whether the last build announced failed: the next good one says the errors are fixed
  /// ("0 file(s) changed" alone read as a fix that did nothing).
  private var lastFailed = false
  /// `portal check` of the pages shown, for their panels, with the output as the last build
  /// left it: used and replaced only on `queue`, between builds.
  private var pageChecker: PageChecker?
  /// Every file's warnings from the last successful build, kept for the panels:
  /// `portal build --strict` in CI fails on each, and the terminal alone showed them. Replaced
  /// only on `queue`, by a build that succeeds (a failed one shows its errors instead).
  private var builtWarnings: [Diagnostic] = []

  /// The language of what it logs (the writer's: `MessageLanguage.current`).
  let language: MessageLanguage

  init(
    options: BuildOptions, live: LiveReload, language: MessageLanguage = .current,
    log: @escaping @Sendable (String) -> Void
  ) {
    self.options = options
    self.live = live
    self.language = language
    self.log = log
    session.defersCacheWrites = true
  }

  /// Writes the incremental cache kept in memory, so a later `portal build` starts from it.
  func flush() async {
    let session = self.session
    let output = options.outputDirectory
    await onQueue { session.saveCache(to: output) }
  }

  /// Makes what the next edit in place needs (`BuildSession.prepareForEdits`) while no save
  /// is waiting, so the first save after a build is rebuilt as quickly as the next ones.
  func prepareForEdits() async {
    let session = self.session
    await onQueue { session.prepareForEdits() }
  }

  /// `BuildSession.outputIsMissing`, asked between builds.
  private func outputIsMissing() async -> Bool {
    let (session, output) = (self.session, options.outputDirectory)
    return await withCheckedContinuation { continuation in
      queue.async { continuation.resume(returning: session.outputIsMissing(from: output)) }
    }
  }

  /// Runs `work` on the builds' queue, between builds.
  private func onQueue(_ work: @escaping @Sendable () -> Void) async {
    await withCheckedContinuation { continuation in
      queue.async {
        work()
        continuation.resume()
      }
    }
  }

  /// Whether a build is under way: Ctrl-C waits for it to end (seconds at 10,000 pages), and
  /// says so at once rather than nothing until "Stopped.".
  var isBuilding: Bool { lock.withLock { _building } }

  /// The path part of `base_url` of the last good build, which request paths start with.
  var basePath: String {
    lock.lock()
    defer { lock.unlock() }
    return _basePath
  }

  /// Builds, off the cooperative threads (a full build keeps a core busy for seconds).
  /// - Parameter resolving: go through the whole build even if nothing changed, for the site
  ///   the session edits in place (`BuildSession.resolvesWhenUpToDate`).
  func build(tree: SourceTree? = nil, resolving: Bool = false) async -> BuildReport {
    var clocked = self.options
    clocked.now = DateTime(date: Date())
    let options = clocked
    let session = self.session
    let report = await withCheckedContinuation { continuation in
      queue.async {
        self.lock.withLock { self._building = true }
        defer { self.lock.withLock { self._building = false } }
        self.pageChecker = nil
        session.scannedTree = tree
        session.resolvesWhenUpToDate = resolving
        defer { session.resolvesWhenUpToDate = false }
        let report = SiteBuilder.build(options, session: session)
        if report.succeeded { self.builtWarnings = report.diagnostics }
        continuation.resume(returning: report)
      }
    }
    // An edit in place leaves site.yml as it was.
    if report.succeeded, report.mode != .inPlace { updateBasePath() }
    return report
  }

  /// `portal lint`'s warnings on the file behind the page at `url` (as saved now), the last
  /// good build's warnings on that file and `portal check`'s findings on its built page, with
  /// the file's display path; nil for a page made from no single file. Run between builds, on
  /// their queue: the session answers which file that is, and the output is not being written
  /// meanwhile.
  func problems(url: String) async -> (path: String, diagnostics: [Diagnostic])? {
    let session = self.session
    let (content, output) = (options.contentDirectory, options.outputDirectory)
    return await withCheckedContinuation { continuation in
      queue.async {
        // The site's files are listed once per build, not per page shown.
        if self.pageChecker == nil {
          self.pageChecker = PageChecker(options: CheckOptions(site: output))
        }
        // The theme's warnings are the templates' every page is made with: shown on each.
        let theme = ContentLoader.displayPath(for: self.options.themeDirectory) + "/"
        let themeWarnings = self.builtWarnings.filter { $0.location.file.hasPrefix(theme) }
        guard let page = session.previewedPage(at: url) else {
          // A page made by the theme alone (a list, the home page): what check says of it.
          guard let file = session.outputPath(at: url),
            FileManager.default.fileExists(atPath: output.appendingPathComponent(file).path)
          else { return continuation.resume(returning: nil) }
          return continuation.resume(
            returning: (
              ContentLoader.displayPath(for: output.appendingPathComponent(file)),
              (self.pageChecker?.check(file) ?? []) + themeWarnings
            ))
        }
        continuation.resume(
          returning: PageProblems.find(
            page, contentDirectory: content, checker: self.pageChecker,
            built: self.builtWarnings
          ).map { ($0.path, $0.diagnostics + themeWarnings) })
      }
    }
  }

  /// Watches until the task is cancelled, rebuilding after each change. With inotify (Linux)
  /// only the paths it reports are stamped again, and everything is scanned every
  /// `Self.safetyScan` in case an event was missed (a linked file edited elsewhere, a network
  /// file system); without it, or when `watch` is false, every file is stamped each
  /// `interval`. The cache is written once the sources have been quiet for a second.
  func run(interval: Duration, watch: Bool = true) async {
    let clock = ContinuousClock()
    var watcher = watch ? makeWatcher() : nil
    // Started on an output that was up to date: the site is resolved once now, writing
    // nothing, so the first save is rebuilt in place as quickly as the ones after it.
    if session.builtTree != nil, !session.holdsSite {
      let report = await build(resolving: true)
      if !report.succeeded || !report.changedPaths.isEmpty { await announce(report) }
    }
    await prepareForEdits()
    // What the first build was made from, and a full scan on the first tick: an edit saved
    // while that build ran is built now instead of waiting for the next one.
    var tree = session.builtTree ?? scan()
    var lastScan = clock.now - Self.safetyScan
    var lastBuild = clock.now
    var lastOutputCheck = clock.now
    var now = tree
    // Watch first, then scan, so that nothing changed between the two goes unseen.
    func rewatch() {
      watcher = makeWatcher()
      now = scan()
      lastScan = clock.now
    }
    while !Task.isCancelled {
      try? await Task.sleep(for: watcher == nil ? interval : Self.tick)
      now = tree
      switch watcher?.changes() {
      case nil:
        // Polling because a folder was missing or inotify refused: now and then try watching
        // again (which scans too).
        if watch, clock.now - lastScan >= Self.safetyScan { rewatch() } else { now = scan() }
      case .quiet? where staticAppeared(watcher):
        // A static folder made while serving: watched from now on.
        rewatch()
      case .quiet?:
        if clock.now - lastScan >= Self.safetyScan {
          now = scan()
          lastScan = clock.now
        }
      case .paths(var paths)?:
        // An editor's save can come as several events: let it finish.
        let first = clock.now
        try? await Task.sleep(for: Self.settle)
        // One that empties the file before writing it again (some editors, a shell's `>`)
        // can take longer: built empty, the page was an error flashed over open pages.
        if paths.contains(where: {
          Self.isEmptied($0, content: options.contentDirectory, theme: options.themeDirectory)
        }) {
          try? await Task.sleep(for: Self.emptiedSettle)
        }
        // A burst (a sync client or `git pull` writing files some milliseconds apart) is
        // waited out while it lasts, up to `burst`: one rebuild for it, not one per file.
        var rescan = false
        collecting: while true {
          switch watcher?.changes() {
          case .rescan?:
            rescan = true
            break collecting
          case .paths(let later)?:
            paths.formUnion(later)
            guard clock.now - first < Self.burst else { break collecting }
            try? await Task.sleep(for: Self.settle)
          default:
            break collecting
          }
        }
        if rescan {
          rewatch()
        } else {
          now.refresh(
            paths, content: options.contentDirectory, theme: options.themeDirectory,
            staticFolder: options.staticDirectory)
        }
      case .rescan?:
        rewatch()
      }
      // The output emptied behind the server (`rm -rf site/*`): built again now, where every
      // page had answered 404 until the next save.
      var outputLost = false
      if now == tree, clock.now - lastOutputCheck >= Self.safetyScan {
        lastOutputCheck = clock.now
        outputLost = await outputIsMissing()
      }
      guard now != tree || outputLost else {
        if session.hasUnsavedCache, clock.now - lastBuild >= .seconds(1) { await flush() }
        continue
      }
      if outputLost {
        let report = await build(tree: now)
        lastBuild = clock.now
        await announce(report, because: RebuildMessages.outputLost)
        if report.succeeded { await prepareForEdits() }
        continue
      }
      let changed = now.changes(since: tree)
      let added = Set(changed.filter { tree.stamps[$0] == nil })
      let removed = Set(changed.filter { now.stamps[$0] == nil })
      // Only an editor's files (vim's swap file, rewritten at each pause in typing) or folders
      // whose files were seen already (a checkout's second event): built, but not announced
      // when nothing came of it — a line for each filled the terminal all day.
      let unread = changed.allSatisfy {
        Self.isEditorsFile($0) || now.isFolder($0) || tree.isFolder($0)
      }
      tree = now
      let report = await build(tree: now)
      lastBuild = clock.now
      // Unless pages show the errors of the build before, which this one clears.
      let showsError = await live.showsError
      let nothingCame = report.succeeded && report.changedPaths.isEmpty && !showsError
      if !(unread && nothingCame) {
        await announce(report, changedSources: changed, added: added, removed: removed)
      }
      if report.succeeded { await prepareForEdits() }
    }
  }

  /// How often inotify events are collected, how long a save is given to finish (and each
  /// new file of a burst, up to `burst` in all), and how often everything is scanned anyway.
  static let tick = Duration.milliseconds(50)
  static let settle = Duration.milliseconds(30)
  static let burst = Duration.seconds(1)
  static let emptiedSettle = Duration.milliseconds(250)

  /// Whether `key` (`c/…` under the content folder, `t/…` under the theme's) is a page or a
  /// template that is there but empty: a save caught between emptying and writing.
  static func isEmptied(_ key: String, content: URL, theme: URL) -> Bool {
    let root: URL
    if key.hasPrefix("c/"), key.hasSuffix(".md") {
      root = content
    } else if key.hasPrefix("t/"), key.hasSuffix(".mustache") {
      root = theme
    } else {
      return false
    }
    var st = stat()
    let path = root.appendingPathComponent(String(key.dropFirst(2))).path
    return stat(path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFREG && st.st_size == 0
  }
  static let safetyScan = Duration.seconds(5)

  private func scan() -> SourceTree {
    SourceTree(
      content: options.contentDirectory, theme: options.themeDirectory,
      staticFolder: options.staticDirectory)
  }

  private func makeWatcher() -> SourceWatcher? {
    SourceWatcher(
      content: options.contentDirectory, theme: options.themeDirectory,
      staticFolder: options.staticDirectory)
  }

  /// Whether the static folder is there but not watched (made after the watch began): one
  /// `stat` a tick.
  private func staticAppeared(_ watcher: SourceWatcher?) -> Bool {
    guard let watcher, !watcher.watchesStatic, let folder = options.staticDirectory else {
      return false
    }
    var st = stat()
    return stat(folder.standardizedFileURL.path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFDIR
  }

  func announce(
    _ report: BuildReport, changedSources: [String] = [], added: Set<String> = [],
    removed: Set<String> = [], initial: Bool = false,
    because reason: (english: String, japanese: String)? = nil
  ) async {
    let ms = Int((report.seconds * 1000).rounded())
    let (repeated, fixed) = lock.withLock {
      defer {
        printed = report.diagnostics
        lastFailed = !report.succeeded
      }
      return (!initial && printed == report.diagnostics, lastFailed && report.succeeded)
    }
    // Whether a site is there to show under a failed build's errors.
    let served =
      report.succeeded
      || FileManager.default.fileExists(
        atPath: options.outputDirectory.appendingPathComponent("index.html").path)
    // A failed build's errors again (a save that fixed nothing, `rm -rf content` seen as
    // several events): one line saying so, not the whole block again.
    if !report.succeeded && repeated {
      log(RebuildMessages.failedAgain(errors: report.diagnostics.errorCount, in: language))
      await live.buildFailed(report.diagnostics, served: served)
      return
    }
    if !report.diagnostics.isEmpty && !repeated {
      log(DiagnosticPrinter.render(report.diagnostics, as: .text, language: language))
    }
    if report.succeeded && initial {
      log(report.summary(in: language))
    } else if report.succeeded {
      let folders = (
        content: ContentLoader.displayPath(for: options.contentDirectory),
        theme: ContentLoader.displayPath(for: options.themeDirectory)
      )
      let edited =
        changedSources.isEmpty
        ? reason
        : Self.action(
          changedSources, added: added, removed: removed, in: folders,
          staticFolder: options.staticDirectory.map(ContentLoader.displayPath(for:)) ?? "static")
      let repeatedWarnings = repeated && !report.diagnostics.isEmpty
      // A saved draft or scheduled page changes nothing in the site: say why, and how to see it.
      log(
        RebuildMessages.rebuilt(
          milliseconds: ms, after: edited, changed: report.changedPaths.count,
          sameWarnings: repeatedWarnings, fixed: fixed,
          drafts: report.drafts.filter { changedSources.contains("c/" + $0) },
          scheduled: report.scheduled.filter { changedSources.contains("c/" + $0) },
          contentFolder: folders.content, in: language))
      // Nothing written (an edit that changes no output): nothing to reload, unless pages
      // show the error of the build before.
      if await live.showsError || (report.mode != .upToDate && !report.changedPaths.isEmpty) {
        await live.reload(
          paths: report.changedPaths, moved: report.moved, milliseconds: ms, base: basePath)
      }
    } else {
      log(report.summary(in: language) + RebuildMessages.failedTail(served: served, in: language))
      await live.buildFailed(report.diagnostics, served: served)
    }
  }

  private func updateBasePath() {
    let file = options.contentDirectory.appendingPathComponent("site.yml")
    guard let text = try? String(contentsOf: file, encoding: .utf8) else { return }
    let (config, _) = SiteConfig.parse(text, file: "site.yml")
    guard let config else { return }
    lock.lock()
    _basePath = config.basePath
    lock.unlock()
  }
}
