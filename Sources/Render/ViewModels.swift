import Content
import Foundation
import Markdown
import Site

/// Builds the dictionaries templates see. Everything a template prints is prepared here, so
/// templates stay logic-less and every value is escaped by Mustache's `{{…}}`.
struct ViewModels {
  let site: Site
  let theme: Theme
  /// Values made once per build. Kept in one object: with two more dictionaries stored in the
  /// struct itself, the debug build of the tests crashed releasing a `RenderPlan` captured by a
  /// method reference (`compactMap(vevent)`), which looks like a compiler bug in that layout.
  private let made: Made

  private final class Made: Sendable {
    /// The `site`, `assets` and `search` keys every page shares: `site` for each section the
    /// navigation can mark as current (nil: none).
    let shared: [String?: TemplateContext]
    /// The same for a section's own page (/events/ itself): its link there is the page
    /// (`aria-current="page"`), not the section of a page inside it (`"true"`).
    let sharedHere: [String: TemplateContext]
    /// Each field's name and URL as a card shows them, by field id: a list of 7,000 initiative
    /// cards looked each field up through every domain, copying its node.
    let fieldLinks: [String: TemplateValue]
    /// The host of the base URL, for calendar events' UIDs: parsed once, not per event.
    let calendarHost: String
    /// The base URL without its path, which every site URL starts with (`absolute`).
    let root: String
    /// Each page's card, made once for every page that shows it (`ContextMemo`).
    let cards: ContextMemo
    /// Each glossary entry's definition (`terms`) under the slug it is found by, with that
    /// slug's own spelling: made with the plan (a few hundred small dictionaries), so a page's
    /// terms are one hash each, not a page lookup by kind and slug and a lock.
    let terms: [String: (slug: String, term: TemplateContext)]

    init(
      shared: [String?: TemplateContext], sharedHere: [String: TemplateContext],
      fieldLinks: [String: TemplateValue], calendarHost: String, root: String, pages: Int,
      terms: [String: (slug: String, term: TemplateContext)]
    ) {
      self.shared = shared
      self.sharedHere = sharedHere
      self.fieldLinks = fieldLinks
      self.calendarHost = calendarHost
      self.root = root
      cards = ContextMemo(count: pages)
      self.terms = terms
    }
  }

  init(site: Site, theme: Theme) {
    self.site = site
    self.theme = theme
    let urls = site.urls
    var assets: TemplateContext = [:]
    for (name, path) in theme.assetPaths {
      assets[Theme.assetKey(name)] = .text(urls.url(path))
    }
    let links = site.config.navigation.map { item in
      (
        title: item.title,
        url: item.url.hasPrefix("/") ? urls.url(String(item.url.dropFirst())) : item.url
      )
    }
    let contact = site.config.contact.map {
      $0.hasPrefix("/") ? urls.url(String($0.dropFirst())) : $0
    }
    // Printed beside the link: on paper a path is no address to type.
    let contactAddress = site.config.contact.map {
      $0.hasPrefix("/") ? site.config.baseURL + $0.dropFirst() : $0
    }
    let footerPages: [TemplateContext] = site.footerPages.map {
      ["title": .text(site.pages[$0].title), "url": .text(site.pages[$0].url)]
    }
    var params = TemplateContext(minimumCapacity: site.config.params.count)
    for p in site.config.params {
      switch p.value {
      case .text(let text): params[p.key] = .text(text)
      case .flag(let flag): params[p.key] = .bool(flag)
      case .list(let texts): params[p.key] = .texts(texts)
      }
    }
    // The base URL without its path: a site path (`/dx/events/feed.xml`) made whole.
    let base = site.config.baseURL
    let root =
      base.hasSuffix(site.config.basePath)
      ? String(base.dropLast(site.config.basePath.count)) : base
    var shared: [String?: TemplateContext] = [:]
    var sharedHere: [String: TemplateContext] = [:]
    for (section, here) in [(nil, false)] + links.flatMap({ [($0.url, false), ($0.url, true)] }) {
      let nav: [TemplateContext] = links.map {
        [
          "title": .text($0.title), "url": .text($0.url), "current": .bool($0.url == section),
          "here": .bool(here && $0.url == section), "is_search": .bool($0.url == urls.search),
        ]
      }
      let context: TemplateContext = [
        "site": [
          "title": .text(site.config.title), "description": .text(site.config.description ?? ""),
          "vision": .text(site.config.vision ?? ""),
          "home_url": .text(urls.home), "search_url": .text(urls.search),
          "feed_url": .text(urls.eventsFeed), "calendar_url": .text(urls.eventsCalendar),
          "updates_url": .text(urls.updates), "updates_feed_url": .text(urls.updatesFeed),
          // Whole addresses, to copy into a feed reader (a link to the feed shows raw XML).
          "feed_address": .text(root + urls.eventsFeed),
          "updates_feed_address": .text(root + urls.updatesFeed),
          "nav": .items(nav), "language": .text(site.config.language),
          "operator": .text(site.config.siteOperator ?? ""), "contact_url": .text(contact ?? ""),
          "contact_address": .text(contactAddress ?? ""),
          "contact": Self.contactContext(
            site.config.contactWays, who: site.config.siteOperator ?? site.config.title),
          "locale": .text(Self.locale(of: site.config.language)),
          "noindex": .bool(site.config.isPreview),
          "footer_pages": .items(footerPages), "has_footer_pages": .bool(!footerPages.isEmpty),
          // /tags/, made while any page has a tag.
          "tags_url": .text(site.tags.isEmpty ? "" : urls.tags),
          "params": .dict(params),
        ],
        "assets": .dict(assets),
        "search": ["index_url": .text(urls.searchIndex)],
      ]
      if let section, here { sharedHere[section] = context } else { shared[section] = context }
    }
    var fieldLinks: [String: TemplateValue] = [:]
    for d in site.domains {
      for f in d.fields where fieldLinks[f.config.id] == nil {
        fieldLinks[f.config.id] = ["name": .text(f.config.name), "url": .text(f.url)]
      }
    }
    made = Made(
      shared: shared, sharedHere: sharedHere, fieldLinks: fieldLinks,
      calendarHost: URL(string: base)?.host ?? "portal", root: root, pages: site.pages.count,
      terms: Self.termDefinitions(site))
  }

  /// Every glossary entry's definition, under the slug `Site.index(of:slug:)` finds it by.
  private static func termDefinitions(_ site: Site) -> [String: (
    slug: String, term: TemplateContext
  )] {
    var terms: [String: (slug: String, term: TemplateContext)] = [:]
    // `Site.glossary` lists every entry: reading each of 10,000 pages' kind took longer.
    for group in site.glossary {
      for i in group.entries {
        let slug = site.pages[i].slug
        guard site.index(of: .glossary, slug: slug) == i else { continue }
        if let term = termDefinition(site, i, slug: slug) { terms[slug] = (slug, term) }
      }
    }
    return terms
  }

  /// Entry `i`'s definition with `slug` as asked; nil for a page that is no glossary entry.
  private static func termDefinition(_ site: Site, _ i: Int, slug: String) -> TemplateContext? {
    guard case .glossary(let m) = site.pages[i].page.meta else { return nil }
    return [
      "slug": .text(slug), "term": .text(m.term), "short": .text(m.short),
      "url": .text(site.pages[i].url),
    ]
  }

  var urls: URLScheme { site.urls }
  /// How many cards and term definitions the plan keeps so far (for the tests).
  var keptCards: Int { made.cards.keptCount }
  var keptTerms: Int { made.terms.count }
  var calendarHost: String { made.calendarHost }

  /// Keys every page shares: site, navigation, assets, and the page's own title and address.
  /// - Parameters:
  ///   - titleHTML: the title as its heading shows it (`page.title_html`), with furigana;
  ///     without it, the title escaped.
  ///   - canonical: the page's address for search engines, when not its own.
  func base(
    title: String, titleHTML: String? = nil, url: String, section: String?,
    description: String?, canonical: String? = nil
  ) -> TemplateContext {
    var ctx =
      section.flatMap { url == $0 ? made.sharedHere[$0] : nil } ?? made.shared[section]
      ?? made.shared[nil]!
    ctx["page"] = [
      "title": .text(title), "title_html": .text(titleHTML ?? escapeHTML(title)),
      "url": .text(url), "canonical": .text(absolute(canonical ?? url)),
      "description": .text(description ?? site.config.description ?? ""),
      "is_home": .bool(url == urls.home), "is_search": .bool(url == urls.search),
      // Pages with a search box of their own: the header's would be a second one.
      "has_search_box": .bool(
        url == urls.home || url == urls.search || url == urls.url("404.html")),
    ]
    return ctx
  }

  /// Marks `section` as the current one in the navigation.
  func setSection(_ ctx: inout TemplateContext, _ section: String) {
    ctx["site"] = (made.shared[section] ?? made.shared[nil]!)["site"]
  }

  func absolute(_ url: String) -> String { made.root + url }

  /// The language as Open Graph writes it (`og:locale`: language_TERRITORY), for the card a
  /// page shows when shared on LINE, X or Facebook.
  static func locale(of language: String) -> String {
    if language.contains("-") { return language.replacingOccurrences(of: "-", with: "_") }
    let territories = ["ja": "JP", "en": "US", "ko": "KR", "zh": "CN"]
    return territories[language].map { "\(language)_\($0)" } ?? language
  }

  func crumbs(_ items: [(String, String)]) -> TemplateValue {
    let all = [("ホーム", urls.home)] + items
    return .items(
      all.enumerated().map { n, item in
        ["title": .text(item.0), "url": .text(item.1), "last": .bool(n == all.count - 1)]
      })
  }

  // MARK: summaries of pages used in lists

  /// The card of page `i`, as every list shows it: made once per plan (`ContextMemo`).
  func card(_ i: Int) -> TemplateContext {
    made.cards.value(i) {
      var card = makeCard(i)
      FuriganaShown.remember(&card)
      return card
    }
  }

  private func makeCard(_ i: Int) -> TemplateContext {
    // Fields are read in place: a copy of the whole resolved page (body, headings, links…)
    // for each of the 10,000 cards of a big list retained every one of them.
    let page = site.pages[i].page
    // Room for every key a card can have: growing the table twice per card showed in lists of
    // thousands.
    var m = TemplateContext(minimumCapacity: 17)
    m["title"] = .text(page.title)
    // What a card shows: the title and summary with their furigana, escaped here.
    m["title_html"] = .text(page.titleHTML)
    m["url"] = .text(site.pages[i].url)
    m["summary"] = .text(page.summary ?? "")
    m["summary_html"] = .text(page.summaryHTML ?? "")
    m["kind_label"] = .text(page.kind.label)
    switch page.meta {
    case .initiative(let meta):
      m["status"] = .text(meta.status?.label ?? "")
      m["status_id"] = .text(meta.status?.rawValue ?? "")
      // Lists mark what is not under way: 実施中 on nearly every card said nothing.
      m["status_note"] = .text(meta.status == .active ? "" : meta.status?.label ?? "")
      m["department"] = .text(meta.department ?? "")
      m["fields"] = .list(meta.fields.compactMap { made.fieldLinks[$0.id] })
    case .event(let meta):
      Self.putDate(meta, into: &m)
      m["datetime"] = .text(meta.startISO)
      // Read from the place once for the card's three values.
      let attendance = meta.attendance
      m["mode"] = .text(eventMode(meta, attendance))
      m["where"] = .text(eventPlace(meta, attendance))
      m["where_html"] = .text(
        eventPlace(
          meta, attendance, place: meta.place.map { Furigana.html($0, page.furigana.place) }))
      m["registration_note"] = .text(registrationNote(meta))
      Self.putStatus(meta, into: &m)
      // As on the event's page, for portal.js on a list read after them.
      m["ends_iso"] = .text(meta.status == nil ? meta.endsAt.description : "")
      m["starts_iso"] = .text(meta.ongoingFrom?.description ?? "")
      m["hours"] = .text(meta.hours ?? "")
      m["closes_iso"] = .text(meta.registrationCloses?.description ?? "")
    case .glossary(let meta):
      // A reading helps with kanji, and with Latin letters (SNS sits under え in 五十音 order,
      // and えすえぬえす says why); after インフラ it only says the same again.
      if let reading = GlossaryReading.shown(meta.reading, for: meta.term) {
        m["reading"] = .text(reading)
      }
      m["aliases"] = .text(meta.aliases.joined(separator: "、"))
    default: break
    }
    return m
  }

  /// An event's days and times as text (`date`) and as `<time>` elements print them
  /// (`date_parts`): the start, and the end when there is one, each with its own `datetime`,
  /// so the markup says when the event ends as well as when it starts. Both from one cut of the
  /// range, so their texts are the same.
  static func putDate(_ m: EventMeta, into ctx: inout TemplateContext) {
    let parts = JapaneseDate.rangeParts(m.start, m.end)
    ctx["date"] = .text(JapaneseDate.text(parts))
    ctx["date_parts"] = .items(
      parts.map { ["iso": .text($0.iso), "label": .text($0.label), "after": .text($0.after)] })
  }

  /// An event called off or moved: its label (中止) and the sentence saying so, for cards
  /// and its page; empty otherwise, so `{{#status}}` shows them only then.
  static func putStatus(_ m: EventMeta, into ctx: inout TemplateContext) {
    ctx["status"] = .text(m.status?.label ?? "")
    ctx["status_id"] = .text(m.status?.rawValue ?? "")
    ctx["status_notice"] = .text(m.status.map(statusNotice) ?? "")
  }

  /// What the event's page and cards say, in place of 「終わりました」 and the ways to apply.
  static func statusNotice(_ status: EventStatus) -> String {
    switch status {
    case .cancelled: "このイベントは中止になりました。"
    case .postponed: "このイベントは延期になりました。新しい日時は、決まりしだいお知らせします。"
    }
  }

  /// Whether residents can still register, for a list of events: empty when registration is
  /// not needed.
  func registrationNote(_ m: EventMeta) -> String {
    guard m.needsApplication else { return "" }
    if m.registrationClosed(at: site.now) { return "受付は終わりました" }
    return m.deadline.map { "締め切り \(JapaneseDate.dateTime($0))" } ?? "必要です"
  }

  /// - Parameter attendance: `m.attendance`, read once by the caller.
  func eventMode(_ m: EventMeta, _ attendance: EventAttendance) -> String {
    switch (attendance.atVenue, attendance.online) {
    case (true, true): "会場かオンラインで参加"
    case (false, true): "オンラインで参加"
    case (true, false): "会場で参加"
    // Neither given (the parser warns): not 「会場」 without saying which; "still to be
    // decided" only while it can be.
    case (false, false): isSettled(m) ? "場所は書いてありません" : "場所は未定"
    }
  }

  /// Whether nothing more is to come about the event: it is over, or called off.
  func isSettled(_ m: EventMeta) -> Bool {
    m.status != nil || m.isPast(at: site.now)
  }

  /// Where an event is, for a list: the place itself, not only 「会場」, so a resident sees at a
  /// glance whether it is near.
  /// - Parameter place: the place as to print it (its HTML, for `where_html`; the words around
  ///   it have nothing to escape); `m.place` by default.
  func eventPlace(_ m: EventMeta, _ attendance: EventAttendance, place: String?? = nil) -> String {
    // A place that says how to join online (オンライン（Zoom）) is printed as it is, not as a
    // 会場.
    if attendance.placeIsOnline, let place = place ?? m.place { return place }
    // A place that says so already (（オンラインでも参加できます）) is not told it twice.
    return switch (place ?? m.place, m.online != nil && !attendance.placeSaysOnline) {
    case (let place?, true): "会場：\(place)（オンラインでも参加できます）"
    case (let place?, false): "会場：\(place)"
    case (nil, true): "オンライン"
    case (nil, false): isSettled(m) ? "場所は書いてありません" : "場所は決まりしだいお知らせします"
    }
  }

  func toc(_ headings: [Heading]) -> [TemplateContext] {
    headings.filter { $0.level == 2 || $0.level == 3 }.map {
      [
        "id": .text($0.id), "text": .text($0.text), "level": .number($0.level),
        "sub": .bool($0.level == 3),
      ]
    }
  }

  /// The definitions of the glossary terms linked from the body; the link's
  /// `aria-describedby="term-<slug>"` points here, so screen readers hear the meaning too.
  func terms(_ slugs: [String]) -> [TemplateContext] {
    slugs.compactMap { slug in
      guard let kept = made.terms[slug] else { return nil }
      // Used where the slug asked is the kept one byte for byte (a slug equal only as
      // Unicode, written another way, prints as it was asked).
      if kept.slug.utf8.elementsEqual(slug.utf8) { return kept.term }
      return site.index(of: .glossary, slug: slug).flatMap {
        Self.termDefinition(site, $0, slug: slug)
      }
    }
  }

  /// Keys for a content page's own body.
  func body(_ p: ResolvedPage) -> TemplateContext {
    let t = toc(p.headings)
    let terms = terms(p.glossaryTerms)
    var m: TemplateContext = [
      "body": .text(p.bodyHTML), "toc": .items(t), "has_toc": .bool(t.count >= 2),
      "terms": .items(terms), "has_terms": .bool(!terms.isEmpty),
      "summary": .text(p.page.summary ?? ""), "summary_html": .text(p.page.summaryHTML ?? ""),
      "kind_label": .text(p.kind.label),
    ]
    addUpdated(p.page, to: &m)
    m["tags"] = .items(tagLinks(p.page))
    m["has_tags"] = .bool(!p.page.tags.isEmpty)
    return m
  }

  /// `updated` (written out) and `updated_iso`, when the page has a date: on its own page and
  /// on its card in 更新情報.
  func addUpdated(_ page: Page, to m: inout TemplateContext) {
    guard let u = page.updated else { return }
    m["updated"] = .text(JapaneseDate.date(u))
    m["updated_iso"] = .text(u.description)
  }
}
