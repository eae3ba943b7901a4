import CCmarkGFM
import Glibc

typealias Node = OpaquePointer

extension Node {
  var type: cmark_node_type { cmark_node_get_type(self) }
  var firstChild: Node? { cmark_node_first_child(self) }
  var next: Node? { cmark_node_next(self) }
  var previous: Node? { cmark_node_previous(self) }
  var lastChild: Node? { cmark_node_last_child(self) }
  var parent: Node? { cmark_node_parent(self) }
  var literal: String {
    guard let c = cmark_node_get_literal(self) else { return "" }
    return String(cmarkCString: c)
  }
  /// The literal's UTF-8 bytes, read in place: valid only inside `body`, and only while the
  /// node is unchanged.
  func withLiteralBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
    guard let c = cmark_node_get_literal(self) else {
      return body(UnsafeBufferPointer(start: nil, count: 0))
    }
    return c.withMemoryRebound(to: UInt8.self, capacity: 1) {
      body(UnsafeBufferPointer(start: $0, count: strlen(c)))
    }
  }

  /// Whether the literal holds this byte (not NUL), read in place (no string is made for the
  /// many text nodes without it), by `strchr`, which reads many bytes a step: a loop of a byte
  /// a step over every text node of a body was a fifth of `applyRuby`.
  func literalContains(_ byte: UInt8) -> Bool {
    guard byte != 0, let p = cmark_node_get_literal(self) else { return false }
    return strchr(p, Int32(byte)) != nil
  }
  var url: String {
    guard let c = cmark_node_get_url(self) else { return "" }
    return String(cString: c)
  }
  var typeName: String { String(cString: cmark_node_get_type_string(self)) }

  /// The children as an array, so callers can mutate the tree while looping.
  var children: [Node] {
    var result: [Node] = []
    var child = firstChild
    while let c = child {
      result.append(c)
      child = c.next
    }
    return result
  }

  /// The text a reader sees inside this node (for headings, link text, search and lint).
  var plainText: String {
    var out: [UInt8] = []
    appendPlainText(to: &out)
    return out.withUnsafeBufferPointer { String(cmarkUTF8: $0) }
  }

  /// Appends the plain text's bytes: each literal copied as bytes, decoded once by the caller
  /// (a String made of every text node, then appended, was a third of `plainText()`).
  func appendPlainText(to out: inout [UInt8]) {
    descend { node in
      switch node.type {
      case CMARK_NODE_TEXT, CMARK_NODE_CODE:
        node.appendLiteral(to: &out)
        return false
      case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
        out.append(0x0A)
        return false
      default:
        // Ruby (a custom inline) renders as base text; the reading stays out of plain text.
        return true
      }
    }
  }

  /// Appends the literal's bytes as they are (cmark's text is valid UTF-8).
  func appendLiteral(to out: inout [UInt8]) {
    withLiteralBytes { out.append(contentsOf: $0) }
  }

  /// Visits every node in document order. The visitor must not free nodes it is given.
  func walk(_ visit: (Node) -> Void) {
    descend { node in
      visit(node)
      return true
    }
  }

  /// Visits this node and the nodes under it in document order, going into a node's children
  /// when `visit` returns true. Without recursion: a body nested 40,000 deep (`>>>>…`, or
  /// emphasis inside emphasis) overflowed the stack and killed the build and `portal serve`.
  /// The visitor must not free or move nodes.
  func descend(_ visit: (Node) -> Bool) {
    var node: Node? = self
    while let n = node {
      if visit(n), let child = n.firstChild {
        node = child
        continue
      }
      node = nil
      var up: Node? = n
      while let u = up, u != self {
        if let sibling = u.next {
          node = sibling
          break
        }
        up = u.parent
      }
    }
  }
}

/// Makes a custom inline node whose HTML is `enter` + rendered children + `exit`. Used for heading
/// anchors, glossary links and ruby, which plain cmark nodes cannot express.
func makeCustomInline(enter: String, exit: String) -> Node {
  let node = cmark_node_new(CMARK_NODE_CUSTOM_INLINE)!
  enter.withCString { _ = cmark_node_set_on_enter(node, $0) }
  exit.withCString { _ = cmark_node_set_on_exit(node, $0) }
  return node
}

extension MarkdownDocument {
  /// Puts `text` wrapped in raw HTML (`enter`, `exit`: a glossary link, ruby) before `node`.
  ///
  /// cmark-gfm's table extension lets a cell hold only its own list of inline types, not a
  /// custom inline: inserting one there fails, and the text was lost (a glossary term or a
  /// ruby group alone in a cell left it empty). In a cell the text goes into a link whose
  /// title marks it, and `renderHTML` puts the wrapper's HTML in its place. If even that
  /// cannot be inserted, the text stays as plain text: nothing a writer wrote is dropped.
  func wrap(_ text: String, enter: String, exit: String, before node: Node) {
    wrap(makeText(text), enter: enter, exit: exit, before: node)
  }

  /// `wrap` for a text node already made (from cmark's bytes, `makeText(bytes:)`), which it
  /// takes over.
  func wrap(_ text: Node, enter: String, exit: String, before node: Node) {
    let wrapper: Node
    if let parent = cmark_node_parent(node), cmark_node_get_type(parent) == Self.tableCellType {
      guard !sourceHasCellMark else {
        cmark_node_insert_before(node, text)
        return
      }
      wrapper = cmark_node_new(CMARK_NODE_LINK)!
      cmark_node_set_url(wrapper, "")
      cmark_node_set_title(wrapper, "\(Self.cellMark)\(cellWrappers.count)")
      cellWrappers.append((enter, exit))
    } else {
      wrapper = makeCustomInline(enter: enter, exit: exit)
    }
    cmark_node_append_child(wrapper, text)
    if cmark_node_insert_before(node, wrapper) == 0 {
      cmark_node_unlink(text)
      cmark_node_free(wrapper)
      cmark_node_insert_before(node, text)
    }
  }

  /// A private-use character that starts the title of a wrapped run in a table cell.
  static let cellMark: Character = "\u{E000}"

  /// Replaces each marked link of `wrap` with its wrapper's HTML: `<a href="" title="N">` by
  /// `enter`, the next `</a>` (links do not nest) by `exit`.
  static func unwrapCells(
    _ bytes: UnsafeBufferPointer<UInt8>, _ wrappers: [(enter: String, exit: String)]
  ) -> String {
    // On the bytes, with `memmem`: String's `firstRange(of:)` compares Characters, and bodies
    // with glossary terms in tables spent 1.5 % of a full build in it.
    let opening = Array("<a href=\"\" title=\"\(cellMark)".utf8)
    let close = Array("\">".utf8)
    let end = Array("</a>".utf8)
    var out: [UInt8] = []
    out.reserveCapacity(bytes.count + wrappers.count * 64)
    var rest = 0
    while let start = String.find(opening, in: bytes, from: rest) {
      let afterMark = start + opening.count
      guard let closed = String.find(close, in: bytes, from: afterMark),
        let index = Int(String(decoding: bytes[afterMark..<closed], as: UTF8.self)),
        wrappers.indices.contains(index),
        let ended = String.find(end, in: bytes, from: closed + close.count)
      else {
        out += bytes[rest..<afterMark]
        rest = afterMark
        continue
      }
      out += bytes[rest..<start]
      out += wrappers[index].enter.utf8
      out += bytes[(closed + close.count)..<ended]
      out += wrappers[index].exit.utf8
      rest = ended + end.count
    }
    out += bytes[rest...]
    return out.withUnsafeBufferPointer { String(cmarkUTF8: $0) }
  }
}

func makeText(_ text: String) -> Node {
  let node = cmark_node_new(CMARK_NODE_TEXT)!
  text.withCString { _ = cmark_node_set_literal(node, $0) }
  return node
}

/// A text node of `bytes` (a run of another node's literal, cut at the ends of characters),
/// copied once into cmark's node: making a Swift String of each run first (checked as UTF-8,
/// then copied again for C) was most of the cost of cutting texts at glossary names.
func makeText(bytes: UnsafeBufferPointer<UInt8>) -> Node {
  let node = cmark_node_new(CMARK_NODE_TEXT)!
  withUnsafeTemporaryAllocation(of: CChar.self, capacity: bytes.count + 1) { buffer in
    let base = buffer.baseAddress!
    if let from = bytes.baseAddress {
      UnsafeMutableRawPointer(base).copyMemory(from: from, byteCount: bytes.count)
    }
    base[bytes.count] = 0
    cmark_node_set_literal(node, base)
  }
  return node
}

/// Escapes text for HTML element content and attribute values.
public func escapeHTML(_ text: String) -> String {
  var needs = false
  for b in text.utf8 where b == 0x26 || b == 0x3C || b == 0x3E || b == 0x22 || b == 0x27 {
    needs = true
    break
  }
  guard needs else { return text }
  var out = ""
  out.reserveCapacity(text.utf8.count + 16)
  for ch in text.unicodeScalars {
    switch ch {
    case "&": out += "&amp;"
    case "<": out += "&lt;"
    case ">": out += "&gt;"
    case "\"": out += "&quot;"
    case "'": out += "&#39;"
    default: out.unicodeScalars.append(ch)
    }
  }
  return out
}
