import Content
import Diagnostics
import Foundation

/// A page's earlier address (`redirect_from`) that keeps working: the build writes a small page
/// there that sends the reader to the page's address now. Bookmarks, links from other sites and
/// QR codes on printed leaflets outlive a renamed slug.
public struct Redirect: Sendable, Hashable {
  /// Index into `Site.pages` of the page it sends to.
  public var page: Int
  /// Root-relative, with the base path, as a browser asks for it (`/dx/initiatives/old/`).
  public var url: String
  /// The file under the output folder that answers `url`.
  public var outputPath: String
  /// Where the address is written in the page's front matter.
  public var line: Int
  public var column: Int
}

/// Turns each page's `redirect_from` addresses into output paths, reporting an address that
/// cannot be one where it is written. Whether another output already has the path is checked
/// once every output is known (`RenderPlan.redirectConflicts`).
enum Redirects {
  static func resolve(_ pages: [ResolvedPage], config: SiteConfig, urls: URLScheme) -> (
    [Redirect], [Diagnostic]
  ) {
    var redirects: [Redirect] = []
    var diagnostics: [Diagnostic] = []
    // By index: a copy of each of 10,000 resolved pages is a dozen retains.
    for i in pages.indices {
      for ref in pages[i].page.redirectFrom {
        let at = SourceLocation(file: pages[i].page.path, line: ref.line, column: ref.column)
        switch outputPath(of: ref.id, baseURL: config.baseURL, basePath: urls.basePath) {
        case .success(let path):
          redirects.append(
            Redirect(
              page: i, url: urls.url(forOutputPath: path), outputPath: path, line: ref.line,
              column: ref.column))
        case .failure(let problem):
          diagnostics.append(
            .error(
              at, "`redirect_from` cannot use `\(ref.id)`: \(problem.message)",
              hint: problem.hint, code: "front-matter.redirect"
            ).ja("`redirect_from` に `\(ref.id)` は使えません。\(problem.ja)", hint: problem.jaHint))
        }
      }
    }
    return (redirects, diagnostics)
  }

  struct Problem: Error {
    var message: String
    var hint: String
    /// The message and the hint in Japanese (`Diagnostic.ja`): the message a sentence of its
    /// own, to follow 「`redirect_from` に … は使えません。」.
    var ja: String
    var jaHint: String
  }

  private static let example =
    "write the old address from the site's root, e.g. `/initiatives/old-name/`"
  private static let exampleJa =
    "古いアドレスを、サイトのいちばん上からのパスで書いてください。例: `/initiatives/old-name/`"

  /// The output file for an address as a writer may copy it: a path from the site's root
  /// (`/initiatives/old/`), the same with the base path (`/dx/initiatives/old/`), or the whole
  /// URL on this site; percent-encoded or not. Folders get `index.html`; an address ending in
  /// `.html` is that file. Nothing may climb out of the output folder or into a hidden one.
  static func outputPath(of address: String, baseURL: String, basePath: String) -> Result<
    String, Problem
  > {
    var path = address
    if let schemeEnd = path.range(of: "://") {
      let host = { (url: Substring) in url.prefix { $0 != "/" }.lowercased() }
      let siteHost = baseURL.range(of: "://").map { host(baseURL[$0.upperBound...]) }
      guard host(path[schemeEnd.upperBound...]) == siteHost else {
        return .failure(
          Problem(
            message: "it is an address on another site",
            hint: "only addresses on this site (`base_url` in site.yml) can send readers here",
            ja: "ほかのサイトのアドレスです",
            jaHint: "ここへ移せるのは、このサイト（site.yml の `base_url`）のアドレスだけです"))
      }
      path = String(path[schemeEnd.upperBound...].drop { $0 != "/" })
      if path.isEmpty { path = "/" }
    }
    guard path.hasPrefix("/") else {
      return .failure(
        Problem(
          message: "it does not start with `/`", hint: example, ja: "`/` で始まっていません",
          jaHint: exampleJa))
    }
    if path.contains("?") || path.contains("#") {
      return .failure(
        Problem(
          message: "an address with `?` or `#` cannot be answered by a file",
          hint: "write the address without the part from `?` or `#` on",
          ja: "`?` や `#` の付いたアドレスは、ファイルでは受けられません",
          jaHint: "`?` や `#` から後を除いたアドレスを書いてください"))
    }
    guard let decoded = path.removingPercentEncoding else {
      return .failure(
        Problem(
          message: "its `%` escapes are not valid UTF-8", hint: "copy the address again",
          ja: "`%` で書いた文字が、UTF-8 として読めません", jaHint: "アドレスをもう一度コピーしてください"))
    }
    path = decoded
    if basePath != "/" && (path.hasPrefix(basePath) || path + "/" == basePath) {
      path = String(path.dropFirst(basePath.count - 1))
    }
    var segments = path.split(separator: "/", omittingEmptySubsequences: false).dropFirst()
    let folder = segments.last == ""
    if folder { segments = segments.dropLast() }
    for s in segments {
      if s.isEmpty {
        return .failure(
          Problem(
            message: "it has an empty part (`//`)", hint: example, ja: "空の部分（`//`）があります",
            jaHint: exampleJa))
      }
      if s.hasPrefix(".") {
        return .failure(
          Problem(
            message: "a part starting with `.` is hidden or climbs out of the site",
            hint: example, ja: "`.` で始まる部分があります。隠れたフォルダーか、サイトの外を指してしまいます",
            jaHint: exampleJa))
      }
      let control = { (c: Unicode.Scalar) in c.value < 0x20 || c.value == 0x7F || c == "\\" }
      if s.unicodeScalars.contains(where: control) {
        return .failure(
          Problem(
            message: "it holds a backslash or a control character", hint: example,
            ja: "バックスラッシュか制御文字が入っています", jaHint: exampleJa))
      }
    }
    let relative = segments.joined(separator: "/")
    guard let last = segments.last, !folder else {
      return .success(relative.isEmpty ? "index.html" : relative + "/index.html")
    }
    let lower = last.lowercased()
    if lower.hasSuffix(".html") || lower.hasSuffix(".htm") { return .success(relative) }
    if last.contains(".") {
      return .failure(
        Problem(
          message: "a static site can send readers on only from a folder or an `.html` address",
          hint:
            "ask the web server's administrators for a server redirect, or link the page from where `\(last)` was",
          ja: "静的なサイトで読む人を移せるのは、フォルダーか `.html` のアドレスからだけです",
          jaHint:
            "ウェブサーバーの管理者にサーバーでの転送を頼むか、`\(last)` があったところから、このページにリンクしてください"
        ))
    }
    return .success(relative + "/index.html")
  }
}
