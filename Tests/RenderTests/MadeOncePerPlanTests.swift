import Content
import Foundation
import Site
import TestSupport
import Testing

@testable import Render

/// What a render plan makes once and hands to every output that shows it: each event's
/// calendar entry (`RenderPlan.vevents`), the glossary's definitions (`ViewModels.terms`); and
/// an initiative's events sorted in one pass. Each must print what making it again would.
@Suite struct MadeOncePerPlanTests {
  static let config = """
    title: テスト
    base_url: https://x.example/
    domains:
      - { id: life, name: 暮らし, fields: [{ id: safety, name: 安全 }] }

    """

  func text(_ value: TemplateValue?) -> String? {
    if case .text(let s)? = value { s } else { nil }
  }

  func flag(_ value: TemplateValue?) -> Bool? {
    if case .bool(let b)? = value { b } else { nil }
  }

  /// Two initiatives, five events (three over by the build clock, one with no initiative),
  /// two glossary entries, one with an accented slug.
  func plan() throws -> RenderPlan {
    let content = try temporaryFolder("made-once").appendingPathComponent("content")
    var files: [String: String] = [
      "site.yml": Self.config,
      "initiatives/a.md": "title: 取組A\nfields: [safety]\n",
      "initiatives/b.md": "title: 取組B\nfields: [safety]\n",
      "glossary/open-data.md": "term: オープンデータ\nreading: おーぷんでーた\nshort: だれでも使えるデータです。\n",
      "glossary/caf\u{E9}.md": "term: カフェ\nreading: かふぇ\nshort: 喫茶店です。\n",
    ]
    let events: [(String, String, String)] = [
      ("e1", "2026-12-20T10:00:00+09:00", "[a]"),
      ("e2", "2026-09-01T10:00:00+09:00", "[a, b]"),
      ("e3", "2027-01-05T10:00:00+09:00", "[a]"),
      ("e4", "2026-10-01T10:00:00+09:00", "[a]"),
      ("e5", "2026-08-01T10:00:00+09:00", "[]"),
    ]
    for (slug, start, names) in events {
      files["events/\(slug).md"] =
        "title: 催し\(slug)\nstart: \(start)\nplace: 県庁\nfee: 500円\ninitiatives: \(names)\n"
    }
    for (path, text) in files where path.hasSuffix(".md") {
      files[path] = "---\n\(text)summary: 要約です。\n---\n\nオープンデータとカフェの話です。\n"
    }
    try writeFiles(files, into: content)
    let theme = try #require(
      Theme.load(from: repoRoot.appendingPathComponent("theme"), displayPath: "theme").0)
    return RenderPlan(site: try resolvedSite(content), theme: theme)
  }

  /// Every event's entry is made once and is in its own calendar and in the calendar of all
  /// events, the same bytes as made anew; rendering in either order changes nothing.
  @Test func eachEventsCalendarEntryIsMadeOnce() throws {
    let forward = try plan()
    let backward = try plan()
    let jobs = forward.jobs.map(\.job)
    let a = forward.render(jobs)
    let b = Array(backward.render(jobs.reversed()).reversed())
    for (x, y) in zip(a, b) { #expect(x.data == y.data, "\(x.path)") }
    let site = forward.site
    // Each entry was taken by the second calendar that prints it.
    #expect(forward.vevents.keptCount == 0)
    let third = try plan()
    let own = third.jobs.filter {
      if case .eventCalendar = $0.job { true } else { false }
    }
    _ = third.render(own.map(\.job))
    #expect(own.count == 5 && third.vevents.keptCount == 5)
    _ = third.render([.eventsCalendar])
    #expect(third.vevents.keptCount == 0)
    let all = try #require(a.first { $0.path == "events/events.ics" })
    let allText = String(decoding: all.data, as: UTF8.self)
    var position = allText.startIndex
    for i in site.eventsBySlug {
      let p = site.pages[i]
      guard case .event(let m) = p.page.meta else { throw CancellationError() }
      let entry = Feeds.vevent(
        slug: p.slug, title: p.title, url: p.url, m, host: "x.example",
        absolute: forward.models.absolute,
        changed: Feeds.lastChange(updated: p.page.updated, publish: p.page.publish, m))
      let own = try #require(a.first { $0.path == "events/\(p.slug)/event.ics" })
      #expect(String(decoding: own.data, as: UTF8.self).contains(entry), "\(p.slug)")
      // In the calendar of all events, in slug order.
      let found = try #require(allText.range(of: entry, range: position..<allText.endIndex))
      position = found.upperBound
    }
  }

  /// An initiative's events: the upcoming ones in their order, then the past ones latest
  /// first, each marked, as the two filters of the rule before gave them.
  @Test func anInitiativesEventsAreSortedInOnePass() throws {
    let plan = try plan()
    let site = plan.site
    for slug in ["a", "b", "nobody"] {
      let all = site.eventsByInitiative[slug] ?? []
      let expected =
        all.filter { !plan.models.isPast($0) } + all.filter { plan.models.isPast($0) }.reversed()
      let made = plan.models.initiativeEvents(slug)
      #expect(made.count == expected.count)
      for (context, i) in zip(made, expected) {
        #expect(text(context["url"]) == site.pages[i].url)
        #expect(flag(context["is_past"]) == plan.models.isPast(i))
      }
    }
    let a = plan.models.initiativeEvents("a").compactMap { text($0["url"]) }
    #expect(a.map { $0.split(separator: "/").last.map(String.init) } == ["e1", "e3", "e4", "e2"])
  }

  /// A term's definition is the entry's; a slug written another way (é as e and U+0301) finds
  /// the same entry and prints as it was asked; an unknown slug finds none.
  @Test func termsAreTheEntriesDefinitions() throws {
    let plan = try plan()
    #expect(plan.models.keptTerms == 2)
    let terms = plan.models.terms(["open-data", "caf\u{E9}", "cafe\u{301}", "nobody"])
    try #require(terms.count == 3)
    #expect(text(terms[0]["slug"]) == "open-data")
    #expect(text(terms[0]["term"]) == "オープンデータ")
    #expect(text(terms[0]["short"]) == "だれでも使えるデータです。")
    #expect(text(terms[0]["url"]) == plan.site.urls.url("glossary/open-data/"))
    for (term, slug) in zip(terms.dropFirst(), ["caf\u{E9}", "cafe\u{301}"]) {
      #expect(text(term["slug"]).map { Array($0.utf8) } == Array(slug.utf8))
      #expect(text(term["term"]) == "カフェ")
    }
  }

  /// The trim of a fee is skipped only where Foundation's would trim nothing.
  @Test func aFeeIsTrimmedWhereFoundationWould() {
    for v in UInt32(0)...0x10FFFF {
      guard let scalar = Unicode.Scalar(v), EventOffer.notSpace(scalar) else { continue }
      #expect(!CharacterSet.whitespaces.contains(scalar), "\(v)")
    }
    #expect(!EventOffer.notSpace(nil))
    #expect(!EventOffer.notSpace("\u{3000}"))
    #expect(EventOffer.yen("\u{3000}500円\u{3000}") == 500)
    #expect(EventOffer.yen("\t無料 ") == 0)
    #expect(EventOffer.yen("５００円") == 500)
  }
}
