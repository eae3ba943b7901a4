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

  /// A tag without its `}}` is reported at its own `{{`, not where a later tag's `}}` ended
  /// it: its inside holds `{{`, a line break or a character no name has.
  @Test func anUnclosedTagIsReportedAtItsOwnBraces() {
    let text = """
      <ul>
        <li><a href="{{site.home_url}}">{{site.title</a></li>
        {{#site.nav}}<li>{{title}}</li>{{/site.nav}}
      </ul>

      """
    #expect(
      TemplateSyntax.explain(text)
        == .init(
          line: 2, column: 35, message: "this tag is not closed with `}}`",
          hint: "end the tag with `}}` right after its name, on the same line: `{{site.title}}`"))
    // On one line with no other tag after it, and with a sigil.
    #expect(
      TemplateSyntax.explain("{{#pages}}<a href=\"{{url\">x</a>}}{{/pages}}")
        == .init(
          line: 1, column: 20, message: "this tag is not closed with `}}`",
          hint: "end the tag with `}}` right after its name, on the same line: `{{url}}`"))
    #expect(
      TemplateSyntax.explain("{{#pages}\n<li>{{title}}</li>\n{{/pages}}\n")
        == .init(
          line: 1, column: 1, message: "this tag is not closed with `}}`",
          hint: "end the tag with `}}` right after its name, on the same line: `{{#pages}}`"))
  }

  @Test func anUnclosedCommentIsReportedWhereItStarts() {
    let p = TemplateSyntax.explain("<p>\n  {{! the list\n{{#pages}}<li>{{title}}</li>{{/pages}}\n")
    #expect(p?.line == 2)
    #expect(p?.column == 3)
    #expect(p?.message == "this comment is not closed with `}}`")
    #expect(TemplateSyntax.explain("a {{! never closed\n")?.column == 3)
    // A comment over several lines is a comment.
    #expect(
      TemplateSyntax.scan("{{! one\ntwo }}{{title}}").tags.map(\.kind) == [.comment, .variable])
  }

  @Test func aTripleTagClosedWithTwoBracesIsToEndWithThree() {
    #expect(
      TemplateSyntax.explain("<div>\n{{{body}}\n</div>\n")
        == .init(
          line: 2, column: 1, message: "this tag is not closed with `}}}`",
          hint: "a tag opened with three braces ends with three: `{{{body}}}`"))
    // With another triple tag further on, whose `}}}` would end it.
    #expect(
      TemplateSyntax.explain("{{{body}}\n<script>{{{json_ld}}}</script>\n{{#a}}")?.message
        == "this tag is not closed with `}}}`")
  }

  /// Tags come with their kind, name and position.
  @Test func tagsAreReadWithTheirPlaces() {
    let scan = TemplateSyntax.scan(
      "{{<layout}}\n{{$main}}é {{ title }}{{{body}}}{{&x}}{{> toc}}{{/main}}")
    #expect(
      scan.tags.map(\.kind) == [
        .parent, .block, .variable, .unescaped, .unescaped, .partial, .close,
      ])
    #expect(scan.tags.map(\.name) == ["layout", "main", "title", "body", "x", "toc", "main"])
    #expect(
      scan.tags.map { "\($0.line):\($0.column)" } == [
        "1:1", "2:1", "2:12", "2:23", "2:33", "2:39", "2:48",
      ])
    #expect(scan.tags[2].text == "{{ title }}")
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
