import Diagnostics
import Foundation
import TestSupport
import Testing

@testable import Render

/// The check of what a theme's templates name, on copies of the shipped theme with one mistake
/// each: the error or warning is at the tag, with a "did you mean" when a near name exists.
@Suite struct TemplateCheckTests {
  /// A copy of the shipped theme, changed by `edit`, and what loading it reports.
  func load(
    _ name: String, _ edit: (URL) throws -> Void
  ) throws -> (theme: Theme?, diagnostics: [Diagnostic]) {
    let folder = try temporaryFolder(name).appendingPathComponent("theme")
    try FileManager.default.copyItem(at: repoRoot.appendingPathComponent("theme"), to: folder)
    try edit(folder)
    return Theme.load(from: folder, displayPath: "theme")
  }

  /// Replaces the first `old` in `theme/templates/<template>.mustache`.
  func replace(_ old: String, _ new: String, in template: String, _ folder: URL) throws {
    let url = folder.appendingPathComponent("templates/\(template).mustache")
    let text = try String(contentsOf: url, encoding: .utf8)
    let range = try #require(text.range(of: old), "\(old) in \(template)")
    try text.replacingCharacters(in: range, with: new).write(
      to: url, atomically: true, encoding: .utf8)
  }

  /// `file:line:column: severity: message [code]` and the hint, as a writer reads them.
  func shown(_ diagnostics: [Diagnostic], _ code: String) -> [String] {
    diagnostics.filter { $0.code == code }.map(\.text)
  }

  @Test func theShippedThemeHasNothingToReport() throws {
    let (theme, diagnostics) = Theme.load(
      from: repoRoot.appendingPathComponent("theme"), displayPath: "theme")
    #expect(theme != nil)
    #expect(diagnostics.map(\.text) == [])
  }

  @Test func aRenamedAssetIsNamedAtTheTagWithTheNewName() throws {
    let (theme, diagnostics) = try load("unknown-asset") { folder in
      let assets = folder.appendingPathComponent("assets")
      try FileManager.default.moveItem(
        at: assets.appendingPathComponent("style.css"),
        to: assets.appendingPathComponent("site.css"))
    }
    #expect(theme == nil)
    #expect(
      shown(diagnostics, "theme.unknown-asset") == [
        "theme/templates/layout.mustache:21:30: error: `assets.style_css` is not an asset of the theme [theme.unknown-asset]\n    hint: did you mean `assets.site_css`?"
      ])
  }

  @Test func aDeletedAssetIsToBeAdded() throws {
    let (_, diagnostics) = try load("deleted-asset") { folder in
      try FileManager.default.removeItem(at: folder.appendingPathComponent("assets/style.css"))
    }
    let d = try #require(diagnostics.first { $0.code == "theme.unknown-asset" })
    #expect(d.hint == "add assets/style.css")
  }

  @Test func twoAssetsWithOneKeyAreAnErrorAtTheSecond() throws {
    let (theme, diagnostics) = try load("asset-key") { folder in
      for name in ["print-style.css", "print_style.css"] {
        try "@media print {}".write(
          to: folder.appendingPathComponent("assets/\(name)"), atomically: true, encoding: .utf8)
      }
    }
    #expect(theme == nil)
    #expect(
      shown(diagnostics, "theme.asset-key") == [
        "theme/assets/print_style.css:1:1: error: `print_style.css` and `print-style.css` are both `assets.print_style_css` in the templates [theme.asset-key]\n    hint: rename one of them: `.`, `-` and `/` all become `_` in an asset's key"
      ])
  }

  /// Files in folders of `assets/` are published with their folder, under keys that name it.
  @Test func assetsInFoldersArePublished() throws {
    let (theme, diagnostics) = try load("asset-folder") { folder in
      let img = folder.appendingPathComponent("assets/img")
      try FileManager.default.createDirectory(at: img, withIntermediateDirectories: true)
      try Data([0x89, 0x50, 0x4E, 0x47]).write(to: img.appendingPathComponent("logo.png"))
      try "x".write(
        to: img.appendingPathComponent(".hidden"), atomically: true, encoding: .utf8)
      try replace(
        "<span class=\"site-title-mark\"",
        "<img src=\"{{assets.img_logo_png}}\" alt=\"\"><span class=\"site-title-mark\"",
        in: "layout", folder)
    }
    #expect(diagnostics.map(\.text) == [])
    let t = try #require(theme)
    let path = try #require(t.assetPaths["img/logo.png"])
    #expect(path.hasPrefix("assets/img/logo.") && path.hasSuffix(".png"))
    #expect(t.assetFiles.contains { $0.path == path })
    #expect(!t.assetPaths.keys.contains { $0.contains("hidden") })
    #expect(Theme.assetKey("img/logo.png") == "img_logo_png")
  }

  @Test func aMisspeltPartialOrParentIsNamed() throws {
    let (theme, diagnostics) = try load("unknown-template") { folder in
      try replace("{{> breadcrumbs}}", "{{> breadcrumb}}", in: "layout", folder)
      try replace("{{<layout}}", "{{<layot}}", in: "home", folder)
      try replace("{{/layout}}", "{{/layot}}", in: "home", folder)
    }
    #expect(theme == nil)
    #expect(
      shown(diagnostics, "theme.unknown-template") == [
        "theme/templates/home.mustache:1:1: error: `{{<layot}}` names no template of the theme: the page would be empty [theme.unknown-template]\n    hint: did you mean `layout`?",
        "theme/templates/layout.mustache:49:1: error: `{{> breadcrumb}}` names no template of the theme: it would print nothing [theme.unknown-template]\n    hint: did you mean `breadcrumbs`?",
      ])
  }

  /// A partial the templates use is needed: deleting it is an error at each use.
  @Test func aDeletedPartialIsAnErrorWhereItIsUsed() throws {
    let (theme, diagnostics) = try load("deleted-partial") { folder in
      try FileManager.default.removeItem(
        at: folder.appendingPathComponent("templates/toc.mustache"))
    }
    #expect(theme == nil)
    let uses = diagnostics.filter { $0.code == "theme.unknown-template" }
    #expect(
      uses.map { "\($0.location.file):\($0.location.line):\($0.location.column)" } == [
        "theme/templates/about.mustache:7:3", "theme/templates/initiative.mustache:13:3",
        "theme/templates/strategy.mustache:7:3",
      ])
    #expect(uses.allSatisfy { $0.hint == "add templates/toc.mustache" })
    // A missing page template is reported once, as missing, not at every `{{<layout}}`.
    let (_, noLayout) = try load("deleted-layout") { folder in
      try FileManager.default.removeItem(
        at: folder.appendingPathComponent("templates/layout.mustache"))
    }
    #expect(noLayout.map(\.code) == ["theme.missing-template"])
  }

  @Test func aMisspeltBlockIsNamedWithTheParentsBlocks() throws {
    let (theme, diagnostics) = try load("unknown-block") { folder in
      try replace("{{$main}}", "{{$mian}}", in: "home", folder)
      try replace("{{/main}}", "{{/mian}}", in: "home", folder)
      try replace("{{$head}}", "{{$header}}", in: "event", folder)
      try replace("{{/head}}", "{{/header}}", in: "event", folder)
      try replace("{{$main}}", "{{$content}}", in: "search", folder)
      try replace("{{/main}}", "{{/content}}", in: "search", folder)
    }
    #expect(theme == nil)
    #expect(
      shown(diagnostics, "theme.unknown-block") == [
        "theme/templates/event.mustache:2:1: error: `{{$header}}` is not a block of `layout`: what it holds is never shown [theme.unknown-block]\n    hint: did you mean `head`?",
        "theme/templates/home.mustache:3:1: error: `{{$mian}}` is not a block of `layout`: what it holds is never shown [theme.unknown-block]\n    hint: did you mean `main`?",
        "theme/templates/search.mustache:2:1: error: `{{$content}}` is not a block of `layout`: what it holds is never shown [theme.unknown-block]\n    hint: `layout` has the blocks `head`, `main`, `scripts`, `title`",
      ])
  }

  /// A block of the parent's own parent, or of a partial the parent uses, can be filled.
  @Test func blocksOfGrandparentsAndPartialsAreKnown() {
    func template(_ name: String, _ text: String) -> TemplateCheck.Template {
      .init(name: name, path: "t/\(name).mustache", scan: TemplateSyntax.scan(text))
    }
    let check = TemplateCheck(
      templates: [
        template("base", "{{$title}}{{/title}}{{> foot}}"),
        template("foot", "{{$footer}}{{/footer}}"),
        template("layout", "{{<base}}{{$title}}x{{/title}}{{/base}}{{$main}}{{/main}}"),
        template(
          "page",
          "{{<layout}}{{$main}}{{/main}}{{$title}}{{/title}}{{$footer}}{{/footer}}{{$nope}}{{/nope}}{{/layout}}"
        ),
      ], present: ["base", "foot", "layout", "page"], missing: [], assetKeys: [])
    #expect(
      check.diagnostics().map(\.message) == [
        "`{{$nope}}` is not a block of `layout`: what it holds is never shown"
      ])
    #expect(check.diagnostics().first?.location.column == 72)
  }

  @Test func plainTextPrintedUnescapedIsAWarning() throws {
    let (theme, diagnostics) = try load("unescaped") { folder in
      try replace("{{page.title}}</h1>", "{{{page.title}}}</h1>", in: "event", folder)
      try replace(
        "<p class=\"lead\">{{summary}}", "<p class=\"lead\">{{&summary}}", in: "event", folder)
    }
    #expect(theme != nil)  // warnings do not stop the build
    #expect(
      shown(diagnostics, "theme.unescaped") == [
        "theme/templates/event.mustache:6:23: warning: `{{{page.title}}}` prints `page.title` without escaping it: HTML in the text would become part of the page [theme.unescaped]\n    hint: write `{{page.title}}`; only `body` and `json_ld` hold HTML to print as it is",
        "theme/templates/event.mustache:8:19: warning: `{{&summary}}` prints `summary` without escaping it: HTML in the text would become part of the page [theme.unescaped]\n    hint: write `{{summary}}`; only `body` and `json_ld` hold HTML to print as it is",
      ])
  }

  @Test func anUnknownNameIsAWarningWithTheNameMeant() throws {
    let (theme, diagnostics) = try load("unknown-name") { folder in
      try replace(
        "<p class=\"footer-title\">{{site.title}}", "<p class=\"footer-title\">{{site.titel}}",
        in: "layout", folder)
      try replace("{{#has_toc}}", "{{#has_tocs}}", in: "toc", folder)
      try replace("{{/has_toc}}", "{{/has_tocs}}", in: "toc", folder)
      try replace("{{summary}}", "{{summary}}{{qwertyuiop}}", in: "home", folder)
    }
    #expect(theme != nil)
    #expect(
      shown(diagnostics, "theme.unknown-name") == [
        "theme/templates/home.mustache:25:33: warning: `qwertyuiop` is not a value a page has: `{{qwertyuiop}}` finds nothing [theme.unknown-name]\n    hint: the keys the pages have are listed in docs/theme.md (Keys)",
        "theme/templates/layout.mustache:57:29: warning: `site.titel` is not a value a page has (no key is named `titel`): `{{site.titel}}` finds nothing [theme.unknown-name]\n    hint: did you mean `site.title`?",
        "theme/templates/toc.mustache:1:1: warning: `has_tocs` is not a value a page has: `{{#has_tocs}}` finds nothing [theme.unknown-name]\n    hint: did you mean `has_toc`?",
      ])
  }

  /// In a real template, through the parser: an unclosed tag is an error at its own `{{`, not
  /// at the `{{/site.nav}}` further down where a `}}` ended it.
  @Test func anUnclosedTagIsAnErrorAtItsBraces() throws {
    let (theme, diagnostics) = try load("unclosed-tag") { folder in
      try replace("{{site.title}}</a>", "{{site.title</a>", in: "layout", folder)
      try replace("{{{body}}}", "{{{body}}", in: "about", folder)
    }
    #expect(theme == nil)
    #expect(
      shown(diagnostics, "theme.syntax") == [
        "theme/templates/about.mustache:9:1: error: template syntax error: this tag is not closed with `}}}` [theme.syntax]\n    hint: a tag opened with three braces ends with three: `{{{body}}}`",
        "theme/templates/layout.mustache:31:108: error: template syntax error: this tag is not closed with `}}` [theme.syntax]\n    hint: end the tag with `}}` right after its name, on the same line: `{{site.title}}`",
      ])
  }

  /// A comment the parser accepts because a later tag's `}}` ends it.
  @Test func aCommentEndedByTheNextTagIsAWarning() throws {
    let (theme, diagnostics) = try load("open-comment") { folder in
      try replace(
        "<p class=\"print-address\">", "{{! note <p class=\"print-address\">", in: "layout", folder)
    }
    #expect(theme != nil)
    let d = try #require(diagnostics.first { $0.code == "theme.unclosed-tag" })
    #expect("\(d.location.line):\(d.location.column)" == "58:5")
    #expect(d.message == "this comment is not closed with `}}`")
  }
}

/// A theme without its Content-Security-Policy, and a template saved in Shift_JIS.
@Suite struct ThemeFileTests {
  @Test func aThemeWithoutAPolicyIsWarnedAtTheLayoutsHead() throws {
    let (theme, diagnostics) = try TemplateCheckTests().load("policy") { folder in
      let url = folder.appendingPathComponent("templates/layout.mustache")
      let text = try String(contentsOf: url, encoding: .utf8)
      let kept = text.split(separator: "\n", omittingEmptySubsequences: false).filter {
        !$0.contains("Content-Security-Policy")
      }
      try kept.joined(separator: "\n").write(to: url, atomically: true, encoding: .utf8)
    }
    #expect(theme != nil)
    #expect(diagnostics.map(\.code) == ["theme.no-policy"])
    #expect(diagnostics.first.map { "\($0.location.line):\($0.location.column)" } == "3:1")
    #expect(diagnostics.first?.location.file == "theme/templates/layout.mustache")
  }

  @Test func aTemplateInShiftJISIsNamed() throws {
    let (theme, diagnostics) = try TemplateCheckTests().load("sjis") { folder in
      let url = folder.appendingPathComponent("templates/updates.mustache")
      let text = try String(contentsOf: url, encoding: .utf8)
      try #require(text.data(using: .shiftJIS)).write(to: url)
    }
    #expect(theme == nil)
    let read = try #require(diagnostics.first { $0.code == "theme.read" })
    #expect(
      read.message
        == "the file is not valid UTF-8 (it looks like Shift_JIS, as older Windows editors save)")
    #expect(read.location.line > 1 || read.location.column > 1)
    #expect(read.hint == "save the file as UTF-8 (in most editors: Save with Encoding → UTF-8)")
  }
}

/// `params:` of site.yml are the site's own values: names under `site.params` are not judged
/// by the vocabulary (site.yml names them), the rest of the name is.
@Suite struct ParamsNameTests {
  @Test func namesUnderParamsAreLeftToSiteYml() throws {
    let (_, diagnostics) = try TemplateCheckTests().load("params") { folder in
      try TemplateCheckTests().replace(
        "<main",
        "{{#site.params.show_notice}}<p>{{site.params.notice}}</p>{{/site.params.show_notice}}{{site.parms.notice}}<main",
        in: "layout", folder)
    }
    let unknown = diagnostics.filter { $0.code == "theme.unknown-name" }
    #expect(unknown.count == 1)
    #expect(unknown.first?.message.contains("`site.parms.notice`") == true)
    #expect(unknown.first?.hint == "did you mean `site.params.notice`?")
  }
}
