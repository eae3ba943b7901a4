import Dispatch

/// Work started on another thread now and waited for later, so that two steps that do not
/// depend on each other overlap (a build loads its theme while it loads the content).
public final class Background<T: Sendable>: @unchecked Sendable {
  // Written once, before `done` is signalled; read only after waiting for it.
  private var result: T?
  private let done = DispatchSemaphore(value: 0)

  /// Starts `work` on a thread of the global pool.
  public init(_ work: @escaping @Sendable () -> T) {
    DispatchQueue.global().async { [self] in
      result = work()
      done.signal()
    }
  }

  /// A value already at hand, for callers that sometimes have nothing to wait for.
  public init(ready value: T) {
    result = value
    done.signal()
  }

  /// The work's result, waiting for it if it is not done yet.
  public var value: T {
    done.wait()
    defer { done.signal() }
    return result!
  }
}
