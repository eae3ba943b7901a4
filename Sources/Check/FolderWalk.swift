import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Walks a folder tree with `readdir`, each entry's questions asked relative to its open folder
/// (`fstatat(dirfd(dir), name, …)`): FileManager's enumerator, with a URL and attributes per
/// file, took over a third of a check of 10,000 pages. Shared by the site's scan and the search
/// for sources saved after the build.
enum FolderWalk {
  /// Calls `visit` for every entry under `root` but `.` and `..`, with its open folder, its
  /// name, its `d_type` (`DT_UNKNOWN` on file systems that do not fill it) and its path
  /// relative to `root`; an entry for which `visit` returns true is entered as a folder.
  static func walk(
    _ root: String,
    _ visit: (_ dir: OpaquePointer, _ name: String, _ type: Int32, _ relative: String) -> Bool
  ) {
    var pending = [""]
    while let relative = pending.popLast() {
      guard let dir = opendir(relative.isEmpty ? root : root + "/" + relative) else { continue }
      defer { closedir(dir) }
      while let entry = readdir(dir) {
        let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
          String(cString: raw.bindMemory(to: CChar.self).baseAddress!)
        }
        guard name != ".", name != ".." else { continue }
        let child = relative.isEmpty ? name : relative + "/" + name
        if visit(dir, name, Int32(entry.pointee.d_type), child) { pending.append(child) }
      }
    }
  }
}
