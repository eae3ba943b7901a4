import Diagnostics

/// Where a Japanese hint tells the writer to make the change, in words: the Markdown file and
/// line when the source map knows them, else the template, else the built page. A hint is
/// written before its problem is placed, with `Spot.here` where the place goes; `Finding`
/// puts the place in (「`content/a.md` の9行目のリンク先を…」), so a writer who does not read
/// `file:line:column` still learns which file to open.
enum Spot {
  /// Stands for the place in a Japanese text until the problem is placed. A character of
  /// Unicode's private use area, which no message otherwise holds.
  static let here = "\u{E000}"

  /// 「`content/a.md` の9行目」「テンプレート `theme/templates/layout.mustache` の2行目」
  /// 「できあがったページ `site/index.html` の6行目」.
  static func words(for placement: Placement) -> String {
    let location = placement.location
    let line = "の\(JapaneseCount.digits(location.line))行目"
    if placement.isMarkdown { return "`\(location.file)` \(line)" }
    if placement.isTemplate { return "テンプレート `\(location.file)` \(line)" }
    if location.file.hasSuffix(".html") { return "できあがったページ `\(location.file)` \(line)" }
    return "`\(location.file)` \(line)"
  }

  /// `text` with the place put in; one without `here` is returned as it is.
  static func fill(_ text: String, _ placement: Placement) -> String {
    guard text.contains(here) else { return text }
    return text.replacingOccurrences(of: here, with: words(for: placement))
  }

  /// How a Japanese message names an output page, by its address in the site rather than its
  /// file: `initiatives/a/index.html` is 「`/initiatives/a/`」.
  static func address(of page: String) -> String {
    if page == "index.html" { return "`/`" }
    if page.hasSuffix("/index.html") { return "`/\(page.dropLast("index.html".count))`" }
    return "`/\(page)`"
  }
}

extension Placement {
  /// A writer's Markdown file: the hint speaks of Markdown (`###`, `![説明](…)`).
  var isMarkdown: Bool { location.file.hasSuffix(".md") }

  /// A template of the theme (the page's own or a layout or partial it uses).
  var isTemplate: Bool {
    !isMarkdown && (namesPage || location.file.hasSuffix(".mustache"))
  }
}
