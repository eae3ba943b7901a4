import Diagnostics
import Foundation

/// Finds where a template wrote something: a page's template extends the layout and includes
/// partials (`{{< layout}}`, `{{> breadcrumbs}}`), so the literal attribute or tag is searched in
/// the whole chain. Only literal text can be found; a value filled in by `{{url}}` cannot, and
/// then the problem points at the page's template, line 1.
final class TemplateSearch: @unchecked Sendable {
  private let files: TextFiles
  private let lock = NSLock()
  private var chains: [String: [String]] = [:]

  init(files: TextFiles) { self.files = files }

  /// The first place any needle occurs, trying needles in order over the whole chain.
  func locate(_ needles: [String], template: String) -> SourceLocation? {
    let chain = self.chain(template)
    for needle in needles where !needle.isEmpty {
      for file in chain {
        if let (line, column) = files.index(file)?.position(ofFirst: needle) {
          return SourceLocation(file: file, line: line, column: column)
        }
      }
    }
    return nil
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
