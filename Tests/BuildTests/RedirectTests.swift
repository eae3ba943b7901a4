import Content
import Foundation
import TestSupport
import Testing

@testable import Build

/// `redirect_from`: a page's earlier addresses keep working as small pages that send the reader
/// on, and an address another output has is an error where it is written.
@Suite struct RedirectTests {
  let content: URL
  let output: URL

  init() throws {
    content = try copyFixture()
    output = content.deletingLastPathComponent().appendingPathComponent("site")
  }

  /// Adds `redirect_from` (as YAML text) after the title of `relative`.
  func addRedirects(_ relative: String, _ yaml: String) throws {
    try edit(content.appendingPathComponent(relative)) {
      $0.replacingOccurrences(of: "\ntitle:", with: "\nredirect_from: \(yaml)\ntitle:")
    }
  }

  func text(_ path: String) throws -> String {
    String(decoding: try Data(contentsOf: output.appendingPathComponent(path)), as: UTF8.self)
  }

  /// One-character folder names (Foundation's `deletingLastPathComponent` trapped on them and
  /// stopped the build with SIGILL), written and, when the redirect goes, removed again.
  @Test func oneCharacterFoldersAreWrittenAndRemoved() throws {
    try addRedirects("initiatives/cyber-security.md", "[/a/, /x/y/z/, /%E3%81%82/]")
    try #require(SiteBuilder.build(options(content: content, output: output)).succeeded)
    for path in ["a/index.html", "x/y/z/index.html", "あ/index.html"] {
      #expect(try text(path).contains("url=/initiatives/cyber-security/"), "\(path)")
    }
    try edit(content.appendingPathComponent("initiatives/cyber-security.md")) {
      $0.replacingOccurrences(of: "redirect_from: [/a/, /x/y/z/, /%E3%81%82/]\n", with: "")
    }
    let report = SiteBuilder.build(options(content: content, output: output))
    #expect(report.succeeded && report.mode == .incremental)
    for folder in ["a", "x", "あ"] {
      #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent(folder).path))
    }
  }

  @Test func earlierAddressesSendReadersToThePage() throws {
    try addRedirects(
      "initiatives/cyber-security.md", "[/initiatives/cyber/, \"/kurashi/%E9%98%B2%E7%8A%AF.html\"]"
    )
    let report = SiteBuilder.build(options(content: content, output: output))
    try #require(report.succeeded, "\(report.diagnostics.map(\.text))")

    let page = try text("initiatives/cyber/index.html")
    #expect(
      page.contains("<meta http-equiv=\"refresh\" content=\"0; url=/initiatives/cyber-security/\">")
    )
    #expect(page.contains("<meta name=\"robots\" content=\"noindex\">"))
    #expect(
      page.contains(
        "<link rel=\"canonical\" href=\"https://dx.example.jp/initiatives/cyber-security/\">"))
    #expect(page.contains("<h1 id=\"page-title\">このページは移動しました</h1>"))
    #expect(page.contains("<a href=\"/initiatives/cyber-security/\">サイバー空間の脅威への対処</a>"))
    #expect(page.contains("<title>移動しました：サイバー空間の脅威への対処｜"))
    #expect(try text("kurashi/防犯.html").contains("url=/initiatives/cyber-security/"))

    // Search engines and the sitemap know only the page's address now.
    let sitemap = try text("sitemap.xml")
    #expect(sitemap.contains("/initiatives/cyber-security/</loc>"))
    #expect(!sitemap.contains("/initiatives/cyber/</loc>"))
    // The source map points `portal check` at the line of the address.
    let map = try text(".portal/sourcemap.json")
    #expect(map.contains("initiatives/cyber/index.html"))
  }

  @Test func anAddressInUseIsAnErrorWhereItIsWritten() throws {
    let before = try #require(
      SiteBuilder.build(options(content: content, output: output)).succeeded ? site(output) : nil)
    try addRedirects(
      "initiatives/cyber-security.md",
      "[/initiatives/ai-disaster/, /old/, /old/, /search/s/x/, /sitemap.xml/, /initiatives/]")
    try addRedirects("strategy/period.md", "[/old, /assets/x/]")
    let report = SiteBuilder.build(options(content: content, output: output))
    #expect(!report.succeeded)
    let found = report.diagnostics.filter { $0.code == "content.redirect-conflict" }.map {
      "\($0.location.file.hasSuffix("cyber-security.md") ? "cyber" : "period"):\($0.location.line):\($0.location.column) \($0.message)"
    }
    #expect(
      found.sorted()
        == [
          "cyber:2:51 `redirect_from` address /old/ is given twice (first at \(content.path)/initiatives/cyber-security.md:2:44)",
          "cyber:2:17 `redirect_from` address /initiatives/ai-disaster/ is the address of \(content.path)/initiatives/ai-disaster.md",
          "cyber:2:58 `redirect_from` address /search/s/x/ is inside search/, where the search index is written",
          "cyber:2:72 `redirect_from` address /sitemap.xml/ would need a folder where the file sitemap.xml is",
          "cyber:2:87 `redirect_from` address /initiatives/ is the address of a list page",
          "period:2:17 `redirect_from` address /old/ is also given at \(content.path)/initiatives/cyber-security.md:2:44",
          "period:2:23 `redirect_from` address /assets/x/ is inside assets/, which the build writes whole",
        ].sorted())
    // A failed build leaves the site as it was.
    #expect(site(output) == before)
  }

  /// On macOS and Windows `Initiatives/AI-Disaster/` is the folder of `/initiatives/ai-disaster/`:
  /// a stub there would replace the page. An address whose folder only differs in capitals
  /// works where it is built on Linux, and is a warning.
  @Test func addressesDifferingOnlyInCapitals() throws {
    try addRedirects(
      "initiatives/cyber-security.md", "[/Initiatives/AI-Disaster/, /Old/Page/, /old/page/]")
    let report = SiteBuilder.build(options(content: content, output: output))
    #expect(!report.succeeded)
    let found = report.diagnostics.filter { $0.code == "content.redirect-conflict" }.map {
      "\($0.severity.rawValue) \($0.location.line):\($0.location.column) \($0.message)"
    }
    #expect(
      found == [
        "error 2:17 `redirect_from` address /Initiatives/AI-Disaster/ is the site's /initiatives/ai-disaster/ in other capitals: on macOS and Windows they are one file, and one would be written over the other",
        "error 2:56 `redirect_from` address /old/page/ is the site's /Old/Page/ in other capitals: on macOS and Windows they are one file, and one would be written over the other",
      ])
    try edit(content.appendingPathComponent("initiatives/cyber-security.md")) {
      $0.replacingOccurrences(
        of: "[/Initiatives/AI-Disaster/, /Old/Page/, /old/page/]", with: "[/Initiatives/old/]")
    }
    let warned = SiteBuilder.build(options(content: content, output: output))
    #expect(warned.succeeded)
    #expect(
      warned.diagnostics.map(\.message) == [
        "`redirect_from` address /Initiatives/old/ puts its page in the folder /Initiatives/, which on macOS and Windows is the site's folder /initiatives/ (only the capitals differ): built there, the redirect answers under /initiatives/ instead"
      ])
    #expect(try text("Initiatives/old/index.html").contains("url=/initiatives/cyber-security/"))
  }
}
