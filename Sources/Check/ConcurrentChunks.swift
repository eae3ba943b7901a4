import Foundation

/// Runs `body` over chunks of `items` on all cores and returns the results in input order. The
/// Check target stands apart from the build (Diagnostics, Foundation, and ByteFormats for the
/// source map's file hashes), so it has its own small helper instead of the build's Parallel
/// module. Each chunk gets its own scratch state, so workers never share a cache or a lock on
/// the hot path.
enum ConcurrentChunks {
  static func map<T: Sendable, R: Sendable>(_ items: [T], _ body: @Sendable (ArraySlice<T>) -> [R])
    -> [R]
  {
    guard !items.isEmpty else { return [] }
    let workers = max(1, ProcessInfo.processInfo.activeProcessorCount)
    let chunkCount = min(items.count, workers * 8)
    let size = (items.count + chunkCount - 1) / chunkCount
    let chunks = stride(from: 0, to: items.count, by: size).map {
      items[$0..<min($0 + size, items.count)]
    }
    var results = [[R]](repeating: [], count: chunks.count)
    results.withUnsafeMutableBufferPointer { buffer in
      // Each iteration writes only its own slot.
      nonisolated(unsafe) let slots = buffer
      DispatchQueue.concurrentPerform(iterations: chunks.count) { i in
        slots[i] = body(chunks[i])
      }
    }
    return results.flatMap { $0 }
  }
}
