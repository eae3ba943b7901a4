import Content
import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// The stamp (modification time, size) of every file and folder under the content and theme
/// folders: equal stamps mean nothing was edited, added, removed or renamed, so a build can stop
/// before reading anything. Also what `portal serve` polls to notice edits.
public struct SourceTree: Sendable, Equatable {
  /// `c/<relative path>` for content, `t/<relative path>` for the theme.
  public private(set) var stamps: [String: FileStamp] = [:]
  /// Changes with the stamps (a random number: unique in practice), so copies of one scan
  /// compare without looking at 10,000 stamps.
  private var version = UInt64.random(in: .min ... .max)
  /// Set by `refresh`: the version it started from and the paths whose stamps it changed, so
  /// `changes(since:)` that version is known without comparing every stamp.
  private var refreshed: (from: UInt64, paths: [String])?
  /// The keys that are folders, when known (a tree read back from the cache has only stamps).
  private var folders: Set<String>? = []

  public init(content: URL, theme: URL) {
    walk(content.standardizedFileURL.path, prefix: "c/")
    walk(theme.standardizedFileURL.path, prefix: "t/")
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
  public mutating func refresh(_ paths: some Sequence<String>, content: URL, theme: URL)
    -> [String]
  {
    let roots = [
      "c/": content.standardizedFileURL.path, "t/": theme.standardizedFileURL.path,
    ]
    let from = version
    // The stamps before, of every path this may change.
    var before: [String: FileStamp?] = [:]
    func set(_ key: String, _ stamp: FileStamp?) {
      if before[key] == nil { before[key] = .some(stamps[key]) }
      stamps[key] = stamp
      if stamp == nil { folders?.remove(key) }
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
      let wasFolder =
        folders.map { $0.contains(key) }
        ?? stamps.keys.contains(where: { $0.hasPrefix(key + "/") })
      if found, !isFolder, !relative.isEmpty, stamps[key] != nil, !wasFolder {
        set(key, Self.stamp(st))
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

  /// The paths whose stamps differ between two scans, added and removed ones included.
  public func changes(since old: SourceTree) -> [String] {
    if version == old.version { return [] }
    if let refreshed, refreshed.from == old.version { return refreshed.paths }
    var changed: [String] = []
    for (path, stamp) in stamps where old.stamps[path] != stamp { changed.append(path) }
    for path in old.stamps.keys where stamps[path] == nil { changed.append(path) }
    return changed.sorted()
  }

  /// readdir and lstat directly: FileManager's enumerator made a scan of 10,000 files slow
  /// enough to notice on every build.
  private mutating func walk(_ root: String, prefix: String, from start: String = "") {
    var pending = [start]
    while let relative = pending.popLast() {
      let dirPath = relative.isEmpty ? root : root + "/" + relative
      guard let dir = opendir(dirPath) else { continue }
      defer { closedir(dir) }
      if let s = FileStamp.of(path: dirPath) {
        stamps[prefix + relative] = s
        folders?.insert(prefix + relative)
      }
      while let entry = readdir(dir) {
        let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
          String(cString: raw.bindMemory(to: CChar.self).baseAddress!)
        }
        if name == "." || name == ".." { continue }
        let child = relative.isEmpty ? name : relative + "/" + name
        // Relative to the open folder: no path walk per file.
        var st = stat()
        guard fstatat(dirfd(dir), name, &st, AT_SYMLINK_NOFOLLOW) == 0 else { continue }
        // A link counts by its target's stamp, so editing a linked file is noticed; linked
        // folders are not entered, so a link cycle cannot loop.
        let isLink = (st.st_mode & S_IFMT) == S_IFLNK
        if isLink, fstatat(dirfd(dir), name, &st, 0) != 0 { continue }
        if (st.st_mode & S_IFMT) == S_IFDIR, !isLink {
          pending.append(child)
        } else {
          stamps[prefix + child] = Self.stamp(st)
        }
      }
    }
  }

  private static func stamp(_ st: stat) -> FileStamp {
    FileStamp(
      modified: Int64(st.st_mtim.tv_sec) * 1_000_000_000 + Int64(st.st_mtim.tv_nsec),
      size: Int64(st.st_size))
  }
}
