import Content
import Foundation
import Site
import TestSupport
import Testing

@testable import Render

/// `TemplateVocabulary.names` is every key the view models set: the portal's content, with
/// events listed by year, initiatives cut short under each field, a page's earlier address and
/// an initiative with dates and tags, so every template is rendered and every context walked.
@Suite struct TemplateVocabularyTests {
  func richSite() throws -> Site {
    let content = try temporaryFolder("vocabulary").appendingPathComponent("content")
    try FileManager.default.copyItem(at: repoRoot.appendingPathComponent("content"), to: content)
    let config = content.appendingPathComponent("site.yml")
    try
      (String(contentsOf: config, encoding: .utf8)
      + "\npast_events_listed: 1\ninitiatives_per_field: 1\n").write(
        to: config, atomically: true, encoding: .utf8)
    let page = content.appendingPathComponent("strategy/background.md")
    let text = try String(contentsOf: page, encoding: .utf8)
    try text.replacingOccurrences(of: "order: 2\n", with: "order: 2\nredirect_from: /old/\n")
      .write(to: page, atomically: true, encoding: .utf8)
    // Dates and tags, which no page of the portal has yet.
    let initiative = content.appendingPathComponent("initiatives/agri-facility-maintenance.md")
    try String(contentsOf: initiative, encoding: .utf8).replacingOccurrences(
      of: "status: active\n",
      with: "status: active\nstarted: 2025-04-01\nupdated: 2026-10-01\ntags: [水路, 漁港]\n"
    ).write(to: initiative, atomically: true, encoding: .utf8)
    return try resolvedSite(content, now: "2026-11-25T09:00:00+09:00")
  }

  /// An initiative's card says the 課 in charge, as its page does (a theme can show it on the
  /// lists without Swift).
  @Test func anInitiativesCardHasItsDepartment() throws {
    let site = try richSite()
    let theme = try #require(
      Theme.load(from: repoRoot.appendingPathComponent("theme"), displayPath: "theme").0)
    let plan = RenderPlan(site: site, theme: theme)
    var departments: [String] = []
    for (_, job) in plan.jobs {
      guard let made = plan.context(for: job), made.template == "field",
        case .list(let cards)? = made.context["initiatives"]
      else { continue }
      for case .dict(let card) in cards {
        if case .text(let d)? = card["department"], !d.isEmpty { departments.append(d) }
      }
    }
    let pages = site.pages.compactMap { p -> String? in
      if case .initiative(let m) = p.page.meta { return m.department } else { return nil }
    }
    #expect(!departments.isEmpty)
    #expect(Set(departments).isSubset(of: Set(pages)))
  }

  /// The names at the top of each page template's context (`pageKeys`, `everyPage`): what
  /// the check knows a page template's own names by.
  @Test func eachTemplatesTopNamesAreItsPageKeys() throws {
    let site = try richSite()
    let theme = try #require(
      Theme.load(from: repoRoot.appendingPathComponent("theme"), displayPath: "theme").0)
    let plan = RenderPlan(site: site, theme: theme)
    var union: [String: Set<String>] = [:]
    for (_, job) in plan.jobs {
      guard let made = plan.context(for: job) else { continue }
      let keys = Set(Theme.withThemeKeys(made.context).mapValues { $0 }.keys)
      #expect(TemplateVocabulary.everyPage.isSubset(of: keys), "\(made.template)")
      union[made.template, default: []].formUnion(keys.subtracting(TemplateVocabulary.everyPage))
    }
    #expect(Set(union.keys) == Set(TemplateVocabulary.pageKeys.keys))
    for (template, keys) in TemplateVocabulary.pageKeys {
      let had = union[template] ?? []
      #expect(had.subtracting(keys) == [], "\(template): names its pages have that pageKeys lacks")
      // `updated` is given only to a page with the date (in this site, an initiative).
      #expect(
        keys.subtracting(had).subtracting(["updated", "updated_iso"]) == [],
        "\(template): names pageKeys lists that no page of it has")
    }
  }

  @Test func everyKeyOfEveryPageIsInTheVocabulary() throws {
    let site = try richSite()
    let theme = try #require(
      Theme.load(from: repoRoot.appendingPathComponent("theme"), displayPath: "theme").0)
    let plan = RenderPlan(site: site, theme: theme)
    var seen: Set<String> = []
    var unknown: [String: String] = [:]  // key → the template whose context has it
    var templates: Set<String> = []
    var shapes: [String: Set<String>] = [:]
    var htmlInItems: [String: Set<String>] = [:]
    var textItems: Set<String> = []
    var itemKeys: [String: Set<String>] = [:]
    func walk(_ value: TemplateValue, _ template: String) {
      switch value {
      case .text, .bool: break
      case .list(let items): for item in items { walk(item, template) }
      case .dict(let context):
        for (key, inner) in context.mapValues({ $0 }) {
          seen.insert(key)
          switch inner {
          case .list(let items):
            shapes[key, default: []].insert("list")
            for item in items {
              if case .dict = item { continue }
              textItems.insert(key)
            }
            for case .dict(let item) in items {
              let keys = Set(item.mapValues { $0 }.keys)
              itemKeys[key] = itemKeys[key].map { $0.intersection(keys) } ?? keys
              let html = item.mapValues { $0 }.keys.filter(TemplateVocabulary.html.contains)
              htmlInItems[key, default: []].formUnion(html)
            }
          case .dict: shapes[key, default: []].insert("dict")
          case .text(""): shapes[key, default: []].insert("empty")
          case .text, .bool: shapes[key, default: []].insert("value")
          }
          if !TemplateVocabulary.names.contains(key) { unknown[key] = template }
          // The assets' keys are the theme's files, checked as such (`theme.unknown-asset`);
          // the params' are site.yml's.
          if key != "assets" && key != "params" { walk(inner, template) }
        }
      }
    }
    // The dictionaries of fixed keys (`TemplateVocabulary.paths`), key by key: what a page has
    // under them that is not listed, and what is listed that no page has.
    var unlisted: Set<String> = []
    var had: Set<String> = []
    func compare(_ value: TemplateValue, _ shape: TemplateVocabulary.Shape, _ path: String) {
      switch (value, shape) {
      case (_, .open): had.insert(path)
      case (.text, .value), (.bool, .value): had.insert(path)
      case (.text(""), .keys): break  // no previous page on the first
      case (.dict(let d), .keys(let keys)):
        had.insert(path)
        for (key, inner) in d.mapValues({ $0 }) {
          if let s = keys[key] {
            compare(inner, s, "\(path).\(key)")
          } else {
            unlisted.insert("\(path).\(key)")
          }
        }
      case (.list(let items), .list(let item)):
        had.insert(path)
        for i in items { compare(i, item, path + "[]") }
      default: unlisted.insert("\(path) (\(shape))")
      }
    }
    func listed(_ shape: TemplateVocabulary.Shape, _ path: String) -> [String] {
      switch shape {
      case .value, .open: [path]
      case .keys(let keys): [path] + keys.flatMap { listed($0.value, "\(path).\($0.key)") }
      case .list(let item): [path] + listed(item, path + "[]")
      }
    }
    for (_, job) in plan.jobs {
      guard let made = plan.context(for: job) else { continue }
      templates.insert(made.template)
      let context = Theme.withThemeKeys(made.context)
      walk(.dict(context), made.template)
      for (root, shape) in TemplateVocabulary.paths {
        if let value = context[root] { compare(value, shape, root) }
      }
    }
    // The names that are lists, and those that are dictionaries (or nothing), wherever a page
    // has them: what the check warns of when one is printed as text.
    #expect(Set(shapes.filter { $0.value == ["list"] }.keys) == TemplateVocabulary.lists)
    // The lists whose items hold HTML, and which: what `theme.unescaped` offers inside them.
    #expect(htmlInItems.filter { !$0.value.isEmpty } == TemplateVocabulary.htmlInItems)
    // The lists whose items are text (`{{#aliases}}{{.}}{{/aliases}}`); the others' are dictionaries.
    #expect(textItems == TemplateVocabulary.listsOfText)
    // Each other list's example key, which every item of it has.
    let examples = itemKeys.filter { !TemplateVocabulary.listsOfText.contains($0.key) }.mapValues {
      keys in
      ["title", "name", "text", "label", "term", "year", "month", "row"].first(where: keys.contains)
        ?? keys.sorted().first ?? ""
    }
    #expect(examples.filter { $0.value != "title" } == TemplateVocabulary.itemKeys)
    // (`links`, empty in this site, has titles as the template prints them.)
    #expect(
      Set(examples.keys).union(["links"])
        == TemplateVocabulary.lists.subtracting(TemplateVocabulary.listsOfText))
    #expect(
      Set(
        shapes.filter { $0.value.contains("dict") && $0.value.isSubset(of: ["dict", "empty"]) }.keys
      )
        == TemplateVocabulary.records)
    #expect(unlisted == [], "keys under TemplateVocabulary.paths that it does not list")
    let all = Set(TemplateVocabulary.paths.flatMap { listed($0.value, $0.key) })
    #expect(all.subtracting(had) == [], "keys TemplateVocabulary.paths lists that no page has")
    // Every part of a path is a name too.
    #expect(
      Set(
        all.flatMap {
          $0.split(separator: ".").map { String($0.replacingOccurrences(of: "[]", with: "")) }
        }
      )
      .subtracting(TemplateVocabulary.names) == [])
    #expect(unknown == [:], "keys the view models set that TemplateVocabulary.names lacks")
    // Every template but the layout was rendered, so every view model was made…
    #expect(templates == Set(Theme.requiredTemplates).subtracting(["layout"]))
    // …and the vocabulary has no name that no page has any more.
    #expect(TemplateVocabulary.names.subtracting(seen) == [], "names no page has")
  }
}
