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
    for (path, job) in jobs {
      byPath[path, default: []].append(job)
      for folder in parents(of: path) { guard folders.insert(folder).inserted else { break } }
    }
    var diagnostics: [Diagnostic] = []
    for (r, redirect) in site.redirects.enumerated() {
      let page = site.pages[redirect.page].page
      func report(_ why: String, hint: String) {
        diagnostics.append(
          .error(
            SourceLocation(file: page.path, line: redirect.line, column: redirect.column),
            "`redirect_from` address \(redirect.url) \(why)", hint: hint,
            code: "content.redirect-conflict"))
      }
      let path = redirect.outputPath
      let others = byPath[path, default: []].filter { $0 != .redirect(r) }
      // A page there is named before another earlier address there.
      let isRedirect = { (job: RenderJob) in if case .redirect = job { true } else { false } }
      if let other = others.first(where: { !isRedirect($0) }) ?? others.first {
        if case .redirect(let o) = other {
          // Reported once, at the later of the two.
          guard o < r else { continue }
          let first = site.redirects[o]
          let there = "\(site.pages[first.page].page.path):\(first.line):\(first.column)"
          report(
            first.page == redirect.page
              ? "is given twice (first at \(there))" : "is also given at \(there)",
            hint: "an address can send readers to one page only; keep it where it belongs")
        } else {
          report(
            "is \(describe(other, in: site))",
            hint: "remove it from `redirect_from`: that address still shows a page")
        }
      } else if path.hasPrefix("search/") {
        report(
          "is inside search/, where the search index is written",
          hint: "remove it from `redirect_from`")
      } else if folders.contains(Substring(path)) {
        report(
          "is a folder of the site's files", hint: "remove it from `redirect_from`")
      } else if let file = parents(of: path).first(where: { byPath[String($0)] != nil }) {
        report(
          "would need a folder where the file \(file) is", hint: "remove it from `redirect_from`")
      }
    }
    return diagnostics
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
    case .index: "the address of a list page"
    case .notFound: "the site's page for missing addresses (404.html)"
    case .asset: "a file of the theme"
    case .file(let i): "the address of \(site.files[i].path)"
    default: "a file the build writes"
    }
  }
}
