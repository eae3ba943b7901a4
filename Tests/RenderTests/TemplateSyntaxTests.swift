import Foundation
import Mustache
import TestSupport
import Testing

@testable import Render

/// A broken template is reported at the tag to fix, naming the section involved.
@Suite struct TemplateSyntaxTests {
  @Test func aSectionClosedWithAnotherName() {
    let p = TemplateSyntax.explain("<h1>\n  {{#fields}}<li>{{#title}}x{{/fields}}\n")
    #expect(p?.line == 2)
    #expect(p?.column == 29)
    #expect(p?.message == "`{{/fields}}` closes `{{#title}}`, opened on line 2, column 18")
  }

  @Test func aSectionNeverClosedIsReportedWhereItOpens() {
    let p = TemplateSyntax.explain("{{#a}}{{/a}}\n{{^empty}}\n<p>…</p>\n{{! a comment }}\n")
    #expect(
      p
        == .init(
          line: 2, column: 1, message: "`{{^empty}}` is never closed",
          hint: "add `{{/empty}}` where the section ends"))
  }

  @Test func anUnfinishedTagAndAStrayClose() {
    #expect(
      TemplateSyntax.explain("a\n b {{title\n")?.message == "this tag is not closed with `}}`")
    #expect(TemplateSyntax.explain("a\n b {{title\n")?.column == 4)
    let stray = TemplateSyntax.explain("{{{body}}}\n{{/body}}")
    #expect(stray?.line == 2)
    #expect(stray?.message == "`{{/body}}` closes no open section")
  }

  @Test func rightTemplatesAndOtherDelimitersAreLeftToTheParser() {
    #expect(TemplateSyntax.explain("{{#a}}{{{b}}}{{> p}}{{^c}}{{/c}}{{/a}}") == nil)
    #expect(TemplateSyntax.explain("{{=<% %>=}}<%#a%>") == nil)
  }

  /// What `explain` leaves to swift-mustache is placed where the parser says, on the file's own
  /// lines (the theme's templates are parsed after a line of their own, `HTMLEscape.pragma`).
  @Test func theParsersErrorKeepsTheFilesLines() throws {
    let text = "<main>\n{{=<% %>=}}\n<%#pages%>\n</main>\n"
    #expect(TemplateSyntax.explain(text) == nil)
    var parserLine = 0
    do { _ = try MustacheTemplate(string: text) } catch let error as MustacheTemplate.ParserError {
      parserLine = error.context.lineNumber
    }
    #expect(parserLine > 1)
    let theme = try temporaryFolder("parser-error-theme")
    let templates = theme.appendingPathComponent("templates")
    try FileManager.default.createDirectory(at: templates, withIntermediateDirectories: true)
    try text.write(
      to: templates.appendingPathComponent("home.mustache"), atomically: true, encoding: .utf8)
    let (_, diagnostics) = Theme.load(from: theme, displayPath: "theme")
    let d = try #require(diagnostics.first { $0.code == "theme.syntax" })
    #expect(d.location.line == parserLine)
  }

  @Test func theThemeReportsItsBrokenTemplate() throws {
    let theme = try temporaryFolder("broken-theme")
    let templates = theme.appendingPathComponent("templates")
    try FileManager.default.createDirectory(at: templates, withIntermediateDirectories: true)
    try "<main>\n{{#pages}}\n  <a>{{title}}</a>\n{{/page}}\n</main>\n".write(
      to: templates.appendingPathComponent("home.mustache"), atomically: true, encoding: .utf8)
    let (_, diagnostics) = Theme.load(from: theme, displayPath: "theme")
    let d = try #require(diagnostics.first { $0.code == "theme.syntax" })
    #expect(d.location.file == "theme/templates/home.mustache")
    #expect("\(d.location.line):\(d.location.column)" == "4:1")
    #expect(
      d.message
        == "template syntax error: `{{/page}}` closes `{{#pages}}`, opened on line 2, column 1")
    // One mistake, one error: the broken home template is not also "missing".
    let about = diagnostics.filter { $0.location.file == "theme/templates/home.mustache" }
    #expect(about.map(\.code) == ["theme.syntax"])
    #expect(diagnostics.contains { $0.code == "theme.missing-template" })  // the others
  }
}
