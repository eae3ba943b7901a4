import Content
import Diagnostics
import Foundation
import TestSupport
import Testing

@testable import Build

/// HTML in a body is left out of the page unless `allow_raw_html` is on: the build says so,
/// once a page, at the first place, and says it again in every later build (incremental, up
/// to date, and edits in `portal serve`) for as long as the HTML is there.
@Suite final class LeftOutHTMLTests {
  let root: URL
  let content: URL
  let output: URL
  let page: URL

  init() throws {
    content = try copyFixture()
    root = content.deletingLastPathComponent()
    output = root.appendingPathComponent("site")
    page = content.appendingPathComponent("initiatives/cyber-security.md")
  }

  deinit { try? FileManager.default.removeItem(at: root) }

  /// Appends `html` to the page's body; returns the line its first line is on.
  @discardableResult
  func addToBody(_ html: String) throws -> Int { try appendToBody(of: page, html) }

  func warnings(_ report: BuildReport) -> [Diagnostic] {
    report.diagnostics.filter { $0.code == "content.raw-html" }
  }

  @Test func theBuildSaysOnceAPageWhereHTMLIsLeftOut() throws {
    let line = try addToBody("<div>大事なお知らせ</div>\n\n改行<br>の前後<span>強調</span>です。")
    let report = SiteBuilder.build(options(content: content, output: output))
    #expect(report.succeeded)
    let found = warnings(report)
    try #require(found.count == 1, "\(report.diagnostics.map(\.text))")
    #expect(found[0].severity == .warning)
    #expect(found[0].location.file.hasSuffix("initiatives/cyber-security.md"))
    #expect(found[0].location.line == line && found[0].location.column == 1)
    #expect(
      found[0].message == "HTML is left out of the page: `<div>大事なお知らせ</div>` (and 2 more places)")
    #expect(found[0].japanese?.message == "HTML はページから省かれます：`<div>大事なお知らせ</div>`（ほかに 2 か所）")
    #expect(found[0].hint?.contains("allow_raw_html: true") == true)
    let html = try String(
      contentsOf: output.appendingPathComponent("initiatives/cyber-security/index.html"),
      encoding: .utf8)
    #expect(!html.contains("大事なお知らせ"))
  }

  @Test func commentsAndTrustedHTMLAreNotReported() throws {
    try addToBody("<!-- 次の更新で書き足す -->")
    #expect(warnings(SiteBuilder.build(options(content: content, output: output))).isEmpty)
    try addToBody("<div>大事なお知らせ</div>")
    try edit(content.appendingPathComponent("site.yml")) { $0 + "\nallow_raw_html: true\n" }
    let trusted = root.appendingPathComponent("trusted")
    let report = SiteBuilder.build(options(content: content, output: trusted))
    #expect(report.succeeded && warnings(report).isEmpty, "\(report.diagnostics.map(\.text))")
  }

  /// A body with the warning is not kept as a stub in the cache: an incremental build after
  /// another page's edit still says it, and so does an up-to-date one.
  @Test func laterBuildsSayItAgain() throws {
    try addToBody("<div>大事なお知らせ</div>")
    let first = warnings(SiteBuilder.build(options(content: content, output: output)))
    #expect(first.count == 1)
    try edit(content.appendingPathComponent("initiatives/ai-disaster.md")) { $0 + "\n追記です。\n" }
    let incremental = SiteBuilder.build(options(content: content, output: output))
    #expect(incremental.mode == .incremental)
    #expect(warnings(incremental) == first)
    let upToDate = SiteBuilder.build(options(content: content, output: output))
    #expect(upToDate.mode == .upToDate)
    #expect(warnings(upToDate) == first)
  }

  /// In `portal serve`, an edit in place that adds the HTML says it, and one that removes it
  /// stops saying it, as a full build would.
  @Test func editsInPlaceAddAndRemoveTheWarning() throws {
    let session = BuildSession()
    let original = try String(contentsOf: page, encoding: .utf8)
    #expect(
      SiteBuilder.build(options(content: content, output: output), session: session).succeeded)
    try addToBody("<div>大事なお知らせ</div>")
    var report = SiteBuilder.build(options(content: content, output: output), session: session)
    #expect(report.mode == .inPlace)
    let full = SiteBuilder.build(
      options(content: content, output: root.appendingPathComponent("full")))
    #expect(warnings(report).count == 1 && warnings(report) == warnings(full))
    try original.write(to: page, atomically: true, encoding: .utf8)
    report = SiteBuilder.build(options(content: content, output: output), session: session)
    #expect(report.mode == .inPlace)
    #expect(warnings(report).isEmpty)
  }
}
