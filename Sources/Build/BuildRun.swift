import Content
import Diagnostics
import Foundation

/// One build as it runs: what every step reports to (the problems found so far, the progress
/// line, the clock of the report) and what the steps are keyed by (the settings, the build
/// clock). What a step makes is returned to `SiteBuilder.build`, which hands it to the next
/// steps; a step that ends the build throws `Ended` with the report.
final class BuildRun {
  let options: BuildOptions
  /// What `portal serve` keeps between its builds; nil for one build.
  let session: BuildSession?
  let progress: BuildProgress
  var diagnostics: [Diagnostic] = []
  /// The settings the cache was made with (`BuildCache.settings`): made when first asked,
  /// after the output was found safe.
  lazy var settings = BuildCache.settings(for: options)
  /// The build clock, as the cache keeps it.
  let now: Int64
  /// The walk of the sources `stopIfUpToDate` made, for `scanSources`.
  var scanned: SourceTree.Scan?
  /// A Ctrl-C (or SIGTERM) held while the changed files were written in place (`Interrupts`).
  var interrupted: Int32 = 0
  /// Where the last build's pages that this one lacks went (`GonePages.Successor`), by old
  /// output path: `portal serve` takes a tab showing one there.
  var moved: [String: String] = [:]
  private let clock = ContinuousClock()
  private let started: ContinuousClock.Instant
  /// Whether a failed build leaves an earlier site behind, for its last line.
  private let hadOutput: Bool

  /// The build ended before its last step (a problem, or nothing left to do), with its report.
  struct Ended: Error {
    var report: BuildReport
  }

  init(_ options: BuildOptions, session: BuildSession?) {
    started = clock.now
    hadOutput = FileManager.default.fileExists(atPath: options.outputDirectory.path)
    self.options = options
    self.session = session
    progress = BuildProgress(enabled: options.showsProgress)
    now = Int64(options.now.epochSeconds)
  }

  /// The report of the build so far: its problems, what it wrote, and how long it took.
  func report(_ files: Int, _ counts: [(String, Int)] = [], mode: BuildReport.Mode = .full)
    -> BuildReport
  {
    let d = clock.now - started
    let seconds = Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
    var report = BuildReport(
      diagnostics: diagnostics.sorted, pageCounts: counts, filesWritten: files, seconds: seconds,
      mode: mode)
    report.strict = options.strict
    report.hadOutput = hadOutput
    report.moved = moved
    if report.succeeded, files > 0 {
      SourceMapStep.markBuilt(in: options.outputDirectory)
    }
    return report
  }

  /// Ends the build, having written nothing, when a problem so far is an error.
  func endIfFailed() throws(Ended) {
    guard !diagnostics.hasErrors else { throw Ended(report: report(0)) }
  }

  /// Ends the build with a write that failed, removing a full build's unfinished folder so
  /// the earlier output stays as it was.
  func failedWrite(_ error: Error, discarding staging: StagingFolder? = nil) -> Ended {
    staging?.discard()
    diagnostics.append(
      .error(outputLocation, SiteBuilder.message(error), code: SiteBuilder.writeCode(error))
        .ja(SiteBuilder.japaneseMessage(error)))
    return Ended(report: report(0))
  }

  /// Where problems with the output folder are reported.
  var outputLocation: SourceLocation {
    SourceLocation(file: ContentLoader.displayPath(for: options.outputDirectory))
  }
}

extension SiteBuilder {
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
}
