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

  public init(content: URL, theme: URL) {
    walk(content.standardizedFileURL.path, prefix: "c/")
    walk(theme.standardizedFileURL.path, prefix: "t/")
  }

  /// Brings the stamps of `paths` (in the `c/…`, `t/…` form), of everything under them and of
  /// the folders holding them up to date, as a new scan would: what a file watcher reports is
  /// enough, so `portal serve` does not stat every file after each edit. A path that no longer
  /// exists is dropped with everything under it; a folder is walked again.
  public mutating func refresh(_ paths: some Sequence<String>, content: URL, theme: URL) {
    let roots = [
      "c/": content.standardizedFileURL.path, "t/": theme.standardizedFileURL.path,
    ]
    var parents: Set<String> = []
    for path in Set(paths) {
      let prefix = String(path.prefix(2))
      guard let root = roots[prefix] else { continue }
      var relative = String(path.dropFirst(2))
      while relative.hasSuffix("/") { relative.removeLast() }
      let key = prefix + relative
      // A folder, or something gone, is stamped again from scratch with all it held.
      let below = relative.isEmpty ? prefix : key + "/"
      if stamps.keys.contains(where: { $0.hasPrefix(below) }) {
        stamps = stamps.filter { !$0.key.hasPrefix(below) }
      }
      stamps[key] = nil
      if relative.isEmpty {
        walk(root, prefix: prefix)
        continue
      }
      let parent = relative.split(separator: "/").dropLast().joined(separator: "/")
      parents.insert(prefix + parent)
      let full = root + "/" + relative
      var st = stat()
      guard lstat(full, &st) == 0 else { continue }
      let isLink = (st.st_mode & S_IFMT) == S_IFLNK
      if isLink, stat(full, &st) != 0 { continue }
      if (st.st_mode & S_IFMT) == S_IFDIR, !isLink {
        walk(root, prefix: prefix, from: relative)
      } else {
        stamps[key] = Self.stamp(st)
      }
    }
    // Adding, removing or renaming an entry changes its folder's own stamp.
    for key in parents {
      let prefix = String(key.prefix(2))
      let relative = key.dropFirst(2)
      guard let root = roots[prefix] else { continue }
      stamps[key] = FileStamp.of(path: relative.isEmpty ? root : root + "/" + relative)
    }
  }

  init(stamps: [String: FileStamp]) { self.stamps = stamps }

  /// The paths whose stamps differ between two scans, added and removed ones included.
  public func changes(since old: SourceTree) -> [String] {
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
      if let s = FileStamp.of(path: dirPath) { stamps[prefix + relative] = s }
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
