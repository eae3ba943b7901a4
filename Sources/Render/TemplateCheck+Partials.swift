import Diagnostics

/// The references between templates: partials and parents that name no template, blocks a
/// parent does not have, and templates that include themselves with no section between.
extension TemplateCheck {
  /// `theme.partial-loop` (error): a partial or parent reached again from itself
  /// (`{{> toc}}` in toc.mustache): rendering it never ends, and the stack overflowed and
  /// killed the build and `portal serve` with no message. Inside a section too
  /// (`{{#site.nav}}…{{> partials/nav}}…{{/site.nav}}`, a menu drawn as a tree): Mustache
  /// looks a name up in the levels around when an item lacks it, so every level finds the
  /// same list again, and no item of Portal's values holds a list of its own kind to end it.
  /// Reported at each reference of the loop.
  func loops() -> [Diagnostic] {
    // The references of each template, with where they are and whether a section holds them.
    var edges: [String: [(to: String, tag: TemplateSyntax.Tag, inSection: Bool)]] = [:]
    for (name, template) in templates {
      let opens = template.scan.openBefore()
      for (index, tag) in template.scan.tags.enumerated()
      where (tag.kind == .partial || tag.kind == .parent) && !tag.name.hasPrefix("*") {
        let inSection = opens[index].contains { $0.kind == .section || $0.kind == .inverted }
        edges[name, default: []].append((tag.name, tag, inSection))
      }
    }
    /// Whether `start` reaches `goal` along unguarded references.
    func reaches(_ start: String, _ goal: String) -> Bool {
      var seen: Set<String> = []
      var stack = [start]
      while let name = stack.popLast() {
        if name == goal { return true }
        guard seen.insert(name).inserted else { continue }
        stack += (edges[name] ?? []).map(\.to)
      }
      return false
    }
    var found: [Diagnostic] = []
    for name in edges.keys.sorted() {
      guard let template = templates[name] else { continue }
      for (to, tag, inSection) in edges[name]! where reaches(to, name) {
        let how = to == name ? "itself" : "`\(to)`, which leads back to `\(name)`"
        let howJa = to == name ? "自分自身" : "`\(to)`（そこから `\(name)` に戻ります）"
        let why =
          inSection
          ? ": inside a section too, each level finds the section's value again (a name an item lacks is looked up around it), so rendering would never end"
          : " outside any section: rendering would never end"
        let whyJa =
          inSection
          ? "。セクションの中でも、どの段でも同じ値がまた見つかるため（項目にない名前は外側で探されます）、出力が終わりません" : "。セクションの外なので、出力が終わりません"
        found.append(
          .error(
            SourceLocation(file: template.path, line: tag.line, column: tag.column),
            "`\(tag.text)` in `\(name)` includes \(how)\(why)",
            hint:
              "remove the reference: write out the levels the page needs (a menu's items, then their children) in the template itself",
            code: "theme.partial-loop"
          ).ja(
            "`\(name)` の `\(tag.text)` は\(howJa)を読み込みます\(whyJa)",
            hint: "読み込みを消して、ページに要る段（メニューの項目、その下の項目）をテンプレートにそのまま書いてください"))
      }
    }
    return found
  }

  /// A partial or a parent: a template of the theme.
  func reference(_ tag: TemplateSyntax.Tag, at location: SourceLocation) -> [Diagnostic] {
    let name = tag.name
    // Dynamic partials (`{{>*name}}`) name a value, not a template.
    guard !name.hasPrefix("*"), !present.contains(name), !missing.contains(name) else {
      return []
    }
    // A template named without its folder (`notice` for `partials/notice`) is meant too. A
    // page's own template (`tag`, `home`) is no partial: `{{> toc}}` is not `tag` mistyped.
    let candidates =
      (tag.kind == .parent ? present : present.subtracting(Theme.requiredTemplates)).sorted()
    let guess =
      Suggest.closest(to: name, in: candidates) ?? candidates.first { $0.hasSuffix("/" + name) }
    // `partials/banner.html`, `partials/Banner.MUSTACHE`: the partial, saved under another
    // ending, which only a `.mustache` is read as.
    if guess == nil,
      let loose = looseFiles.first(where: {
        ($0.split(separator: ".").first.map(String.init) ?? $0).lowercased() == name.lowercased()
      })
    {
      return [
        .error(
          location,
          "`\(tag.text)` names no template of the theme: templates/\(loose) is not read as one, only files ending in `.mustache` are",
          hint: "rename templates/\(loose) to templates/\(name).mustache",
          code: "theme.unknown-template"
        ).ja(
          "`\(tag.text)` の指すテンプレートがテーマにありません。templates/\(loose) は読まれません（テンプレートになるのは `.mustache` で終わるファイルだけです）",
          hint: "templates/\(loose) の名前を templates/\(name).mustache に変えてください")
      ]
    }
    return [
      .error(
        location,
        "`\(tag.text)` names no template of the theme: "
          + (tag.kind == .parent ? "the page would be empty" : "it would print nothing"),
        hint: guess.map { "did you mean `\($0)`?" } ?? "add templates/\(name).mustache",
        code: "theme.unknown-template"
      ).ja(
        "`\(tag.text)` の指すテンプレートがテーマにありません。"
          + (tag.kind == .parent ? "このままでは、ページが空になります" : "このままでは、何も出力されません"),
        hint: guess.map(Self.meant) ?? "templates/\(name).mustache を追加してください")
    ]
  }

  /// A block that a child fills: the parent must have it.
  func block(_ tag: TemplateSyntax.Tag, in parent: String, at location: SourceLocation)
    -> [Diagnostic]
  {
    var seen: Set<String> = []
    guard let blocks = blocks(of: parent, seen: &seen), !blocks.contains(tag.name) else {
      return []
    }
    let names = blocks.sorted()
    let guess = Suggest.closest(to: tag.name, in: names)
    let list = names.map { "`\($0)`" }.joined(separator: ", ")
    return [
      .error(
        location,
        "`{{$\(tag.name)}}` is not a block of `\(parent)`: what it holds is never shown",
        hint: guess.map { "did you mean `\($0)`?" }
          ?? (names.isEmpty
            ? "`\(parent)` has no blocks" : "`\(parent)` has the blocks \(list)"),
        code: "theme.unknown-block"
      ).ja(
        "`{{$\(tag.name)}}` は `\(parent)` のブロックではないため、中身が表示されません",
        hint: guess.map(Self.meant)
          ?? (names.isEmpty
            ? "`\(parent)` にはブロックがありません"
            : "`\(parent)` のブロックは \(names.map { "`\($0)`" }.joined(separator: "、")) です"))
    ]
  }

  /// The blocks a template defines, with those of its parents and partials; nil when one of
  /// them could not be read (broken, missing or dynamic): then nothing is known.
  func blocks(of name: String, seen: inout Set<String>) -> Set<String>? {
    guard seen.insert(name).inserted else { return [] }
    guard let template = templates[name], template.scan.badDelimiters == nil else { return nil }
    var blocks: Set<String> = []
    for tag in template.scan.tags {
      switch tag.kind {
      case .block: blocks.insert(tag.name)
      case .parent, .partial:
        guard let more = self.blocks(of: tag.name, seen: &seen) else { return nil }
        blocks.formUnion(more)
      default: break
      }
    }
    return blocks
  }
}
