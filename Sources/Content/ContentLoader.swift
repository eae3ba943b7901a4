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
  /// The hash of site.yml's bytes as this load read them (`StableHash`), what the pages were
  /// made from even when the file has been saved again since (`portal serve` builds while the
  /// writer types), and its `SourceHash` for `portal check`.
  public var configDigest: UInt64 = 0
  public var configSourceHash: UInt64 = 0
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
  /// Each page's front matter and the values of the keys `load(frontMatterKeys:)` was asked
  /// for, by relative path: for `portal lint`, empty for the build.
  public var frontMatters: [String: FrontMatterReading] = [:]
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
  /// An image or a document elsewhere in `content/` (`images/map.png`): only `files/` is
  /// published (`content.file-place`).
  case outsideFiles
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
  ///   - frontMatterKeys: for each page, the text values of each set of keys, which
  ///     `ContentSet.frontMatters` gives, read from the node the page was read from
  ///     (`FrontMatterReading`; `portal lint` asks). The build asks for none and pays nothing
  ///     for them. The memo keeps no values: when keys are asked for, every file is read and
  ///     parsed.
  public static func load(
    contentDirectory: URL, displayPrefix: String? = nil, includeDrafts: Bool = false,
    memo: ParseMemo? = nil, knownFiles: [String]? = nil, now: DateTime? = nil,
    frontMatterKeys: [Set<String>] = []
  )
    -> (ContentSet?, [Diagnostic])
  {
    let prefix = displayPrefix ?? displayPath(for: contentDirectory)
    let configPath = join(prefix, "site.yml")
    let configData: Data
    var diagnostics: [Diagnostic]
    let config: SiteConfig?
    switch readConfig(contentDirectory, prefix: prefix, configPath: configPath) {
    case .failed(let problems): return (nil, problems)
    case .read(let c, let data, let d): (config, configData, diagnostics) = (c, data, d)
    }

    let rootPath = contentDirectory.standardizedFileURL.path
    let allFiles: [String]
    if let knownFiles {
      allFiles = knownFiles
    } else {
      // The build refuses these from its own walk; read without it (`portal lint`), they are
      // said the same way and not read.
      let scanned = Self.scan(contentDirectory)
      allFiles = scanned.files
      diagnostics += scanned.leaving.map {
        LinkLeaving.error(file: join(prefix, $0.relative), target: $0.target, folder: "content")
      }
    }
    let (found, fileProblems) = findFiles(among: allFiles, root: rootPath, prefix: prefix)
    diagnostics += fileProblems
    let (files, published, unpublished) = (found.pages, found.published, found.unpublished)

    let memo = frontMatterKeys.isEmpty ? memo : nil
    let configDigest = StableHash.of(data: configData)
    memo?.use(config: config, key: configDigest)
    let parsed = parseFiles(
      files, memo: memo, config: config, prefix: prefix, reading: frontMatterKeys)
    var pages: [Page] = []
    var hashes: [String: SourceHashes] = [:]
    var frontMatters: [String: FrontMatterReading] = [:]
    var withheld: [String: Withheld] = [:]
    for relative in unpublished { withheld[relative] = .unpublishedType }
    for relative in found.misplaced { withheld[relative] = .outsideFiles }
    var broken: [(relativePath: String, kind: ContentKind)] = []
    for (file, result) in zip(files, parsed) {
      guard let (page, d, h, reading) = result else { continue }
      diagnostics += d
      if let page {
        pages.append(page)
        hashes[page.relativePath] = h
        frontMatters[page.relativePath] = reading
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
    if let now {
      diagnostics += clockWarnings(pages, at: now, files: files, prefix: prefix)
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
        config: config, pages: pages, configPath: configPath, configDigest: configDigest,
        configSourceHash: configData.withUnsafeBytes(SourceHash.value(of:)), hashes: hashes,
        files: published,
        withheld: withheld, warningsEnd: warningsEnd, frontMatters: frontMatters),
      diagnostics
    )
  }

  /// One file's parse: its page, its problems, its hashes, and what `reading` asked of its
  /// front matter.
  typealias FileParse = (Page?, [Diagnostic], SourceHashes?, FrontMatterReading?)

  /// Every file's parse, in the files' order: from the memo when it holds the file as it is
  /// now, else read and parsed (in parallel) and stored in the memo.
  static func parseFiles(
    _ files: [PageFile], memo: ParseMemo?,
    config: SiteConfig?, prefix: String, reading: [Set<String>] = []
  ) -> [FileParse?] {
    // Files the memo already holds are taken on this thread (a rebuild in `portal serve`
    // finds nearly all of them there); only the rest are read and parsed, in parallel.
    var parsed: [FileParse?] = Array(repeating: nil, count: files.count)
    var stamps: [FileStamp?] = Array(repeating: nil, count: files.count)
    if let memo {
      for (i, file) in files.enumerated() {
        stamps[i] = memo.stamp(file.relative, path: file.path)
        if let stamp = stamps[i], let e = memo.entry(file.relative, stamp: stamp) {
          parsed[i] = (e.page, e.diagnostics, e.hashes, nil)
        }
      }
    }
    let missing = parsed.indices.filter { parsed[$0] == nil }
    let fresh = missing.parallelMap { [files, stamps] i in
      let file = files[i]
      let result = Self.parse(
        at: file.path, shownAs: join(prefix, file.relative), relative: file.relative,
        kind: file.kind, config: config, reading: reading)
      if let memo, let stamp = stamps[i] {
        memo.store(
          file.relative,
          .init(stamp: stamp, page: result.0, diagnostics: result.1, hashes: result.2))
      }
      return result
    }
    for (i, result) in zip(missing, fresh) { parsed[i] = result }
    memo?.keep(only: files.map(\.relative))
    return parsed
  }

  /// The warnings the clock gives pages (an `updated` day still to come, a `publish` time far
  /// ahead), each at its line in the file.
  static func clockWarnings(
    _ pages: [Page], at now: DateTime, files: [PageFile],
    prefix: String
  ) -> [Diagnostic] {
    guard
      pages.contains(where: {
        FutureDates.updatedToCome($0, at: now) || FarPublish.isFar($0, at: now)
      })
    else { return [] }
    var places: [String: (path: String, shown: String)] = [:]
    for file in files { places[file.relative] = (file.path, join(prefix, file.relative)) }
    return FutureDates.check(pages, at: now, files: places)
      + FarPublish.check(pages, at: now, files: places)
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
    let (page, diagnostics, hashes, _) = parse(
      at: fullPath, shownAs: path, relative: relative, kind: kind, config: config, reading: [])
    return (page, diagnostics, hashes)
  }

  /// `parse`, and the values of `reading`'s keys for a page (`FrontMatterReading`).
  static func parse(
    at fullPath: String, shownAs path: String, relative: String, kind: ContentKind,
    config: SiteConfig?, reading: [Set<String>]
  ) -> FileParse {
    guard let bytes = FileBytes.read(fullPath) else {
      let why = FileBytes.whyUnreadable(fullPath)
      return (
        nil,
        [
          .error(
            SourceLocation(file: path), "the file could not be read: \(why.english)",
            hint:
              "a page is a plain text file ending in `.md`: rename a folder or other file so its name does not end in `.md`, or make the file readable",
            code: "source.read"
          ).ja(
            "ファイルを読めませんでした：\(why.japanese)",
            hint: "ページは `.md` で終わるテキストファイルです。フォルダーやほかのファイルなら `.md` で終わらない名前にし、ファイルなら読めるようにしてください")
        ],
        nil, nil
      )
    }
    if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
      return (nil, [emptyFile(path: path, kind: kind)], nil, nil)
    }
    if let (start, end) = MergeConflicts.first(in: bytes) {
      return (nil, [MergeConflicts.error(path: path, start: start, end: end)], nil, nil)
    }
    switch SourceFile.read(bytes: bytes, path: path, relativePath: relative) {
    case .failure(let d): return (nil, [d], nil, nil)
    case .success(let source):
      let (page, parsed, read) = PageParser.parse(
        source, kind: kind, config: config, reading: reading)
      // The body's own characters, whatever its front matter: every problem of the file at once.
      let d = parsed + ControlCharacters.check(source)
      let hashes = SourceHashes(
        file: bytes.withUnsafeBytes(SourceHash.value(of:)),
        frontMatter: SourceHashes.part(source.frontMatter), body: SourceHashes.part(source.body))
      return (page, d, hashes, read)
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
}
