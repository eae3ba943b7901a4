import Diagnostics
import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// A one-line progress display on stderr for long builds: the current step, rewritten in place.
/// Shown only once a build has run for a moment, so quick builds print nothing extra.
public final class BuildProgress: @unchecked Sendable {
  /// A terminal on stderr and no CI: logs and pipes get no control characters, nor a terminal
  /// that says it cannot take them (`TERM=dumb`: Emacs' shell, some CI consoles).
  public static var isInteractive: Bool {
    let environment = ProcessInfo.processInfo.environment
    return isatty(2) == 1 && environment["CI"] == nil && environment["TERM"] != "dumb"
  }

  private let enabled: Bool
  private let started = ContinuousClock.now
  private var shown = false
  /// `PORTAL_TIMINGS=1`: each step's time on stderr, one line each, for the benchmarks.
  private let timings = ProcessInfo.processInfo.environment["PORTAL_TIMINGS"] != nil
  private var last: (String, ContinuousClock.Instant, Double)?

  /// The language the line is shown in (the timings stay English, for the benchmarks).
  private let language: MessageLanguage

  init(enabled: Bool, language: MessageLanguage = .current) {
    self.enabled = enabled
    self.language = language
  }

  /// Announces a step, e.g. "Rendering 10,452 files", with its Japanese for a writer whose
  /// computer is set to it.
  func step(_ text: String, ja: String? = nil) {
    if timings { time(text) }
    guard enabled, ContinuousClock.now - started > .milliseconds(250) else { return }
    shown = true
    FileHandle.standardError.write(Data("\r\u{1B}[K\(line(text, ja: ja))…".utf8))
  }

  /// The step as shown: in Japanese where it has Japanese and the language is Japanese.
  func line(_ text: String, ja: String?) -> String {
    language == .japanese ? ja ?? text : text
  }

  private func time(_ text: String) {
    let now = ContinuousClock.now
    let next = text.prefix { $0 != "(" && !$0.isNumber }.trimmingCharacters(in: .whitespaces)
    if let (name, _, _) = last, name == next { return }
    let cpu = Self.cpuSeconds()
    if let (name, start, startCPU) = last {
      let ms = (now - start) / .milliseconds(1)
      let cpuMs = Int((cpu - startCPU) * 1000)
      FileHandle.standardError.write(
        Data(
          "time: \(name): \(Int(ms)) ms (CPU \(cpuMs) ms), peak memory \(Self.memoryMiB("VmHWM:")) MiB, now \(Self.memoryMiB("VmRSS:")) MiB\n"
            .utf8))
    }
    last = (next, now, cpu)
  }

  /// User and system time of the whole process, to compare with a step's wall time: how well
  /// the step uses the cores.
  static func cpuSeconds() -> Double {
    var usage = rusage()
    guard getrusage(RUSAGE_SELF.rawValue, &usage) == 0 else { return 0 }
    func seconds(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) / 1e6 }
    return seconds(usage.ru_utime) + seconds(usage.ru_stime)
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
