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
  /// `PORTAL_TIMINGS=1`: each step's time on stderr, one line each, for the benchmarks.
  private let timings = ProcessInfo.processInfo.environment["PORTAL_TIMINGS"] != nil
  private var last: (String, ContinuousClock.Instant)?

  init(enabled: Bool) { self.enabled = enabled }

  /// Announces a step, e.g. "Rendering 10,452 files".
  func step(_ text: String) {
    if timings { time(text) }
    guard enabled, ContinuousClock.now - started > .milliseconds(250) else { return }
    shown = true
    FileHandle.standardError.write(Data("\r\u{1B}[K\(text)…".utf8))
  }

  private func time(_ text: String) {
    let now = ContinuousClock.now
    let next = text.prefix { $0 != "(" && !$0.isNumber }.trimmingCharacters(in: .whitespaces)
    if let (name, _) = last, name == next { return }
    if let (name, start) = last {
      let ms = (now - start) / .milliseconds(1)
      FileHandle.standardError.write(
        Data(
          "time: \(name): \(Int(ms)) ms, peak memory \(Self.memoryMiB("VmHWM:")) MiB, now \(Self.memoryMiB("VmRSS:")) MiB\n"
            .utf8))
    }
    last = (next, now)
  }

  /// The process's peak (`VmHWM:`) or current (`VmRSS:`) resident memory on Linux, 0 where
  /// unknown.
  static func memoryMiB(_ field: String) -> Int {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
      let line = status.split(separator: "\n").first(where: { $0.hasPrefix(field) }),
      let kb = Int(line.split(separator: " ").dropFirst().first ?? "")
    else { return 0 }
    return kb / 1024
  }

  /// Clears the line before the summary is printed.
  func done() {
    if timings { time("") }
    guard shown else { return }
    FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    shown = false
  }
}
