import CJemalloc

/// Hands memory that was freed back to the system between build steps.
///
/// The allocator (jemalloc, linked through `CJemalloc`) keeps freed pages for ten seconds
/// before returning them, for reuse; a step run on other threads often cannot reuse them, so
/// the peak grew by what each step left behind: at 10,000 pages the bodies' HTML and the
/// render chunks stayed resident while the search index was built. Purging every arena at each
/// step boundary costs a few milliseconds and keeps the peak under 300 MiB.
enum MemoryRelease {
  static func betweenSteps() {
    // MALLCTL_ARENAS_ALL: every arena, including those of threads that have ended.
    _ = mallctl("arena.4096.purge", nil, nil, nil, 0)
  }
}
