import Testing

@testable import Search

@Suite struct GramTrieTests {
  /// Every n-gram of up to eight characters at every position, with the OR of the bits of the
  /// places it occurs, as a dictionary keyed by the whole gram finds them; also when the trie
  /// starts tiny and has to grow many times.
  @Test func distinctGramsAndMasksMatchADictionary() {
    var generator = SystemRandomNumberGenerator()
    let alphabet: [UInt32] = Array(0x3042...0x3048) + [0x6F22, 0x5B57, 0x1F600]
    for capacity in [1, 64, 10_000] {
      let trie = GramTrie(capacity: capacity)
      var expected: [[UInt32]: UInt32] = [:]
      for round in 0..<40 {
        let text = (0..<Int.random(in: 1...60, using: &generator)).map { _ in
          alphabet.randomElement(using: &generator)!
        }
        let bit: UInt32 = 1 << UInt32(round % 32)
        for p in text.indices {
          var node = GramTrie.root
          for n in 0..<min(8, text.count - p) {
            node = trie.child(of: node, text[p + n], bit: bit)
            expected[Array(text[p...(p + n)]), default: 0] |= bit
          }
        }
      }
      var found: [[UInt32]: UInt32] = [:]
      let nodes = trie.nodes
      for (key, node) in zip(GramNode.keys(nodes), nodes) {
        #expect(found[key.scalars] == nil)
        found[key.scalars] = node.mask
      }
      #expect(found == expected)
    }
  }

  /// A trie emptied with `reset` (after growing, too) finds exactly what a new one finds, in
  /// the same order; the pool hands it back for a document of its size.
  @Test func aResetTrieFindsWhatANewOneFinds() {
    var generator = SystemRandomNumberGenerator()
    let alphabet: [UInt32] = Array(0x3042...0x3046) + [0x6F22, 0x5B57]
    func fill(_ trie: GramTrie, _ text: [UInt32]) {
      for p in text.indices {
        var node = GramTrie.root
        for n in 0..<min(8, text.count - p) {
          node = trie.child(of: node, text[p + n], bit: 1 << UInt32(p % 32))
        }
      }
    }
    func text(_ count: Int) -> [UInt32] {
      (0..<count).map { _ in alphabet.randomElement(using: &generator)! }
    }
    let pool = GramTriePool()
    let used = pool.take(capacity: 1)
    fill(used, text(400))  // grows many times
    pool.give(used)
    let second = text(200)
    #expect(pool.take(capacity: 1) !== used, "a short document does not get the grown table")
    let reused = pool.take(capacity: used.slotCount / 2)
    #expect(reused === used, "a trie comes back for a document of its size")
    fill(reused, second)
    let fresh = GramTrie(capacity: 1)
    fill(fresh, second)
    #expect(GramNode.keys(reused.nodes) == GramNode.keys(fresh.nodes))
    #expect(reused.nodes.map(\.mask) == fresh.nodes.map(\.mask))
  }
}
