import ByteFormats
import Content
import Diagnostics
import Foundation

/// The head of the cache (`head.bin`): read by every build, alone when nothing changed.
extension BuildCache {
  /// Ties a head to the state written with it.
  func generation(_ stamps: [(key: String, value: FileStamp)]) -> UInt64 {
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

  func encodedHead(_ stamps: [(key: String, value: FileStamp)], generation: UInt64)
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
    w.int(outputRoots.count)
    for root in outputRoots { w.string(root) }
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
    outputRoots = []
    for _ in 0..<(try r.int()) { outputRoots.append(try r.string()) }
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
    outputs = OutputHashes()
    sourceMap = SourceMapEntries()
    searchFiles = []
    searchInputs = 0
    searchState = nil
    parsedFiles = nil
  }

  /// The names at the top of the output (`index.html`, `initiatives`…), sorted.
  static func roots(of outputs: OutputHashes) -> [String] {
    var roots = Set<Substring>()
    for path in outputs.keys {
      roots.insert(path.prefix { $0 != "/" })
    }
    return roots.map(String.init).sorted()
  }

  /// Whether what the last build wrote at the top of `output` is still there: `rm -rf
  /// site/*` keeps the cache in `site/.portal`, which described pages that were gone, and
  /// every later build (and `portal serve` after a restart) said "Up to date" over an empty
  /// site. A page deleted deeper down is not looked for (that would be a `stat` an output).
  func outputIsThere(in output: URL) -> Bool {
    let base = output.standardizedFileURL.path + "/"
    return outputRoots.allSatisfy { access(base + $0, F_OK) == 0 }
  }

  /// The head of a previous build's cache in `output`, if there is one.
  static func loadHead(from output: URL) -> BuildCache? {
    guard let bytes = FileIO.read(output.appendingPathComponent(headFile).path) else {
      return nil
    }
    return try? BuildCache(decodingHead: bytes)
  }

  /// The head of the previous build when its sources had exactly these stamps (`digest`, see
  /// `SourceTree.scan`), read without them; else nil.
  static func loadHead(from output: URL, ifDigest digest: UInt64) -> BuildCache? {
    guard let bytes = FileIO.read(output.appendingPathComponent(headFile).path),
      let head = try? BuildCache(decodingHead: bytes, skippingStampsIfDigest: digest),
      head.stampsSkipped
    else { return nil }
    return head
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
