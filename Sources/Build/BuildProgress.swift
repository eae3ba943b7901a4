import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// A one-line progress display on stderr for long builds: the current step, rewritten in place.
/// Shown only once a build has run for a moment, so quick builds print nothing extra.
public final class BuildProgress: @unchecked Sendable {
  /// A terminal on stderr and no CI: logs and pipes get no control characters.
  public static var isInteractive: Bool {
    isatty(2) == 1 && ProcessInfo.processInfo.environment["CI"] == nil
  }

  private let enabled: Bool
  private let started = ContinuousClock.now
  private var shown = false

  init(enabled: Bool) { self.enabled = enabled }

  /// Announces a step, e.g. "Rendering 10,452 files".
  func step(_ text: String) {
    guard enabled, ContinuousClock.now - started > .milliseconds(250) else { return }
    shown = true
    FileHandle.standardError.write(Data("\r\u{1B}[K\(text)…".utf8))
  }

  /// Clears the line before the summary is printed.
  func done() {
    guard shown else { return }
    FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    shown = false
  }
}
