import Diagnostics
import Foundation

/// Finds where a template wrote something: a page's template extends the layout and includes
/// partials (`{{< layout}}`, `{{> breadcrumbs}}`), so the literal attribute or tag is searched in
/// the whole chain. Literal text is found as it is; an attribute whose value a tag fills in
/// part of (`href="{{site.home_url}}#nowhere"`) is found by its literal part, so a problem in
/// the layout is one report at its line, not one per page template; a value a tag fills in
/// whole (`href="{{url}}"`) cannot be, and then the problem points at the page's template,
/// line 1.
final class TemplateSearch: @unchecked Sendable {
  private let files: TextFiles
  private let lock = NSLock()
  private var chains: [String: [String]] = [:]

  init(files: TextFiles) { self.files = files }

  /// The first place any needle occurs, trying needles in order over the whole chain; then
  /// the first attribute needle (`href="/#nowhere"`) a template writes with tags in its value.
  func locate(_ needles: [String], template: String) -> SourceLocation? {
    let chain = self.chain(template)
    for (n, needle) in needles.enumerated() where !needle.isEmpty {
      for file in chain {
        if let (line, column) = files.index(file)?.position(ofFirst: needle) {
          return SourceLocation(file: file, line: line, column: column)
        }
      }
      // The page's own opening tag (the first needle), written with tags in its values
      // (`<img src="{{assets.logo_svg}}" width="32">`): that element, before any other of
      // its name (the header's logo, with its alt, for the footer's without).
      guard n == 0, needle.hasPrefix("<"), let wanted = Self.tagParts(needle) else { continue }
      for file in chain {
        guard let text = files.text(file), let offset = Self.templatedTag(wanted, in: text)
        else { continue }
        let (line, column) = LineIndex(text).position(of: offset)
        return SourceLocation(file: file, line: line, column: column)
      }
    }
    for needle in needles {
      guard let (attribute, value) = Self.attribute(needle) else { continue }
      for file in chain {
        guard let text = files.text(file), let offset = Self.templated(attribute, value, in: text)
        else { continue }
        let (line, column) = LineIndex(text).position(of: offset)
        return SourceLocation(file: file, line: line, column: column)
      }
    }
    return nil
  }

  /// An opening tag's name and its attributes in order, as the page's own are read
  /// (`HTMLScanner`: names lower-cased, values without quotes); nil for no tag, or one with a
  /// section tag (`{{#x}}checked{{/x}}`) among its attributes, whose attributes are not fixed.
  static func tagParts(_ tag: String) -> (name: String, attributes: [(String, String)])? {
    guard !tag.contains("{{#"), !tag.contains("{{^"),
      case .start(let name, let attributes, _, _)? = HTMLScanner.tokens(Array(tag.utf8)).first
    else { return nil }
    return (name, attributes.map { ($0.name, $0.value) })
  }

  /// The offset (in bytes) of the first tag in `text` with `wanted`'s name and attributes in
  /// its order, each value the same or printed by tags (`matches`), with at least one filled
  /// by a tag (the literal tag was looked for first).
  static func templatedTag(
    _ wanted: (name: String, attributes: [(String, String)]), in text: String
  ) -> Int? {
    var search = text.startIndex
    let opening = "<" + wanted.name
    while let found = text.range(
      of: opening, options: .caseInsensitive, range: search..<text.endIndex)
    {
      search = found.upperBound
      // The tag as written, up to its `>` outside tags and quotes.
      var end = found.upperBound
      var inTag = 0
      var quote: Character?
      while end < text.endIndex {
        let c = text[end]
        if text[end...].hasPrefix("{{") { inTag += 1 }
        if text[end...].hasPrefix("}}") { inTag = max(0, inTag - 1) }
        if inTag == 0 {
          if let q = quote {
            if c == q { quote = nil }
          } else if c == "\"" || c == "'" {
            quote = c
          } else if c == ">" {
            break
          }
        }
        end = text.index(after: end)
      }
      guard end < text.endIndex,
        let written = tagParts(String(text[found.lowerBound...end])),
        written.name == wanted.name, written.attributes.count == wanted.attributes.count
      else { continue }
      var templated = false
      let same = zip(written.attributes, wanted.attributes).allSatisfy { w, p in
        guard w.0 == p.0 else { return false }
        if w.1 == p.1 { return true }
        guard w.1.contains("{{") else { return false }
        templated = true
        return w.1.hasPrefix("{{") && w.1.hasSuffix("}}") && !w.1.dropFirst(2).contains("{{")
          || matches(w.1, Array(p.1.utf8))
      }
      if same, templated { return text.utf8.distance(from: text.startIndex, to: found.lowerBound) }
    }
    return nil
  }

  /// `href` and `/#nowhere` of the needle `href="/#nowhere"`.
  static func attribute(_ needle: String) -> (String, String)? {
    guard let eq = needle.range(of: "=\""), needle.hasSuffix("\""),
      !needle[..<eq.lowerBound].isEmpty,
      needle[..<eq.lowerBound].allSatisfy({ $0.isLetter || $0 == "-" })
    else { return nil }
    return (String(needle[..<eq.lowerBound]), String(needle[eq.upperBound...].dropLast()))
  }

  /// The byte offset of the first `attribute="…"` in `text` whose value holds tags and whose
  /// literal parts (at least two characters of them) are `value` with the tags' output
  /// between: `href="{{site.home_url}}#nowhere"` for `/#nowhere`.
  static func templated(_ attribute: String, _ value: String, in text: String) -> Int? {
    let bytes = Array(text.utf8)
    let opening = Array("\(attribute)=\"".utf8)
    let wanted = Array(value.utf8)
    var i = 0
    while i + opening.count <= bytes.count {
      defer { i += 1 }
      guard bytes[i..<(i + opening.count)].elementsEqual(opening),
        i == 0 || bytes[i - 1] == 0x20 || bytes[i - 1] == 0x0A || bytes[i - 1] == 0x09
      else { continue }
      let start = i + opening.count
      guard let end = bytes[start...].firstIndex(of: UInt8(ascii: "\"")) else { return nil }
      let written = String(decoding: bytes[start..<end], as: UTF8.self)
      guard written.contains("{{"), matches(written, wanted) else { continue }
      return i
    }
    return nil
  }

  /// Whether `written` (literal text and `{{…}}` tags) can print `wanted`: its literal parts
  /// in order, the first at the start and the last at the end unless a tag stands there.
  private static func matches(_ written: String, _ wanted: [UInt8]) -> Bool {
    var literals: [[UInt8]] = []
    var rest = Substring(written)
    while let open = rest.range(of: "{{") {
      literals.append(Array(rest[..<open.lowerBound].utf8))
      guard let close = rest[open.upperBound...].range(of: "}}") else { return false }
      rest = rest[close.upperBound...]
      if rest.hasPrefix("}") { rest = rest.dropFirst() }
    }
    literals.append(Array(rest.utf8))
    guard literals.reduce(0, { $0 + $1.count }) >= 2 else { return false }
    var at = 0
    for (n, part) in literals.enumerated() {
      if n == 0 {
        guard wanted.starts(with: part) else { return false }
        at = part.count
      } else if n == literals.count - 1 {
        return wanted.count - at >= part.count && wanted.suffix(part.count).elementsEqual(part)
      } else if !part.isEmpty {
        guard let found = part.withUnsafeBufferPointer({ HTMLScanner.find(wanted, $0, from: at) })
        else { return false }
        at = found + part.count
      }
    }
    return true
  }

  /// The template and every partial it reaches, breadth first, each once.
  func chain(_ template: String) -> [String] {
    lock.lock()
    if let cached = chains[template] {
      lock.unlock()
      return cached
    }
    lock.unlock()
    var result: [String] = []
    var queue = [template]
    let folder = (template as NSString).deletingLastPathComponent
    while !queue.isEmpty, result.count < 32 {
      let file = queue.removeFirst()
      guard !result.contains(file) else { continue }
      result.append(file)
      guard let text = files.text(file) else { continue }
      for name in Self.partialNames(in: text) {
        let path = folder.isEmpty ? name + ".mustache" : folder + "/" + name + ".mustache"
        if !result.contains(path) { queue.append(path) }
      }
    }
    lock.lock()
    chains[template] = result
    lock.unlock()
    return result
  }

  /// Names in `{{> name}}` and `{{< name}}` tags.
  static func partialNames(in text: String) -> [String] {
    var names: [String] = []
    var rest = Substring(text)
    while let open = rest.range(of: "{{") {
      rest = rest[open.upperBound...]
      let tag = rest.drop { $0 == " " }
      guard let sigil = tag.first, sigil == ">" || sigil == "<",
        let close = tag.range(of: "}}")
      else { continue }
      let name = tag[tag.index(after: tag.startIndex)..<close.lowerBound].trimmingCharacters(
        in: .whitespaces)
      if !name.isEmpty { names.append(name) }
    }
    return names
  }
}
