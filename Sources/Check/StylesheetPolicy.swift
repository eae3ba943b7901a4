import Diagnostics
import Foundation
import SecurityPolicy

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
    }
    return findings
  }

  /// The http(s) addresses `url(…)` and `@import` name in `css`, comments skipped: an
  /// `@import` under `style-src-elem`, a `url()` inside `@font-face` under `font-src`, any
  /// other `url()` (a background, a mask, a cursor) under `img-src`.
  static func loads(in css: [UInt8]) -> [Load] {
    var found: [Load] = []
    var i = 0
    // The depth of braces, and the depth at which an `@font-face` block opened.
    var depth = 0
    var fontFace: Int?
    var pendingFontFace = false
    func starts(_ word: String, at k: Int) -> Bool {
      let w = Array(word.utf8)
      guard k + w.count <= css.count else { return false }
      for n in w.indices where css[k + n] | 0x20 != w[n] | 0x20 { return false }
      return true
    }
    /// The address written from `k` (quoted or not), where it starts, and where it ends.
    func address(from k: Int) -> (text: String, start: Int, end: Int) {
      var j = k
      while j < css.count, css[j] == 0x20 || css[j] == 0x09 { j += 1 }
      let quote: UInt8? = j < css.count && (css[j] == 0x22 || css[j] == 0x27) ? css[j] : nil
      if quote != nil { j += 1 }
      let start = j
      while j < css.count, css[j] != (quote ?? 0x29), css[j] != 0x0A,
        quote != nil || (css[j] != 0x20 && css[j] != 0x3B)
      {
        j += css[j] == 0x5C ? 2 : 1
      }
      return (String(decoding: css[start..<min(j, css.count)], as: UTF8.self), start, j + 1)
    }
    func isOutside(_ address: String) -> Bool {
      let lower = address.lowercased()
      return lower.hasPrefix("http://") || lower.hasPrefix("https://") || lower.hasPrefix("//")
    }
    while i < css.count {
      let c = css[i]
      if c == 0x2F, i + 1 < css.count, css[i + 1] == 0x2A {
        i += 2
        while i + 1 < css.count, !(css[i] == 0x2A && css[i + 1] == 0x2F) { i += 1 }
        i += 2
        continue
      }
      switch c {
      case 0x7B:
        depth += 1
        if pendingFontFace {
          fontFace = depth
          pendingFontFace = false
        }
      case 0x7D:
        if fontFace == depth { fontFace = nil }
        depth -= 1
      case 0x22, 0x27:
        // A string (`content: "{"`): nothing in it is a brace or an address.
        var j = i + 1
        while j < css.count, css[j] != c, css[j] != 0x0A { j += css[j] == 0x5C ? 2 : 1 }
        i = j + 1
        continue
      case 0x40 where starts("@font-face", at: i):
        pendingFontFace = true
      case 0x40 where starts("@import", at: i):
        var k = i + 7
        while k < css.count, css[k] == 0x20 || css[k] == 0x09 { k += 1 }
        if starts("url(", at: k) { k += 4 }
        let written = address(from: k)
        if isOutside(written.text) {
          found.append(Load(url: written.text, offset: written.start, directive: "style-src-elem"))
        }
        i = written.end
        continue
      default:
        // Every `url(…)` is passed over whole: a `data:` address holds quotes and braces.
        if c | 0x20 == 0x75, starts("url(", at: i), i == 0 || !isNameByte(css[i - 1]) {
          let written = address(from: i + 4)
          if isOutside(written.text) {
            found.append(
              Load(
                url: written.text, offset: written.start,
                directive: fontFace != nil ? "font-src" : "img-src"))
          }
          i = written.end
          continue
        }
      }
      i += 1
    }
    return found
  }

  private static func isNameByte(_ b: UInt8) -> Bool {
    b >= 0x80 || b == 0x2D || b == 0x5F || (b >= 0x30 && b <= 0x39)
      || (b | 0x20 >= 0x61 && b | 0x20 <= 0x7A)
  }

  /// The problem at the theme's stylesheet, where the address is written (the published one is
  /// minified and named by its fingerprint); at the published file when the theme's cannot be
  /// found from the source map.
  private static func finding(
    _ load: Load, in file: String, css: [UInt8], blocking: ContentSecurityPolicy,
    attributor: Attributor
  ) -> Finding {
    let what: (String, String) =
      switch load.directive {
      case "font-src": ("the font", "文字の形のファイル（フォント）")
      case "style-src-elem": ("the stylesheet", "見た目を決めるファイル（スタイルシート）")
      default: ("the image", "画像")
      }
    let named = blocking.governing(load.directive)?.name ?? load.directive
    let location =
      themeLocation(of: load.url, published: file, attributor: attributor)
      ?? {
        let (line, column) = LineIndex(css).position(of: load.offset)
        return SourceLocation(file: attributor.siteFolder + "/" + file, line: line, column: column)
      }()
    return Finding(
      page: file, .error, Placement(location: location, namesPage: false),
      "the page's Content-Security-Policy (\(blocking.describe(load.directive))) blocks \(what.0) \(load.url) that this stylesheet loads: browsers leave it out",
      hint:
        "copy the file into the theme's assets and name it relative to the stylesheet (url(fonts/name.woff2)); or, if you trust its site, add the site to \(named) in the theme's Content-Security-Policy",
      code: "csp.blocked",
      japanese: .init(
        message:
          "このスタイルシートが読み込む\(what.1) `\(load.url)` は、このサイトの安全のための設定（Content-Security-Policy の `\(blocking.describe(load.directive))`）で止められるため、ブラウザーでは使われません",
        hint:
          "ファイルをテーマの assets にコピーして、スタイルシートの場所から指してください（url(fonts/name.woff2) のように）。そのサイトを信頼できるなら、テーマの Content-Security-Policy の `\(named)` にそのサイトを加える方法もあります"
      ))
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
