import Diagnostics
import Foundation

extension ContentLoader {
  /// A Markdown file read as a page: its full path, its path under content/, its kind.
  typealias PageFile = (path: String, relative: String, kind: ContentKind)

  /// The files under content/ sorted by what the build does with them.
  struct FoundFiles {
    /// The Markdown files to read as pages, with their kind (their folder).
    var pages: [PageFile]
    /// The files under `content/files/` to publish.
    var published: [ContentFile]
    /// Those under `content/files/` left out for their type.
    var unpublished: [String]
    /// Files of a published type elsewhere in `content/` (`images/map.png`): not published.
    var misplaced: [String] = []
  }

  /// Sorts `allFiles` (relative to `rootPath`), warning of every file left out that looks
  /// meant to be built or published: a type not published, names differing only in capitals,
  /// Hugo's `_index.md`, `.MD` and the like, Markdown outside a content folder or too deep.
  static func findFiles(among allFiles: [String], root rootPath: String, prefix: String) -> (
    FoundFiles, [Diagnostic]
  ) {
    var diagnostics: [Diagnostic] = []
    var pages: [PageFile] = []
    let (published, unpublished) = Self.publishedFiles(among: allFiles, root: rootPath)
    for relative in unpublished {
      diagnostics.append(
        .warning(
          SourceLocation(file: join(prefix, relative)),
          "files of this type are not published, so this one is not copied to the site",
          hint:
            "use one of: \(ContentFiles.extensions.sorted().joined(separator: ", ")); HTML, SVG, JavaScript and CSS are not published from content/",
          code: "content.file-type"
        ).ja(
          "この種類のファイルは公開されないため、サイトにコピーされません",
          hint:
            "次のどれかの形式にしてください：\(ContentFiles.extensions.sorted().joined(separator: ", "))。HTML、SVG、JavaScript、CSS は content/ からは公開されません"
        ))
    }
    for (relative, twin) in ContentFiles.caseTwins(published.map(\.relativePath)) {
      diagnostics.append(
        .warning(
          SourceLocation(file: join(prefix, relative)),
          "this file's name differs from `\(twin)` only in capitals: on Windows and macOS one of the two replaces the other",
          hint: "rename one of them, or delete the one that is not needed",
          code: "content.file-case"
        ).ja(
          "このファイルの名前は、`\(twin)` と大文字・小文字しかちがいません。Windows や macOS では、どちらかがもう一方を上書きしてしまいます",
          hint: "どちらかの名前を変えるか、いらないほうを消してください"))
    }
    for relative in Self.hugoIndexFiles(in: rootPath) {
      diagnostics.append(
        .warning(
          SourceLocation(file: join(prefix, relative)),
          "this file is not read: names starting with `_` are left out, and a list's own text (Hugo's `_index.md`) is not written in content/",
          hint:
            "the build makes each list page (/initiatives/, /events/, …) from the theme's templates: write its introduction there, or rename this file without `_` to make it a page of its own",
          code: "content.index-file"
        ).ja(
          "このファイルは読まれません。`_` で始まる名前は使われず、一覧のページの文章（Hugo の `_index.md`）は content/ には書きません",
          hint:
            "一覧のページ（/initiatives/、/events/ など）は、テーマのテンプレートから作られます。紹介の文はテンプレートに書くか、このファイルの名前から `_` を取って、1つのページにしてください"
        ))
    }
    for relative in Self.misnamedPages(among: allFiles) {
      let name = relative.split(separator: "/").last!
      var stem = String(name.prefix { $0 != "." })
      // `Y.MD` → `y.md`: the file name is the page's address, which is lower case.
      if !isSlug(stem), isSlug(stem.lowercased()) { stem = stem.lowercased() }
      diagnostics.append(
        .warning(
          SourceLocation(file: join(prefix, relative)),
          "this file is not read: only names ending in `.md` (in lower case) are pages",
          hint: "rename it to `\(stem).md`", code: "content.file-name"
        ).ja(
          "このファイルは読まれません。ページになるのは、名前が小文字の `.md` で終わるファイルだけです",
          hint: "名前を `\(stem).md` に変えてください"))
    }
    for relative in Self.markdownFiles(among: allFiles)
    where !relative.hasPrefix(ContentFiles.folder + "/") {
      // Over the UTF-8 bytes: splitting 10,000 paths was a noticeable part of a rebuild.
      let slashes = relative.utf8.lazy.filter { $0 == UInt8(ascii: "/") }.count
      let folder = String(relative.utf8.prefix { $0 != UInt8(ascii: "/") })!
      guard slashes > 0, let kind = ContentKind(folder: folder) else {
        let known = ContentKind.allCases.map(\.folder)
        let near = Suggest.closest(to: folder, in: known)
        let guess = near.map { "did you mean `\($0)/`? " } ?? ""
        let guessJa = near.map { "`\($0)/` のまちがいではありませんか。" } ?? ""
        let folders = known.map { $0 + "/" }.joined(separator: ", ")
        diagnostics.append(
          .warning(
            SourceLocation(file: join(prefix, relative)),
            "this file is not in a content folder, so it is not built",
            hint: "\(guess)move it into one of: \(folders)",
            code: "content.folder"
          ).ja(
            "このファイルは、ページの種類ごとのフォルダーに入っていないため、ページになりません",
            hint: "\(guessJa)次のどれかのフォルダーに移してください：\(folders)"))
        continue
      }
      if kind != .strategy && slashes > 1 {
        diagnostics.append(
          .warning(
            SourceLocation(file: join(prefix, relative)),
            "sub-folders are only read under strategy/; this file is not built",
            hint: "move it up to \(folder)/", code: "content.folder"
          ).ja(
            "フォルダーの中のフォルダーが読まれるのは、strategy/ だけです。このファイルはページになりません",
            hint: "\(folder)/ のすぐ下に移してください"))
        continue
      }
      pages.append((rootPath + "/" + relative, relative, kind))
    }
    // An image or a PDF outside files/ (`content/images/map.png`): not published, and the
    // folder was passed over without a word.
    var misplaced: [String] = []
    // The few candidates sorted, not every file of the folder, in every build.
    let candidates = allFiles.filter {
      !ContentFiles.isUnderFolder($0) && $0.contains("/")
        && ContentFiles.extensions.contains(ContentFiles.fileExtension($0))
    }
    for relative in candidates.sorted() where isRegularFile(rootPath + "/" + relative) {
      misplaced.append(relative)
      let meant = ContentFiles.folder + "/" + relative
      diagnostics.append(
        .warning(
          SourceLocation(file: join(prefix, relative)),
          "this file is not published: only files under content/\(ContentFiles.folder)/ are copied to the site",
          hint: "move it to content/\(meant), and link it from there", code: "content.file-place"
        ).ja(
          "このファイルは公開されません。サイトにコピーされるのは content/\(ContentFiles.folder)/ の下のファイルだけです",
          hint: "content/\(meant) に移して、そこへリンクしてください"))
    }
    return (
      FoundFiles(
        pages: pages, published: published, unpublished: unpublished, misplaced: misplaced),
      diagnostics
    )
  }

  /// Whether a path under content/ is a Markdown file the loader reads (as a page, or to warn
  /// that it is not in a content folder); everything else there but site.yml is never read.
  public static func isPageFile(_ relative: String) -> Bool {
    !markdownFiles(among: [relative]).isEmpty
  }

  /// Whether the load warns of `relative`, a file outside `files/` that is no page: a page's
  /// name misspelt (`a.md.txt`, `a.markdown`, `A.MD`), an image or a PDF outside `files/`, a
  /// list's `_index.md`. `portal serve` builds such a file's coming and going the usual way,
  /// which says so: edited in place, it was left out without a word.
  public static func isWarnedOf(_ relative: String) -> Bool {
    guard !ContentFiles.isUnderFolder(relative) else { return false }
    if !misnamedPages(among: [relative]).isEmpty { return true }
    if relative.contains("/"),
      ContentFiles.extensions.contains(ContentFiles.fileExtension(relative))
    {
      return true
    }
    return relative.split(separator: "/").last == "_index.md"
      && relative.utf8.lazy.filter { $0 == UInt8(ascii: "/") }.count <= 1
  }

  /// The Markdown files to build, relative and sorted: names starting with `_` or `.`, and
  /// everything under such folders, are left out.
  static func markdownFiles(among relatives: [String]) -> [String] {
    relatives.filter { relative in
      guard relative.hasSuffix(".md") else { return false }
      // A name starts at the beginning and after each slash.
      var atStart = true
      for byte in relative.utf8 {
        if atStart && (byte == UInt8(ascii: "_") || byte == UInt8(ascii: ".")) { return false }
        atStart = byte == UInt8(ascii: "/")
      }
      return true
    }.sorted()
  }

  /// `_index.md` at the top or in a content folder: in Hugo it holds a list page's own text,
  /// and writers used to it put one there, where Portal (which leaves out `_` names) read
  /// nothing and said nothing.
  static func hugoIndexFiles(in root: String) -> [String] {
    ([""] + ContentKind.allCases.map { $0.folder + "/" }).map { $0 + "_index.md" }.filter {
      isRegularFile(root + "/" + $0)
    }
  }

  /// Whether `path` is a file (not a folder, nor missing).
  static func isRegularFile(_ path: String) -> Bool {
    var st = stat()
    return stat(path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFREG
  }

  /// Files outside `files/` that look meant as pages but are not read as such: `.MD` (as some
  /// Windows tools save), `.markdown`, or `.md.txt` (an editor that adds `.txt` to a name whose
  /// ending it hides); they were left out without a word.
  static func misnamedPages(among relatives: [String]) -> [String] {
    relatives.filter { relative in
      guard !ContentFiles.isUnderFolder(relative), !relative.hasSuffix(".md") else { return false }
      let name = relative.split(separator: "/").last.map(String.init) ?? relative
      guard !name.hasPrefix("_"), !name.hasPrefix("."), !relative.contains("/_"),
        !relative.contains("/.")
      else { return false }
      let lower = name.lowercased()
      return lower.hasSuffix(".md") || lower.hasSuffix(".markdown") || lower.hasSuffix(".md.txt")
    }.sorted()
  }

  /// The files under `content/files/` to publish, with their stamps, and those left out for
  /// their type (Markdown there is neither a page nor published: it is left out too).
  static func publishedFiles(among relatives: [String], root: String) -> (
    [ContentFile], [String]
  ) {
    var published: [ContentFile] = []
    var unpublished: [String] = []
    for relative in relatives.filter(ContentFiles.isUnderFolder).sorted() {
      let path = root + "/" + relative
      guard ContentFiles.isPublished(relative) else {
        // The caller's scan lists folders too.
        if isRegularFile(path) { unpublished.append(relative) }
        continue
      }
      guard let stamp = FileStamp.of(path: path) else { continue }
      published.append(ContentFile(relativePath: relative, path: path, stamp: stamp))
    }
    return (published, unpublished)
  }

  /// Every file under the folder, relative: names starting with `_` or `.`, and everything
  /// under such folders, are left out.
  public static func files(in contentDirectory: URL) -> [String] {
    scan(contentDirectory).files
  }

  /// `files(in:)`, and apart from them the links among them that lead out of the folder, with
  /// where they lead: the build refuses those (`source.link-outside`), so nothing else reads
  /// them either.
  static func scan(_ contentDirectory: URL) -> (
    files: [String], leaving: [(relative: String, target: String)]
  ) {
    var relatives: [String] = []
    var leaving: [(relative: String, target: String)] = []
    let enumerator = FileManager.default.enumerator(
      at: contentDirectory, includingPropertiesForKeys: [.isRegularFileKey],
      options: [.skipsHiddenFiles])
    let rootPath = contentDirectory.standardizedFileURL.path
    var realRoot: String?
    while let url = enumerator?.nextObject() as? URL {
      let name = url.lastPathComponent
      if name.hasPrefix("_") || name.hasPrefix(".") {
        if (try? url.resourceValues(forKeys: [.isDirectoryKey]).isDirectory) == true {
          enumerator?.skipDescendants()
        }
        continue
      }
      // Markdown as before (a linked page counts); other files when they are files.
      guard
        url.pathExtension == "md"
          || (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true
      else { continue }
      let path = url.standardizedFileURL.path
      var relative = String(path.dropFirst(rootPath.count))
      while relative.hasPrefix("/") { relative.removeFirst() }
      // `lstat`: asking the URL for `isSymbolicLinkKey` cost lint a tenth of its time.
      var st = stat()
      if lstat(path, &st) == 0, (st.st_mode & S_IFMT) == S_IFLNK,
        let target = LinkLeaving.realPath(url.path)
      {
        let root = realRoot ?? LinkLeaving.realPath(rootPath) ?? rootPath
        realRoot = root
        if !LinkLeaving.isInside(target, root) {
          leaving.append((relative, target))
          continue
        }
      }
      relatives.append(relative)
    }
    return (relatives.sorted(), leaving.sorted { $0.relative < $1.relative })
  }
}
