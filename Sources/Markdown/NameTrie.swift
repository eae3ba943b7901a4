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

  /// Indexed by `terminal`.
  let names: [Name]
  /// Per node (the root is 0): where its edges start in `edgeByte`/`edgeNode`, how many there
  /// are (sorted by byte), and the name that ends there (-1 for none).
  private let edgeStart: [Int32]
  private let edgeCount: [Int32]
  private let terminal: [Int32]
  private let edgeByte: [UInt8]
  private let edgeNode: [Int32]

  /// The name that ends at `node`, or -1.
  @inline(__always)
  func name(endingAt node: Int) -> Int { Int(terminal[node]) }

  /// The node `bytes` lead to from the root, if any.
  func node(after bytes: some Sequence<UInt8>) -> Int? {
    var node = 0
    for byte in bytes {
      let start = Int(edgeStart[node])
      guard let e = (start..<(start + Int(edgeCount[node]))).first(where: { edgeByte[$0] == byte })
      else { return nil }
      node = Int(edgeNode[e])
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
    let from = node
    edgeStart.withUnsafeBufferPointer { edgeStart in
      edgeCount.withUnsafeBufferPointer { edgeCount in
        edgeByte.withUnsafeBufferPointer { edgeByte in
          edgeNode.withUnsafeBufferPointer { edgeNode in
            terminal.withUnsafeBufferPointer { terminal in
              var node = from
              var j = start
              while j < text.count {
                let byte = text[j]
                var e = Int(edgeStart[node])
                let last = e + Int(edgeCount[node])
                while e < last, edgeByte[e] < byte { e += 1 }
                guard e < last, edgeByte[e] == byte else { return }
                node = Int(edgeNode[e])
                j += 1
                let name = terminal[node]
                if name >= 0 { pass(j, Int(name)) }
              }
            }
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
      var edgeStart: [Int32] = []
      var edgeCount: [Int32] = []
      var edgeByte: [UInt8] = []
      var edgeNode: [Int32] = []
      for edges in children {
        edgeStart.append(Int32(edgeByte.count))
        edgeCount.append(Int32(edges.count))
        for (byte, node) in edges.sorted(by: { $0.key < $1.key }) {
          edgeByte.append(byte)
          edgeNode.append(node)
        }
      }
      return NameTrie(
        names: names, edgeStart: edgeStart, edgeCount: edgeCount, terminal: terminal,
        edgeByte: edgeByte, edgeNode: edgeNode)
    }
  }
}
