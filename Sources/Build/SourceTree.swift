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
  private mutating func walk(_ root: String, prefix: String) {
    var pending = [""]
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
          stamps[prefix + child] = FileStamp(
            modified: Int64(st.st_mtim.tv_sec) * 1_000_000_000 + Int64(st.st_mtim.tv_nsec),
            size: Int64(st.st_size))
        }
      }
    }
  }
}
