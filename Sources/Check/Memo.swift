import Synchronization

/// Values made once per key and shared by the pages checked at once, on every core: a site's
/// addresses and each page's ids for "did you mean", a target page's headings, a policy's
/// parse. Two workers asking for the same new key at once may both make it; the value is the
/// same either way, and the lock is never held while it is made.
final class Memo<Value: Sendable>: Sendable {
  private let made = Mutex<[String: Value]>([:])

  func value(for key: String, _ make: () -> Value) -> Value {
    if let known = made.withLock({ $0[key] }) { return known }
    let value = make()
    made.withLock { $0[key] = value }
    return value
  }
}
