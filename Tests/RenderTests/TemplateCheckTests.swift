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

  /// A partial that includes itself overflowed the stack and killed the build (and `portal
  /// serve`) with no message; inside a section too (helper-169's menu drawn as a tree, `{{#site.nav}}…
  /// {{> partials/nav}}…`): each level found the section's value again.
  @Test func aPartialIncludingItselfIsAnError() throws {
    let (theme, diagnostics) = try load("partial-loop") { folder in
      let toc = folder.appendingPathComponent("templates/toc.mustache")
      let text = try String(contentsOf: toc, encoding: .utf8)
      try (text + "{{> toc}}\n").write(to: toc, atomically: true, encoding: .utf8)
      let partials = folder.appendingPathComponent("templates/partials")
      try FileManager.default.createDirectory(at: partials, withIntermediateDirectories: true)
      // Two partials that include each other; one that includes itself inside a section.
      try "<p>{{> partials/b}}</p>\n".write(
        to: partials.appendingPathComponent("a.mustache"), atomically: true, encoding: .utf8)
      try "{{^page}}{{/page}}{{> partials/a}}\n".write(
        to: partials.appendingPathComponent("b.mustache"), atomically: true, encoding: .utf8)
      try "{{#children}}{{> partials/card}}{{/children}}\n".write(
        to: partials.appendingPathComponent("card.mustache"), atomically: true, encoding: .utf8)
    }
    #expect(theme == nil)
    let lines = try String(
      contentsOf: repoRoot.appendingPathComponent("theme/templates/toc.mustache"), encoding: .utf8
    ).split(separator: "\n", omittingEmptySubsequences: false).count
    #expect(
      shown(diagnostics, "theme.partial-loop").map { $0.components(separatedBy: "\n")[0] } == [
        "theme/templates/partials/a.mustache:1:4: error: `{{> partials/b}}` in `partials/a` includes `partials/b`, which leads back to `partials/a` outside any section: rendering would never end [theme.partial-loop]",
        "theme/templates/partials/b.mustache:1:19: error: `{{> partials/a}}` in `partials/b` includes `partials/a`, which leads back to `partials/b` outside any section: rendering would never end [theme.partial-loop]",
        "theme/templates/partials/card.mustache:1:14: error: `{{> partials/card}}` in `partials/card` includes itself: inside a section too, each level finds the section's value again (a name an item lacks is looked up around it), so rendering would never end [theme.partial-loop]",
        "theme/templates/toc.mustache:\(lines):1: error: `{{> toc}}` in `toc` includes itself outside any section: rendering would never end [theme.partial-loop]",
      ])
  }

  /// A name only lists' items have (`{{title}}`, which `{{titel}}` is offered) was said to be
  /// "not a value of home.mustache's pages ( have it)": it names `page.title` and `site.title`.
  @Test func aNameOnlyItemsHaveOffersThePagesOwn() throws {
    let (_, diagnostics) = try load("items-only") { folder in
      try replace("{{/main}}", "<p>{{title}}</p>{{/main}}", in: "home", folder)
    }
    let warning = try #require(diagnostics.first { $0.code == "theme.unknown-name" })
    #expect(
      warning.message
        == "`title` is not a value of home.mustache's pages at their top, only of a list's items: it prints nothing here"
    )
    #expect(warning.hint == "write `page.title` or `site.title` (the page's own, the site's)")
    #expect(warning.japanese?.message.contains("（ にあります）") == false)
  }

  /// A partial saved as `.html` (an editor's default) was told only "add
  /// templates/partials/banner.mustache": the file it is, and the name to give it.
  @Test func aPartialSavedUnderAnotherEndingIsNamed() throws {
    let (_, diagnostics) = try load("partial-html") { folder in
      let partials = folder.appendingPathComponent("templates/partials")
      try FileManager.default.createDirectory(at: partials, withIntermediateDirectories: true)
      try "<p>お知らせ</p>\n".write(
        to: partials.appendingPathComponent("banner.html"), atomically: true, encoding: .utf8)
      try replace("{{/main}}", "{{> partials/banner}}{{/main}}", in: "home", folder)
    }
    let error = try #require(diagnostics.first { $0.code == "theme.unknown-template" })
    #expect(
      error.message
        == "`{{> partials/banner}}` names no template of the theme: templates/partials/banner.html is not read as one, only files ending in `.mustache` are"
    )
    #expect(
      error.hint == "rename templates/partials/banner.html to templates/partials/banner.mustache")
  }

  /// `{ {site.title}}` (a space typed between the braces) printed itself on every page
  /// without a word.
  @Test func aSpaceBetweenOpeningBracesIsNamed() throws {
    let (_, diagnostics) = try load("spaced-braces") { folder in
      try replace(
        "{{/main}}", "<p>{ {site.title}}</p>\n<ul>{ { #site.nav }}</ul>{{/main}}",
        in: "home", folder)
    }
    let found = diagnostics.filter { $0.message.contains("space between its opening braces") }
    #expect(
      found.map(\.hint) == ["write `{{site.title}}`", "write `{{#site.nav}}`"],
      "\(diagnostics.map(\.text))")
    #expect(found.count == 2 && found[1].location.line == found[0].location.line + 1)
    #expect(found[1].location.column == 5)
  }

  /// Hugo's names (`{{.Title}}`, `{{.Site.Title}}`, `{{.Content}}`, `{{.Params.banner}}`)
  /// printed nothing without a word: names starting with `.` were passed over.
  @Test func hugosNamesAreOfferedPortals() throws {
    let (_, diagnostics) = try load("hugo-names") { folder in
      try replace(
        "{{/main}}",
        "<p>{{.Title}}{{.Site.Title}}{{{.Content}}}{{.Params.banner_text}}{{.Site.Params.Tagline}}</p>{{/main}}",
        in: "home", folder)
    }
    let hints = diagnostics.filter { $0.message.contains("Hugo") }.map { $0.hint ?? "" }
    #expect(
      hints == [
        "write `{{page.title}}`", "write `{{site.title}}`", "write `{{{body}}}`",
        "write `{{site.params.banner_text}}`", "write `{{site.params.Tagline}}`",
      ], "\(diagnostics.map(\.text))")
    #expect(TemplateCheck.hugoName(for: ".x") == nil && TemplateCheck.hugoName(for: ".") == nil)
  }

  /// A name of another kind's pages (`{{department}}` in event.mustache) printed nothing and
  /// a link to it was `href=""`, with no word: some page has the name. Inside a section the
  /// name may be the items' (a card's `department`), so only the template's top is judged.
  @Test func aNameOfOtherPagesIsAWarningInAPageTemplate() throws {
    let (_, diagnostics) = try load("other-pages") { folder in
      try replace(
        "{{/main}}",
        "<p>{{department}}</p><a href=\"{{events_url}}\">一覧</a>{{#has_related}}x{{/has_related}}{{#initiatives}}{{department}}{{/initiatives}}{{/main}}",
        in: "event", folder)
    }
    let found = shown(diagnostics, "theme.unknown-name").map { $0.components(separatedBy: "\n")[0] }
    #expect(found.count == 3, "\(found)")
    #expect(
      found.first?.hasSuffix(
        "`department` is not a value of event.mustache's pages (initiative.mustache has it): it prints nothing here [theme.unknown-name]"
      ) == true, "\(found)")
    #expect(
      found.contains {
        $0.contains(
          "`events_url` is not a value of event.mustache's pages (events-year.mustache, field.mustache, home.mustache have it)"
        )
      })
    #expect(
      found.contains {
        $0.contains("`has_related` is not a value of event.mustache's pages")
          && $0.hasSuffix("the section never shows here [theme.unknown-name]")
      })
  }

  /// Script and style written into a template passed `portal build --strict` (only
  /// `portal check` of the built site said the policy blocks them); a JSON-LD data block, a
  /// script from a file, a comment and a value that reads `style=` are no inline code.
  @Test func inlineCodeThePolicyBlocksIsAWarning() throws {
    let (_, diagnostics) = try load("inline-code") { folder in
      try replace(
        "</body>",
        "<script>\n  go()\n</script><p style=\"color: red\" onclick=\"back()\">x</p><style>p{}</style><!-- <p style=\"x\"> --><p data-x=\"style=1\">y</p><script type=\"application/ld+json\">{}</script><script src=\"{{assets.portal_js}}\"></script></body>",
        in: "layout", folder)
    }
    let found = diagnostics.filter { $0.code == "theme.inline-code" }
    #expect(found.count == 4, "\(found.map(\.text))")
    #expect(
      found.map(\.message).first?.hasPrefix(
        "this inline <script> never runs on any page: the theme's Content-Security-Policy") == true)
    // A policy that allows inline style lets `style=` and `<style>` pass.
    let (_, allowed) = try load("inline-allowed") { folder in
      try replace("style-src 'self'", "style-src 'self' 'unsafe-inline'", in: "layout", folder)
      try replace("</body>", "<p style=\"color: red\">x</p></body>", in: "layout", folder)
    }
    #expect(!allowed.contains { $0.code == "theme.inline-code" })
  }

  /// `{{body}}` with two braces showed every initiative's body as tags on the page.
  @Test func htmlPrintedEscapedIsAWarning() throws {
    let (_, diagnostics) = try load("escaped-html") { folder in
      try replace("{{{body}}}", "{{body}}", in: "initiative", folder)
    }
    let found = shown(diagnostics, "theme.escaped-html")
    #expect(found.count == 1)
    #expect(
      found.first?.hasSuffix(
        "`body` is HTML: `{{body}}` prints its tags as text (`&lt;p&gt;`) [theme.escaped-html]\n    hint: write `{{{body}}}`"
      ) == true, "\(found)")
  }

  /// A page template without the layout, empty, or with text after `{{/layout}}` built with
  /// no word, every page of the kind broken.
  @Test func pageTemplatesThatMakeNoWholePage() throws {
    let (_, noLayout) = try load("no-layout") { folder in
      let url = folder.appendingPathComponent("templates/initiative.mustache")
      let lines = try String(contentsOf: url, encoding: .utf8).split(
        separator: "\n", omittingEmptySubsequences: false)
      // Without its first line `{{<layout}}` and its last `{{/layout}}`.
      try lines.dropFirst().dropLast(2).joined(separator: "\n").write(
        to: url, atomically: true, encoding: .utf8)
    }
    #expect(
      noLayout.filter { $0.code == "theme.no-layout" }.map {
        "\($0.location.file):\($0.location.line)"
      }
        == ["theme/templates/initiative.mustache:1"], "\(noLayout.map(\.text))")
    let (theme, empty) = try load("empty-template") { folder in
      try "".write(
        to: folder.appendingPathComponent("templates/initiative.mustache"), atomically: true,
        encoding: .utf8)
    }
    #expect(theme == nil)
    #expect(shown(empty, "theme.empty-template").count == 1)
    let (_, after) = try load("after-layout") { folder in
      let url = folder.appendingPathComponent("templates/glossary.mustache")
      let text = try String(contentsOf: url, encoding: .utf8)
      try (text + "<p class=\"notice\">後から足した文</p>\n").write(
        to: url, atomically: true, encoding: .utf8)
    }
    let found = shown(after, "theme.after-layout")
    #expect(found.count == 1)
    #expect(
      found.first?.contains(
        "`<p class=\"notice\">後から足した文</p>` is after `{{/layout}}`: it is written after the page's `</html>`"
      ) == true, "\(found)")
    // A page template written out whole (`<html>`) needs no layout.
    let (_, whole) = try load("whole-page") { folder in
      try
        "<!DOCTYPE html>\n<html lang=\"ja\"><head><title>{{page.title}}</title></head><body>{{{body}}}</body></html>\n"
        .write(
          to: folder.appendingPathComponent("templates/404.mustache"), atomically: true,
          encoding: .utf8)
    }
    #expect(shown(whole, "theme.no-layout").isEmpty)
    // Without the layout's policy, though: its pages are the only ones without one.
    #expect(
      whole.filter { $0.code == "theme.no-policy" }.map(\.location.file) == [
        "theme/templates/404.mustache"
      ])
  }

  /// A script importing another by a relative address finds nothing once both are published
  /// under fingerprinted names.
  @Test func aRelativeImportInAScriptIsAWarning() throws {
    let (_, diagnostics) = try load("relative-import") { folder in
      let assets = folder.appendingPathComponent("assets")
      try
        "import { greet } from \"./util.js\";\nconst more = await import('../x/more.js');\nimport \"https://example.jp/a.js\";\n"
        .write(to: assets.appendingPathComponent("app.js"), atomically: true, encoding: .utf8)
      try "export function greet() {}\n".write(
        to: assets.appendingPathComponent("util.js"), atomically: true, encoding: .utf8)
    }
    #expect(
      diagnostics.filter { $0.code == "theme.relative-import" }.map {
        "\($0.location.file):\($0.location.line):\($0.location.column)"
      } == ["theme/assets/app.js:1:23", "theme/assets/app.js:2:27"])
  }

  /// An address written `/assets/…` loads nothing (assets are fingerprinted); a value filled
  /// in without quotes lets a space in a title make more attributes.
  @Test func assetPathsAndUnquotedValues() throws {
    let (_, diagnostics) = try load("markup") { folder in
      try replace(
        "<h1 id=\"page-title\">", "<h1 id=\"page-title\" data-title={{page.title}}>", in: "event",
        folder)
      try replace(
        "</body>",
        "<img src=\"/assets/img/logo.png\" alt=\"千葉県\"><link rel=\"stylesheet\" href=\"/assets/style.css\"><script src=\"/assets/portal.jss\"></script></body>",
        in: "layout", folder)
    }
    #expect(
      shown(diagnostics, "theme.unquoted-value").map { $0.components(separatedBy: "\n")[1] } == [
        "    hint: write `data-title=\"{{page.title}}\"`"
      ])
    #expect(
      shown(diagnostics, "theme.asset-path").map { $0.components(separatedBy: "\n")[1] } == [
        "    hint: put the file at theme/assets/img/logo.png, then write `{{assets.img_logo_png}}`",
        "    hint: write `{{assets.style_css}}`",
        "    hint: write `{{assets.portal_js}}` (the theme has no `assets/portal.jss`)",
      ])
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
        "theme/templates/layout.mustache:52:1: error: `{{> breadcrumb}}` names no template of the theme: it would print nothing [theme.unknown-template]\n    hint: did you mean `breadcrumbs`?",
      ])
  }

  /// A partial in a folder, named without it, is found by its name.
  @Test func aPartialNamedWithoutItsFolderIsOffered() throws {
    let (_, diagnostics) = try load("partial-folder") { folder in
      let partials = folder.appendingPathComponent("templates/partials")
      try FileManager.default.createDirectory(at: partials, withIntermediateDirectories: true)
      try "<p>お知らせ</p>\n".write(
        to: partials.appendingPathComponent("notice.mustache"), atomically: true, encoding: .utf8)
      try replace("<main", "{{> notice}}<main", in: "layout", folder)
    }
    #expect(
      diagnostics.filter { $0.code == "theme.unknown-template" }.map { $0.hint ?? "" } == [
        "did you mean `partials/notice`?"
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
        "theme/templates/about.mustache:7:3", "theme/templates/initiative.mustache:14:3",
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
        "theme/templates/search.mustache:2:1: error: `{{$content}}` is not a block of `layout`: what it holds is never shown [theme.unknown-block]\n    hint: `layout` has the blocks `head`, `main`, `scripts`, `share_title`, `title`",
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
      try replace("{{{page.title_html}}}</h1>", "{{{page.title}}}</h1>", in: "event", folder)
      try replace(
        "<p class=\"lead\">{{{summary_html}}}", "<p class=\"lead\">{{&summary}}", in: "event",
        folder)
      try replace("<dd>{{access}}", "<dd>{{{access}}}", in: "event", folder)
    }
    #expect(theme != nil)  // warnings do not stop the build
    #expect(
      shown(diagnostics, "theme.unescaped") == [
        "theme/templates/event.mustache:6:23: warning: `{{{page.title}}}` prints `page.title` without escaping it: HTML in the text would become part of the page [theme.unescaped]\n    hint: write `{{page.title}}`, or `{{{page.title_html}}}` for the text with its furigana; only `body`, `json_ld`, `place_html`, `summary_html`, `title_html`, `where_html` hold HTML to print as it is",
        "theme/templates/event.mustache:11:19: warning: `{{&summary}}` prints `summary` without escaping it: HTML in the text would become part of the page [theme.unescaped]\n    hint: write `{{summary}}`, or `{{{summary_html}}}` for the text with its furigana; only `body`, `json_ld`, `place_html`, `summary_html`, `title_html`, `where_html` hold HTML to print as it is",
        "theme/templates/event.mustache:17:37: warning: `{{{access}}}` prints `access` without escaping it: HTML in the text would become part of the page [theme.unescaped]\n    hint: write `{{access}}`; only `body`, `json_ld`, `place_html`, `summary_html`, `title_html`, `where_html` hold HTML to print as it is",
      ])
  }

  /// `{{{title}}}` is offered `{{{title_html}}}` only where that key is: `site` and the
  /// breadcrumbs have no furigana to show (it would print nothing, or the page's title).
  @Test func theFuriganaTwinIsOfferedOnlyWhereItIs() throws {
    let (_, diagnostics) = try load("unescaped-twin") { folder in
      try replace(
        "<p class=\"footer-title\">{{site.title}}", "<p class=\"footer-title\">{{{site.title}}}",
        in: "layout", folder)
      try replace(
        "<span aria-current=\"page\">{{title}}</span>",
        "<span aria-current=\"page\">{{{title}}}</span>",
        in: "breadcrumbs", folder)
      try replace(
        "{{#related}}<li><a href=\"{{url}}\">{{{title_html}}}</a>",
        "{{#related}}<li><a href=\"{{url}}\">{{{title}}}</a>", in: "initiative", folder)
    }
    let hints = Dictionary(
      uniqueKeysWithValues: diagnostics.filter { $0.code == "theme.unescaped" }.map {
        ($0.location.file.split(separator: "/").last.map(String.init) ?? "", $0.hint ?? "")
      })
    #expect(hints.count == 3)
    #expect(hints["layout.mustache"]?.hasPrefix("write `{{site.title}}`; only") == true)
    #expect(hints["breadcrumbs.mustache"]?.hasPrefix("write `{{title}}`; only") == true)
    #expect(
      hints["initiative.mustache"]?.hasPrefix(
        "write `{{title}}`, or `{{{title_html}}}` for the text with its furigana") == true)
  }

  /// `{{.}}` over a list of dictionaries prints nothing: said, with the items' keys.
  @Test func theItemOfAListOfDictionariesPrintedAsTextIsAWarning() throws {
    let (_, diagnostics) = try load("dot-of-records") { folder in
      try replace(
        "<p class=\"footer-title\">{{site.title}}",
        "<p class=\"footer-title\">{{site.title}}[{{#site.nav}}{{.}};{{/site.nav}}]", in: "layout",
        folder)
      try replace(
        "{{#related}}<li><a href=\"{{url}}\">{{{title_html}}}</a>",
        "{{#related}}<li><a href=\"{{url}}\">{{{.}}}</a>", in: "initiative", folder)
    }
    let found = diagnostics.filter { $0.message.contains("holds keys, not text") }
    #expect(
      Set(found.map(\.message)) == [
        "each item of `related` holds keys, not text: `{{{.}}}` prints nothing",
        "each item of `site.nav` holds keys, not text: `{{.}}` prints nothing",
      ])
    #expect(
      found.contains {
        $0.hint
          == "print one of the item's keys, such as `{{current}}`, `{{here}}`, `{{is_search}}`, `{{title}}`, `{{url}}`"
      })
    #expect(
      found.contains {
        $0.hint
          == "print one of the item's keys, such as `{{title}}` (docs/theme.md, Keys)"
      })
    #expect(!diagnostics.contains { $0.code == "theme.unescaped" })
    // A list of text (`accessibility`) prints its items.
    let (_, text) = try load("dot-of-text") { folder in
      try replace(
        "<p class=\"footer-title\">{{site.title}}",
        "<p class=\"footer-title\">{{site.title}}{{#accessibility}}{{.}}{{/accessibility}}",
        in: "layout",
        folder)
    }
    #expect(!text.contains { $0.message.contains("holds keys") })
  }

  /// A dotted name typed without its dot (`{{sitetitle}}`) is offered the dotted name, not
  /// the first part (`site`, which prints nothing).
  @Test func aDottedNameWithoutItsDotIsOfferedWithIt() throws {
    let (_, diagnostics) = try load("undotted") { folder in
      try replace(
        "<p class=\"footer-title\">{{site.title}}",
        "<p class=\"footer-title\">{{sitetitle}}{{page_url}}", in: "layout", folder)
    }
    #expect(
      diagnostics.filter { $0.code == "theme.unknown-name" }.map(\.hint) == [
        "did you mean `site.title`?", "did you mean `page.url`?",
      ])
  }

  /// A required template renamed by mistake is named with the name to give it back.
  @Test func aRenamedTemplateIsNamed() throws {
    for (renamed, hint) in [
      ("Event.mustache", "templates/Event.mustache is there: rename it templates/event.mustache"),
      ("event.html", "templates/event.html is there: rename it templates/event.mustache"),
      (
        "pages/event.mustache",
        "templates/pages/event.mustache is there: rename it templates/event.mustache"
      ),
      ("evnt.mustache", "templates/evnt.mustache is there: rename it templates/event.mustache"),
      ("../event-old.mustache", "add templates/event.mustache (copy it from the default theme)"),
    ] {
      let (_, diagnostics) = try load("renamed-template") { folder in
        let templates = folder.appendingPathComponent("templates")
        let to = templates.appendingPathComponent(renamed)
        try FileManager.default.createDirectory(
          at: to.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.moveItem(
          at: templates.appendingPathComponent("event.mustache"), to: to)
      }
      let missing = diagnostics.filter { $0.code == "theme.missing-template" }
      #expect(
        missing.count == 1 && missing[0].hint?.hasPrefix(hint) == true,
        "\(renamed): \(missing.map(\.text))")
    }
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
        "theme/templates/layout.mustache:60:29: warning: `site.titel` is not a value a page has (`site` has no key `titel`): `{{site.titel}}` finds nothing [theme.unknown-name]\n    hint: did you mean `site.title`?",
        "theme/templates/toc.mustache:1:1: warning: `has_tocs` is not a value a page has: `{{#has_tocs}}` finds nothing [theme.unknown-name]\n    hint: did you mean `has_toc`?",
      ])
  }

  /// Another generator's name for the body (Hugo's `.Content`, Jekyll's `content` and
  /// `page.content`) is offered `body`, not `contact` (one letter away); a top-level value
  /// written under `page` (`page.body`) is offered as it is; and a name no page has gets no
  /// second warning about escaping it.
  @Test func otherGeneratorsNamesAndTopLevelValuesUnderPageAreOfferedTheirName() throws {
    for (written, meant) in [
      ("{{{content}}}", "body"), ("{{{Content}}}", "body"), ("{{{page.content}}}", "body"),
      ("{{{page.body}}}", "body"), ("{{page.summary}}", "summary"),
    ] {
      let (theme, diagnostics) = try load("other-names") { folder in
        try replace("{{{body}}}", written, in: "initiative", folder)
      }
      #expect(theme != nil)
      #expect(diagnostics.count == 1, "\(written): \(diagnostics.map(\.text))")
      #expect(diagnostics.first?.code == "theme.unknown-name")
      #expect(diagnostics.first?.hint == "did you mean `\(meant)`?", "\(written)")
    }
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
    #expect("\(d.location.line):\(d.location.column)" == "61:5")
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

/// What a reviewer found the checks missing or saying wrongly, one mistake each.
@Suite struct TemplateReviewTests {
  let t = TemplateCheckTests()

  /// Other delimiters and a comment holding a tag do not switch off the checks after them.
  @Test func checksGoOnAfterDelimitersAndBrokenComments() throws {
    let (theme, diagnostics) = try t.load("go-on") { folder in
      try t.replace(
        "<link rel=\"stylesheet\"",
        "{{=<% %>=}}<%! other delimiters %><%={{ }}=%><link rel=\"stylesheet\" href=\"{{assets.styel_css}}\">\n<link rel=\"stylesheet\"",
        in: "layout", folder)
      try t.replace(
        "{{$main}}", "{{! shows {{page.title}} here }}\n{{$mian}}", in: "home", folder)
      try t.replace("{{/main}}", "{{/mian}}", in: "home", folder)
    }
    #expect(theme == nil)
    #expect(diagnostics.filter { $0.code == "theme.unknown-asset" }.map(\.location.line) == [21])
    let block = try #require(diagnostics.first { $0.code == "theme.unknown-block" })
    #expect("\(block.location.file):\(block.location.line)" == "theme/templates/home.mustache:4")
    let comment = try #require(diagnostics.first { $0.code == "theme.unclosed-tag" })
    #expect(
      comment.message
        == "a comment cannot hold `{{…}}`: it ends at the first `}}`, and what follows it (` here }}`) is printed"
    )
  }

  /// A tag inside `{{<layout}}` in no block is an error at the tag; text there is a warning.
  @Test func aTagOrTextOutsideTheBlocksIsNamed() throws {
    let (_, diagnostics) = try t.load("outside-block") { folder in
      try t.replace("{{$main}}", "{{> toc}}\n{{$main}}", in: "about", folder)
      try t.replace("{{$main}}", "お知らせ\n{{$main}}", in: "home", folder)
    }
    #expect(
      t.shown(diagnostics, "theme.syntax") == [
        "theme/templates/about.mustache:2:1: error: template syntax error: `{{> toc}}` is inside `{{<layout}}` but in none of its blocks: only `{{$block}}` tags (and text, which is not shown) can go inside `{{<layout}}` [theme.syntax]\n    hint: move it into a block such as `{{$main}}`"
      ])
    #expect(
      t.shown(diagnostics, "theme.text-outside-block") == [
        "theme/templates/home.mustache:3:1: warning: `お知らせ` is inside `{{<layout}}` but in none of its blocks: it is not shown [theme.text-outside-block]\n    hint: move it into a block such as `{{$main}}`, or into a comment `{{! … }}`"
      ])
  }

  /// Templates in folders are read, named by their path: `{{> partials/card}}`.
  @Test func templatesInFoldersAreRead() throws {
    let (theme, diagnostics) = try t.load("template-folder") { folder in
      let partials = folder.appendingPathComponent("templates/partials")
      try FileManager.default.createDirectory(at: partials, withIntermediateDirectories: true)
      try "<p>{{page.title}}</p>\n".write(
        to: partials.appendingPathComponent("card.mustache"), atomically: true, encoding: .utf8)
      try t.replace("{{> toc}}", "{{> toc}}\n  {{> partials/card}}", in: "about", folder)
    }
    #expect(diagnostics.map(\.text) == [])
    #expect(theme?.templateNames.contains("partials/card") == true)
  }

  /// Hidden files (`._home.mustache` from macOS) are not templates; `_name` ones are.
  @Test func hiddenTemplateFilesAreSkipped() throws {
    let (theme, diagnostics) = try t.load("hidden-template") { folder in
      let templates = folder.appendingPathComponent("templates")
      try Data([0x00, 0x05, 0x16, 0x07, 0xFF]).write(
        to: templates.appendingPathComponent("._home.mustache"))
      try "{{#a}}".write(
        to: templates.appendingPathComponent(".x.mustache"), atomically: true, encoding: .utf8)
      try "<p>x</p>".write(
        to: templates.appendingPathComponent("_note.mustache"), atomically: true, encoding: .utf8)
    }
    #expect(diagnostics.map(\.text) == [])
    #expect(theme?.templateNames.contains("_note") == true)
    #expect(theme?.templateNames.contains { $0.hasPrefix(".") } == false)
  }

  /// The policy is a `<meta http-equiv>` tag, not the words anywhere.
  @Test func onlyARealPolicyTagCounts() throws {
    for fake in [
      "{{! keeps the Content-Security-Policy }}",
      "<meta name=\"Content-Security-Policy\" content=\"default-src 'self'\">",
      "<!-- <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'self'\"> -->",
      "{{! <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'self'\"> }}",
    ] {
      let (_, diagnostics) = try t.load("fake-policy") { folder in
        let url = folder.appendingPathComponent("templates/layout.mustache")
        let text = try String(contentsOf: url, encoding: .utf8)
        let kept = text.split(separator: "\n", omittingEmptySubsequences: false).map {
          $0.contains("Content-Security-Policy") ? fake[...] : $0
        }
        try kept.joined(separator: "\n").write(to: url, atomically: true, encoding: .utf8)
      }
      #expect(diagnostics.map(\.code) == ["theme.no-policy"], "\(fake)")
    }
    #expect(
      Theme.hasPolicyTag(
        "<META content=\"default-src 'self'\" HTTP-EQUIV=content-security-policy>"))
  }

  /// Dotted names under `site`, `page`, … follow their keys; lists cannot be gone into.
  @Test func pathsFollowTheirKeys() throws {
    let (_, diagnostics) = try t.load("paths") { folder in
      try t.replace(
        "<main",
        "{{page.summary}}{{site.url}}{{site.nav.title}}{{page.title.x}}{{site.params.a.b}}<main",
        in: "layout", folder)
    }
    #expect(
      diagnostics.filter { $0.code == "theme.unknown-name" }.map {
        "\($0.message) | \($0.hint ?? "")"
      } == [
        "`page.summary` is not a value a page has (`page` has no key `summary`): `{{page.summary}}` finds nothing | did you mean `summary`?",
        "`site.url` is not a value a page has (`site` has no key `url`): `{{site.url}}` finds nothing | did you mean `page.url`?",
        "`site.nav` is a list: `{{site.nav.title}}` finds nothing | go through its items with a section: `{{#site.nav}}{{title}}{{/site.nav}}`",
        "`page.title` has no keys: `{{page.title.x}}` finds nothing | write `{{page.title}}`",
      ])
  }

  /// A list or a dictionary printed as text prints nothing: the check says so, and how to
  /// print what it holds. In a section (`{{#site.nav}}`) the same names are fine.
  @Test func listsAndDictionariesPrintedAsTextAreNamed() throws {
    let (_, diagnostics) = try t.load("printed-lists") { folder in
      try t.replace(
        "<main",
        "{{initiatives}}{{site.nav}}{{page}}{{{tags}}}{{#site.nav}}{{title}}{{/site.nav}}{{^tags}}-{{/tags}}<main",
        in: "layout", folder)
    }
    #expect(
      diagnostics.filter { $0.code == "theme.unknown-name" }.map {
        "\($0.message) | \($0.hint ?? "")"
      } == [
        "`initiatives` is a list: `{{initiatives}}` prints nothing | go through its items with a section: `{{#initiatives}}{{title}}{{/initiatives}}`",
        "`site.nav` is a list: `{{site.nav}}` prints nothing | go through its items with a section: `{{#site.nav}}{{title}}{{/site.nav}}`",
        "`page` holds keys, not text: `{{page}}` prints nothing | print one of its keys: `page.title`, `page.title_html`, `page.url`, `page.canonical`, `page.description`, `page.has_furigana`",
        "`tags` is a list: `{{{tags}}}` prints nothing | go through its items with a section: `{{#tags}}{{name}}{{/tags}}`",
      ])
  }

  /// `{{{.}}}` over text and `{{{site.params.body}}}` are text printed as HTML.
  @Test func unescapedDotsAndParamsAreText() throws {
    let (_, diagnostics) = try t.load("unescaped-dot") { folder in
      try t.replace(
        "{{{body}}}",
        "{{#aliases}}{{{.}}}{{/aliases}}{{#summary}}{{{.}}}{{/summary}}{{#body}}{{{.}}}{{/body}}{{{site.params.body}}}{{{body}}}",
        in: "about", folder)
    }
    #expect(
      diagnostics.filter { $0.code == "theme.unescaped" }.map(\.message) == [
        "`{{{.}}}` prints each `aliases` (the section's value) without escaping it: HTML in the text would become part of the page",
        "`{{{.}}}` prints each `summary` (the section's value) without escaping it: HTML in the text would become part of the page",
        "`{{{site.params.body}}}` prints `site.params.body` without escaping it: HTML in the text would become part of the page",
      ])
  }

  /// An asset whose key a tag cannot hold is named with the name to give it; a file without an
  /// extension is published without a trailing dot.
  @Test func assetNamesTemplatesCannotWrite() throws {
    let (theme, diagnostics) = try t.load("asset-names") { folder in
      let assets = folder.appendingPathComponent("assets")
      for name in ["logo@2x.png", "my logo.svg", "LICENSE", "バナー 画像.svg"] {
        try "x".write(
          to: assets.appendingPathComponent(name), atomically: true, encoding: .utf8)
      }
    }
    #expect(
      t.shown(diagnostics, "theme.asset-name") == [
        "theme/assets/logo@2x.png:1:1: warning: `logo@2x.png` has a key no template can write (`assets.logo@2x_png`): a name in a tag has only the letters A–Z and a–z, digits, `.`, `_` and `-` [theme.asset-name]\n    hint: rename it `logo-2x.png` (`assets.logo_2x_png`)",
        "theme/assets/my logo.svg:1:1: warning: `my logo.svg` has a key no template can write (`assets.my logo_svg`): a name in a tag has only the letters A–Z and a–z, digits, `.`, `_` and `-` [theme.asset-name]\n    hint: rename it `my-logo.svg` (`assets.my_logo_svg`)",
        // A name of none but other characters: named for what it is (`------.svg` was offered).
        "theme/assets/バナー 画像.svg:1:1: warning: `バナー 画像.svg` has a key no template can write (`assets.バナー 画像_svg`): a name in a tag has only the letters A–Z and a–z, digits, `.`, `_` and `-` [theme.asset-name]\n    hint: rename it `image.svg` (`assets.image_svg`)",
      ])
    let license = try #require(theme?.assetPaths["LICENSE"])
    #expect(license.hasPrefix("assets/LICENSE.") && !license.hasSuffix("."))
    #expect(license.split(separator: ".").count == 2)
  }

  /// `{{assets.logo_png}}` for `img/logo.png` is pointed at its key with the folder.
  @Test func anAssetInAFolderIsSuggested() throws {
    let (_, diagnostics) = try t.load("asset-in-folder") { folder in
      let img = folder.appendingPathComponent("assets/img")
      try FileManager.default.createDirectory(at: img, withIntermediateDirectories: true)
      try Data([0x89, 0x50]).write(to: img.appendingPathComponent("logo.png"))
      try t.replace(
        "<main", "<img src=\"{{assets.logo_png}}\" alt=\"\"><main", in: "layout", folder)
    }
    let d = try #require(diagnostics.first { $0.code == "theme.unknown-asset" })
    #expect(d.hint == "did you mean `assets.img_logo_png`?")
  }

  /// `{{title}}}` prints a `}`.
  @Test func aStrayBraceIsAWarning() throws {
    let (theme, diagnostics) = try t.load("stray-brace") { folder in
      try t.replace("{{{page.title_html}}}</h1>", "{{page.title}}}</h1>", in: "about", folder)
    }
    #expect(theme != nil)
    #expect(
      t.shown(diagnostics, "theme.stray-brace") == [
        "theme/templates/about.mustache:5:23: warning: `{{page.title}}}` has one `}` too many: the tag ends at `}}`, and the last `}` is printed [theme.stray-brace]\n    hint: write `{{page.title}}`"
      ])
  }
}
