import Content
import Diagnostics
import Foundation
import Site

/// The paths on this site that site.yml links from every page (the navigation, `contact`),
/// checked against what the build writes: a typo (`/serch/`) put a broken link on every page,
/// which `portal check` then reported in every template, never in site.yml.
enum ConfigLinks {
  /// - Parameter known: every output path of the build (`BuildRun.outputPaths`).
  static func problems(_ config: SiteConfig, known: Set<String>) -> [Diagnostic] {
    links(config).compactMap { url, key, location in
      guard let path = path(url) else { return nil }
      guard !AddressLinks.candidates(path).contains(where: known.contains) else { return nil }
      let bare = String(url.prefix { $0 != "#" && $0 != "?" })
      let near = Suggest.closest(to: bare, in: AddressLinks.pageAddresses(known))
      let guess = near.map { "did you mean `\($0)`? " } ?? ""
      return .error(
        location ?? SourceLocation(file: "site.yml"),
        "`\(key)` links to `\(url)`, but the site has no page there",
        hint: "\(guess)write the address of a page of the site, as it is after base_url",
        code: "config.link"
      ).ja(
        "`\(key)` のリンク先 `\(url)` に、サイトのページがありません",
        hint: (near.map { "`\($0)` のまちがいではありませんか。" } ?? "")
          + "サイトのページのアドレスを、base_url より後の部分で書いてください")
    }
  }

  /// The links site.yml puts on every page: the address, its key and where it is written.
  static func links(_ config: SiteConfig) -> [(url: String, key: String, at: SourceLocation?)] {
    var links = config.navigation.map { ($0.url, "navigation", $0.location) }
    if let contact = config.contact { links.append((contact, "contact", config.contactLocation)) }
    return links
  }

  /// The path below the site's root an address of this site names (decoded, without `?…` and
  /// `#…`); nil for another site's.
  static func path(_ url: String) -> String? {
    guard url.hasPrefix("/"), !url.hasPrefix("//") else { return nil }
    let path = String(url.dropFirst().prefix { $0 != "#" && $0 != "?" })
    return path.removingPercentEncoding ?? path
  }

  /// The links to a heading of a page (`contact: /strategy/promotion/#問い合わせ先`), each with
  /// its page.
  static func headingLinks(_ config: SiteConfig, in site: Site) -> [(
    link: HeadingLink, key: String, at: SourceLocation, page: Int
  )] {
    links(config).compactMap { url, key, at in
      guard url.contains("#"), let path = path(url), let i = site.index(atAddress: path),
        let link = HeadingLink(
          url, to: site.pages[i].page.relativePath, line: at?.line ?? 1, column: at?.column ?? 1)
      else { return nil }
      return (link, key, at ?? SourceLocation(file: "site.yml"), i)
    }
  }

  /// A warning for each link of site.yml to a heading its page does not have: a heading
  /// renamed (問い合わせ先 → お問い合わせ) broke the footer's contact link on every page, which
  /// `portal check` reported in every template. Checked in every build (a body edit can rename
  /// the heading); `themeIDs` are read only when an anchor is not among the body's.
  static func headingProblems(
    _ config: SiteConfig, in site: Site, themeIDs: () -> ThemeIDs
  ) -> [Diagnostic] {
    var problems: [Diagnostic] = []
    var theme: ThemeIDs?
    for (link, key, location, i) in headingLinks(config, in: site) {
      let page = site.pages[i]
      guard !page.anchors.contains(link.fragment) else { continue }
      if theme == nil { theme = themeIDs() }
      guard !HeadingLinks.resolves(link.fragment, anchors: page.anchors, themeIDs: theme!) else {
        continue
      }
      let address = String(link.url.prefix { $0 != "#" })
      let near = HeadingLinks.suggestion(for: link.fragment, anchors: page.anchors)
      problems.append(
        .warning(
          location,
          "`\(key)` links to `\(link.url)`, but `\(link.target)` has no heading with the anchor `\(link.fragment)`",
          hint: (near.map { "did you mean `\(address)#\($0)`? " } ?? "")
            + "the link is on every page; write the heading's anchor, or link to the page without `#…`",
          code: "config.link"
        ).ja(
          "`\(key)` のリンク先 `\(link.url)` の見出し「\(link.fragment)」が、`\(link.target)` にありません",
          hint: (near.map { "`\(address)#\($0)` のまちがいではありませんか。" } ?? "")
            + "このリンクはすべてのページにあります。見出しのアンカーを書くか、# から後ろを消してください"))
    }
    return problems
  }
}
