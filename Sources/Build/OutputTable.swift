import Render
import Search

/// The outputs of one build as they are rendered and written: each file's hashes (the cache's
/// table of outputs), the source map's entries, the search index's files and state, and which
/// files changed. A full build hands each file to its staging folder as it comes; an
/// incremental one keeps the files whose bytes changed, to write them in place at the end.
final class OutputTable {
  /// A full build's new folder; nil for an incremental build.
  let staging: StagingFolder?
  /// The hash of each output's inputs (`OutputPlan.inputs`).
  private let inputs: [String: UInt64]
  /// The hashes of the pages' plain texts the search index computed, by page, for the pack.
  var bodyHashes: [String: UInt64] = [:]
  /// The last build's table, to tell which files changed or are gone.
  private let previous: OutputHashes?
  private(set) var outputs = OutputHashes()
  private(set) var sourceMap: SourceMapEntries
  /// The files of the search index and what they were made from.
  private(set) var searchFiles: [String]
  var searchState: SearchIndexState?
  let searchInputs: UInt64
  /// Whether what the search index is made from changed since the last build.
  let rebuildsSearch: Bool
  /// The usual edit leaves the set of output files as it was (pages, search files and the
  /// source map): then the earlier table is taken whole instead of copied entry by entry,
  /// which at 10,000 pages (80,000 files) was a tenth of a rebuild in `portal serve`.
  private let sameFiles: Bool
  private var searchFilesChanged = false
  /// The source map is written again only when an entry changed (or files came or went).
  private(set) var sourceMapChanged: Bool
  /// In an incremental build, the files whose bytes differ from the last build's.
  private(set) var changed: [OutputFile] = []
  /// Every file rendered or copied, written or found unchanged.
  private(set) var rendered: [String] = []

  init(_ plan: OutputPlan, previous: BuildCache?, staging: StagingFolder?) {
    let inputs = plan.inputs
    self.staging = staging
    self.inputs = inputs
    self.previous = previous?.outputs
    let searchInputs = plan.dependencies.searchInputs
    self.searchInputs = searchInputs
    rebuildsSearch = previous?.searchInputs != searchInputs
    let searchPaths = previous?.searchFiles ?? []
    searchFiles = searchPaths
    searchState = previous?.searchState
    // With `candidates`, `inputs` holds only theirs; the plan found the same files then.
    let sameFiles =
      previous.map { previous in
        plan.candidates != nil
          || previous.outputs.count == inputs.count + searchPaths.count + 2
            && inputs.keys.allSatisfy { previous.outputs[$0] != nil }
            && searchPaths.allSatisfy { previous.outputs[$0] != nil }
      } ?? false
    self.sameFiles = sameFiles
    sourceMapChanged = !sameFiles
    sourceMap = previous?.sourceMap ?? SourceMapEntries()
    if sameFiles, let previous {
      outputs = previous.outputs
    } else {
      sourceMap.removeAll { inputs[$0] == nil }
      for path in plan.jobs.map(\.path) + searchPaths + plan.statics.outputPaths {
        outputs[path] = previous?.outputs[path]
      }
    }
  }

  /// Records rendered files and hands them to the staging folder, or keeps those that changed.
  func take(_ files: [OutputFile]) throws(OutputWriter.Failure) { try keep(files, mapped: true) }

  /// `mapped` false for static copies: recorded as every output, but no page of the source map.
  func keep(_ files: [OutputFile], mapped: Bool) throws(OutputWriter.Failure) {
    var unmapped = SourceMapEntries()
    let (hashes, mapChanged) =
      mapped
      ? BuildCache.record(files, inputs: inputs, outputs: &outputs, sourceMap: &sourceMap)
      : BuildCache.record(files, inputs: inputs, outputs: &outputs, sourceMap: &unmapped)
    if mapChanged { sourceMapChanged = true }
    rendered += files.map(\.path)
    if staging == nil {
      for (f, bytes) in zip(files, hashes) where previous?[f.path]?.bytes != bytes {
        changed.append(f)
      }
    }
    try staging?.write(files)
  }

  /// Takes the search index's new list of files: the written ones are recorded (`take`), the
  /// others keep their entries. Only when files came or went is the table of 80,000 outputs
  /// gone through (a patch usually returns the earlier list itself, which compares equal at
  /// once). A full build has neither earlier files nor an earlier table: its 60,000 search
  /// files are all recorded already, and hashing them into a set and looking each up again
  /// was 30 ms at the end of the index step with the other core idle.
  func replaceSearchFiles(with paths: [String]) {
    let earlierPaths = searchFiles
    searchFiles = paths
    guard paths != earlierPaths else { return }
    searchFilesChanged = true
    if !earlierPaths.isEmpty {
      let kept = Set(paths)
      for path in earlierPaths where !kept.contains(path) { outputs[path] = nil }
    }
    guard let previous else { return }
    for path in paths where outputs[path] == nil {
      outputs[path] = previous[path]
    }
  }

  /// The last build's files this one did not make, to delete. Nothing was dropped from a
  /// table taken whole, unless search files came or went.
  private(set) lazy var deleted: [String] =
    sameFiles && !searchFilesChanged
    ? [] : (previous?.keys.filter { outputs[$0] == nil } ?? []).sorted()
}
