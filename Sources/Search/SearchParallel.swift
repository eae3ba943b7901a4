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

/// Slots written by exactly one worker each; read after all workers finished.
final class ResultBox<T: Sendable>: @unchecked Sendable {
  private var slots: [T?]
  private let lock = NSLock()

  init(count: Int) { slots = [T?](repeating: nil, count: count) }

  func set(_ i: Int, _ value: T) {
    lock.lock()
    slots[i] = value
    lock.unlock()
  }

  func values() -> [T] { slots.map { $0! } }
}
