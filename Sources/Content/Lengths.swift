/// Titles and summaries long enough to hurt the residents who read them where they are shown:
/// a title fills the lists, the search results and the browser tab, where more than about 40
/// characters wraps over four lines on a phone or is cut; a summary sits under the title in
/// every list and search engines show about its first 120. The shipped portal's longest are 33
/// and 61. Warnings, since a writer may have a reason.
enum Lengths {
  static let title = 40
  static let summary = 120

  /// A warning for the title (`term` in the glossary) and the summary (`short`) when too long.
  static func check(_ y: inout YAMLFields, kind: ContentKind) {
    let glossary = kind == .glossary
    for (key, limit) in [
      (glossary ? "term" : "title", title), (glossary ? "short" : "summary", summary),
    ] {
      guard let node = y.node(key), let written = node.string else { continue }
      // As shown: a reading sits above its kanji and takes no room of the line.
      let text = PageFurigana.read(written).plain ?? written
      // No more characters than scalars: a text of `limit` scalars or fewer is not counted
      // (counting characters and their white space was 3 % of loading 10,000 pages).
      guard text.unicodeScalars.count > limit else { continue }
      let length = text.count { !$0.isWhitespace }
      guard length > limit else { continue }
      let isTitle = limit == title
      y.diagnostics.append(
        .warning(
          y.location(node.mark),
          isTitle
            ? "`\(key)` has \(length) characters (more than \(limit)): lists, search results and browser tabs wrap or cut it"
            : "`\(key)` has \(length) characters (more than \(limit)): it stands under the title in every list, and search engines cut it",
          hint: isTitle
            ? "say what the page is in \(limit) characters or fewer, and put the rest in `\(glossary ? "short" : "summary")` or the body"
            : "sum the page up in one plain sentence of \(limit) characters or fewer, and put the details in the body",
          code: isTitle ? "content.long-title" : "content.long-summary"
        ).ja(
          isTitle
            ? "`\(key)` が\(length)字あります（\(limit)字まで）。一覧や検索結果、ブラウザーのタブで、折り返されたり途中で切れたりします"
            : "`\(key)` が\(length)字あります（\(limit)字まで）。どの一覧でも題名の下に出て、検索サイトでは途中で切れます",
          hint: isTitle
            ? "ページが何かを\(limit)字以内で書き、残りは `\(glossary ? "short" : "summary")` か本文に書いてください"
            : "ページの内容を\(limit)字以内のやさしい一文にまとめ、くわしいことは本文に書いてください"))
    }
  }
}
