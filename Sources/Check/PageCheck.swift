import Diagnostics
import Foundation

/// `portal check` of one built page at a time: its accessibility rules and its links, fragments
/// on other pages included (their ids read from just those pages), placed in the Markdown
/// behind them; not sitemap.xml or external links. What `portal serve` shows on the page a
/// writer previews, without reading the site's other pages. The site's files are listed once
/// (about 0.2 s at 10,000 pages), so keep one checker until the site changes.
public final class PageChecker: @unchecked Sendable {
  private let options: CheckOptions
  private let attributor: Attributor
  private let targets: TargetPages
  /// The site's files; ids and redirects are added as pages are read. Used by one caller at a
  /// time.
  private var index: SiteIndex

  /// Nil when there is no built site.
  public init?(options: CheckOptions) {
    guard let index = SiteChecker.scan(options)?.index else { return nil }
    self.options = options
    self.index = index
    self.attributor = Attributor(projectRoot: options.projectRoot, site: options.site)
    self.targets = TargetPages(attributor: attributor)
  }

  /// - Parameter page: the output file, relative to the site folder (`initiatives/a/index.html`).
  public func check(_ page: String) -> [Diagnostic] {
    guard index.files.contains(page) else { return [] }
    var memo: [String: LinkOutcome] = [:]
    let result = SiteChecker.checkPage(
      page, site: options.site, checker: LinkChecker(index: index), attributor: attributor,
      targets: targets, memo: &memo)
    // The ids of the pages its fragments point at, and of the pages those redirect to.
    let resolver = URLResolver(base: index.base)
    var targets = Set(result.pending.map(\.file))
    for _ in 0..<5 where !targets.isEmpty {
      var next: Set<String> = []
      for file in targets where index.ids[file] == nil {
        guard let bytes = SiteChecker.read(options.site, file) else { continue }
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
    let fragments = SiteChecker.fragmentFindings(
      result, checker: LinkChecker(index: index), attributor: attributor, targets: self.targets)
    return (result.findings + fragments).map(\.pageDiagnostic).sorted
  }
}

extension SiteChecker {
  /// One page checked on its own (see `PageChecker`).
  public static func checkPage(_ page: String, options: CheckOptions) -> [Diagnostic] {
    PageChecker(options: options)?.check(page) ?? []
  }
}
