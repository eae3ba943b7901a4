import Diagnostics
import Yams

public struct NavigationItem: Sendable, Hashable {
  public var title: String
  public var url: String
  /// Where the `url` is written in site.yml, for a path that leads to no page of the build.
  public var location: SourceLocation? = nil
}

public struct FieldConfig: Sendable, Hashable {
  public var id: String
  public var name: String
  /// Where the `id` value is written in site.yml, as the parse gives it: when the pages agree
  /// on an id site.yml lacks, this one may be the slip, and is reported there (`SiteIDSlips`).
  public var idLocation: SourceLocation? = nil
}

public struct DomainConfig: Sendable, Hashable {
  public var id: String
  public var name: String
  public var goal: String?
  public var summary: String?
  /// The 土台づくり: listed apart from the four domains.
  public var isFoundation: Bool
  public var fields: [FieldConfig]
  /// Where the `id` value is written in site.yml (see `FieldConfig.idLocation`).
  public var idLocation: SourceLocation? = nil
}

/// `content/site.yml`: what the whole site shares.
public struct SiteConfig: Sendable, Hashable {
  public var title: String
  public var description: String?
  /// Absolute, ending with `/`; used for canonical URLs, the sitemap and feeds.
  public var baseURL: String
  /// Set when `portal build --base-url` publishes a preview at another address: its pages ask
  /// search engines not to index them, so text not yet approved is not found, and the live
  /// site does not compete with its copy. Not read from site.yml.
  public var isPreview = false
  /// site.yml's `base_url` when `--base-url` publishes the preview elsewhere (nil otherwise):
  /// a link written with the published host is still a link within the site.
  public var publishedBaseURL: String?
  public var language: String
  public var allowRawHTML: Bool
  public var vision: String?
  public var navigation: [NavigationItem]
  public var domains: [DomainConfig]
  /// `lint:` rule id → threshold or `off`, interpreted by the Lint module.
  public var lint: [String: String]
  /// `check: { skip: [...] }` URL patterns the external link checker leaves alone.
  public var checkSkip: [String]
  /// `initiatives_per_field`: how many initiatives the list of all initiatives shows under each
  /// field before linking to the field's own page, which lists them all; nil for no limit.
  /// A phone should not have to load ten thousand links to reach one field.
  public var initiativesPerField: Int?

  /// `past_events_listed`: how many past events, newest first, the events page lists before
  /// linking to a page per year, which lists them all; nil for no limit. Past events pile up
  /// year after year, and the upcoming ones are what most visitors came for.
  public var pastEventsListed: Int?
  /// `operator`: who runs the site (千葉県 総務部 デジタル改革推進局), said in every footer, as
  /// residents expect of a public site.
  public var siteOperator: String? = nil
  /// `contact`: where residents reach the operator (a path on the site, or an address); linked
  /// in every footer.
  public var contact: String? = nil
  /// Where `contact` is written.
  public var contactLocation: SourceLocation? = nil
  /// `contact: { phone, fax, email, hours }`: how to reach the operator without the website,
  /// in every footer and wherever a page has no contact of its own.
  public var contactWays = ContactDetails()
  /// `departments`: each department's own contact, by the name initiatives write in
  /// `department:`; a department not listed is reached through the operator (`contactWays`).
  public var departments: [String: ContactDetails] = [:]
  /// `search_words`: groups of words that find each other in the site's search (a kanji word
  /// and its reading, 防災 and ぼうさい; other words residents use, 高齢者 and シニア).
  public var searchWords: [[String]] = []
  /// `known_words`: words residents of this site read without help (its towns' names, 銚子市,
  /// 柏市), which `portal lint` does not ask to give a reading or explanation of.
  public var knownWords: [String] = []
  /// `params`: the site's own values for the theme (`site.params.<key>`), in the order written.
  public var params: [SiteParamEntry] = []
  /// The domain and field ids site.yml gives a second time, each with its error's place.
  public var repeatedIDs: [RepeatedSiteID] = []

  /// What `initiatives_per_field` is when site.yml does not say.
  public static let defaultInitiativesPerField = 50
  /// What `past_events_listed` is when site.yml does not say.
  public static let defaultPastEventsListed = 20

  /// The part of a field's initiatives the list of all initiatives shows: the first
  /// `initiativesPerField`. The view model and the dependency hash both take it from here, so
  /// an edit of an initiative not shown leaves the list alone.
  public func listed<T>(_ initiatives: [T]) -> ArraySlice<T> {
    initiatives.prefix(initiativesPerField ?? initiatives.count)
  }

  /// The past events, newest first, the events page lists: the first `pastEventsListed`. The
  /// view model, the dependency hash and the pages per year all take it from here.
  public func listedPast<T>(_ events: [T]) -> ArraySlice<T> {
    events.prefix(pastEventsListed ?? events.count)
  }

  public var allFields: [(domain: DomainConfig, field: FieldConfig)] {
    domains.flatMap { d in d.fields.map { (d, $0) } }
  }

  /// Field ids by the names pages show (農林水産業 → agriculture).
  public var fieldNames: [String: String] {
    Dictionary(domains.flatMap { $0.fields.map { ($0.name, $0.id) } }) { a, _ in a }
  }

  /// Domain ids by their names (産業 → industry).
  public var domainNames: [String: String] {
    Dictionary(domains.map { ($0.name, $0.id) }) { a, _ in a }
  }

  /// Every field's id, for checking references: without copying each domain, as `allFields`
  /// does, for each of 10,000 initiatives.
  public var fieldIDs: [String] {
    domains.flatMap { $0.fields.map(\.id) }
  }

  /// The path part of the base URL (`/` or `/dx/`), prefixed to every site URL.
  public var basePath: String {
    let (scheme, _, path) = SiteBaseAddress.parts(baseURL)
    return scheme.isEmpty || path.isEmpty ? "/" : path
  }

  /// Reads and validates site.yml; every problem is returned, none thrown.
  public static func parse(_ text: String, file: String) -> (SiteConfig?, [Diagnostic]) {
    var text = text
    if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
    text = text.replacingOccurrences(of: "\r\n", with: "\n")
    let node: Node?
    switch parseYAML(text, file: file, lineOffset: 1, frontMatter: false) {
    case .success(let n): node = n
    case .failure(let d): return (nil, [d])
    }
    var y = YAMLFields(
      node: node, file: file, lineOffset: 1, text: text, what: "site.yml", whatJa: "site.yml")
    let title = y.string("title", required: true, example: "千葉県DXポータル")
    let description = y.string("description")
    var baseURL = y.string("base_url", required: true, example: "https://dx.example.jp/") ?? "/"
    if let mark = y.node("base_url")?.mark,
      let (problem, japanese) = Addresses.problems(baseURL, allowed: .siteBase)
    {
      // At the value, as a page's addresses are, with the address meant when it can be told
      // (typed full-width, without `https://`, as `https//`, or with a `?` part, an empty
      // port or a page's file name after it).
      let meant = Addresses.meant(baseURL, allowed: .siteBase)
      // A part left out (`https://`) or one too many (`index.html`, `?…`).
      let partial = !["http://", "https://"].contains { baseURL.lowercased().hasPrefix($0) }
      y.error(
        mark, "`base_url` \(problem): `\(baseURL)`",
        hint: meant.map { "write \(partial ? "the full address: " : "")`base_url: \($0)`" }
          ?? "write the site's address, for example `base_url: https://dx.example.jp/`",
        code: "config.base-url", ja: "`base_url` のアドレス `\(baseURL)` は使えません。\(japanese)",
        jaHint: meant.map {
          partial
            ? "`https://` から始まるアドレスを、省かずに書いてください：`base_url: \($0)`"
            : "`base_url: \($0)` と書いてください"
        }
          ?? "サイトのアドレスを書いてください。例: `base_url: https://dx.example.jp/`")
    }
    // One form in every address the site publishes (canonical links, sitemap, feeds): a
    // Japanese domain as DNS writes it, `https://xn--r8jz45g.jp/` for `例え.jp`.
    baseURL = SiteBaseAddress.normalized(baseURL)
    if !baseURL.hasSuffix("/") { baseURL += "/" }
    let language = SiteLanguage.read(&y)
    let allowRawHTML = y.bool("allow_raw_html") ?? false
    let vision = y.string("vision")
    var navigation: [NavigationItem] = []
    for var item in y.mappings("navigation") ?? [] {
      let t = item.string("title", required: true)
      if let u = PageParser.url(&item, "url", required: true, allowed: .webOrSitePath), let t {
        navigation.append(
          NavigationItem(title: t, url: u, location: item.location(item.node("url")?.mark)))
      }
      item.reportUnknownKeys(kindName: "a navigation item", japaneseName: "`navigation` の中の1つ")
      y.diagnostics += item.diagnostics
    }
    let (domains, repeatedIDs) = readDomains(&y)
    var lint: [String: String] = [:]
    if let node = y.node("lint") {
      if case .mapping(let m) = node {
        for (k, v) in m { lint[k.string ?? ""] = v.string ?? "" }
      } else {
        y.error(
          node.mark, "`lint` must be a mapping of rule ids to thresholds",
          hint: "write for example `lint: { lint.sentence-length: 70 }`", code: "front-matter.type",
          ja: "`lint` の値が、規則の id と値の組になっていません",
          jaHint: "たとえば `lint: { lint.sentence-length: 70 }` と書いてください")
      }
    }
    var checkSkip: [String] = []
    if let node = y.node("check") {
      var c = YAMLFields(node: node, in: y, what: "`check`", whatJa: "`check`")
      checkSkip = (c.stringList("skip") ?? []).map(\.0)
      c.reportUnknownKeys(kindName: "`check`", japaneseName: "`check`")
      y.diagnostics += c.diagnostics
    }
    // A list's limit: a whole number, 0 for none (nil).
    func limit(_ key: String, default value: Int, all: String, allJa: String) -> Int? {
      guard let (n, mark) = y.int(key, example: "\(value)") else { return value }
      if n < 0 {
        y.error(
          mark, "`\(key)` must be 0 or more",
          hint: "write a number such as `\(key): \(value)`, or 0 to list \(all)",
          code: "config.limit", ja: "`\(key)` の値が、0より小さくなっています",
          jaHint: "`\(key): \(value)` のように数を書いてください。\(allJa)並べるときは 0 にします")
      }
      return n > 0 ? n : nil
    }
    let initiativesPerField = limit(
      "initiatives_per_field", default: defaultInitiativesPerField, all: "every initiative",
      allJa: "すべての取組を")
    let pastEventsListed = limit(
      "past_events_listed", default: defaultPastEventsListed, all: "every past event",
      allJa: "終わったイベントをすべて")
    var searchWords: [[String]] = []
    if let node = y.node("search_words") {
      let example = "search_words:\n  - [防災, ぼうさい]"
      if case .sequence(let items) = node {
        for item in items {
          // Every item a list of two or more words, none empty or other than text.
          let list: [Node] = if case .sequence(let list) = item { Array(list) } else { [] }
          let words = list.compactMap { word -> String? in
            guard case .scalar(let s) = word else { return nil }
            let text = s.string.trimmingSpacesAndNewlines
            return text.isEmpty ? nil : text
          }
          guard words.count >= 2, words.count == list.count else {
            // `- [災害、さいがい]` or `- 災害、さいがい`: the words meant, divided at the 、.
            let one: String? =
              switch item {
              case .scalar(let s): s.string
              case .sequence(let l) where l.count == 1: l.first?.scalar?.string
              default: nil
              }
            let parts = (one ?? "").split { ",、，".contains($0) }
              .map { String($0).trimmingSpacesAndNewlines }.filter { !$0.isEmpty }
            let meant = parts.count >= 2 ? "`- [\(parts.joined(separator: ", "))]`" : nil
            y.error(
              item.mark, "each item of `search_words` must be a list of two or more words",
              hint: meant.map { "write the words with half-width commas: \($0)" }
                ?? "write for example `- [防災, ぼうさい]`",
              code: "config.search-words",
              ja: "`search_words` のこの行が、2つ以上のことばのリストになっていません",
              jaHint: meant.map { "ことばを半角のコンマで区切ってください：\($0)" }
                ?? "たとえば `- [防災, ぼうさい]` と書いてください")
            continue
          }
          searchWords.append(words)
        }
      } else {
        y.error(
          node.mark, "`search_words` must be a list of lists of words",
          hint: "write for example:\n\(example)", code: "config.search-words",
          ja: "`search_words` の値が、ことばのリストを並べた形になっていません",
          jaHint: "たとえば次のように書いてください:\n\(example)")
      }
    }
    let knownWords = (y.stringList("known_words", example: "[銚子市, 柏市]") ?? []).map {
      $0.0.trimmingSpacesAndNewlines
    }.filter { !$0.isEmpty }
    let params = SiteParam.parse(&y).map { SiteParamEntry(key: $0.key, value: $0.value) }
    let siteOperator = y.string("operator")
    let real = !ExampleValues.isExampleSite(baseURL: baseURL)
    let (contact, contactMark, contactWays) = readContact(&y, realSite: real)
    let departments = readDepartments(&y, realSite: real)
    y.reportUnknownKeys(kindName: "site.yml", japaneseName: "site.yml")
    guard let title else { return (nil, y.diagnostics) }
    var config = SiteConfig(
      title: title, description: description, baseURL: baseURL, language: language,
      allowRawHTML: allowRawHTML,
      vision: vision, navigation: navigation, domains: domains, lint: lint, checkSkip: checkSkip,
      initiativesPerField: initiativesPerField, pastEventsListed: pastEventsListed,
      siteOperator: siteOperator, contact: contact,
      contactLocation: contact.map { _ in y.location(contactMark) },
      searchWords: searchWords, knownWords: knownWords)
    config.params = params
    config.repeatedIDs = repeatedIDs
    config.contactWays = contactWays
    config.departments = departments
    return (config, y.diagnostics)
  }
}

/// `[a-z0-9-]+`: the only characters a slug or id may use, so URLs and file names stay safe.
public func isSlug(_ s: String) -> Bool {
  !s.isEmpty
    && s.utf8.allSatisfy { ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2D }
}

/// A slug made from `s` (full-width letters and digits as half-width, lower case, anything but
/// a-z and 0-9 turned into `-`), to suggest when a slug or file name cannot be used; `my-page`
/// when nothing of it is left.
public func suggestedSlug(_ s: String) -> String {
  let mapped = s.precomposedStringWithCompatibilityMapping.lowercased().map { c -> Character in
    c.isASCII && (c.isLetter || c.isNumber) ? c : "-"
  }
  let joined = String(mapped).split(separator: "-").joined(separator: "-")
  return joined.isEmpty ? "my-page" : joined
}
