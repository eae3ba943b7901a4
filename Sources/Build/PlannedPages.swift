import ByteFormats
import Content
import Parallel
import Render
import Site

/// What the last build planned, kept in the cache so that the next `portal build` can tell an
/// edit that left every relation as it was (the usual edit: a page's body) without hashing the
/// inputs of all 80,000 outputs at 10,000 pages, a fifth of such a build.
///
/// An output's inputs (`Dependencies.inputs`) are made of the global hash (theme, site.yml,
/// settings), the public hashes of the pages it shows, the full hash of the page whose body it
/// shows (`RenderJob.bodyPage`), and the relations between pages, which are derived from what
/// the public hashes hold (front matter, URLs, the glossary terms bodies link), the content
/// files and the build clock. So when the global hash, every page's path and public hash, the
/// content files and the list of outputs are the last build's (`pages` and `jobs` equal), and
/// no event moved between upcoming and past, only the outputs showing a body whose full hash
/// changed can have other inputs than the last build recorded; the others keep theirs.
struct PlannedPages: Sendable, Equatable {
  /// A digest of the global hash, every page's path and public hash (in the site's order) and
  /// the content files with their stamps.
  var pages: UInt64
  /// A digest of every output's path, in the plan's order.
  var jobs: UInt64
  /// Per page index (the same order as `pages`): `Dependencies.fullHash`.
  var fullHashes: [UInt64]

  init(pages: UInt64, jobs: UInt64, fullHashes: [UInt64]) {
    (self.pages, self.jobs, self.fullHashes) = (pages, jobs, fullHashes)
  }

  init(site: Site, dependencies: Dependencies, jobs: [(path: String, job: RenderJob)]) {
    self.init(
      pages: Self.pagesDigest(site, dependencies), jobs: Self.jobsDigest(jobs),
      fullHashes: dependencies.fullHash)
  }

  /// The same after an edit in place (`EditInPlace`), which keeps the outputs and may change
  /// pages' hashes: only the pages' part is made again.
  func updated(site: Site, dependencies: Dependencies) -> PlannedPages {
    PlannedPages(
      pages: Self.pagesDigest(site, dependencies), jobs: jobs, fullHashes: dependencies.fullHash)
  }

  static func pagesDigest(_ site: Site, _ dependencies: Dependencies) -> UInt64 {
    var h = StableHash()
    h.add(dependencies.global)
    h.add(site.pages.count)
    for i in site.pages.indices {
      h.add(Self.pathHash(site.pages[i].page.relativePath))
      h.add(dependencies.publicHash[i])
    }
    h.add(site.files.count)
    for f in site.files {
      h.add(Self.pathHash(f.relativePath))
      h.add(Int(f.stamp.modified))
      h.add(Int(f.stamp.size))
      h.add(Int(f.stamp.changed))
    }
    return h.value
  }

  /// The paths hashed eight bytes a step, in parallel (80,000 of them at 10,000 pages).
  static func jobsDigest(_ jobs: [(path: String, job: RenderJob)]) -> UInt64 {
    let chunk = 8192
    let parts = Array(stride(from: 0, to: jobs.count, by: chunk)).parallelMap { start in
      var h = StableHash()
      for k in start..<min(start + chunk, jobs.count) { h.add(Self.pathHash(jobs[k].path)) }
      return h.value
    }
    var h = StableHash()
    h.add(jobs.count)
    for p in parts { h.add(p) }
    return h.value
  }

  private static func pathHash(_ path: String) -> UInt64 {
    var s = path
    return s.withUTF8 {
      WordHash.mix(UInt64(truncatingIfNeeded: $0.count), UnsafeRawBufferPointer($0))
    }
  }

  /// The jobs whose inputs may differ from the last build's, when this build's plan is the
  /// last one's but for bodies (see the type); nil when it is not, and every output's inputs
  /// must be hashed.
  func changedJobs(
    _ now: PlannedPages, jobs: [(path: String, job: RenderJob)], site: Site
  ) -> [(path: String, job: RenderJob)]? {
    guard now.pages == pages, now.jobs == self.jobs, now.fullHashes.count == fullHashes.count
    else { return nil }
    var changed = Set<Int>()
    for i in fullHashes.indices where fullHashes[i] != now.fullHashes[i] { changed.insert(i) }
    guard !changed.isEmpty else { return [] }
    return jobs.filter { $0.job.bodyPage(in: site).map(changed.contains) ?? false }
  }

  func encode(into w: inout BinaryWriter) {
    w.reserve(32 + 8 * fullHashes.count)
    w.u64(pages)
    w.u64(jobs)
    w.int(fullHashes.count)
    for f in fullHashes { w.u64(f) }
  }

  init(reading r: inout BinaryReader) throws(BinaryReader.Corrupt) {
    pages = try r.u64()
    jobs = try r.u64()
    let count = try r.int()
    var hashes: [UInt64] = []
    hashes.reserveCapacity(min(count, 1 << 20))
    for _ in 0..<count { hashes.append(try r.u64()) }
    fullHashes = hashes
  }
}
