/// The element tree of one page, kept in an array in document order so that an element's
/// descendants are the contiguous run after it: rules walk ranges instead of chasing pointers,
/// and the whole tree is a value that is cheap to build and drop for each of 10,000 pages.
struct HTMLDocument: Sendable {
  struct Element: Sendable {
    var name: String
    var attributes: [HTMLAttribute]
    /// Byte offset of the `<` of the start tag.
    var offset: Int
    var parent: Int
    /// Index after the last descendant.
    var end: Int
    var children: [Child] = []
  }

  enum Child: Sendable {
    case element(Int)
    case text(HTMLText)
  }

  /// Element 0 is the document itself (name `#document`).
  private(set) var elements: [Element]
  /// The page, which texts are read from.
  let bytes: [UInt8]

  static let voidElements: Set<String> = [
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
    "wbr", "param",
  ]

  /// Builds the tree tolerantly: a stray end tag is ignored and an end tag closes any elements
  /// left open inside it, as browsers do for the common cases.
  init(_ bytes: [UInt8]) {
    self.bytes = bytes
    let tokens = HTMLScanner.tokens(bytes)
    elements = [Element(name: "#document", attributes: [], offset: 0, parent: -1, end: 0)]
    var stack = [0]
    for token in tokens {
      switch token {
      case .start(let name, let attributes, let selfClosing, let offset):
        let index = elements.count
        let parent = stack[stack.count - 1]
        elements.append(
          Element(
            name: name, attributes: attributes, offset: offset, parent: parent, end: index + 1))
        elements[parent].children.append(.element(index))
        if !selfClosing && !Self.voidElements.contains(name) { stack.append(index) }
      case .end(let name, _):
        guard let position = stack.lastIndex(where: { elements[$0].name == name }), position > 0
        else {
          continue
        }
        for open in stack[position...] { elements[open].end = elements.count }
        stack.removeSubrange(position...)
      case .text(let text):
        elements[stack[stack.count - 1]].children.append(.text(text))
      }
    }
    for open in stack { elements[open].end = elements.count }
  }

  subscript(_ index: Int) -> Element { elements[index] }

  /// Indices of all elements named `name`, in document order.
  func all(_ name: String) -> [Int] {
    elements.indices.filter { elements[$0].name == name }
  }

  func attribute(_ name: String, of index: Int) -> String? {
    elements[index].attributes.first { $0.name == name }?.value
  }

  func attributeOffset(_ name: String, of index: Int) -> Int {
    elements[index].attributes.first { $0.name == name }?.offset ?? elements[index].offset
  }

  /// Descendant element indices of `index`, in document order.
  func descendants(of index: Int) -> Range<Int> { (index + 1)..<elements[index].end }

  func hasAncestor(_ index: Int, named name: String) -> Bool {
    var p = elements[index].parent
    while p > 0 {
      if elements[p].name == name { return true }
      p = elements[p].parent
    }
    return false
  }

  /// The text a reader sees in the element, with furigana (`<rt>`, `<rp>`) left out so headings
  /// match the text written in Markdown.
  func textContent(of index: Int, skipping skipped: Set<String> = ["rt", "rp"]) -> String {
    var out = ""
    appendText(of: index, to: &out, skipping: skipped)
    return out
  }

  private func appendText(of index: Int, to out: inout String, skipping skipped: Set<String>) {
    for child in elements[index].children {
      switch child {
      case .text(let text): out += text.string(in: bytes)
      case .element(let e) where !skipped.contains(elements[e].name):
        appendText(of: e, to: &out, skipping: skipped)
      case .element: break
      }
    }
  }
}
