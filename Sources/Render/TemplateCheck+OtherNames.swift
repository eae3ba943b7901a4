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

  /// Portal's name for a Hugo (Go template) name written with its leading dot and capitals
  /// (`.Title`, `.Site.Title`, `.Params.banner`, `.Content`), which printed nothing without a
  /// word: names starting with `.` were passed over. Nil for other names.
  static func hugoName(for name: String) -> String? {
    guard name.hasPrefix("."), let first = name.dropFirst().first, first.isUppercase else {
      return nil
    }
    let written = name.dropFirst().split(separator: ".").map(String.init)
    let parts = written.map { $0.lowercased() }
    // site.yml's own names after `params`, kept as written there.
    if parts.first == "params" {
      return (["site", "params"] + written.dropFirst()).joined(separator: ".")
    }
    if parts.count >= 2, parts[0] == "site", parts[1] == "params" {
      return (["site", "params"] + written.dropFirst(2)).joined(separator: ".")
    }
    let joined = parts.joined(separator: ".")
    if let body = otherGenerators[joined] { return body }
    if parts.count == 1, case .keys(let keys)? = TemplateVocabulary.paths["page"],
      keys[joined] != nil
    {
      return "page." + joined
    }
    return joined
  }
}
