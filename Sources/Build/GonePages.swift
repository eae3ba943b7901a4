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
  /// in `current`, at the content folder (the file that made it may be gone); for a page the
  /// build leaves out (`withheld`, by output path: a draft, or one waiting for its `publish`
  /// time), at that file's `draft` or `publish` value, saying so.
  static func warnings(
    previous: some Sequence<String>, current: Set<String>, at content: String,
    withheld: [String: (location: SourceLocation, why: Withheld)] = [:]
  )
    -> [Diagnostic]
  {
    previous.filter { isPage($0) && !current.contains($0) }.sorted().map { path in
      let address = "/" + (path.hasSuffix("index.html") ? String(path.dropLast(10)) : path)
      if let (location, why) = withheld[path] { return held(address, at: location, why: why) }
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

  /// A page the last build published that this one leaves out as a draft or until its
  /// `publish` time: the file is there, and the hint is how to keep it out or bring it back
  /// (a `redirect_from` would not).
  private static func held(_ address: String, at location: SourceLocation, why: Withheld)
    -> Diagnostic
  {
    let lost =
      "a bookmark, another site's link or a printed QR code leading to it reaches the page for missing addresses"
    let lostJa = "ブックマークやほかのサイトのリンク、印刷したQRコードからは、ページが見つからなくなります"
    if case .scheduled(let publish) = why {
      return .warning(
        location,
        "the page \(address) that the last build published is left out until its `publish` time, \(publish.readable): until then \(lost)",
        hint:
          "if it should stay published, take `publish` out or write a time already past; if it is held back on purpose, nothing needs doing (this is said once)",
        code: code
      ).ja(
        "前回のビルドで公開していたページ \(address) は、`publish` の \(publish.readable) まで公開されなくなりました。それまで、\(lostJa)",
        hint:
          "公開したままにするなら、`publish` を消すか、過ぎた日時にしてください。わざと公開を止めたときは、このままで構いません（この警告は一度だけ出ます）")
    }
    return .warning(
      location,
      "the page \(address) that the last build published is now a draft (`draft: true`) and is not built: \(lost)",
      hint:
        "if it should stay published, take `draft: true` out; if it was withdrawn on purpose, nothing needs doing (this is said once)",
      code: code
    ).ja(
      "前回のビルドで公開していたページ \(address) は、下書き（`draft: true`）になったため作られません。\(lostJa)",
      hint: "公開したままにするなら、`draft: true` を消してください。わざと公開を止めたときは、このままで構いません（この警告は一度だけ出ます）")
  }

  /// Tags' pages (`tags/`) are not: one goes when no page carries its tag any more, which is
  /// what removing the tag means, and no `redirect_from` could keep it.
  static func isPage(_ path: String) -> Bool {
    path.hasSuffix(".html") && path != "404.html" && !path.hasPrefix("search/")
      && !path.hasPrefix(".") && !path.hasPrefix("tags/")
  }
}
