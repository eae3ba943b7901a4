import Foundation

/// `PORTAL_TIMINGS=1`: the time of each step of a check on stderr, one line each, as the build
/// prints its own, so the benchmark can say where a check of 10,000 pages spends its time.
struct CheckTimings {
  private let enabled = ProcessInfo.processInfo.environment["PORTAL_TIMINGS"] != nil
  private let clock = ContinuousClock()
  private var last: ContinuousClock.Instant

  init() { last = clock.now }

  /// Ends the step named `name`, started when the previous one ended.
  mutating func step(_ name: String) {
    guard enabled else { return }
    let now = clock.now
    let d = now - last
    last = now
    let ms = d.components.seconds * 1000 + d.components.attoseconds / 1_000_000_000_000_000
    FileHandle.standardError.write(Data("time: \(name): \(ms) ms\n".utf8))
  }
}
