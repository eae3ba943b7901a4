import Foundation

/// The large values of a build that ends its process (`portal build`): handed over here when
/// the build is done, they are freed all at once by the exit instead of one allocation at a
/// time, which took a tenth of a second at 10,000 pages (compilers skip the same work).
/// `portal serve` and the tests build many times in one process and free as they go.
enum KeptUntilExit {
  private static let lock = NSLock()
  nonisolated(unsafe) private static var values: [Any] = []

  static func keep(_ value: Any) {
    lock.lock()
    values.append(value)
    lock.unlock()
  }
}
