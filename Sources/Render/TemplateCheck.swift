import Diagnostics

/// What the templates of a theme name, checked once when the theme loads: mistakes Mustache
/// lets pass, which print nothing where the theme meant something.
///
/// - `theme.unknown-asset` (error): `{{assets.x}}` names no file of `assets/` (`href=""`).
/// - `theme.unknown-template` (error): `{{> x}}` or `{{<x}}` names no template (nothing is
///   rendered: a page inheriting from it is empty).
/// - `theme.unknown-block` (error): a `{{$x}}` inside `{{<parent}}` that the parent (or its
///   own parents and partials) does not define, so what it holds is never shown.
/// - `theme.unescaped` (warning): `{{{x}}}` or `{{&x}}` on a value that is text, not HTML.
/// - `theme.unknown-name` (warning): a name that no view model sets (`TemplateVocabulary`).
/// - `theme.unclosed-tag` (warning): a tag (a comment, mostly) that a later tag's `}}` ended,
///   which the parser accepts, taking the text in between with it; the tags after it are
///   checked as the parser reads them.
/// - `theme.stray-brace` (warning): `{{title}}}`, whose last `}` is printed.
/// - `theme.escaped-html` (warning): `{{body}}`, an HTML value printed escaped.
/// - `theme.partial-loop` (error): a template that includes itself outside any section.
/// - `theme.text-outside-block` (warning): text inside `{{<parent}}` but in no block, which
///   is never shown.
struct TemplateCheck {
  /// `{ {name}}` (`{ {#items}}` too): the name, as the tag meant would have it.
  nonisolated(unsafe) static let spacedOpen =
    /\{[ \t]+\{[ \t]*([#^\/&>!$<]?[ \t]*[A-Za-z_][\w.]*)[ \t]*\}\}/

  struct Template {
    var name: String
    /// As shown in diagnostics: `theme/templates/home.mustache`.
    var path: String
    var scan: TemplateSyntax.Scan
  }

  /// The templates that parsed, by name.
  let templates: [String: Template]
  /// Every template file, broken ones too: a name the theme has.
  let present: Set<String>
  /// Required templates that are missing, already reported: not again at each reference.
  let missing: Set<String>
  /// The `assets.<key>` keys of the theme's assets.
  let assetKeys: Set<String>
  /// The files under templates/ that are no template (`partials/banner.html`): one a partial
  /// names by its stem was saved under another ending.
  var looseFiles: [String] = []

  init(
    templates: [Template], present: Set<String>, missing: Set<String>, assetKeys: Set<String>,
    looseFiles: [String] = []
  ) {
    self.templates = Dictionary(templates.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
    self.looseFiles = looseFiles
    self.present = present
    self.missing = missing
    self.assetKeys = assetKeys
  }

  /// The names of site.yml's `params` the templates print (`{{site.params.banner}}`: `banner`),
  /// each where it is written: judged once site.yml is read (`Theme.paramsUsed`).
  func paramsUsed() -> [(key: String, location: SourceLocation)] {
    templates.keys.sorted().flatMap { name in
      let template = templates[name]!
      return template.scan.tags.compactMap { tag -> (String, SourceLocation)? in
        guard [.variable, .unescaped, .section, .inverted].contains(tag.kind),
          tag.name.hasPrefix("site.params."),
          let key = tag.name.dropFirst("site.params.".count).split(separator: ".").first
        else { return nil }
        return (
          String(key), SourceLocation(file: template.path, line: tag.line, column: tag.column)
        )
      }
    }
  }

  func diagnostics() -> [Diagnostic] {
    templates.keys.sorted().flatMap { check(templates[$0]!) } + loops() + pageShapes() + markup()
      + inlineCode()
  }

  private func check(_ template: Template) -> [Diagnostic] {
    var found: [Diagnostic] = []
    func at(_ line: Int, _ column: Int) -> SourceLocation {
      SourceLocation(file: template.path, line: line, column: column)
    }
    var texts = template.scan.texts[...]
    let tags = template.scan.tags
    let opens = template.scan.openBefore()
    for index in 0...tags.count {
      let tag = index < tags.count ? tags[index] : nil
      let open = opens[index]
      // The text before this tag, directly inside `{{<parent}}`: the parser drops it.
      while let text = texts.first, text.before == index {
        texts.removeFirst()
        if let parent = open.last, parent.kind == .parent {
          let shown = text.text.prefix { $0 != "\n" && $0 != "\r\n" }.prefix(40)
          found.append(
            .warning(
              at(text.line, text.column),
              "`\(shown)` is inside `\(parent.text)` but in none of its blocks: it is not shown",
              hint: "move it into a block such as `{{$main}}`, or into a comment `{{! … }}`",
              code: "theme.text-outside-block"
            ).ja(
              "`\(shown)` は `\(parent.text)` の中にありますが、どのブロックにも入っていないため表示されません",
              hint: "`{{$main}}` などのブロックの中に移すか、コメント `{{! … }}` にしてください"))
        }
      }
      guard let tag else { break }
      switch tag.kind {
      case .variable, .unescaped, .section, .inverted:
        let said = name(tag, in: open, at: at(tag.line, tag.column))
        found += said
        if said.isEmpty,
          let other = otherPagesName(tag, in: open, of: template.name, at: at(tag.line, tag.column))
        {
          found.append(other)
        }
      case .partial, .parent:
        found += reference(tag, at: at(tag.line, tag.column))
      case .block:
        if let outer = open.last, outer.kind == .parent {
          found += block(tag, in: outer.name, at: at(tag.line, tag.column))
        }
      default: break
      }
    }
    for p in template.scan.unclosed {
      found.append(
        .warning(at(p.line, p.column), p.message, hint: p.hint, code: "theme.unclosed-tag")
          .ja(p.ja, hint: p.jaHint))
    }
    // `{ {site.title}}`: a space typed between the opening braces, printed as it is.
    for text in template.scan.texts where text.text.contains("{ ") {
      for match in text.text.matches(of: Self.spacedOpen) {
        let (line, column) = text.position(of: match.range.lowerBound)
        let written = String(text.text[match.range])
        let meant = "{{" + String(match.output.1) + "}}"
        found.append(
          .warning(
            at(line, column),
            "`\(written)` has a space between its opening braces: it is no tag, and is printed as it is",
            hint: "write `\(meant)`", code: "theme.stray-brace"
          ).ja(
            "`\(written)` は、始まりの括弧の間に空白があるため、タグではなく、そのままページに出ます",
            hint: "`\(meant)` と書いてください"))
      }
    }
    for p in template.scan.strayBraces {
      found.append(
        .warning(at(p.line, p.column), p.message, hint: p.hint, code: "theme.stray-brace")
          .ja(p.ja, hint: p.jaHint))
    }
    return found.sorted {
      ($0.location.line, $0.location.column) < ($1.location.line, $1.location.column)
    }
  }

  /// A value's name: an asset, a key of the view models, and whether it may print HTML.
  private func name(
    _ tag: TemplateSyntax.Tag, in open: [TemplateSyntax.Tag], at location: SourceLocation
  ) -> [Diagnostic] {
    let name = tag.name
    if name == ".", tag.kind == .variable || tag.kind == .unescaped,
      let records = dotOfRecords(tag, in: open, at: location)
    {
      return [records]
    }
    if tag.kind == .unescaped, name == "." {
      return dot(tag, in: open, at: location)
    }
    if let portal = Self.hugoName(for: name) {
      // The body, and the values holding HTML, are printed with three braces.
      let meant = TemplateVocabulary.html.contains(portal) ? "{{{\(portal)}}}" : "{{\(portal)}}"
      return [
        .warning(
          location,
          "`\(tag.text)` is written as Hugo's templates write a value; Portal's are Mustache names, without the leading dot, in lower case: it prints nothing",
          hint: "write `\(meant)`", code: "theme.unknown-name"
        ).ja(
          "`\(tag.text)` は Hugo のテンプレートの書き方です。Portal のテンプレートでは、先頭の点を付けず、小文字の名前を書きます。このままでは何も出力されません",
          hint: "`\(meant)` と書いてください")
      ]
    }
    // `.`, transforms (`uppercased(x)`) and names with leading dots follow other rules.
    guard name != ".", !name.contains("("), !name.hasPrefix(".") else { return [] }
    let parts = name.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
    var found: [Diagnostic] = []
    if parts.count >= 2, parts[0] == "assets" {
      if !assetKeys.contains(parts[1]) {
        found.append(
          .error(
            location, "`assets.\(parts[1])` is not an asset of the theme",
            hint: assetGuess(parts[1]).map { "did you mean `assets.\($0)`?" }
              ?? "add assets/\(Self.fileName(forKey: parts[1]))",
            code: "theme.unknown-asset"
          ).ja(
            "`assets.\(parts[1])` はテーマのアセットにありません",
            hint: assetGuess(parts[1]).map { Self.meant("assets.\($0)") }
              ?? "assets/\(Self.fileName(forKey: parts[1])) を追加してください"))
      }
    } else if parts.count >= 2, let shape = TemplateVocabulary.paths[parts[0]] {
      found += path(tag, parts, shape, at: location)
    } else if let unknown = Self.checked(parts).first(where: {
      !TemplateVocabulary.names.contains($0)
    }) {
      let candidates = TemplateVocabulary.names.sorted()
      // Corrected part by part; after `params` (written so or corrected to it) the names are
      // site.yml's, kept as written.
      var fixed: [String?] = []
      for part in parts {
        if fixed.last == "params" || TemplateVocabulary.names.contains(part) {
          fixed.append(part)
        } else {
          fixed.append(Suggest.closest(to: part, in: candidates))
        }
      }
      // `{{sitetitle}}`, `{{site_title}}`: a dotted name typed without its dot.
      let undotted = parts.count == 1 ? Self.undotted[name.lowercased()] : nil
      let guess =
        Self.portalName(for: name) ?? undotted
        ?? (fixed.contains(nil) ? nil : fixed.compactMap { $0 }.joined(separator: "."))
      found.append(
        .warning(
          location,
          "`\(name)` is not a value a page has"
            + (parts.count > 1 ? " (no key is named `\(unknown)`)" : "")
            + ": `\(tag.text)` finds nothing",
          hint: guess.map { "did you mean `\($0)`?" }
            ?? "the keys the pages have are listed in docs/theme.md (Keys)",
          code: "theme.unknown-name"
        ).ja(
          "`\(name)` はページの持つ値にありません"
            + (parts.count > 1 ? "（`\(unknown)` というキーはありません）" : "")
            + "。`\(tag.text)` では何も見つかりません",
          hint: guess.map(Self.meant) ?? "ページの持つキーは docs/theme.md（Keys）に一覧があります"))
    }
    if tag.kind == .variable || tag.kind == .unescaped, parts.count == 1, found.isEmpty {
      if TemplateVocabulary.lists.contains(name) {
        return [printedList(tag, name, item: nil, at: location)]
      }
      if TemplateVocabulary.records.contains(name) {
        var keys: [String: TemplateVocabulary.Shape]?
        if case .keys(let k)? = TemplateVocabulary.paths[name] { keys = k }
        return [printedRecord(tag, name, keys: keys, at: location)]
      }
    }
    // A name no page has is told first; whether it holds HTML is for the name meant.
    if tag.kind == .unescaped, found.isEmpty, !Self.isHTML(parts) {
      found.append(
        unescaped(
          tag, printing: "`\(name)`", " `\(name)` ", withRuby: Self.hasHTML(parts, in: open),
          at: location))
    }
    if tag.kind == .variable, found.isEmpty, Self.isHTML(parts) {
      // The reverse: HTML printed escaped shows its tags as text on every page.
      found.append(
        .warning(
          location, "`\(name)` is HTML: `\(tag.text)` prints its tags as text (`&lt;p&gt;`)",
          hint: "write `{{{\(name)}}}`", code: "theme.escaped-html"
        ).ja(
          "`\(name)` は HTML です。`\(tag.text)` では、タグが文字のまま表示されます（`&lt;p&gt;`）",
          hint: "`{{{\(name)}}}` と書いてください"))
    }
    return found
  }

  /// The dotted names under the dictionaries of fixed keys (`site.title`), by the name typed
  /// without the dot or with `_` for it (`sitetitle`, `site_title`).
  static let undotted: [String: String] = {
    var found: [String: String] = [:]
    for (root, shape) in TemplateVocabulary.paths {
      guard case .keys(let keys) = shape else { continue }
      for key in keys.keys {
        found[root + key] = "\(root).\(key)"
        found[root + "_" + key] = "\(root).\(key)"
      }
    }
    return found
  }()

  /// Whether a name's value holds HTML (`TemplateVocabulary.html`), not under `params` (site.yml's
  /// values are text).
  static func isHTML(_ parts: [String]) -> Bool {
    guard let last = parts.last else { return false }
    return TemplateVocabulary.html.contains(last) && checked(parts).count == parts.count
  }

  /// Whether the value `parts` names has an HTML twin where it is written (`title` →
  /// `title_html`): under a dictionary of fixed keys, when that dictionary has the key; inside
  /// a list's section, when its items have it; elsewhere, when a page has it.
  static func hasHTML(_ parts: [String], in open: [TemplateSyntax.Tag]) -> Bool {
    guard let last = parts.last, TemplateVocabulary.html.contains(last + "_html") else {
      return false
    }
    let twin = last + "_html"
    if parts.count >= 2 {
      guard case .keys(let keys)? = TemplateVocabulary.shape(of: parts.dropLast()) else {
        return false
      }
      return keys[twin] != nil
    }
    // The innermost list's section decides; a flag's or a dictionary's leaves the page's.
    for section in open.reversed() where section.kind == .section {
      let list = String(section.name.split(separator: ".").last ?? "")
      if TemplateVocabulary.lists.contains(list) {
        return TemplateVocabulary.htmlInItems[list]?.contains(twin) ?? false
      }
    }
    return true
  }

  /// "did you mean `x`?" in Japanese.
  static func meant(_ name: String) -> String { "`\(name)` のまちがいではありませんか" }

  /// `{{{.}}}`: the item of the section it is in, which is text unless the section is `body`.
  private func dot(
    _ tag: TemplateSyntax.Tag, in open: [TemplateSyntax.Tag], at location: SourceLocation
  ) -> [Diagnostic] {
    // Inverted sections and blocks do not change what `.` is.
    guard let section = open.last(where: { $0.kind == .section }), section.name != ".",
      !section.name.contains("("),
      !Self.isHTML(section.name.split(separator: ".").map(String.init))
    else { return [] }
    return [
      unescaped(
        tag, printing: "each `\(section.name)` (the section's value)",
        "セクション `\(section.name)` の各項目（セクションの値）", withRuby: false, at: location)
    ]
  }

  /// A dotted name under a dictionary of fixed keys (`page.title`), followed key by key.
  private func path(
    _ tag: TemplateSyntax.Tag, _ parts: [String], _ root: TemplateVocabulary.Shape,
    at location: SourceLocation
  ) -> [Diagnostic] {
    var shape = root
    for k in 1..<parts.count {
      let before = parts[..<k].joined(separator: ".")
      switch shape {
      case .open:
        return []
      case .keys(let keys):
        if let next = keys[parts[k]] {
          shape = next
          continue
        }
        let names = keys.keys.sorted()
        // A near key, or the same key of the other dictionary every page has (`site.url`:
        // `page.url`).
        let other =
          k == 1
          ? ["page", "site"].first { root in
            guard root != parts[0], case .keys(let keys)? = TemplateVocabulary.paths[root] else {
              return false
            }
            return keys[parts[1]] != nil
          } : nil
        // Then a name of another generator (`page.content`), or a value every page has at the
        // top written under `page` (`page.body`: `body`).
        let near: String? = Suggest.closest(to: parts[k], in: names).map {
          (parts[..<k] + [$0] + parts[(k + 1)...]).joined(separator: ".")
        }
        let otherRoot: String? = other.map { ([$0] + parts[1...]).joined(separator: ".") }
        let top: String? =
          k == 1 && TemplateVocabulary.names.contains(parts[1])
          ? parts[1...].joined(separator: ".") : nil
        let guess = near ?? otherRoot ?? Self.portalName(for: tag.name) ?? top
        let list = names.map { "`\($0)`" }.joined(separator: ", ")
        return [
          .warning(
            location,
            "`\(tag.name)` is not a value a page has (`\(before)` has no key `\(parts[k])`): `\(tag.text)` finds nothing",
            hint: guess.map { "did you mean `\($0)`?" } ?? "`\(before)` has \(list)",
            code: "theme.unknown-name"
          ).ja(
            "`\(tag.name)` はページの持つ値にありません（`\(before)` に `\(parts[k])` というキーはありません）。`\(tag.text)` では何も見つかりません",
            hint: guess.map(Self.meant)
              ?? "`\(before)` のキーは \(names.map { "`\($0)`" }.joined(separator: "、")) です")
        ]
      case .list(let item):
        let inner: String
        if case .keys(let keys) = item, keys[parts[k]] != nil {
          inner = "\(tag.open)\(parts[k...].joined(separator: "."))\(tag.close)"
        } else {
          inner = "\(tag.open).\(tag.close)"
        }
        return [
          .warning(
            location,
            "`\(before)` is a list: `\(tag.text)` finds nothing",
            hint:
              "go through its items with a section: `\(tag.open)#\(before)\(tag.close)\(inner)\(tag.open)/\(before)\(tag.close)`",
            code: "theme.unknown-name"
          ).ja(
            "`\(before)` はリストなので、`\(tag.text)` では何も見つかりません",
            hint:
              "セクションで項目を1つずつ出力してください：`\(tag.open)#\(before)\(tag.close)\(inner)\(tag.open)/\(before)\(tag.close)`"
          )
        ]
      case .value:
        return [
          .warning(
            location,
            "`\(before)` has no keys: `\(tag.text)` finds nothing",
            hint: "write `\(tag.open)\(before)\(tag.close)`", code: "theme.unknown-name"
          ).ja(
            "`\(before)` はキーを持たない値なので、`\(tag.text)` では何も見つかりません",
            hint: "`\(tag.open)\(before)\(tag.close)` と書いてください")
        ]
      }
    }
    // The whole name found: a list or a dictionary printed as text prints nothing.
    guard tag.kind == .variable || tag.kind == .unescaped else { return [] }
    switch shape {
    case .list(let item):
      var inner: String?
      if case .keys(let keys) = item {
        inner = keys.keys.contains("title") ? "\(tag.open)title\(tag.close)" : nil
      }
      return [printedList(tag, tag.name, item: inner, at: location)]
    case .keys(let keys):
      return [printedRecord(tag, tag.name, keys: keys, at: location)]
    case .value, .open:
      return []
    }
  }

  /// The asset key meant by `key`: a file of the same name in a folder (`logo_png` for
  /// `img/logo.png`), or a near key.
  func assetGuess(_ key: String) -> String? {
    let keys = assetKeys.sorted()
    if let inFolder = keys.first(where: { $0.hasSuffix("_" + key) }) { return inFolder }
    return Suggest.closest(to: key, in: keys)
  }

  /// The parts of a dotted name the vocabulary can judge: not those after `params`, which
  /// site.yml names (`site.params.notice`), unknown when the theme loads.
  static func checked(_ parts: [String]) -> ArraySlice<String> {
    parts.firstIndex(of: "params").map { parts[...$0] } ?? parts[...]
  }

  /// The file an asset key would come from: its last `_` was the extension's dot.
  static func fileName(forKey key: String) -> String {
    guard let dot = key.lastIndex(of: "_") else { return key }
    return key[..<dot] + "." + key[key.index(after: dot)...]
  }
}
