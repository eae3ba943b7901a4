import Diagnostics

/// What a tag that prints a value is told when the value prints nothing (a list, a dictionary,
/// an item with keys) or prints text as HTML.
extension TemplateCheck {
  /// `{{initiatives}}`: a list printed as text prints nothing (it has no text of its own).
  func printedList(
    _ tag: TemplateSyntax.Tag, _ name: String, item: String?, at location: SourceLocation
  ) -> Diagnostic {
    let key =
      TemplateVocabulary.listsOfText.contains(name) ? "." : TemplateVocabulary.itemKey(of: name)
    let inner = item ?? "\(tag.open)\(key)\(tag.close)"
    return .warning(
      location, "`\(name)` is a list: `\(tag.text)` prints nothing",
      hint:
        "go through its items with a section: `\(tag.open)#\(name)\(tag.close)\(inner)\(tag.open)/\(name)\(tag.close)`",
      code: "theme.unknown-name"
    ).ja(
      "`\(name)` はリストなので、`\(tag.text)` では何も出力されません",
      hint:
        "セクションで項目を1つずつ出力してください：`\(tag.open)#\(name)\(tag.close)\(inner)\(tag.open)/\(name)\(tag.close)`"
    )
  }

  /// `{{page}}`: a dictionary printed as text prints nothing; its keys are text. With its
  /// `keys` known, the hint names some of them.
  func printedRecord(
    _ tag: TemplateSyntax.Tag, _ name: String, keys: [String: TemplateVocabulary.Shape]?,
    at location: SourceLocation
  ) -> Diagnostic {
    var hint = "print one of its keys, such as `\(tag.open)\(name).title\(tag.close)`"
    var hintJa = "`\(tag.open)\(name).title\(tag.close)` のように、キーの1つを出力してください"
    if let keys {
      // The keys a template prints most first (`page.title`, `page.url`), then the others.
      let first = ["title", "title_html", "url", "name", "summary"]
      let some = keys.filter { $0.value == .value }.keys.sorted {
        (first.firstIndex(of: $0) ?? first.count, $0) < (
          first.firstIndex(of: $1) ?? first.count, $1
        )
      }.prefix(6)
      hint = "print one of its keys: " + some.map { "`\(name).\($0)`" }.joined(separator: ", ")
      hintJa = "キーの1つを出力してください：" + some.map { "`\(name).\($0)`" }.joined(separator: "、")
    }
    return .warning(
      location, "`\(name)` holds keys, not text: `\(tag.text)` prints nothing", hint: hint,
      code: "theme.unknown-name"
    ).ja(
      "`\(name)` は文字ではなくキーを持つ値なので、`\(tag.text)` では何も出力されません", hint: hintJa)
  }

  /// - Parameters:
  ///   - whatJa: `what` in Japanese.
  ///   - withRuby: whether the name has an HTML twin there (`title_html`), which the hint
  ///     offers for the text with its furigana.
  func unescaped(
    _ tag: TemplateSyntax.Tag, printing what: String, _ whatJa: String, withRuby ruby: Bool,
    at location: SourceLocation
  )
    -> Diagnostic
  {
    let html = TemplateVocabulary.html.sorted().map { "`\($0)`" }.joined(separator: ", ")
    let htmlJa = TemplateVocabulary.html.sorted().map { "`\($0)`" }.joined(separator: "、")
    let escaped = "\(tag.open)\(tag.name)\(tag.close)"
    // `{{{title}}}` meant to show the title's furigana: its HTML is `title_html`.
    let withRuby = ruby ? "{{{\(tag.name)_html}}}" : nil
    return .warning(
      location,
      "`\(tag.text)` prints \(what) without escaping it: HTML in the text would become part of the page",
      hint: "write `\(escaped)`"
        + (withRuby.map { ", or `\($0)` for the text with its furigana" } ?? "")
        + "; only \(html) hold HTML to print as it is",
      code: "theme.unescaped"
    ).ja(
      "`\(tag.text)` は\(whatJa)をエスケープせずに出力します。文字の中に HTML があると、そのままページの一部になってしまいます",
      hint: "`\(escaped)` と書いてください"
        + (withRuby.map { "（ふりがなも出すときは `\($0)`）" } ?? "")
        + "。そのまま出力してよい HTML を持つのは \(htmlJa) だけです")
  }

  /// `{{.}}` in the section of a list whose items are dictionaries (`{{#site.nav}}{{.}}`):
  /// it prints nothing; the items' keys are text.
  func dotOfRecords(
    _ tag: TemplateSyntax.Tag, in open: [TemplateSyntax.Tag], at location: SourceLocation
  ) -> Diagnostic? {
    guard let section = open.last(where: { $0.kind == .section }),
      let list = section.name.split(separator: ".").last.map(String.init),
      TemplateVocabulary.lists.contains(list), !TemplateVocabulary.listsOfText.contains(list)
    else { return nil }
    var keys: [String] = []
    let parts = section.name.split(separator: ".").map(String.init)
    if parts.count >= 2, case .list(.keys(let k))? = TemplateVocabulary.shape(of: parts) {
      keys = k.keys.sorted()
    }
    let examples = (keys.isEmpty ? [TemplateVocabulary.itemKey(of: list)] : keys).map {
      "`{{\($0)}}`"
    }
    return .warning(
      location,
      "each item of `\(section.name)` holds keys, not text: `\(tag.text)` prints nothing",
      hint: "print one of the item's keys, such as \(examples.joined(separator: ", "))"
        + (keys.isEmpty ? " (docs/theme.md, Keys)" : ""),
      code: "theme.unknown-name"
    ).ja(
      "`\(section.name)` の各項目は文字ではなくキーを持つ値なので、`\(tag.text)` では何も出力されません",
      hint: "\(examples.joined(separator: "、")) のように、項目のキーを出力してください"
        + (keys.isEmpty ? "（docs/theme.md の Keys）" : ""))
  }
}
