import Mustache

/// What a template can see: text, flags, dictionaries and lists. View models are built in
/// these types rather than as `[String: Any]`: converting `Any` trees (dynamic casts of every
/// value, arrays of dictionaries bridged to `[Any]`) was 5 % of a 10,000-page build.
enum TemplateValue: Sendable {
  /// Text; empty text prints nothing and is false in sections, as a missing value is, but it
  /// stops the lookup from falling through to an outer context's key of the same name.
  /// Templates rely on "no value, no section" (`{{#department}}` shows the row only when there
  /// is a department).
  case text(String)
  case bool(Bool)
  case dict(TemplateContext)
  case list([TemplateValue])

  /// A number, printed in decimal.
  static func number(_ n: Int) -> TemplateValue { .text(String(n)) }

  /// A list of dictionaries (cards, links, headings).
  static func items(_ items: [TemplateContext]) -> TemplateValue { .list(items.map(dict)) }

  /// A list of texts (tags, aliases).
  static func texts(_ texts: [String]) -> TemplateValue { .list(texts.map(text)) }

  /// The same value as swift-mustache sees it, for themes the fast renderer declines and for
  /// the tests that hold the two renderers together. Empty text becomes `Blank`: swift-mustache
  /// treats every String, even "", as true in a section.
  var any: Any {
    switch self {
    case .text(let s): s.isEmpty ? Blank() : s
    case .bool(let b): b
    case .dict(let d): d.mapValues(\.any)
    case .list(let items): items.map(\.any)
    }
  }
}

/// A template's context: the keys a page's template can look up.
typealias TemplateContext = [String: TemplateValue]

extension TemplateValue: ExpressibleByStringLiteral, ExpressibleByBooleanLiteral,
  ExpressibleByDictionaryLiteral, ExpressibleByArrayLiteral
{
  init(stringLiteral value: String) { self = .text(value) }
  init(booleanLiteral value: Bool) { self = .bool(value) }
  init(dictionaryLiteral elements: (String, TemplateValue)...) {
    self = .dict(TemplateContext(elements, uniquingKeysWith: { _, new in new }))
  }
  init(arrayLiteral elements: TemplateValue...) { self = .list(elements) }
}

/// An empty value for swift-mustache: prints nothing, false in sections.
struct Blank: MustacheCustomRenderable {
  var renderText: String { "" }
  var isNull: Bool { true }
}
