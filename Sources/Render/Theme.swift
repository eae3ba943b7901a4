import ByteFormats
import Content
import Diagnostics
import Foundation
import Mustache
import Parallel

/// A theme folder: Mustache templates (`templates/`) and static assets (`assets/`). Assets are
/// published under content-hash names so browsers can cache them forever.
public struct Theme: Sendable {
  /// The code of "no theme folder" and "no templates": `portal` hints at the folder meant.
  public static let missingCode = "theme.missing"

  public let directory: URL
  public let displayPath: String
  let library: MustacheLibrary
  /// The same templates for the fast renderer; nil when the theme uses a feature it lacks.
  let fast: FastTemplates?
  /// Asset file path under `assets/` (`style.css`, `img/logo.png`) → fingerprinted
  /// root-relative URL path under the output (`assets/style.1a2b3c4d.css`).
  public let assetPaths: [String: String]
  /// Fingerprinted output path → bytes.
  public let assetFiles: [(path: String, data: Data)]
  public let templateNames: Set<String>
  /// The hash of the templates' and assets' bytes as this load read them, which every output
  /// is made from: a build records it, not the files on disk, which a save during the build
  /// (in `portal serve`) may already have changed, so the next build still sees that save.
  public let digest: UInt64
  /// `SourceHash` of each file this load read, by its path under the theme folder
  /// (`templates/layout.mustache`, `assets/style.css`), for `.portal/sources.json`.
  public let sourceHashes: [String: UInt64]
  /// The names of site.yml's `params` the templates print, where each is written: a name
  /// site.yml does not give printed nothing, and only the build knows site.yml.
  public let paramsUsed: [(key: String, location: SourceLocation)]

  public static let requiredTemplates = [
    "layout", "home", "strategy-index", "strategy", "domains", "domain", "field", "initiatives",
    "initiative",
    "events", "events-year", "event", "glossary", "glossary-entry", "search", "404",
    "redirect", "updates", "about", "about-index", "tags", "tag",
  ]

  /// Loads and parses every template, reporting syntax errors with file, line and column, and
  /// every missing template at once; then checks what the templates name (`TemplateCheck`).
  public static func load(from directory: URL, displayPath: String) -> (Theme?, [Diagnostic]) {
    let templatesDir = directory.appendingPathComponent("templates")
    var diagnostics: [Diagnostic] = []
    var library = MustacheLibrary()
    var names: Set<String> = []
    var parsed: [TemplateCheck.Template] = []
    var hasPolicy = false
    var layoutText: String?
    let fm = FileManager.default
    if let missing = ContentLoader.missingFolder(
      directory, shownAs: displayPath, what: "theme", code: missingCode)
    {
      return (nil, [missing])
    }
    let files = templateFiles(templatesDir)
    if files.isEmpty {
      // `--theme theme/templates`: the folder of the templates, not the theme's.
      let parent =
        templateFiles(directory).contains { !$0.contains("/") }
        ? (displayPath as NSString).deletingLastPathComponent : nil
      let meant = parent.map { $0.isEmpty ? "." : $0 }
      return (
        nil,
        [
          .error(
            SourceLocation(file: "\(displayPath)/templates"), "the theme has no templates",
            hint: meant.map {
              "\(displayPath) holds the templates themselves: give the folder above it, --theme \($0)"
            } ?? "pass --theme with a folder that has templates/*.mustache", code: missingCode
          ).ja(
            "テーマにテンプレートがありません",
            hint: meant.map {
              "\(displayPath) はテンプレートそのものを置くフォルダーです。その上のフォルダーを指定してください：--theme \($0)"
            } ?? "--theme には、templates/*.mustache のあるフォルダーを指定してください")
        ]
      )
    }
    // Read in order; then each template scanned, parsed and its tokens read on all cores
    // (a fifth of the shipped portal's build was these passes, one template after
    // another); then registered and reported in the files' order, as before.
    var read: [(name: String, path: String, text: String)] = []
    var hashes = FileHashes()
    for file in files {
      let name = String(file.dropLast(".mustache".count))
      let path = "\(displayPath)/templates/\(file)"
      guard let data = fm.contents(atPath: templatesDir.appendingPathComponent(file).path) else {
        diagnostics.append(
          .error(SourceLocation(file: path), "the template cannot be read", code: "theme.read")
            .ja("テンプレートを読み込めません"))
        continue
      }
      hashes.add("templates/\(file)", data)
      guard let text = String(data: data, encoding: .utf8) else {
        diagnostics.append(SourceFile.notUTF8([UInt8](data)[...], path: path, code: "theme.read"))
        continue
      }
      // Checked out on Windows (Git's autocrlf), a template's line ends are CR LF, which went
      // into every page: the same commit built other bytes there than on Linux.
      read.append((name, path, text.contains("\r\n") ? Self.lineFeeds(text) : text))
    }
    let compiled = read.parallelMap { Compiled($0.text) }
    var tokens: [String: [FastTemplates.Token]?] = [:]
    for ((name, path, text), one) in zip(read, compiled) {
      if !hasPolicy, one.hasPolicy { hasPolicy = true }
      if name == "layout" { layoutText = text }
      switch one.template {
      case .success(let template):
        library.register(template, named: name)
        tokens[name] = one.tokens
        names.insert(name)
        parsed.append(.init(name: name, path: path, scan: one.scan))
      case .failure(let error as MustacheTemplate.ParserError):
        let said = TemplateSyntax.describe(error.error)
        let problem =
          TemplateSyntax.explain(text)
          ?? TemplateSyntax.Problem(
            line: max(1, error.context.lineNumber - 1), column: error.context.columnNumber,
            message: said.message, hint: said.hint, ja: said.ja, jaHint: said.jaHint)
        diagnostics.append(
          .error(
            SourceLocation(file: path, line: problem.line, column: problem.column),
            "template syntax error: \(problem.message)", hint: problem.hint, code: "theme.syntax"
          ).ja("テンプレートの書き方のまちがい: \(problem.ja)", hint: problem.jaHint))
      case .failure(let error):
        diagnostics.append(
          .error(SourceLocation(file: path), "template error: \(error)", code: "theme.syntax")
            .ja("テンプレートのエラー: \(error)"))
      }
    }
    // A template that is there but broken has its own error: not also "missing".
    let present = Set(files.map { String($0.dropLast(".mustache".count)) })
    let missing = requiredTemplates.filter { !present.contains($0) }
    for required in missing {
      let near = renamed(required, among: Self.files(under: templatesDir))
      diagnostics.append(
        .error(
          SourceLocation(file: "\(displayPath)/templates/\(required).mustache"),
          "the theme has no `\(required)` template",
          hint: near.map {
            "templates/\($0) is there: rename it templates/\(required).mustache (names are lower case, in templates/ itself, ending in .mustache)"
          } ?? "add templates/\(required).mustache (copy it from the default theme)",
          code: "theme.missing-template"
        ).ja(
          "テーマに `\(required)` テンプレートがありません",
          hint: near.map {
            "templates/\($0) があります。名前を templates/\(required).mustache に変えてください（名前は小文字で、templates/ のすぐ下に、.mustache で終わるように置きます）"
          } ?? "templates/\(required).mustache を追加してください（標準のテーマからコピーできます）"))
    }
    if !hasPolicy, layoutText != nil {
      diagnostics.append(policyMissing(layout: layoutText, shownAs: displayPath))
    }
    let assets = loadAssets(
      directory.appendingPathComponent("assets"), shownAs: displayPath, hashes: &hashes)
    diagnostics += assets.diagnostics
    let check = TemplateCheck(
      templates: parsed, present: present, missing: Set(missing),
      assetKeys: Set(assets.paths.keys.map(assetKey)),
      looseFiles: Self.files(under: templatesDir).filter { !$0.hasSuffix(".mustache") })
    diagnostics += check.diagnostics()
    guard !diagnostics.hasErrors else { return (nil, diagnostics) }
    return (
      Theme(
        directory: directory, displayPath: displayPath, library: library,
        fast: FastTemplates(tokens: tokens), assetPaths: assets.paths,
        assetFiles: assets.files, templateNames: names, digest: hashes.digest.value,
        sourceHashes: hashes.source, paramsUsed: check.paramsUsed()),
      diagnostics
    )
  }

  /// One template read every way the theme needs it: its tags (for the checks), whether it
  /// states a Content-Security-Policy, swift-mustache's parse and the fast renderer's tokens.
  /// Pure, so the templates are compiled in parallel.
  private struct Compiled: Sendable {
    let scan: TemplateSyntax.Scan
    let hasPolicy: Bool
    let template: Result<MustacheTemplate, any Error>
    /// nil when the fast renderer declines the template.
    let tokens: [FastTemplates.Token]?

    init(_ text: String) {
      scan = TemplateSyntax.scan(text)
      hasPolicy = Theme.hasPolicyTag(text, scan: scan)
      template = Result { try HTMLEscape.template(text) }
      tokens = (try? template.get()).flatMap(FastTemplates.tokens(of:))
    }
  }

  /// The `.mustache` files under `templates/` and its folders, as paths under it
  /// (`home.mustache`, `partials/card.mustache`: the template `partials/card`, used as
  /// `{{> partials/card}}`). Hidden files and folders (`.name`, `._home.mustache` that macOS
  /// leaves on shared drives) are not read.
  /// The file under templates/ that looks like the missing `required` template renamed:
  /// another case (`Event.mustache`), another extension (`event.html`), a folder
  /// (`pages/event.mustache`), or a typo away (`evnt.mustache`) and no template the theme
  /// needs.
  static func renamed(_ required: String, among files: [String]) -> String? {
    func stem(_ file: String) -> String {
      let name = file.split(separator: "/").last.map(String.init) ?? file
      return (name.split(separator: ".").first.map(String.init) ?? name).lowercased()
    }
    if let same = files.first(where: { stem($0) == required }) { return same }
    let typos = files.filter { $0.hasSuffix(".mustache") && !$0.contains("/") }
      .map { String($0.dropLast(".mustache".count)) }
      .filter { !requiredTemplates.contains($0) }
    return Suggest.closest(to: required, in: typos, maxDistance: 1).map { $0 + ".mustache" }
  }

  /// A template's text with its CR LF line ends as LF (lines and columns stay the same).
  static func lineFeeds(_ text: String) -> String {
    text.replacingOccurrences(of: "\r\n", with: "\n")
  }

  static func templateFiles(_ folder: URL) -> [String] {
    files(under: folder).filter { $0.hasSuffix(".mustache") }
  }

  /// The files under `folder` and its folders, as paths under it, sorted folder by folder;
  /// hidden files and folders left out. Eight folders deep at most: deep enough for any theme,
  /// and a folder linked into itself ends.
  public static func files(under folder: URL) -> [String] {
    let fm = FileManager.default
    var found: [String] = []
    func walk(_ folder: URL, _ prefix: String, depth: Int) {
      for file in ((try? fm.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
      where !file.hasPrefix(".") {
        var isFolder: ObjCBool = false
        let url = folder.appendingPathComponent(file)
        guard fm.fileExists(atPath: url.path, isDirectory: &isFolder) else { continue }
        if isFolder.boolValue {
          if depth < 8 { walk(url, prefix + file + "/", depth: depth + 1) }
        } else {
          found.append(prefix + file)
        }
      }
    }
    walk(folder, "", depth: 0)
    return found
  }

  /// Whether a template has `<meta http-equiv="Content-Security-Policy" content="…">`, outside
  /// Mustache and HTML comments: the words in a comment, or under `name=` (which browsers
  /// ignore), state no policy.
  /// - Parameter scan: the template's tags, when already read.
  static func hasPolicyTag(_ text: String, scan: TemplateSyntax.Scan? = nil) -> Bool {
    // Most templates have no `http-equiv` at all: answered without taking comments out.
    let word = Array("http-equiv".utf8)
    let bytes = Array(text.utf8)
    guard bytes.count >= word.count,
      (0...(bytes.count - word.count)).contains(where: { at in
        word.indices.allSatisfy { bytes[at + $0] | 0x20 == word[$0] | 0x20 }
      })
    else { return false }
    var html = ""
    var i = text.startIndex
    for tag in (scan ?? TemplateSyntax.scan(text)).tags where tag.kind == .comment {
      html += text[i..<tag.range.lowerBound]
      i = tag.range.upperBound
    }
    html += text[i...]
    while let start = html.range(of: "<!--") {
      let end = html[start.upperBound...].range(of: "-->")?.upperBound ?? html.endIndex
      html.removeSubrange(start.lowerBound..<end)
    }
    let meta = #"<meta\s[^>]*\bhttp-equiv\s*=\s*["']?content-security-policy(?=["'\s/>])[^>]*>"#
    guard let regex = try? NSRegularExpression(pattern: meta, options: [.caseInsensitive]) else {
      return false
    }
    let range = NSRange(html.startIndex..., in: html)
    return regex.matches(in: html, range: range).contains { match in
      Range(match.range, in: html).map {
        html[$0].range(of: #"\scontent\s*="#, options: [.regularExpression, .caseInsensitive])
          != nil
      } ?? false
    }
  }

  /// No template states a Content-Security-Policy: nothing then stops a script pasted into a
  /// page, and `portal check`, which reads the policy from each page, has none to check
  /// against. At the layout's `<head>`.
  static func policyMissing(layout: String?, shownAs displayPath: String) -> Diagnostic {
    var (line, column) = (1, 1)
    if let layout, let head = layout.range(of: "<head") {
      for c in layout[..<head.lowerBound] {
        if c == "\n" || c == "\r\n" { (line, column) = (line + 1, 1) } else { column += 1 }
      }
    }
    return .warning(
      SourceLocation(file: "\(displayPath)/templates/layout.mustache", line: line, column: column),
      "no template has a Content-Security-Policy: a script pasted into a page would run, and `portal check` cannot say what a browser would block",
      hint:
        "keep the default layout's `<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'self'; …\">` in <head>; if the web server sends the policy as a header, this can be ignored",
      code: "theme.no-policy"
    ).ja(
      "どのテンプレートにも Content-Security-Policy がありません。ページに貼り付けられたスクリプトが動いてしまい、`portal check` もブラウザーが何を止めるかを確かめられません",
      hint:
        "標準の layout にある `<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'self'; …\">` を <head> に残してください。Web サーバーがポリシーをヘッダーで送っている場合は、この警告は気にしなくてかまいません"
    )
  }

  /// Renders a template; a missing template was already reported at load time.
  func render(_ name: String, _ context: TemplateContext) -> String {
    let context = Self.withThemeKeys(context)
    if let fast, let html = fast.render(name, context) { return html }
    return library.render(TemplateValue.dict(context).any, withTemplate: name) ?? ""
  }

  /// `render` into bytes, which the caller frees or hands to `Data` (`ByteSink`): the fast
  /// renderer writes bytes, and a page's String was only copied into `Data` again.
  func renderBytes(_ name: String, _ context: TemplateContext) -> ByteSink {
    let context = Self.withThemeKeys(context)
    if let fast, let bytes = fast.renderBytes(name, context) { return bytes }
    let html = library.render(TemplateValue.dict(context).any, withTemplate: name) ?? ""
    var sink = ByteSink(capacity: max(1, html.utf8.count))
    sink.append(html)
    return sink
  }

  /// swift-mustache's own rendering: the fallback, and the reference the fast renderer is
  /// tested against.
  func renderWithLibrary(_ name: String, _ context: TemplateContext) -> String {
    library.render(TemplateValue.dict(Self.withThemeKeys(context)).any, withTemplate: name) ?? ""
  }

  /// The context with the keys the theme adds to every page's: `has_breadcrumbs`.
  static func withThemeKeys(_ context: TemplateContext) -> TemplateContext {
    var context = context
    addThemeKeys(&context)
    return context
  }

  /// Sets the theme's keys in place; a context that has them right already is not written to
  /// (which would copy it where another holds it too).
  static func addThemeKeys(_ context: inout TemplateContext) {
    let has = context["breadcrumbs"] != nil
    if case .bool(has)? = context["has_breadcrumbs"] { return }
    context["has_breadcrumbs"] = .bool(has)
  }
}
