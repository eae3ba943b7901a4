import Diagnostics
import Foundation
import SecurityPolicy
import Stylesheets

/// Files the site's stylesheets load from other sites: a web font's `@font-face` source, an
/// `@import` of a font service's stylesheet, a background image on a CDN. The page's
/// Content-Security-Policy governs them as it governs the page's own `<link>` and `<img>`, and
/// the browser leaves them out without a word; the pages' check sees only the stylesheet's own
/// address, so they passed. Judged by the home page's policy (the layout's, which every page
/// states), for each stylesheet the home page loads from the site, once.
enum StylesheetPolicy {
  /// One file a stylesheet loads from elsewhere: its address, where it is written (a byte
  /// offset), and the directive that governs it.
  struct Load: Equatable {
    var url: String
    var offset: Int
    var directive: String
  }

  static func check(site: URL, base: SiteBase, attributor: Attributor) -> [Finding] {
    let home = "index.html"
    guard let html = SiteChecker.read(site, home) else { return [] }
    let d = HTMLDocument(html)
    let policies = PolicyRules.policies(in: d)
    guard !policies.isEmpty else { return [] }
    let resolver = URLResolver(base: base)
    var findings: [Finding] = []
    var seen: Set<String> = []
    for e in d.all("link") {
      let rel = (d.attribute("rel", of: e) ?? "").lowercased().split(separator: " ")
      guard rel.contains("stylesheet"), let href = d.attribute("href", of: e),
        case .local(let file, _, _) = resolver.resolve(href, from: home),
        seen.insert(file).inserted, let css = SiteChecker.read(site, file)
      else { continue }
      for load in loads(in: css) {
        guard
          let blocking = policies.first(where: {
            !$0.allows(load.url, directive: load.directive, base: base)
          })
        else { continue }
        findings.append(
          finding(load, in: file, css: css, blocking: blocking, attributor: attributor))
      }
      findings += missingFiles(
        in: css, of: file, site: site, resolver: resolver, attributor: attributor)
    }
    return findings
  }

  /// The site's own files a stylesheet names that the site does not have (a picture misspelt,
  /// one outside the theme's assets, `url(../img/hero.jpg)`): the build warns of them once,
  /// and a check of the built site said "no problems", so CI let the page go without its
  /// background.
  static func missingFiles(
    in css: [UInt8], of file: String, site: URL, resolver: URLResolver, attributor: Attributor
  ) -> [Finding] {
    StylesheetReferences.scan(css).compactMap { reference in
      let lower = reference.address.lowercased()
      guard !lower.hasPrefix("data:"), !lower.hasPrefix("#") else { return nil }
      // Above the site's root (`../../x.png`) is no file of the site, whatever is there.
      switch resolver.resolve(reference.address, from: file) {
      case .local(let target, _, _):
        guard !FileManager.default.fileExists(atPath: site.appendingPathComponent(target).path)
        else { return nil }
      case .outside: break
      default: return nil
      }
      let location = place(
        of: reference.address, at: reference.start, in: css, published: file,
        attributor: attributor)
      return Finding(
        page: file, .error, Placement(location: location, namesPage: false),
        "this stylesheet loads \(reference.address), which the site does not have: browsers show nothing in its place",
        hint:
          "put the file in the theme's assets and name it relative to the stylesheet (url(img/name.png) for assets/img/name.png)",
        code: "link.broken",
        japanese: .init(
          message:
            "このスタイルシートが読み込む `\(reference.address)` は、サイトにありません。ブラウザーでは何も表示されません",
          hint:
            "ファイルをテーマの assets に入れ、スタイルシートの場所から指してください（assets/img/name.png なら url(img/name.png)）"
        ))
    }
  }

  /// The http(s) addresses `url(…)` and `@import` name in `css`, comments skipped: an
  /// `@import` under `style-src-elem`, a `url()` inside `@font-face` under `font-src`, any
  /// other `url()` (a background, a mask, a cursor) under `img-src`.
  static func loads(in css: [UInt8]) -> [Load] {
    StylesheetReferences.scan(css).compactMap { reference in
      let lower = reference.address.lowercased()
      guard lower.hasPrefix("http://") || lower.hasPrefix("https://") || lower.hasPrefix("//")
      else { return nil }
      return Load(
        url: reference.address, offset: reference.start,
        directive: reference.isImport
          ? "style-src-elem" : reference.inFontFace ? "font-src" : "img-src")
    }
  }

  /// The problem at the theme's stylesheet, where the address is written (the published one is
  /// minified and named by its fingerprint); at the published file when the theme's cannot be
  /// found from the source map.
  private static func finding(
    _ load: Load, in file: String, css: [UInt8], blocking: ContentSecurityPolicy,
    attributor: Attributor
  ) -> Finding {
    // What it is, and how the theme's own copy is written from the stylesheet.
    let (what, example): ((String, String), String) =
      switch load.directive {
      case "font-src": (("the font", "文字の形のファイル（フォント）"), "url(fonts/name.woff2)")
      case "style-src-elem":
        (("the stylesheet", "見た目を決めるファイル（スタイルシート）"), "@import \"fonts.css\"")
      default: (("the image", "画像"), "url(img/name.png)")
      }
    let named = blocking.governing(load.directive)?.name ?? load.directive
    let location = place(
      of: load.url, at: load.offset, in: css, published: file, attributor: attributor)
    return Finding(
      page: file, .error, Placement(location: location, namesPage: false),
      "the page's Content-Security-Policy (\(blocking.describe(load.directive))) blocks \(what.0) \(load.url) that this stylesheet loads: browsers leave it out",
      hint:
        "copy the file into the theme's assets and name it relative to the stylesheet (\(example)); or, if you trust its site, add the site to \(named) in the theme's Content-Security-Policy",
      code: "csp.blocked",
      japanese: .init(
        message:
          "このスタイルシートが読み込む\(what.1) `\(load.url)` は、このサイトの安全のための設定（Content-Security-Policy の `\(blocking.describe(load.directive))`）で止められるため、ブラウザーでは使われません",
        hint:
          "ファイルをテーマの assets にコピーして、スタイルシートの場所から指してください（\(example) のように）。そのサイトを信頼できるなら、テーマの Content-Security-Policy の `\(named)` にそのサイトを加える方法もあります"
      ))
  }

  /// Where a stylesheet's address is written: in the theme's stylesheet (the published one is
  /// minified and named by its fingerprint), else in the published file, at `offset`.
  private static func place(
    of address: String, at offset: Int, in css: [UInt8], published file: String,
    attributor: Attributor
  ) -> SourceLocation {
    if let theme = themeLocation(of: address, published: file, attributor: attributor) {
      return theme
    }
    let (line, column) = LineIndex(css).position(of: offset)
    return SourceLocation(file: attributor.siteFolder + "/" + file, line: line, column: column)
  }

  /// Where the theme's own stylesheet writes `url`: the published `assets/style.<hash>.css` is
  /// the theme's `assets/style.css`, in the theme folder the source map's templates are in.
  private static func themeLocation(of url: String, published file: String, attributor: Attributor)
    -> SourceLocation?
  {
    guard let template = attributor.map?.pages["index.html"]?.template,
      let cut = template.range(of: "/templates/")
    else { return nil }
    var parts = file.split(separator: "/").map(String.init)
    guard parts.first == "assets", var name = parts.popLast() else { return nil }
    // `style.1a2b3c4d5e.css` → `style.css`.
    var pieces = name.split(separator: ".", omittingEmptySubsequences: false)
    if pieces.count >= 3, pieces[pieces.count - 2].allSatisfy(\.isHexDigit) {
      pieces.remove(at: pieces.count - 2)
      name = pieces.joined(separator: ".")
    }
    let source = ([String(template[..<cut.lowerBound])] + parts + [name]).joined(separator: "/")
    guard let text = attributor.files.text(source), let at = text.range(of: url) else {
      return nil
    }
    let (line, column) = LineIndex(text).position(
      of: text.utf8.distance(from: text.startIndex, to: at.lowerBound))
    return SourceLocation(file: source, line: line, column: column)
  }
}
