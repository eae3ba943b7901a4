import Content
import Site

/// Index pages: home, the strategy contents, all domains, all initiatives, events, the glossary
/// and the pages about the site.
extension ViewModels {
  var domainsForLists: (main: TemplateValue, foundation: TemplateValue) {
    (
      .items(site.domains.filter { !$0.config.isFoundation }.map(domainSummary)),
      .items(site.domains.filter { $0.config.isFoundation }.map(domainSummary))
    )
  }

  func homeContext() -> TemplateContext {
    var ctx = base(
      title: site.config.title, url: urls.home, section: nil, description: site.config.description)
    let d = domainsForLists
    ctx["domains"] = d.main
    ctx["foundation"] = d.foundation
    let upcoming = site.upcomingEvents.prefix(3).map(card)
    ctx["upcoming"] = .items(upcoming)
    ctx["has_upcoming"] = .bool(!upcoming.isEmpty)
    ctx["events_url"] = .text(urls.index(.event))
    ctx["strategy"] = .items(site.strategyRoots.map(card))
    let updates = site.updates.prefix(Site.updatesOnHome).map(updateCard)
    ctx["updates"] = .items(updates)
    ctx["has_updates"] = .bool(!updates.isEmpty)
    return ctx
  }

  /// 更新情報: every page with an `updated` date or a `publish` time, newest first.
  func updatesIndexContext() -> TemplateContext {
    var ctx = base(title: "更新情報", url: urls.updates, section: nil, description: nil)
    ctx["breadcrumbs"] = crumbs([("更新情報", urls.updates)])
    ctx["updates"] = .items(site.updates.map(updateCard))
    ctx["has_updates"] = .bool(!site.updates.isEmpty)
    return ctx
  }

  /// A page's card with the day 更新情報 lists it on (`updated`, `updated_iso`) and what
  /// happened then (`change_label`: 更新, or 公開 for a page listed by its `publish` time).
  func updateCard(_ i: Int) -> TemplateContext {
    var c = card(i)
    guard let change = site.pages[i].page.listedChange else { return c }
    c["updated"] = .text(JapaneseDate.date(change.day))
    c["updated_iso"] = .text(change.day.description)
    c["change_label"] = .text(change.label)
    return c
  }

  func strategyIndexContext() -> TemplateContext {
    var ctx = base(
      title: "千葉県DX推進戦略", url: urls.index(.strategy), section: urls.index(.strategy),
      description: nil)
    ctx["breadcrumbs"] = crumbs([("戦略", urls.index(.strategy))])
    ctx["chapters"] = .items(
      site.strategyRoots.map { i in
        var c = card(i)
        let children = (site.strategyChildren[site.pages[i].slug] ?? []).map(card)
        c["children"] = .items(children)
        c["has_children"] = .bool(!children.isEmpty)
        return c
      })
    return ctx
  }

  func domainsIndexContext() -> TemplateContext {
    var ctx = base(
      title: "分野から探す", url: urls.index(.field), section: urls.index(.field), description: nil)
    ctx["breadcrumbs"] = crumbs([("分野", urls.index(.field))])
    let d = domainsForLists
    ctx["domains"] = d.main
    ctx["foundation"] = d.foundation
    return ctx
  }

  func initiativesIndexContext() -> TemplateContext {
    func hasMore(_ f: FieldNode) -> Bool {
      site.config.listed(f.initiatives).count < f.initiatives.count
    }
    var ctx = base(
      title: "取組の一覧", url: urls.index(.initiative), section: urls.index(.initiative),
      description: nil)
    ctx["breadcrumbs"] = crumbs([("取組", urls.index(.initiative))])
    ctx["domains"] = .items(
      site.domains.map { d in
        [
          "id": .text(d.config.id), "name": .text(d.config.name), "url": .text(d.url),
          "fields": .items(
            d.fields.map { f in
              [
                "id": .text(f.config.id), "name": .text(f.config.name), "url": .text(f.url),
                "initiatives": .items(site.config.listed(f.initiatives).map(card)),
                "total": .number(f.initiatives.count),
                "has_more": .bool(hasMore(f)),
              ]
            }),
        ]
      })
    ctx["count"] = .number(site.initiatives.count)
    ctx["limited"] = .bool(site.domains.contains { $0.fields.contains(where: hasMore) })
    ctx["per_field"] = site.config.initiativesPerField.map(TemplateValue.number) ?? .text("")
    return ctx
  }

  func eventsIndexContext() -> TemplateContext {
    var ctx = base(
      title: "イベント", url: urls.index(.event), section: urls.index(.event), description: nil)
    ctx["breadcrumbs"] = crumbs([("イベント", urls.index(.event))])
    ctx["upcoming"] = .items(site.upcomingEvents.map(card))
    ctx["upcoming_months"] = .items(monthGroups(site.upcomingEvents, upcoming: true))
    ctx["has_upcoming"] = .bool(!site.upcomingEvents.isEmpty)
    ctx["past"] = .items(site.config.listedPast(site.pastEvents).map(card))
    ctx["has_past"] = .bool(!site.pastEvents.isEmpty)
    ctx["past_total"] = .number(site.pastEvents.count)
    ctx["past_limited"] = .bool(!site.pastEventYears.isEmpty)
    ctx["past_listed"] = site.config.pastEventsListed.map(TemplateValue.number) ?? .text("")
    ctx["years"] = .items(pastYearLinks(current: nil))
    ctx["feed_url"] = .text(urls.eventsFeed)
    ctx["calendar_url"] = .text(urls.eventsCalendar)
    return ctx
  }

  /// Events under the month each begins in (in Japan), in their order: each month's `month`
  /// (2026年12月), `anchor`, `count` and `events[]` of cards. A resident asking 「今月、スマホ教室は
  /// あるか」 reads a heading per month, not every card's date. Upcoming events already under
  /// way are the build's month's (`EventMeta.upcomingMonth`): they are listed first, as the
  /// first group is.
  func monthGroups(_ events: [Int], upcoming: Bool = false) -> [TemplateContext] {
    var runs: [(date: LocalDate, events: [Int])] = []
    for i in events {
      guard case .event(let m) = site.pages[i].page.meta else { continue }
      let day = upcoming ? m.upcomingMonth(at: site.now) : m.firstDay
      if let last = runs.last, last.date.year == day.year, last.date.month == day.month {
        runs[runs.count - 1].events.append(i)
      } else {
        runs.append((day, [i]))
      }
    }
    var anchors: Set<String> = []
    return runs.map { run in
      // A month twice (starts written with offsets out of step with Japan's) keeps ids unique.
      var anchor = "month-\(run.date.year)-\(run.date.month)"
      while !anchors.insert(anchor).inserted { anchor += "-more" }
      return [
        "month": .text("\(run.date.year)年\(run.date.month)月"), "anchor": .text(anchor),
        "count": .number(run.events.count), "events": .items(run.events.map(card)),
      ]
    }
  }

  /// The page of one year's past events, when the events page lists only the latest.
  func pastEventsContext(_ n: Int) -> TemplateContext {
    let y = site.pastEventYears[n]
    let url = urls.pastEvents(year: y.year)
    let title = "\(y.year)年に開かれたイベント"
    var ctx = base(title: title, url: url, section: urls.index(.event), description: nil)
    ctx["breadcrumbs"] = crumbs([("イベント", urls.index(.event)), (title, url)])
    ctx["year"] = .number(y.year)
    ctx["count"] = .number(y.events.count)
    ctx["events"] = .items(y.events.map(card))
    // Newest first, as the list was and as /events/'s 終わったイベント and the years are: a
    // resident looks back from the latest. Under months as /events/'s upcoming ones are.
    ctx["months"] = .items(monthGroups(y.events))
    ctx["years"] = .items(pastYearLinks(current: n))
    ctx["events_url"] = .text(urls.index(.event))
    return ctx
  }

  /// Each year with past events, newest first: its page, how many, and whether it is `current`.
  private func pastYearLinks(current: Int?) -> [TemplateContext] {
    site.pastEventYears.enumerated().map { n, y in
      [
        "year": .number(y.year), "url": .text(urls.pastEvents(year: y.year)),
        "count": .number(y.events.count), "current": .bool(n == current),
      ]
    }
  }

  func glossaryIndexContext() -> TemplateContext {
    var ctx = base(
      title: "用語集", url: urls.index(.glossary), section: urls.index(.glossary), description: nil)
    ctx["breadcrumbs"] = crumbs([("用語集", urls.index(.glossary))])
    ctx["groups"] = .items(
      site.glossary.enumerated().map { n, g in
        [
          "row": .text(g.row), "anchor": .text("row-\(n + 1)"),
          "entries": .items(g.entries.map(card)),
        ]
      })
    return ctx
  }

  /// このサイトについて at /about/: every page about the site, in the footer's order, those the
  /// footer leaves out (`footer: false`) too, so a resident who trims an about page's address
  /// finds them all.
  func aboutIndexContext() -> TemplateContext {
    let title = ContentKind.about.label
    var ctx = base(title: title, url: urls.index(.about), section: nil, description: nil)
    ctx["breadcrumbs"] = crumbs([(title, urls.index(.about))])
    ctx["pages"] = .items(site.aboutPages.map(card))
    return ctx
  }

  func searchContext() -> TemplateContext {
    var ctx = base(title: "サイト内検索", url: urls.search, section: urls.search, description: nil)
    ctx["breadcrumbs"] = crumbs([("検索", urls.search)])
    return ctx
  }

  func notFoundContext() -> TemplateContext {
    var ctx = base(title: "ページが見つかりません", url: urls.url("404.html"), section: nil, description: nil)
    let d = domainsForLists
    ctx["domains"] = d.main
    ctx["foundation"] = d.foundation
    // Tags' addresses are offered for a missing one too (/tags/子育/ → /tags/子育て/).
    ctx["tags"] = .items(site.tags.map { ["name": .text($0.name), "url": .text($0.url)] })
    ctx["has_tags"] = .bool(!site.tags.isEmpty)
    return ctx
  }

  /// A page's earlier address: where the page is now, for the refresh and for readers whose
  /// browser does not follow it. Search engines are pointed at the page itself.
  func redirectContext(_ r: Redirect) -> TemplateContext {
    let target = site.pages[r.page]
    var ctx = base(
      title: "移動しました：\(target.title)", url: r.url, section: nil,
      description: target.page.summary, canonical: target.url)
    ctx["redirect"] = [
      "url": .text(target.url), "title": .text(target.title),
      "kind_label": .text(target.kind.label),
    ]
    return ctx
  }
}
