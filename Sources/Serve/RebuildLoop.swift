import Build
import Content
import Diagnostics
import Foundation

/// Watches `content/` and `theme/` and rebuilds when something changed: polls the stamps of
/// every file every `interval` (portable, and a scan of 10,000 files takes a few
/// milliseconds), then builds incrementally with one `BuildSession`, so only what the edit
/// touched is parsed, rendered and written. A failed build writes nothing: the last good site
/// keeps being served and open pages show the errors.
final class RebuildLoop: @unchecked Sendable {
  private let options: BuildOptions
  private let session = BuildSession()
  private let live: LiveReload
  private let log: @Sendable (String) -> Void
  private let queue = DispatchQueue(label: "portal.serve.build")
  private let lock = NSLock()
  private var _basePath = "/"

  init(options: BuildOptions, live: LiveReload, log: @escaping @Sendable (String) -> Void) {
    self.options = options
    self.live = live
    self.log = log
    session.defersCacheWrites = true
  }

  /// Writes the incremental cache kept in memory, so a later `portal build` starts from it.
  func flush() async {
    let session = self.session
    let output = options.outputDirectory
    await withCheckedContinuation { continuation in
      queue.async {
        session.saveCache(to: output)
        continuation.resume()
      }
    }
  }

  /// The path part of `base_url` of the last good build, which request paths start with.
  var basePath: String {
    lock.lock()
    defer { lock.unlock() }
    return _basePath
  }

  /// Builds, off the cooperative threads (a full build keeps a core busy for seconds).
  func build(tree: SourceTree? = nil) async -> BuildReport {
    var clocked = self.options
    clocked.now = DateTime(date: Date())
    let options = clocked
    let session = self.session
    let report = await withCheckedContinuation { continuation in
      queue.async {
        session.scannedTree = tree
        continuation.resume(returning: SiteBuilder.build(options, session: session))
      }
    }
    if report.succeeded { updateBasePath() }
    return report
  }

  /// Polls until the task is cancelled, rebuilding after each change; the cache is written
  /// once the sources have been quiet for a poll.
  func run(interval: Duration) async {
    var tree = SourceTree(content: options.contentDirectory, theme: options.themeDirectory)
    while !Task.isCancelled {
      try? await Task.sleep(for: interval)
      let now = SourceTree(content: options.contentDirectory, theme: options.themeDirectory)
      guard now != tree else {
        if session.hasUnsavedCache { await flush() }
        continue
      }
      let changed = now.changes(since: tree)
      tree = now
      let report = await build(tree: now)
      await announce(report, changedSources: changed)
    }
  }

  func announce(_ report: BuildReport, changedSources: [String] = [], initial: Bool = false) async {
    let ms = Int((report.seconds * 1000).rounded())
    if !report.diagnostics.isEmpty {
      log(DiagnosticPrinter.render(report.diagnostics, as: .text))
    }
    if report.succeeded && initial {
      log(report.summary)
    } else if report.succeeded {
      let what = changedSources.isEmpty ? "" : " after editing \(Self.describe(changedSources))"
      log("Rebuilt in \(ms) ms\(what): \(report.changedPaths.count) file(s) changed")
      // Nothing written (an edit that changes no output): nothing to reload, unless pages
      // show the error of the build before.
      if await live.showsError || (report.mode != .upToDate && !report.changedPaths.isEmpty) {
        await live.reload(paths: report.changedPaths, milliseconds: ms)
      }
    } else {
      log(report.summary + "; still serving the last good site")
      await live.buildFailed(report.diagnostics)
    }
  }

  static func describe(_ sources: [String]) -> String {
    let names = sources.map {
      $0.hasPrefix("c/") ? "content/" + $0.dropFirst(2) : "theme/" + $0.dropFirst(2)
    }
    return names.count <= 3 ? names.joined(separator: ", ") : "\(names.count) files"
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
