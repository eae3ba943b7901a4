import Content
import Diagnostics
import Foundation

/// What one build reads and writes.
public struct BuildOptions: Sendable {
  public var contentDirectory: URL
  public var themeDirectory: URL
  public var outputDirectory: URL
  public var includeDrafts: Bool
  /// The build clock: splits events into upcoming and past; fixed by `--now` for reproducible builds.
  public var now: DateTime

  public init(contentDirectory: URL, themeDirectory: URL, outputDirectory: URL, includeDrafts: Bool = false, now: DateTime) {
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
  public var succeeded: Bool { !diagnostics.hasErrors && filesWritten > 0 }

  /// One line for the end of a build: pages per kind, problems, time.
  public var summary: String {
    let counts = pageCounts.map { "\($0.1) \($0.0)" }.joined(separator: ", ")
    let time = String(format: "%.2f s", seconds)
    if !succeeded {
      return "Build failed: \(diagnostics.errorCount) error(s), \(diagnostics.warningCount) warning(s); the previous output was left unchanged (\(time))"
    }
    return "Built \(filesWritten) files (\(counts)) with \(diagnostics.warningCount) warning(s) in \(time)"
  }
}
