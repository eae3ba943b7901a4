import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Which paths under `content/`, `theme/` and `static/` changed, from Linux inotify: an idle
/// `portal serve` then stats nothing (a scan of 10,000 files every 300 ms kept a fifth of a
/// core busy), and an edit is seen as soon as it is saved. Paths use `SourceTree`'s `c/…`,
/// `t/…`, `s/…` form. Where inotify is missing or runs out of watches the server polls
/// instead. The static folder is optional: watched when it is there (`watchesStatic`).
final class SourceWatcher {
  enum Changes: Equatable {
    case quiet
    /// The entries named by events (files, and folders that appeared or went away).
    case paths(Set<String>)
    /// Events were lost or a folder moved, so the watch list no longer matches the tree:
    /// scan everything and start a new watcher.
    case rescan
  }

  #if os(Linux)
    private let fd: Int32
    /// Watch descriptor → the `c/…`, `t/…` or `s/…` key of the folder it watches.
    private var folders: [Int32: String] = [:]
    private let roots: [String: String]
    private var buffer = [UInt8](repeating: 0, count: 64 * 1024)

    private static let mask = UInt32(
      IN_MODIFY | IN_ATTRIB | IN_CLOSE_WRITE | IN_CREATE | IN_DELETE | IN_MOVED_FROM
        | IN_MOVED_TO | IN_DELETE_SELF | IN_MOVE_SELF)

    /// Whether the static folder is watched: it was there when the watch began.
    let watchesStatic: Bool

    init?(content: URL, theme: URL, staticFolder: URL? = nil) {
      fd = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
      guard fd >= 0 else { return nil }
      var roots = ["c/": content.standardizedFileURL.path, "t/": theme.standardizedFileURL.path]
      let staticRoot = staticFolder?.standardizedFileURL.path
      var isFolder: ObjCBool = false
      watchesStatic =
        staticRoot.map { FileManager.default.fileExists(atPath: $0, isDirectory: &isFolder) }
        == true && isFolder.boolValue
      if watchesStatic { roots["s/"] = staticRoot }
      self.roots = roots
      // Not closed here: Swift runs `deinit` for an initialiser that fails once every property
      // is set, and a second close could take a descriptor another thread had just opened (a
      // file the build was writing, a client's socket).
      for prefix in roots.keys.sorted() where !watchTree(prefix) { return nil }
    }

    deinit { close(fd) }

    /// What happened since the last call; never blocks.
    func changes() -> Changes {
      var paths: Set<String> = []
      while true {
        let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
        if count < 0 { return errno == EAGAIN || errno == EINTR ? .paths(paths).orQuiet : .rescan }
        if count == 0 { break }
        var rescan = false
        buffer.withUnsafeBytes { raw in
          var offset = 0
          while offset + 16 <= count {
            let wd = raw.loadUnaligned(fromByteOffset: offset, as: Int32.self)
            let mask = raw.loadUnaligned(fromByteOffset: offset + 4, as: UInt32.self)
            let length = Int(raw.loadUnaligned(fromByteOffset: offset + 12, as: UInt32.self))
            let nameBytes = raw[(offset + 16)..<(offset + 16 + length)].prefix { $0 != 0 }
            offset += 16 + length
            if mask & UInt32(IN_Q_OVERFLOW) != 0 { rescan = true }
            if mask & UInt32(IN_IGNORED) != 0 { folders[wd] = nil }
            guard let folder = folders[wd] else { continue }
            let name = String(decoding: nameBytes, as: UTF8.self)
            let path = name.isEmpty ? folder : Self.join(folder, name)
            let isFolder = mask & UInt32(IN_ISDIR) != 0
            // A moved folder's watches keep their old paths; a watched root that went away
            // cannot be followed.
            if (isFolder && mask & UInt32(IN_MOVED_FROM) != 0)
              || mask & UInt32(IN_DELETE_SELF | IN_MOVE_SELF) != 0 && folder.count == 2
            {
              rescan = true
            }
            if isFolder, mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0, !watchTree(path) {
              rescan = true
            }
            paths.insert(path)
          }
        }
        if rescan { return .rescan }
      }
      return Changes.paths(paths).orQuiet
    }

    /// Watches a folder and every folder under it (linked folders are not entered, as
    /// `SourceTree` does not enter them). False when the kernel refuses a watch.
    private func watchTree(_ key: String) -> Bool {
      guard let root = roots[String(key.prefix(2))] else { return false }
      var pending = [key]
      while let folderKey = pending.popLast() {
        let relative = folderKey.dropFirst(2)
        let path = relative.isEmpty ? root : root + "/" + relative
        // The roots may be links; folders under them are not followed.
        let flags = relative.isEmpty ? 0 : UInt32(IN_DONT_FOLLOW)
        let wd = inotify_add_watch(fd, path, Self.mask | UInt32(IN_ONLYDIR) | flags)
        if wd < 0 {
          // A folder gone already (its deletion is reported too) or not a folder: nothing to
          // watch. A missing root cannot be watched at all.
          if !relative.isEmpty && (errno == ENOENT || errno == ENOTDIR) { continue }
          return false
        }
        folders[wd] = folderKey
        guard let dir = opendir(path) else { continue }
        defer { closedir(dir) }
        while let entry = readdir(dir) {
          let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
            String(cString: raw.bindMemory(to: CChar.self).baseAddress!)
          }
          if name == "." || name == ".." { continue }
          var isFolder = entry.pointee.d_type == UInt8(DT_DIR)
          if entry.pointee.d_type == UInt8(DT_UNKNOWN) {
            // Some file systems do not fill in the type.
            var st = stat()
            isFolder =
              fstatat(dirfd(dir), name, &st, AT_SYMLINK_NOFOLLOW) == 0
              && (st.st_mode & S_IFMT) == S_IFDIR
          }
          if isFolder { pending.append(Self.join(folderKey, name)) }
        }
      }
      return true
    }

    private static func join(_ folder: String, _ name: String) -> String {
      folder.hasSuffix("/") ? folder + name : folder + "/" + name
    }
  #else
    init?(content: URL, theme: URL, staticFolder: URL? = nil) { return nil }
    var watchesStatic: Bool { false }
    func changes() -> Changes { .rescan }
  #endif
}

extension SourceWatcher.Changes {
  fileprivate var orQuiet: Self {
    if case .paths(let p) = self, p.isEmpty { return .quiet }
    return self
  }
}
