import Diagnostics
import Foundation

/// `sitemap.xml` sends search engines to pages; each `<loc>` must be under the site's base URL
/// and name a file of the site.
enum SitemapChecker {
  static let file = "sitemap.xml"

  /// Every `<loc>` URL with the byte offset of its text.
  static func entries(_ bytes: [UInt8]) -> [(url: String, offset: Int)] {
    var result: [(String, Int)] = []
    var inLoc = false
    for token in HTMLScanner.tokens(bytes) {
      switch token {
      case .start(let name, _, _, _): inLoc = name == "loc"
      case .end: inLoc = false
      case .text(let span) where inLoc:
        let (text, offset) = (span.string(in: bytes), span.offset)
        let url = text.trimmingCharacters(in: .htmlSpaces)
        let leading = text.utf8.prefix { HTMLScanner.isSpace($0) }.count
        if !url.isEmpty { result.append((url, offset + leading)) }
        inLoc = false
      case .text: break
      }
    }
    return result
  }

  static func check(_ bytes: [UInt8], index: SiteIndex, siteFolder: String) -> [Finding] {
    let lines = LineIndex(bytes)
    let resolver = URLResolver(base: index.base)
    var findings: [Finding] = []
    for (url, offset) in entries(bytes) {
      let (line, column) = lines.position(of: offset)
      let placement = Placement(
        location: SourceLocation(file: siteFolder + "/" + file, line: line, column: column),
        namesPage: false)
      let parts = URLParts(url)
      guard parts.authority != nil,
        case .local(let target, let path, _) = resolver.resolve(url, from: file)
      else {
        let rule = RuleCatalog.rule("sitemap.outside")
        findings.append(
          Finding(
            page: file, rule.severity, placement,
            "sitemap entry \(url) is not under the site's base URL \(index.base.url ?? "(unknown)")",
            hint: rule.hint, code: rule.id,
            japanese: .init(
              message:
                "検索エンジンに渡すページの一覧 `\(siteFolder)/\(file)` のアドレス `\(url)` が、このサイトのアドレス\(index.base.url.map { " `\($0)` " } ?? "")で始まっていません",
              hint: rule.japaneseHint)))
        continue
      }
      if !index.files.contains(target) {
        let rule = RuleCatalog.rule("sitemap.missing")
        let suggestion = index.suggestion(for: path.isEmpty ? target : path)
        findings.append(
          Finding(
            page: file, rule.severity, placement,
            "sitemap entry \(url) has no page: the site has no \(target)",
            hint: suggestion.map { "did you mean \(index.base.origin ?? "")\($0)? \(rule.hint)" }
              ?? rule.hint,
            code: rule.id,
            japanese: .init(
              message:
                "検索エンジンに渡すページの一覧 `\(siteFolder)/\(file)` にあるアドレス `\(url)` のページが、サイトにありません",
              hint: suggestion.map {
                "`\(index.base.origin ?? "")\($0)` のまちがいではありませんか。\(rule.japaneseHint)"
              } ?? rule.japaneseHint)))
      }
    }
    return findings
  }
}
