import ByteFormats
import Foundation
import Parallel

extension OutputWriter {
  /// Writes the cache: the pack of plain texts and the log of outputs first (appended to:
  /// `BodyPack`, `OutputLog`), and the source map's entries when one changed
  /// (`SourceMapFile`), then the state that says where they stand, the head that points
  /// at it last. A build killed before the head is written leaves no cache (an incremental
  /// build removed the head first) or a head whose generation, pack or log is not the
  /// state's: the next build is a full one.
  ///
  /// The pack, the log and the state's sections that need neither are made side by side
  /// (`CacheJob`): one after another they kept one core busy for most of a full build's last
  /// step while the other idled.
  /// - Returns: where the log of outputs now stands, for the cache kept in memory
  ///   (`OutputHashes.stored(at:)`), so that its next write appends to it.
  @discardableResult
  static func writeCache(_ cache: BuildCache, to output: URL) throws(Failure) -> OutputLog.Place {
    let root = output.standardizedFileURL.path
    if FileIO.makeDirectories(for: [BodyPack.file], under: root) != nil {
      throw .cannotWrite(BuildCache.folder)
    }
    let done = CacheJob.allCases.parallelMap { job in
      Result { () throws(Failure) -> CacheJob.Done in try job.run(cache, root: root) }
    }
    var sections: [BuildCache.Section: [UInt8]] = [:]
    var (outputs, sourceMap, head, generation):
      (OutputLog.Place?, SourceMapFile.Place?, [UInt8], UInt64) = (nil, nil, [], 0)
    for result in done {
      switch try result.get() {
      case .texts(let bodies):
        sections[.bodies] = bodies
      case .logs(let log, let map):
        (outputs, sourceMap) = (log, map)
      case .rest(let h, let g, let rest):
        (head, generation) = (h, g)
        sections.merge(rest) { a, _ in a }
      }
    }
    sections[.outputs] = cache.encoded(.outputs, texts: nil, outputs: outputs, sourceMap: nil)
    sections[.sourceMap] = cache.encoded(
      .sourceMap, texts: nil, outputs: nil, sourceMap: sourceMap)
    let state = cache.stateParts(
      generation: generation, sections: BuildCache.Section.allCases.map { sections[$0]! })
    for (path, parts) in [(BuildCache.file, state), (BuildCache.headFile, [head])] {
      if !FileIO.replace(parts: parts, at: root + "/" + path) { throw .cannotWrite(path) }
    }
    return outputs!
  }
}

/// The parts of writing the cache that need nothing of each other, run side by side.
private enum CacheJob: CaseIterable {
  /// The pack of plain texts, then the state's section of bodies, which says where each lies.
  case texts
  /// The log of outputs and the source map's file.
  case logs
  /// The head and the state's sections that refer to no file beside it.
  case rest

  enum Done: Sendable {
    case texts(bodies: [UInt8])
    case logs(OutputLog.Place, sourceMap: SourceMapFile.Place)
    case rest(head: [UInt8], generation: UInt64, sections: [BuildCache.Section: [UInt8]])
  }

  func run(_ cache: BuildCache, root: String) throws(OutputWriter.Failure) -> Done {
    switch self {
    case .texts:
      let layout = try BodyPack.write(
        cache.plainTexts, at: root + "/" + BodyPack.file, knownHashes: cache.bodyHashes)
      return .texts(bodies: cache.encoded(.bodies, texts: layout, outputs: nil, sourceMap: nil))
    case .logs:
      let log = try OutputLog.write(cache.outputs, at: root + "/" + OutputLog.file)
      let map = try SourceMapFile.write(cache.sourceMap, at: root + "/" + SourceMapFile.file)
      return .logs(log, sourceMap: map)
    case .rest:
      let (head, generation) = cache.encodedHead()
      var sections: [BuildCache.Section: [UInt8]] = [:]
      for section in [BuildCache.Section.searchFiles, .search, .parsed, .planned] {
        sections[section] = cache.encoded(section, texts: nil, outputs: nil, sourceMap: nil)
      }
      return .rest(head: head, generation: generation, sections: sections)
    }
  }
}
