import Foundation

/// The six kinds of content file, named by the folder they live in.
public enum ContentKind: String, Sendable, CaseIterable, Codable {
  case strategy
  case field
  case initiative
  case event
  case glossary
  /// A page about the site itself (このサイトについて, アクセシビリティ方針, プライバシーポリシー):
  /// a public body must publish these, and they are no chapter of the strategy. Last, so a
  /// file that fits another kind as well is named as that kind (`PageParser`).
  case about

  /// The folder under `content/` that holds this kind.
  public var folder: String {
    switch self {
    case .strategy: "strategy"
    case .field: "fields"
    case .initiative: "initiatives"
    case .event: "events"
    case .glossary: "glossary"
    case .about: "pages"
    }
  }

  /// The folder of its pages in URLs: a field vision is its field's page (`fields/`); a page
  /// about the site is under `about/` as residents expect (このサイトについて), not `pages/`,
  /// which says nothing to them.
  public var urlFolder: String {
    switch self {
    case .field: "fields"
    case .about: "about"
    default: folder
    }
  }

  public init?(folder: String) {
    guard let kind = ContentKind.allCases.first(where: { $0.folder == folder }) else { return nil }
    self = kind
  }

  /// "an initiative", "a strategy page": for messages to writers.
  public var articleName: String {
    switch self {
    case .strategy: "a strategy page"
    case .field: "a field vision"
    case .initiative: "an initiative"
    case .event: "an event"
    case .glossary: "a glossary entry"
    case .about: "a page about the site"
    }
  }

  /// The same in Japanese messages to writers (`Diagnostic.ja`), as the writers' guide names
  /// the kinds: 「取組のページ」.
  public var japaneseName: String {
    switch self {
    case .strategy: "戦略のページ"
    case .field: "分野のビジョン"
    case .initiative: "取組のページ"
    case .event: "イベントのページ"
    case .glossary: "用語のページ"
    case .about: "このサイトについてのページ"
    }
  }

  /// The keys every page of this kind must have, in the order the parser asks for them. An
  /// empty front matter is told these: a glossary entry has no `title`, but `term`, `reading`
  /// and `short`. `ContentKindTests` holds the list to what the parser reports missing.
  public var requiredKeys: [String] {
    switch self {
    case .strategy: ["title", "order"]
    case .field: ["title", "domain", "field"]
    case .initiative: ["title", "summary", "fields"]
    case .event: ["title", "summary", "start"]
    case .glossary: ["term", "reading", "short"]
    case .about: ["title"]
    }
  }

  /// Japanese label shown to residents.
  public var label: String {
    switch self {
    case .strategy: "戦略"
    case .field: "分野"
    case .initiative: "取組"
    case .event: "イベント"
    case .glossary: "用語"
    case .about: "このサイトについて"
    }
  }
}

/// A page about the site (`content/pages/`), published at `/about/<slug>/`.
public struct AboutMeta: Sendable, Hashable {
  public var title: String
  public var summary: String?
  /// Position in the footer's list (smaller first); pages without one follow, by title.
  public var order: Int?
  /// Whether every page's footer links it: residents look for these pages there.
  public var footer: Bool
}

/// An id (or, in `redirect_from`, an address) written in front matter, kept with its position so
/// a later stage can report a problem with it where it was written.
public struct Reference: Sendable, Hashable {
  public var id: String
  public var line: Int
  public var column: Int

  public init(id: String, line: Int, column: Int) {
    (self.id, self.line, self.column) = (id, line, column)
  }
}

public struct StrategyMeta: Sendable, Hashable {
  public var title: String
  public var order: Int
  public var summary: String?
  public var parent: Reference?
}

public struct FieldMeta: Sendable, Hashable {
  public var title: String
  public var domain: Reference
  public var field: Reference
  public var summary: String?
}

public enum InitiativeStatus: String, Sendable, CaseIterable {
  case planned
  case active
  case completed

  public var label: String {
    switch self {
    case .planned: "準備中"
    case .active: "実施中"
    case .completed: "完了"
    }
  }
}

/// An event called off or moved (`status: cancelled`): it stays where residents look for it,
/// saying so in place of the ways to join, as schema.org's `eventStatus` and iCalendar's
/// `STATUS` carry it to search engines and calendars. A new date is a new `start`, not a status.
public enum EventStatus: String, Sendable, CaseIterable {
  case cancelled
  case postponed

  /// The word residents know it by (中止, 延期), which a writer may type for it too.
  public var label: String {
    switch self {
    case .cancelled: "中止"
    case .postponed: "延期"
    }
  }
}

public struct ExternalLink: Sendable, Hashable {
  public var title: String
  public var url: String
}

public struct InitiativeMeta: Sendable, Hashable {
  public var title: String
  public var summary: String
  public var fields: [Reference]
  public var status: InitiativeStatus?
  public var department: String?
  public var started: LocalDate?
  public var related: [Reference]
  public var links: [ExternalLink]
}

public struct EventMeta: Sendable, Hashable {
  public var title: String
  public var summary: String
  public var start: DateTime
  public var end: DateTime?
  public var place: String?
  public var online: String?
  public var registration: String?
  public var deadline: DateTime?
  public var capacity: Int?
  public var fee: String?
  public var audience: String?
  public var accessibility: [String]
  public var initiatives: [Reference]
  /// Ways to ask and apply without the internet: residents unused to digital devices phone,
  /// and residents who cannot hear send a fax. As written, with full-width digits made ASCII.
  public var phone: String? = nil
  public var fax: String? = nil
  /// How to apply when it is not (only) the online form: 「電話かファクスで申し込んでください。」.
  public var application: String? = nil
  /// How to get to the place: 「JR千葉駅から歩いて10分」.
  public var access: String? = nil
  /// The opening hours of an event over whole days, as written: 「9時から17時まで（最後の日は15時
  /// まで）」; shown with its days, where an exhibition's visitors look for them.
  public var hours: String? = nil
  /// Called off or moved; nil when it takes place as written.
  public var status: EventStatus? = nil

  /// Whether people must apply: an online form or another way.
  public var needsApplication: Bool { registration != nil || application != nil }

  /// `tel:` and the digits, for a link a phone dials when tapped.
  public var phoneURL: String? { phone.map { "tel:" + PhoneNumbers.digitsOnly($0) } }
}

public struct GlossaryMeta: Sendable, Hashable {
  public var term: String
  public var reading: String
  public var short: String
  public var aliases: [String]
  public var english: String?
  public var related: [Reference]
  /// Where the term and each alias are written (`id` is the name), so a name two entries share
  /// is reported at the line that writes it.
  public var namePlaces: [Reference] = []

  /// The term and its aliases: the words bodies link to the entry and lint takes as explained.
  public var names: [String] { [term] + aliases }
}

/// Every glossary entry's names (`GlossaryMeta.names`) among `pages`.
public func glossaryNames(of pages: some Sequence<Page>) -> Set<String> {
  var names: Set<String> = []
  for page in pages { if case .glossary(let m) = page.meta { names.formUnion(m.names) } }
  return names
}

/// Every glossary entry's English name (`english:`) among `pages`: lint takes them as
/// declared, as the build marks their language wherever a body writes them.
public func glossaryEnglishNames(of pages: some Sequence<Page>) -> Set<String> {
  var names: Set<String> = []
  for page in pages {
    if case .glossary(let m) = page.meta, let english = m.english { names.insert(english) }
  }
  return names
}

/// The names pages are known by: their titles, and site.yml's names of domains and fields.
/// Text that writes one out is quoting a name, which `portal lint` does not ask to reword.
public func siteNames(of pages: some Sequence<Page>, config: SiteConfig) -> Set<String> {
  var names = Set(pages.map(\.title))
  for domain in config.domains {
    names.insert(domain.name)
    for field in domain.fields { names.insert(field.name) }
  }
  return names
}
