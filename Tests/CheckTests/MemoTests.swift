import Synchronization
import Testing

@testable import Check

/// A value is made once per key, and asked for from many tasks at once it is the same.
@Suite struct MemoTests {
  @Test func madeOncePerKey() {
    let memo = Memo<String>()
    var made: [String] = []
    for key in ["a", "b", "a", "a", "b", "c"] {
      _ = memo.value(for: key) {
        made.append(key)
        return key.uppercased()
      }
    }
    #expect(made == ["a", "b", "c"])
    #expect(memo.value(for: "b") { "other" } == "B")
  }

  @Test func sharedByConcurrentAskers() async {
    let memo = Memo<Int>()
    let makes = Counter()
    let answers = await withTaskGroup(of: (Int, Int).self) { group in
      for n in 0..<200 {
        group.addTask {
          let value = memo.value(for: "k\(n % 5)") {
            makes.count.add(1, ordering: .relaxed)
            return n % 5
          }
          return (n, value)
        }
      }
      return await group.reduce(into: [(Int, Int)]()) { $0.append($1) }
    }
    #expect(answers.count == 200)
    #expect(answers.allSatisfy { $0.1 == $0.0 % 5 })
    // Each key made at least once; a race may make one twice, never once per asker.
    #expect((5..<200).contains(makes.count.load(ordering: .relaxed)))
    for k in 0..<5 { #expect(memo.value(for: "k\(k)") { -1 } == k) }
  }

  final class Counter: Sendable {
    let count = Atomic<Int>(0)
  }
}
