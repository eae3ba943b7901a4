import Content
import Diagnostics
import Foundation

/// A link in a body written as an address of the built site (`/initiatives/smart-agriculture/`,
/// copied from the browser, or `../smart-agriculture/` from the page's own), not as a file:
/// its page is known only once every output is.
public struct AddressLink: Sendable, Hashable {
  /// As written.
  public var url: String
  /// The path it names below the site's root, decoded, without the base path, `#…` or `?…`
  /// (`initiatives/smart-agriculture/`).
  public var path: String
  public var line: Int
  public var column: Int
  /// An image's address (`![地図](/map.png)`), not a link's: said so in the warning.
  public var isImage = false

  public init(url: String, path: String, line: Int, column: Int, isImage: Bool = false) {
    (self.url, self.path, self.line, self.column) = (url, path, line, column)
    self.isImage = isImage
  }
}

/// Links written as addresses that lead to no page or file of the build, found when the site
/// is built instead of only by `portal check` after it: a writer who copies an address from
/// the browser and mistypes it, or links a page that was renamed, hears it from `portal build`
/// and `portal serve` at the link's line and column, with the address meant and the page's
/// file to link instead. Each body's address links are kept in the incremental cache, so every
/// build checks all of them against the outputs it plans, those of bodies taken from the cache
/// too (a file removed from the static folder is reported at the links to it). A `#…` after a
/// page's address is a `HeadingLink` to that page as well.
///
/// A warning, as a link to a missing heading is (`HeadingLinks`): the site is still whole, the
/// reader reaches the page for missing addresses, and a page removed should not stop the build
/// of every other edit; `--strict` fails on it, and `portal check` reports it as an error
/// (`link.broken`).
public enum AddressLinks {
  public static let code = "content.address-link"

  /// The output files an address may name: `path/index.html` for a folder's address, the file
  /// itself or the folder of that name otherwise (`/events` is served as `/events/`).
  public static func candidates(_ path: String) -> [String] {
    path.isEmpty || path.hasSuffix("/") ? [path + "index.html"] : [path, path + "/index.html"]
  }

  /// The addresses of the pages among `outputs` (`/initiatives/x/` for
  /// `initiatives/x/index.html`), sorted: what a suggestion is chosen from.
  public static func pageAddresses<S: Sequence<String>>(_ outputs: S) -> [String] {
    outputs.filter { $0.hasSuffix("index.html") }.sorted().map {
      "/" + $0.dropLast("index.html".count)
    }
  }

  /// Whether every link names an output `known` holds.
  public static func resolve(_ links: [AddressLink], known: (String) -> Bool) -> Bool {
    links.allSatisfy { candidates($0.path).contains(where: known) }
  }

  /// A warning for each address link that names no output. `known`: every output path of the
  /// build (pages, lists, feeds, the static folder's files, `files/`, the theme's assets).
  public static func problems(in site: Site, known: Set<String>) -> [Diagnostic] {
    var problems: [Diagnostic] = []
    var addresses: Suggest.Candidates?
    for p in site.pages where !resolve(p.addressLinks, known: known.contains) {
      for link in p.addressLinks where !resolve([link], known: known.contains) {
        // The pages' addresses, for a suggestion: made only when a link leads nowhere.
        if addresses == nil { addresses = Suggest.Candidates(pageAddresses(known)) }
        problems.append(
          problem(link, in: p, site: site, addresses: addresses!, known: known))
      }
    }
    return problems
  }

  /// The page whose file is named as `url` names an HTML file (`online-procedures.html` →
  /// `online-procedures.md`), in the linking page's folder first, as the linking file reaches it.
  static func htmlNamed(_ url: String, from relativePath: String, in site: Site) -> String? {
    let path = url.prefix { $0 != "#" && $0 != "?" }
    guard !path.contains(":"), path.hasSuffix(".html") || path.hasSuffix(".htm"),
      let name = path.split(separator: "/").last
    else { return nil }
    let stem = name.prefix { $0 != "." }
    guard !stem.isEmpty else { return nil }
    let folder = relativePath.split(separator: "/").dropLast().joined(separator: "/")
    let matches = site.pages.map(\.page.relativePath).filter {
      $0.split(separator: "/").last == Substring(stem + ".md")
    }
    // Named alike in several folders: each, to choose from (one in the page's folder wins).
    let targets = matches.first(where: { $0.hasPrefix(folder + "/") }).map { [$0] } ?? matches
    guard !targets.isEmpty else { return nil }
    return targets.map { Resolver.relativePath(from: relativePath, to: $0) }.joined(
      separator: "`, `")
  }

  private static func problem(
    _ link: AddressLink, in resolved: ResolvedPage, site: Site, addresses: Suggest.Candidates,
    known: Set<String>
  ) -> Diagnostic {
    let page = resolved.page
    let what = link.isImage ? "image" : "link"
    let at = SourceLocation(file: page.path, line: link.line, column: link.column)
    // Written relative to the page's address as if to its file's folder (`../initiatives/`
    // from /initiatives/x/ leads to /initiatives/initiatives/): the same read from the root.
    let relative = !link.url.hasPrefix("/") && !BodyRenderer.hasScheme(link.url)
    let fromRoot = relative ? rootRead(link.url) : nil
    let meantFromRoot = fromRoot.flatMap {
      candidates($0).contains(where: known.contains) ? "/" + $0 : nil
    }
    let near = meantFromRoot ?? addresses.closest(to: "/" + link.path)
    // The page meant, by its file: a link that follows the page when its slug changes. A
    // `.html` name (an old CMS's habit) is the page whose file has that name, in its folder
    // first.
    let byName = htmlNamed(link.url, from: page.relativePath, in: site)
    let file =
      byName
      ?? near.flatMap { site.index(atAddress: String($0.dropFirst())) }.map {
        Resolver.relativePath(from: page.relativePath, to: site.pages[$0].page.relativePath)
      }
    var hint = byName == nil ? near.map { "did you mean `\($0)`? " } ?? "" : ""
    var hintJa = byName == nil ? near.map { "`\($0)` のまちがいではありませんか。" } ?? "" : ""
    var rules: [(String, String)] = []
    if meantFromRoot != nil {
      rules.append(
        (
          "an address is read from the page's own address (`\(resolved.url)`), not from its file",
          "アドレスは、ファイルの場所ではなくページのアドレス（`\(resolved.url)`）から読まれます。"
        ))
    }
    if let file {
      rules.append(
        (
          "link the page by its file, `\(file)`, which follows the page if its address changes",
          "ページへは、アドレスが変わってもたどれるファイルで `\(file)` のようにリンクしてください"
        ))
    } else if near == nil {
      rules.append(
        (
          "write the address of a page of the site as the browser shows it after base_url, or link a page by its file (`../initiatives/x.md`)",
          "サイトのページへは、そのページのファイルへ（`../initiatives/x.md` のように）リンクするか、ブラウザーのアドレス欄に出るアドレスの、サイトの名前より後の部分（`/initiatives/x/` のように）を書いてください"
        ))
    }
    hint += rules.map(\.0).joined(separator: "; ")
    hintJa += rules.map(\.1).joined()
    let (whereTo, whereToJa) =
      relative
      ? ("the \(what) `\(link.url)` leads to `/\(link.path)`", "（行き先 `/\(link.path)`）")
      : ("the \(what) points to `\(link.url)`", " ")
    return .warning(
      at, "\(whereTo), but the site has no page or file there",
      hint: hint, code: code
    ).ja(
      link.isImage
        ? "画像 `\(link.url)`\(whereToJa)のファイルが、サイトにありません"
        : "リンク `\(link.url)`\(whereToJa)の先に、サイトのページもファイルもありません", hint: hintJa
    )
  }

  /// A relative address read from the site's root: its leading `../` and `./` left out, without
  /// `?…` and `#…`, decoded.
  private static func rootRead(_ url: String) -> String {
    var rest = Substring(url.prefix { $0 != "#" && $0 != "?" })
    while true {
      if rest.hasPrefix("../") {
        rest = rest.dropFirst(3)
      } else if rest.hasPrefix("./") {
        rest = rest.dropFirst(2)
      } else {
        break
      }
    }
    return rest.removingPercentEncoding ?? String(rest)
  }
}
