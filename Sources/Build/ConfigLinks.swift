import Content
import Diagnostics
import Foundation
import Site

/// The paths on this site that site.yml links from every page (the navigation, `contact`),
/// checked against what the build writes: a typo (`/serch/`) put a broken link on every page,
/// which `portal check` then reported in every template, never in site.yml.
enum ConfigLinks {
  /// - Parameter outputs: the output paths of the pages (`strategy/index.html`).
  static func problems(
    _ config: SiteConfig, outputs: Set<String>, files: [ContentFile], assets: [String]
  ) -> [Diagnostic] {
    var links = config.navigation.map { ($0.url, "navigation", $0.location) }
    if let contact = config.contact { links.append((contact, "contact", config.contactLocation)) }
    let known = outputs.union(files.map(\.relativePath)).union(assets)
    return links.compactMap { url, key, location in
      guard url.hasPrefix("/"), !url.hasPrefix("//") else { return nil }
      var path = String(url.dropFirst().prefix { $0 != "#" && $0 != "?" })
      path = path.removingPercentEncoding ?? path
      guard !AddressLinks.candidates(path).contains(where: known.contains) else { return nil }
      let bare = String(url.prefix { $0 != "#" && $0 != "?" })
      let near = Suggest.closest(to: bare, in: AddressLinks.pageAddresses(outputs))
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
}
