import Diagnostics

extension TemplateCheck {
  /// The page templates' shape: a whole page comes from `layout` (`{{<layout}}…{{/layout}}`)
  /// or is written out (`<html>`). Each of these built with no word, every page of the kind
  /// broken:
  ///
  /// - `theme.empty-template` (error): an empty page template (an editor that truncates
  ///   before it writes leaves one for a moment): every page of its kind empty.
  /// - `theme.no-layout` (warning): neither: its pages have no `<head>`, no style sheet and no
  ///   Content-Security-Policy (`portal check` then asked for `lang` on an `<html>` that is
  ///   not there).
  /// - `theme.after-layout` (warning): text after `{{/layout}}`, written after `</html>`.
  /// - `theme.no-policy` (warning): a page written out whole with no Content-Security-Policy.
  func pageShapes() -> [Diagnostic] {
    var found: [Diagnostic] = []
    for name in Theme.requiredTemplates where name != "layout" {
      guard let template = templates[name], template.scan.badDelimiters == nil else { continue }
      let tags = template.scan.tags
      let texts = template.scan.texts
      let start = SourceLocation(file: template.path, line: 1, column: 1)
      if tags.allSatisfy({ $0.kind == .comment }), texts.isEmpty {
        found.append(
          .error(
            start, "the page template `\(name)` is empty: every page of its kind would be empty",
            hint:
              "write it as the other page templates are: `{{<layout}}{{$main}}…{{/main}}{{/layout}}`",
            code: "theme.empty-template"
          ).ja(
            "ページのテンプレート `\(name)` が空です。この種類のページがすべて空になります",
            hint: "ほかのページのテンプレートと同じように書いてください：`{{<layout}}{{$main}}…{{/main}}{{/layout}}`"))
        continue
      }
      // The top-level parent and the index of the tag that closes it (the close with only the
      // parent open before it).
      let opens = template.scan.openBefore()
      let parent = tags.indices.first { tags[$0].kind == .parent && opens[$0].isEmpty }.map {
        start in
        (
          tag: tags[start],
          close: tags.indices.first {
            $0 > start && tags[$0].kind == .close && opens[$0].count == 1
          }
        )
      }
      guard let parent else {
        let whole = texts.contains { $0.text.range(of: "<html", options: .caseInsensitive) != nil }
        if whole,
          !texts.contains(where: {
            $0.text.range(of: "Content-Security-Policy", options: .caseInsensitive) != nil
          })
        {
          // A page written out whole without the layout's policy: its inline script and
          // style would run, and `portal check` reads no policy to hold them to.
          found.append(
            .warning(
              start,
              "the page template `\(name)` writes a whole page without a Content-Security-Policy: its pages are the only ones without it",
              hint:
                "copy the layout's `<meta http-equiv=\"Content-Security-Policy\" …>` into its <head>, or fill the layout instead",
              code: "theme.no-policy"
            ).ja(
              "ページのテンプレート `\(name)` は、Content-Security-Policy のないページ全体を書いています。この種類のページだけ、ポリシーがありません",
              hint:
                "レイアウトの `<meta http-equiv=\"Content-Security-Policy\" …>` を <head> にコピーするか、レイアウトを使ってください"
            ))
        }
        if !whole {
          found.append(
            .warning(
              start,
              "the page template `\(name)` neither fills the layout (`{{<layout}}…{{/layout}}`) nor writes a whole page (`<html>`): its pages have no <head>, no style sheet and no Content-Security-Policy",
              hint:
                "put `{{<layout}}{{$main}}` before its first line and `{{/main}}{{/layout}}` after its last",
              code: "theme.no-layout"
            ).ja(
              "ページのテンプレート `\(name)` は、レイアウトを使わず（`{{<layout}}…{{/layout}}`）、ページ全体（`<html>`）も書いていません。ページに <head>、スタイルシート、Content-Security-Policy がありません",
              hint: "最初の行の前に `{{<layout}}{{$main}}` を、最後の行の後に `{{/main}}{{/layout}}` を書いてください"))
        }
        continue
      }
      guard let close = parent.close,
        let after = texts.first(where: { $0.before > close })
      else { continue }
      let shown = after.text.prefix { $0 != "\n" && $0 != "\r\n" }.prefix(40)
      found.append(
        .warning(
          SourceLocation(file: template.path, line: after.line, column: after.column),
          "`\(shown)` is after `{{/\(parent.tag.name)}}`: it is written after the page's `</html>`",
          hint: "move it into a block of `\(parent.tag.name)` (`{{$main}}`), or delete it",
          code: "theme.after-layout"
        ).ja(
          "`\(shown)` は `{{/\(parent.tag.name)}}` の後にあるため、ページの `</html>` の後に書き出されます",
          hint: "`\(parent.tag.name)` のブロック（`{{$main}}`）の中に移すか、消してください"))
    }
    return found
  }
}
