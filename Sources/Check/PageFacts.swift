import Foundation

/// One URL a page refers to, with where it was written so a problem can point at it.
struct Reference: Sendable, Hashable {
  enum Kind: String, Sendable {
    case link, image, stylesheet, script, resource, redirect, form, frame, media

    /// The rule id a broken reference of this kind is reported under.
    var code: String {
      switch self {
      case .link, .form, .frame: "link.broken"
      case .image: "link.image"
      case .stylesheet: "link.stylesheet"
      case .script: "link.script"
      case .resource, .media: "link.resource"
      case .redirect: "link.redirect"
      }
    }

    /// How the message names it: "link", "image", "stylesheet", …
    var noun: String {
      switch self {
      case .link: "link"
      case .image: "image"
      case .stylesheet: "stylesheet"
      case .script: "script"
      case .resource: "resource link"
      case .redirect: "redirect"
      case .form: "form action"
      case .frame: "frame"
      case .media: "media source"
      }
    }
  }

  var kind: Kind
  var url: String
  /// The element and attribute it came from, e.g. `a` and `href`, to find it in a template.
  var element: String
  var attribute: String
  /// Byte offset of the attribute in the page.
  var offset: Int
  /// For a `<link>` other than a stylesheet, what the browser fetches (`LinkLoad`): its
  /// Content-Security-Policy directive depends on it; nil when it fetches nothing.
  var loads: LinkLoad? = nil
}

/// What a `<link>` makes the browser fetch, by its `rel` and its `as`.
enum LinkLoad: Sendable, Hashable {
  case image, manifest, script, font, style

  init?(rel: Set<String>, as loads: String?) {
    if rel.contains("icon") || rel.contains("apple-touch-icon") || loads == "image" {
      self = .image
    } else if rel.contains("manifest") {
      self = .manifest
    } else if rel.contains("modulepreload") || loads == "script" {
      self = .script
    } else if loads == "font" {
      self = .font
    } else if loads == "style" {
      self = .style
    } else {
      return nil
    }
  }
}

/// What the link checker needs to know about a page once the tree is gone: the ids that
/// fragments may point at, every URL it refers to, and its redirect target if it is a stub.
struct PageFacts: Sendable {
  var path: String
  var ids: Set<String> = []
  var references: [Reference] = []
  /// The `url=` of `<meta http-equiv="refresh">`, which makes the page a redirect stub.
  var redirect: String?
  var canonical: String?

  init(path: String, document d: HTMLDocument) {
    self.path = path
    for e in 1..<d.elements.count {
      let element = d[e]
      for a in element.attributes where a.name == "id" && !a.value.isEmpty { ids.insert(a.value) }
      func add(_ kind: Reference.Kind, _ attribute: String) {
        guard let a = element.attributes.first(where: { $0.name == attribute }) else { return }
        let url = Self.trimmed(a.value)
        references.append(
          Reference(
            kind: kind, url: url, element: element.name, attribute: attribute, offset: a.offset))
      }
      func addSrcset(_ kind: Reference.Kind) {
        guard let a = element.attributes.first(where: { $0.name == "srcset" }) else { return }
        for url in Self.srcsetURLs(a.value) {
          references.append(
            Reference(
              kind: kind, url: url, element: element.name, attribute: "srcset", offset: a.offset))
        }
      }
      switch element.name {
      case "a", "area":
        add(.link, "href")
        if element.name == "a", let name = d.attribute("name", of: e), !name.isEmpty {
          ids.insert(name)
        }
      case "img":
        add(.image, "src")
        addSrcset(.image)
      case "source":
        add(.media, "src")
        addSrcset(.image)
      case "video":
        add(.media, "src")
        add(.image, "poster")
      case "audio", "track", "embed": add(.media, "src")
      case "iframe": add(.frame, "src")
      case "script": add(.script, "src")
      case "form": add(.form, "action")
      case "link":
        let rel = Set(
          (d.attribute("rel", of: e) ?? "").lowercased().split(separator: " ").map(String.init))
        if !rel.isDisjoint(with: ["preconnect", "dns-prefetch"]) { break }
        add(rel.contains("stylesheet") ? .stylesheet : .resource, "href")
        if !rel.contains("stylesheet"), references.last?.element == "link" {
          references[references.count - 1].loads = LinkLoad(
            rel: rel, as: d.attribute("as", of: e)?.lowercased())
        }
        if rel.contains("canonical") { canonical = d.attribute("href", of: e) }
      case "meta":
        guard d.attribute("http-equiv", of: e)?.lowercased() == "refresh",
          let content = d.attribute("content", of: e), let url = Self.refreshURL(content)
        else { break }
        redirect = url
        references.append(
          Reference(
            kind: .redirect, url: url, element: "meta", attribute: "content",
            offset: d.attributeOffset("content", of: e)))
      default: break
      }
    }
  }

  /// The URLs of a `srcset` (`a.png 1x, b.png 2x`).
  static func srcsetURLs(_ srcset: String) -> [String] {
    srcset.split(separator: ",").compactMap { candidate in
      candidate.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }).first.map(
        String.init)
    }
  }

  /// The target of a refresh `content`: `0; url=/new/`, `0;URL='/new/'` or `0; /new/`.
  static func refreshURL(_ content: String) -> String? {
    guard let separator = content.firstIndex(where: { $0 == ";" || $0 == "," }) else { return nil }
    var rest = content[content.index(after: separator)...].drop { $0 == " " || $0 == "\t" }
    if rest.lowercased().hasPrefix("url") {
      let afterWord = rest.dropFirst(3).drop { $0 == " " }
      if afterWord.first == "=" { rest = afterWord.dropFirst().drop { $0 == " " } }
    }
    if let quote = rest.first, quote == "'" || quote == "\"" {
      rest = rest.dropFirst()
      if let close = rest.firstIndex(of: quote) { rest = rest[..<close] }
    }
    let url = rest.trimmingCharacters(in: .htmlSpaces)
    return url.isEmpty ? nil : url
  }
}

extension PageFacts {
  /// Strips HTML whitespace around a URL attribute, as browsers do; most values have none,
  /// so this avoids Foundation's slower trimming on 500,000 attributes.
  static func trimmed(_ value: String) -> String {
    guard let first = value.utf8.first, let last = value.utf8.last,
      HTMLScanner.isSpace(first) || HTMLScanner.isSpace(last)
    else { return value }
    return value.trimmingCharacters(in: .htmlSpaces)
  }
}

extension CharacterSet {
  /// HTML's ASCII whitespace, which browsers strip from URL attributes.
  static let htmlSpaces = CharacterSet(charactersIn: " \t\n\r\u{0C}")
}
