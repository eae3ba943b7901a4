import Diagnostics
import Foundation
import TestSupport
import Testing

@testable import Build
@testable import Site

/// A link written as an address of the site (`/initiatives/…/`, copied from the browser) that
/// names no page or file is found by the build, at the link, with the address meant and the
/// page's file to link instead; addresses of every kind of output are no warning; and
/// incremental builds say the same as a full one.
@Suite struct AddressLinkBuildTests {
  func warnings(_ report: BuildReport) -> [Diagnostic] {
    report.diagnostics.filter { $0.code == AddressLinks.code }
  }

  func places(_ report: BuildReport) -> [String] { placesOf(AddressLinks.code, in: report) }

  @Test func anAddressWithNoPageIsAWarningAtTheLinkWithThePageMeant() throws {
    let content = try copyFixture()
    let output = content.deletingLastPathComponent().appendingPathComponent("site")
    let line = try appendToBody(
      of: content.appendingPathComponent("strategy/basics.md"),
      "[防災](/initiatives/ai-disastr/)と[なし](/nowhere/page/)。")
    let report = SiteBuilder.build(options(content: content, output: output))
    #expect(report.succeeded, "\(report.diagnostics.map(\.text))")
    #expect(places(report) == ["basics.md:\(line):1", "basics.md:\(line):32"])
    let (near, far) = (warnings(report)[0], warnings(report)[1])
    #expect(near.severity == .warning)
    #expect(
      near.message
        == "the link points to `/initiatives/ai-disastr/`, but the site has no page or file there")
    #expect(
      near.hint
        == "did you mean `/initiatives/ai-disaster/`? link the page by its file, `../initiatives/ai-disaster.md`, which follows the page if its address changes"
    )
    #expect(
      near.japanese?.message == "リンク `/initiatives/ai-disastr/` の先に、サイトのページもファイルもありません")
    #expect(
      near.japanese?.hint?.hasPrefix("`/initiatives/ai-disaster/` のまちがいではありませんか。") == true)
    #expect(far.hint?.hasPrefix("write the address of a page of the site") == true, "\(far.text)")
    // The reader still gets the page for missing addresses: the site is built.
    #expect(
      FileManager.default.fileExists(
        atPath: output.appendingPathComponent("strategy/basics/index.html").path))
  }

  /// `ai-disaster.html` (an old CMS's habit) names the page whose file is `ai-disaster.md`.
  @Test func anHTMLNameGetsThePageOfThatFile() throws {
    let content = try copyFixture()
    let output = content.deletingLastPathComponent().appendingPathComponent("site")
    try appendToBody(
      of: content.appendingPathComponent("strategy/basics.md"), "[防災](ai-disaster.html)。")
    let report = SiteBuilder.build(options(content: content, output: output))
    #expect(
      warnings(report).map(\.hint) == [
        "link the page by its file, `../initiatives/ai-disaster.md`, which follows the page if its address changes"
      ])
  }

  /// An image elsewhere in content/ than files/ is not published: said at the file, and the
  /// link to it says so and where to move it (it said there was no such file).
  @Test func anImageOutsideFilesIsSaidSo() throws {
    let content = try copyFixture()
    let output = content.deletingLastPathComponent().appendingPathComponent("site")
    let images = content.appendingPathComponent("images")
    try FileManager.default.createDirectory(at: images, withIntermediateDirectories: true)
    try Data([0x89, 0x50, 0x4E, 0x47]).write(to: images.appendingPathComponent("map.png"))
    try appendToBody(
      of: content.appendingPathComponent("strategy/basics.md"), "![地図](../images/map.png)")
    let report = SiteBuilder.build(options(content: content, output: output))
    #expect(!report.succeeded)
    #expect(
      report.diagnostics.filter { $0.code == "content.file-place" }.map {
        $0.location.file.hasSuffix("/content/images/map.png")
      } == [true])
    let link = try #require(report.diagnostics.first { $0.code == "content.broken-link" })
    #expect(
      link.hint == "move it to content/files/images/map.png and link `../files/images/map.png`")
  }

  /// `portal new`'s sample heading left with text under it: pointed at, at the heading.
  @Test func theSampleHeadingIsPointedAt() throws {
    let content = try copyFixture()
    let output = content.deletingLastPathComponent().appendingPathComponent("site")
    let line = try appendToBody(
      of: content.appendingPathComponent("strategy/basics.md"), "## 見出し\n\n本文です。\n\n## 見出しの付け方")
    let report = SiteBuilder.build(options(content: content, output: output))
    #expect(report.succeeded)
    #expect(placesOf("content.placeholder", in: report) == ["basics.md:\(line):1"])
  }

  /// Pages, lists, feeds, the sitemap, the static folder's files, the page for missing
  /// addresses, an address without its last `/`, with `?…` and `#…`, a folder of files and
  /// another site's address without its scheme: none is a warning.
  @Test func everyKindOfOutputIsAnAddress() throws {
    let content = try copyFixture()
    let root = content.deletingLastPathComponent()
    let output = root.appendingPathComponent("site")
    let statics = try staticFolder(beside: content)
    try appendToBody(
      of: content.appendingPathComponent("strategy/basics.md"),
      [
        "/", "/initiatives/", "/events", "/initiatives/ai-disaster/?from=top#なにが変わるか",
        "/updates/feed.xml", "/sitemap.xml", "/404.html", "/search/", "/tags/", "/glossary/dx/",
        "/qr.png", "//example.org/a/", "/%E7%94%A8%E8%AA%9E/x/",
      ].enumerated().map { "[\($0.offset)](\($0.element))" }.joined(separator: "、"))
    var o = options(content: content, output: output)
    o.staticDirectory = statics
    let report = SiteBuilder.build(o)
    #expect(report.succeeded, "\(report.diagnostics.map(\.text))")
    // Only the last: a decoded path (用語/x/) that is no page.
    #expect(
      warnings(report).map(\.message) == [
        "the link points to `/%E7%94%A8%E8%AA%9E/x/`, but the site has no page or file there"
      ])
  }

  /// With a base path, an address is checked with it (`/dx/events/`, copied from the browser)
  /// or without (`/events/`); `//host/…` is left as written.
  @Test func theBasePathIsLeftOut() throws {
    let content = try copyFixture()
    let output = content.deletingLastPathComponent().appendingPathComponent("site")
    let yml = content.appendingPathComponent("site.yml")
    try edit(yml) {
      $0.replacingOccurrences(of: "https://dx.example.jp/", with: "https://dx.example.jp/dx/")
    }
    let line = try appendToBody(
      of: content.appendingPathComponent("strategy/basics.md"),
      "[a](/dx/events/)と[b](/events/)と[c](/dx/event/)と[d](//example.org/a/)")
    let report = SiteBuilder.build(options(content: content, output: output))
    #expect(places(report) == ["basics.md:\(line):32"], "\(report.diagnostics.map(\.text))")
    #expect(warnings(report).first?.hint?.hasPrefix("did you mean `/events/`?") == true)
    // Another site's address without its scheme is not given the base path.
    let html = try String(
      contentsOf: output.appendingPathComponent("strategy/basics/index.html"), encoding: .utf8)
    #expect(
      html.contains(
        "href=\"//example.org/a/\">d<span class=\"other-site\">（外部のサイト）</span></a>"))
  }

  /// The site's own address copied with its host (`https://dx.example.jp/dx/events/`, in
  /// either case, with http or https): checked as the address after the host is, and written
  /// as that, so the link stays in a preview; an address on the same host outside the base
  /// path (the prefecture's other pages) is another site's to the link check, but on the
  /// site's own host, so not marked （外部のサイト）.
  @Test func theSitesOwnAddressWithItsHostIsChecked() throws {
    let content = try copyFixture()
    let output = content.deletingLastPathComponent().appendingPathComponent("site")
    try edit(content.appendingPathComponent("site.yml")) {
      $0.replacingOccurrences(of: "https://dx.example.jp/", with: "https://dx.example.jp/dx/")
    }
    let line = try appendToBody(
      of: content.appendingPathComponent("strategy/basics.md"),
      "[a](https://DX.example.jp/dx/events/)と[b](http://dx.example.jp/dx/event/)と"
        + "[c](https://dx.example.jp/kenmin/)と[d](https://dx.example.jp/dx)と"
        + "[e](https://dx.example.jp.evil.example/dx/x/)と[f](https://dx.example.jp/dx?q=1)と"
        + "[g](/dx/events/../strategy/)")
    let report = SiteBuilder.build(options(content: content, output: output))
    #expect(places(report) == ["basics.md:\(line):39"], "\(report.diagnostics.map(\.text))")
    #expect(
      warnings(report).first?.message
        == "the link points to `http://dx.example.jp/dx/event/`, but the site has no page or file there"
    )
    #expect(warnings(report).first?.hint?.hasPrefix("did you mean `/events/`?") == true)
    let html = try String(
      contentsOf: output.appendingPathComponent("strategy/basics/index.html"), encoding: .utf8)
    for kept in [
      "href=\"/dx/events/\">a</a>", "href=\"https://dx.example.jp/kenmin/\">c</a>",
      "href=\"/dx/\">d</a>",
      // Another host, however it begins, is another site, and the link says so.
      "href=\"https://dx.example.jp.evil.example/dx/x/\">e<span class=\"other-site\">（外部のサイト）</span></a>",
      // The home page with a query; an address with `..` read as the browser reads it.
      "href=\"/dx/?q=1\">f</a>", "href=\"/dx/events/../strategy/\">g</a>",
    ] {
      #expect(html.contains(kept), "\(kept)")
    }
  }

  /// A `--base-url` preview reads links written with the published host as its own, under its
  /// own base path: checked as in the published build (a preview with `--strict` passed what
  /// the published build warned about), and they stay in the preview.
  @Test func aPreviewReadsThePublishedHostAsItsOwn() throws {
    let content = try copyFixture()
    let output = content.deletingLastPathComponent().appendingPathComponent("site")
    let line = try appendToBody(
      of: content.appendingPathComponent("strategy/basics.md"),
      "[a](https://dx.example.jp/events/)と[b](https://dx.example.jp/evnets/)")
    var o = options(content: content, output: output)
    o.baseURL = "https://preview.example.jp/pr-12/"
    let report = SiteBuilder.build(o)
    #expect(places(report) == ["basics.md:\(line):36"], "\(report.diagnostics.map(\.text))")
    let html = try String(
      contentsOf: output.appendingPathComponent("strategy/basics/index.html"), encoding: .utf8)
    #expect(html.contains("href=\"/pr-12/events/\">a</a>"))
  }

  /// `#…` after a page's address names a heading of that page: checked as a link to the page's
  /// file is (`HeadingLinks`), the `#…` as the browser copies it (percent-encoded) too.
  @Test func aHeadingAfterAPagesAddressIsChecked() throws {
    let content = try copyFixture()
    let output = content.deletingLastPathComponent().appendingPathComponent("site")
    let line = try appendToBody(
      of: content.appendingPathComponent("initiatives/ai-disaster.md"),
      "[a](/strategy/basics/#期限)と[b](/strategy/basics/#%E6%9C%9F%E9%96%93)と[c](/strategy/basics#趣旨)"
    )
    let report = SiteBuilder.build(options(content: content, output: output))
    let found = report.diagnostics.filter { $0.code == HeadingLinks.code }
    #expect(
      found.map { "\($0.location.line):\($0.location.column)" } == ["\(line):1"],
      "\(report.diagnostics.map(\.text))")
    #expect(found.first?.hint?.hasPrefix("did you mean `/strategy/basics/#期間`? ") == true)
    #expect(warnings(report).isEmpty)
  }

  /// An address relative to the page's own, as the browser resolves it from
  /// /initiatives/ai-disaster/; a scheme without `//` (`sms:`) is no address.
  @Test func anAddressRelativeToThePagesOwnIsChecked() throws {
    let content = try copyFixture()
    let output = content.deletingLastPathComponent().appendingPathComponent("site")
    let links = [
      "../cyber-security/", "../cyber-securty/", "../../events/", "../../../../events/", "./",
      "?x=1", "sms:0120000000", "../../strategy/basics/#期限",
      // Written as if from the file's folder: /initiatives/initiatives/.
      "../initiatives/",
    ]
    let line = try appendToBody(
      of: content.appendingPathComponent("initiatives/ai-disaster.md"),
      links.enumerated().map { "[\($0.offset)](\($0.element))" }.joined(separator: " "))
    let report = SiteBuilder.build(options(content: content, output: output))
    #expect(report.succeeded)
    /// The column of the link `n`.
    func column(_ n: Int) -> Int {
      links.prefix(n).enumerated().map { "[\($0.offset)](\($0.element)) ".count }.reduce(1, +)
    }
    #expect(
      places(report) == [
        "ai-disaster.md:\(line):\(column(1))", "ai-disaster.md:\(line):\(column(8))",
      ],
      "\(report.diagnostics.map(\.text))")
    let (typo, fromFile) = (warnings(report)[0], warnings(report)[1])
    #expect(
      typo.message
        == "the link `../cyber-securty/` leads to `/initiatives/cyber-securty/`, but the site has no page or file there"
    )
    #expect(
      typo.hint
        == "did you mean `/initiatives/cyber-security/`? link the page by its file, `cyber-security.md`, which follows the page if its address changes"
    )
    #expect(
      fromFile.hint
        == "did you mean `/initiatives/`? an address is read from the page's own address (`/initiatives/ai-disaster/`), not from its file"
    )
    #expect(
      fromFile.japanese?.message
        == "リンク `../initiatives/`（行き先 `/initiatives/initiatives/`）の先に、サイトのページもファイルもありません")
    #expect(
      report.diagnostics.filter { $0.code == HeadingLinks.code }.compactMap {
        $0.hint.map { String($0.prefix(40)) }
      }
        == ["did you mean `../../strategy/basics/#期間`"])
  }

  @Test func strictFailsOnIt() throws {
    let content = try copyFixture()
    let output = content.deletingLastPathComponent().appendingPathComponent("site")
    try appendToBody(of: content.appendingPathComponent("strategy/basics.md"), "[x](/nowhere/)")
    var o = options(content: content, output: output)
    o.strict = true
    let report = SiteBuilder.build(o)
    #expect(!report.succeeded)
    #expect(!FileManager.default.fileExists(atPath: output.path))
  }

  /// The warning comes back in builds that take the linking body from the cache; a file
  /// removed from the static folder is reported at the link to it though the linking body is
  /// not rendered again; a page renamed at the links to its old address; a full build says the
  /// same.
  @Test func incrementalBuildsSayWhatAFullBuildSays() throws {
    let content = try copyFixture()
    let root = content.deletingLastPathComponent()
    let output = root.appendingPathComponent("site")
    let statics = try staticFolder(beside: content)
    func build(into folder: URL = output) -> BuildReport {
      var o = options(content: content, output: folder)
      o.staticDirectory = statics
      return SiteBuilder.build(o)
    }
    let basics = content.appendingPathComponent("strategy/basics.md")
    let line = try appendToBody(of: basics, "[期間](/strategy/period/)と[古い](/old/)と![QR](/qr.png)")
    let first = build()
    #expect(places(first) == ["basics.md:\(line):25"])
    #expect(places(build()) == places(first))
    // Another page's body edited: basics.md's body is a stub from the cache.
    try edit(content.appendingPathComponent("initiatives/ai-disaster.md")) { $0 + "\n追記です。\n" }
    let other = build()
    #expect(other.mode == .incremental)
    #expect(!other.renderedPaths.contains("strategy/basics/index.html"))
    #expect(places(other) == places(first))
    // The static file linked removed: basics.md's body is still a stub.
    try FileManager.default.removeItem(at: statics.appendingPathComponent("qr.png"))
    let removed = build()
    #expect(removed.mode == .incremental)
    #expect(!removed.renderedPaths.contains("strategy/basics/index.html"))
    #expect(places(removed) == ["basics.md:\(line):25", "basics.md:\(line):37"])
    // An image's address, said as one (its place kept in the cache with the body).
    #expect(
      warnings(removed).last?.message
        == "the image points to `/qr.png`, but the site has no page or file there")
    #expect(
      warnings(removed).last?.japanese?.message.hasPrefix("画像 `/qr.png` のファイルが、サイトにありません")
        == true)
    // The page linked gets another slug.
    try edit(content.appendingPathComponent("strategy/period.md")) {
      "---\nslug: term\n" + $0.dropFirst("---\n".count)
    }
    let renamed = build()
    #expect(renamed.mode == .incremental)
    #expect(
      places(renamed) == ["basics.md:\(line):1", "basics.md:\(line):25", "basics.md:\(line):37"])
    let full = build(into: root.appendingPathComponent("full"))
    #expect(places(full) == places(renamed))
    #expect(warnings(full).map(\.text) == warnings(renamed).map(\.text))
  }

  /// `portal serve`: a broken address added or mended in an edit that could go in place is
  /// said as a full build says it.
  @Test func aSessionSaysTheSame() throws {
    let content = try copyFixture()
    let output = content.deletingLastPathComponent().appendingPathComponent("site")
    let session = BuildSession()
    func build() -> BuildReport {
      SiteBuilder.build(options(content: content, output: output), session: session)
    }
    let basics = content.appendingPathComponent("strategy/basics.md")
    let line = try appendToBody(of: basics, "[取組](/initiatives/)")
    #expect(warnings(build()).isEmpty)
    // A body edit that keeps its links: in place.
    try edit(basics) { $0 + "\n追記です。\n" }
    let kept = build()
    #expect(kept.mode == .inPlace)
    #expect(warnings(kept).isEmpty)
    // The address broken.
    try edit(basics) { $0.replacingOccurrences(of: "(/initiatives/)", with: "(/initiative/)") }
    #expect(places(build()) == ["basics.md:\(line):1"])
    #expect(places(build()) == ["basics.md:\(line):1"])
    // Another edit of the same body, the link still broken.
    try edit(basics) { $0 + "\nもう一つ。\n" }
    #expect(places(build()) == ["basics.md:\(line):1"])
    // Mended.
    try edit(basics) { $0.replacingOccurrences(of: "(/initiative/)", with: "(/initiatives/)") }
    #expect(warnings(build()).isEmpty)
  }
}
