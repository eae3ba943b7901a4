/// Every key the view models give templates (`ViewModels`, `PageContexts`, `ListContexts`,
/// and `has_breadcrumbs` from `Theme`), at any depth: what `TemplateCheck` knows a name by.
/// A test renders a site with every kind of page and walks every context, so a key added to a
/// view model without being added here fails it.
enum TemplateVocabulary {
  static let names: Set<String> = [
    // Every page: the site, the assets, search, the page itself, its trail.
    "site", "title", "description", "vision", "language", "locale", "noindex", "home_url",
    "search_url", "feed_url", "calendar_url", "updates_url", "updates_feed_url", "feed_address",
    "updates_feed_address", "nav", "current", "here",
    "is_search", "operator", "contact_url", "contact_address", "footer_pages", "has_footer_pages",
    "url", "assets", "contact", "who", "email", "email_url", "hours", "has_ways", "ask_operator",
    "search", "index_url", "page", "canonical", "is_home", "has_search_box", "has_furigana",
    "breadcrumbs", "last",
    "has_breadcrumbs", "params", "tags_url",
    // Content pages: the body and what is made from it.
    "body", "summary", "kind_label", "toc", "id", "text", "level", "sub", "has_toc", "terms",
    "slug", "term", "short", "has_terms", "updated", "updated_iso", "tags", "has_tags",
    // Cards.
    "status", "status_id", "status_note", "fields", "name", "date", "datetime", "mode", "where",
    // An event's `date` cut for `<time>` elements: each piece's datetime, text and the words
    // after it.
    "date_parts", "iso", "label", "after",
    "registration_note", "reading", "aliases", "change_label",
    // Strategy pages.
    "children", "has_children", "previous", "next", "has_neighbours",
    // Initiatives.
    "department", "started", "started_iso", "domain", "links", "has_links", "events", "has_events",
    "related", "has_related",
    // Events.
    "start_iso", "end_iso", "ends_iso", "starts_iso", "closes_iso", "is_past", "is_open",
    "title_day",
    "status_notice", "place", "place_is_online", "online",
    "registration",
    "needs_application",
    "application", "phone", "phone_url", "fax", "access", "deadline", "registration_closed",
    "capacity", "fee", "audience", "accessibility", "has_accessibility", "initiatives",
    "has_initiatives", "json_ld",
    // Glossary entries.
    "aliases_text", "has_aliases", "english", "used_on", "has_used_on", "used_on_more",
    "used_on_search",
    // Fields and domains.
    "vision_title", "goal", "initiative_count", "is_foundation", "count", "events_count",
    "events_more",
    // Lists: home, strategy contents, initiatives, events, the glossary, updates, about, tags.
    "domains", "foundation", "upcoming", "has_upcoming", "events_url", "strategy", "updates",
    "has_updates", "chapters", "total", "has_more", "limited", "per_field", "past", "has_past",
    "past_total", "past_limited", "past_listed", "years", "year", "groups", "row", "anchor",
    "entries", "pages", "upcoming_months", "month", "months",
    // A page's earlier address.
    "redirect",
    // Front matter texts with their furigana, as HTML.
    "title_html", "summary_html", "place_html", "where_html",
  ]

  /// The names at the top of every page's context, whatever its template.
  static let everyPage: Set<String> = ["assets", "has_breadcrumbs", "page", "search", "site"]

  /// The names at the top of each page template's context besides `everyPage`: a name of
  /// another kind's pages (`{{department}}` in event.mustache, an initiative's) prints nothing
  /// there, and `names` alone let it pass. A test renders every template and holds this to
  /// the contexts, both ways (`updated` is there only when a page has the date).
  static let pageKeys: [String: Set<String>] = [
    "404": ["domains", "foundation", "has_tags", "tags"],
    "about": [
      "updated", "updated_iso",
      "body", "breadcrumbs", "has_tags", "has_terms", "has_toc", "kind_label", "summary",
      "summary_html", "tags", "terms", "toc",
    ],
    "about-index": ["breadcrumbs", "pages"],
    "domain": ["breadcrumbs", "domain"],
    "domains": ["breadcrumbs", "domains", "foundation"],
    "event": [
      "updated", "updated_iso",
      "access", "accessibility", "application", "ask_operator", "audience", "body", "breadcrumbs",
      "calendar_url", "capacity", "closes_iso", "contact", "date", "date_parts", "deadline",
      "end_iso", "ends_iso", "fax", "fee", "has_accessibility", "has_initiatives", "has_tags",
      "has_terms", "has_toc", "hours", "initiatives", "is_open", "is_past", "json_ld",
      "kind_label", "mode", "needs_application", "online", "phone", "phone_url", "place",
      "place_html", "place_is_online", "registration", "registration_closed", "start_iso",
      "starts_iso", "status",
      "status_id", "status_notice", "summary", "summary_html", "tags", "terms", "title_day",
      "toc",
    ],
    "events": [
      "breadcrumbs", "calendar_url", "feed_url", "has_past", "has_upcoming", "past",
      "past_limited", "past_listed", "past_total", "upcoming", "upcoming_months", "years",
    ],
    "events-year": ["breadcrumbs", "count", "events", "events_url", "months", "year", "years"],
    "field": [
      "updated", "updated_iso",
      "body", "breadcrumbs", "domain", "events", "events_count", "events_more", "events_url",
      "has_events", "has_initiatives", "has_tags", "has_terms", "has_toc", "initiative_count",
      "initiatives", "kind_label", "summary", "summary_html", "tags", "terms", "toc",
      "vision_title",
    ],
    "glossary": ["breadcrumbs", "groups"],
    "glossary-entry": [
      "updated", "updated_iso",
      "aliases", "aliases_text", "body", "breadcrumbs", "english", "has_aliases", "has_related",
      "has_tags", "has_terms", "has_toc", "has_used_on", "kind_label", "reading", "related",
      "short", "summary", "summary_html", "tags", "term", "terms", "toc", "used_on",
      "used_on_more", "used_on_search",
    ],
    "home": [
      "domains", "events_url", "foundation", "has_upcoming", "has_updates", "strategy", "upcoming",
      "updates",
    ],
    "initiative": [
      "body", "breadcrumbs", "contact", "department", "events", "fields", "has_events",
      "has_links", "has_related", "has_tags", "has_terms", "has_toc", "kind_label", "links",
      "related", "started", "started_iso", "status", "status_id", "summary", "summary_html",
      "tags", "terms", "toc", "updated", "updated_iso",
    ],
    "initiatives": ["breadcrumbs", "count", "domains", "limited", "per_field"],
    "redirect": ["redirect"],
    "search": ["breadcrumbs"],
    "strategy": [
      "updated", "updated_iso",
      "body", "breadcrumbs", "children", "has_children", "has_neighbours", "has_tags", "has_terms",
      "has_toc", "kind_label", "next", "previous", "summary", "summary_html", "tags", "terms",
      "toc",
    ],
    "strategy-index": ["breadcrumbs", "chapters"],
    "tag": ["breadcrumbs", "count", "groups", "name", "tags_url"],
    "tags": ["breadcrumbs", "count", "groups"],
    "updates": ["breadcrumbs", "has_updates", "updates"],
  ]

  /// The templates whose pages have `name` at the top of their context, for the hint.
  static func templates(having name: String) -> [String] {
    pageKeys.filter { $0.value.contains(name) }.keys.sorted()
  }

  /// The names that are a list wherever a page has them: printed as text (`{{initiatives}}`)
  /// they print nothing, and a section goes through their items. A test walks every page's
  /// context and holds this to it, both ways.
  static let lists: Set<String> = [
    "accessibility", "breadcrumbs", "chapters", "children", "date_parts", "domains", "entries",
    "events", "fields", "footer_pages", "foundation", "groups", "initiatives", "links", "months",
    "nav", "pages", "past", "related", "strategy", "tags", "terms", "toc", "upcoming",
    "upcoming_months", "updates", "used_on", "years",
  ]

  /// The names that are a dictionary of keys wherever a page has them (or nothing: no
  /// `previous` page): printed as text (`{{page}}`) they print nothing; their keys are
  /// (`{{page.title}}`). Held to every page's context by the same test.
  static let records: Set<String> = [
    "assets", "contact", "next", "page", "params", "previous", "redirect", "search", "site",
  ]

  /// What a name under a dictionary of fixed keys holds, for dotted names (`page.title`).
  indirect enum Shape: Equatable, Sendable {
    /// Text, a flag or a number: nothing is under it.
    case value
    /// A dictionary: its keys, each with what it holds.
    case keys([String: Shape])
    /// A list: a section goes through its items (`{{#site.nav}}{{title}}{{/site.nav}}`); a
    /// dotted name does not (`{{site.nav.title}}` finds nothing).
    case list(Shape)
    /// Names that are not the portal's (`site.params`: site.yml's): not judged.
    case open

    static func keys(_ names: [String]) -> Shape {
      .keys(Dictionary(uniqueKeysWithValues: names.map { ($0, Shape.value) }))
    }
  }

  /// The names whose value is a dictionary with the same keys on every page, and those keys,
  /// at any depth: a dotted name under one of them is judged part by part against its own
  /// keys (`page.summary` finds nothing: `summary` is a key of content pages, not of `page`).
  /// `assets` is the theme's files (`theme.unknown-asset`). A test walks every page's context
  /// and holds these to it, both ways.
  static let paths: [String: Shape] = {
    let card = Shape.keys(["title", "title_html", "url", "summary", "summary_html", "kind_label"])
    let contact = Shape.keys([
      "who", "phone", "phone_url", "fax", "email", "email_url", "hours", "has_ways",
    ])
    return [
      "site": .keys(
        Dictionary(
          uniqueKeysWithValues: [
            "title", "description", "vision", "language", "locale", "noindex", "home_url",
            "search_url", "feed_url", "calendar_url", "updates_url", "updates_feed_url",
            "feed_address", "updates_feed_address", "operator", "contact_url", "contact_address",
            "has_footer_pages", "tags_url",
          ].map { ($0, Shape.value) }
        ).merging(
          [
            "nav": .list(.keys(["title", "url", "current", "here", "is_search"])),
            "footer_pages": .list(.keys(["title", "url"])),
            "params": .open, "contact": contact,
          ], uniquingKeysWith: { a, _ in a })),
      "page": .keys([
        "title", "title_html", "url", "canonical", "description", "is_home", "is_search",
        "has_search_box", "has_furigana",
      ]),
      "search": .keys(["index_url"]),
      "redirect": .keys(["url", "title", "kind_label"]),
      // The field page's (`name`, `url`, `goal`) and the domain page's (a domain summary).
      "domain": .keys(
        Dictionary(
          uniqueKeysWithValues: ["id", "name", "goal", "summary", "url", "is_foundation"].map {
            ($0, Shape.value)
          }
        ).merging(
          ["fields": .list(.keys(["name", "url", "count", "summary", "summary_html"]))],
          uniquingKeysWith: { a, _ in a })),
      // The strategy pages before and after (cards; `""` at either end).
      "previous": card, "next": card,
      // The ways to ask: the operator's (`site.contact`), an initiative's department's.
      "contact": contact,
    ]
  }()

  /// The lists whose items are text (`{{#aliases}}{{.}}{{/aliases}}`): the other lists' items are
  /// dictionaries, which `{{.}}` prints as nothing. Held to every page's context by the same
  /// test.
  static let listsOfText: Set<String> = ["accessibility", "aliases"]

  /// A key every item of a list of dictionaries has, to print in a hint
  /// (`{{#tags}}{{name}}{{/tags}}`): `title`, or the one here. Held to every page's context by
  /// the same test.
  static func itemKey(of list: String) -> String { itemKeys[list] ?? "title" }
  static let itemKeys = [
    "date_parts": "label", "domains": "name", "fields": "name", "foundation": "name",
    "groups": "anchor", "months": "month", "tags": "name", "terms": "term", "toc": "text",
    "upcoming_months": "month", "years": "year",
  ]

  /// The lists whose items hold HTML values, and which (`{{#initiatives}}{{{title_html}}}`):
  /// inside another list's section, `{{{title}}}` is not offered `{{{title_html}}}`, which
  /// would print nothing. Held to every page's context by the same test.
  static let htmlInItems: [String: Set<String>] = {
    let card: Set<String> = ["title_html", "summary_html"]
    let event = card.union(["where_html"])
    return [
      "chapters": card, "children": card, "initiatives": card, "pages": card, "related": card,
      "strategy": card, "fields": ["summary_html"], "events": event, "entries": event,
      "past": event, "upcoming": event, "updates": event, "used_on": event,
    ]
  }()

  /// What the dotted name `parts` holds (`site.nav` → its list), followed key by key from a
  /// dictionary of `paths`; nil when a part is not a key there.
  static func shape(of parts: some Collection<String>) -> Shape? {
    guard let first = parts.first, var shape = paths[first] else { return nil }
    for part in parts.dropFirst() {
      guard case .keys(let keys) = shape, let inner = keys[part] else { return nil }
      shape = inner
    }
    return shape
  }

  /// The values that hold HTML on purpose, which a template prints with `{{{…}}}`: the body
  /// the generator wrote, the event's JSON-LD (escaped for a `<script>` by `Feeds`), and the
  /// front matter texts with their furigana (`Furigana.html`: every piece escaped).
  static let html: Set<String> = [
    "body", "json_ld", "title_html", "summary_html", "place_html", "where_html",
  ]
}
