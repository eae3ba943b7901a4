import Mustache
import Testing

@testable import Render

/// The fast renderer and swift-mustache (the fallback for themes it declines) must print the
/// same bytes for the same typed context, and empty text must be "no value" in both.
@Suite struct TemplateValueTests {
  static let template = """
    <h1>{{title}}</h1>
    {{#department}}<p>担当：{{department}}</p>{{/department}}
    {{^department}}<p>担当なし</p>{{/department}}
    {{#tags}}
    <li>{{.}}</li>
    {{/tags}}
    {{#cards}}
      <a href="{{url}}" class="{{#current}}on{{/current}}">{{title}} ({{count}})</a>
    {{/cards}}
    {{^cards}}なし{{/cards}}
    {{#page}}{{title}}/{{site.name}}{{/page}}
    {{{html}}} {{flag}}
    """

  static let contexts: [TemplateContext] = [
    [
      "title": .text("A & <B> \"C\" 'D'"), "department": .text(""), "tags": .texts(["防災", "DX"]),
      "cards": .items([
        ["url": .text("/a/"), "title": .text("一"), "count": .number(3), "current": .bool(true)],
        ["url": .text("/b/"), "title": .text(""), "count": .number(0), "current": .bool(false)],
      ]),
      "page": ["title": .text("ページ")], "site": ["name": .text("千葉")],
      "html": .text("<b>太字</b>"), "flag": .bool(true),
    ],
    // Empty text inside the inner context stops the lookup: the outer title is not printed.
    [
      "title": .text("外"), "department": .text("デジタル推進課"), "tags": .texts([]),
      "cards": .items([["url": .text("/c/"), "title": .text("")]]),
      "page": ["title": .text("")], "site": ["name": .text("")], "html": .text(""),
      "flag": .bool(false),
    ],
  ]

  func library() throws -> MustacheLibrary {
    var library = MustacheLibrary()
    library.register(try HTMLEscape.template(Self.template), named: "t")
    return library
  }

  func fast(_ library: MustacheLibrary) throws -> FastTemplates {
    let template = try #require(library.getTemplate(named: "t"))
    return try #require(FastTemplates(tokens: ["t": FastTemplates.tokens(of: template)]))
  }

  @Test(arguments: 0..<contexts.count) func fastEqualsSwiftMustache(_ n: Int) throws {
    let library = try library()
    let fast = try fast(library)
    let context = Self.contexts[n]
    let html = try #require(fast.render("t", context))
    #expect(html == library.render(TemplateValue.dict(context).any, withTemplate: "t"))
    if n == 0 {
      #expect(html.contains("<h1>A &amp; &lt;B&gt; &quot;C&quot; &#39;D&#39;</h1>"))
      #expect(html.contains("<p>担当なし</p>") && !html.contains("担当："))
      #expect(html.contains("<li>防災</li>") && html.contains("一 (3)"))
    } else {
      #expect(html.contains("<p>担当：デジタル推進課</p>") && html.contains("なし") == false)
      #expect(!html.contains("外</a>") && html.contains("<h1>外</h1>"))
    }
  }

  /// A quote or bracket followed by a combining mark is one Character that is not the quote:
  /// swift-mustache's own escape printed it as it was, and in an attribute the quote ended the
  /// value. Both renderers escape it now.
  @Test func aQuoteWithACombiningMarkIsEscapedByBoth() throws {
    let library = try library()
    let fast = try fast(library)
    var context = Self.contexts[0]
    context["cards"] = .items([
      ["url": .text("/a/\"\u{301} onfocus=x"), "title": .text("<\u{338}b>\u{301}&\u{301}")]
    ])
    let html = try #require(fast.render("t", context))
    #expect(html == library.render(TemplateValue.dict(context).any, withTemplate: "t"))
    #expect(html.contains("href=\"/a/&quot;\u{301} onfocus=x\""))
    #expect(html.contains("&lt;\u{338}b&gt;\u{301}&amp;\u{301}"))
  }

  /// A list or dictionary printed as text prints nothing (swift-mustache printed Swift's
  /// description of it, a dictionary's keys in a different order each run); the rest of the
  /// page is as before.
  @Test func printingAListOrADictionaryPrintsNothing() throws {
    let library = try library()
    let fast = try fast(library)
    for value: TemplateValue in [.texts(["x"]), .dict(["a": .text("b"), "c": .text("d")])] {
      var context = Self.contexts[0]
      context["title"] = value
      let html = try #require(fast.render("t", context))
      #expect(html.hasPrefix("<h1></h1>\n"))
      context["title"] = .text("")
      #expect(html == fast.render("t", context))
    }
  }
}
