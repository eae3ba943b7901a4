import Diagnostics
import Foundation

extension SiteChecker {
  /// `portal check` of one built page: its accessibility rules and its links, fragments on
  /// other pages included (their ids read from just those pages), placed in the Markdown behind
  /// them; not sitemap.xml or external links. What `portal serve` shows on the page a writer
  /// previews, without reading the site's other pages.
  ///
  /// - Parameter page: the output file, relative to the site folder (`initiatives/a/index.html`).
  public static func checkPage(_ page: String, options: CheckOptions) -> [Diagnostic] {
    guard var index = scan(options)?.index, index.files.contains(page) else { return [] }
    let attributor = Attributor(projectRoot: options.projectRoot, site: options.site)
    var memo: [String: LinkOutcome] = [:]
    let result = checkPage(
      page, site: options.site, checker: LinkChecker(index: index), attributor: attributor,
      memo: &memo)
    // The ids of the pages its fragments point at, and of the pages those redirect to.
    let resolver = URLResolver(base: index.base)
    var targets = Set(result.pending.map(\.file))
    for _ in 0..<5 where !targets.isEmpty {
      var next: Set<String> = []
      for file in targets where index.ids[file] == nil {
        guard let bytes = read(options.site, file) else { continue }
        let facts = PageFacts(path: file, document: HTMLDocument(bytes))
        index.ids[file] = facts.ids
        guard let redirect = facts.redirect else { continue }
        index.redirects[file] = redirect
        if case .local(let target, _, _) = resolver.resolve(redirect, from: file) {
          next.insert(target)
        }
      }
      targets = next
    }
    let fragments = fragmentFindings(
      result, checker: LinkChecker(index: index), attributor: attributor)
    return (result.findings + fragments).map(\.pageDiagnostic).sorted
  }
}
