import ByteFormats
import Diagnostics
import Foundation

public struct CheckOptions: Sendable {
  /// The built site (`site`).
  public var site: URL
  /// The folder the source map's paths are relative to (where `portal build` ran).
  public var projectRoot: URL
  /// Overrides the base URL otherwise read from the home page's canonical link or sitemap.xml.
  public var baseURL: String?
  /// Set to check http(s) links too.
  public var external: ExternalCheckOptions?

  public init(
    site: URL, projectRoot: URL = URL(fileURLWithPath: FileManager.default.currentDirectoryPath),
    baseURL: String? = nil, external: ExternalCheckOptions? = nil
  ) {
    self.site = site
    self.projectRoot = projectRoot
    self.baseURL = baseURL
    self.external = external
  }

  public var cacheFile: URL {
    external?.cacheFile ?? site.appendingPathComponent(".portal/external-cache.json")
  }
}

/// Everything a run found, per page (for JUnit) and merged (for text and JSON).
public struct CheckReport: Sendable {
  /// Every file checked: the HTML pages and sitemap.xml.
  public var pages: [String] = []
  public var findings: [Finding] = []
  /// Problems not tied to a page, such as a missing site folder.
  public var general: [Diagnostic] = []
  public var referencesChecked = 0
  public var external = ExternalSummary()
  public var base: SiteBase?

  public struct ExternalSummary: Sendable {
    public var checked = 0
    public var fromCache = 0
    public var skipped = 0
  }

  public var diagnostics: [Diagnostic] { (general + Finding.merge(findings)).sorted }

  /// Errors fail a check; warnings too with `strict`.
  public func failed(strict: Bool) -> Bool {
    let all = general + findings.map(\.diagnostic)
    return all.hasErrors || (strict && all.warningCount > 0)
  }
}

/// `portal check`: reads every page once (in parallel), checks its accessibility and its links
/// to files of the site, then the fragments that point at other pages once all ids are known,
/// then sitemap.xml, and with `--external` the http(s) links.
public enum SiteChecker {
  /// The code of "no built site here": `portal` hints at the folder meant.
  public static let noSiteCode = "check.site"

  public static func check(_ options: CheckOptions) async -> CheckReport {
    var (report, externals, attributor) = checkSite(options)
    if let external = options.external, attributor != nil {
      await checkExternal(
        externals, options: external, site: options.site, cacheFile: options.cacheFile,
        into: &report, attributor!)
    }
    // Known only if a problem needed the map.
    if let problem = attributor?.mapProblem { report.general.append(problem) }
    var timings = CheckTimings()
    if let stale = attributor?.staleSources { report.general.append(stale) }
    timings.step("Looking for sources changed since the build")
    return report
  }

  /// An http(s) link found on a page, kept until its result is known.
  struct ExternalUse: Sendable {
    var url: String
    var page: String
    var reference: Reference
  }

  /// What reading one page gives: its ids and redirect for other pages' fragments, problems
  /// found so far, fragments left for later, and external links.
  struct PageResult: Sendable {
    var page: String
    var ids: Set<String> = []
    var redirect: String?
    var findings: [Finding] = []
    var pending: [(reference: Reference, file: String, fragment: String)] = []
    var externals: [ExternalUse] = []
    var references = 0
  }

  static func checkSite(_ options: CheckOptions) -> (CheckReport, [ExternalUse], Attributor?) {
    var report = CheckReport()
    var timings = CheckTimings()
    guard let scanned = scan(options) else {
      report.general.append(
        .error(
          SourceLocation(file: Paths.display(options.site)), "there is no built site here",
          hint: "run `portal build` first, or give the site folder with --site", code: noSiteCode
        ).ja(
          "サイトのフォルダー `\(Paths.display(options.site))` がありません。ここには、`portal build` で作ったサイトがありません",
          hint: "先に `portal build` でサイトを作るか、`--site` でサイトのフォルダーを指定してください")
      )
      return (report, [], nil)
    }
    // Files the build copied from static/ as they are (a `google<id>.html` verification file)
    // are no pages of the site: read for their ids, so links into them are checked, but what
    // they hold is not reported.
    let copied = Set(StaticFileList.read(site: options.site))
    guard scanned.index.htmlFiles.contains(where: { !copied.contains($0) }) else {
      report.general.append(noPages(options.site))
      return (report, [], nil)
    }
    var index = scanned.index
    let sitemapBytes = scanned.sitemap
    timings.step("Scanning the site and finding the base URL")
    let attributor = Attributor(projectRoot: options.projectRoot, site: options.site)
    let targets = TargetPages(attributor: attributor)
    report.base = index.base

    // Pass 1: every page on its own.
    let firstIndex = index
    let pages = index.htmlFiles
    let results = ConcurrentChunks.map(pages) { chunk in
      let checker = LinkChecker(index: firstIndex)
      var memo: [String: LinkOutcome] = [:]
      return chunk.map { page in
        checkPage(
          page, site: options.site, checker: checker, attributor: attributor, targets: targets,
          memo: &memo)
      }
    }
    for r in results {
      index.ids[r.page] = r.ids
      if let redirect = r.redirect { index.redirects[r.page] = redirect }
    }
    let checked = results.filter { !copied.contains($0.page) }

    timings.step("Checking \(pages.count) pages")

    // Pass 2: fragments on other pages, now that every page's ids are known.
    let fullIndex = index
    let withPending = checked.filter { !$0.pending.isEmpty }
    let fragmentProblems = ConcurrentChunks.map(withPending) { chunk in
      let checker = LinkChecker(index: fullIndex)
      return chunk.flatMap {
        fragmentFindings($0, checker: checker, attributor: attributor, targets: targets)
      }
    }

    timings.step("Checking fragments on other pages")
    report.pages = checked.map(\.page)
    report.findings = checked.flatMap(\.findings) + fragmentProblems
    report.referencesChecked = checked.reduce(0) { $0 + $1.references }
    if let sitemapBytes {
      report.pages.append(SitemapChecker.file)
      report.findings += SitemapChecker.check(
        sitemapBytes, index: index, siteFolder: attributor.siteFolder)
      timings.step("Checking sitemap.xml")
    }
    report.findings += StylesheetPolicy.check(
      site: options.site, base: index.base, attributor: attributor)
    return (report, checked.flatMap(\.externals), attributor)
  }

  /// A folder without a single HTML page is no built site: a wrong `--site` (the theme, an
  /// empty folder) or a build that wrote nothing passed as "no problems", green in CI.
  static func noPages(_ site: URL) -> Diagnostic {
    let folder = Paths.display(site)
    return .error(
      SourceLocation(file: folder), "there is no HTML page in `\(folder)`: it is not a built site",
      hint:
        "run `portal build` first, or give with --site the folder it wrote the site to (its --output, `site` unless given) instead of `\(folder)`",
      code: noSiteCode
    ).ja(
      "`\(folder)` には、ページ（.html のファイル）がひとつもありません。`portal build` で作ったサイトではありません",
      hint:
        "先に `portal build` でサイトを作るか、`--site` で、`\(folder)` ではなく `portal build` がサイトを書き出したフォルダー（`--output` に指定したフォルダー、指定しなければ `site`）を指定してください"
    )
  }

  /// The problems of a page's fragments on other pages, once `checker` knows their ids.
  static func fragmentFindings(
    _ r: PageResult, checker: LinkChecker, attributor: Attributor, targets: TargetPages
  ) -> [Finding] {
    var place = attributor.forPage(r.page)
    return r.pending.compactMap { p in
      let outcome = checker.fragmentOutcome(file: p.file, fragment: p.fragment)
      guard let problem = LinkChecker.problem(outcome, p.reference, targets: targets) else {
        return nil
      }
      let placement = place.reference(
        p.reference.url, element: p.reference.element, attribute: p.reference.attribute,
        offset: p.reference.offset)
      return Finding(page: r.page, problem, placement)
    }
  }

  /// The site's files, with the base URL found (given, else the home page's canonical link,
  /// else sitemap.xml), and sitemap.xml's bytes; nil when there is no site.
  static func scan(_ options: CheckOptions) -> (index: SiteIndex, sitemap: [UInt8]?)? {
    guard var index = SiteIndex.scan(options.site) else { return nil }
    let sitemap =
      index.files.contains(SitemapChecker.file) ? read(options.site, SitemapChecker.file) : nil
    let homeCanonical =
      index.files.contains("index.html")
      ? read(options.site, "index.html").map {
        PageFacts(path: "index.html", document: HTMLDocument($0)).canonical
      } ?? nil
      : nil
    index.findBase(
      given: options.baseURL, homeCanonical: homeCanonical,
      sitemapURLs: sitemap.map { SitemapChecker.entries($0).map(\.url) } ?? [])
    return (index, sitemap)
  }

  static func checkPage(
    _ page: String, site: URL, checker: LinkChecker, attributor: Attributor,
    targets: TargetPages, memo: inout [String: LinkOutcome]
  ) -> PageResult {
    var result = PageResult(page: page)
    guard let bytes = read(site, page) else {
      var place = attributor.forPage(page, html: [])
      result.findings.append(
        Finding(
          page: page, .error, place.htmlPosition(0), "the page could not be read",
          hint:
            "it was removed or made unreadable while the site was checked: build the site again (portal build), then check it again",
          code: "check.read",
          japanese: .init(
            message: "できあがったページ `\(attributor.siteFolder)/\(page)` を読み込めませんでした",
            hint: "確かめている間に、ファイルが消されたか、読めない設定に変わりました。`portal build` でサイトを作り直してから、もう一度確かめてください")))
      return result
    }
    let document = HTMLDocument(bytes)
    let facts = PageFacts(path: page, document: document)
    result.ids = facts.ids
    result.redirect = facts.redirect
    var a11y = attributor.forPage(page, html: bytes)
    result.findings = AccessibilityRules.check(
      document, page: page, isRedirect: facts.redirect != nil, at: &a11y)
    var policy = attributor.forPage(page, html: bytes)
    result.findings += PolicyRules.check(
      document, facts: facts, page: page, base: checker.index.base, at: &policy)
    var place = attributor.forPage(page, html: bytes)
    for reference in facts.references {
      result.references += 1
      let url = reference.url
      let bytes = url.utf8
      let reusable =
        !bytes.contains(UInt8(ascii: "#"))
        && (bytes.first == UInt8(ascii: "/") || bytes.contains(UInt8(ascii: ":")))
      let outcome: LinkOutcome
      if reusable, let known = memo[url] {
        outcome = known
      } else {
        outcome = checker.outcome(url, from: page, ownIDs: facts.ids, allIDs: false)
        if reusable { memo[url] = outcome }
      }
      switch outcome {
      case .external(let absolute):
        result.externals.append(ExternalUse(url: absolute, page: page, reference: reference))
      case .pendingFragment(let file, let fragment):
        result.pending.append((reference, file, fragment))
      default:
        guard let problem = LinkChecker.problem(outcome, reference, targets: targets) else {
          continue
        }
        let placement = place.reference(
          url, element: reference.element, attribute: reference.attribute, offset: reference.offset)
        // A template's own `#x` wanting an id on every page it makes: said alike for each, so
        // the pages are counted in one report (each named its own page, one report per page).
        if placement.namesPage, url.hasPrefix("#"),
          case .missingFragment(let fragment, _, let suggestion) = outcome
        {
          result.findings.append(
            Finding(
              page: page, LinkChecker.templateFragment(url, fragment, suggestion), placement))
          continue
        }
        result.findings.append(Finding(page: page, problem, placement))
      }
    }
    return result
  }

  static func checkExternal(
    _ uses: [ExternalUse], options: ExternalCheckOptions, site: URL, cacheFile: URL,
    into report: inout CheckReport,
    _ attributor: Attributor
  ) async {
    let urls = Array(Set(uses.map(\.url)))
    let outcomes = await ExternalLinkChecker(options: options).check(urls, cacheFile: cacheFile)
    if let offline = ExternalProblems.offline(outcomes.values, at: Paths.display(site)) {
      report.general.append(offline)
      report.external.checked = 0
      return
    }
    report.external.checked = outcomes.values.filter { $0.state != .skipped }.count
    report.external.fromCache = outcomes.values.filter(\.fromCache).count
    report.external.skipped = outcomes.values.filter { $0.state == .skipped }.count
    var byPage: [String: [ExternalUse]] = [:]
    for use in uses { byPage[use.page, default: []].append(use) }
    for (page, list) in byPage.sorted(by: { $0.key < $1.key }) {
      var place = attributor.forPage(page)
      for use in list {
        guard let outcome = outcomes[use.url],
          let problem = ExternalProblems.problem(outcome, URLResolver.display(use.reference.url))
        else { continue }
        let placement = place.reference(
          use.reference.url, element: use.reference.element, attribute: use.reference.attribute,
          offset: use.reference.offset)
        report.findings.append(Finding(page: page, problem, placement))
      }
    }
  }

  static func read(_ site: URL, _ path: String) -> [UInt8]? {
    FileManager.default.contents(atPath: site.appendingPathComponent(path).path).map(Array.init)
  }
}
