import ByteFormats
import Content
import Diagnostics
import Foundation
import Parallel
import Render
import Search
import Site

/// What a successful build leaves for the next one, in `<output>/.portal/cache/state.bin`:
/// the stamps of every source (to stop at once when nothing changed), what each page's body
/// gave the rest of the site (plain text for search, glossary terms), and for each output the
/// fingerprint of its inputs and the hash of its bytes (to render and write only what changed).
///
/// The cache lives inside the output so it is replaced together with the site and a failed
/// build leaves both untouched. A missing, older or unreadable cache means a full build.
struct BuildCache: Sendable {
  static let folder = "\(OutputWriter.markerFolder)/cache"
  /// The small part read by every build: settings, stamps, clock, warnings.
  static let headFile = "\(folder)/head.bin"
  /// The rest, read only when something changed.
  static let file = "\(folder)/state.bin"
  static let magic: UInt64 = 0x5054_4C41_4843_0015

  struct Body: Sendable {
    var key: UInt64
    var plainText: StoredText
    var glossaryTerms: [String]
    /// What `HeadingLinks` checks in every build, the bodies not rendered again included.
    var anchors: [String] = []
    var headingLinks: [HeadingLink] = []
  }

  struct Output: Sendable, Equatable {
    /// Hash of everything the output was made from (`Dependencies`).
    var inputs: UInt64
    /// Hash of its bytes.
    var bytes: UInt64
  }

  /// Everything that, if different, makes earlier outputs unusable: the portal binary, the
  /// folders, the working directory (paths in the source map are relative to it), drafts.
  var settings: String
  var tree: SourceTree
  /// The build clock of the last build, and the instants when an event ends or starts: while
  /// none of them lies between two clocks, the upcoming/past lists are the same.
  var now: Int64
  var eventBoundaries: [Int64]
  /// The last build's warnings and page counts, repeated when nothing changed.
  var diagnostics: [Diagnostic]
  var pageCounts: [(String, Int)]
  var bodies: [String: Body]
  var outputs: [String: Output]
  /// Source-map entries of the HTML outputs.
  var sourceMap: SourceMapEntries
  /// The files of the search index and what they were made from.
  var searchFiles: [String]
  var searchInputs: UInt64
  /// What patching the index after an edit needs.
  var searchState: SearchIndexState?
  /// The content files as parsed, so the next build parses only those whose stamp changed.
  var parsedFiles: ParsedFiles?

  /// A session's parse memo, encoded when the cache is written; or, outside a session, its
  /// bytes encoded right after loading, so that the memo does not keep the pages (and their
  /// Markdown) through rendering and indexing, the peak of a full build.
  enum ParsedFiles: Sendable {
    case memo(ParseMemo)
    case encoded([UInt8])

    var bytes: [UInt8] {
      switch self {
      case .memo(let memo): memo.encoded()
      case .encoded(let bytes): bytes
      }
    }
  }

  /// Records rendered files in an outputs table and source map, as every build does: each
  /// file's hash of its inputs (that of its bytes when it has none of its own, as search files)
  /// and of its bytes, computed in parallel, and each page's source-map entry. Returns the
  /// hashes of the bytes, in order, and whether an entry of the source map changed.
  static func record(
    _ files: [OutputFile], inputs: [String: UInt64], outputs: inout [String: Output],
    sourceMap: inout SourceMapEntries
  ) -> (bytes: [UInt64], sourceMapChanged: Bool) {
    let hashes = files.parallelMap { StableHash.of(data: $0.data) }
    var sourceMapChanged = false
    for (f, bytes) in zip(files, hashes) {
      if let e = SourceMapStep.entry(for: f), sourceMap[f.path] != e {
        sourceMap[f.path] = e
        sourceMapChanged = true
      }
      outputs[f.path] = Output(inputs: inputs[f.path] ?? bytes, bytes: bytes)
    }
    return (hashes, sourceMapChanged)
  }

  /// Whether the upcoming/past split is the same at `other` as at the cached clock.
  func sameEventSplit(at other: Int64) -> Bool {
    let (lo, hi) = (min(now, other), max(now, other))
    return !eventBoundaries.contains { $0 > lo && $0 <= hi }
  }

  // MARK: file

  /// Ties a head to the state written with it.
  private func generation(_ stamps: [(key: String, value: FileStamp)]) -> UInt64 {
    var h = StableHash()
    h.add(settings)
    h.add(Int(now))
    h.add(outputs.count)
    for (path, s) in stamps {
      h.add(path)
      h.add(Int(s.modified))
      h.add(Int(s.size))
      h.add(Int(s.changed))
    }
    return h.value
  }

  /// The head and state files' bytes with the plain texts in the state instead of the pack:
  /// what two caches of the same site have in common, however their packs grew (the tests
  /// compare an incremental build's with a full build's).
  func encoded() -> (head: [UInt8], state: [UInt8]) {
    let (head, state) = encodedParts(texts: nil)
    return (head, Array(state.joined()))
  }

  /// The same of the cache a build left in `output`; nil when there is none to read.
  static func encoded(in output: URL, contentDirectory: URL) -> (head: [UInt8], state: [UInt8])? {
    guard var cache = loadHead(from: output),
      cache.loadState(from: output, contentDirectory: contentDirectory)
    else { return nil }
    return cache.encoded()
  }

  /// The head file's bytes, and the state file's in parts to write one after another (joined,
  /// tens of MB at 10,000 pages would be held twice at the end of a build, its peak of memory).
  /// - Parameter texts: where the pack holds each body's plain text; nil puts the texts in.
  func encodedParts(texts: BodyPack.Layout?) -> (head: [UInt8], state: [[UInt8]]) {
    let stamps = tree.stamps.canonicallyOrdered()
    let generation = generation(stamps)
    return (
      encodedHead(stamps, generation: generation),
      encodedState(generation: generation, texts: texts)
    )
  }

  /// The plain texts by page, for the pack.
  var plainTexts: [String: StoredText] { bodies.mapValues(\.plainText) }

  private func encodedHead(_ stamps: [(key: String, value: FileStamp)], generation: UInt64)
    -> [UInt8]
  {
    var w = BinaryWriter()
    w.u64(Self.magic)
    w.u64(generation)
    w.string(settings)
    w.u64(tree.digest)
    w.i64(now)
    w.int(eventBoundaries.count)
    for b in eventBoundaries { w.i64(b) }
    let encoder = JSONEncoder()
    encoder.outputFormatting = .sortedKeys
    w.data(Array((try? encoder.encode(diagnostics)) ?? Data("[]".utf8)))
    w.int(pageCounts.count)
    for (k, n) in pageCounts {
      w.string(k)
      w.int(n)
    }
    // Last, so a head whose digest matches is read without them.
    w.int(stamps.count)
    for (path, s) in stamps {
      w.string(path)
      w.i64(s.modified)
      w.i64(s.size)
      w.i64(s.changed)
    }
    return w.bytes
  }

  /// The parts of the state file. Each is encoded and decoded on its own, in parallel: one
  /// after another they took about 0.17 s each way at 10,000 pages, a third of a
  /// `portal build` after an edit.
  private enum Section: Int, CaseIterable, Sendable {
    case bodies, outputs, sourceMap, searchFiles, search, parsed
  }

  /// The state file as parts: the magic number and generation, then each section as its
  /// length and bytes (`BinaryWriter.data`), so a reader can find every section before decoding
  /// any.
  private func encodedState(generation: UInt64, texts: BodyPack.Layout?) -> [[UInt8]] {
    let sections = Section.allCases.parallelMap { encoded($0, texts: texts) }
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

  private func encoded(_ section: Section, texts: BodyPack.Layout?) -> [UInt8] {
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
      }
    case .outputs:
      var size = 8
      for path in outputs.keys { size += path.utf8.count + 24 }
      w.reserve(size)
      w.int(outputs.count)
      outputs.forEachCanonically { path, o in
        w.string(path)
        w.u64(o.inputs)
        w.u64(o.bytes)
      }
    case .sourceMap:
      var size = 8
      for (path, entry) in sourceMap.all { size += path.utf8.count + entry.count + 16 }
      w.reserve(size)
      w.int(sourceMap.count)
      for (path, entry) in sourceMap.all {
        w.string(path)
        w.data(entry)
      }
    case .searchFiles:
      w.reserve(16 + searchFiles.reduce(0) { $0 + $1.utf8.count + 8 })
      w.strings(searchFiles)
      w.u64(searchInputs)
    case .search:
      return searchState?.encoded() ?? []
    case .parsed:
      return parsedFiles?.bytes ?? []
    }
    return w.bytes
  }

  /// One decoded part of the state file.
  private enum Decoded: Sendable {
    case bodies([String: Body])
    case outputs([String: Output])
    case sourceMap(SourceMapEntries)
    case searchFiles([String], inputs: UInt64)
    case search(SearchIndexState?)
    case parsed(ParsedFiles?)
  }

  /// Decodes the section in `range` of the state file's bytes.
  /// - Parameter packPath: the pack of plain texts the bodies lie in (`BodyPack`).
  private static func decoded(
    _ section: Section, _ file: [UInt8], _ range: Range<Int>, contentDirectory: URL,
    packPath: String
  ) throws -> Decoded {
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
        bodies[path] = body
      }
      part = .bodies(bodies)
    case .outputs:
      var outputs: [String: Output] = [:]
      let count = try r.int()
      outputs.reserveCapacity(count)
      for _ in 0..<count {
        let path = try r.string()
        outputs[path] = Output(inputs: try r.u64(), bytes: try r.u64())
      }
      part = .outputs(outputs)
    case .sourceMap:
      var sourceMap = SourceMapEntries()
      for _ in 0..<(try r.int()) {
        let path = try r.string()
        sourceMap[path] = try r.data()
      }
      part = .sourceMap(sourceMap)
    case .searchFiles:
      part = .searchFiles(try r.strings(), inputs: try r.u64())
    case .search:
      return .search(SearchIndexState(encoded: Array(file[range])))
    case .parsed:
      return .parsed(
        range.isEmpty
          ? nil
          : .memo(try ParseMemo(decoding: Array(file[range]), contentDirectory: contentDirectory)))
    }
    guard r.atEnd else { throw BinaryReader.Corrupt() }
    return part
  }

  init(
    settings: String, tree: SourceTree, now: Int64, eventBoundaries: [Int64],
    diagnostics: [Diagnostic], pageCounts: [(String, Int)], bodies: [String: Body],
    outputs: [String: Output], sourceMap: SourceMapEntries, searchFiles: [String],
    searchInputs: UInt64, searchState: SearchIndexState?, parsedFiles: ParsedFiles?
  ) {
    self.settings = settings
    self.tree = tree
    self.now = now
    self.eventBoundaries = eventBoundaries
    self.diagnostics = diagnostics
    self.pageCounts = pageCounts
    self.bodies = bodies
    self.outputs = outputs
    self.sourceMap = sourceMap
    self.searchFiles = searchFiles
    self.searchInputs = searchInputs
    self.searchState = searchState
    self.parsedFiles = parsedFiles
  }

  /// Reads the head; the rest stays empty until `loadState`.
  ///
  /// - Parameter digest: when the head's digest of the stamps (`SourceTree.digest`) is this,
  ///   the stamps are not read: the tree is left empty, for a build that stops as up to date.
  init(decodingHead bytes: [UInt8], skippingStampsIfDigest digest: UInt64? = nil) throws {
    var r = BinaryReader(bytes)
    guard try r.u64() == Self.magic else { throw BinaryReader.Corrupt() }
    expectedGeneration = try r.u64()
    hasState = false
    settings = try r.string()
    let storedDigest = try r.u64()
    now = try r.i64()
    eventBoundaries = []
    for _ in 0..<(try r.int()) { eventBoundaries.append(try r.i64()) }
    diagnostics = try JSONDecoder().decode([Diagnostic].self, from: Data(try r.data()))
    pageCounts = []
    for _ in 0..<(try r.int()) { pageCounts.append((try r.string(), try r.int())) }
    stampsSkipped = digest == storedDigest
    var stamps: [String: FileStamp] = [:]
    if !stampsSkipped {
      let stampCount = try r.int()
      stamps.reserveCapacity(stampCount)
      for _ in 0..<stampCount {
        let path = try r.string()
        stamps[path] = FileStamp(modified: try r.i64(), size: try r.i64(), changed: try r.i64())
      }
      guard r.atEnd else { throw BinaryReader.Corrupt() }
    }
    tree = SourceTree(stamps: stamps)
    bodies = [:]
    outputs = [:]
    sourceMap = SourceMapEntries()
    searchFiles = []
    searchInputs = 0
    searchState = nil
    parsedFiles = nil
  }

  /// Whether the head was read without its stamps (`loadHead(from:ifDigest:)`): then `tree` is
  /// empty, and the cache is good only for reporting an up-to-date build.
  private(set) var stampsSkipped = false

  /// The generation the head was written with, to check the state file belongs to it.
  private var expectedGeneration: UInt64 = 0
  /// Whether the state part is here (always, except after `init(decodingHead:)`).
  private(set) var hasState = true

  /// Reads the state file written with this head.
  /// - Parameter contentDirectory: where the parsed pages read their bodies from.
  /// - Parameter packPath: the pack of the bodies' plain texts written with it.
  mutating func decodeState(_ bytes: [UInt8], contentDirectory: URL, packPath: String) throws {
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
          packPath: packPath)
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
      }
    }
    hasState = true
  }

  /// The head of a previous build's cache in `output`, if there is one.
  static func loadHead(from output: URL) -> BuildCache? {
    guard let bytes = FileIO.read(output.appendingPathComponent(headFile).path) else {
      return nil
    }
    return try? BuildCache(decodingHead: bytes)
  }

  /// The head of the previous build when its sources had exactly these stamps (`digest`, see
  /// `SourceTree.digest(content:theme:)`), read without them; else nil.
  static func loadHead(from output: URL, ifDigest digest: UInt64) -> BuildCache? {
    guard let bytes = FileIO.read(output.appendingPathComponent(headFile).path),
      let head = try? BuildCache(decodingHead: bytes, skippingStampsIfDigest: digest),
      head.stampsSkipped
    else { return nil }
    return head
  }

  /// The rest of the cache; false if it is missing or does not belong to the head.
  mutating func loadState(from output: URL, contentDirectory: URL) -> Bool {
    guard let bytes = FileIO.read(output.appendingPathComponent(Self.file).path) else {
      return false
    }
    return
      (try? decodeState(
        bytes, contentDirectory: contentDirectory,
        packPath: output.appendingPathComponent(BodyPack.file).path)) != nil
  }

  /// The settings for these options (see `settings`), as a digest: the cache sits in the output
  /// folder, which is uploaded, and the paths of the build machine (its working folder, where
  /// `portal` is) are no one else's business.
  static func settings(for options: BuildOptions) -> String {
    "settings " + String(StableHash.of(settingsText(for: options)), radix: 16)
  }

  /// What the settings are made of: the binary (path, time and size), the folders (the static
  /// one too: another gives other files), drafts and the base address.
  static func settingsText(for options: BuildOptions) -> String {
    var exe = "unknown"
    let path = CommandLine.arguments.first.map { URL(fileURLWithPath: $0).path } ?? ""
    let selfPath =
      (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? path
    if let s = FileStamp.of(path: selfPath) { exe = "\(selfPath):\(s.modified):\(s.size)" }
    return [
      "portal \(exe)", "content \(options.contentDirectory.standardizedFileURL.path)",
      "theme \(options.themeDirectory.standardizedFileURL.path)",
      "static \(options.staticDirectory?.standardizedFileURL.path ?? "-")",
      "cwd \(FileManager.default.currentDirectoryPath)", "drafts \(options.includeDrafts)",
      "base \(options.baseURL ?? "site.yml")",
    ].joined(separator: "\n")
  }
}

extension BuildCache.Body {
  /// What a resolved page's body gave the rest of the site.
  /// A body with warnings is kept under a key no build asks for, so the next build renders
  /// it again and says them again (a stub has nothing to say).
  init(_ page: ResolvedPage) {
    self.init(
      key: page.bodyWarnings.isEmpty ? page.bodyKey : 0, plainText: page.plainText,
      glossaryTerms: page.glossaryTerms, anchors: page.anchors, headingLinks: page.headingLinks)
  }
}
