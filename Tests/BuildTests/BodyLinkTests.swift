import Diagnostics
import Foundation
import TestSupport
import Testing

@testable import Build

/// Links written from the content folder's root, with the base path already in them, or to a
/// published file from the wrong folder: resolved when they lead somewhere, errors with the
/// link to write when they do not (only `portal check` had found them, after the build).
@Suite struct BodyLinkTests {
  func site(with lines: [String]) throws -> (content: URL, output: URL) {
    let content = try copyFixture()
    let config = content.appendingPathComponent("site.yml")
    let yml = try String(contentsOf: config, encoding: .utf8)
    try yml.replacingOccurrences(of: "https://dx.example.jp/", with: "https://dx.example.jp/dx/")
      .write(to: config, atomically: true, encoding: .utf8)
    let files = content.appendingPathComponent("files")
    try FileManager.default.createDirectory(at: files, withIntermediateDirectories: true)
    try Data("%PDF-1.4\n".utf8).write(to: files.appendingPathComponent("plan.pdf"))
    let page = content.appendingPathComponent("initiatives/ai-disaster.md")
    let text = try String(contentsOf: page, encoding: .utf8)
    try (text + "\n" + lines.joined(separator: "\n\n") + "\n").write(
      to: page, atomically: true, encoding: .utf8)
    return (content, content.deletingLastPathComponent().appendingPathComponent("site"))
  }

  @Test func linksFromTheContentRootAndWithTheBasePathResolve() throws {
    let (content, output) = try site(with: [
      "[a](/initiatives/ai-disaster.md#top)", "[b](/content/initiatives/ai-disaster.md)",
      "[c](/dx/events/)", "[d](/events/)", "[e](/files/plan.pdf)", "[f](../files/plan.pdf)",
      "[g](/dx)", "[h](/dx#top)",
    ])
    let report = SiteBuilder.build(options(content: content, output: output))
    #expect(report.succeeded, "\(report.diagnostics.map(\.text))")
    let html = try String(
      contentsOf: output.appendingPathComponent("initiatives/ai-disaster/index.html"),
      encoding: .utf8)
    for href in [
      "/dx/initiatives/ai-disaster/#top\">a", "/dx/initiatives/ai-disaster/\">b",
      "/dx/events/\">c", "/dx/events/\">d", "/dx/files/plan.pdf\">e", "/dx/files/plan.pdf\">f",
      "/dx/\">g", "/dx/#top\">h",
    ] {
      #expect(html.contains("href=\"\(href)</a>"), "\(href)")
    }
  }

  @Test func linksToNoFileAreErrorsWithTheLinkToWrite() throws {
    let (content, output) = try site(with: [
      "[h](/files/a.pdf)", "![地図](files/plan.pdf)", "[x](ai-disaster.MD)",
    ])
    let report = SiteBuilder.build(options(content: content, output: output))
    #expect(!report.succeeded)
    let broken = report.diagnostics.filter { $0.code == "content.broken-link" }
    #expect(
      broken.map(\.message) == [
        "the link points to `/files/a.pdf`, but there is no content file `files/a.pdf`",
        "the link points to `files/plan.pdf`, but there is no content file `initiatives/files/plan.pdf`",
        "the link points to `ai-disaster.MD`, but there is no content file `initiatives/ai-disaster.MD`",
      ])
    #expect(broken[1].hint?.hasPrefix("did you mean `../files/plan.pdf`?") == true)
    #expect(broken[2].hint?.hasPrefix("did you mean `ai-disaster.md`?") == true)
  }

  /// A missing image or PDF is told where files live, with the path as this page writes it,
  /// not the example of a page (`other.md`, `../events/other.md`).
  @Test func aMissingFileIsToldWhereFilesLive() throws {
    let (content, output) = try site(with: [
      "![会場の地図](../files/none.png)", "[計画](../initiatives/nothing.md)",
    ])
    let report = SiteBuilder.build(options(content: content, output: output))
    let broken = report.diagnostics.filter { $0.code == "content.broken-link" }
    #expect(broken.count == 2)
    #expect(
      broken.first?.hint
        == "put the file under content/files/ and write where it is from this file, e.g. `../files/map.png`"
    )
    #expect(
      broken.first?.localized(.japanese).hint
        == "画像やPDFなどのファイルは content/files/ に置き、このファイルから見た場所で書きます（例：`../files/map.png`）。ファイルの名前と場所を確かめてください"
    )
    #expect(
      broken.last?.hint?.hasSuffix("link to an existing file under content/, relative to this file")
        == true)
  }

  /// A page linked by its name without `.md` leads the browser under the linking page's own
  /// address, where no page is: an error with the file to write. A page's address written
  /// relative to this page's (`../cyber-security/`) leads there and is left alone.
  @Test func aPageWrittenWithoutItsExtensionIsTheFileToWrite() throws {
    let (content, output) = try site(with: [
      "[a](cyber-security)", "[b](cyber-security/#goal)", "[c](../events/seminar)",
      "[fine](../cyber-security/)", "[fine too](../events/)",
    ])
    let report = SiteBuilder.build(options(content: content, output: output))
    let broken = report.diagnostics.filter { $0.code == "content.broken-link" }
    #expect(
      broken.map(\.message) == [
        "the link points to `cyber-security`, which leads to no page: a link to a page names its Markdown file, `.md` and all",
        "the link points to `cyber-security/#goal`, which leads to no page: a link to a page names its Markdown file, `.md` and all",
        "the link points to `../events/seminar`, which leads to no page: a link to a page names its Markdown file, `.md` and all",
      ])
    #expect(
      broken.map(\.hint) == [
        "write `cyber-security.md`", "write `cyber-security.md#goal`",
        "write `../events/seminar.md`",
      ])
    #expect(broken.first?.localized(.japanese).hint == "`cyber-security.md` と書いてください")
  }
}
