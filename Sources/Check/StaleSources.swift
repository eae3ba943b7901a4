import ByteFormats
import Diagnostics
import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Which sources changed after the site was built (`check.stale`). A file saved after the
/// build is a change only when its bytes are not the ones the build recorded
/// (`.portal/sources.json`): a second CI job's fresh checkout, or a `touch`, makes every file
/// newer than the site it checks, and comparing times alone failed `--strict` there.
///
/// Only the files saved since are read and hashed, so the usual check, with nothing saved,
/// costs what it did. Without recorded hashes (a map written before them, or none) the time
/// alone decides, as before. A file the build did not record (one added since, a page waiting
/// for its `publish` time) counts as changed when it is newer, unless it is a draft now; a
/// file of `content/files/`, which the build copies as it is, is compared with the site's copy.
struct StaleSources {
  let files: TextFiles
  let site: URL
  /// When the site was built: the source map's date.
  let builtAt: Date

  /// A file or folder saved after the build.
  typealias Saved = (path: String, isFolder: Bool)

  /// Of `paths` (as the map writes them), the ones saved after the build.
  func saved(_ paths: some Sequence<String>) -> [Saved] {
    paths.compactMap { path in
      var st = stat()
      guard lstat(absolute(path), &st) == 0, isAfterBuild(st) else { return nil }
      return (path, (st.st_mode & S_IFMT) == S_IFDIR)
    }
  }

  /// The files under the project's `folder` (`content`, `theme`) that the build reads, and the
  /// folders holding them (dated by a file added or removed), saved after the build, as paths
  /// from the project folder (`content/a.md`). With `FolderWalk`, as `SiteIndex.scan`:
  /// FileManager's enumerator and the attributes of each file took 0.4 s of a check of 10,000
  /// pages that found nothing saved.
  func saved(under folder: String) -> [Saved] {
    let root = files.root.appendingPathComponent(folder).standardizedFileURL.path
    var found: [Saved] = []
    var st = stat()
    FolderWalk.walk(root) { dir, name, _, child in
      guard Self.isRead(name, in: folder),
        fstatat(dirfd(dir), name, &st, AT_SYMLINK_NOFOLLOW) == 0
      else { return false }
      let isFolder = (st.st_mode & S_IFMT) == S_IFDIR
      if isAfterBuild(st) { found.append((folder + "/" + child, isFolder)) }
      return isFolder
    }
    return found
  }

  /// Two seconds' grace: files written with the site (a build's own, a test's fixture).
  private func isAfterBuild(_ st: stat) -> Bool {
    Double(st.st_mtim.tv_sec) + Double(st.st_mtim.tv_nsec) / 1e9
      > builtAt.timeIntervalSince1970 + 2
  }

  /// Of the files and folders `saved` after the build, the files that changed, sorted.
  /// `recorded` gives the map's hashes by path; it is asked only when something was saved. A
  /// folder is never a change itself once hashes tell (a checkout dates every folder too),
  /// but, as a file removed from it dates it, one saved after the build has the files the map
  /// records under `removedUnder` (absolute folder paths) that are gone counted as changed.
  func changed(
    _ saved: [Saved], removedUnder folders: [String] = [], recorded: () -> [String: String]
  ) -> [String] {
    guard !saved.isEmpty else { return [] }
    var byFile: [String: (path: String, hash: String)] = [:]
    for (path, hash) in recorded() { byFile[absolute(path)] = (path, hash) }
    guard !byFile.isEmpty else { return saved.map(\.path).sorted() }
    let (site, hashes) = (site, byFile)
    let files = saved.filter { !$0.isFolder }.map(\.path)
    var changed = ConcurrentChunks.map(files) { chunk in
      chunk.filter { path in
        let file = absolute(path)
        if let hash = hashes[file]?.hash { return SourceHash.ofFile(atPath: file) != hash }
        if let copy = Self.publishedCopy(path, in: site) {
          return FileManager.default.contents(atPath: file)
            != FileManager.default.contents(atPath: copy.path)
        }
        return !Self.isDraft(file)
      }
    }
    if saved.contains(where: \.isFolder) {
      for (file, entry) in hashes
      where folders.contains(where: { file.hasPrefix($0 + "/") })
        && !FileManager.default.fileExists(atPath: file)
      {
        changed.append(entry.path)
      }
    }
    return changed.sorted()
  }

  /// Whether the Markdown file at `path` is a draft now (`draft: true`, `yes` or `on` in its
  /// front matter): the site leaves it out whatever it holds, so it changes nothing in the
  /// site, whether it was a draft when the site was built (the map records no page for it) or
  /// not. Anything this plain reading does not recognize is taken for a page.
  static func isDraft(_ path: String) -> Bool {
    guard path.hasSuffix(".md"), let data = FileManager.default.contents(atPath: path) else {
      return false
    }
    var lines = String(decoding: data, as: UTF8.self).split(
      omittingEmptySubsequences: false, whereSeparator: \.isNewline)[...]
    func trimmed(_ s: Substring) -> Substring {
      var s = s
      while let c = s.first, c == " " || c == "\t" || c == "\u{FEFF}" { s.removeFirst() }
      while let c = s.last, c == " " || c == "\t" { s.removeLast() }
      return s
    }
    guard let first = lines.popFirst(), trimmed(first) == "---" else { return false }
    for line in lines {
      if trimmed(line) == "---" { return false }
      let pair = line.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
      guard pair.count == 2, pair[0] == "draft" else { continue }
      var value = trimmed(pair[1].split(separator: "#", maxSplits: 1).first ?? "")
      if value.count > 1, let q = value.first, q == "\"" || q == "'", value.last == q {
        value = value.dropFirst().dropLast()
      }
      return ["true", "yes", "on"].contains(value.lowercased())
    }
    return false
  }

  /// The site's copy of a file of `content/files/` (a path from the project folder).
  static func publishedCopy(_ path: String, in site: URL) -> URL? {
    guard path.hasPrefix("content/files/") else { return nil }
    return site.appendingPathComponent(String(path.dropFirst("content/".count)))
  }

  private func absolute(_ path: String) -> String {
    files.url(for: path).standardizedFileURL.path
  }

  static func modified(_ path: String) -> Date? {
    (try? FileManager.default.attributesOfItem(atPath: path))?[.modificationDate] as? Date
  }

  /// Whether the build reads a file at `path` (or a name) under the project's `folder`
  /// (`content`, `theme` or `static`): never a hidden one, nor under content/ one whose name
  /// starts with `_`. A `.gitkeep` or an editor's swap file saved after the build changes
  /// nothing in the site. Under static/ every file is copied, hidden ones too, but editors'
  /// leftovers (`StaticFileList.isLeftover`).
  static func isRead(_ path: String, in folder: String) -> Bool {
    if folder == "static" {
      return !path.split(separator: "/").contains(where: StaticFileList.isLeftover)
    }
    return !path.split(separator: "/").contains {
      $0.hasPrefix(".") || (folder == "content" && $0.hasPrefix("_"))
    }
  }

  /// The files the site copied from static/ (`static/CNAME`, as the project names them) with
  /// the hashes of the copies, to compare as recorded sources: a file saved after the build is
  /// a change when its bytes differ from the copy, and one removed is a change too. Read only
  /// when something was saved after the build.
  static func staticCopies(site: URL) -> [String: String] {
    var hashes: [String: String] = [:]
    for path in StaticFileList.read(site: site) {
      hashes["static/" + path] =
        SourceHash.ofFile(atPath: site.appendingPathComponent(path).path) ?? ""
    }
    return hashes
  }

  /// The warning naming the first three files changed, placed at line 1 of the first Markdown
  /// source among them (else the first file): placed at the site folder, GitHub annotated
  /// nothing a pull request shows.
  static func warning(
    _ changed: [String], site: String, linesNamed: Bool, shown: (String) -> String
  )
    -> Diagnostic
  {
    let names = changed.prefix(3).map(shown).joined(separator: ", ")
    let more = changed.count > 3 ? " and \(changed.count - 3) more" : ""
    let namesJa = changed.prefix(3).map { "`\(shown($0))`" }.joined(separator: "、")
    let moreJa = changed.count > 3 ? "とほかのファイル\(JapaneseCount.things(changed.count - 3))" : ""
    let place = changed.first { $0.hasSuffix(".md") } ?? changed.first
    return .warning(
      SourceLocation(file: place.map(shown) ?? site),
      "\(names)\(more) changed after this site was built: "
        + (linesNamed
          ? "the lines named below are those of the build, and may have moved"
          : "this check is of the site as it was built then"),
      hint: "run `portal build` (and fix what it reports) before `portal check`",
      code: "check.stale"
    ).ja(
      "\(namesJa)\(moreJa)が、サイト `\(site)` を作った後に変わりました。"
        + (linesNamed
          ? "下に示す行は、サイトを作ったときのものです。今はずれているかもしれません"
          : "このチェックは、そのときに作ったサイトを確かめたもので、今のファイルの中身は確かめていません"),
      hint: "`portal check` の前に `portal build` でサイトを作り直してください（`portal build` が知らせる問題も直してください）")
  }
}
