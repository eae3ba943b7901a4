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

  func context(for i: Int) -> (template: String, context: TemplateContext) {
    let p = site.pages[i]
    var ctx = base(
      title: p.title, titleHTML: p.page.titleHTML, url: p.url, section: nil,
      description: p.page.summary)
    ctx.set(body(p))
    switch p.page.meta {
    case .strategy(let m):
      var trail: [(String, String)] = [("戦略", urls.index(.strategy))]
      var parent = m.parent.flatMap { site.page(.strategy, $0.id) }
      var chain: [(String, String)] = []
      // The validator reports a loop of parents; this only must not follow one forever.
      var seen: Set<String> = [p.url]
      while let pp = parent, seen.insert(pp.url).inserted {
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
      ctx["children"] = .items(children)
      ctx["has_children"] = .bool(!children.isEmpty)
      let (previous, next) = site.strategyNeighbours(of: i)
      ctx["previous"] = previous.map { .dict(card($0)) } ?? .text("")
      ctx["next"] = next.map { .dict(card($0)) } ?? .text("")
      ctx["has_neighbours"] = .bool(previous != nil || next != nil)
      setSection(&ctx, urls.index(.strategy))
      return ("strategy", ctx)
    case .field:
      // A field vision is shown on its field page, rendered from the field's context.
      return ("field", ctx)
    case .initiative(let m):
      ctx["breadcrumbs"] = crumbs([("取組", urls.index(.initiative)), (p.title, p.url)])
      ctx["status"] = .text(m.status?.label ?? "")
      ctx["status_id"] = .text(m.status?.rawValue ?? "")
      ctx["department"] = .text(m.department ?? "")
      ctx["contact"] = departmentContact(m.department)
      if let s = m.started {
        ctx["started"] = .text(JapaneseDate.date(s))
        ctx["started_iso"] = .text(s.description)
      }
      ctx["fields"] = .items(
        m.fields.compactMap { ref in
          site.field(ref.id).map { f in
            [
              "name": .text(f.config.name), "url": .text(f.url),
              "domain": .text(site.domain(f.domainID)?.config.name ?? ""),
            ]
          }
        })
      ctx["links"] = .items(m.links.map { ["title": .text($0.title), "url": .text($0.url)] })
      ctx["has_links"] = .bool(!m.links.isEmpty)
      let events = initiativeEvents(p.slug)
      ctx["events"] = .items(events)
      ctx["has_events"] = .bool(!events.isEmpty)
      let related = (site.relatedInitiatives[p.slug] ?? []).map(card)
      ctx["related"] = .items(related)
      ctx["has_related"] = .bool(!related.isEmpty)
      setSection(&ctx, urls.index(.initiative))
      return ("initiative", ctx)
    case .event(let m):
      ctx["breadcrumbs"] = crumbs([("イベント", urls.index(.event)), (p.title, p.url)])
      Self.putDate(m, into: &ctx)
      // Its first day in the tab's and the history's title: a monthly 相談会 has one title
      // each time, and a resident with three of them open told them apart by nothing. Over
      // several days, "from": an exhibition's first day alone read as a day gone by.
      ctx["title_day"] = .text(
        JapaneseDate.day(m.firstDay) + (m.lastDay != m.firstDay ? "から" : ""))
      ctx["start_iso"] = .text(m.startISO)
      ctx["end_iso"] = .text(m.endISO ?? "")
      ctx["is_past"] = .bool(m.isPast(at: site.now))
      Self.putStatus(m, into: &ctx)
      // Neither over nor called off: the ways to join, apply and ask are shown.
      ctx["is_open"] = .bool(m.status == nil && !m.isPast(at: site.now))
      // When it ends and when registration closes, for a page read after them before the
      // site is built again: portal.js then says so on the reader's clock.
      ctx["ends_iso"] = .text(m.endsAt.description)
      // When it begins, for portal.js to say 開催中 during it on the reader's clock.
      ctx["starts_iso"] = .text(m.ongoingFrom?.description ?? "")
      ctx["hours"] = .text(m.hours ?? "")
      ctx["closes_iso"] = .text(m.registrationCloses?.description ?? "")
      let attendance = m.attendance
      ctx["mode"] = .text(eventMode(m, attendance))
      ctx["place"] = .text(m.place ?? "")
      ctx["place_is_online"] = .bool(attendance.placeIsOnline)
      ctx["place_html"] = .text(m.place.map { Furigana.html($0, p.page.furigana.place) } ?? "")
      ctx["online"] = .text(m.online ?? "")
      ctx["registration"] = .text(m.registration ?? "")
      ctx["needs_application"] = .bool(m.needsApplication)
      ctx["application"] = .text(m.application ?? "")
      ctx["phone"] = .text(m.phone ?? "")
      ctx["phone_url"] = .text(m.phoneURL ?? "")
      ctx["fax"] = .text(m.fax ?? "")
      ctx["ask_operator"] = .bool(offersOperatorLine(m))
      ctx["contact"] = Self.contactContext(site.config.contactWays, who: operatorName)
      ctx["access"] = .text(m.access ?? "")
      ctx["deadline"] = .text(m.deadline.map(JapaneseDate.dateTime) ?? "")
      ctx["registration_closed"] = .bool(m.registrationClosed(at: site.now))
      ctx["capacity"] = .text(m.capacity.map { "\($0)人" } ?? "")
      ctx["fee"] = .text(m.fee ?? "")
      ctx["audience"] = .text(m.audience ?? "")
      ctx["accessibility"] = .texts(m.accessibility)
      ctx["has_accessibility"] = .bool(!m.accessibility.isEmpty)
      ctx["calendar_url"] = .text(urls.eventCalendar(p.slug))
      let initiatives = m.initiatives.compactMap { site.index(of: .initiative, slug: $0.id) }.map(
        card)
      ctx["initiatives"] = .items(initiatives)
      ctx["has_initiatives"] = .bool(!initiatives.isEmpty)
      ctx["json_ld"] = .text(
        Feeds.eventJSONLD(
          p, m, attendance: attendance,
          organizer: site.config.siteOperator.map { ($0, absolute(urls.home)) },
          absolute: absolute))
      setSection(&ctx, urls.index(.event))
      return ("event", ctx)
    case .glossary(let m):
      ctx["breadcrumbs"] = crumbs([("用語集", urls.index(.glossary)), (p.title, p.url)])
      ctx["term"] = .text(m.term)
      ctx["reading"] = .text(GlossaryReading.shown(m.reading, for: m.term) ?? "")
      ctx["short"] = .text(m.short)
      ctx["aliases"] = .texts(m.aliases)
      ctx["aliases_text"] = .text(m.aliases.joined(separator: "、"))
      ctx["has_aliases"] = .bool(!m.aliases.isEmpty)
      ctx["english"] = .text(m.english ?? "")
      let related = m.related.compactMap { site.index(of: .glossary, slug: $0.id) }.map(card)
      ctx["related"] = .items(related)
      ctx["has_related"] = .bool(!related.isEmpty)
      // A common term is used on thousands of pages: list the first ones and let search find
      // the rest, so the entry stays light on a phone.
      let users = site.termUsers[p.slug] ?? []
      ctx["used_on"] = .items(users.prefix(Self.termUsersShown).map(card))
      ctx["has_used_on"] = .bool(!users.isEmpty)
      let more = users.count - Self.termUsersShown
      ctx["used_on_more"] = .text(more > 0 ? String(more) : "")
      ctx["used_on_search"] = .text(urls.search + "?q=" + Self.queryValue(m.term))
      setSection(&ctx, urls.index(.glossary))
      return ("glossary-entry", ctx)
    case .about:
      // In no section of the menu: the footer leads here, from every page. The trail leads
      // to the list of them all (/about/), which exists since this page does.
      let list = urls.index(.about)
      ctx["breadcrumbs"] = crumbs([(ContentKind.about.label, list), (p.title, p.url)])
      return ("about", ctx)
    }
  }

  /// An initiative's events as its page lists them: the upcoming ones first, soonest first,
  /// then those over by the build clock, latest first, each saying so (`is_past`): without
  /// JavaScript last September's workshop came first, with no word that it was over.
  func initiativeEvents(_ slug: String) -> [TemplateContext] {
    // One pass, each event asked once whether it is over: filtering twice and asking again
    // per card read every event's metadata three times.
    var upcoming: [TemplateContext] = []
    var past: [TemplateContext] = []
    for i in site.eventsByInitiative[slug] ?? [] {
      let over = isPast(i)
      var c = card(i)
      c["is_past"] = .bool(over)
      if over { past.append(c) } else { upcoming.append(c) }
    }
    return upcoming + past.reversed()
  }

  /// Whether page `i` is an event over by the build clock.
  func isPast(_ i: Int) -> Bool {
    guard case .event(let m) = site.pages[i].page.meta else { return false }
    return m.isPast(at: site.now)
  }

  /// A field page: its vision (from `content/fields/<id>.md`, if written) and its initiatives.
  func fieldContext(_ field: FieldNode) -> TemplateContext {
    let domain = site.domain(field.domainID)
    var ctx = base(title: field.config.name, url: field.url, section: nil, description: nil)
    if let v = field.vision {
      ctx.set(body(site.pages[v]))
      ctx["vision_title"] = .text(site.pages[v].title)
    }
    ctx["breadcrumbs"] = crumbs([
      ("分野", urls.index(.field)), (domain?.config.name ?? "", domain?.url ?? urls.index(.field)),
      (field.config.name, field.url),
    ])
    ctx["domain"] = [
      "name": .text(domain?.config.name ?? ""), "url": .text(domain?.url ?? ""),
      "goal": .text(domain?.config.goal ?? ""),
    ]
    ctx["initiatives"] = .items(field.initiatives.map(card))
    ctx["initiative_count"] = .number(field.initiatives.count)
    ctx["has_initiatives"] = .bool(!field.initiatives.isEmpty)
    let events = site.upcomingEvents(of: field)
    ctx["events"] = .items(events.prefix(Site.fieldEventsShown).map(card))
    ctx["has_events"] = .bool(!events.isEmpty)
    ctx["events_count"] = .number(events.count)
    ctx["events_more"] = .bool(events.count > Site.fieldEventsShown)
    ctx["events_url"] = .text(urls.index(.event))
    setSection(&ctx, urls.index(.field))
    return ctx
  }

  func domainSummary(_ d: DomainNode) -> TemplateContext {
    [
      "id": .text(d.config.id), "name": .text(d.config.name), "goal": .text(d.config.goal ?? ""),
      "summary": .text(d.config.summary ?? ""), "url": .text(d.url),
      "is_foundation": .bool(d.config.isFoundation),
      "fields": .items(
        d.fields.map { f in
          [
            "name": .text(f.config.name), "url": .text(f.url),
            "count": .number(f.initiatives.count),
            "summary": .text(f.vision.flatMap { site.pages[$0].page.summary } ?? ""),
            "summary_html": .text(f.vision.flatMap { site.pages[$0].page.summaryHTML } ?? ""),
          ]
        }),
    ]
  }

  func domainContext(_ d: DomainNode) -> TemplateContext {
    var ctx = base(title: d.config.name, url: d.url, section: nil, description: d.config.summary)
    ctx["breadcrumbs"] = crumbs([("分野", urls.index(.field)), (d.config.name, d.url)])
    ctx["domain"] = .dict(domainSummary(d))
    setSection(&ctx, urls.index(.field))
    return ctx
  }
}
