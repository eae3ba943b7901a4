import CCmarkGFM
import Glibc

typealias Node = OpaquePointer

extension Node {
  var type: cmark_node_type { cmark_node_get_type(self) }
  var firstChild: Node? { cmark_node_first_child(self) }
  var next: Node? { cmark_node_next(self) }
  var parent: Node? { cmark_node_parent(self) }
  var literal: String {
    guard let c = cmark_node_get_literal(self) else { return "" }
    return String(cString: c)
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

  /// Whether the literal holds this byte, read in place (no string is made for the many text
  /// nodes without it).
  func literalContains(_ byte: UInt8) -> Bool {
    guard var p = cmark_node_get_literal(self) else { return false }
    while p.pointee != 0 {
      if UInt8(bitPattern: p.pointee) == byte { return true }
      p += 1
    }
    return false
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
    var out = ""
    appendPlainText(to: &out)
    return out
  }

  func appendPlainText(to out: inout String) {
    switch type {
    case CMARK_NODE_TEXT, CMARK_NODE_CODE:
      out += literal
    case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
      out += "\n"
    case CMARK_NODE_CUSTOM_INLINE:
      // Ruby renders as base text; the reading stays out of plain text.
      var child = firstChild
      while let c = child {
        c.appendPlainText(to: &out)
        child = c.next
      }
    default:
      var child = firstChild
      while let c = child {
        c.appendPlainText(to: &out)
        child = c.next
      }
    }
  }

  /// Visits every node in document order. The visitor must not free nodes it is given.
  func walk(_ visit: (Node) -> Void) {
    visit(self)
    var child = firstChild
    while let c = child {
      let next = c.next
      c.walk(visit)
      child = next
    }
  }
}

/// Makes a custom inline node whose HTML is `enter` + rendered children + `exit`. Used for heading
/// anchors, glossary links and ruby, which plain cmark nodes cannot express.
func makeCustomInline(enter: String, exit: String) -> Node {
  let node = cmark_node_new(CMARK_NODE_CUSTOM_INLINE)!
  cmark_node_set_on_enter(node, enter)
  cmark_node_set_on_exit(node, exit)
  return node
}

func makeText(_ text: String) -> Node {
  let node = cmark_node_new(CMARK_NODE_TEXT)!
  cmark_node_set_literal(node, text)
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
