import Diagnostics
import Render
import Site

/// A static file where the build writes something of its own is an error, not a silent
/// override either way: the same path (`static/robots.txt`, `static/index.html`, a page's
/// `index.html`), in other capitals only (one file on macOS and Windows), a file where the
/// build makes a folder (`static/events`) or a folder where it writes a file
/// (`static/404.html/x`), and anything under the folders the build owns whole: `search/`
/// (the index's files come and go), `assets/` (the theme's, with hashes in their names) and
/// `.portal/` (the cache).
extension StaticFolder {
  /// The folders whose every file is the build's.
  static let ownedFolders = [".portal", "assets", "search"]

  /// - Parameter jobs: every output the build renders.
  func conflicts(with jobs: [(path: String, job: RenderJob)], in site: Site) -> [Diagnostic] {
    guard !files.isEmpty else { return [] }
    // By lower-case path: the first output written so, and the folders holding outputs.
    var outputs: [String: (path: String, job: RenderJob)] = [:]
    var folders: [String: (folder: String, example: String)] = [:]
    for (path, job) in jobs {
      if outputs[path.lowercased()] == nil { outputs[path.lowercased()] = (path, job) }
      var folder = Substring(path)
      while let slash = folder.lastIndex(of: "/") {
        folder = folder[..<slash]
        let key = folder.lowercased()
        if folders[key] != nil { break }
        folders[key] = (String(folder), path)
      }
    }
    var problems: [Diagnostic] = []
    for file in files {
      let path = file.path
      let key = path.lowercased()
      func report(_ message: String, _ ja: String, hint: String? = nil, jaHint: String? = nil) {
        problems.append(
          .error(
            SourceLocation(file: shown(path)), message,
            hint: hint ?? "rename or remove \(shown(path)): the build's own file is not replaced",
            code: "static.conflict"
          ).ja(
            ja, hint: jaHint ?? "\(shown(path)) の名前を変えるか、取り除いてください（ビルドが作るファイルは置き換えられません）"))
      }
      if let top = key.split(separator: "/").first,
        let owned = Self.ownedFolders.first(where: { $0 == top })
      {
        let (what, ja) = Self.ownedFolder(owned)
        report(
          key.contains("/")
            ? "this file is inside \(owned)/, the folder where the build writes \(what)"
            : "this file has the name of \(owned)/, the folder where the build writes \(what)",
          key.contains("/")
            ? "このファイルは、ビルドが\(ja)を書き出すフォルダー \(owned)/ の中にあります"
            : "このファイルは、ビルドが\(ja)を書き出すフォルダー \(owned)/ と同じ名前です",
          hint: "move it out of \(shown)/\(owned): every file there is the build's",
          jaHint: "\(shown)/\(owned) の外に移してください（そのフォルダーのファイルは、すべてビルドが書き出します）")
      } else if let (output, job) = outputs[key] {
        let (what, ja) = Self.describe(job, in: site)
        let robots = job == .robots
        report(
          output == path
            ? "this file has the path of \(output), which the build writes (\(what))"
            : "this file differs only in capitals from \(output), which the build writes (\(what)): on macOS and Windows they are one file",
          output == path
            ? "このファイルは、ビルドが書き出す \(output)（\(ja)）と同じ場所です"
            : "このファイルは、ビルドが書き出す \(output)（\(ja)）と大文字・小文字だけが違います。macOS と Windows では同じファイルになります",
          hint: robots
            ? "remove \(shown(path)): the build writes robots.txt itself (every crawler let in, the sitemap named; a `--base-url` or `--drafts` preview keeps them all out), and it cannot be replaced; keep a page out of search engines by leaving it a draft"
            : nil,
          jaHint: robots
            ? "\(shown(path)) を取り除いてください。robots.txt はビルドが作ります（すべての検索エンジンを受け入れ、サイトマップの場所を書きます。`--base-url` や `--drafts` のプレビューではすべて断ります）。置き換えることはできません。ページを検索エンジンに載せたくないときは、下書きのままにしてください"
            : nil)
      } else if let (folder, example) = folders[key] {
        let shownExample = outputs[key + "/index.html"]?.path ?? example
        report(
          "this file has the path of the folder \(folder)/, where the build writes \(shownExample)",
          "このファイルは、ビルドが \(shownExample) を書き出すフォルダー \(folder)/ と同じ場所です")
      } else if let file = Self.parents(of: key).lazy.compactMap({ outputs[$0] }).first {
        report(
          "this file is in a folder \(file.path)/, where the build writes the file \(file.path)",
          "このファイルはフォルダー \(file.path)/ の中にありますが、ビルドはそこにファイル \(file.path) を書き出します",
          hint: "rename or move \(shown(file.path))/",
          jaHint: "\(shown(file.path))/ の名前を変えるか、ほかに移してください")
      }
    }
    return problems
  }

  /// `a/b/c` → `a/b`, `a`.
  private static func parents(of path: String) -> [String] {
    var out: [String] = []
    var rest = Substring(path)
    while let slash = rest.lastIndex(of: "/") {
      rest = rest[..<slash]
      out.append(String(rest))
    }
    return out
  }

  private static func ownedFolder(_ folder: String) -> (String, String) {
    switch folder {
    case "search": ("the search index", "検索の索引")
    case "assets": ("the theme's files", "テーマのファイル")
    default: ("its cache and source map", "キャッシュとソースマップ")
    }
  }

  /// What the build writes at an output, in English and Japanese.
  static func describe(_ job: RenderJob, in site: Site) -> (String, String) {
    switch job {
    case .page(let i):
      ("the page made from \(site.pages[i].page.path)", "\(site.pages[i].page.path) から作るページ")
    case .index("home"): ("the home page", "トップページ")
    case .domain, .field, .index, .pastEvents:
      ("a page the build makes from site.yml and the pages", "site.yml とページから作るページ")
    case .notFound: ("the page for missing addresses", "見つからないアドレスのためのページ")
    case .tag(let n):
      (
        "the page of the tag `\(site.tags[n].name)`, made from the pages carrying it",
        "タグ `\(site.tags[n].name)` のページ（そのタグのついたページから作ります）"
      )
    case .sitemap: ("the sitemap, made from the site's pages", "サイトのページから作るサイトマップ")
    case .robots: ("made from site.yml's base_url", "site.yml の base_url から作ります")
    case .eventCalendar, .eventsCalendar, .eventsFeed, .updatesFeed:
      ("a calendar or feed the build makes", "ビルドが作るカレンダーかフィード")
    case .asset: ("a file of the theme's assets/", "テーマの assets/ のファイル")
    case .file(let i):
      ("the file published from \(site.files[i].path)", "\(site.files[i].path) から公開するファイル")
    case .redirect(let r):
      (
        "the page sending readers on from an earlier address (`redirect_from` in \(site.pages[site.redirects[r].page].page.path))",
        "前のアドレスから案内するページ（\(site.pages[site.redirects[r].page].page.path) の `redirect_from`）"
      )
    }
  }
}
