import Foundation
import TestSupport
import Testing

@testable import Build

/// Images in bodies keep their room while they load (`width`/`height` from the file) and are
/// fetched when the reader comes near (`loading="lazy"`).
@Suite struct ImageTests {
  /// A PNG's signature and header: all the build reads of it.
  func png(width: Int, height: Int) -> Data {
    func be32(_ v: Int) -> [UInt8] { [24, 16, 8, 0].map { UInt8(v >> $0 & 0xFF) } }
    return Data(
      [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + be32(13) + Array("IHDR".utf8)
        + be32(width) + be32(height) + [8, 6, 0, 0, 0, 0, 0, 0, 0])
  }

  @Test func theSitesImagesGetTheirSizeAndEveryImageLoadsLazily() throws {
    let content = try copyFixture()
    let output = content.deletingLastPathComponent().appendingPathComponent("site")
    let folder = content.appendingPathComponent("files/地図")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    try png(width: 1200, height: 800).write(to: folder.appendingPathComponent("避難所.png"))
    let page = content.appendingPathComponent("strategy/period.md")
    try
      (try String(contentsOf: page, encoding: .utf8)
      + "\n![避難所の地図](../files/地図/避難所.png)\n\n![県の写真](https://example.jp/a.png)\n")
      .write(to: page, atomically: true, encoding: .utf8)
    let built = SiteBuilder.build(options(content: content, output: output))
    #expect(built.succeeded, "\(built.diagnostics.map(\.text))")
    func html() throws -> String {
      try String(
        contentsOf: output.appendingPathComponent("strategy/period/index.html"), encoding: .utf8)
    }
    let escaped = "/files/%E5%9C%B0%E5%9B%B3/%E9%81%BF%E9%9B%A3%E6%89%80.png"
    #expect(
      try html().contains(
        "<img src=\"\(escaped)\" width=\"1200\" height=\"800\" loading=\"lazy\" decoding=\"async\" alt=\"避難所の地図\""
      ))
    #expect(
      try html().contains(
        "<img src=\"https://example.jp/a.png\" loading=\"lazy\" decoding=\"async\" alt=\"県の写真\""))

    // The image replaced by one of another shape: the page says so, as a full build would.
    try png(width: 600, height: 900).write(to: folder.appendingPathComponent("避難所.png"))
    let again = SiteBuilder.build(options(content: content, output: output))
    #expect(again.mode == .incremental)
    #expect(try html().contains("width=\"600\" height=\"900\""))
    let fresh = content.deletingLastPathComponent().appendingPathComponent("fresh")
    #expect(SiteBuilder.build(options(content: content, output: fresh)).succeeded)
    #expect(
      snapshot(output).filter { !$0.key.contains(".portal/") }
        == snapshot(fresh).filter { !$0.key.contains(".portal/") })
  }

  /// A file whose name has `#`, `?`, `%` or a space is linked by an address that finds it
  /// (they used to be written as they are: `/files/note#1.txt` is `/files/note` with a
  /// fragment), and an image so named still gets its size.
  @Test func fileNamesWithURLCharactersAreEncoded() throws {
    let content = try copyFixture()
    let output = content.deletingLastPathComponent().appendingPathComponent("site")
    let folder = content.appendingPathComponent("files")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    for name in ["note#1.txt", "what?.txt", "100%.txt", "a b.txt"] {
      try Data(name.utf8).write(to: folder.appendingPathComponent(name))
    }
    try png(width: 40, height: 30).write(to: folder.appendingPathComponent("図 #2.png"))
    let page = content.appendingPathComponent("strategy/period.md")
    try
      (try String(contentsOf: page, encoding: .utf8)
      + "\n[a](../files/note%231.txt) [b](../files/what%3F.txt) [c](../files/100%25.txt) "
      + "[d](../files/a%20b.txt)\n\n![図](../files/図%20%232.png)\n")
      .write(to: page, atomically: true, encoding: .utf8)
    let built = SiteBuilder.build(options(content: content, output: output))
    #expect(built.succeeded, "\(built.diagnostics.map(\.text))")
    let html = try String(
      contentsOf: output.appendingPathComponent("strategy/period/index.html"), encoding: .utf8)
    for href in ["note%231.txt", "what%3F.txt", "100%25.txt", "a%20b.txt"] {
      #expect(html.contains("href=\"/files/\(href)\""), "\(href)")
    }
    #expect(
      html.contains("<img src=\"/files/%E5%9B%B3%20%232.png\" width=\"40\" height=\"30\""),
      "\(html)")
  }
}
