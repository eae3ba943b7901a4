import Mustache

/// The theme's HTML escape, the same in both renderers. By bytes: swift-mustache's own escape
/// compares Characters, and `"` followed by a combining mark (U+0301) is one Character that is
/// not `"`, so it was printed as it is, and in an attribute its quote ended the value.
struct HTMLEscape: MustacheContentType {
  static let name = "PORTAL_HTML"

  /// Put before every template so swift-mustache escapes with this type. On a line of its own,
  /// which Mustache leaves out of the output (a standalone tag): the template prints the same,
  /// and its lines are one further down (`Theme.load` counts that back for syntax errors).
  static let pragma = "{{% CONTENT_TYPE: \(name)}}\n"

  private static let registered: Bool = {
    MustacheContentTypes.register(HTMLEscape(), named: name)
    return true
  }()

  /// A theme's template parsed to escape with this type.
  static func template(_ text: String) throws -> MustacheTemplate {
    precondition(registered)
    return try MustacheTemplate(string: pragma + text)
  }

  func escapeText(_ text: String) -> String {
    var out = ""
    out.reserveCapacity(text.utf8.count)
    FastTemplates.escape(text, into: &out)
    return out
  }
}
