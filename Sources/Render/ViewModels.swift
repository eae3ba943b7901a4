import Content
import Markdown
import Mustache
import Site

/// An empty value in a template context. swift-mustache treats every String, even "", as true in
/// `{{#key}}…{{/key}}`; templates rely on "no value, no section" (`{{#department}}` shows the row
/// only when there is a department), so empty strings are replaced by this before rendering. It
/// prints nothing and, unlike a missing key, stops the lookup from falling through to an outer
/// context's key of the same name.
struct Blank: MustacheCustomRenderable {
  var renderText: String { "" }
  var isNull: Bool { true }
}

extension ViewModels {
  /// The context with every empty string (at any depth) replaced by `Blank`.
  static func blankingEmptyStrings(_ value: Any) -> Any {
    switch value {
    case let s as String: return s.isEmpty ? Blank() : s
    case let d as [String: Any]: return d.mapValues(blankingEmptyStrings)
    case let a as [Any]: return a.map(blankingEmptyStrings)
    default: return value
    }
  }
}

/// Builds the dictionaries templates see. Everything a template prints is prepared here, so
/// templates stay logic-less and every value is escaped by Mustache's `{{…}}`.
struct ViewModels {
  let site: Site
  let theme: Theme

  var urls: URLScheme { site.urls }

  func asset(_ name: String) -> String {
    theme.assetPaths[name].map { urls.url($0) } ?? urls.url("assets/\(name)")
  }

  /// Keys every page shares: site, navigation, assets.
  func base(title: String, url: String, section: String?, description: String?) -> [String: Any] {
    var assets: [String: Any] = [:]
    for name in theme.assetPaths.keys {
      let key = String(
        decoding: name.utf8.map { $0 == 0x2E || $0 == 0x2D ? 0x5F : $0 }, as: UTF8.self)
      assets[key] = asset(name)
    }
    let nav: [[String: Any]] = site.config.navigation.map { item in
      let u = item.url.hasPrefix("/") ? urls.url(String(item.url.dropFirst())) : item.url
      return ["title": item.title, "url": u, "current": section != nil && u == section!]
    }
    return [
      "site": [
        "title": site.config.title, "description": site.config.description ?? "",
        "vision": site.config.vision ?? "",
        "home_url": urls.home, "search_url": urls.search, "feed_url": urls.eventsFeed,
        "calendar_url": urls.eventsCalendar,
        "nav": nav, "language": site.config.language,
      ] as [String: Any],
      "assets": assets,
      "search": ["index_url": urls.searchIndex],
      "page": [
        "title": title, "url": url, "canonical": absolute(url),
        "description": description ?? site.config.description ?? "",
        "is_home": url == urls.home,
      ] as [String: Any],
    ]
  }

  func absolute(_ url: String) -> String {
    let base = site.config.baseURL
    let root =
      base.hasSuffix(site.config.basePath)
      ? String(base.dropLast(site.config.basePath.count)) : base
    return root + url
  }

  func crumbs(_ items: [(String, String)]) -> [[String: Any]] {
    let all = [("ホーム", urls.home)] + items
    return all.enumerated().map { n, item in
      ["title": item.0, "url": item.1, "last": n == all.count - 1]
    }
  }

  // MARK: summaries of pages used in lists

  func card(_ i: Int) -> [String: Any] {
    // Fields are read in place: a copy of the whole resolved page (body, headings, links…)
    // for each of the 10,000 cards of a big list retained every one of them.
    let page = site.pages[i].page
    var m: [String: Any] = [
      "title": page.title, "url": site.pages[i].url, "summary": page.summary ?? "",
      "kind_label": page.kind.label,
    ]
    switch page.meta {
    case .initiative(let meta):
      m["status"] = meta.status?.label ?? ""
      m["status_id"] = meta.status?.rawValue ?? ""
      m["fields"] = meta.fields.compactMap { ref in
        site.field(ref.id).map { ["name": $0.config.name, "url": $0.url] }
      }
    case .event(let meta):
      m["date"] = JapaneseDate.range(meta.start, meta.end)
      m["datetime"] = meta.start.description
      m["mode"] = eventMode(meta)
    case .glossary(let meta):
      m["reading"] = meta.reading
      m["aliases"] = meta.aliases.joined(separator: "、")
    default: break
    }
    return m
  }

  func eventMode(_ m: EventMeta) -> String {
    switch (m.place != nil, m.online != nil) {
    case (true, true): "会場とオンライン"
    case (false, true): "オンライン"
    default: "会場"
    }
  }

  func toc(_ headings: [Heading]) -> [[String: Any]] {
    headings.filter { $0.level == 2 || $0.level == 3 }.map {
      ["id": $0.id, "text": $0.text, "level": $0.level, "sub": $0.level == 3]
    }
  }

  /// The definitions of the glossary terms linked from the body; the link's
  /// `aria-describedby="term-<slug>"` points here, so screen readers hear the meaning too.
  func terms(_ slugs: [String]) -> [[String: Any]] {
    slugs.compactMap { slug in
      guard let i = site.index(of: .glossary, slug: slug),
        case .glossary(let m) = site.pages[i].page.meta
      else { return nil }
      return ["slug": slug, "term": m.term, "short": m.short, "url": site.pages[i].url]
    }
  }

  /// Keys for a content page's own body.
  func body(_ p: ResolvedPage) -> [String: Any] {
    let t = toc(p.headings)
    let terms = terms(p.glossaryTerms)
    var m: [String: Any] = [
      "body": p.bodyHTML, "toc": t, "has_toc": t.count >= 2, "terms": terms,
      "has_terms": !terms.isEmpty,
      "summary": p.page.summary ?? "", "kind_label": p.kind.label,
    ]
    if let u = p.page.updated {
      m["updated"] = JapaneseDate.date(u)
      m["updated_iso"] = u.description
    }
    if !p.page.tags.isEmpty { m["tags"] = p.page.tags }
    return m
  }
}
