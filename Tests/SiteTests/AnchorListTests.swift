import Foundation
import Testing

@testable import Markdown
@testable import Site

/// A body's anchors (its headings' ids, then its HTML's own, once each) are the same whether
/// the ids are compared one by one or through a set, as they were before: duplicates among
/// both, canonically equal ids (が written as one scalar or as か and U+3099), and bodies
/// past the size where the set is used.
@Suite struct AnchorListTests {
  /// The list as a set made it: `Set.insert` keeps the first of ids `==` holds equal.
  static func throughASet(_ headings: [Heading], _ own: [String]) -> [String] {
    var ids = headings.map(\.id)
    var seen = Set(ids)
    for id in own where seen.insert(id).inserted { ids.append(id) }
    return ids
  }

  @Test func theSameAnchorsAsThroughASet() {
    var generator = SystemRandomNumberGenerator()
    let pool = ["a", "b", "が", "か\u{3099}", "見出し", "fn-1", "fnref-1", "x&y", "A"]
    for _ in 0..<3_000 {
      let big = Int.random(in: 0..<4, using: &generator) == 0
      let headings = (0..<Int.random(in: 0...(big ? 30 : 4), using: &generator)).map { _ in
        Heading(
          level: 2, text: "", id: pool.randomElement(using: &generator)!, line: 1, column: 1)
      }
      let own = (0..<Int.random(in: 0...(big ? 30 : 4), using: &generator)).map { _ in
        pool.randomElement(using: &generator)!
      }
      let html = own.map { "<p id=\"\($0.replacingOccurrences(of: "&", with: "&amp;"))\"></p>" }
        .joined()
      let got = HeadingLinks.anchors(headings: headings, html: html)
      let expected = Self.throughASet(headings, own)
      // Byte for byte: of two canonically equal ids, the first written is kept.
      #expect(got.map { Array($0.utf8) } == expected.map { Array($0.utf8) }, "\(headings) \(own)")
    }
  }
}
