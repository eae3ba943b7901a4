extension TemplateCheck {
  /// What other generators call a page's values, with Portal's name for each: a theme ported
  /// from Hugo (`.Content`), Jekyll (`page.content`, `content`) or Eleventy (`content`) writes
  /// them, and the nearest name by spelling is no help (`content` is one letter from
  /// `contact`, the operator's ways to ask).
  static let otherGenerators: [String: String] = [
    "content": "body", "contents": "body", "page.content": "body", "page.contents": "body",
  ]

  /// Portal's name for `name` when another generator's theme writes it so; nil otherwise.
  static func portalName(for name: String) -> String? { otherGenerators[name.lowercased()] }
}
