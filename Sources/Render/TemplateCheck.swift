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
///   which the parser accepts, taking the text in between with it.
struct TemplateCheck {
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

  init(templates: [Template], present: Set<String>, missing: Set<String>, assetKeys: Set<String>) {
    self.templates = Dictionary(templates.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
    self.present = present
    self.missing = missing
    self.assetKeys = assetKeys
  }

  func diagnostics() -> [Diagnostic] {
    templates.keys.sorted().flatMap { check(templates[$0]!) }
  }

  private func check(_ template: Template) -> [Diagnostic] {
    var found: [Diagnostic] = []
    func at(_ tag: TemplateSyntax.Tag) -> SourceLocation {
      SourceLocation(file: template.path, line: tag.line, column: tag.column)
    }
    var open: [TemplateSyntax.Tag] = []
    for tag in template.scan.tags {
      switch tag.kind {
      case .variable, .unescaped, .section, .inverted:
        found += name(tag, at: at(tag))
      case .partial, .parent:
        found += reference(tag, at: at(tag))
      case .block:
        if let outer = open.last, outer.kind == .parent {
          found += block(tag, in: outer.name, at: at(tag))
        }
      default: break
      }
      switch tag.kind {
      case .section, .inverted, .block, .parent: open.append(tag)
      case .close: _ = open.popLast()
      default: break
      }
    }
    if let p = template.scan.unclosed {
      found.append(
        .warning(
          SourceLocation(file: template.path, line: p.line, column: p.column), p.message,
          hint: p.hint + " (the next tag's `}}` ends it now, and what lies between is left out)",
          code: "theme.unclosed-tag"))
    }
    return found
  }

  /// A value's name: an asset, a key of the view models, and whether it may print HTML.
  private func name(_ tag: TemplateSyntax.Tag, at location: SourceLocation) -> [Diagnostic] {
    let name = tag.name
    // `.`, transforms (`uppercased(x)`) and names with leading dots follow other rules.
    guard name != ".", !name.contains("("), !name.hasPrefix(".") else { return [] }
    let parts = name.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
    var found: [Diagnostic] = []
    if parts.count >= 2, parts[0] == "assets" {
      if !assetKeys.contains(parts[1]) {
        let guess = Suggest.closest(to: parts[1], in: assetKeys.sorted())
        found.append(
          .error(
            location, "`assets.\(parts[1])` is not an asset of the theme",
            hint: guess.map { "did you mean `assets.\($0)`?" }
              ?? "add assets/\(Self.fileName(forKey: parts[1]))",
            code: "theme.unknown-asset"))
      }
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
      let guess = fixed.contains(nil) ? nil : fixed.compactMap { $0 }.joined(separator: ".")
      found.append(
        .warning(
          location,
          "`\(name)` is not a value a page has"
            + (parts.count > 1 ? " (no key is named `\(unknown)`)" : "")
            + ": `\(tag.text)` finds nothing",
          hint: guess.map { "did you mean `\($0)`?" }
            ?? "the keys the pages have are listed in docs/theme.md (Keys)",
          code: "theme.unknown-name"))
    }
    if tag.kind == .unescaped, let last = parts.last, !TemplateVocabulary.html.contains(last) {
      let html = TemplateVocabulary.html.sorted().map { "`\($0)`" }.joined(separator: " and ")
      found.append(
        .warning(
          location,
          "`\(tag.text)` prints `\(name)` without escaping it: HTML in the text would become part of the page",
          hint: "write `{{\(name)}}`; only \(html) hold HTML to print as it is",
          code: "theme.unescaped"))
    }
    return found
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

  /// A partial or a parent: a template of the theme.
  private func reference(_ tag: TemplateSyntax.Tag, at location: SourceLocation) -> [Diagnostic] {
    let name = tag.name
    // Dynamic partials (`{{>*name}}`) name a value, not a template.
    guard !name.hasPrefix("*"), !present.contains(name), !missing.contains(name) else {
      return []
    }
    let guess = Suggest.closest(to: name, in: present.sorted())
    return [
      .error(
        location,
        "`\(tag.text)` names no template of the theme: "
          + (tag.kind == .parent ? "the page would be empty" : "it would print nothing"),
        hint: guess.map { "did you mean `\($0)`?" } ?? "add templates/\(name).mustache",
        code: "theme.unknown-template")
    ]
  }

  /// A block that a child fills: the parent must have it.
  private func block(_ tag: TemplateSyntax.Tag, in parent: String, at location: SourceLocation)
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
        code: "theme.unknown-block")
    ]
  }

  /// The blocks a template defines, with those of its parents and partials; nil when one of
  /// them could not be read (broken, missing or dynamic): then nothing is known.
  private func blocks(of name: String, seen: inout Set<String>) -> Set<String>? {
    guard seen.insert(name).inserted else { return [] }
    guard let template = templates[name], !template.scan.otherDelimiters,
      template.scan.unclosed == nil
    else { return nil }
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
