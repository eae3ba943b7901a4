import Content
import Foundation
import TestSupport
import Testing

@testable import Build

/// A theme shows site.yml's `params` on every page, escaped like any value.
@Suite struct SiteParamsBuildTests {
  @Test func aNoticeFromSiteYmlOnEveryPage() throws {
    let content = try copyFixture()
    let root = content.deletingLastPathComponent()
    let config = content.appendingPathComponent("site.yml")
    try
      (String(contentsOf: config, encoding: .utf8)
      + "params:\n  show_notice: true\n  notice: 年末年始は<休み>です\n  hours: [平日 9時から, 土日 休み]\n")
      .write(to: config, atomically: true, encoding: .utf8)
    let theme = root.appendingPathComponent("theme")
    try FileManager.default.copyItem(at: repoRoot.appendingPathComponent("theme"), to: theme)
    let layout = theme.appendingPathComponent("templates/layout.mustache")
    let text = try String(contentsOf: layout, encoding: .utf8)
    try text.replacingOccurrences(
      of: "<main id=\"main\" tabindex=\"-1\">",
      with:
        "{{#site.params.show_notice}}<p class=\"notice\">{{site.params.notice}}</p>{{/site.params.show_notice}}<ul>{{#site.params.hours}}<li>{{.}}</li>{{/site.params.hours}}</ul><main id=\"main\" tabindex=\"-1\">"
    ).write(to: layout, atomically: true, encoding: .utf8)
    let output = root.appendingPathComponent("site")
    var o = options(content: content, output: output)
    o.themeDirectory = theme
    let report = SiteBuilder.build(o)
    #expect(report.succeeded && report.diagnostics.isEmpty, "\(report.diagnostics.map(\.text))")
    for page in ["index.html", "initiatives/ai-disaster/index.html"] {
      let html = try String(contentsOf: output.appendingPathComponent(page), encoding: .utf8)
      #expect(html.contains("<p class=\"notice\">年末年始は&lt;休み&gt;です</p>"), "\(page)")
      #expect(html.contains("<ul><li>平日 9時から</li><li>土日 休み</li></ul>"), "\(page)")
    }
  }
}
