import Content
import Site

/// Index pages: home, the strategy contents, all domains, all initiatives, events and the glossary.
extension ViewModels {
  var domainsForLists: (main: [[String: Any]], foundation: [[String: Any]]) {
    (
      site.domains.filter { !$0.config.isFoundation }.map(domainSummary),
      site.domains.filter { $0.config.isFoundation }.map(domainSummary)
    )
  }

  func homeContext() -> [String: Any] {
    var ctx = base(
      title: site.config.title, url: urls.home, section: nil, description: site.config.description)
    let d = domainsForLists
    ctx["domains"] = d.main
    ctx["foundation"] = d.foundation
    let upcoming = site.upcomingEvents.prefix(3).map(card)
    ctx["upcoming"] = Array(upcoming)
    ctx["has_upcoming"] = !upcoming.isEmpty
    ctx["events_url"] = urls.index(.event)
    ctx["strategy"] = site.strategyRoots.map(card)
    return ctx
  }

  func strategyIndexContext() -> [String: Any] {
    var ctx = base(
      title: "千葉県DX推進戦略", url: urls.index(.strategy), section: urls.index(.strategy),
      description: nil)
    ctx["breadcrumbs"] = crumbs([("戦略", urls.index(.strategy))])
    ctx["chapters"] = site.strategyRoots.map { i -> [String: Any] in
      var c = card(i)
      let children = (site.strategyChildren[site.pages[i].slug] ?? []).map(card)
      c["children"] = children
      c["has_children"] = !children.isEmpty
      return c
    }
    return ctx
  }

  func domainsIndexContext() -> [String: Any] {
    var ctx = base(
      title: "分野から探す", url: urls.index(.field), section: urls.index(.field), description: nil)
    ctx["breadcrumbs"] = crumbs([("分野", urls.index(.field))])
    let d = domainsForLists
    ctx["domains"] = d.main
    ctx["foundation"] = d.foundation
    return ctx
  }

  func initiativesIndexContext() -> [String: Any] {
    var ctx = base(
      title: "取組の一覧", url: urls.index(.initiative), section: urls.index(.initiative),
      description: nil)
    ctx["breadcrumbs"] = crumbs([("取組", urls.index(.initiative))])
    ctx["domains"] = site.domains.map { d -> [String: Any] in
      [
        "id": d.config.id, "name": d.config.name, "url": d.url,
        "fields": d.fields.map { f in
          [
            "id": f.config.id, "name": f.config.name, "url": f.url,
            "initiatives": f.initiatives.map(card),
          ] as [String: Any]
        },
      ]
    }
    ctx["count"] = site.initiatives.count
    return ctx
  }

  func eventsIndexContext() -> [String: Any] {
    var ctx = base(
      title: "イベント", url: urls.index(.event), section: urls.index(.event), description: nil)
    ctx["breadcrumbs"] = crumbs([("イベント", urls.index(.event))])
    ctx["upcoming"] = site.upcomingEvents.map(card)
    ctx["has_upcoming"] = !site.upcomingEvents.isEmpty
    ctx["past"] = site.pastEvents.map(card)
    ctx["has_past"] = !site.pastEvents.isEmpty
    ctx["feed_url"] = urls.eventsFeed
    ctx["calendar_url"] = urls.eventsCalendar
    return ctx
  }

  func glossaryIndexContext() -> [String: Any] {
    var ctx = base(
      title: "用語集", url: urls.index(.glossary), section: urls.index(.glossary), description: nil)
    ctx["breadcrumbs"] = crumbs([("用語集", urls.index(.glossary))])
    ctx["groups"] = site.glossary.enumerated().map { n, g -> [String: Any] in
      ["row": g.row, "anchor": "row-\(n + 1)", "entries": g.entries.map(card)]
    }
    return ctx
  }

  func searchContext() -> [String: Any] {
    var ctx = base(title: "サイト内検索", url: urls.search, section: urls.search, description: nil)
    ctx["breadcrumbs"] = crumbs([("検索", urls.search)])
    return ctx
  }

  func notFoundContext() -> [String: Any] {
    var ctx = base(title: "ページが見つかりません", url: urls.url("404.html"), section: nil, description: nil)
    ctx["domains"] = domainsForLists.main
    return ctx
  }
}
