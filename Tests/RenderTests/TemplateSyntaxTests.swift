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

  /// An opening tag mistyped: its closing tag has the name the theme knows, which is the one
  /// to write in both, not the typo; two unknown names a typo apart get both spellings; other
  /// names, the order.
  @Test func aMistypedOpeningGetsTheNameMeant() {
    let p = TemplateSyntax.explain("<ul>\n{{#domians}}<li>{{name}}</li>{{/domains}}\n")
    #expect(
      p?.hint
        == "did you mean `{{#domains}}` on line 2? A section opens and closes with the same name")
    let q = TemplateSyntax.explain("{{<layuot}}{{$main}}x{{/main}}{{/layout}}")
    #expect(
      q?.hint
        == "the two names differ by a typo: write the same one in both, `{{<layout}}`…`{{/layout}}` or `{{<layuot}}`…`{{/layuot}}`"
    )
    let r = TemplateSyntax.explain("{{#fields}}<li>{{#title}}x{{/fields}}")
    #expect(
      r?.hint == "close sections innermost first, each with its own name: `{{#title}}`…`{{/title}}`"
    )
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

  @Test func rightTemplatesHaveNothingToExplain() {
    #expect(TemplateSyntax.explain("{{#a}}{{{b}}}{{> p}}{{^c}}{{/c}}{{/a}}") == nil)
    #expect(TemplateSyntax.explain("{{=<% %>=}}<%#a%><%/a%><%={{ }}=%>{{#b}}{{/b}}") == nil)
  }

  /// Tags after `{{=<% %>=}}` are read with its delimiters, and after `<%={{ }}=%>` with the
  /// usual ones again: what follows is checked as the parser reads it.
  @Test func otherDelimitersAreFollowed() {
    let scan = TemplateSyntax.scan("{{=<% %>=}}<% title %>{{x}}<%={{ }}=%>\n{{assets.logo}}")
    #expect(scan.tags.map(\.kind) == [.delimiters, .variable, .delimiters, .variable])
    #expect(scan.tags.map(\.name) == ["", "title", "", "assets.logo"])
    #expect(scan.tags[3].line == 2)
    #expect(
      TemplateSyntax.explain("{{=<% %>=}}\n<%#a%>")
        == .init(
          line: 2, column: 1, message: "`<%#a%>` is never closed",
          hint: "add `<%/a%>` where the section ends"))
    #expect(
      TemplateSyntax.explain("{{=<%>=}}{{x}}")?.message
        == "the delimiter tag `{{=<%>=}}` is not valid")
  }

  /// A comment holding a tag ends at the tag's `}}`, and the parser reads on: so does the scan,
  /// and a block after it is still a block.
  @Test func theScanGoesOnAfterABrokenTag() {
    let scan = TemplateSyntax.scan("{{! shows {{page.title}} here }}\n{{$mian}}x{{/mian}}")
    #expect(scan.tags.map(\.kind) == [.comment, .block, .close])
    #expect(scan.texts.map(\.text) == ["here }}\n", "x"])
    #expect(scan.unclosed.count == 1)
  }

  /// A comment cannot hold a tag: the message says what is printed.
  @Test func aCommentHoldingATagSaysWhatIsPrinted() {
    let p = TemplateSyntax.scan("<p>{{! shows {{title}} }}</p>").unclosed
    #expect(
      p == [
        .init(
          line: 1, column: 4,
          message:
            "a comment cannot hold `{{…}}`: it ends at the first `}}`, and what follows it (` }}`) is printed",
          hint: "leave the braces out inside a comment: `{{! shows title }}`", parses: true)
      ])
  }

  /// Spaces and line breaks around a name are the parser's whitespace: the tag is fine. A tag
  /// broken after a line break is told with its name.
  @Test func aTagOverLinesIsATagAndABrokenOneIsToldByName() {
    let scan = TemplateSyntax.scan("{{\n  site.title\n}}")
    #expect(scan.tags.map(\.name) == ["site.title"])
    #expect(scan.unclosed == [])
    #expect(
      TemplateSyntax.explain("{{\n  site.title</a>\n{{x}}")?.hint
        == "end the tag with `}}` right after its name, on the same line: `{{site.title}}`")
  }

  /// Inside `{{<layout}}` only blocks can go: another tag is an error at itself, not at the
  /// end of the file with the parser's word for it.
  @Test func aTagInsideAParentButInNoBlockIsNamed() {
    for tag in ["{{site.title}}", "{{> toc}}", "{{{body}}}", "{{#x}}"] {
      let text = "{{<layout}}\n{{$head}}{{/head}}\n  \(tag){{$main}}x{{/main}}\n{{/layout}}\n"
      let p = TemplateSyntax.explain(text)
      #expect(p?.line == 3)
      #expect(p?.column == 3)
      #expect(
        p?.message
          == "`\(tag)` is inside `{{<layout}}` but in none of its blocks: only `{{$block}}` tags (and text, which is not shown) can go inside `{{<layout}}`"
      )
      #expect(p?.hint == "move it into a block such as `{{$main}}`")
    }
  }

  /// `{{title}}}` prints its last `}`.
  @Test func aStrayBraceIsFound() {
    #expect(
      TemplateSyntax.scan("<h1>{{title}}}</h1>{{{body}}}").strayBraces == [
        .init(
          line: 1, column: 5,
          message:
            "`{{title}}}` has one `}` too many: the tag ends at `}}`, and the last `}` is printed",
          hint: "write `{{title}}`", parses: true)
      ])
  }

  /// A close too many says which section it repeats, not that it closes the block around.
  @Test func aSecondCloseSaysWhereTheSectionWasClosed() {
    let p = TemplateSyntax.explain(
      "{{<layout}}{{$main}}\n{{#updates}}x\n{{/updates}}{{/updates}}\n{{/main}}{{/layout}}")
    #expect(
      p
        == .init(
          line: 3, column: 13,
          message: "`{{/updates}}` closes nothing: `{{#updates}}` was closed on line 3",
          hint: "remove this `{{/updates}}`"))
  }

  /// What `explain` leaves to swift-mustache is placed where the parser says, on the file's own
  /// lines (the theme's templates are parsed after a line of their own, `HTMLEscape.pragma`),
  /// in words.
  @Test func theParsersErrorKeepsTheFilesLines() throws {
    let text = "<main>\n\n{{% NOPE: x}}\n</main>\n"
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
    #expect(
      d.message
        == "template syntax error: a `{{%…}}` tag names a setting Mustache does not have")
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
