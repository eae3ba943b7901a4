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
  struct TrieNode: Sendable {
    var start: Int32
    var count: Int32
    var name: Int32
  }
  /// The root is 0.
  private let nodes: [TrieNode]
  /// An edge: its byte in bits 32–39, the node it leads to in the low 32 bits.
  private let edges: [UInt64]

  /// The name that ends at `node`, or -1.
  @inline(__always)
  func name(endingAt node: Int) -> Int { Int(nodes[node].name) }

  /// The node `bytes` lead to from the root, if any.
  func node(after bytes: some Sequence<UInt8>) -> Int? {
    var node = 0
    for byte in bytes {
      let start = Int(nodes[node].start)
      guard
        let e = (start..<(start + Int(nodes[node].count))).first(where: {
          UInt8(truncatingIfNeeded: edges[$0] >> 32) == byte
        })
      else { return nil }
      node = Int(UInt32(truncatingIfNeeded: edges[e]))
    }
    return node
  }

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
        var here = nodes[node]
        var j = start
        while j < text.count {
          let byte = UInt64(text[j]) << 32
          var e = Int(here.start)
          let last = e + Int(here.count)
          while e < last, edges[e] & 0xFF_0000_0000 < byte { e += 1 }
          guard e < last, edges[e] & 0xFF_0000_0000 == byte else { return }
          here = nodes[Int(UInt32(truncatingIfNeeded: edges[e]))]
          j += 1
          if here.name >= 0 { pass(j, Int(here.name)) }
        }
      }
    }
  }

  /// Collects names, then lays the trie out flat.
  struct Builder {
    private var children: [[UInt8: Int32]] = [[:]]
    private var terminal: [Int32] = [-1]
    private var names: [Name] = []

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
      return NameTrie(names: names, nodes: nodes, edges: edges)
    }
  }
}
