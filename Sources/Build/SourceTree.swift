import ByteFormats
import Content
import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// The stamp (modification time, size) of every file and folder under the content, theme and
/// static folders: equal stamps mean nothing was edited, added, removed or renamed, so a build
/// can stop before reading anything. Also what `portal serve` polls to notice edits.
public struct SourceTree: Sendable, Equatable {
  /// `c/<relative path>` for content, `t/<relative path>` for the theme, `s/<relative path>`
  /// for the static folder (files copied as they are).
  public private(set) var stamps: [String: FileStamp] = [:]
  /// Changes with the stamps (a random number: unique in practice), so copies of one scan
  /// compare without looking at 10,000 stamps.
  private var version = UInt64.random(in: .min ... .max)
  /// Set by `refresh`: the version it started from and the paths whose stamps it changed, so
  /// `changes(since:)` that version is known without comparing every stamp.
  private var refreshed: (from: UInt64, paths: [String])?
  /// The keys that are folders, when known (a tree read back from the cache has only stamps).
  private var folders: Set<String>? = []
  /// The keys that are symbolic links to files (a scan's; a tree from the cache has none), so
  /// a link leading out of its folder is found without a `realpath` of every file.
  public private(set) var links: Set<String> = []

  /// - Parameter staticFolder: nil for none (a missing folder has no stamps either).
  public init(content: URL, theme: URL, staticFolder: URL? = nil) {
    for (prefix, root) in Self.roots(content, theme, staticFolder) { walk(root, prefix: prefix) }
  }

  /// Each folder's key prefix and path.
  static func roots(_ content: URL, _ theme: URL, _ staticFolder: URL?) -> [(String, String)] {
    [("c/", content.standardizedFileURL.path), ("t/", theme.standardizedFileURL.path)]
      + (staticFolder.map { [("s/", $0.standardizedFileURL.path)] } ?? [])
  }

  public static func == (a: SourceTree, b: SourceTree) -> Bool {
    if a.version == b.version { return true }
    // One refreshed from the other changed something (else its version would be the same).
    if a.refreshed?.from == b.version || b.refreshed?.from == a.version { return false }
    return a.stamps == b.stamps
  }

  /// Brings the stamps of `paths` (in the `c/…`, `t/…` form), of everything under them and of
  /// the folders holding them up to date, as a new scan would: what a file watcher reports is
  /// enough, so `portal serve` does not stat every file after each edit. A path that no longer
  /// exists is dropped with everything under it; a folder is walked again.
  ///
  /// - Returns: the paths whose stamps changed (added and removed ones included), sorted.
  @discardableResult
  public mutating func refresh(
    _ paths: some Sequence<String>, content: URL, theme: URL, staticFolder: URL? = nil
  ) -> [String] {
    let roots = Dictionary(uniqueKeysWithValues: Self.roots(content, theme, staticFolder))
    let from = version
    // The stamps before, of every path this may change.
    var before: [String: FileStamp?] = [:]
    func set(_ key: String, _ stamp: FileStamp?) {
      if before[key] == nil { before[key] = .some(stamps[key]) }
      stamps[key] = stamp
      if stamp == nil {
        folders?.remove(key)
        links.remove(key)
      }
    }
    var parents: Set<String> = []
    for path in Set(paths) {
      let prefix = String(path.prefix(2))
      guard let root = roots[prefix] else { continue }
      var relative = String(path.dropFirst(2))
      while relative.hasSuffix("/") { relative.removeLast() }
      let key = prefix + relative
      let full = relative.isEmpty ? root : root + "/" + relative
      var st = stat()
      let exists = lstat(full, &st) == 0
      let isLink = exists && (st.st_mode & S_IFMT) == S_IFLNK
      let found = exists && (!isLink || stat(full, &st) == 0)
      let isFolder = found && !isLink && (st.st_mode & S_IFMT) == S_IFDIR
      // A file that was a file: its stamp alone (the usual save).
      let wasFolder = self.isFolder(key)
      if found, !isFolder, !relative.isEmpty, stamps[key] != nil, !wasFolder {
        set(key, Self.stamp(st))
        if isLink { links.insert(key) } else { links.remove(key) }
        continue
      }
      // A folder, or something gone or new, is stamped again from scratch with all it held.
      let below = relative.isEmpty ? prefix : key + "/"
      for k in stamps.keys where k.hasPrefix(below) { set(k, nil) }
      set(key, nil)
      if !relative.isEmpty {
        parents.insert(prefix + relative.split(separator: "/").dropLast().joined(separator: "/"))
      }
      guard found else { continue }
      if isFolder {
        let old = stamps
        walk(root, prefix: prefix, from: relative)
        for (k, v) in stamps where old[k] != v { before[k] = before[k] ?? .some(old[k]) }
      } else {
        set(key, Self.stamp(st))
        if isLink { links.insert(key) }
      }
    }
    // Adding, removing or renaming an entry changes its folder's own stamp.
    for key in parents {
      let prefix = String(key.prefix(2))
      let relative = key.dropFirst(2)
      guard let root = roots[prefix] else { continue }
      set(key, FileStamp.of(path: relative.isEmpty ? root : root + "/" + relative))
    }
    let changed = before.filter { stamps[$0.key] != $0.value }.keys.sorted()
    if !changed.isEmpty {
      version = .random(in: .min ... .max)
      refreshed = (from, changed)
    }
    return changed
  }

  init(stamps: [String: FileStamp]) {
    self.stamps = stamps
    folders = nil
  }

  /// Whether `key` is a folder (read back from the cache, one with keys under it).
  public func isFolder(_ key: String) -> Bool {
    folders.map { $0.contains(key) } ?? stamps.keys.contains { $0.hasPrefix(key + "/") }
  }

  /// The paths whose stamps differ between two scans, added and removed ones included.
  public func changes(since old: SourceTree) -> [String] {
    if version == old.version { return [] }
    if let refreshed, refreshed.from == old.version { return refreshed.paths }
    var changed: [String] = []
    for (path, stamp) in stamps where old.stamps[path] != stamp { changed.append(path) }
    for path in old.stamps.keys where stamps[path] == nil { changed.append(path) }
    return changed.sorted()
  }

  private mutating func walk(_ root: String, prefix: String, from start: String = "") {
    Self.visit(root, prefix: prefix, from: start) { key, stamp, isFolder, isLink in
      let path = String(decoding: key, as: UTF8.self)
      stamps[path] = stamp
      if isFolder { folders?.insert(path) }
      if isLink { links.insert(path) }
    }
  }

  /// The links of the scan that lead out of their folder (`c/files/env.txt` →
  /// `/proc/self/environ`), with where they lead: reading one would publish a file from
  /// anywhere on the machine that builds (a secret of a CI runner, say).
  public func linksLeaving(content: URL, theme: URL, staticFolder: URL? = nil)
    -> [(key: String, target: String)]
  {
    guard !links.isEmpty else { return [] }
    let real = LinkLeaving.realPath
    var found: [(key: String, target: String)] = []
    for (prefix, root) in Self.roots(content, theme, staticFolder) {
      guard let realRoot = real(root) else { continue }
      for key in links.sorted() where key.hasPrefix(prefix) {
        guard let target = real(root + "/" + key.dropFirst(2)) else { continue }
        if !LinkLeaving.isInside(target, realRoot) { found.append((key, target)) }
      }
    }
    return found
  }

  /// One walk's entries, kept flat (the keys' bytes one after another) with their digest:
  /// `portal build` compares the digest with the last build's first (making the 10,000 paths
  /// of a tree and comparing them with the cache's took most of a build with nothing to do)
  /// and, when it differs, makes the tree from these (`init(_:)`) instead of walking the
  /// folders a second time (10,000 `fstatat` again, a tenth of checking the sources after an
  /// edit).
  struct Scan {
    fileprivate var keys: [UInt8] = []
    fileprivate var entries: [(end: Int, stamp: FileStamp, isFolder: Bool, isLink: Bool)] = []
    /// Equal to `digest` of the tree walked (`SourceTree(content:theme:)`) when nothing
    /// changes in between.
    var digest: UInt64 = 0
  }

  /// A walk of the folders, as `SourceTree(content:theme:staticFolder:)` makes, with its digest.
  static func scan(content: URL, theme: URL, staticFolder: URL? = nil) -> Scan {
    var scan = Scan()
    for (prefix, root) in roots(content, theme, staticFolder) {
      visit(root, prefix: prefix) { key, stamp, isFolder, isLink in
        scan.digest &+= entryDigest(key, stamp)
        scan.keys.append(contentsOf: key)
        scan.entries.append((scan.keys.count, stamp, isFolder, isLink))
      }
    }
    return scan
  }

  /// The tree of a walk made before (`scan`).
  init(_ scan: Scan) {
    stamps.reserveCapacity(scan.entries.count)
    var start = 0
    for e in scan.entries {
      let path = String(decoding: scan.keys[start..<e.end], as: UTF8.self)
      stamps[path] = e.stamp
      if e.isFolder { folders?.insert(path) }
      if e.isLink { links.insert(path) }
      start = e.end
    }
  }

  /// The digest of these stamps (see `Scan.digest`): a sum, so order does not count.
  public var digest: UInt64 {
    var sum: UInt64 = 0
    for (path, stamp) in stamps {
      var key = path
      sum &+= key.withUTF8 { Self.entryDigest(UnsafeRawBufferPointer($0), stamp) }
    }
    return sum
  }

  private static func entryDigest(_ key: UnsafeRawBufferPointer, _ stamp: FileStamp) -> UInt64 {
    var h = WordHash.mix(0x5054_4C41_5354_4D50, key)
    h = (h ^ UInt64(bitPattern: stamp.modified)) &* 0x9E37_79B9_7F4A_7C15
    h ^= h >> 29
    h = (h ^ UInt64(bitPattern: stamp.size)) &* 0xBF58_476D_1CE4_E5B9
    h ^= h >> 31
    h = (h ^ UInt64(bitPattern: stamp.changed)) &* 0x94D0_49BB_1331_11EB
    return h ^ (h >> 32)
  }

  /// Every folder and file under `root`, as its key (`prefix` and the path relative to
  /// `root`, as UTF-8 bytes, valid only during the call) and stamp. readdir and fstatat
  /// directly: FileManager's enumerator made a scan of 10,000 files slow enough to notice on
  /// every build.
  private static func visit(
    _ root: String, prefix: String, from start: String = "",
    _ body: (
      _ key: UnsafeRawBufferPointer, _ stamp: FileStamp, _ isFolder: Bool, _ isLink: Bool
    ) -> Void
  ) {
    var pending = [start]
    var key: [UInt8] = []
    let prefixLength = prefix.utf8.count
    while let relative = pending.popLast() {
      let dirPath = relative.isEmpty ? root : root + "/" + relative
      guard let dir = opendir(dirPath) else { continue }
      defer { closedir(dir) }
      key = Array((prefix + relative).utf8)
      if let s = FileStamp.of(path: dirPath) { key.withUnsafeBytes { body($0, s, true, false) } }
      if !relative.isEmpty { key.append(UInt8(ascii: "/")) }
      let base = key.count
      while let entry = readdir(dir) {
        key.removeSubrange(base...)
        withUnsafeBytes(of: entry.pointee.d_name) { raw in
          let name = raw.prefix { $0 != 0 }
          key.append(contentsOf: name)
        }
        let name = key[base...]
        if name.elementsEqual([0x2E]) || name.elementsEqual([0x2E, 0x2E]) { continue }
        guard let (st, isLink) = Self.entryStat(entry, in: dir) else { continue }
        if (st.st_mode & S_IFMT) == S_IFDIR, !isLink {
          pending.append(String(decoding: key[prefixLength...], as: UTF8.self))
        } else {
          key.withUnsafeBytes { body($0, stamp(st), false, isLink) }
        }
      }
    }
  }

  /// An entry's stat, relative to its open folder (no path walk per file), and whether it is a
  /// link: a link counts by its target's stamp, so editing a linked file is noticed; linked
  /// folders are not entered, so a link cycle cannot loop. A dangling link counts by its own
  /// stamp, so the loader meets it and says it cannot be read (it was left out without a
  /// word). Nil when it is gone.
  private static func entryStat(_ entry: UnsafeMutablePointer<dirent>, in dir: OpaquePointer)
    -> (stat, isLink: Bool)?
  {
    withUnsafeBytes(of: entry.pointee.d_name) { raw in
      let name = raw.baseAddress!.assumingMemoryBound(to: CChar.self)
      var st = stat()
      guard fstatat(dirfd(dir), name, &st, AT_SYMLINK_NOFOLLOW) == 0 else { return nil }
      let isLink = (st.st_mode & S_IFMT) == S_IFLNK
      if isLink {
        var target = stat()
        if fstatat(dirfd(dir), name, &target, 0) == 0 { st = target }
      }
      return (st, isLink)
    }
  }

  private static func stamp(_ st: stat) -> FileStamp { FileStamp(st) }
}
