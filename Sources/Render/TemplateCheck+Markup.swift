import Diagnostics

extension TemplateCheck {
  /// HTML in the templates that works against the theme's own values:
  ///
  /// - `theme.asset-path` (warning): an address written `/assets/logo.png`: assets are
  ///   published under fingerprinted names (`assets/logo.0de1f4a8a0.png`), so it loads
  ///   nothing (`portal check` then said to put the image in the assets, where it was).
  /// - `theme.unquoted-value` (warning): a value filled in with no quotes around it
  ///   (`data-title={{page.title}}`): a space in a writer's title ends the value, and the
  ///   rest is more attributes (` hidden` would hide the heading). Escaping does not help.
  func markup() -> [Diagnostic] {
    var found: [Diagnostic] = []
    for name in templates.keys.sorted() {
      let template = templates[name]!
      let tags = template.scan.tags
      for text in template.scan.texts {
        found += assetPaths(in: text, of: template)
        // A text ending `=` right before a tag that prints a value.
        guard text.text.hasSuffix("="), text.before < tags.count,
          [.variable, .unescaped].contains(tags[text.before].kind),
          let attribute = text.text.dropLast().split(whereSeparator: {
            $0 == " " || $0 == "\n" || $0 == "\t"
          }).last,
          attribute.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == ":" }
          )
        else { continue }
        // Inside an element opened in this text, outside quotes (`content="0; url={{…}}"`
        // is a quoted value's text).
        guard let open = text.text.lastIndex(of: "<"),
          text.text[open...].filter({ $0 == "\"" }).count % 2 == 0,
          text.text[open...].filter({ $0 == "'" }).count % 2 == 0, !text.text[open...].contains(">")
        else { continue }
        let tag = tags[text.before]
        let written = "\(attribute)=\(tag.text)"
        found.append(
          .warning(
            SourceLocation(file: template.path, line: tag.line, column: tag.column),
            "`\(written)` has no quotes around its value: a space in the value ends it, and the rest becomes attributes of the element",
            hint: "write `\(attribute)=\"\(tag.text)\"`", code: "theme.unquoted-value"
          ).ja(
            "`\(written)` の値が引用符で囲まれていません。値に空白があるとそこで終わり、残りが要素の属性になってしまいます",
            hint: "`\(attribute)=\"\(tag.text)\"` と書いてください"))
      }
    }
    return found
  }

  /// `"/assets/…"` in a text of a template: each at its line and column.
  private func assetPaths(in text: TemplateSyntax.Text, of template: Template) -> [Diagnostic] {
    guard text.text.contains("/assets/") else { return [] }
    var found: [Diagnostic] = []
    var (line, column) = (text.line, text.column)
    let chars = Array(text.text)
    for (k, c) in chars.enumerated() {
      defer {
        if c == "\n" { (line, column) = (line + 1, 1) } else { column += 1 }
      }
      guard c == "\"" || c == "'" || c == "=",
        chars[(k + 1)...].starts(with: "/assets/")
      else { continue }
      let path = String(
        chars[(k + 9)...].prefix { !"\"' >?#".contains($0) })
      guard !path.isEmpty else { continue }
      let key = Theme.assetKey(path)
      // A file the theme does not have is to be added first (`{{assets.extra_css}}` alone
      // was then an unknown asset), unless a key close to it is meant.
      let known = assetKeys.contains(key)
      let near = known ? nil : assetGuess(key)
      let (hint, hintJa) =
        known
        ? ("write `{{assets.\(key)}}`", "`{{assets.\(key)}}` と書いてください")
        : near.map {
          (
            "write `{{assets.\($0)}}` (the theme has no `assets/\(path)`)",
            "`{{assets.\($0)}}` と書いてください（テーマに `assets/\(path)` はありません）"
          )
        }
          ?? (
            "put the file at theme/assets/\(path), then write `{{assets.\(key)}}`",
            "theme/assets/\(path) にファイルを置いてから、`{{assets.\(key)}}` と書いてください"
          )
      found.append(
        .warning(
          SourceLocation(file: template.path, line: line, column: column + 1),
          "`/assets/\(path)` is not where the asset is published: assets get fingerprinted names (`assets/name.0123456789.ext`), so this loads nothing",
          hint: hint, code: "theme.asset-path"
        ).ja(
          "`/assets/\(path)` には、アセットは公開されません。アセットは名前に指紋を付けて（`assets/name.0123456789.ext`）公開されるため、何も読み込めません",
          hint: hintJa))
    }
    return found
  }
}
