import Foundation

/// The name a screen reader announces for a link or button, simplified from the W3C
/// "accessible name" algorithm to what a static site produces: `aria-labelledby`, then
/// `aria-label`, then the text inside (image `alt`, visually hidden text included; hidden and
/// `aria-hidden` content left out), then `title`.
struct AccessibleName {
  let document: HTMLDocument
  private let ids: [String: Int]

  init(_ document: HTMLDocument) {
    self.document = document
    var ids: [String: Int] = [:]
    for e in 1..<document.elements.count {
      if let id = document.attribute("id", of: e), ids[id] == nil { ids[id] = e }
    }
    self.ids = ids
  }

  func name(of e: Int) -> String {
    if let labelledBy = document.attribute("aria-labelledby", of: e) {
      let text = labelledBy.split(separator: " ").compactMap { ids[String($0)] }.map {
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
      case .text(let text): out += text
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

  func trimmed(_ s: String) -> String {
    s.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
  }
}
