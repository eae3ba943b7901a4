import Diagnostics
import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Every file of the built site and, once the pages are read, the ids of each page, so a link
/// is checked with a set lookup instead of a disk access.
struct SiteIndex: Sendable {
  let root: URL
  /// Paths relative to `root`, without the `.portal` folder.
  let files: Set<String>
  var base = SiteBase(origin: nil)
  /// Ids (and `<a name>`s) by page, and each redirect stub's target.
  var ids: [String: Set<String>] = [:]
  var redirects: [String: String] = [:]
  /// Candidates for "did you mean" made once, shared by the copies of the index each pass
  /// takes: a site of thousands of pages, or a page of thousands of headings, with many broken
  /// links took minutes when each link went through every name. Keyed `""` for the site's
  /// addresses, `#` and the page for a page's ids.
  let suggestions = Memo<Suggest.Candidates>()

  init(root: URL, files: Set<String>) {
    self.root = root
    self.files = files
  }

  /// Walks the site folder. The build's own `.portal` folder is not part of the site; other
  /// hidden entries (`.well-known/`) are. A linked file counts when it leads to a file inside
  /// the site; linked folders are not entered (a server may not follow them, and a link cycle
  /// would not end).
  ///
  /// With readdir and fstatat relative to each open folder: FileManager's enumerator and a URL
  /// per file took over a third of a check of 10,000 pages, on one core.
  static func scan(_ root: URL) -> SiteIndex? {
    let rootPath = root.standardizedFileURL.path
    var st = stat()
    guard stat(rootPath, &st) == 0, (st.st_mode & S_IFMT) == S_IFDIR,
      let real = realpath(rootPath, nil)
    else { return nil }
    let prefix = String(cString: real) + "/"
    free(real)
    var files = Set<String>()
    FolderWalk.walk(rootPath) { dir, name, type, child in
      guard name != ".portal" else { return false }
      var type = type
      if type == Int32(DT_UNKNOWN) {
        guard fstatat(dirfd(dir), name, &st, AT_SYMLINK_NOFOLLOW) == 0 else { return false }
        switch st.st_mode & S_IFMT {
        case S_IFDIR: type = Int32(DT_DIR)
        case S_IFREG: type = Int32(DT_REG)
        case S_IFLNK: type = Int32(DT_LNK)
        default: return false
        }
      }
      switch type {
      case Int32(DT_DIR): return true
      case Int32(DT_REG): files.insert(child)
      case Int32(DT_LNK):
        // Only when it leads to a file inside the site.
        guard fstatat(dirfd(dir), name, &st, 0) == 0, (st.st_mode & S_IFMT) == S_IFREG,
          let target = realpath(prefix + child, nil)
        else { return false }
        defer { free(target) }
        if String(cString: target).hasPrefix(prefix) { files.insert(child) }
      default: break
      }
      return false
    }
    return SiteIndex(root: root, files: files)
  }

  var htmlFiles: [String] {
    files.filter { $0.hasSuffix(".html") || $0.hasSuffix(".htm") }.sorted()
  }

  /// The base URL: given, or the canonical URL of the home page, or guessed from sitemap.xml
  /// entries by finding the prefix after which they name files of the site.
  mutating func findBase(given: String?, homeCanonical: String?, sitemapURLs: [String]) {
    if let given, let b = SiteBase(url: given) {
      base = b
    } else if let homeCanonical, let b = SiteBase(url: homeCanonical) {
      base = b
    } else {
      for url in sitemapURLs.prefix(20) {
        let parts = URLParts(url)
        guard let scheme = parts.scheme, let authority = parts.authority else { continue }
        let segments = parts.path.split(separator: "/", omittingEmptySubsequences: false).map(
          String.init)
        for cut in 1...max(1, segments.count) {
          let prefix = segments.prefix(cut).joined(separator: "/") + "/"
          var rest = segments.dropFirst(cut).map { URLResolver.decode($0) }.joined(separator: "/")
          if rest.isEmpty || rest.hasSuffix("/") { rest += "index.html" }
          if files.contains(rest) {
            base = SiteBase(
              origin: "\(scheme)://\(URLParts.normalizedHost(authority, scheme: scheme))",
              path: prefix)
            return
          }
        }
      }
    }
  }

  /// A close existing address for a missing one, as the user would write it (`/glossary/dx/`):
  /// among addresses of the same folder and of similar length.
  func suggestion(for missing: String) -> String? {
    let addresses = suggestions.value(for: "") {
      Suggest.Candidates(files.map(Self.address).sorted())
    }
    return addresses.closest(to: Self.address(missing), lengthWithin: 3).map { base.path + $0 }
  }

  /// A file's address: a folder's `index.html` as the folder.
  private static func address(_ file: String) -> String {
    file == "index.html" ? "" : file.hasSuffix("/index.html") ? String(file.dropLast(10)) : file
  }

  /// The ids of `page` made ready for "did you mean", once for all its broken `#…`.
  func idCandidates(_ page: String, ids: Set<String>) -> Suggest.Candidates {
    suggestions.value(for: "#" + page) { Suggest.Candidates(ids.sorted()) }
  }
}
