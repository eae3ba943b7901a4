/// The glossary's names (or the English phrases) as one trie of their UTF-8 bytes, for
/// `GlossaryMatcher`: at a place of a text, one walk along the text's bytes passes every name
/// that starts there, however many names share their first characters.
struct NameTrie: Sendable {
  /// What the matcher checks of a name once its bytes are found, worked out once.
  struct Name: Sendable {
    var target: Int
    /// Its first (last) byte is an ASCII letter or digit: it matches only as a whole word.
    var startsWord: Bool
    var endsWord: Bool
    /// It starts (ends) with katakana: it matches only as a whole katakana word.
    var startsKatakana: Bool
    var endsKatakana: Bool
  }

  /// Indexed by a node's `name`.
  let names: [Name]
  /// A node: where its edges start in `edges`, how many there are (sorted by byte), and the
  /// name that ends there (-1 for none). One load a step, where five arrays were five
  /// dependent loads.
  ///
  /// A node of one edge is a run instead (`count` < 0): its bytes are the `-count` bytes at
  /// `start` in `runs`, down a chain of nodes of one edge and no name, to the node `next`.
  /// Most of a glossary's nodes are such (4,989 of the generated glossary's 5,837: names
  /// sharing 防災サービス… part only near their ends), and the walk compared their bytes a
  /// node at a time, two dependent loads each (an edge, then its node); a run's bytes lie
  /// side by side.
  struct TrieNode: Sendable {
    var start: Int32
    var count: Int32
    var name: Int32
    var next: Int32 = -1
  }
  /// The root is 0.
  private let nodes: [TrieNode]
  /// An edge: its byte in bits 32–39, the node it leads to in the low 32 bits.
  private let edges: [UInt64]
  /// The runs' bytes, a chain's once: each node of a chain starts its run further in.
  let runs: [UInt8]

  /// The name that ends at `node`, or -1.
  @inline(__always)
  func name(endingAt node: Int) -> Int { Int(nodes[node].name) }

  /// Calls `pass(end, name)` for every name whose bytes the text holds from `start`, shortest
  /// first (`end` is the byte after it), going on from `node`, where the bytes before `start`
  /// led (the root for a walk from `start`; names ending at `node` itself are not passed).
  @inline(__always)
  func walk(
    _ text: UnsafeBufferPointer<UInt8>, from start: Int, node: Int = 0,
    _ pass: (_ end: Int, _ name: Int) -> Void
  ) {
    nodes.withUnsafeBufferPointer { nodes in
      edges.withUnsafeBufferPointer { edges in
        runs.withUnsafeBufferPointer { runs in
          var here = nodes[node]
          var j = start
          while j < text.count {
            if here.count < 0 {
              // No name ends inside a run: the text holds all of it, or no more names.
              let length = Int(-here.count)
              guard length <= text.count - j else { return }
              let from = Int(here.start)
              var k = 0
              while k < length, text[j + k] == runs[from + k] { k += 1 }
              guard k == length else { return }
              j += length
              here = nodes[Int(here.next)]
            } else {
              let byte = UInt64(text[j]) << 32
              var e = Int(here.start)
              let last = e + Int(here.count)
              while e < last, edges[e] & 0xFF_0000_0000 < byte { e += 1 }
              guard e < last, edges[e] & 0xFF_0000_0000 == byte else { return }
              here = nodes[Int(UInt32(truncatingIfNeeded: edges[e]))]
              j += 1
            }
            if here.name >= 0 { pass(j, Int(here.name)) }
          }
        }
      }
    }
  }

  /// Collects names, then lays the trie out flat.
  struct Builder {
    private var children: [[UInt8: Int32]] = [[:]]
    private var terminal: [Int32] = [-1]
    private var names: [Name] = []

    /// The node `bytes` lead to from the root, if any: the trie's node of that index once built.
    func node(after bytes: some Sequence<UInt8>) -> Int? {
      var node = 0
      for byte in bytes {
        guard let next = children[node][byte] else { return nil }
        node = Int(next)
      }
      return node
    }

    /// Adds a name (non-empty); a name already added keeps its target.
    mutating func insert(_ bytes: [UInt8], target: Int) {
      var node = 0
      for byte in bytes {
        if let next = children[node][byte] {
          node = Int(next)
        } else {
          children.append([:])
          terminal.append(-1)
          children[node][byte] = Int32(children.count - 1)
          node = children.count - 1
        }
      }
      guard terminal[node] < 0, let first = bytes.first, let last = bytes.last else { return }
      terminal[node] = Int32(names.count)
      names.append(
        Name(
          target: target, startsWord: GlossaryMatcher.isWord(first),
          endsWord: GlossaryMatcher.isWord(last),
          startsKatakana: GlossaryMatcher.isKatakana(bytes, at: 0),
          endsKatakana: GlossaryMatcher.isKatakana(bytes, at: bytes.count - 3)))
    }

    func build() -> NameTrie {
      var nodes: [TrieNode] = []
      var edges: [UInt64] = []
      for (i, children) in children.enumerated() {
        nodes.append(
          TrieNode(start: Int32(edges.count), count: Int32(children.count), name: terminal[i]))
        for (byte, node) in children.sorted(by: { $0.key < $1.key }) {
          edges.append(UInt64(byte) << 32 | UInt64(UInt32(node)))
        }
      }
      // Runs: from each node of one edge, down the nodes of one edge and no name it leads to.
      // A chain's bytes are written once, from its first node, whose parent does not lead on
      // into it; the nodes further down start their runs further in.
      func only(_ node: Int) -> (byte: UInt8, child: Int)? {
        guard children[node].count == 1, let (byte, child) = children[node].first else {
          return nil
        }
        return (byte, Int(child))
      }
      func continues(into node: Int) -> Bool { terminal[node] < 0 && children[node].count == 1 }
      var runs: [UInt8] = []
      var leadsOn = [Bool](repeating: false, count: children.count)
      for node in children.indices {
        if let (_, child) = only(node), continues(into: child) { leadsOn[child] = true }
      }
      for head in children.indices where !leadsOn[head] && only(head) != nil {
        var chain: [Int] = []
        var node = head
        var end = head
        while let (byte, child) = only(node) {
          chain.append(node)
          runs.append(byte)
          end = child
          guard continues(into: child) else { break }
          node = child
        }
        let base = runs.count - chain.count
        for (k, node) in chain.enumerated() {
          nodes[node].start = Int32(base + k)
          nodes[node].count = -Int32(chain.count - k)
          nodes[node].next = Int32(end)
        }
      }
      return NameTrie(names: names, nodes: nodes, edges: edges, runs: runs)
    }
  }
}
