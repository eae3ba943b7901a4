import Dispatch
import Testing

@testable import Parallel

@Suite struct ParallelTests {
  @Test func parallelMapKeepsTheInputOrder() {
    let input = Array(0..<10_000)
    #expect(input.parallelMap { $0 * 3 } == input.map { $0 * 3 })
    #expect([Int]().parallelMap { $0 } == [])
    #expect([7].parallelMap { $0 + 1 } == [8])
  }

  /// The work runs while the caller goes on: here it cannot finish until the caller lets it,
  /// after the `Background` was made, so a `Background` that ran its work on the caller's
  /// thread (at `init` or at `value`) would never return.
  @Test func backgroundRunsBesideTheCaller() {
    let started = DispatchSemaphore(value: 0)
    let go = DispatchSemaphore(value: 0)
    let pending = Background { () -> String in
      started.signal()
      go.wait()
      return "done"
    }
    #expect(started.wait(timeout: .now() + 10) == .success)
    go.signal()
    #expect(pending.value == "done")
    // Asked again, the same value, without running the work again.
    #expect(pending.value == "done")
  }

  @Test func aReadyValueNeedsNoThread() {
    let ready = Background(ready: [1, 2, 3])
    #expect(ready.value == [1, 2, 3])
    #expect(ready.value == [1, 2, 3])
  }
}
