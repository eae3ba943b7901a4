import Dispatch

extension Collection where Index == Int {
  /// Maps over all cores and keeps the input order, so parallel stages give deterministic output.
  ///
  /// The transform must be pure: each call gets one element and returns one value; workers share
  /// nothing but the result buffer, each writing its own slot.
  public func parallelMap<T: Sendable>(_ transform: @Sendable (Element) -> T) -> [T]
  where Element: Sendable {
    let n = count
    if n < 2 { return map(transform) }
    return [T](unsafeUninitializedCapacity: n) { buffer, initialized in
      nonisolated(unsafe) let base = buffer.baseAddress!
      let start = startIndex
      let chunk = Swift.max(1, n / (ProcessInfoCores.count * 8))
      let chunks = (n + chunk - 1) / chunk
      self.withContiguousElements { elements in
        nonisolated(unsafe) let input = elements
        DispatchQueue.concurrentPerform(iterations: chunks) { c in
          let lo = c * chunk
          let hi = Swift.min(n, lo + chunk)
          for i in lo..<hi {
            (base + i).initialize(to: transform(input[i]))
          }
        }
      }
      _ = start
      initialized = n
    }
  }

  private func withContiguousElements<R>(_ body: (UnsafeBufferPointer<Element>) -> R) -> R {
    if let r = withContiguousStorageIfAvailable(body) { return r }
    return Array(self).withUnsafeBufferPointer(body)
  }
}

/// Number of worker threads to plan chunks for.
public enum ProcessInfoCores {
  public static let count: Int = {
    #if canImport(Glibc)
      return Swift.max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
    #else
      return 4
    #endif
  }()
}

#if canImport(Glibc)
  import Glibc
#endif
