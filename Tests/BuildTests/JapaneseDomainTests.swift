import Check
import Foundation
import Testing

@testable import Build

/// A site published at a Japanese domain and path (`https://例え.jp/ポータル/`): every address it
/// publishes names the host as DNS does (`xn--r8jz45g.jp`), and `portal check` knows the
/// sitemap's escaped addresses for the site's own.
@Suite struct JapaneseDomainTests {
  @Test func publishesOneFormOfTheHostAndChecksClean() async throws {
    let content = try copyFixture()
    let config = content.appendingPathComponent("site.yml")
    let yml = try String(contentsOf: config, encoding: .utf8)
    try yml.replacingOccurrences(of: "https://dx.example.jp/", with: "https://例え.jp/ポータル/")
      .write(to: config, atomically: true, encoding: .utf8)
    let output = content.deletingLastPathComponent().appendingPathComponent("site")
    let report = SiteBuilder.build(options(content: content, output: output))
    try #require(report.succeeded, "\(report.diagnostics.map(\.text))")
    func text(_ path: String) throws -> String {
      try String(contentsOf: output.appendingPathComponent(path), encoding: .utf8)
    }
    let sitemap = try text("sitemap.xml")
    #expect(
      sitemap.contains("<loc>https://xn--r8jz45g.jp/%E3%83%9D%E3%83%BC%E3%82%BF%E3%83%AB/</loc>"))
    #expect(!sitemap.contains("%E4%BE%8B"), "the host percent-encoded")
    #expect(try text("robots.txt").contains("Sitemap: https://xn--r8jz45g.jp/%E3%83%9D"))
    #expect(
      try text("index.html").contains(
        #"<link rel="canonical" href="https://xn--r8jz45g.jp/ポータル/">"#))

    let checked = await SiteChecker.check(CheckOptions(site: output))
    #expect(!checked.failed(strict: true), "\(checked.diagnostics.map(\.text))")
    // The address typed as the writer knows it is the same site.
    let typed = await SiteChecker.check(
      CheckOptions(site: output, baseURL: "https://例え.jp/ポータル/"))
    #expect(!typed.failed(strict: true), "\(typed.diagnostics.map(\.text))")
  }
}
