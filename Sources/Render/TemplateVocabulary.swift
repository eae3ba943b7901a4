/// Every key the view models give templates (`ViewModels`, `PageContexts`, `ListContexts`,
/// and `has_breadcrumbs` from `Theme`), at any depth: what `TemplateCheck` knows a name by.
/// A test renders a site with every kind of page and walks every context, so a key added to a
/// view model without being added here fails it.
enum TemplateVocabulary {
  static let names: Set<String> = [
    // Every page: the site, the assets, search, the page itself, its trail.
    "site", "title", "description", "vision", "language", "locale", "noindex", "home_url",
    "search_url", "feed_url", "calendar_url", "updates_url", "updates_feed_url", "nav", "current",
    "is_search", "operator", "contact_url", "contact_address", "footer_pages", "has_footer_pages",
    "url", "assets",
    "search", "index_url", "page", "canonical", "is_home", "has_search_box", "breadcrumbs", "last",
    "has_breadcrumbs", "params",
    // Content pages: the body and what is made from it.
    "body", "summary", "kind_label", "toc", "id", "text", "level", "sub", "has_toc", "terms",
    "slug", "term", "short", "has_terms", "updated", "updated_iso", "tags",
    // Cards.
    "status", "status_id", "fields", "name", "date", "datetime", "mode", "where",
    "registration_note", "reading", "aliases",
    // Strategy pages.
    "children", "has_children", "previous", "next", "has_neighbours",
    // Initiatives.
    "department", "started", "started_iso", "domain", "links", "has_links", "events", "has_events",
    "related", "has_related",
    // Events.
    "start_iso", "end_iso", "is_past", "place", "online", "registration", "needs_application",
    "application", "phone", "phone_url", "fax", "access", "deadline", "registration_closed",
    "capacity", "fee", "audience", "accessibility", "has_accessibility", "initiatives",
    "has_initiatives", "json_ld",
    // Glossary entries.
    "aliases_text", "has_aliases", "english", "used_on", "has_used_on", "used_on_more",
    "used_on_search",
    // Fields and domains.
    "vision_title", "goal", "initiative_count", "is_foundation", "count",
    // Lists: home, strategy contents, initiatives, events, the glossary, updates, about.
    "domains", "foundation", "upcoming", "has_upcoming", "events_url", "strategy", "updates",
    "has_updates", "chapters", "total", "has_more", "limited", "per_field", "past", "has_past",
    "past_total", "past_limited", "past_listed", "years", "year", "groups", "row", "anchor",
    "entries", "pages",
    // A page's earlier address.
    "redirect",
  ]

  /// The values that hold HTML on purpose, which a template prints with `{{{…}}}`: the body
  /// the generator wrote, and the event's JSON-LD (escaped for a `<script>` by `Feeds`).
  static let html: Set<String> = ["body", "json_ld"]
}
