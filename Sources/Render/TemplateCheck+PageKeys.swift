import Diagnostics

extension TemplateCheck {
  /// `theme.unknown-name` for a name other kinds of pages have but not this template's
  /// (`{{department}}` in event.mustache: an initiative's): it printed nothing (`href=""`
  /// for a URL) and, as a section, never showed, with no word, since some page has the name.
  /// Only outside any section of a page template: inside one, a name may be the items'.
  func otherPagesName(
    _ tag: TemplateSyntax.Tag, in open: [TemplateSyntax.Tag], of template: String,
    at location: SourceLocation
  ) -> Diagnostic? {
    guard let keys = TemplateVocabulary.pageKeys[template],
      !open.contains(where: { $0.kind == .section || $0.kind == .inverted })
    else { return nil }
    let first = String(tag.name.prefix { $0 != "." })
    guard !first.isEmpty, TemplateVocabulary.names.contains(first),
      !TemplateVocabulary.everyPage.contains(first), !keys.contains(first)
    else { return nil }
    let others = TemplateVocabulary.templates(having: first)
    let shows =
      tag.kind == .section || tag.kind == .inverted
      ? "the section never shows" : "it prints nothing"
    let showsJa = tag.kind == .section || tag.kind == .inverted ? "このセクションは表示されません" : "何も出力されません"
    // No page has it at its top (`title`, a list's items' and `page`'s): the one that does,
    // where it is one (`{{title}}`, offered for `{{titel}}`, had said "( have it)").
    if others.isEmpty {
      let holders = ["page", "site"].filter {
        if case .keys(let keys)? = TemplateVocabulary.paths[$0] {
          keys[first] != nil
        } else {
          false
        }
      }.map { "`\($0).\(first)`" }
      let meant = holders.isEmpty ? nil : holders.joined(separator: " or ")
      return .warning(
        location,
        "`\(first)` is not a value of \(template).mustache's pages at their top, only of a list's items: \(shows) here",
        hint: meant.map { "write \($0) (the page's own, the site's)" }
          ?? "use it inside the section of a list whose items have it (docs/theme.md, *Keys*)",
        code: "theme.unknown-name"
      ).ja(
        "`\(first)` は、\(template).mustache のページのいちばん外側にはなく、リストの項目にだけある値です。ここでは\(showsJa)",
        hint: meant.map { "\($0) と書いてください（ページのもの、サイトのもの）" }
          ?? "その値を持つ項目のリストのセクションの中で使ってください（docs/theme.md の *Keys*）")
    }
    let listed =
      others.prefix(3).map { "\($0).mustache" }.joined(separator: ", ")
      + (others.count > 3 ? "…" : "")
    return .warning(
      location,
      "`\(first)` is not a value of \(template).mustache's pages (\(listed) \(others.count == 1 ? "has" : "have") it): \(shows) here",
      hint:
        "use a name \(template).mustache's pages have (docs/theme.md, *Keys*), or show it in the template of the pages that have it",
      code: "theme.unknown-name"
    ).ja(
      "`\(first)` は、\(template).mustache のページにない値です（\(listed) にあります）。ここでは\(showsJa)",
      hint: "\(template).mustache のページにある名前を使うか（docs/theme.md の *Keys*）、その値があるページのテンプレートで表示してください")
  }
}
