import ByteFormats
import Content
import Diagnostics
import Foundation
import Parallel
import Render
import Search
import Site

/// The state of the cache (`state.bin`), read when something changed: its sections, encoded
/// and decoded in parallel.
extension BuildCache {
  /// The head and state files' bytes with the plain texts in the state instead of the pack:
  /// what two caches of the same site have in common, however their packs grew (the tests
  /// compare an incremental build's with a full build's).
  func encoded() -> (head: [UInt8], state: [UInt8]) {
    let (head, generation) = encodedHead()
    let sections = Section.allCases.parallelMap {
      encoded($0, texts: nil, outputs: nil, sourceMap: nil)
    }
    return (head, Array(stateParts(generation: generation, sections: sections).joined()))
  }

  /// The same of the cache a build left in `output`; nil when there is none to read.
  static func encoded(in output: URL, contentDirectory: URL) -> (head: [UInt8], state: [UInt8])? {
    guard var cache = loadHead(from: output),
      cache.loadState(from: output, contentDirectory: contentDirectory)
    else { return nil }
    return cache.encoded()
  }

  /// The head file's bytes, and the generation that ties the state written with it to it.
  func encodedHead() -> (head: [UInt8], generation: UInt64) {
    let stamps = tree.stamps.canonicallyOrdered()
    let generation = generation(stamps)
    return (encodedHead(stamps, generation: generation), generation)
  }

  /// The plain texts by page, for the pack.
  var plainTexts: [String: StoredText] { bodies.mapValues(\.plainText) }

  /// The parts of the state file. Each is encoded and decoded on its own, in parallel: one
  /// after another they took about 0.17 s each way at 10,000 pages, a third of a
  /// `portal build` after an edit.
  enum Section: Int, CaseIterable, Sendable {
    case bodies, outputs, sourceMap, searchFiles, search, parsed, planned
  }

  /// The state file as parts to write one after another (joined, tens of MB at 10,000 pages
  /// would be held twice at the end of a build, its peak of memory): the magic number and
  /// generation, then each section as its length and bytes (`BinaryWriter.data`), so a reader
  /// can find every section before decoding any. `sections` in `Section` order.
  func stateParts(generation: UInt64, sections: [[UInt8]]) -> [[UInt8]] {
    var header = BinaryWriter()
    header.u64(Self.magic)
    header.u64(generation)
    var parts = [header.bytes]
    for section in sections {
      var length = BinaryWriter()
      length.int(section.count)
      parts += [length.bytes, section]
    }
    return parts
  }

  /// A section's bytes. Each of `texts`, `outputs` and `sourceMap` is where its section's
  /// entries are stored beside the state; nil puts them in.
  func encoded(
    _ section: Section, texts: BodyPack.Layout?, outputs log: OutputLog.Place?,
    sourceMap map: SourceMapFile.Place?
  ) -> [UInt8] {
    var w = BinaryWriter()
    switch section {
    case .bodies:
      var size = 32
      for (path, b) in bodies {
        size += path.utf8.count + (texts == nil ? b.plainText.utf8Count : 24) + 32
        for t in b.glossaryTerms { size += t.utf8.count + 8 }
      }
      w.reserve(size)
      w.int(bodies.count)
      w.u64(texts?.id ?? 0)
      w.int(texts?.length ?? 0)
      bodies.forEachCanonically { path, b in
        w.string(path)
        w.u64(b.key)
        if let e = texts?.entries[path] {
          w.int(e.offset)
          w.int(e.length)
          w.u64(e.hash)
        } else {
          w.text(b.plainText)
        }
        w.strings(b.glossaryTerms)
        HeadingLinkCoding.write(b.anchors, b.headingLinks, into: &w)
        AddressLinkCoding.write(b.addressLinks, into: &w)
      }
    case .outputs:
      if let log {
        w.int(outputs.count)
        w.u64(log.id)
        w.int(log.length)
        w.int(log.records)
        break
      }
      var size = 8
      for path in outputs.keys { size += path.utf8.count + 24 }
      w.reserve(size)
      w.int(outputs.count)
      outputs.table.forEachCanonically { path, o in
        w.string(path)
        w.u64(o.inputs)
        w.u64(o.bytes)
      }
    case .sourceMap:
      if let map {
        w.u64(map.id)
        w.int(map.length)
        break
      }
      SourceMapFile.encode(sourceMap, into: &w)
    case .searchFiles:
      w.reserve(16 + searchFiles.reduce(0) { $0 + $1.utf8.count + 8 })
      w.strings(searchFiles)
      w.u64(searchInputs)
    case .search:
      return searchState?.encoded() ?? []
    case .parsed:
      return parsedFiles?.bytes ?? []
    case .planned:
      planned?.encode(into: &w)
    }
    return w.bytes
  }

  /// One decoded part of the state file.
  private enum Decoded: Sendable {
    case bodies([String: Body])
    case outputs(OutputHashes)
    case sourceMap(SourceMapEntries)
    case searchFiles([String], inputs: UInt64)
    case search(SearchIndexState?)
    case parsed(ParsedFiles?)
    case planned(PlannedPages?)
  }

  /// Decodes the section in `range` of the state file's bytes.
  /// - Parameter output: the output folder, where the pack of plain texts the bodies lie in
  ///   (`BodyPack`) and the log of outputs (`OutputLog`) are.
  private static func decoded(
    _ section: Section, _ file: [UInt8], _ range: Range<Int>, contentDirectory: URL,
    output: URL
  ) throws -> Decoded {
    let packPath = output.appendingPathComponent(BodyPack.file).path
    var r = BinaryReader(file, in: range)
    let part: Decoded
    switch section {
    case .bodies:
      var bodies: [String: Body] = [:]
      let count = try r.int()
      // The texts stay in the mapped pack until read (most never are).
      guard let pack = BodyPack.map(packPath, id: try r.u64(), length: try r.int()) else {
        throw BinaryReader.Corrupt()
      }
      bodies.reserveCapacity(count)
      for _ in 0..<count {
        let path = try r.string()
        let key = try r.u64()
        let (offset, length, hash) = (try r.int(), try r.int(), try r.u64())
        guard offset >= BodyPack.headerSize, length <= pack.count - offset else {
          throw BinaryReader.Corrupt()
        }
        let text = StoredText(mapped: pack, range: offset..<(offset + length), hash: hash)
        var body = Body(key: key, plainText: text, glossaryTerms: try r.strings())
        (body.anchors, body.headingLinks) = try HeadingLinkCoding.read(&r)
        body.addressLinks = try AddressLinkCoding.read(&r)
        bodies[path] = body
      }
      part = .bodies(bodies)
    case .outputs:
      let count = try r.int()
      let place = OutputLog.Place(id: try r.u64(), length: try r.int(), records: try r.int())
      guard
        let outputs = OutputLog.read(
          output.appendingPathComponent(OutputLog.file).path, at: place, outputs: count)
      else { throw BinaryReader.Corrupt() }
      part = .outputs(outputs)
    case .sourceMap:
      let place = SourceMapFile.Place(id: try r.u64(), length: try r.int())
      guard
        let stored = SourceMapFile.read(
          output.appendingPathComponent(SourceMapFile.file).path, at: place)
      else { throw BinaryReader.Corrupt() }
      part = .sourceMap(SourceMapEntries(stored: stored))
    case .searchFiles:
      part = .searchFiles(try r.strings(), inputs: try r.u64())
    case .search:
      return .search(SearchIndexState(encoded: Array(file[range])))
    case .parsed:
      return .parsed(
        range.isEmpty
          ? nil
          : .memo(try ParseMemo(decoding: Array(file[range]), contentDirectory: contentDirectory)))
    case .planned:
      part = .planned(range.isEmpty ? nil : try PlannedPages(reading: &r))
    }
    guard r.atEnd else { throw BinaryReader.Corrupt() }
    return part
  }

  /// Reads the state file written with this head.
  /// - Parameter contentDirectory: where the parsed pages read their bodies from.
  /// - Parameter output: the output folder, with the pack of the bodies' plain texts and the
  ///   log of outputs written with it.
  mutating func decodeState(_ bytes: [UInt8], contentDirectory: URL, output: URL) throws {
    var r = BinaryReader(bytes)
    guard try r.u64() == Self.magic, try r.u64() == expectedGeneration else {
      throw BinaryReader.Corrupt()
    }
    var ranges: [Range<Int>] = []
    for _ in Section.allCases { ranges.append(try r.skip()) }
    guard r.atEnd else { throw BinaryReader.Corrupt() }
    let found = ranges
    let parts = Section.allCases.parallelMap { section in
      Result {
        try Self.decoded(
          section, bytes, found[section.rawValue], contentDirectory: contentDirectory,
          output: output)
      }
    }
    for part in parts {
      switch try part.get() {
      case .bodies(let b): bodies = b
      case .outputs(let o): outputs = o
      case .sourceMap(let m): sourceMap = m
      case .searchFiles(let files, let inputs): (searchFiles, searchInputs) = (files, inputs)
      case .search(let state): searchState = state
      case .parsed(let parsed): parsedFiles = parsed
      case .planned(let p): planned = p
      }
    }
    hasState = true
  }

  /// The rest of the cache; false if it is missing or does not belong to the head.
  mutating func loadState(from output: URL, contentDirectory: URL) -> Bool {
    guard let bytes = FileIO.read(output.appendingPathComponent(Self.file).path) else {
      return false
    }
    return
      (try? decodeState(
        bytes, contentDirectory: contentDirectory,
        output: output)) != nil
  }
}
