import Search
import Testing

@testable import Build

/// `SearchDocuments` puts its documents in id order by swapping them into place, cycle by
/// cycle, instead of copying each one: the result must be `order.map { documents[$0] }`.
@Suite struct SearchDocumentsOrderTests {
  static func documents(_ count: Int) -> [SearchDocument] {
    (0..<count).map {
      SearchDocument(
        url: "/d/\($0)/", title: "\($0)", kind: .initiative, summary: "", body: "", date: nil,
        keywords: [])
    }
  }

  @Test func permutedAsByCopies() {
    let documents = Self.documents(12)
    // Cycles of one (3, 9), two (0 5), three (1 7 10) and the rest in one long cycle.
    let orders: [[Int]] = [
      [5, 7, 4, 3, 6, 0, 11, 10, 2, 9, 1, 8],
      Array(0..<12),
      Array((0..<12).reversed()),
      Array(1..<12) + [0],
    ]
    for order in orders {
      let expected = order.map { documents[$0].url }
      #expect(SearchDocuments.permuted(documents, by: order).map(\.url) == expected)
    }
    #expect(SearchDocuments.permuted([], by: []).isEmpty)
  }
}
