import Dispatch
import Foundation
import Testing

@testable import Search

/// What surrounds the index's n-gram tables: its batches' files handed over while the
/// partitions add the batch, memory handed back once a batch is let go, the parallel maps'
/// results moved out rather than copied, and documents already in id order used as they are.
@Suite struct IndexHandOverTests {
  final class Token: Sendable {}

  static func documents(_ count: Int) -> [SearchDocument] {
    (0..<count).map { i in
      SearchDocument(
        url: "/initiatives/i-\(i)/", title: "取組\(i)の防災", kind: .initiative,
        summary: "市町村のデジタル化\(i % 7)", body: "地域の防災と子育て支援。\(i)番目の本文。",
        date: "2026-\(String(format: "%02d", 1 + i % 12))-01", keywords: ["防災"])
    }
  }

  @Test func resultsAreMovedOutNotCopied() {
    let box = ResultBox<Token>(count: 2)
    DispatchQueue.concurrentPerform(iterations: 2) { box.set($0, Token()) }
    var values = box.values()
    // The box keeps no reference of its own: each value is held by the array alone.
    withExtendedLifetime(box) {
      #expect(isKnownUniquelyReferenced(&values[0]))
      #expect(isKnownUniquelyReferenced(&values[1]))
    }
  }

  @Test func workRunsOnAnotherThreadMeanwhile() {
    // `meanwhile` waits for `work`: run one after the other on one thread, this never ends.
    let started = DispatchSemaphore(value: 0)
    var (workRan, meanwhileRan) = (false, false)
    searchConcurrently {
      started.signal()
      workRan = true
    } meanwhile: {
      started.wait()
      meanwhileRan = true
    }
    #expect(workRan && meanwhileRan)
  }

  @Test func documentsInOrderAreTheSameArray() {
    let inOrder = SearchIndexBuilder.ordered(Self.documents(50))
    let again = SearchIndexBuilder.ordered(inOrder)
    #expect(
      inOrder.withUnsafeBufferPointer { $0.baseAddress }
        == again.withUnsafeBufferPointer { $0.baseAddress })
    // Out of order, they are ordered as before: newer dates first, then by URL.
    let reversed = SearchIndexBuilder.ordered(Array(inOrder.reversed()))
    #expect(reversed.map(\.url) == inOrder.map(\.url))
    #expect(
      zip(inOrder, inOrder.dropFirst()).allSatisfy { a, b in
        a.date! > b.date! || (a.date == b.date && a.url < b.url)
      })
  }

  @Test func memoryIsHandedBackAfterEveryFourthBatchIsLetGo() {
    // 1,100 documents are five batches of 256: the release comes after the fourth batch's
    // files and before the fifth's, once the fourth batch is let go.
    final class Events: @unchecked Sendable {
      let lock = NSLock()
      var list: [String] = []
      func add(_ e: String) { lock.withLock { list.append(e) } }
    }
    let events = Events()
    _ = SearchIndexBuilder.buildIndexInOrder(
      Self.documents(1100), releaseMemory: { events.add("release") }
    ) { files in
      if files.contains(where: { $0.name.hasPrefix("c/") }) { events.add("batch") }
    }
    let list = events.list
    let batches = list.indices.filter { list[$0] == "batch" }
    #expect(batches.count == 5)
    #expect(list[batches[3]..<batches[4]].contains("release"))
    #expect(!list[..<batches[3]].contains("release"))
  }
}
