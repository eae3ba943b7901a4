import Dispatch
import Foundation

extension Array where Element: Sendable {
  /// Order-keeping map over all cores (Dispatch only, so this module needs nothing but
  /// Foundation).
  func searchParallelMap<T: Sendable>(_ transform: @escaping @Sendable (Element) -> T) -> [T] {
    let n = count
    if n < 2 { return map(transform) }
    let results = ResultBox<T>(count: n)
    let input = self
    DispatchQueue.concurrentPerform(iterations: n) { i in
      results.set(i, transform(input[i]))
    }
    return results.values()
  }
}

/// Slots written by exactly one worker each, moved out at once after all workers finished:
/// no lock (a slot is its worker's alone, and the workers' end orders their writes before the
/// read) and no copy of the values (a copy of a prepared document retained each of its arrays).
final class ResultBox<T: Sendable>: @unchecked Sendable {
  private let slots: UnsafeMutablePointer<T>
  private let filled: UnsafeMutablePointer<Bool>
  private let count: Int
  private var taken = false

  init(count: Int) {
    self.count = count
    slots = .allocate(capacity: max(count, 1))
    filled = .allocate(capacity: max(count, 1))
    filled.initialize(repeating: false, count: count)
  }

  deinit {
    if !taken { for i in 0..<count where filled[i] { (slots + i).deinitialize(count: 1) } }
    slots.deallocate()
    filled.deallocate()
  }

  func set(_ i: Int, _ value: consuming T) {
    precondition(i >= 0 && i < count && !filled[i], "each slot is set once")
    (slots + i).initialize(to: value)
    filled[i] = true
  }

  /// Every slot's value, in order; the box is empty afterwards.
  func values() -> [T] {
    precondition(!taken && (0..<count).allSatisfy { filled[$0] }, "every slot is set")
    taken = true
    return [T](unsafeUninitializedCapacity: count) { buffer, initialized in
      if count > 0 { buffer.baseAddress!.moveInitialize(from: slots, count: count) }
      initialized = count
    }
  }
}

/// Runs `work` on a thread of its own while `meanwhile` runs on the caller's; returns once both
/// are done. For the index's serial stretches (handing a batch's files over, which waits for
/// the hashing and the writer): `work` spreads over the cores with `concurrentPerform` at full
/// width, which a nested `concurrentPerform` would not.
func searchConcurrently(_ work: () -> Void, meanwhile: () -> Void) {
  withoutActuallyEscaping(work) { work in
    nonisolated(unsafe) let work = work
    let group = DispatchGroup()
    DispatchQueue.global().async(group: group) { work() }
    meanwhile()
    group.wait()
  }
}
