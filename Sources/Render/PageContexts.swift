import Content
import Foundation
import Site

/// The context of each content page, by kind: the page's own keys merged over the shared ones.
extension ViewModels {
  /// How many pages a glossary entry lists under 「このことばが出てくるページ」.
  static let termUsersShown = 20

  /// A query-string value: everything but unreserved characters percent-encoded, so a term
  /// such as `C&C` or `a+b` stays one value.
  static func queryValue(_ text: String) -> String {
    let allowed = CharacterSet(
      charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
    return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? ""
  }

  func context(for i: Int) -> (template: String, context: [String: Any]) {
    let p = site.pages[i]
    var ctx = base(title: p.title, url: p.url, section: nil, description: p.page.summary)
    ctx.merge(body(p)) { _, new in new }
    switch p.page.meta {
    case .strategy(let m):
      var trail: [(String, String)] = [("戦略", urls.index(.strategy))]
      var parent = m.parent.flatMap { site.page(.strategy, $0.id) }
      var chain: [(String, String)] = []
      while let pp = parent {
        chain.insert((pp.title, pp.url), at: 0)
        if case .strategy(let pm) = pp.page.meta {
          parent = pm.parent.flatMap { site.page(.strategy, $0.id) }
        } else {
          parent = nil
        }
      }
      trail += chain
      ctx["breadcrumbs"] = crumbs(trail + [(p.title, p.url)])
      let children = (site.strategyChildren[p.slug] ?? []).map(card)
      ctx["children"] = children
      ctx["has_children"] = !children.isEmpty
      setSection(&ctx, urls.index(.strategy))
      return ("strategy", ctx)
    case .field:
      // A field vision is shown on its field page, rendered from the field's context.
      return ("field", ctx)
    case .initiative(let m):
      ctx["breadcrumbs"] = crumbs([("取組", urls.index(.initiative)), (p.title, p.url)])
      ctx["status"] = m.status?.label ?? ""
      ctx["status_id"] = m.status?.rawValue ?? ""
      ctx["department"] = m.department ?? ""
      if let s = m.started {
        ctx["started"] = JapaneseDate.date(s)
        ctx["started_iso"] = s.description
      }
      ctx["fields"] = m.fields.compactMap { ref in
        site.field(ref.id).map { f in
          [
            "name": f.config.name, "url": f.url,
            "domain": site.domain(f.domainID)?.config.name ?? "",
          ] as [String: Any]
        }
      }
      ctx["links"] = m.links.map { ["title": $0.title, "url": $0.url] }
      ctx["has_links"] = !m.links.isEmpty
      let events = (site.eventsByInitiative[p.slug] ?? []).map(card)
      ctx["events"] = events
      ctx["has_events"] = !events.isEmpty
      let related = (site.relatedInitiatives[p.slug] ?? []).map(card)
      ctx["related"] = related
      ctx["has_related"] = !related.isEmpty
      setSection(&ctx, urls.index(.initiative))
      return ("initiative", ctx)
    case .event(let m):
      ctx["breadcrumbs"] = crumbs([("イベント", urls.index(.event)), (p.title, p.url)])
      ctx["date"] = JapaneseDate.range(m.start, m.end)
      ctx["start_iso"] = m.start.description
      ctx["end_iso"] = m.end?.description ?? ""
      ctx["is_past"] = (m.end ?? m.start) < site.now
      ctx["mode"] = eventMode(m)
      ctx["place"] = m.place ?? ""
      ctx["online"] = m.online ?? ""
      ctx["registration"] = m.registration ?? ""
      ctx["deadline"] = m.deadline.map(JapaneseDate.dateTime) ?? ""
      ctx["capacity"] = m.capacity.map { "\($0)人" } ?? ""
      ctx["fee"] = m.fee ?? ""
      ctx["audience"] = m.audience ?? ""
      ctx["accessibility"] = m.accessibility
      ctx["has_accessibility"] = !m.accessibility.isEmpty
      ctx["calendar_url"] = urls.eventCalendar(p.slug)
      let initiatives = m.initiatives.compactMap { site.index(of: .initiative, slug: $0.id) }.map(
        card)
      ctx["initiatives"] = initiatives
      ctx["has_initiatives"] = !initiatives.isEmpty
      ctx["json_ld"] = Feeds.eventJSONLD(p, m, absolute: absolute)
      setSection(&ctx, urls.index(.event))
      return ("event", ctx)
    case .glossary(let m):
      ctx["breadcrumbs"] = crumbs([("用語集", urls.index(.glossary)), (p.title, p.url)])
      ctx["term"] = m.term
      ctx["reading"] = m.reading
      ctx["short"] = m.short
      ctx["aliases"] = m.aliases
      ctx["has_aliases"] = !m.aliases.isEmpty
      ctx["english"] = m.english ?? ""
      let related = m.related.compactMap { site.index(of: .glossary, slug: $0.id) }.map(card)
      ctx["related"] = related
      ctx["has_related"] = !related.isEmpty
      // A common term is used on thousands of pages: list the first ones and let search find
      // the rest, so the entry stays light on a phone.
      let users = site.termUsers[p.slug] ?? []
      ctx["used_on"] = users.prefix(Self.termUsersShown).map(card)
      ctx["has_used_on"] = !users.isEmpty
      let more = users.count - Self.termUsersShown
      ctx["used_on_more"] = more > 0 ? String(more) : ""
      ctx["used_on_search"] = urls.search + "?q=" + Self.queryValue(m.term)
      setSection(&ctx, urls.index(.glossary))
      return ("glossary-entry", ctx)
    }
  }

  func setSection(_ ctx: inout [String: Any], _ section: String) {
    guard var s = ctx["site"] as? [String: Any], let nav = s["nav"] as? [[String: Any]] else {
      return
    }
    s["nav"] = nav.map { item in
      var item = item
      item["current"] = (item["url"] as? String) == section
      return item
    }
    ctx["site"] = s
  }

  /// A field page: its vision (from `content/fields/<id>.md`, if written) and its initiatives.
  func fieldContext(_ field: FieldNode) -> [String: Any] {
    let domain = site.domain(field.domainID)
    var ctx = base(title: field.config.name, url: field.url, section: nil, description: nil)
    if let v = field.vision {
      ctx.merge(body(site.pages[v])) { _, new in new }
      ctx["vision_title"] = site.pages[v].title
    }
    ctx["breadcrumbs"] = crumbs([
      ("分野", urls.index(.field)), (domain?.config.name ?? "", domain?.url ?? urls.index(.field)),
      (field.config.name, field.url),
    ])
    ctx["domain"] = [
      "name": domain?.config.name ?? "", "url": domain?.url ?? "",
      "goal": domain?.config.goal ?? "",
    ]
    ctx["initiatives"] = field.initiatives.map(card)
    ctx["initiative_count"] = field.initiatives.count
    ctx["has_initiatives"] = !field.initiatives.isEmpty
    setSection(&ctx, urls.index(.field))
    return ctx
  }

  func domainSummary(_ d: DomainNode) -> [String: Any] {
    [
      "id": d.config.id, "name": d.config.name, "goal": d.config.goal ?? "",
      "summary": d.config.summary ?? "", "url": d.url,
      "is_foundation": d.config.isFoundation,
      "fields": d.fields.map { f in
        [
          "name": f.config.name, "url": f.url, "count": f.initiatives.count,
          "summary": f.vision.flatMap { site.pages[$0].page.summary } ?? "",
        ] as [String: Any]
      },
    ]
  }

  func domainContext(_ d: DomainNode) -> [String: Any] {
    var ctx = base(title: d.config.name, url: d.url, section: nil, description: d.config.summary)
    ctx["breadcrumbs"] = crumbs([("分野", urls.index(.field)), (d.config.name, d.url)])
    ctx["domain"] = domainSummary(d)
    setSection(&ctx, urls.index(.field))
    return ctx
  }
}
