import Content
import Diagnostics

/// Pages the last build published that this one does not: a renamed file, a changed `slug`, a
/// page made a draft. Their addresses live on in bookmarks, other sites' links and printed QR
/// codes, which now reach the 404 page; a `redirect_from` on the page that replaces one keeps
/// them working. Said once, by the build that drops the page (not kept for "Up to date"
/// builds), and not in `--strict` builds: a page removed on purpose could never be built
/// strictly, and CI builds from scratch, with no last build to compare.
enum GonePages {
  static let code = "content.page-gone"

  /// Where a gone page's file went, as far as the build can tell: the page it was is the
  /// place to add `redirect_from`, so the warning is put there when there is one.
  enum Successor: Equatable {
    /// The same file, now at another address (its `slug`): the location is the `slug` value
    /// (or the file's start when the address changed otherwise).
    case moved(to: String, at: SourceLocation)
    /// The file is gone and one page of the same section is new in this build (a renamed
    /// file, most likely): its file and address.
    case likely(file: String, address: String)

    /// The address the page is at now (`/initiatives/new-name/`).
    var address: String {
      switch self {
      case .moved(let to, _): to
      case .likely(_, let address): address
      }
    }
  }

  /// A warning for each page (an `.html` output other than the 404 page) in `previous` and not
  /// in `current`: at the page that may replace it (`successors`), else at the file that made
  /// it, gone now, when the last build's source map says (`sources`), else at the content
  /// folder; for a page the build leaves out (`withheld`, by output path:
  /// a draft, or one waiting for its `publish` time), at that file's `draft` or `publish`
  /// value, saying so.
  static func warnings(
    previous: some Sequence<String>, current: Set<String>, at content: String,
    withheld: [String: (location: SourceLocation, why: Withheld)] = [:],
    sources: [String: String] = [:], successors: [String: Successor] = [:]
  )
    -> [Diagnostic]
  {
    previous.filter { isPage($0) && !current.contains($0) }.sorted().map { path in
      let address = address(of: path)
      if let (location, why) = withheld[path] { return held(address, at: location, why: why) }
      let redirect = "`redirect_from: \(address)`"
      switch successors[path] {
      case .moved(let to, let location):
        return .warning(
          location,
          "the page \(address) that the last build published is now at \(to): \(Self.lost(now: true, to: "the old address"))",
          hint:
            "add \(redirect) to this page's front matter to keep the old address working; if dropping it was on purpose, nothing needs doing (this is said once)",
          code: code
        ).ja(
          "前回のビルドで公開していたページ \(address) のアドレスが \(to) に変わりました。古いアドレスの\(lostJa)",
          hint:
            "古いアドレスも使えるようにするなら、このページの前付けに \(redirect) を書いてください。わざと変えたときは、このままで構いません（この警告は一度だけ出ます）"
        )
      case .likely(let file, let to):
        let from = sources[path].map { " from \($0)" } ?? ""
        let fromJa = sources[path].map { "（\($0)）" } ?? " "
        return .warning(
          SourceLocation(file: file),
          "the page \(address) that the last build published\(from) is gone, and this page, \(to), is new in its section: \(Self.lost(now: true, to: "the old address"))",
          hint:
            "if this page replaces it, add \(redirect) to its front matter; if the old page was removed on purpose, nothing needs doing (this is said once)",
          code: code
        ).ja(
          "前回のビルドで公開していたページ \(address)\(fromJa)がなくなり、同じ区分にこのページ（\(to)）が新しくできました。\(lostJa)",
          hint: "このページが代わりなら、前付けに \(redirect) を書いてください。わざと消したときは、このままで構いません（この警告は一度だけ出ます）"
        )
      case nil:
        let from = sources[path].map { " from \($0)" } ?? ""
        let fromJa = sources[path].map { "（\($0)）" } ?? " "
        // At the file that made it, gone now: an editor's list of problems names it, where
        // `content:1:1` pointed at no file.
        return .warning(
          SourceLocation(file: sources[path] ?? content),
          "the page \(address) that the last build published\(from) is gone: \(Self.lost(now: true))",
          hint:
            "if the page moved, add \(redirect) to the page that replaces it; if it was removed on purpose, nothing needs doing (this is said once)",
          code: code
        ).ja(
          "前回のビルドで公開していたページ \(address)\(fromJa)がなくなりました。\(lostJa)",
          hint:
            "ページを移したときは、移した先のページに \(redirect) を書いてください。わざと消したときは、このままで構いません（この警告は一度だけ出ます）"
        )
      }
    }
  }

  /// The address a reader types for an output path: `/events/` for `events/index.html`.
  static func address(of path: String) -> String {
    "/" + (path.hasSuffix("index.html") ? String(path.dropLast(10)) : path)
  }

  /// The successors of the gone pages (`Successor`), from the file each was made from
  /// (`sources`, by output path) and the pages of this build (`pages`: output path and file;
  /// `isNew` for those the last build did not make):
  /// a file still making a page moved; else the one new page of the section (the output path's
  /// first folder) when exactly one page of that section is gone with its file. `location`
  /// gives a file's `slug` value.
  static func successors(
    of sources: [String: String], pages: [(path: String, file: String)],
    isNew: (String) -> Bool, location: (String) -> SourceLocation
  ) -> [String: Successor] {
    let goneFiles = Set(sources.values)
    var pageOf: [String: String] = [:]
    var fresh: [String: [(path: String, file: String)]] = [:]
    for page in pages {
      if goneFiles.contains(page.file) { pageOf[page.file] = page.path }
      if isNew(page.path), !goneFiles.contains(page.file) {
        fresh[section(of: page.path), default: []].append(page)
      }
    }
    var found: [String: Successor] = [:]
    var orphans: [String: [String]] = [:]
    for (path, file) in sources {
      if let now = pageOf[file] {
        found[path] = .moved(to: address(of: now), at: location(file))
      } else {
        orphans[section(of: path), default: []].append(path)
      }
    }
    for (section, paths) in orphans where paths.count == 1 {
      guard let new = fresh[section], new.count == 1 else { continue }
      found[paths[0]] = .likely(file: new[0].file, address: address(of: new[0].path))
    }
    return found
  }

  private static func section(of path: String) -> String {
    guard let slash = path.firstIndex(of: "/") else { return "" }
    return String(path[..<slash])
  }

  /// A page the last build published that this one leaves out as a draft or until its
  /// `publish` time: the file is there, and the hint is how to keep it out or bring it back
  /// (a `redirect_from` would not).
  private static func held(_ address: String, at location: SourceLocation, why: Withheld)
    -> Diagnostic
  {
    if case .scheduled(let publish) = why {
      return .warning(
        location,
        "the page \(address) that the last build published is left out until its `publish` time, \(publish.readable): until then \(Self.lost(now: false))",
        hint:
          "if it should stay published, take `publish` out or write a time already past; if it is held back on purpose, nothing needs doing (this is said once)",
        code: code
      ).ja(
        "前回のビルドで公開していたページ \(address) は、`publish` の \(publish.readable) まで公開されなくなりました。それまで、\(lostJa)",
        hint:
          "公開したままにするなら、`publish` を消すか、過ぎた日時にしてください。わざと公開を止めたときは、このままで構いません（この警告は一度だけ出ます）")
    }
    return .warning(
      location,
      "the page \(address) that the last build published is now a draft (`draft: true`) and is not built: \(Self.lost(now: false))",
      hint:
        "if it should stay published, take `draft: true` out; if it was withdrawn on purpose, nothing needs doing (this is said once)",
      code: code
    ).ja(
      "前回のビルドで公開していたページ \(address) は、下書き（`draft: true`）になったため作られません。\(lostJa)",
      hint: "公開したままにするなら、`draft: true` を消してください。わざと公開を止めたときは、このままで構いません（この警告は一度だけ出ます）")
  }

  /// What a page gone means to residents.
  private static func lost(now: Bool, to page: String = "it") -> String {
    "a bookmark, another site's link or a printed QR code leading to \(page) \(now ? "now " : "")reaches the page for missing addresses"
  }
  private static let lostJa = "ブックマークやほかのサイトのリンク、印刷したQRコードからは、ページが見つからなくなります"

  /// Tags' pages (`tags/`) are not: one goes when no page carries its tag any more, which is
  /// what removing the tag means, and no `redirect_from` could keep it.
  static func isPage(_ path: String) -> Bool {
    path.hasSuffix(".html") && path != "404.html" && !path.hasPrefix("search/")
      && !path.hasPrefix(".") && !path.hasPrefix("tags/")
  }
}
