import Foundation
import TestSupport
import Testing

@testable import Build

/// A full build of a large site sets the search index's bulk aside in a file while it is built
/// (`SpillStore`, what keeps 10,000 pages under 300 MiB); a small site holds it in memory. Both
/// ways give the same site, byte for byte.
@Suite struct SearchSpillBuildTests {
  @Test func spilledAndHeldIndexesAreTheSame() throws {
    let content = try copyFixture()
    let root = content.deletingLastPathComponent()
    var held = options(content: content, output: root.appendingPathComponent("held"))
    var spilled = options(content: content, output: root.appendingPathComponent("spilled"))
    held.searchSpillFromPages = Int.max
    spilled.searchSpillFromPages = 0
    try #require(SiteBuilder.build(held).succeeded)
    try #require(SiteBuilder.build(spilled).succeeded)
    let (a, b) = (site(held.outputDirectory), site(spilled.outputDirectory))
    #expect(a.keys.filter { $0.hasPrefix("/search/s/") }.count > 10)
    #expect(a == b)
  }
}
