import Foundation
import Testing

@testable import Build

/// A theme checked out on Windows (Git's autocrlf) has CR LF line ends in its templates: the
/// pages are the ones the same theme with LF makes, so a commit builds the same bytes on any
/// computer (a CI audit found CR in all 196 pages).
@Suite struct ThemeLineEndsTests {
  @Test func templatesWithCRLFMakeThePagesLFMakes() throws {
    let (content, theme, crlf) = try fixtureWithOwnTheme()
    let root = content.deletingLastPathComponent()
    let templates = theme.appendingPathComponent("templates")
    let fm = FileManager.default
    var converted = 0
    for name in try fm.contentsOfDirectory(atPath: templates.path) where name.hasSuffix(".mustache")
    {
      let file = templates.appendingPathComponent(name)
      let text = try String(contentsOf: file, encoding: .utf8)
      try text.replacingOccurrences(of: "\n", with: "\r\n").write(
        to: file, atomically: true, encoding: .utf8)
      converted += 1
    }
    #expect(converted > 5)
    #expect(SiteBuilder.build(crlf).succeeded)
    let lf = options(content: content, output: root.appendingPathComponent("site-lf"))
    #expect(SiteBuilder.build(lf).succeeded)
    let pages = try fm.subpathsOfDirectory(atPath: lf.outputDirectory.path)
      .filter { !$0.hasPrefix(".") && $0.hasSuffix(".html") }
    #expect(pages.count > 20)
    for page in pages {
      let made = try Data(contentsOf: crlf.outputDirectory.appendingPathComponent(page))
      #expect(!made.contains(0x0D), "\(page)")
      #expect(
        made == (try Data(contentsOf: lf.outputDirectory.appendingPathComponent(page))), "\(page)")
    }
  }
}
