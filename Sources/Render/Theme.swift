import Content
import Diagnostics
import Foundation
import Mustache

/// A theme folder: Mustache templates (`templates/`) and static assets (`assets/`). Assets are
/// published under content-hash names so browsers can cache them forever.
public struct Theme: Sendable {
  public let directory: URL
  public let displayPath: String
  let library: MustacheLibrary
  /// The same templates for the fast renderer; nil when the theme uses a feature it lacks.
  let fast: FastTemplates?
  /// Asset file name → fingerprinted root-relative URL path under the output (`assets/style.1a2b3c4d.css`).
  public let assetPaths: [String: String]
  /// Fingerprinted output path → bytes.
  public let assetFiles: [(path: String, data: Data)]
  public let templateNames: Set<String>

  public static let requiredTemplates = [
    "layout", "home", "strategy-index", "strategy", "domains", "domain", "field", "initiatives",
    "initiative",
    "events", "events-year", "event", "glossary", "glossary-entry", "search", "404",
    "redirect", "updates", "about", "about-index",
  ]

  /// Loads and parses every template, reporting syntax errors with file, line and column, and
  /// every missing template at once.
  public static func load(from directory: URL, displayPath: String) -> (Theme?, [Diagnostic]) {
    let templatesDir = directory.appendingPathComponent("templates")
    var diagnostics: [Diagnostic] = []
    var library = MustacheLibrary()
    var names: Set<String> = []
    let fm = FileManager.default
    if let missing = ContentLoader.missingFolder(
      directory, shownAs: displayPath, what: "theme", code: "theme.missing")
    {
      return (nil, [missing])
    }
    let files = ((try? fm.contentsOfDirectory(atPath: templatesDir.path)) ?? []).sorted()
    if files.isEmpty {
      return (
        nil,
        [
          .error(
            SourceLocation(file: "\(displayPath)/templates"), "the theme has no templates",
            hint: "pass --theme with a folder that has templates/*.mustache", code: "theme.missing")
        ]
      )
    }
    for file in files where file.hasSuffix(".mustache") {
      let name = String(file.dropLast(".mustache".count))
      let path = "\(displayPath)/templates/\(file)"
      guard
        let text = try? String(
          contentsOf: templatesDir.appendingPathComponent(file), encoding: .utf8)
      else {
        diagnostics.append(
          .error(
            SourceLocation(file: path), "the template is not readable UTF-8 text",
            code: "theme.read"))
        continue
      }
      do {
        try HTMLEscape.register(text, named: name, in: &library)
        names.insert(name)
      } catch let error as MustacheTemplate.ParserError {
        let problem =
          TemplateSyntax.explain(text)
          ?? TemplateSyntax.Problem(
            line: error.context.lineNumber - 1, column: error.context.columnNumber,
            message: TemplateSyntax.describe(error.error),
            hint: "check that every {{#section}} has its {{/section}}")
        diagnostics.append(
          .error(
            SourceLocation(file: path, line: problem.line, column: problem.column),
            "template syntax error: \(problem.message)", hint: problem.hint, code: "theme.syntax"))
      } catch {
        diagnostics.append(
          .error(SourceLocation(file: path), "template error: \(error)", code: "theme.syntax"))
      }
    }
    // A template that is there but broken has its own error: not also "missing".
    let present = Set(
      files.filter { $0.hasSuffix(".mustache") }.map { String($0.dropLast(".mustache".count)) })
    for required in requiredTemplates where !present.contains(required) {
      diagnostics.append(
        .error(
          SourceLocation(file: "\(displayPath)/templates/\(required).mustache"),
          "the theme has no `\(required)` template",
          hint: "add templates/\(required).mustache (copy it from the default theme)",
          code: "theme.missing-template"))
    }
    // Assets.
    var assetPaths: [String: String] = [:]
    var assetFiles: [(String, Data)] = []
    let assetsDir = directory.appendingPathComponent("assets")
    for file in ((try? fm.contentsOfDirectory(atPath: assetsDir.path)) ?? []).sorted()
    where !file.hasPrefix(".") {
      guard let data = fm.contents(atPath: assetsDir.appendingPathComponent(file).path) else {
        continue
      }
      let ext = (file as NSString).pathExtension
      let stem = (file as NSString).deletingPathExtension
      let hashed = "assets/\(stem).\(fingerprint(data)).\(ext)"
      assetPaths[file] = hashed
      assetFiles.append((hashed, data))
    }
    guard !diagnostics.hasErrors else { return (nil, diagnostics) }
    return (
      Theme(
        directory: directory, displayPath: displayPath, library: library,
        fast: FastTemplates(library: library, names: names), assetPaths: assetPaths,
        assetFiles: assetFiles, templateNames: names),
      diagnostics
    )
  }

  /// Renders a template; a missing template was already reported at load time.
  func render(_ name: String, _ context: TemplateContext) -> String {
    var context = context
    context["has_breadcrumbs"] = .bool(context["breadcrumbs"] != nil)
    if let fast, let html = fast.render(name, context) { return html }
    return renderWithLibrary(name, context)
  }

  /// swift-mustache's own rendering: the fallback, and the reference the fast renderer is
  /// tested against.
  func renderWithLibrary(_ name: String, _ context: TemplateContext) -> String {
    var context = context
    context["has_breadcrumbs"] = .bool(context["breadcrumbs"] != nil)
    return library.render(TemplateValue.dict(context).any, withTemplate: name) ?? ""
  }

  /// 64-bit FNV-1a of the bytes, as 10 hex digits: enough to bust caches when an asset changes.
  static func fingerprint(_ data: Data) -> String {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in data {
      hash ^= UInt64(byte)
      hash = hash &* 0x100_0000_01b3
    }
    let hex = String(hash, radix: 16)
    return String((String(repeating: "0", count: max(0, 16 - hex.count)) + hex).prefix(10))
  }
}
