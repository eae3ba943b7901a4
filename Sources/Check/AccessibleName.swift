import Foundation

/// The name a screen reader announces for a link or button, simplified from the W3C
/// "accessible name" algorithm to what a static site produces: `aria-labelledby`, then
/// `aria-label`, then the text inside (image `alt`, visually hidden text included; hidden and
/// `aria-hidden` content left out), then `title`.
struct AccessibleName {
  let document: HTMLDocument

  init(_ document: HTMLDocument) {
    self.document = document
  }

  /// The first element with this id. Looked up when asked, not mapped for every page:
  /// `aria-labelledby` is rare, and a map of every page's ids cost a tenth of a check.
  private func element(id: Substring) -> Int? {
    document.elements.indices.dropFirst().first {
      document.attribute("id", of: $0).map { $0[...] == id } ?? false
    }
  }

  func name(of e: Int) -> String {
    if let labelledBy = document.attribute("aria-labelledby", of: e) {
      let text = labelledBy.split(separator: " ").compactMap { element(id: $0) }.map {
        content(of: $0)
      }
      .joined(separator: " ")
      if !trimmed(text).isEmpty { return trimmed(text) }
    }
    if let label = document.attribute("aria-label", of: e), !trimmed(label).isEmpty {
      return trimmed(label)
    }
    let text = trimmed(content(of: e))
    if !text.isEmpty { return text }
    return trimmed(document.attribute("title", of: e) ?? "")
  }

  /// The text inside `e` as announced: furigana readings are left out so "詳細" written with
  /// furigana still compares as "詳細".
  func content(of e: Int) -> String {
    var out = ""
    for child in document[e].children {
      switch child {
      case .text(let text): out += text.string(in: document.bytes)
      case .element(let c):
        let element = document[c]
        if document.attribute("aria-hidden", of: c) == "true"
          || document.attribute("hidden", of: c) != nil
        {
          continue
        }
        switch element.name {
        case "rt", "rp", "script", "style", "template": continue
        case "img", "area": out += " " + (document.attribute("alt", of: c) ?? "") + " "
        case "input" where document.attribute("type", of: c)?.lowercased() == "image":
          out += document.attribute("alt", of: c) ?? ""
        default:
          if let label = document.attribute("aria-label", of: c), !trimmed(label).isEmpty {
            out += " " + label + " "
          } else if element.name == "svg",
            let title = element.children.compactMap({ child -> Int? in
              if case .element(let t) = child, document[t].name == "title" { return t }
              return nil
            }).first
          {
            out += document.textContent(of: title)
          } else {
            out += content(of: c)
          }
        }
      }
    }
    return out
  }

  /// Whitespace runs made one space, none at the ends, as a screen reader reads the text.
  /// Scalar by scalar with a quick way out, since most names need no change: splitting into
  /// Characters took a tenth of a check of 10,000 pages.
  func trimmed(_ s: String) -> String {
    var previousSpace = true
    var clean = true
    for u in s.unicodeScalars {
      let space = Self.isWhitespace(u)
      if space && (previousSpace || u != " ") {
        clean = false
        break
      }
      previousSpace = space
    }
    if clean && !previousSpace { return s }
    var out = String.UnicodeScalarView()
    var pendingSpace = false
    for u in s.unicodeScalars {
      if Self.isWhitespace(u) {
        pendingSpace = !out.isEmpty
        continue
      }
      if pendingSpace {
        out.append(" ")
        pendingSpace = false
      }
      out.append(u)
    }
    return String(out)
  }

  /// What `Character.isWhitespace` says of a character starting with this scalar.
  @inline(__always)
  static func isWhitespace(_ u: Unicode.Scalar) -> Bool {
    // Unicode's White_Space set, fixed since Unicode 6: looking up the property for every
    // character of Japanese text was a twentieth of a check.
    switch u.value {
    case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F,
      0x3000:
      return true
    default:
      return false
    }
  }
}
