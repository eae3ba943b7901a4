import Content
import Diagnostics
import Foundation

/// What one build reads and writes.
public struct BuildOptions: Sendable {
  public var contentDirectory: URL
  public var themeDirectory: URL
  public var outputDirectory: URL
  /// Files copied as they are to the same paths in the output (`static/`: `CNAME`,
  /// `.well-known/`, `_headers`); nil or a missing folder copies nothing.
  public var staticDirectory: URL?
  public var includeDrafts: Bool
  /// The build clock: splits events into upcoming and past; fixed by `--now` for reproducible builds.
  public var now: DateTime
  /// Replaces `base_url` of site.yml (`--base-url`): the same content published for review at
  /// another address, such as a preview of a change before it goes live. Nil keeps site.yml's.
  public var baseURL: String?
  /// Whether to show a progress line on stderr during long builds: by default only on a
  /// terminal and not in CI.
  public var showsProgress = BuildProgress.isInteractive
  /// False forces a full build even when the output holds a usable incremental cache.
  public var incremental = true
  /// True when the process exits after this build (`portal build`): its site and cache are
  /// then left for the exit to free (`KeptUntilExit`).
  public var endsProcess = false
  /// Warnings stop the build as errors do (`portal build --strict`, for CI): a page still
  /// holding `portal new`'s sample text or a title too long to read is not published.
  public var strict = false
  /// From how many pages a full build sets the search index's bulk aside in a file while it is
  /// built (`SpillStore`): what keeps 10,000 pages under 300 MiB; below, the few megabytes are
  /// held, as writing and reading them back was a tenth of the shipped portal's search step.
  /// Tests lower it to build small fixtures both ways.
  var searchSpillFromPages = 2_000

  public init(
    contentDirectory: URL, themeDirectory: URL, outputDirectory: URL, includeDrafts: Bool = false,
    now: DateTime
  ) {
    self.contentDirectory = contentDirectory
    self.themeDirectory = themeDirectory
    self.outputDirectory = outputDirectory
    self.includeDrafts = includeDrafts
    self.now = now
  }
}

/// The outcome of a build: every diagnostic, what was written, and how long it took.
public struct BuildReport: Sendable {
  public var diagnostics: [Diagnostic]
  /// Pages by kind label (`initiative` → 75), plus `field`, `domain` and `index` pages.
  public var pageCounts: [(String, Int)]
  public var filesWritten: Int
  public var seconds: Double
  /// How the output was brought up to date.
  public var mode: Mode = .full
  /// Output files deleted by an incremental build (pages whose source was removed).
  public var filesDeleted = 0
  /// Output paths written or deleted, for `portal serve` to log and reload.
  public var changedPaths: [String] = []
  /// Pages of the last build that moved in this one (a renamed file, a changed `slug`), old
  /// output path to new address (`/initiatives/new-name/`): `portal serve` sends a tab that
  /// showed one to where it went, instead of reloading it onto the 404 page.
  public var moved: [String: String] = [:]
  /// Output paths rendered (written or found unchanged), to see what an edit touched.
  public var renderedPaths: [String] = []
  /// How many outputs' inputs were hashed (`Dependencies`): every output's, but after an edit
  /// of bodies alone (`PlannedPages`); 0 when the build did not plan.
  public var hashedOutputs = 0
  /// Content files left out as drafts, relative to the content folder (`events/x.md`), for
  /// `portal serve` to say why saving one changed nothing.
  public var drafts: [String] = []
  /// Content files left out until their `publish` time, likewise.
  public var scheduled: [String] = []
  /// The Ctrl-C (SIGINT) or SIGTERM that came while `portal build` wrote its changed files in
  /// place, held until every one was written (0: none): the command stops after its summary.
  public var interrupted: Int32 = 0
  /// The build was asked to fail on warnings (`BuildOptions.strict`).
  public var strict = false
  /// The output folder existed when the build started: a failed first build has no "previous
  /// output" to leave unchanged.
  public var hadOutput = true

  public enum Mode: Sendable {
    /// Every file rendered into a new folder that replaced the output.
    case full
    /// Only the outputs whose inputs changed were rendered and written, in place.
    case incremental
    /// In `portal serve`, pages edited without changing any relation: just those files were
    /// parsed again, and just what shows them rendered and written (`EditInPlace`).
    case inPlace
    /// Nothing changed since the last build; nothing was read or written.
    case upToDate
  }

  /// The entry of `pageCounts` that counts drafts left out (kept with the counts, so an
  /// up-to-date build says it too).
  static let draftCount = "draft"
  /// Likewise, the pages left out until their `publish` time.
  static let scheduledCount = "scheduled"

  /// `; 2 drafts and 1 page waiting for its publish time not built (--drafts builds them)`, or
  /// nothing.
  private var unpublishedNote: String {
    let (drafts, scheduled) = unpublished
    var parts: [String] = []
    if drafts > 0 { parts.append("\(drafts) draft\(drafts == 1 ? "" : "s")") }
    if scheduled > 0 {
      parts.append(
        "\(scheduled) page\(scheduled == 1 ? " waiting for its" : "s waiting for their") publish time"
      )
    }
    guard !parts.isEmpty else { return "" }
    return "; \(parts.joined(separator: " and ")) not built (--drafts builds them)"
  }

  /// The drafts and the pages waiting for their publish time left out, from `pageCounts`.
  var unpublished: (drafts: Int, scheduled: Int) {
    (
      pageCounts.first { $0.0 == Self.draftCount }?.1 ?? 0,
      pageCounts.first { $0.0 == Self.scheduledCount }?.1 ?? 0
    )
  }

  /// The pages per kind the last line names: kinds the site has none of are left out ("0
  /// about" read as if pages had gone missing), and so are the counts of pages left out.
  var builtCounts: [(String, Int)] {
    pageCounts.filter { $0.0 != Self.draftCount && $0.0 != Self.scheduledCount && $0.1 > 0 }
  }

  /// Writing in place failed part way (`output.partial`): the output may be partly updated.
  var partlyWritten: Bool { diagnostics.contains { $0.code == "output.partial" } }

  public var succeeded: Bool {
    !diagnostics.hasErrors && !failedOnWarnings && (filesWritten > 0 || mode != .full)
  }

  /// Whether warnings alone failed a `--strict` build.
  var failedOnWarnings: Bool { strict && diagnostics.warningCount > 0 }

  /// What a failed build did to the output: nothing, unless writing in place failed part way.
  private var outputLeft: String {
    partlyWritten
      ? "the output folder may be partly updated (the next build writes it whole again)"
      : hadOutput ? "the previous output was left unchanged" : "nothing was written"
  }

  /// One line for the end of a build: pages per kind, problems, time.
  public var summary: String {
    let counted = builtCounts
    let counts =
      counted.isEmpty ? "no pages" : counted.map { "\($0.1) \($0.0)" }.joined(separator: ", ")
    let time = String(format: "%.2f s", seconds) + unpublishedNote
    if !succeeded {
      return
        "Build failed: \(diagnostics.errorCount) error(s), \(diagnostics.warningCount) warning(s)\(failedOnWarnings ? " (--strict: warnings count as errors)" : ""); \(outputLeft) (\(time))"
    }
    let warnings = "\(diagnostics.warningCount) warning(s)"
    switch mode {
    case .full:
      return "Built \(filesWritten) files (\(counts)) with \(warnings) in \(time)"
    case .incremental, .inPlace:
      // "Updated 0 changed files" read as a build that did nothing with what was saved.
      if filesWritten == 0 && filesDeleted == 0 {
        return
          "Checked: no file needed writing again (\(counts)) with \(warnings) in \(time)"
      }
      let deleted = filesDeleted > 0 ? ", deleted \(filesDeleted)" : ""
      return
        "Updated \(filesWritten) changed files\(deleted) (\(counts)) with \(warnings) in \(time)"
    case .upToDate:
      return
        "Up to date: nothing changed since the last build (\(counts)) with \(warnings) in \(time)"
    }
  }
}
