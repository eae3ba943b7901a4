import Mustache
import Testing

@testable import Render

/// The same templates registered with swift-mustache and compiled by `FastTemplates`, so a
/// test can hold the compiled walk to what swift-mustache prints.
func compiledWithMustache(_ templates: [String: String]) throws -> (MustacheLibrary, FastTemplates)
{
  var library = MustacheLibrary()
  var tokens: [String: [FastTemplates.Token]?] = [:]
  for (name, text) in templates {
    library.register(try HTMLEscape.template(text), named: name)
  }
  for name in templates.keys {
    tokens[name] = FastTemplates.tokens(of: try #require(library.getTemplate(named: name)))
  }
  return (library, try #require(FastTemplates(tokens: tokens)))
}

/// The compiled templates (`TemplateProgram`, walked by `TemplateWalk`) must print what
/// swift-mustache prints for the same templates and typed context: sections over lists and
/// dictionaries, inverted sections, falsy values, dotted names looked up the stack, partials
/// and their indentation, block inheritance (the outermost override wins), and keys that only
/// `==` finds equal (the lookup compares short ASCII keys by their bits).
@Suite struct TemplateProgramTests {
  static let templates: [String: String] = [
    "page": """
    <h1>{{title}}</h1>{{! a comment }}
    {{#items}}
    <li>{{name}} / {{title}} / {{site.name}} / {{#tags}}[{{.}}]{{/tags}}{{^tags}}none{{/tags}}</li>
    {{/items}}
    {{^items}}<p>no items</p>{{/items}}
    {{#site}}{{name}}-{{nav.first}}{{/site}}
    {{#flag}}flag on{{/flag}}{{^flag}}flag off{{/flag}}
    {{#empty}}empty shown{{/empty}}{{^empty}}empty hidden{{/empty}}
    {{#missing}}missing shown{{/missing}}{{^missing}}missing hidden{{/missing}}
    {{#none}}none shown{{/none}}{{^none}}none hidden{{/none}}
    {{#deep.inner}}<b>{{value}}</b>{{/deep.inner}}{{deep.inner.value}}{{deep.nothing.value}}
    {{{html}}}|{{html}}|{{flag}}
    {{updates_feed_url_long_key}}|{{Key}}|{{a.b.c.d}}
      {{> card}}
    {{#items}}
        {{> card}}
    {{/items}}
    {{<frame}}{{$head}}<meta name="{{title}}">{{/head}}{{/frame}}
    {{<child}}{{$title}}outer title{{/title}}{{/child}}
    {{<child}}{{/child}}
    {{> nosuch}}end
    """,
    "card": "<div class=\"card\">\n{{#name}}  <span>{{name}}</span>\n{{/name}}{{empty}}\n</div>\n",
    "frame":
      "<head>{{$head}}default head{{/head}}</head>\n<t>{{$title}}frame title{{/title}}</t>\n",
    "child":
      "{{<frame}}{{$title}}child title {{title}}{{/title}}{{$head}}child head{{/head}}{{/frame}}",
  ]

  static let contexts: [TemplateContext] = [
    [
      "title": .text("T & <t>"),
      "items": .items([
        ["name": .text("一"), "tags": .texts(["a", "b"])],
        ["name": .text(""), "title": .text("inner"), "tags": .texts([])],
        ["name": .text("\"三\"")],
      ]),
      "site": ["name": .text("サイト"), "nav": ["first": .text("ホーム")]],
      "flag": .bool(true), "empty": .text(""), "none": .items([]),
      "deep": ["inner": ["value": .text("v")]], "html": .text("<i>it</i>"),
      "updates_feed_url_long_key": .text("long"),
      // KELVIN SIGN: `==` finds it equal to the template's `Key` (canonically the same).
      "\u{212A}ey": .text("kelvin"),
      "a": ["b": ["c": ["d": .text("abcd")]]],
    ],
    [
      "title": .text(""), "items": .items([]), "site": .dict([:]), "flag": .bool(false),
      "empty": .text("x"), "missing": .text("present"), "none": .text(""),
      "deep": .text("not a dictionary"), "html": .text(""),
    ],
  ]

  @Test(arguments: 0..<contexts.count) func compiledPrintsWhatSwiftMustachePrints(_ n: Int) throws {
    let (library, fast) = try compiledWithMustache(Self.templates)
    let context = Self.contexts[n]
    let html = try #require(fast.render("page", context))
    #expect(html == library.render(TemplateValue.dict(context).any, withTemplate: "page"))
    if n == 0 {
      #expect(html.contains("<li>一 / T &amp; &lt;t&gt; / サイト / [a][b]</li>"))
      #expect(html.contains("<li> / inner / サイト / none</li>"))
      #expect(html.contains("long|kelvin|abcd"))
      // The outermost override wins; a partial's own override where the outer has none.
      #expect(html.contains("<t>outer title</t>") && html.contains("child head"))
      #expect(html.contains("<t>child title T &amp; &lt;t&gt;</t>"))
      #expect(html.contains("<meta name=\"T &amp; &lt;t&gt;\">"))
      // Indented partials, inside a list too.
      #expect(html.contains("\n  <div class=\"card\">\n  \n  </div>\n"))
      #expect(html.contains("\n    <div class=\"card\">\n      <span>一</span>\n    \n    </div>\n"))
    } else {
      #expect(html.contains("flag off") && html.contains("empty shown"))
      #expect(html.contains("missing shown") && html.contains("none hidden"))
    }
  }

  /// The same bytes whichever way the page is asked for: as text, or as the bytes a build
  /// writes (`renderBytes`).
  @Test func bytesAreTheText() throws {
    let (_, fast) = try compiledWithMustache(Self.templates)
    for context in Self.contexts {
      let bytes = try #require(fast.renderBytes("page", context))
      let data = bytes.data()
      #expect(Array(data) == Array(try #require(fast.render("page", context)).utf8))
    }
    #expect(fast.renderBytes("nothing", [:]) == nil)
  }

  /// Where the lookup's shortcut applies (short ASCII keys compared by their bits) it says
  /// what `==` says; long, non-ASCII and canonically equal keys go to `==`.
  @Test func keyBitsAgreeWithEquality() {
    #expect(KeyBits.layoutKnown)
    let keys = [
      "title", "title_html", "titles", "", "a", "b", "updates_feed_url", "updates_feed_urm",
      "\u{e9}t\u{e9}", "e\u{301}te\u{301}", "K", "\u{212A}", "ふりがな", "has_furigana",
      String(decoding: Array("xtitle".utf8.dropFirst()), as: UTF8.self),
      String(repeating: "k", count: 40), String(repeating: "k", count: 39) + "k",
    ]
    for a in keys {
      let bits = KeyBits(a)
      for b in keys {
        #expect(bits.matches(b, key: a) == (a == b), "\(a) vs \(b)")
        var entry = b
        let inPlace = withUnsafePointer(to: &entry) {
          bits.matches(at: UnsafeRawPointer($0), key: a)
        }
        #expect(inPlace == (a == b), "\(a) vs \(b) in place")
      }
    }
  }
}

/// A partial that includes itself (which the theme check refuses, but a dynamic partial it
/// cannot follow might do) stops at `TemplateProgram.maxPartialDepth` levels instead of overflowing the stack, which
/// killed `portal build` and `portal serve` with no message.
@Suite struct PartialDepthTests {
  @Test func aPartialIncludingItselfStopsAtTheLimit() throws {
    let (_, compiled) = try compiledWithMustache([
      "page": "<ul>{{> tree}}</ul>",
      "tree": "{{#site.nav}}<li>{{title}}{{> tree}}</li>{{/site.nav}}",
    ])
    var site = TemplateContext()
    var item = TemplateContext()
    item["title"] = .text("a")
    site["nav"] = .items([item])
    var context = TemplateContext()
    context["site"] = .dict(site)
    let html = try #require(compiled.render("page", context))
    #expect(html.components(separatedBy: "<li>a").count - 1 == TemplateProgram.maxPartialDepth)
    #expect(html.hasSuffix("</li></ul>"))
  }
}
