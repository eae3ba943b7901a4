import Content
import Diagnostics
import Site

extension RenderPlan {
  /// A page's earlier address (`redirect_from`) that another output already answers, or that
  /// would make a folder where a file is (or the other way round), reported where it is
  /// written: the page there would be replaced, or the build could not write both.
  ///
  /// - Parameter jobs: every output of the site with its path, as `RenderPlan` lists them.
  public static func redirectConflicts(_ jobs: [(path: String, job: RenderJob)], in site: Site)
    -> [Diagnostic]
  {
    guard !site.redirects.isEmpty else { return [] }
    var byPath: [String: [RenderJob]] = [:]
    var folders: Set<Substring> = []
    // Paths and folders by their lower-case form, the first of each: on macOS and Windows
    // `Events/index.html` is `events/index.html`, and writing one replaces the other.
    // The site's own outputs are named first, then the redirects in their order.
    var folded: [String: String] = [:]
    for (path, job) in jobs {
      byPath[path, default: []].append(job)
      for folder in parents(of: path) { guard folders.insert(folder).inserted else { break } }
    }
    let isRedirect = { (job: RenderJob) in if case .redirect = job { true } else { false } }
    for (path, job) in jobs where !isRedirect(job) { fold(path, into: &folded) }
    for (path, job) in jobs where isRedirect(job) { fold(path, into: &folded) }
    var diagnostics: [Diagnostic] = []
    for (r, redirect) in site.redirects.enumerated() {
      let page = site.pages[redirect.page].page
      /// - Parameters: `ja` and `jaHint` are `why` and `hint` in Japanese (`why` after は).
      func report(
        _ why: String, _ ja: String, hint: String, _ jaHint: String, severity: Severity = .error
      ) {
        diagnostics.append(
          Diagnostic(
            severity,
            SourceLocation(file: page.path, line: redirect.line, column: redirect.column),
            "`redirect_from` address \(redirect.url) \(why)", hint: hint,
            code: "content.redirect-conflict"
          ).ja("`redirect_from` のアドレス \(redirect.url) は、\(ja)", hint: jaHint))
      }
      let removeJa = "`redirect_from` から消してください"
      let path = redirect.outputPath
      let others = byPath[path, default: []].filter { $0 != .redirect(r) }
      // A page there is named before another earlier address there.
      if let other = others.first(where: { !isRedirect($0) }) ?? others.first {
        if case .redirect(let o) = other {
          // Reported once, at the later of the two.
          guard o < r else { continue }
          let first = site.redirects[o]
          let there = "\(site.pages[first.page].page.path):\(first.line):\(first.column)"
          report(
            first.page == redirect.page
              ? "is given twice (first at \(there))" : "is also given at \(there)",
            first.page == redirect.page
              ? "2回書かれています（1回目は \(there)）" : "\(there) にも書かれています",
            hint: "an address can send readers to one page only; keep it where it belongs",
            "1つのアドレスから転送できるのは1ページだけです。本来のページにだけ残してください")
        } else {
          report(
            "is \(describe(other, in: site))", "\(describeJa(other, in: site))です",
            hint: "remove it from `redirect_from`: that address still shows a page",
            "\(removeJa)。そのアドレスには今もページがあります")
        }
      } else if path.hasPrefix("search/") {
        report(
          "is inside search/, where the search index is written",
          "検索の索引を書き出す search/ の中にあります",
          hint: "remove it from `redirect_from`", removeJa)
      } else if path.hasPrefix("assets/") || path.hasPrefix(".portal/") {
        // The build owns these folders whole, as for static/: the theme's hashed names and
        // the build's records come and go.
        let folder = path.hasPrefix("assets/") ? "assets/" : ".portal/"
        report(
          "is inside \(folder), which the build writes whole",
          "ビルドが中身をすべて書き出す \(folder) の中にあります",
          hint: "remove it from `redirect_from`", removeJa)
      } else if folders.contains(Substring(path)) {
        report(
          "is a folder of the site's files", "サイトのファイルを入れるフォルダーです",
          hint: "remove it from `redirect_from`", removeJa)
      } else if let file = parents(of: path).first(where: { byPath[String($0)] != nil }) {
        report(
          "would need a folder where the file \(file) is",
          "ファイル \(file) のある場所に、同じ名前のフォルダーが必要になります",
          hint: "remove it from `redirect_from`", removeJa)
      } else if let twin = ([path] + parents(of: path).map { $0 + "/" }).lazy.compactMap({
        written in folded[written.lowercased()].flatMap { $0 == written ? nil : ($0, written) }
      }).first {
        let folder = twin.0.hasSuffix("/")
        let (own, written) = (address(twin.0, in: site), address(twin.1, in: site))
        // A file twin is overwritten on such disks; a folder twin only lands the stub in the
        // site's folder there, so the old address works when built on Linux alone.
        report(
          folder
            ? "puts its page in the folder \(written), which on macOS and Windows is the site's folder \(own) (only the capitals differ): built there, the redirect answers under \(own) instead"
            : "is the site's \(own) in other capitals: on macOS and Windows they are one file, and one would be written over the other",
          folder
            ? "転送用のページをフォルダー \(written) に置きますが、macOS と Windows では、これはサイトのフォルダー \(own) と同じです（大文字と小文字だけが違います）。そこでビルドすると、転送用のページは \(own) の下にできます"
            : "サイトの \(own) と大文字・小文字だけが違います。macOS と Windows では同じファイルになり、一方がもう一方に上書きされます",
          hint:
            "write the old address with the site's own letters, or leave it out (most web servers take \(written) and \(own) as two addresses)",
          "古いアドレスをサイトと同じ大文字・小文字で書くか、消してください（多くの Web サーバーは \(written) と \(own) を別のアドレスとして扱います）",
          severity: folder ? .warning : .error)
      }
    }
    return diagnostics
  }

  /// An output path or folder as the address a reader types: `events/index.html` → `/events/`.
  private static func address(_ path: String, in site: Site) -> String {
    site.urls.url(forOutputPath: path.hasSuffix("/") ? path + "index.html" : path)
  }

  /// Adds `path` and its folders (with a final `/`) under their lower-case forms, unless
  /// another spelling is there first.
  private static func fold(_ path: String, into folded: inout [String: String]) {
    for written in [path] + parents(of: path).map({ $0 + "/" }) {
      let key = written.lowercased()
      if folded[key] == nil { folded[key] = written }
    }
  }

  /// `a/b/c.html` → `a/b`, `a`.
  private static func parents(of path: String) -> [Substring] {
    var out: [Substring] = []
    var rest = Substring(path)
    while let slash = rest.lastIndex(of: "/") {
      rest = rest[..<slash]
      out.append(rest)
    }
    return out
  }

  /// What an output is, for a writer.
  private static func describe(_ job: RenderJob, in site: Site) -> String {
    switch job {
    case .page(let i): "the address of \(site.pages[i].page.path)"
    case .domain(let d): "the address of the page of \(site.domains[d].config.name)"
    case .field(let d, let f): "the address of the page of \(site.domains[d].fields[f].config.name)"
    case .index("about-index"):
      "the address of the list of the pages about the site (このサイトについて), which the build makes while the site has any"
    case .index("tags"):
      "the address of the list of tags, which the build makes while a page has a tag"
    case .tag(let n):
      "the address of the page of the tag `\(site.tags[n].name)`, which the build makes while a page has it"
    case .index: "the address of a list page"
    case .notFound: "the site's page for missing addresses (404.html)"
    case .asset: "a file of the theme"
    case .file(let i): "the address of \(site.files[i].path)"
    default: "a file the build writes"
    }
  }

  /// `describe` in Japanese.
  private static func describeJa(_ job: RenderJob, in site: Site) -> String {
    switch job {
    case .page(let i): "\(site.pages[i].page.path) のアドレス"
    case .domain(let d): "\(site.domains[d].config.name)のページのアドレス"
    case .field(let d, let f): "\(site.domains[d].fields[f].config.name)のページのアドレス"
    case .index("about-index"):
      "「このサイトについて」のページの一覧のアドレス（そのページがあるあいだ、ビルドが作ります）"
    case .index("tags"): "タグの一覧のアドレス（タグのついたページがあるあいだ、ビルドが作ります）"
    case .tag(let n): "タグ `\(site.tags[n].name)` のページのアドレス（そのタグのついたページがあるあいだ、ビルドが作ります）"
    case .index: "一覧ページのアドレス"
    case .notFound: "見つからないアドレスのためのページ（404.html）"
    case .asset: "テーマのファイル"
    case .file(let i): "\(site.files[i].path) のアドレス"
    default: "ビルドが書き出すファイル"
    }
  }
}
