import Foundation
import Testing

@testable import Check

/// What counts as a file of the built site: what a static server would serve.
@Suite struct SiteIndexTests {
  @Test func filesHiddenFoldersAndLinksButNotTheBuildsOwnFolder() throws {
    let fixture = try FixtureSite([
      "site/index.html": "x",
      "site/a/b/index.html": "x",
      "site/.well-known/security.txt": "x",
      "site/.portal/cache/head.bin": "x",
      "site/a/.portal/x.html": "x",
      "outside.html": "x",
    ])
    let fm = FileManager.default
    let site = fixture.site.path
    // A linked file inside the site counts; one leading outside it and a linked folder do not.
    try fm.createSymbolicLink(atPath: site + "/alias.html", withDestinationPath: "a/b/index.html")
    try fm.createSymbolicLink(
      atPath: site + "/escape.html", withDestinationPath: fixture.root.path + "/outside.html")
    try fm.createSymbolicLink(atPath: site + "/linked", withDestinationPath: site + "/a")
    try fm.createSymbolicLink(atPath: site + "/dangling.html", withDestinationPath: "nowhere.html")

    let index = try #require(SiteIndex.scan(fixture.site))
    #expect(
      index.files == [
        "index.html", "a/b/index.html", ".well-known/security.txt", "alias.html",
      ])
    #expect(index.htmlFiles == ["a/b/index.html", "alias.html", "index.html"])
  }

  @Test func aSiteReachedThroughALinkIsScanned() throws {
    let fixture = try FixtureSite(["site/index.html": "x", "site/p/index.html": "x"])
    let link = fixture.root.appendingPathComponent("published")
    try FileManager.default.createSymbolicLink(at: link, withDestinationURL: fixture.site)
    #expect(SiteIndex.scan(link)?.files == ["index.html", "p/index.html"])
  }

  @Test func noFolderNoIndex() throws {
    let fixture = try FixtureSite(["site": "a file, not a folder"])
    #expect(SiteIndex.scan(fixture.site) == nil)
    #expect(SiteIndex.scan(fixture.root.appendingPathComponent("missing")) == nil)
  }
}
