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
    var state: [UInt8]
  }

  /// Makes the index and hands its new or changed files to `write`: a full build's document
  /// files batch by batch while the rest is still being built, so they are written meanwhile.
  static func run(
    _ site: Site, previous: BuildCache?, output: URL,
    write: ([OutputFile]) throws(OutputWriter.Failure) -> Void
  ) throws(OutputWriter.Failure) -> Result {
    let documents = documents(for: site)
    let started = ContinuousClock.now
    var result: Result
    var how = "built"
    var (count, bytes) = (0, 0)
    func hand(_ files: [String: Data]) throws(OutputWriter.Failure) {
      let list = files.sorted { $0.key < $1.key }.map {
        OutputFile(path: "search/" + $0.key, data: $0.value)
      }
      count += list.count
      bytes += list.reduce(0) { $0 + $1.data.count }
      try write(list)
    }
    if let previous, let state = SearchIndexState(encoded: previous.searchState),
      let update = patch(documents, site: site, previous: previous, state: state, output: output)
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
      result = Result(paths: paths, state: update.state.encoded())
    } else {
      var paths: [String] = []
      var failure: OutputWriter.Failure?
      var batches = 0
      let index = SearchIndexBuilder.buildIndex(documents) { files in
        paths += files.keys.map { "search/" + $0 }
        guard failure == nil else { return }
        do throws(OutputWriter.Failure) { try hand(files) } catch { failure = error }
        // In a full build (no previous output), as between the build's steps; every few
        // batches, as each trim costs page faults later.
        batches += 1
        if previous == nil, batches % 4 == 0 { MemoryRelease.betweenSteps() }
      }
      if let failure { throw failure }
      try hand(index.files)
      paths += index.files.keys.map { "search/" + $0 }
      result = Result(paths: paths.sorted(), state: index.state.encoded())
    }
    // For the benchmarks: the time of this step alone, on stderr.
    if ProcessInfo.processInfo.environment["PORTAL_SEARCH_TIMING"] != nil {
      let seconds = (ContinuousClock.now - started) / .seconds(1)
      FileHandle.standardError.write(
        Data(
          "search index \(how): \(documents.count) pages, \(count) files, \(bytes) bytes in \(String(format: "%.3f", seconds)) s\n"
            .utf8))
    }
    return result
  }

  /// The index patched in place, reading the earlier shards from the output; nil when a full
  /// build is needed.
  static func patch(
    _ documents: [SearchDocument], site: Site, previous: BuildCache, state: SearchIndexState,
    output: URL
  ) -> SearchIndexUpdate? {
    var pathOf: [String: String] = [:]
    for i in site.pages.indices { pathOf[site.pages[i].url] = site.pages[i].page.relativePath }
    let root = output.appendingPathComponent("search").path + "/"
    return SearchIndexBuilder.update(
      documents, previous: state,
      previousBody: { doc in pathOf[doc.url].flatMap { previous.bodies[$0]?.plainText } },
      readFile: { path in
        // Only a file with the bytes the cache recorded: anything else (an edit by hand, an
        // interrupted write) makes the patch give up and the index be built whole.
        guard OutputWriter.safeRelative(path),
          let data = FileManager.default.contents(atPath: root + path),
          previous.outputs["search/" + path]?.bytes == StableHash.of(data: data)
        else { return nil }
        return data
      })
  }

  static func documents(for site: Site) -> [SearchDocument] {
    // By index, with one look at each page's front matter (each look copies it), as the other
    // passes over every page do.
    var documents: [SearchDocument] = []
    documents.reserveCapacity(site.pages.count)
    for i in site.pages.indices {
      let page = site.pages[i].page
      let kind: SearchKind
      var date: String?
      var keywords = page.tags
      var title = page.title
      switch page.meta {
      case .strategy: kind = .strategy
      case .field(let m):
        kind = .strategy
        title = site.field(m.field.id)?.config.name ?? title
      case .initiative(let m):
        kind = .initiative
        date = m.started?.description
      case .event(let m):
        kind = .event
        date = m.start.local.date.description
      case .glossary(let m):
        kind = .glossary
        keywords += [m.reading] + m.aliases + (m.english.map { [$0] } ?? [])
      }
      documents.append(
        SearchDocument(
          url: site.pages[i].url, title: title, kind: kind, summary: page.summary ?? "",
          body: site.pages[i].plainText, date: date, keywords: keywords))
    }
    // In page order: the index orders them itself (kind, date, URL).
    return documents
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
