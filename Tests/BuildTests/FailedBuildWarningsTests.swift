import Foundation
import Testing

@testable import Build

/// A build that fails still says every warning it can find: one error hid the links'
/// warnings of other pages until it was fixed, a second round of fixes in CI.
@Suite struct FailedBuildWarningsTests {
  @Test func anErrorDoesNotHideTheLinksWarnings() throws {
    let content = try copyFixture()
    let output = content.deletingLastPathComponent().appendingPathComponent("site")
    try Data("---\ntitle: 壊れたリンク\nsummary: テストです。\n---\n\n[a](missing.md)\n".utf8).write(
      to: content.appendingPathComponent("pages/broken.md"))
    let page = try #require(
      FileManager.default.contentsOfDirectory(
        atPath: content.appendingPathComponent("initiatives").path
      ).sorted().first { $0.hasSuffix(".md") })
    let other = try #require(
      FileManager.default.contentsOfDirectory(
        atPath: content.appendingPathComponent("initiatives").path
      ).sorted().last { $0.hasSuffix(".md") && $0 != page })
    try edit(content.appendingPathComponent("initiatives/\(page)")) {
      $0 + "\n[一覧](/initiatives/nowhere/) [見出し](\(other)#nothere)\n"
    }
    let report = SiteBuilder.build(options(content: content, output: output))
    #expect(!report.succeeded)
    #expect(
      report.diagnostics.compactMap(\.code).sorted()
        == ["content.address-link", "content.broken-link", "content.heading-link"])
    #expect(!FileManager.default.fileExists(atPath: output.path))
  }

  /// A file whose front matter has errors is left out of the site, and its body's links went
  /// unchecked until the front matter was fixed: now said in the same run, at their lines.
  @Test func aBrokenFrontMatterDoesNotHideItsBodysLinks() throws {
    let content = try copyFixture()
    let output = content.deletingLastPathComponent().appendingPathComponent("site")
    try Data(
      "---\ntitle: 壊れた\nsummry: テストです。\n---\n\n本文。[リンク](missing.md)\n".utf8
    ).write(to: content.appendingPathComponent("pages/typo-key.md"))
    let report = SiteBuilder.build(options(content: content, output: output))
    #expect(!report.succeeded)
    let found = report.diagnostics.map {
      "\($0.location.line):\($0.location.column) \($0.code ?? "")"
    }
    #expect(found == ["3:1 front-matter.unknown-key", "6:4 content.broken-link"])
    #expect(report.diagnostics.allSatisfy { $0.location.file.hasSuffix("pages/typo-key.md") })
  }
}
