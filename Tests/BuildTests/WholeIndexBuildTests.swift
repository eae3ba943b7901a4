import Foundation
import TestSupport
import Testing

@testable import Build

/// A page added to or removed from a large site moves every search document's id after it, so
/// the index is made whole: then the site is written whole too, into a new folder (the in-place
/// way rewrote 57,000 index files one by one at 10,000 pages, slower than a full build, and
/// held the whole index in memory). "Large" is `searchSpillFromPages`, 0 here. An edit that
/// keeps the pages stays in place. Each gives a full build's bytes and cache.
@Suite struct WholeIndexBuildTests: RebuiltFixture {
  let content: URL
  let output: URL

  init() throws {
    content = try copyFixture()
    output = content.deletingLastPathComponent().appendingPathComponent("site")
  }

  func buildOptions(_ folder: URL) -> BuildOptions {
    var o = options(content: content, output: folder)
    o.searchSpillFromPages = 0
    return o
  }

  func page(_ name: String) -> URL { content.appendingPathComponent("initiatives/\(name).md") }

  @Test(arguments: [false, true]) func aPageAddedOrRemovedIsBuiltWhole(serve: Bool) throws {
    let session = serve ? BuildSession() : nil
    let build = { SiteBuilder.build(buildOptions(output), session: session) }
    try #require(build().mode == .full)
    try edit(page("cyber-security")) { $0 + "\n追記です。\n" }
    let edited = build()
    #expect(edited.succeeded && edited.mode == (serve ? .inPlace : .incremental))
    try expectSameAsFullBuild("body edit", cache: session.map { .session($0) } ?? .onDisk)
    try FileManager.default.copyItem(at: page("cyber-security"), to: page("cyber-security-2"))
    let added = build()
    #expect(added.succeeded && added.mode == .full)
    try expectSameAsFullBuild("page added", cache: session.map { .session($0) } ?? .onDisk)
    try FileManager.default.removeItem(at: page("cyber-security-2"))
    let removed = build()
    #expect(removed.succeeded && removed.mode == .full)
    // Said gone, as an incremental build says it.
    #expect(removed.diagnostics.contains { $0.code == GonePages.code })
    try expectSameAsFullBuild("page removed", cache: session.map { .session($0) } ?? .onDisk)
    // A small site (under `searchSpillFromPages`) stays in place.
    var small = buildOptions(output)
    small.searchSpillFromPages = Int.max
    try FileManager.default.copyItem(at: page("cyber-security"), to: page("cyber-security-3"))
    #expect(SiteBuilder.build(small, session: session).mode == .incremental)
  }
}
