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

/// A template's context: the keys a page's template can look up, in the order they were set.
///
/// A few keys each (a card has up to 8, a page about 20), found by comparing names rather than
/// hashing them: a list of 10,000 cards built and read hashed dictionaries at about 4 µs a card,
/// and short names compare in one step (equal small strings have equal bits).
struct TemplateContext: Sendable {
  struct Entry {
    var key: String
    var value: TemplateValue
  }

  private var entries: [Entry]

  /// Whether a value among the entries holds ruby where `FuriganaShown` looks below a page's
  /// top keys (a `title_html`), once worked out for a kept card (`FuriganaShown.remember`): 0
  /// not known, 1 no, 2 yes. Every page that lists a card asked it again, 6 % of rendering.
  /// A change of the entries forgets it, so a copy changed after is asked again.
  private(set) var rubyBelowTop: UInt8 = 0

  init() { entries = [] }

  /// Room for `minimumCapacity` keys, so building the context allocates once.
  init(minimumCapacity: Int) {
    entries = []
    entries.reserveCapacity(minimumCapacity)
  }

  /// The value of `key`; setting nil removes it.
  subscript(key: String) -> TemplateValue? {
    get { position(of: key).map { entries[$0].value } }
    set {
      rubyBelowTop = 0
      switch (position(of: key), newValue) {
      case (let i?, let value?): entries[i].value = value
      case (let i?, nil): entries.remove(at: i)
      case (nil, let value?): entries.append(Entry(key: key, value: value))
      case (nil, nil): break
      }
    }
  }

  private func position(of key: String) -> Int? {
    let bits = KeyBits(key)
    return entries.indices.first { bits.matches(entries[$0].key, key: key) }
  }

  /// The entries where they lie, for the template walk (`TemplateWalk`), which reads them in
  /// place instead of copying each value it looks up (a reference count changed on values
  /// every thread shares: the site's, the kept cards). Valid while this context lives and is
  /// not changed: an array's storage moves only when it is changed.
  var unsafeEntries: UnsafeBufferPointer<Entry> { entries.withUnsafeBufferPointer { $0 } }

  /// Whether the context has no keys.
  var isEmpty: Bool { entries.isEmpty }

  /// Keeps `FuriganaShown`'s answer for the entries as they are (`rubyBelowTop`).
  mutating func rememberRubyBelowTop(_ holds: Bool) { rubyBelowTop = holds ? 2 : 1 }

  /// Whether any key and its value satisfy `predicate`, in the order the keys were set.
  func contains(where predicate: (String, TemplateValue) -> Bool) -> Bool {
    entries.contains { predicate($0.key, $0.value) }
  }

  /// Sets every key of `other` (its values win).
  mutating func set(_ other: TemplateContext) {
    entries.reserveCapacity(entries.count + other.entries.count)
    for e in other.entries { self[e.key] = e.value }
  }

  /// The same keys with each value transformed (swift-mustache's `[String: Any]`).
  func mapValues<T>(_ transform: (TemplateValue) -> T) -> [String: T] {
    var out: [String: T] = [:]
    out.reserveCapacity(entries.count)
    for e in entries { out[e.key] = transform(e.value) }
    return out
  }
}

extension TemplateContext: ExpressibleByDictionaryLiteral {
  init(dictionaryLiteral elements: (String, TemplateValue)...) { self.init(elements) }

  /// A later value of the same key wins, as it would setting the keys one by one.
  init(_ elements: [(String, TemplateValue)]) {
    self.init(minimumCapacity: elements.count)
    for (key, value) in elements { self[key] = value }
  }
}

extension TemplateValue: ExpressibleByStringLiteral, ExpressibleByBooleanLiteral,
  ExpressibleByDictionaryLiteral, ExpressibleByArrayLiteral
{
  init(stringLiteral value: String) { self = .text(value) }
  init(booleanLiteral value: Bool) { self = .bool(value) }
  init(dictionaryLiteral elements: (String, TemplateValue)...) {
    self = .dict(TemplateContext(elements))
  }
  init(arrayLiteral elements: TemplateValue...) { self = .list(elements) }
}

/// An empty value for swift-mustache: prints nothing, false in sections.
struct Blank: MustacheCustomRenderable {
  var renderText: String { "" }
  var isNull: Bool { true }
}
