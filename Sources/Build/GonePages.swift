import Content
import Diagnostics

/// Pages the last build published that this one does not: a renamed file, a changed `slug`, a
/// page made a draft. Their addresses live on in bookmarks, other sites' links and printed QR
/// codes, which now reach the 404 page; a `redirect_from` on the page that replaces one keeps
/// them working. Said once, by the build that drops the page (not kept for "Up to date"
/// builds), and not in `--strict` builds: a page removed on purpose could never be built
/// strictly, and CI builds from scratch, with no last build to compare.
enum GonePages {
  static let code = "content.page-gone"

  /// A warning for each page (an `.html` output other than the 404 page) in `previous` and not
  /// in `current`, at the content folder (the file that made it may be gone).
  static func warnings(previous: some Sequence<String>, current: Set<String>, at content: String)
    -> [Diagnostic]
  {
    previous.filter { isPage($0) && !current.contains($0) }.sorted().map { path in
      let address = "/" + (path.hasSuffix("index.html") ? String(path.dropLast(10)) : path)
      return .warning(
        SourceLocation(file: content),
        "the page \(address) that the last build published is gone: a bookmark, another site's link or a printed QR code leading to it now reaches the page for missing addresses",
        hint:
          "if the page moved, add `redirect_from: \(address)` to the page that replaces it; if it was removed on purpose, nothing needs doing (this is said once)",
        code: code
      ).ja(
        "前回のビルドで公開していたページ \(address) がなくなりました。ブックマークやほかのサイトのリンク、印刷したQRコードからは、ページが見つからなくなります",
        hint:
          "ページを移したときは、移した先のページに `redirect_from: \(address)` を書いてください。わざと消したときは、このままで構いません（この警告は一度だけ出ます）"
      )
    }
  }

  /// Tags' pages (`tags/`) are not: one goes when no page carries its tag any more, which is
  /// what removing the tag means, and no `redirect_from` could keep it.
  static func isPage(_ path: String) -> Bool {
    path.hasSuffix(".html") && path != "404.html" && !path.hasPrefix("search/")
      && !path.hasPrefix(".") && !path.hasPrefix("tags/")
  }
}
