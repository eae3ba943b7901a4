import Content
import Diagnostics

/// Tags made into pages residents browse, as Hugo and Zola make taxonomies: which pages carry
/// each tag, the order tags and their pages are listed in, and what writers are told of a tag
/// spelled two ways or without a reading.
enum Taxonomy {
  static let spellingCode = "content.tag-spelling"
  static let readingCode = "content.tag-reading"

  /// The kinds in the order a tag's page lists them: as the menu (`navigation`) leads to their
  /// lists (戦略・分野・取組・イベント・用語 in the shipped one), then the others.
  static func kinds(_ config: SiteConfig, urls: URLScheme) -> [ContentKind] {
    let all: [ContentKind] = [.strategy, .field, .initiative, .event, .glossary, .about]
    let menu = config.navigation.map {
      $0.url.hasPrefix("/") ? urls.url(String($0.url.dropFirst())) : $0.url
    }
    func place(_ kind: ContentKind) -> Int {
      menu.firstIndex(of: urls.index(kind)) ?? menu.count + all.firstIndex(of: kind)!
    }
    return all.sorted { place($0) < place($1) }
  }

  /// Sets `site.tags` and `site.tagKinds` from the pages' tags and the lists `derive` made.
  static func derive(_ site: inout Site) {
    let pages = site.pages
    site.tagKinds = kinds(site.config, urls: site.urls)
    var carriers: [String: [Int]] = [:]
    for i in pages.indices {
      for name in pages[i].page.tags { carriers[name, default: []].append(i) }
    }
    guard !carriers.isEmpty else {
      site.tags = []
      return
    }
    // Each page's place in its kind's own list: the strategy in reading order, visions by
    // domain, initiatives, events upcoming first, the glossary in 五十音 order, pages about the
    // site in the footer's order; any other (a strategy page outside the tree) after, by path.
    var rank = [Int](repeating: .max, count: pages.count)
    var next = 0
    func place(_ list: some Sequence<Int>) {
      for i in list where rank[i] == .max {
        rank[i] = next
        next += 1
      }
    }
    place(site.strategyReading)
    for d in site.domains { place(d.fields.compactMap(\.vision)) }
    place(site.initiatives)
    place(site.upcomingEvents + site.pastEvents)
    for g in site.glossary { place(g.entries) }
    place(site.aboutPages)
    place(pages.indices)
    var kindRank: [ContentKind: Int] = [:]
    for (n, kind) in site.tagKinds.enumerated() { kindRank[kind] = n }

    let readings = Readings(site)
    let urls = site.urls
    site.tags = carriers.map { name, list in
      let reading = readings.of(name)
      return TagNode(
        name: name, reading: reading, row: reading.map(gojuonRow) ?? "その他", url: urls.tag(name),
        outputPath: urls.tagOutputPath(name),
        pages: list.sorted {
          (kindRank[pages[$0].kind] ?? 0, rank[$0]) < (kindRank[pages[$1].kind] ?? 0, rank[$1])
        })
    }.sorted { a, b in
      switch (a.reading, b.reading) {
      case (let x?, let y?):
        let (kx, ky) = (x.kanaSortKey, y.kanaSortKey)
        return kx == ky ? a.name < b.name : kx.lexicographicallyPrecedes(ky)
      case (.some, nil): return true
      case (nil, .some): return false
      case (nil, nil): return a.name < b.name
      }
    }
  }

  /// The readings known for tags: a tag in kana is its own; else a glossary entry's whose term
  /// or alias it is; else site.yml's `search_words`, the first word in hiragana after it in its
  /// group (`[高齢者, こうれいしゃ, お年寄り, おとしより]`: お年寄り is おとしより); a tag of
  /// parts joined by `・` (健康・医療) is read part by part.
  struct Readings {
    private var known: [String: String] = [:]

    init(_ site: Site) {
      for p in site.pages {
        guard case .glossary(let m) = p.page.meta else { continue }
        for name in m.names where known[Tags.name(name)] == nil {
          known[Tags.name(name)] = m.reading
        }
      }
      for group in site.config.searchWords {
        for (n, word) in group.enumerated() where known[Tags.name(word)] == nil {
          if let reading = group[(n + 1)...].first(where: { Tags.kanaReading($0) == $0 }) {
            known[Tags.name(word)] = reading
          }
        }
      }
    }

    func of(_ name: String) -> String? {
      if let reading = Tags.kanaReading(name) ?? known[name] { return reading }
      let parts = name.split(separator: "・").map(String.init)
      guard parts.count > 1 else { return nil }
      var read: [String] = []
      for part in parts {
        guard let reading = Tags.kanaReading(part) ?? known[part] else { return nil }
        read.append(reading)
      }
      return read.joined(separator: "・")
    }
  }

  /// Warnings at the tags as written: a spelling that differs from a more used one only by
  /// width, kana, letter case or a long-vowel mark (at each use of it), and a tag without a
  /// reading (at its first use, by path).
  static func problems(_ site: Site) -> [Diagnostic] {
    struct Use {
      var page: Int
      var place: Reference
      var name: String
    }
    var alike: [String: [Use]] = [:]
    var keys: [String] = []
    for i in site.pages.indices {
      let page = site.pages[i].page
      for (name, place) in zip(page.tags, page.tagPlaces) {
        let key = Tags.likeness(name)
        if alike[key] == nil { keys.append(key) }
        alike[key, default: []].append(Use(page: i, place: place, name: name))
      }
    }
    var diagnostics: [Diagnostic] = []
    for key in keys {
      let uses = alike[key]!
      var count: [String: Int] = [:]
      var spellings: [String] = []
      for use in uses {
        if count[use.place.id] == nil { spellings.append(use.place.id) }
        count[use.place.id, default: 0] += 1
      }
      guard spellings.count > 1 else { continue }
      // The spelling most pages use (the first used, of equals) is the one to keep.
      var preferred = spellings[0]
      for s in spellings where count[s]! > count[preferred]! { preferred = s }
      for use in uses where use.place.id != preferred {
        let at = SourceLocation(
          file: site.pages[use.page].page.path, line: use.place.line, column: use.place.column)
        diagnostics.append(
          spelling(use.place.id, preferred: preferred, pages: count[preferred]!, at: at))
      }
    }
    for tag in site.tags where tag.reading == nil {
      guard let first = tag.pages.min() else { continue }
      let page = site.pages[first].page
      let place = zip(page.tags, page.tagPlaces).first { $0.0 == tag.name }?.1
      let at = SourceLocation(file: page.path, line: place?.line ?? 1, column: place?.column ?? 1)
      diagnostics.append(
        .warning(
          at,
          "the tag `\(tag.name)` has no reading, so the list of tags puts it under その他, not in 五十音 order",
          hint:
            "add it with its reading in hiragana to `search_words` in site.yml: `- [\(tag.name), …]` (a search for the reading then finds its pages too)",
          code: readingCode
        ).ja(
          "タグ `\(tag.name)` の読み方がわからないため、タグの一覧で五十音順に並ばず「その他」に入ります",
          hint:
            "site.yml の `search_words` に、ひらがなの読み方といっしょに書き足してください：`- [\(tag.name), …]`（読み方で検索しても、このタグのページが見つかるようになります）"
        ))
    }
    return diagnostics
  }

  /// The warning for a tag written `written` where `pages` pages write it `preferred`.
  private static func spelling(_ written: String, preferred: String, pages: Int, at: SourceLocation)
    -> Diagnostic
  {
    let (name, other) = (Tags.name(written), Tags.name(preferred))
    if name == other {
      return .warning(
        at,
        "the tag `\(written)` is written `\(preferred)` on \(pages) other page(s): both are the tag `\(name)`, written two ways",
        hint: "write `\(preferred)` as the other pages do", code: spellingCode
      ).ja(
        "タグ `\(written)` は、ほかの\(pages)ページでは `\(preferred)` と書いてあります（どちらも同じタグ `\(name)` です）",
        hint: "ほかのページと同じく `\(preferred)` と書いてください")
    }
    return .warning(
      at,
      "the tag `\(written)` differs from the tag `\(preferred)` (on \(pages) page(s)) only by kana, letter case or a long-vowel mark: they are two tags, each with a page of its own",
      hint:
        "did you mean `\(preferred)`? Written as the other pages write it, all of them are on one page",
      code: spellingCode
    ).ja(
      "タグ `\(written)` は、タグ `\(preferred)`（\(pages)ページ）と、カタカナとひらがな・大文字と小文字・のばす音の「ー」だけが違います。別のタグになり、ページも分かれます",
      hint: "`\(preferred)` のまちがいではありませんか。ほかのページと同じ書き方にすると、1つのページにまとまります")
  }
}
