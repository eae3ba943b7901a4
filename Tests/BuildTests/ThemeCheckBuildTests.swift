import Content
import Diagnostics
import Foundation
import TestSupport
import Testing

@testable import Build

/// The theme check in a build and in `portal serve`'s rebuilds (a build with a session): its
/// warnings are reported and the site is built; its errors stop the build and leave the
/// previous site as it was.
@Suite struct ThemeCheckBuildTests {
  @Test func warningsBuildAndErrorsKeepThePreviousSite() throws {
    let (_, theme, options) = try fixtureWithOwnTheme()
    let session = BuildSession()
    let first = SiteBuilder.build(options, session: session)
    try #require(first.succeeded, "\(first.diagnostics.map(\.text))")
    #expect(!first.diagnostics.contains { $0.code?.hasPrefix("theme.") ?? false })

    let layout = theme.appendingPathComponent("templates/layout.mustache")
    try edit(layout) {
      $0.replacingOccurrences(of: "{{site.operator}}{{", with: "{{{site.operator}}}{{")
    }
    let warned = SiteBuilder.build(options, session: session)
    #expect(warned.succeeded)
    #expect(
      warned.diagnostics.compactMap(\.code).filter { $0.hasPrefix("theme.") } == ["theme.unescaped"]
    )
    let built = site(options.outputDirectory)

    try edit(layout) { $0.replacingOccurrences(of: "assets.style_css", with: "assets.styles_css") }
    let failed = SiteBuilder.build(options, session: session)
    #expect(!failed.succeeded)
    let error = try #require(failed.diagnostics.first { $0.code == "theme.unknown-asset" })
    #expect(error.location.file.hasSuffix("templates/layout.mustache"))
    #expect(error.hint == "did you mean `assets.style_css`?")
    #expect(site(options.outputDirectory) == built)
    // The same on the command line, without a session.
    #expect(!SiteBuilder.build(options).succeeded)
    #expect(site(options.outputDirectory) == built)
  }

  /// A name of site.yml's `params` the layout prints that site.yml does not give printed
  /// nothing (an empty banner), with no word: now a warning at the tag, with the name meant,
  /// said again while it holds (an edit of site.yml can mend it, and a rename break it).
  @Test func aParamSiteYmlDoesNotGiveIsAWarning() throws {
    let (content, theme, options) = try fixtureWithOwnTheme()
    try edit(theme.appendingPathComponent("templates/layout.mustache")) {
      $0.replacingOccurrences(of: "</body>", with: "<p>{{site.params.baner}}</p></body>")
    }
    let none = SiteBuilder.build(options)
    #expect(none.succeeded)
    let first = try #require(none.diagnostics.first { $0.code == "theme.unknown-param" })
    #expect(first.location.file.hasSuffix("templates/layout.mustache"))
    #expect(first.message.hasSuffix("`params` (it has none): it prints nothing"))
    #expect(
      first.hint?.hasSuffix("site.yml: `params: {baner: …}`, or remove the tag") == true,
      "\(first.hint ?? "")")
    let config = content.appendingPathComponent("site.yml")
    try edit(config) { $0 + "\nparams:\n  banner: 年末年始のお知らせ\n" }
    let near = SiteBuilder.build(options)
    #expect(
      near.diagnostics.filter { $0.code == "theme.unknown-param" }.map(\.hint)
        == ["did you mean `site.params.banner`?"])
    // A name far from every one site.yml has: added under the `params:` it has (a second
    // `params:` would be a duplicate key).
    try edit(theme.appendingPathComponent("templates/layout.mustache")) {
      $0.replacingOccurrences(of: "{{site.params.baner}}", with: "{{site.params.tagline}}")
    }
    let far = SiteBuilder.build(options).diagnostics.filter { $0.code == "theme.unknown-param" }
    #expect(far.count == 1)
    #expect(far.first?.hint?.hasPrefix("add `tagline: …` under `params:` in ") == true)
    try edit(theme.appendingPathComponent("templates/layout.mustache")) {
      $0.replacingOccurrences(of: "{{site.params.tagline}}", with: "{{site.params.baner}}")
    }
    try edit(config) { $0.replacingOccurrences(of: "  banner:", with: "  baner:") }
    #expect(!SiteBuilder.build(options).diagnostics.contains { $0.code == "theme.unknown-param" })
  }

  /// The theme loads beside the content (`startLoadingTheme`): problems in both are still
  /// reported in one run, the content's first, and a session keeps the theme it loaded until a
  /// file under theme/ changes.
  @Test func contentAndThemeProblemsInOneRunContentFirst() throws {
    let (content, theme, options) = try fixtureWithOwnTheme()
    let initiatives = content.appendingPathComponent("initiatives")
    let page = try #require(
      FileManager.default.contentsOfDirectory(atPath: initiatives.path).sorted().first)
    try edit(initiatives.appendingPathComponent(page)) { "---\ntitle: [\n---\n本文\n" + $0 }
    try edit(theme.appendingPathComponent("templates/home.mustache")) { $0 + "{{#open}}" }
    let session = BuildSession()
    let report = SiteBuilder.build(options, session: session)
    #expect(!report.succeeded)
    let errors = report.diagnostics.filter { $0.severity == .error }
    let contentError = try #require(errors.firstIndex { $0.location.file.hasSuffix(page) })
    let themeError = try #require(errors.firstIndex { $0.code == "theme.syntax" })
    #expect(contentError < themeError)
    #expect(errors[themeError].location.file.hasSuffix("templates/home.mustache"))
    #expect(session.theme?.theme == nil && session.theme?.diagnostics.hasErrors == true)
    // The same problems from the session's kept theme, and none once the template is mended.
    #expect(
      SiteBuilder.build(options, session: session).diagnostics.map(\.text)
        == report.diagnostics.map(\.text))
    try edit(theme.appendingPathComponent("templates/home.mustache")) {
      String($0.dropLast("{{#open}}".count))
    }
    let mended = SiteBuilder.build(options, session: session)
    #expect(!mended.diagnostics.contains { $0.code?.hasPrefix("theme.") ?? false })
    #expect(mended.diagnostics.contains { $0.location.file.hasSuffix(page) })
  }
}
