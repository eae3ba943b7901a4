import Foundation
import Testing

@testable import Build

#if canImport(Glibc)
  import Glibc
#endif

/// Ctrl-C while `portal build` writes its changed files in place is held until they are all
/// written (a layout edit stopped part-way left pages with both headers). Serialized: the
/// handlers are the process's.
@Suite(.serialized) struct InterruptsTests {
  /// Runs `body` with `s` at its default action (a background shell starts jobs with SIGINT
  /// ignored), then puts back what it was.
  func withDefault(_ s: Int32, _ body: () -> Void) {
    let old = signal(s, SIG_DFL)
    defer { signal(s, old) }
    body()
  }

  @Test func aSignalWhileHeldIsReturnedNotActedOn() {
    for s in [SIGINT, SIGTERM] {
      withDefault(s) {
        let (value, got) = Interrupts.held { () -> Int in
          // To the process, as the terminal sends it (a test's thread blocks signals), which
          // some other thread takes: given time.
          kill(getpid(), s)
          usleep(100_000)
          return 7
        }
        // The process is still here, the work done, and the signal said.
        #expect(value == 7 && got == s)
        #expect(Interrupts.held { 1 }.signal == 0)
      }
    }
  }

  @Test func anIgnoredSignalStaysIgnored() {
    let old = signal(SIGTERM, SIG_IGN)
    defer { signal(SIGTERM, old) }
    #expect(
      Interrupts.held {
        kill(getpid(), SIGTERM)
        usleep(100_000)
      }.signal == 0)
  }

  /// A failure inside is thrown as it is, and the handlers are put back.
  @Test func aFailureIsThrownAndTheHandlersPutBack() {
    struct Failed: Error {}
    withDefault(SIGTERM) {
      #expect(throws: Failed.self) {
        _ = try Interrupts.held { () throws(Failed) -> Int in throw Failed() }
      }
      let now = signal(SIGTERM, SIG_DFL)
      #expect(unsafeBitCast(now, to: Int.self) == unsafeBitCast(SIG_DFL, to: Int.self))
    }
  }

  /// The signal is named as it came: a CI's timeout sends SIGTERM, not Ctrl-C.
  @Test func theStopNamesTheSignal() {
    var report = BuildReport(diagnostics: [], pageCounts: [], filesWritten: 1, seconds: 0)
    report.interrupted = SIGTERM
    #expect(report.stopped(in: .english).hasPrefix("Stopped (SIGTERM) once"))
    #expect(report.stopped(in: .japanese).hasPrefix("止めました（SIGTERM）"))
    report.interrupted = SIGINT
    #expect(report.stopped(in: .english).hasPrefix("Stopped (Ctrl-C) once"))
  }
}
