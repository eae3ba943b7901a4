import ByteFormats
import CLinux
import Diagnostics
import Foundation
import Parallel
import Render

#if canImport(Glibc)
  import Glibc
#endif

/// Writes a build into a temporary folder beside the output and swaps it in only when complete,
/// so a failed or interrupted build never leaves a half-written site, and refuses any path that
/// would land outside the output folder.
enum OutputWriter {
  /// The marker that tells Portal a folder is its own output and may be replaced.
  /// Files under the output that other commands keep there and a full build carries over.
  static let carriedOver = [".portal/external-cache.json"]
  static let markerFolder = ".portal"

  /// Each with its message in English and in Japanese (`Diagnostic.ja`).
  enum Failure: Error {
    case unsafe(String, ja: String)
    case io(String, ja: String)
    /// Writing in place failed part way: some files are new, some old (the cache is gone, so
    /// the next build writes the whole site again).
    case partial(String, ja: String)

    /// `path` could not be written, with the system's reason (`FileIO.lastError`, read now).
    static func cannotWrite(_ path: String) -> Failure {
      let reason = FileIO.lastError
      return .io("cannot write \(path): \(reason)", ja: "\(path) を書き出せません: \(reason)")
    }

    var message: String {
      switch self {
      case .unsafe(let m, _), .io(let m, _), .partial(let m, _): m
      }
    }

    var japanese: String {
      switch self {
      case .unsafe(_, let ja), .io(_, let ja), .partial(_, let ja): ja
      }
    }

    /// A path that `safeRelative` refuses.
    static func outside(_ path: String) -> Failure {
      .unsafe(
        "refusing to write `\(path)`: it would land outside the output folder",
        ja: "`\(path)` は出力フォルダーの外に書き出されることになるため、書き出しません")
    }
  }

  /// Refuses output folders whose replacement would destroy something else: the file system
  /// root, the working directory or home, a folder containing the content or theme, or a
  /// folder with files that are not a previous Portal output (hidden entries aside).
  static func validate(output: URL, protecting: [URL]) throws(Failure) {
    let given = output.standardizedFileURL.path
    var st = stat()
    if lstat(given, &st) == 0, (st.st_mode & S_IFMT) == S_IFLNK {
      // A full build swaps the output folder for a new one: it would replace the link, and
      // an incremental build would write through it.
      throw .unsafe(
        "the output \(given) is a link to \(realPath(given)); give that folder itself with --output",
        ja: "出力フォルダー \(given) は \(realPath(given)) へのリンクです。--output には、リンク先のフォルダーそのものを指定してください"
      )
    }
    // Compared as the file system sees them, so a link cannot lead the output into content/.
    let out = realPath(given)
    let cwd = realPath(FileManager.default.currentDirectoryPath)
    let home = realPath(FileManager.default.homeDirectoryForCurrentUser.standardizedFileURL.path)
    if out == "/" || out == cwd || out == home {
      throw .unsafe(
        "the output folder \(out) is the root, home or working folder; give a folder of its own such as `site`",
        ja: "出力フォルダー \(out) が、ルート、ホームまたは作業中のフォルダーです。`site` のような、出力だけのフォルダーを指定してください"
      )
    }
    for p in protecting {
      let path = realPath(p.standardizedFileURL.path)
      // The same folder given twice (`--static site`): `site` is no way out of it.
      if path == out {
        throw .unsafe(
          "the output folder \(out) is also a folder the build reads (--content, --theme or --static); give each its own folder, such as `site` for the output and `static` for the static files",
          ja:
            "出力フォルダー \(out) は、ビルドが読むフォルダー（--content、--theme、--static）と同じです。出力は `site`、そのまま公開するファイルは `static` のように、別々のフォルダーにしてください"
        )
      }
      let how: (String, String)? =
        out.hasPrefix(path + "/")
        ? ("is inside \(path), a folder the build reads", "は、ビルドが読むフォルダー \(path) の中にあります")
        : path.hasPrefix(out + "/")
          ? ("holds \(path), a folder the build reads", "の中に、ビルドが読むフォルダー \(path) があります")
          : nil
      if let how {
        throw .unsafe(
          "the output folder \(out) \(how.0); give a separate folder such as `site`",
          ja: "出力フォルダー \(out) \(how.1)。`site` のような別のフォルダーを指定してください")
      }
    }
    var isDir: ObjCBool = false
    if FileManager.default.fileExists(atPath: out, isDirectory: &isDir) {
      guard isDir.boolValue else {
        throw .unsafe(
          "the output \(out) is a file, not a folder",
          ja: "出力先 \(out) はフォルダーではなく、ファイルです")
      }
      let items = (try? FileManager.default.contentsOfDirectory(atPath: out)) ?? []
      // Hidden entries alone (`.git` of a `gh-pages` worktree, `.nojekyll`) are kept by a
      // full build (`keepHidden`); a site Portal built and published without its `.portal/`
      // (the worktree's last commit) is replaced as Portal's own.
      if !items.contains(markerFolder), items.contains(where: { !$0.hasPrefix(".") }),
        !isPublishedSite(out)
      {
        throw .unsafe(
          "the output folder \(out) has files that Portal did not write; empty it or choose another folder",
          ja: "出力フォルダー \(out) に、Portal が書き出していないファイルがあります。中を空にするか、別のフォルダーを指定してください"
        )
      }
    }
  }

  /// Whether `folder` holds a site a Portal build wrote, uploaded without its `.portal/`: a
  /// home page and the search index's `meta.json`, which every build writes and no other
  /// generator does, both files of their own.
  static func isPublishedSite(_ folder: String) -> Bool {
    ["index.html", "search/meta.json"].allSatisfy {
      var st = stat()
      return lstat(folder + "/" + $0, &st) == 0 && (st.st_mode & S_IFMT) == S_IFREG
    }
  }

  /// The path with every link resolved: its longest existing part through `realpath`, then
  /// the rest as written (the output need not exist yet).
  static func realPath(_ path: String) -> String {
    var head = path
    var rest: [Substring] = []
    while !head.isEmpty, head != "/" {
      if let resolved = realpath(head, nil) {
        defer { free(resolved) }
        let base = String(cString: resolved)
        return rest.isEmpty
          ? base : (base == "/" ? "" : base) + "/" + rest.reversed().joined(separator: "/")
      }
      guard let slash = head.utf8.lastIndex(of: UInt8(ascii: "/")) else { break }
      rest.append(head[head.index(after: slash)...])
      head = String(head[..<slash])
    }
    return path
  }

  /// Checks that a relative output path stays inside the output folder.
  static func safeRelative(_ path: String) -> Bool {
    // One pass over the bytes: this runs for each of the 80,000 files of a large site, and
    // Foundation's `contains` was a visible part of writing them.
    var (length, dots) = (0, 0)
    func component() -> Bool { length > 0 && !(dots == length && length <= 2) }
    for byte in path.utf8 {
      switch byte {
      case UInt8(ascii: "\\"), 0: return false
      case UInt8(ascii: "/"):
        guard component() else { return false }
        (length, dots) = (0, 0)
      default:
        length += 1
        if byte == UInt8(ascii: ".") { dots += 1 }
      }
    }
    return component()
  }

  /// Brings an existing output up to date in place, for incremental builds: the changed files
  /// are each written beside their target and renamed over it (readers see the old or the new
  /// file), removed pages are deleted, and the cache is written last. Everything was rendered
  /// and checked before this is called, so a build with errors never gets here and leaves the
  /// site untouched. The old cache is removed first: if writing stops halfway, the next build
  /// finds no cache and rebuilds the whole site into a fresh folder.
  /// - Parameter cache: nil leaves the output without a cache (written later by the caller).
  /// - Returns: where the cache's log of outputs now stands (`writeCache`), when written.
  @discardableResult
  static func apply(
    writes: [OutputFile], deletes: [String], cache: BuildCache?, to output: URL
  ) throws(Failure) -> OutputLog.Place? {
    for path in writes.map(\.path) + deletes where !safeRelative(path) {
      throw .outside(path)
    }
    let root = output.standardizedFileURL.path
    // What would stop the writes part way, or lead them elsewhere, is found before the first.
    try checkBeforeWriting(writes.map(\.path) + deletes, under: root)
    unlink(root + "/" + BuildCache.headFile)
    let partly = "; the output folder may be partly updated: the next build writes it whole again"
    let partlyJa = "。出力フォルダーは一部だけ更新されているかもしれません（次のビルドで全体を書き直します）"
    if let failed = FileIO.makeDirectories(for: writes.map(\.path), under: root) {
      throw .partial(
        "cannot create the folder \(failed)" + partly, ja: "フォルダー \(failed) を作れません" + partlyJa)
    }
    let failures: [(path: String, reason: String)?] = writes.parallelMap { file in
      FileIO.replace(file.data, at: root + "/" + file.path) ? nil : (file.path, FileIO.lastError)
    }
    if let (failed, reason) = failures.compactMap({ $0 }).first {
      throw .partial(
        "cannot write \(failed) (\(reason))" + partly,
        ja: "\(failed) を書き出せません（\(reason)）" + partlyJa)
    }
    for path in deletes {
      unlink(root + "/" + path)
      // Remove folders left empty (rmdir fails on the first one that is not).
      var dir = FileIO.parent(path)
      while !dir.isEmpty, rmdir(root + "/" + dir) == 0 {
        dir = FileIO.parent(dir)
      }
    }
    guard let cache else { return nil }
    do {
      return try writeCache(cache, to: output)
    } catch {
      // After pages were written, the output is not "left unchanged".
      guard !writes.isEmpty || !deletes.isEmpty else { throw error }
      throw .partial(error.message + partly, ja: error.japanese + partlyJa)
    }
  }

  /// Refuses, before anything is written in place, a path longer than the file system takes
  /// (a name over 255 bytes, a whole path of 4,096) and a folder of the output that is a link:
  /// Portal writes none, and writing or deleting through one (put there by hand, or by a
  /// repository holding the site) would reach wherever it leads.
  static func checkBeforeWriting(_ paths: [String], under root: String) throws(Failure) {
    var folders: Set<Substring> = []
    for path in paths {
      if (root + "/" + path).utf8.count >= Int(PATH_MAX)
        || path.split(separator: "/").contains(where: { $0.utf8.count > Int(NAME_MAX) })
      {
        let shown = path.count > 80 ? path.prefix(60) + "…" : path[...]
        throw .unsafe(
          "cannot write `\(shown)`: the path is longer than the file system allows (a name of 255 bytes, a path of 4,096): shorten the address that makes it (a `redirect_from` or a slug)",
          ja:
            "`\(shown)` を書き出せません。パスがファイルシステムの上限（名前は255バイト、パス全体は4,096バイト）より長くなっています。このパスを作るアドレス（`redirect_from` やスラッグ）を短くしてください"
        )
      }
      var end = path.endIndex
      while let slash = path[..<end].lastIndex(of: "/") {
        guard folders.insert(path[..<slash]).inserted else { break }
        end = slash
      }
    }
    for folder in folders.sorted() {
      var info = stat()
      if lstat(root + "/" + folder, &info) == 0, info.st_mode & S_IFMT == S_IFLNK {
        throw .unsafe(
          "`\(folder)` in the output folder is a link, which Portal never writes: it would write and delete through it, wherever it leads; remove the link (the next build writes the folder again)",
          ja:
            "出力フォルダーの中の `\(folder)` はリンクです（Portal はリンクを作りません）。このままでは、リンク先がどこであっても、そこでファイルを書いたり消したりしてしまいます。リンクを消してください（次のビルドでフォルダーを書き直します）"
        )
      }
    }
  }

  /// Replaces the output with the finished staging folder by renames on the same file system,
  /// so readers see the old site or the new one, never a half-written one.
  static func swap(staging: URL, into output: URL) throws {
    let fm = FileManager.default
    if !fm.fileExists(atPath: output.path) {
      try fm.moveItem(at: staging, to: output)
      return
    }
    // In one step where the file system can (`portal serve` and readers never find the folder
    // missing); the staging path then holds the old output, removed after.
    if renameat2(AT_FDCWD, staging.path, AT_FDCWD, output.path, UInt32(PORTAL_RENAME_EXCHANGE))
      == 0
    {
      keepHidden(from: staging, in: output)
      try? fm.removeItem(at: staging)
      return
    }
    let old = output.deletingLastPathComponent().appendingPathComponent(
      ".\(output.lastPathComponent).old-\(getpid())")
    try? fm.removeItem(at: old)
    try fm.moveItem(at: output, to: old)
    try fm.moveItem(at: staging, to: output)
    keepHidden(from: old, in: output)
    try? fm.removeItem(at: old)
  }

  /// Moves the hidden entries at the top of the replaced output (`.git` of a `gh-pages`
  /// worktree, `.well-known/`, `.nojekyll`) into the new one, which Portal never writes but
  /// the person deploying may keep there: a full build replaces the folder, and deleted them
  /// without a word. Moved, not copied, from the old folder about to be removed; its own
  /// `.portal/` is the build's and stays with the old. What the last build copied from
  /// `static/` (its `StaticFileList`) is not kept: the new build has the copies still wanted,
  /// and a folder both have (`.well-known/` with a file kept by hand and one from `static/`)
  /// is merged entry by entry, the new build's first, as an incremental build leaves it.
  static func keepHidden(from old: URL, in output: URL) {
    guard let names = try? FileManager.default.contentsOfDirectory(atPath: old.path) else {
      return
    }
    let copies = Set(StaticFileList.read(site: old))
    for name in names where name.hasPrefix(".") && name != markerFolder {
      keep(name, from: old.path, in: output.path, except: copies)
    }
  }

  /// Moves `relative` from the old output into the new one, if the new has nothing there and
  /// it is no copy of the last build's; merges a folder both have.
  private static func keep(
    _ relative: String, from old: String, in new: String, except copies: Set<String>
  ) {
    guard !copies.contains(relative) else { return }
    let (source, target) = (old + "/" + relative, new + "/" + relative)
    var there = stat()
    guard lstat(target, &there) == 0 else {
      guard rename(source, target) == 0 else { return }
      // The last build's copies in what was moved: gone from static/, so removed, with the
      // folders they leave empty, as an incremental build deletes them.
      for path in copies.sorted() where path.hasPrefix(relative + "/") {
        unlink(new + "/" + path)
        var dir = FileIO.parent(path)
        while dir.count >= relative.count, rmdir(new + "/" + dir) == 0 { dir = FileIO.parent(dir) }
      }
      return
    }
    var here = stat()
    guard (there.st_mode & S_IFMT) == S_IFDIR, lstat(source, &here) == 0,
      (here.st_mode & S_IFMT) == S_IFDIR,
      let names = try? FileManager.default.contentsOfDirectory(atPath: source)
    else { return }
    for name in names { keep(relative + "/" + name, from: old, in: new, except: copies) }
  }
}
