import Mustache
import SeededRandom
import Testing

@testable import Render

/// The template walk looks first where a name was found on the last page (`LookupHints`), and
/// must print what swift-mustache prints whatever the last pages were: keys in another order,
/// keys missing, a name found in an item on one page and in the page on the next, the same
/// name at different places in the items of one list.
@Suite struct LookupHintsTests {
  static let templates: [String: String] = [
    "page": """
    <h1>{{title}}</h1>{{#flag}}on{{/flag}}{{^flag}}off{{/flag}}
    {{#items}}<li>{{name}}|{{title}}|{{site.name}}|{{#flag}}F{{/flag}}|{{note}}</li>{{/items}}
    {{site.name}}/{{site.nav.first}}/{{#site}}{{name}}:{{title}}{{/site}}
    {{> card}}{{note}}
    """,
    "card": "<p>{{name}}{{#site.nav}}[{{first}}{{title}}]{{/site.nav}}</p>",
  ]

  /// Some of `pairs`, shuffled, as a context.
  static func context(_ pairs: [(String, TemplateValue)], _ g: inout SplitMix64) -> TemplateContext
  {
    TemplateContext(pairs.filter { _ in Int.random(in: 0..<4, using: &g) != 0 }.shuffled(using: &g))
  }

  static func page(_ n: Int, _ g: inout SplitMix64) -> TemplateContext {
    let items: [TemplateValue] = (0..<Int.random(in: 0...4, using: &g)).map { i in
      .dict(
        context(
          [
            ("name", .text("item\(i)")), ("title", .text("t<\(i)>")), ("flag", .bool(i % 2 == 0)),
            ("note", .text("")), ("x", .text("x")), ("y", .bool(true)),
          ], &g))
    }
    let nav = context([("first", .text("ホーム\(n)")), ("title", .text("nav"))], &g)
    let site = context(
      [("name", .text("サイト\(n)")), ("nav", .dict(nav)), ("title", .text("s")), ("z", .text(""))],
      &g)
    return context(
      [
        ("title", .text("page \(n) & co")), ("flag", .bool(n % 3 == 0)), ("items", .list(items)),
        ("site", .dict(site)), ("name", .text("page-name")), ("note", .text("note \(n)")),
        ("a", .text("a")), ("b", .text("b")), ("c", .bool(false)),
      ], &g)
  }

  @Test func pagesInAnyOrderOfKeysPrintWhatSwiftMustachePrints() throws {
    let (library, fast) = try compiledWithMustache(Self.templates)
    var g = SplitMix64(seed: 139)
    for n in 0..<2_000 {
      let context = Self.page(n, &g)
      let html = try #require(fast.render("page", context))
      let expected = library.render(TemplateValue.dict(context).any, withTemplate: "page")
      #expect(html == expected, "page \(n)")
      if html != expected { break }
    }
    // One walk at a time here: its hints are kept for the next one.
    #expect(fast.program.hints.keptCount == 1)
  }
}
