#if canImport(Glibc)
  import Glibc
#endif

/// Hands memory that was freed back to the system between build steps.
///
/// glibc keeps freed blocks in its per-thread arenas, where the next step (run on other
/// threads) often cannot reuse them, so the peak grew by what each step left behind: at 10,000
/// pages the bodies' HTML and the render chunks stayed resident while the search index was
/// built. A trim at each step boundary costs a few milliseconds.
enum MemoryRelease {
  static func betweenSteps() {
    #if canImport(Glibc)
      _ = trim?(0)
    #endif
  }

  #if canImport(Glibc)
    /// `malloc_trim` from the C library (not in the Glibc module's headers); nil elsewhere.
    private static let trim: (@convention(c) (Int) -> Int32)? = {
      guard let symbol = dlsym(nil, "malloc_trim") else { return nil }
      return unsafeBitCast(symbol, to: (@convention(c) (Int) -> Int32).self)
    }()
  #endif
}
