import ByteFormats
import Content
import Foundation
import Render
import Search
import Site

/// Turns resolved pages into search documents and the index files under `search/`: patched
/// from the previous build when only some bodies changed, else built whole.
enum SearchIndexStep {
  struct Result {
    /// Every file of the index after this build.
    var paths: [String]
    var state: SearchIndexState
  }

  /// Makes the index and hands its new or changed files to `write`: a full build's document
  /// files batch by batch while the rest is still being built, so they are written meanwhile.
  ///
  /// - Parameters:
  ///   - changedPages: the only pages whose documents can differ from the previous build's,
  ///     when the caller knows (it replaced just those in `documents`); nil to compare all.
  ///   - previousDocument: the previous build's document at an id, when the caller kept it
  ///     (`portal serve`): then a document whose title, summary or keywords changed is patched
  ///     too.
  ///   - previousPages: else, the edited pages' earlier parse by relative path (from the
  ///     cache), from which their earlier documents are made again. A document neither gives
  ///     can be patched only if its title, summary and keywords are unchanged.
  ///   - spillDirectory: where a full index build may set aside what it holds until written
  ///     (a full build's staging folder), to keep its memory low; nil keeps it in memory.
  static func run(
    _ site: Site, documents: SearchDocuments, changedPages: [Int]? = nil, previous: BuildCache?,
    previousDocument: (Int) -> SearchDocument? = { _ in nil }, previousPages: [String: Page] = [:],
    output: URL, spillDirectory: URL? = nil,
    write: ([OutputFile]) throws(OutputWriter.Failure) -> Void
  ) throws(OutputWriter.Failure) -> Result {
    let started = ContinuousClock.now
    var result: Result
    var how = "built"
    var (count, bytes) = (0, 0)
    func hand(_ files: [String: Data]) throws(OutputWriter.Failure) {
      try handInOrder(
        files.sorted { $0.key < $1.key }.map {
          OutputFile(path: "search/" + $0.key, data: $0.value)
        })
    }
    /// Files already in the order of their paths.
    func handInOrder(_ list: [OutputFile]) throws(OutputWriter.Failure) {
      count += list.count
      bytes += list.reduce(0) { $0 + $1.data.count }
      try write(list)
    }
    if let previous, let state = previous.searchState,
      let update = patch(
        documents, site: site, changedPages: changedPages, previous: previous, state: state,
        previousDocument: previousDocument, previousPages: previousPages, output: output)
    {
      how = "patched"
      try hand(update.writes)
      // Usually no file comes or goes; then the sorted list of 60,000 paths stays as it is.
      let deleted = Set(update.deletes.map { "search/" + $0 })
      var paths = previous.searchFiles
      let added = update.writes.keys.map { "search/" + $0 }.filter { !paths.sortedContains($0) }
      if !deleted.isEmpty || !added.isEmpty {
        paths = (paths.filter { !deleted.contains($0) } + added).sorted()
      }
      result = Result(paths: paths, state: update.state)
    } else {
      var paths: [String] = []
      var failure: OutputWriter.Failure?
      // In a full build (no previous output), memory is handed back as between the build's
      // steps: every fourth batch of documents, as each purge costs page faults later, and as
      // each posting partition is let go (on text that repeats little, the partitions' tables
      // were still resident when the encoded entries were largest: 525 → 475 MiB at 10,000
      // pages).
      let purge = previous == nil
      let release: @Sendable () -> Void = { if purge { MemoryRelease.betweenSteps() } }
      let index = SearchIndexBuilder.buildIndexInOrder(
        documents.ordered, options: options(site), spillDirectory: spillDirectory?.path,
        releaseMemory: release
      ) { files in
        let list = files.map { OutputFile(path: "search/" + $0.name, data: $0.data) }
        paths += list.map(\.path)
        guard failure == nil else { return }
        do throws(OutputWriter.Failure) { try handInOrder(list) } catch { failure = error }
      }
      if let failure { throw failure }
      try hand(index.files)
      paths += index.files.keys.map { "search/" + $0 }
      result = Result(paths: paths.sorted(), state: index.state)
    }
    // For the benchmarks: the time of this step alone, on stderr.
    if ProcessInfo.processInfo.environment["PORTAL_SEARCH_TIMING"] != nil {
      let seconds = (ContinuousClock.now - started) / .seconds(1)
      FileHandle.standardError.write(
        Data(
          "search index \(how): \(documents.ordered.count) pages, \(count) files, \(bytes) bytes in \(String(format: "%.3f", seconds)) s\n"
            .utf8))
    }
    return result
  }

  /// The index's options for this site: the defaults, with site.yml's word groups.
  static func options(_ site: Site) -> SearchIndexOptions {
    var options = SearchIndexOptions.default
    options.wordGroups = site.config.searchWords
    return options
  }

  /// The index patched in place, reading the earlier shards from the output; nil when a full
  /// build is needed.
  static func patch(
    _ documents: SearchDocuments, site: Site, changedPages: [Int]?, previous: BuildCache,
    state: SearchIndexState, previousDocument kept: (Int) -> SearchDocument?,
    previousPages: [String: Page], output: URL
  ) -> SearchIndexUpdate? {
    var pathOf: [String: String] = [:]
    for i in changedPages ?? Array(site.pages.indices) {
      pathOf[site.pages[i].url] = site.pages[i].page.relativePath
    }
    let root = output.appendingPathComponent("search").path + "/"
    // The kept document, else one made from the earlier parse (or, for an unchanged front
    // matter, the current one) with the body the cache recorded. The patch checks it against
    // the hashes the index recorded, so a wrong guess means a full index, not a wrong one.
    let previousDocument = { (id: Int, current: SearchDocument) -> SearchDocument? in
      if let document = kept(id) { return document }
      guard let path = pathOf[current.url], let body = previous.bodies[path]?.plainText else {
        return nil
      }
      if let page = previousPages[path] {
        return SearchDocuments.document(of: page, url: current.url, body: body, in: site)
      }
      var document = current
      document.bodyText = body
      return document
    }
    // Only a file with the bytes the cache recorded: anything else (an edit by hand, an
    // interrupted write) makes the patch give up and the index be built whole.
    let readFile = { (path: String) -> Data? in
      guard OutputWriter.safeRelative(path),
        let data = FileManager.default.contents(atPath: root + path),
        previous.outputs["search/" + path]?.bytes == StableHash.of(data: data)
      else { return nil }
      return data
    }
    guard let changedPages else {
      // A body still in the cache's pack has the hash the pack recorded: only the others are
      // read and hashed (at 10,000 pages, 33 MB of texts read for one edited page).
      let ordered = documents.ordered
      guard
        let changed = state.changedDocuments(
          ordered, knownBodyHash: { ordered[$0].bodyText.mappedLocation?.hash })
      else { return nil }
      return SearchIndexBuilder.update(
        ordered: ordered, changed: changed, previous: state, previousDocument: previousDocument,
        readFile: readFile, options: options(site))
    }
    return SearchIndexBuilder.update(
      ordered: documents.ordered, changed: changedPages.map { documents.id(ofPage: $0) },
      previous: state, previousDocument: previousDocument, readFile: readFile,
      options: options(site))
  }
}

extension [String] {
  /// Binary search in an ascending array.
  func sortedContains(_ value: String) -> Bool {
    var (lo, hi) = (0, count)
    while lo < hi {
      let mid = (lo + hi) / 2
      if self[mid] < value { lo = mid + 1 } else { hi = mid }
    }
    return lo < count && self[lo] == value
  }
}
