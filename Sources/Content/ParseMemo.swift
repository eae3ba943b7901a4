import ByteFormats
import Diagnostics
import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// A 64-bit FNV-1a hash that is the same in every process (Swift's `Hasher` is seeded per run),
/// so incremental builds can keep hashes on disk.
public struct StableHash: Sendable, Hashable {
  public private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

  public init() {}

  public mutating func add<C: Collection<UInt8>>(bytes: C) {
    var h = value
    for b in bytes {
      h ^= UInt64(b)
      h = h &* 0x100_0000_01b3
    }
    value = h
  }

  /// Adds a string with its length, so ("ab", "c") and ("a", "bc") differ.
  public mutating func add(_ s: String) {
    add(UInt64(s.utf8.count))
    var copy = s
    copy.withUTF8 { add(bytes: $0) }
  }

  public mutating func add(_ n: UInt64) {
    withUnsafeBytes(of: n.littleEndian) { add(bytes: $0) }
  }

  public mutating func add(_ n: Int) { add(UInt64(bitPattern: Int64(n))) }

  public static func of(_ s: String) -> UInt64 {
    var h = StableHash()
    h.add(s)
    return h.value
  }

  public static func of<C: Collection<UInt8>>(bytes: C) -> UInt64 {
    var h = StableHash()
    h.add(bytes: bytes)
    return h.value
  }

  /// A hash of file contents, eight bytes at a step in four lanes (`WordHash.wide`).
  public static func of(data: Data) -> UInt64 {
    data.withUnsafeBytes { WordHash.wide(0xcbf2_9ce4_8422_2325, $0) }
  }
}

/// When and how big a file was, to tell unchanged files without reading them.
public struct FileStamp: Sendable, Hashable, Codable {
  /// Modification time in nanoseconds since 1970.
  public var modified: Int64
  public var size: Int64
  /// When the file's inode last changed (ctime), in nanoseconds: a program can set the
  /// modification time back (`rsync -a`, `cp -p`, `tar`, `touch -r`), so a file rewritten with
  /// the same size would look untouched by the other two; no program can set this one.
  public var changed: Int64

  public init(modified: Int64, size: Int64, changed: Int64 = 0) {
    self.modified = modified
    self.size = size
    self.changed = changed
  }

  /// The stamp `stat` gives.
  public init(_ st: stat) {
    self.init(
      modified: Int64(st.st_mtim.tv_sec) * 1_000_000_000 + Int64(st.st_mtim.tv_nsec),
      size: Int64(st.st_size),
      changed: Int64(st.st_ctim.tv_sec) * 1_000_000_000 + Int64(st.st_ctim.tv_nsec))
  }

  /// The stamp of a file, or nil when it cannot be read.
  public static func of(path: String) -> FileStamp? {
    var st = stat()
    guard stat(path, &st) == 0 else { return nil }
    return FileStamp(st)
  }
}

/// Hashes of one content file's parts: what a page's own output depends on (all of it) and what
/// other pages' outputs depend on (the front matter).
public struct SourceHashes: Sendable, Hashable, Codable {
  /// `SourceHash` of the whole file, which the build records for `portal check` (`check.stale`).
  public var file: UInt64
  /// `part(_:)` of the front matter: other pages' outputs are made again when it changes.
  public var frontMatter: UInt64
  /// `part(_:)` of the body: the key its rendering is remembered by (`Resolver.bodyKey`).
  public var body: UInt64

  /// The hash of a file's front matter or body as the loader cut it (no BOM, LF line ends):
  /// `WordHash`, eight bytes a step, over the text's own UTF-8 in place. FNV-1a a byte at a
  /// step over both parts of 10,000 files was 4 % of loading. The values are only compared
  /// with values of the same binary: the build's cache is not read by another binary (its
  /// settings hold the binary's stamp), and a value of another hash would only fail to match.
  public static func part(_ text: String) -> UInt64 {
    var text = text  // a native string's bytes are shared, not copied
    return text.withUTF8 { WordHash.mix(partSeed, UnsafeRawBufferPointer($0)) }
  }

  /// FNV-1a's offset basis, as `SourceHash` and `StableHash` start from.
  static let partSeed: UInt64 = 0xcbf2_9ce4_8422_2325
}

/// The parse results of content files, kept between builds of a running `portal serve`, so a
/// rebuild parses only the files whose stamp changed. Shared by the parallel loading workers.
public final class ParseMemo: @unchecked Sendable {
  struct Entry {
    var stamp: FileStamp
    var page: Page?
    var diagnostics: [Diagnostic]
    var hashes: SourceHashes?
  }

  private let lock = NSLock()
  private var entries: [String: Entry] = [:]
  /// The site.yml the entries were parsed with (field ids are checked while parsing), and a
  /// hash of its bytes, which is what the on-disk cache keeps of it.
  private var config: SiteConfig??
  private var configKey: UInt64?
  /// Stamps by relative path that the caller has just read (`portal serve` scans every file
  /// anyway to notice edits), so loading does not stat each file again.
  public var knownStamps: [String: FileStamp] = [:]

  public init() {}

  func stamp(_ relative: String, path: String) -> FileStamp? {
    knownStamps[relative] ?? FileStamp.of(path: path)
  }

  /// Called once per load, before the workers start: a different site.yml forgets every entry
  /// (compared once here, not once per file).
  func use(config: SiteConfig?, key: UInt64) {
    lock.lock()
    if configKey != key {
      entries = [:]
      configKey = key
    }
    self.config = .some(config)
    lock.unlock()
  }

  /// The entries and the key of their site.yml, for the on-disk cache.
  func snapshot() -> (configKey: UInt64?, entries: [String: Entry]) {
    lock.lock()
    defer { lock.unlock() }
    return (configKey, entries)
  }

  /// Takes entries from the on-disk cache; `use` keeps them if site.yml has the same key.
  func seed(_ entries: [String: Entry], configKey: UInt64?) {
    lock.lock()
    self.entries = entries
    self.configKey = configKey
    config = nil
    lock.unlock()
  }

  /// The site.yml of the last load, if it could be parsed.
  var currentConfig: SiteConfig? {
    lock.lock()
    defer { lock.unlock() }
    return config ?? nil
  }

  /// The entry of a file whatever its stamp.
  func entry(_ relative: String) -> Entry? {
    lock.lock()
    defer { lock.unlock() }
    return entries[relative]
  }

  func entry(_ relative: String, stamp: FileStamp) -> Entry? {
    entry(relative).flatMap { $0.stamp == stamp ? $0 : nil }
  }

  func store(_ relative: String, _ entry: Entry) {
    lock.lock()
    entries[relative] = entry
    lock.unlock()
  }

  /// The pages of the files whose stamp is no longer the one in `stamps` (or that are gone):
  /// what they were before an edit, for a step that must take the old version out (the
  /// search index).
  public func pages(notMatching stamps: [String: FileStamp]) -> [String: Page] {
    lock.lock()
    defer { lock.unlock() }
    var result: [String: Page] = [:]
    for (relative, e) in entries where stamps[relative] != e.stamp {
      if let page = e.page { result[relative] = page }
    }
    return result
  }

  /// Forgets files that no longer exist, so the memo does not grow with renames.
  func keep(only relatives: [String]) {
    lock.lock()
    entries.removeAll(except: relatives)
    lock.unlock()
  }
}

extension Dictionary where Key == String {
  /// The entries in an order that is the same in every run (a dictionary's own order is seeded
  /// per process), for files that must be reproducible byte for byte: by `StableHash` of the
  /// key, then by key. Sorting 80,000 output paths as strings took a tenth of a second.
  @inlinable
  public func canonicallyOrdered() -> [(key: String, value: Value)] {
    var entries: [(key: String, value: Value)] = []
    entries.reserveCapacity(count)
    forEachCanonically { entries.append(($0, $1)) }
    return entries
  }

  /// The same order, each entry visited in place: for files written straight from a
  /// dictionary, where a list of 80,000 copied outputs (every key retained) was a tenth of
  /// encoding the cache.
  @inlinable
  public func forEachCanonically(_ body: (String, Value) throws -> Void) rethrows {
    var order: [(hash: UInt64, index: Index)] = []
    order.reserveCapacity(count)
    for i in indices { order.append((StableHash.of(self[i].key), i)) }
    order.sort {
      $0.hash != $1.hash ? $0.hash < $1.hash : self[$0.index].key < self[$1.index].key
    }
    for o in order {
      let entry = self[o.index]
      try body(entry.key, entry.value)
    }
  }
}
