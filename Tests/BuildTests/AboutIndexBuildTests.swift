import Content
import Foundation
import TestSupport
import Testing

@testable import Build

/// /about/ in the build of the fixture (four pages about the site): rendered again when what it
/// lists changes and only then, gone with the last page about the site, and no file or earlier
/// address may take its place.
@Suite struct AboutIndexBuildTests {
  let content: URL
  let output: URL

  init() throws {
    content = try copyFixture()
    output = content.deletingLastPathComponent().appendingPathComponent("site")
  }

  func file(_ relative: String) -> URL { content.appendingPathComponent(relative) }

  /// Builds incrementally after `change`; whether about/index.html was rendered again.
  func rendersList(
    after change: () throws -> Void, sourceLocation: SourceLocation = #_sourceLocation
  ) throws -> Bool {
    try change()
    let report = SiteBuilder.build(options(content: content, output: output))
    try #require(
      report.succeeded, "\(report.diagnostics.map(\.text))", sourceLocation: sourceLocation)
    #expect(report.mode == .incremental, sourceLocation: sourceLocation)
    return report.renderedPaths.contains("about/index.html")
  }

  func list() throws -> String {
    String(
      decoding: try Data(contentsOf: output.appendingPathComponent("about/index.html")),
      as: UTF8.self)
  }

  @Test func listedChangesRenderItAgainAndOthersDoNot() throws {
    try #require(SiteBuilder.build(options(content: content, output: output)).succeeded)
    #expect(try list().contains("<a href=\"/about/privacy/\">プライバシーポリシー</a>"))
    #expect(
      try String(contentsOf: output.appendingPathComponent("sitemap.xml"), encoding: .utf8)
        .contains("<loc>https://dx.example.jp/about/</loc>"))

    // Not read: another kind's page, an about page's body.
    #expect(
      try !rendersList {
        try edit(file("initiatives/cyber-security.md")) {
          $0.replacingOccurrences(of: "title: サイバー空間の脅威への対処", with: "title: サイバー犯罪への備え")
        }
      })
    #expect(try !rendersList { try edit(file("pages/links.md")) { $0 + "\n追記です。\n" } })
    // Read: a title, a summary (of a page the footer leaves out too), the order.
    #expect(
      try rendersList {
        try edit(file("pages/links.md")) {
          $0.replacingOccurrences(of: "title: リンク・著作権について", with: "title: 著作権について")
        }
      })
    #expect(try list().contains(">著作権について</a>"))
    #expect(
      try rendersList {
        try edit(file("pages/privacy.md")) {
          $0.replacingOccurrences(of: "\ntags:", with: "\nsummary: 情報の扱い方です。\ntags:")
        }
      })
    #expect(try list().contains("<p>情報の扱い方です。</p>"))
    #expect(
      try rendersList {
        try edit(file("pages/links.md")) {
          $0.replacingOccurrences(of: "\ntitle:", with: "\norder: 0\ntitle:")
        }
      })
    #expect(
      try list().components(separatedBy: "card-title").dropFirst().first?.contains("/about/links/")
        == true)
    // A page added and removed.
    #expect(
      try rendersList {
        try "---\ntitle: 使い方\n---\n\n本文です。\n".write(
          to: file("pages/help.md"), atomically: true, encoding: .utf8)
      })
    #expect(try list().contains("<a href=\"/about/help/\">使い方</a>"))
    #expect(try rendersList { try FileManager.default.removeItem(at: file("pages/help.md")) })
    #expect(try !list().contains("/about/help/"))

    // The last one gone: no list, nothing in the sitemap, no link to it.
    for name in ["about.md", "accessibility.md", "links.md", "privacy.md"] {
      try FileManager.default.removeItem(at: file("pages/\(name)"))
    }
    try #require(SiteBuilder.build(options(content: content, output: output)).succeeded)
    #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("about").path))
    #expect(
      try !String(contentsOf: output.appendingPathComponent("sitemap.xml"), encoding: .utf8)
        .contains("/about/"))
  }

  /// In `portal serve`, a summary edit goes in place and renders the list, even of a page no
  /// footer shows; a title elsewhere does not.
  @Test func editsInPlaceRenderItWhenItShowsThem() throws {
    let session = BuildSession()
    try #require(
      SiteBuilder.build(options(content: content, output: output), session: session).succeeded)
    try edit(file("pages/privacy.md")) {
      $0.replacingOccurrences(of: "\ntags:", with: "\nsummary: 情報の扱い方です。\ntags:")
    }
    var report = SiteBuilder.build(options(content: content, output: output), session: session)
    #expect(report.mode == .inPlace && report.renderedPaths.contains("about/index.html"))
    #expect(try list().contains("<p>情報の扱い方です。</p>"))
    try edit(file("initiatives/ai-disaster.md")) {
      $0.replacingOccurrences(of: "title: AIを活用した防災対策", with: "title: AIで防災")
    }
    report = SiteBuilder.build(options(content: content, output: output), session: session)
    #expect(report.mode == .inPlace && !report.renderedPaths.contains("about/index.html"))
  }

  /// What the build says, as `file:line:column message [code]`.
  func problems() -> [String] {
    SiteBuilder.build(options(content: content, output: output)).diagnostics.filter {
      $0.severity == .error
    }.map {
      "\(URL(fileURLWithPath: $0.location.file).lastPathComponent):\($0.location.line):\($0.location.column) \($0.message) [\($0.code ?? "")]"
    }
  }

  /// Today `pages/index.md` would be published at /about/index/, beside the list, and not at
  /// /about/ as its writer meant: an error at its first line, or at its `slug`.
  @Test func aPageNamedIndexIsAnError() throws {
    let why =
      "a page about the site cannot have the slug `index`: /about/ is the list of the pages about the site, which the build makes, and this page would be at /about/index/ [front-matter.slug]"
    #expect(problems().isEmpty)
    try "---\ntitle: サイトの案内\n---\n\n本文です。\n".write(
      to: file("pages/index.md"), atomically: true, encoding: .utf8)
    #expect(problems() == ["index.md:2:1 " + why])
    try FileManager.default.removeItem(at: file("pages/index.md"))
    try edit(file("pages/about.md")) {
      $0.replacingOccurrences(of: "\ntitle:", with: "\nslug: index\ntitle:")
    }
    #expect(problems() == ["about.md:2:7 " + why])
    try edit(file("pages/about.md")) { $0.replacingOccurrences(of: "\nslug: index", with: "") }
    // The same for every kind with a list at its folder's address.
    try "---\ntitle: 取組の一覧\nsummary: 取組です。\nfields: [safety]\n---\n\n本文です。\n".write(
      to: file("initiatives/index.md"), atomically: true, encoding: .utf8)
    #expect(
      problems() == [
        "index.md:2:1 an initiative cannot have the slug `index`: /initiatives/ is the list of initiatives, which the build makes, and this page would be at /initiatives/index/ [front-matter.slug]"
      ])
  }

  /// Hugo's `_index.md` (a list's own text) was left out without a word, as every `_` name.
  @Test func hugosIndexFileIsAWarning() throws {
    for relative in ["_index.md", "events/_index.md"] {
      try "---\ntitle: イベント\n---\n\n一覧の説明です。\n".write(
        to: file(relative), atomically: true, encoding: .utf8)
    }
    try "メモ\n".write(to: file("events/_memo.md"), atomically: true, encoding: .utf8)
    let report = SiteBuilder.build(options(content: content, output: output))
    #expect(report.succeeded)
    let found = report.diagnostics.filter { $0.code == "content.index-file" }
    #expect(
      found.map { URL(fileURLWithPath: $0.location.file).path.hasSuffix("_index.md") } == [
        true, true,
      ])
    #expect(found.map(\.location.file).contains { $0.hasSuffix("events/_index.md") })
  }

  /// An earlier address at /about/ is the list's now: an error where it is written.
  @Test func anEarlierAddressAtTheListIsAnError() throws {
    try edit(file("pages/about.md")) {
      $0.replacingOccurrences(of: "\ntitle:", with: "\nredirect_from: [/about/]\ntitle:")
    }
    #expect(
      problems() == [
        "about.md:2:17 `redirect_from` address /about/ is the address of the list of the pages about the site (このサイトについて), which the build makes while the site has any [content.redirect-conflict]"
      ])
  }
}
