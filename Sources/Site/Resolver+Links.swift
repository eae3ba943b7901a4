import Content
import Diagnostics
import Markdown
import Parallel

/// The links of the bodies checked: to pages, files and anchors that exist, with a "did you
/// mean" for those that do not.
extension Resolver {
  /// The links to no file in the bodies of files whose front matter has errors (left out of
  /// the site, `Withheld.broken`): said in the same run as those errors, not after they are
  /// fixed. Their bodies are read again (`ContentLoader.bodyOfBrokenFile`), in a build that
  /// fails anyway.
  static func brokenFilesLinks(_ content: ContentSet, context: BodyContext, known: KnownFiles)
    -> [Diagnostic]
  {
    let broken = content.withheld.filter { if case .broken = $0.value { true } else { false } }
    guard !broken.isEmpty else { return [] }
    let prefix = String(content.configPath.dropLast("site.yml".count))
    return broken.keys.sorted().flatMap { relative -> [Diagnostic] in
      guard
        let page = ContentLoader.bodyOfBrokenFile(relative: relative, shown: prefix + relative)
      else { return [] }
      let out = BodyRenderer.render(page, context: context)
      return linkProblems(
        out.missing, in: page, context: context, withheld: content.withheld, known: known)
    }
  }

  /// What to tell the writer about a body's links to content files that are not pages: a
  /// draft is named as one, a scheduled page with its time, a file of a type not published as
  /// such (it exists: "no content file" sent writers looking for a typo); a file with errors
  /// of its own is not reported again (its errors are what to fix); otherwise the file does
  /// not exist.
  static func linkProblems(
    _ missing: [MissingLink], in page: Page, context: BodyContext, withheld: [String: Withheld],
    known: KnownFiles
  ) -> [Diagnostic] {
    missing.compactMap { link in
      let at = SourceLocation(file: page.path, line: link.line, column: link.column)
      if link.withoutExtension {
        let written =
          Self.relativePath(from: page.relativePath, to: link.target) + fragment(of: link.url)
        return .error(
          at,
          "the link points to `\(link.url)`, which leads to no page: a link to a page names its Markdown file, `.md` and all",
          hint: "write `\(written)`", code: "content.broken-link"
        ).ja(
          "リンク先 `\(link.url)` は、どのページにもつながりません。ページへのリンクは、そのMarkdownファイルの名前を `.md` まで書きます",
          hint: "`\(written)` と書いてください")
      }
      switch withheld[link.target] {
      case .broken?: return nil
      case .draft?:
        return .error(
          at,
          "the link points to `\(link.url)`, but `\(link.target)` is a draft (`draft: true`), which is not published",
          hint:
            "publish it by removing `draft: true`, or take the link out until then (`--drafts` previews drafts)",
          code: "content.broken-link"
        ).ja(
          "リンク先 `\(link.url)` の `\(link.target)` は下書き（`draft: true`）なので、公開されません",
          hint: "`draft: true` を消して公開するか、それまでリンクを外してください（`--drafts` で下書きも見られます）")
      case .scheduled(let publish)?:
        return .error(
          at,
          "the link points to `\(link.url)`, but `\(link.target)` is not published until \(publish.readable) (`publish`)",
          hint:
            "give this page the same `publish` time (or a later one), or take the link out until then (`--drafts` previews both)",
          code: "content.broken-link"
        ).ja(
          "リンク先 `\(link.url)` の `\(link.target)` は、\(publish.readable) まで公開されません（`publish`）",
          hint:
            "このページにも同じ `publish` の日時（かそれより後）を書くか、それまでリンクを外してください（`--drafts` でどちらも見られます）"
        )
      case .unpublishedType?:
        let type = ContentFiles.fileExtension(link.target)
        let shown = type.isEmpty ? "files without an extension" : "`.\(type)` files"
        let shownJa = type.isEmpty ? "拡張子のない" : "`.\(type)` の"
        return .error(
          at,
          "the link points to `\(link.url)`, a file that exists but is not published: \(shown) are not copied to the site",
          hint:
            "save it in a type that is published (\(ContentFiles.extensions.sorted().joined(separator: ", ")); a `.zip` can hold any file), or link to where it is published elsewhere",
          code: "content.broken-link"
        ).ja(
          "リンク先 `\(link.url)` のファイルはありますが、\(shownJa)ファイルはサイトにコピーされないため、公開されません",
          hint:
            "公開できる形式（\(ContentFiles.extensions.sorted().joined(separator: ", "))。`.zip` にすればどのファイルも入れられます）で保存するか、ほかで公開している場所にリンクしてください"
        )
      case .outsideFiles?:
        let meant = Self.relativePath(
          from: page.relativePath, to: ContentFiles.folder + "/" + link.target)
        return .error(
          at,
          "the link points to `\(link.url)`, a file that is in content/ but not published: only files under content/\(ContentFiles.folder)/ are copied to the site",
          hint:
            "move it to content/\(ContentFiles.folder)/\(link.target) and link `\(meant)`",
          code: "content.broken-link"
        ).ja(
          "リンク先 `\(link.url)` のファイルは content/ にありますが、公開されません。サイトにコピーされるのは content/\(ContentFiles.folder)/ の下のファイルだけです",
          hint:
            "content/\(ContentFiles.folder)/\(link.target) に移して、`\(meant)` とリンクしてください"
        )
      case nil:
        // An image or a PDF lives under files/: an example of a page (`other.md`) misleads
        // there, and so does a page offered for it (../glossary/drone.md for drone.jpg).
        let file = !link.target.lowercased().hasSuffix(".md")
        let near =
          (linkSuggestion(
            for: link.target, from: page.relativePath, known: known, written: link.url
          )
          ?? (file
            ? nil : pageTitled(link.text, for: link.target, from: page.relativePath, in: known)))
          .flatMap {
            $0.lowercased().hasSuffix(".md") == !file ? "\($0)\(fragment(of: link.url))" : nil
          }
        let guess = near.map { "did you mean `\($0)`? " }
        let guessJa = near.map { "`\($0)` のまちがいではありませんか。" }
        let example = Self.relativePath(from: page.relativePath, to: "files/map.png")
        return .error(
          at, "the link points to `\(link.url)`, but there is no content file `\(link.target)`",
          hint: "\(guess ?? "")"
            + (file
              ? "put the file under content/files/ and write where it is from this file, e.g. `\(example)`"
              : "link to an existing file under content/, relative to this file"),
          code: "content.broken-link"
        ).ja(
          "リンク先 `\(link.url)` のファイル `\(link.target)` が、content/ にありません",
          hint: "\(guessJa ?? "")"
            + (file
              ? "画像やPDFなどのファイルは content/files/ に置き、このファイルから見た場所で書きます（例：`\(example)`）。ファイルの名前と場所を確かめてください"
              : "content/ にあるファイルの名前と場所を確かめてください。このファイルから見た場所で書きます（同じフォルダーなら `other.md`、ほかのフォルダーなら `../events/other.md`）")
        )
      }
    }
  }

  /// The link to write instead of one to a missing file, as the writer types it: relative to
  /// the linking file (the message names the content path, which pasted in would break again).
  /// A near name in the same folder first; else a file of that name, or one a typo away, in
  /// exactly one other folder (`ai-disaster.md` written from strategy/ for an initiative).
  /// Before those, the path `written` read from the content folder instead, when it names a
  /// file: `initiatives/x.md` written in an initiative means `x.md`, whatever else is near.
  static func linkSuggestion(
    for target: String, from page: String, known: [String], written: String? = nil
  ) -> String? {
    linkSuggestion(for: target, from: page, known: KnownFiles(known), written: written)
  }

  static func linkSuggestion(
    for target: String, from page: String, known: KnownFiles, written: String? = nil
  ) -> String? {
    if let fromRoot = written.flatMap(pathFromRoot), fromRoot != target, known.contains(fromRoot) {
      return relativePath(from: page, to: fromRoot)
    }
    let name = lastComponent(target)
    // The very file name in one other folder (`data.md` written for `../fields/data.md`) is
    // the likeliest slip, before a name that only starts the same (`data-crime-….md`).
    if let matches = known.byName[name], matches.count == 1 {
      return relativePath(from: page, to: matches[0])
    }
    var guess = known.paths.closest(to: target)
    if guess == nil, let near = known.names.closest(to: name), let matches = known.byName[near],
      matches.count == 1
    {
      guess = matches[0]
    }
    return guess.map { relativePath(from: page, to: $0) }
  }

  /// The site's content files, made ready once for the links to missing ones: each link went
  /// through every file (4,000 broken links on 10,000 pages took minutes). In name order, so
  /// that of two as near the first is offered, whatever order the files were found in.
  final class KnownFiles {
    private let found: [String]
    private let titled: [Page]
    init(_ files: [String], pages: [Page] = []) { (found, titled) = (files, pages) }
    /// Files by their last part.
    lazy var byName: [String: [String]] = Dictionary(grouping: found.sorted(), by: lastComponent)
    lazy var paths = Suggest.Candidates(found.sorted())
    lazy var names = Suggest.Candidates(byName.keys.sorted())

    func contains(_ path: String) -> Bool { byName[lastComponent(path)]?.contains(path) == true }

    /// How a page's title matches a link's text: is it, holds it, or is held by it (a title of
    /// 4 characters or more).
    enum TitleMatch: Hashable { case same, holding, heldBy }
    private var matched: [TitleMatch: [String: [Page]]] = [:]
    private lazy var titleLetters = titled.map { Suggest.letters($0.title) }

    /// The pages whose title matches `text`, found once for each text: links that say 「こちら」
    /// are many.
    func pages(_ match: TitleMatch, _ text: String) -> [Page] {
      if let known = matched[match]?[text] { return known }
      // A title holds the text only if it has all its letters: most have not, and are passed
      // over without a search (thousands of links, each to thousands of titles).
      let letters = Suggest.letters(text)
      let found = titled.indices.filter { i in
        let title = titled[i].title
        switch match {
        case .same: return title == text
        case .holding: return letters & ~titleLetters[i] == 0 && title.contains(text)
        case .heldBy:
          return titleLetters[i] & ~letters == 0 && title.count >= 4 && text.contains(title)
        }
      }.map { titled[$0] }
      matched[match, default: [:]][text] = found
      return found
    }
  }

  /// The page a link to a missing `.md` file means by its text, when its file name is far from
  /// any (`[AI等を活用した防災](ai-bousai.md)`, the name guessed from the title): the one page
  /// whose title is the text, else the one whose title holds it (3 characters or more), else
  /// the one whose title the text holds (4 or more); nil when none or several.
  static func pageTitled(
    _ text: String, for target: String, from page: String, in known: KnownFiles
  ) -> String? {
    var text = Substring(text)
    while text.first?.isWhitespace == true { text.removeFirst() }
    while text.last?.isWhitespace == true { text.removeLast() }
    guard target.hasSuffix(".md"), !text.isEmpty else { return nil }
    func only(_ match: KnownFiles.TitleMatch) -> Page? {
      let found = known.pages(match, String(text)).filter { $0.relativePath != page }
      return found.count == 1 ? found[0] : nil
    }
    let meant = only(.same) ?? (text.count >= 3 ? only(.holding) : nil) ?? only(.heldBy)
    return meant.map { relativePath(from: page, to: $0.relativePath) }
  }

  /// A link's path (no `#…`, decoded) as a content path: `initiatives/x.md`, `./x.md` and
  /// `content/x.md` as written from content/; nil for one that climbs (`../`).
  private static func pathFromRoot(_ url: String) -> String? {
    var path = Substring(url.prefix { $0 != "#" && $0 != "?" })
    path = Substring(path.removingPercentEncoding ?? String(path))
    while path.hasPrefix("./") { path = path.dropFirst(2) }
    if path.hasPrefix("content/") { path = path.dropFirst("content/".count) }
    guard !path.isEmpty, !path.hasPrefix("/"),
      !path.split(separator: "/").contains(where: { $0 == ".." || $0 == "." })
    else { return nil }
    return String(path)
  }

  private static func lastComponent(_ path: String) -> String {
    path.split(separator: "/").last.map(String.init) ?? path
  }

  /// `to` as a link written in the file `from` (both content-relative).
  static func relativePath(from: String, to: String) -> String {
    var folder = from.split(separator: "/").dropLast()
    var parts = to.split(separator: "/")[...]
    while let a = folder.first, let b = parts.first, a == b, parts.count > 1 {
      folder = folder.dropFirst()
      parts = parts.dropFirst()
    }
    return (Array(repeating: "..", count: folder.count) + parts.map(String.init))
      .joined(separator: "/")
  }

  private static func fragment(of url: String) -> Substring {
    url.firstIndex(of: "#").map { url[$0...] } ?? ""
  }
}
