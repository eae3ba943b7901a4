import Mustache
import Testing

@testable import Render

/// Partials on a line of their own (`  {{> toc}}`) are indented line by line. The fast renderer
/// writes the indentation in place, taking it out again after a tag that prints nothing; it
/// must print what swift-mustache prints: empty sections and values at the start of a line,
/// "\r\n" line ends, partials inside indented partials, text after a tag that printed nothing.
@Suite struct IndentedPartialTests {
  static let templates: [String: String] = [
    "page": "<main>\n  {{> list}}\n    {{> nested}}\n{{#flag}}\n  {{> list}}\n{{/flag}}\nend\n",
    "list": """
    <ul>
    {{#items}}
    <li>{{name}}</li>
    {{/items}}
    {{^items}}
    <li>なし</li>
    {{/items}}
    </ul>
    {{empty}}{{missing}}after
    {{empty}}
    last\r
    {{#empty}}x{{/empty}}\r
    tail{{empty}}
    """,
    "nested":
      "<div>\n  {{> list}}\n{{empty}}{{name}}\n{{#items}}<b>{{name}}</b>\n{{empty}}{{/items}}\n</div>\n",
  ]

  static let contexts: [TemplateContext] = [
    [
      "items": .items([["name": .text("一")], ["name": .text("<二>")]]), "empty": .text(""),
      "flag": .bool(true), "name": .text("名"),
    ],
    ["items": .items([]), "empty": .text(""), "flag": .bool(false), "name": .text("")],
  ]

  @Test(arguments: 0..<contexts.count) func fastPrintsWhatSwiftMustachePrints(_ n: Int) throws {
    let (library, fast) = try compiledWithMustache(Self.templates)
    let html = try #require(fast.render("page", Self.contexts[n]))
    #expect(html == library.render(TemplateValue.dict(Self.contexts[n]).any, withTemplate: "page"))
    // Indented, and no indentation left where a tag printed nothing.
    #expect(html.contains("\n  <ul>\n"))
    #expect(html.contains("\n      <ul>\n"))
    #expect(html.hasPrefix("<main>\n  <ul>\n") && html.contains("  </ul>\n  after\n"))
  }
}
