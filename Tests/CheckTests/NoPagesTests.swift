import Diagnostics
import Foundation
import Testing

@testable import Check

/// A folder without a single HTML page is not a built site: a mistyped `--site`, the theme
/// folder, or a build that wrote nothing is an error (`check.site`, exit 1), not "Checked 0
/// files and 0 links: no problems." in CI.
@Suite struct NoPagesTests {
  func expectNoSite(_ fixture: FixtureSite) async {
    let report = await fixture.check()
    let folder = Paths.display(fixture.site)
    #expect(
      report.diagnostics.map(FixtureSite.line) == [
        "\(folder):1:1: error: there is no HTML page in `\(folder)`: it is not a built site [check.site]"
      ])
    #expect(report.diagnostics.first?.hint?.contains("run `portal build` first") == true)
    #expect(report.failed(strict: false))
    for format in CheckFormat.allCases {
      let out = CheckReporter.render(report, as: format)
      #expect(out.contains("check.site") && out.contains(folder), "\(format): \(out)")
    }
    #expect(CheckReporter.summary(report) == "Checked 0 files and 0 links: 1 error.")
  }

  @Test func anEmptyFolder() async throws {
    let fixture = try FixtureSite([:])
    try FileManager.default.createDirectory(at: fixture.site, withIntermediateDirectories: true)
    await expectNoSite(fixture)
  }

  /// `--site theme`: templates, a stylesheet and a sitemap, but no page.
  @Test func aFolderOfTemplates() async throws {
    await expectNoSite(
      try FixtureSite([
        "site/templates/home.mustache": "<h1>{{site.title}}</h1>",
        "site/assets/style.css": "body { margin: 0 }",
        "site/sitemap.xml": "<urlset></urlset>",
        "site/.portal/sourcemap.json": "{}",
      ]))
  }

  /// One page anywhere is a site (its own problems are reported as usual).
  @Test func onePageIsASite() async throws {
    let fixture = try FixtureSite(["site/a/index.html": page()])
    #expect(await fixture.lines() == [])
  }
}
