import ByteFormats
import Diagnostics
import Foundation
import Parallel

/// Everything under `content/`, loaded and validated.
public struct ContentSet: Sendable {
  public var config: SiteConfig
  public var pages: [Page]
  /// Where site.yml was read from, for diagnostics of later stages.
  public var configPath: String
  /// Hashes of each page's file by relative path, for incremental builds.
  public var hashes: [String: SourceHashes] = [:]
  /// The files under `content/files/` to publish, sorted by path.
  public var files: [ContentFile] = []
  /// Content files that exist but are not pages of this build, by relative path: links to
  /// them are reported for what they are, not as files that do not exist.
  public var withheld: [String: Withheld] = [:]
  /// When warnings of this load that depend on the clock end or change their words
  /// (`FarPublish.wordsChange`, `FutureDates.wordsChange`): a build's cache is not up to date
  /// past one.
  public var warningsEnd: [DateTime] = []
}

/// Why a content file is not a page of the build.
public enum Withheld: Sendable, Equatable {
  /// Its own errors are reported; what points at it is not reported again.
  case broken
  /// `draft: true`, and drafts are not built.
  case draft
  /// Its `publish` time is after the build's clock.
  case scheduled(DateTime)
  /// A file under `content/files/` of a type that is not published (`content.file-type`).
  case unpublishedType
}

/// Loads `content/`: site.yml and every Markdown file, parsed in parallel, then checks the ids
/// that pages use to point at each other. Every problem of the run is returned together.
public enum ContentLoader {
  /// The code of "no content folder" and "no site.yml": `portal` hints at the folder meant.
  public static let missingCode = "config.missing"

  /// - Parameters:
  ///   - memo: parse results of an earlier load; files whose stamp and site.yml are unchanged
  ///     are taken from it instead of being read and parsed again.
  ///   - knownFiles: every file under the folder, relative, when the caller has just scanned
  ///     it (the build does, to tell whether anything changed), so it is not walked twice.
  ///   - now: the build's clock, which leaves out pages whose `publish` time is later (unless
  ///     drafts are included); nil keeps them (`portal lint` reads every file).
  public static func load(
    contentDirectory: URL, displayPrefix: String? = nil, includeDrafts: Bool = false,
    memo: ParseMemo? = nil, knownFiles: [String]? = nil, now: DateTime? = nil
  )
    -> (ContentSet?, [Diagnostic])
  {
    let prefix = displayPrefix ?? displayPath(for: contentDirectory)
    let fm = FileManager.default
    var diagnostics: [Diagnostic] = []
    let configURL = contentDirectory.appendingPathComponent("site.yml")
    let configPath = join(prefix, "site.yml")
    if let missing = missingFolder(
      contentDirectory, shownAs: prefix, what: "content", code: missingCode)
    {
      return (nil, [missing])
    }
    guard let configData = fm.contents(atPath: configURL.path) else {
      return (
        nil,
        [
          .error(
            SourceLocation(file: configPath, line: 1, column: 1),
            "the site configuration is missing",
            hint:
              "create \(configPath) with at least `title`, `base_url` and `domains` (see docs/content-format.md)",
            code: missingCode
          ).ja(
            "サイトの設定のファイルがありません",
            hint:
              "\(configPath) を作り、少なくとも `title`、`base_url`、`domains` を書いてください（docs/content-format.md を見てください）"
          )
        ]
      )
    }
    guard let configText = String(data: configData, encoding: .utf8) else {
      return (
        nil,
        [
          .error(
            SourceLocation(file: configPath), "site.yml is not valid UTF-8",
            hint: "save it as UTF-8", code: "source.encoding"
          ).ja("site.yml の文字コードが UTF-8 ではありません", hint: "UTF-8 で保存し直してください")
        ]
      )
    }
    let (config, configDiagnostics) = SiteConfig.parse(configText, file: configPath)
    diagnostics += configDiagnostics

    // Find the files: from the caller's scan when it has one, else by walking the folder.
    var files: [(path: String, relative: String, kind: ContentKind)] = []
    let rootPath = contentDirectory.standardizedFileURL.path
    let allFiles = knownFiles ?? Self.files(in: contentDirectory)
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
      files.append((rootPath + "/" + relative, relative, kind))
    }

    memo?.use(config: config, key: StableHash.of(data: configData))
    // Files the memo already holds are taken on this thread (a rebuild in `portal serve`
    // finds nearly all of them there); only the rest are read and parsed, in parallel.
    var parsed: [(Page?, [Diagnostic], SourceHashes?)?] = Array(repeating: nil, count: files.count)
    var stamps: [FileStamp?] = Array(repeating: nil, count: files.count)
    if let memo {
      for (i, file) in files.enumerated() {
        stamps[i] = memo.stamp(file.relative, path: file.path)
        if let stamp = stamps[i], let e = memo.entry(file.relative, stamp: stamp) {
          parsed[i] = (e.page, e.diagnostics, e.hashes)
        }
      }
    }
    let missing = parsed.indices.filter { parsed[$0] == nil }
    let fresh = missing.parallelMap { [files, stamps] i in
      let file = files[i]
      let result = Self.parse(
        at: file.path, shownAs: join(prefix, file.relative), relative: file.relative,
        kind: file.kind, config: config)
      if let memo, let stamp = stamps[i] {
        memo.store(
          file.relative,
          .init(stamp: stamp, page: result.0, diagnostics: result.1, hashes: result.2))
      }
      return result
    }
    for (i, result) in zip(missing, fresh) { parsed[i] = result }
    memo?.keep(only: files.map(\.relative))
    var pages: [Page] = []
    var hashes: [String: SourceHashes] = [:]
    var withheld: [String: Withheld] = [:]
    for relative in unpublished { withheld[relative] = .unpublishedType }
    var broken: [(relativePath: String, kind: ContentKind)] = []
    for (file, result) in zip(files, parsed) {
      guard let (page, d, h) = result else { continue }
      diagnostics += d
      if let page {
        pages.append(page)
        hashes[page.relativePath] = h
      } else {
        withheld[file.relative] = .broken
        broken.append((file.relative, file.kind))
      }
    }
    guard let config else { return (nil, diagnostics) }
    diagnostics += ReferenceValidator.validate(
      pages: pages, config: config, broken: broken, contentDirectory: contentDirectory)
    let siteIDSlips = SiteIDSlips.check(
      &diagnostics, pages: pages, config: config, configPath: configPath)
    diagnostics += siteIDSlips
    if let now,
      pages.contains(where: {
        FutureDates.updatedToCome($0, at: now) || FarPublish.isFar($0, at: now)
      })
    {
      var places: [String: (path: String, shown: String)] = [:]
      for file in files { places[file.relative] = (file.path, join(prefix, file.relative)) }
      diagnostics += FutureDates.check(pages, at: now, files: places)
      diagnostics += FarPublish.check(pages, at: now, files: places)
    }
    // The instants at which a clock warning's words change are clock boundaries of the cache:
    // an "Up to date" build on a later day does not repeat "this build (2026-11-25)".
    let warningsEnd =
      now.map { now in
        pages.flatMap { FarPublish.wordsChange($0, at: now) + FutureDates.wordsChange($0, at: now) }
      } ?? []
    if !includeDrafts {
      for page in pages {
        if page.draft {
          withheld[page.relativePath] = .draft
        } else if let now, page.isScheduled(at: now), let publish = page.publish {
          withheld[page.relativePath] = .scheduled(publish)
        }
      }
      pages.removeAll { withheld[$0.relativePath] != nil }
    }
    return (
      ContentSet(
        config: config, pages: pages, configPath: configPath, hashes: hashes, files: published,
        withheld: withheld, warningsEnd: warningsEnd),
      diagnostics
    )
  }

  /// One content file as parsed.
  public struct ParsedFile: Sendable {
    /// Nil when the file could not be read or parsed.
    public var page: Page?
    public var diagnostics: [Diagnostic]
    public var hashes: SourceHashes?
  }

  /// Parses one file of the last `load` with this memo again, after an edit, with the same
  /// site.yml, and remembers it: `portal serve` compares the two to tell whether it can edit
  /// the page in place. Nil when the memo does not hold the file (it was not built, or site.yml was
  /// unreadable).
  public static func reparse(
    _ relative: String, stamp: FileStamp, contentDirectory: URL, memo: ParseMemo
  ) -> (previous: ParsedFile, current: ParsedFile)? {
    guard let old = memo.entry(relative), let config = memo.currentConfig,
      let folder = relative.split(separator: "/").first,
      let kind = ContentKind(folder: String(folder))
    else { return nil }
    let root = contentDirectory.standardizedFileURL.path
    let (page, diagnostics, hashes) = parse(
      at: root + "/" + relative, shownAs: join(displayPath(for: contentDirectory), relative),
      relative: relative, kind: kind, config: config)
    memo.store(relative, .init(stamp: stamp, page: page, diagnostics: diagnostics, hashes: hashes))
    return (
      ParsedFile(page: old.page, diagnostics: old.diagnostics, hashes: old.hashes),
      ParsedFile(page: page, diagnostics: diagnostics, hashes: hashes)
    )
  }

  /// Reads and parses one file: its page, its problems, and the hashes that tell later builds
  /// what changed.
  static func parse(
    at fullPath: String, shownAs path: String, relative: String, kind: ContentKind,
    config: SiteConfig?
  ) -> (Page?, [Diagnostic], SourceHashes?) {
    guard let bytes = FileBytes.read(fullPath) else {
      return (
        nil,
        [
          .error(SourceLocation(file: path), "the file could not be read", code: "source.read")
            .ja("ファイルを読めませんでした")
        ],
        nil
      )
    }
    if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
      return (nil, [emptyFile(path: path, kind: kind)], nil)
    }
    switch SourceFile.read(bytes: bytes, path: path, relativePath: relative) {
    case .failure(let d): return (nil, [d], nil)
    case .success(let source):
      let (page, parsed) = PageParser.parse(source, kind: kind, config: config)
      // The body's own characters, whatever its front matter: every problem of the file at once.
      let d = parsed + ControlCharacters.check(source)
      let hashes = SourceHashes(
        file: bytes.withUnsafeBytes(SourceHash.value(of:)),
        frontMatter: StableHash.of(source.frontMatter),
        body: StableHash.of(source.body))
      return (page, d, hashes)
    }
  }

  /// A file with nothing in it (created, not yet written, or saved empty by a failed paste):
  /// "the file has no front matter" told the writer of a `---` they had no reason to know;
  /// the hint is the front matter its kind needs, and the command that writes it.
  static func emptyFile(path: String, kind: ContentKind) -> Diagnostic {
    let keys = kind.requiredKeys.map { "`\($0): …`" }
    let new: String? =
      switch kind {
      case .initiative: "initiative"
      case .event: "event"
      case .glossary: "glossary"
      case .strategy: "strategy"
      case .about: "page"
      case .field: nil
      }
    let command = new.map { " (`portal new \($0) \"…\" --slug …` writes such a file)" } ?? ""
    let commandJa = new.map { "（`portal new \($0) \"…\" --slug …` で、このようなファイルを作れます）" } ?? ""
    return .error(
      SourceLocation(file: path, line: 1, column: 1), "the file is empty",
      hint:
        "write the front matter \(kind.articleName) needs: a line `---`, \(keys.joined(separator: ", ")), another `---`, then the page's text\(command); or delete the file",
      code: "front-matter.missing"
    ).ja(
      "ファイルが空です",
      hint:
        "\(kind.japaneseName)に必要な前付けを書いてください。`---` の行、\(keys.joined(separator: "、"))、もう1つ `---` の行、その下に本文です\(commandJa)。いらないファイルなら消してください"
    )
  }

  /// Whether a path under content/ is a Markdown file the loader reads (as a page, or to warn
  /// that it is not in a content folder); everything else there but site.yml is never read.
  public static func isPageFile(_ relative: String) -> Bool {
    !markdownFiles(among: [relative]).isEmpty
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
  static func files(in contentDirectory: URL) -> [String] {
    var relatives: [String] = []
    let enumerator = FileManager.default.enumerator(
      at: contentDirectory, includingPropertiesForKeys: [.isRegularFileKey],
      options: [.skipsHiddenFiles])
    let rootPath = contentDirectory.standardizedFileURL.path
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
      var relative = String(url.standardizedFileURL.path.dropFirst(rootPath.count))
      while relative.hasPrefix("/") { relative.removeFirst() }
      relatives.append(relative)
    }
    return relatives.sorted()
  }

  public static func join(_ prefix: String, _ relative: String) -> String {
    prefix.isEmpty || prefix == "."
      ? relative : (prefix.hasSuffix("/") ? prefix + relative : prefix + "/" + relative)
  }

  /// A path relative to the working directory when the folder is inside it, as editors expect.
  /// The error for a content or theme folder that does not exist, or nil when it does. Most
  /// often portal was run in another folder than the project's.
  /// - Parameter what: `content` or `theme`, which is also the name of its command-line option.
  public static func missingFolder(_ url: URL, shownAs shown: String, what: String, code: String)
    -> Diagnostic?
  {
    var isFolder: ObjCBool = false
    let fm = FileManager.default
    guard !fm.fileExists(atPath: url.path, isDirectory: &isFolder) || !isFolder.boolValue else {
      return nil
    }
    return .error(
      SourceLocation(file: shown),
      "there is no \(what) folder `\(shown)` in \(fm.currentDirectoryPath)",
      hint:
        "run portal in the project's folder (the one holding content/ and theme/), or give the folder with --\(what) DIR",
      code: code
    ).ja(
      "\(fm.currentDirectoryPath) に、\(what) フォルダー `\(shown)` がありません",
      hint:
        "プロジェクトのフォルダー（content/ と theme/ があるフォルダー）で portal を動かすか、--\(what) DIR でフォルダーを指定してください"
    )
  }

  public static func displayPath(for url: URL) -> String {
    let cwd = FileManager.default.currentDirectoryPath
    let path = url.standardizedFileURL.path
    if path == cwd { return "." }
    if path.hasPrefix(cwd + "/") { return String(path.dropFirst(cwd.count + 1)) }
    return path
  }
}
