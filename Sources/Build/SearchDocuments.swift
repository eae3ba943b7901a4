import ByteFormats
import Content
import Search
import Site

/// A site's search documents in the index's id order, which `portal serve` keeps so that an
/// edit replaces only its own documents instead of making and ordering 10,000 again.
///
/// Besides one document per page there is one per domain page (/domains/<id>/), which is made
/// from site.yml alone and has no page index: an edit of a page never changes it, and an edit
/// of site.yml goes through the usual build, which makes all documents again.
struct SearchDocuments: Sendable {
  private(set) var ordered: [SearchDocument] = []
  /// By page index, the document's id (its position in `ordered`).
  private var ids: [Int] = []

  init(site: Site) {
    var documents: [SearchDocument] = []
    documents.reserveCapacity(site.pages.count + site.domains.count)
    for i in site.pages.indices { documents.append(Self.document(of: i, in: site)) }
    for d in site.domains { documents.append(Self.document(of: d)) }
    // In page order, then the domains: the index orders them itself (kind, date, URL).
    let order = SearchIndexBuilder.order(documents)
    ids = Array(repeating: 0, count: site.pages.count)
    for (id, i) in order.enumerated() where i < site.pages.count { ids[i] = id }
    ordered = Self.permuted(consume documents, by: order)
  }

  /// `order.map { documents[$0] }`, made by swapping the documents into place, cycle by
  /// cycle: each is moved, not copied (a copy retains each of its texts).
  static func permuted(_ documents: consuming [SearchDocument], by order: [Int])
    -> [SearchDocument]
  {
    var documents = documents
    // Slot `id` takes the document at `order[id]`; `done[id]` once it holds it.
    var done = [Bool](repeating: false, count: order.count)
    for first in order.indices where !done[first] {
      var id = first
      while order[id] != first {
        documents.swapAt(id, order[id])
        done[id] = true
        id = order[id]
      }
      done[id] = true
    }
    return documents
  }

  func id(ofPage i: Int) -> Int { ids[i] }

  /// The document at an id.
  func document(at id: Int) -> SearchDocument? { ordered.indices.contains(id) ? ordered[id] : nil }

  /// Makes the documents of edited pages again, pages that kept their place in the order
  /// (kind, date, URL), and returns the ones they replaced by id.
  mutating func replace(pages: [Int], in site: Site) -> [Int: SearchDocument] {
    var replaced: [Int: SearchDocument] = [:]
    for i in pages {
      replaced[ids[i]] = ordered[ids[i]]
      ordered[ids[i]] = Self.document(of: i, in: site)
    }
    return replaced
  }

  /// By index, with one look at the page's front matter (each look copies it).
  static func document(of i: Int, in site: Site) -> SearchDocument {
    document(
      of: site.pages[i].page, url: site.pages[i].url, body: site.pages[i].plainText, in: site)
  }

  /// The document of a page at a URL with a body's plain text: a field vision is found under
  /// its field's name, as a 分野 like the domain pages the navigation's 分野 leads to.
  static func document(of page: Page, url: String, body: StoredText, in site: Site)
    -> SearchDocument
  {
    let kind: SearchKind
    var date: String?
    var ends: String?
    var keywords = page.tags
    var title = page.title
    switch page.meta {
    case .strategy: kind = .strategy
    case .field(let m):
      kind = .field
      title = site.field(m.field.id)?.config.name ?? title
    case .initiative(let m):
      kind = .initiative
      date = m.started?.description
      // The department the page names: residents look for what their 課 or 部 does.
      if let d = m.department { keywords.append(d) }
    case .event(let m):
      kind = .event
      let day = m.firstDay
      date = day.description
      // When it is over, as its page's data-ends (portal.js): the search page says so.
      ends = m.endsAt.description
      // The venue the page names (千葉県文化会館), which residents search for.
      if let p = m.place { keywords.append(p) }
      // The opening hours of an exhibition (9時から17時まで), found as its page shows them.
      if let h = m.hours { keywords.append(h) }
      // The day as residents type it, 12月5日 (and the last day of an event over several):
      // December's events then rank above a page that mentions 2021年12月 in passing, and are
      // found by the day even when the body writes it another way. Without the year: with it,
      // queries of years (令和6年7月) gained every event as a candidate to verify, and their
      // downloads grew by a third (bench/search_bench.sh).
      // An event of a week at most has every day (an exhibition of 12月20日 to 12月24日 is
      // found by 12月22日); a longer one its first and last.
      keywords.append(Self.monthDay(day))
      let last = m.lastDay
      if last != day {
        if last <= day.adding(days: 6) {
          var d = day.adding(days: 1)
          while d < last {
            keywords.append(Self.monthDay(d))
            d = d.adding(days: 1)
          }
        }
        keywords.append(Self.monthDay(last))
      }
    case .glossary(let m):
      kind = .glossary
      keywords += [m.reading] + m.aliases + (m.english.map { [$0] } ?? [])
    case .about: kind = .about
    }
    // The title, summary and place where they have furigana: their readings (ぼうさいのDX) are
    // keywords, as a resident who knows the word but not its kanji types it, and a snippet
    // from the keywords shows them as written (防災（ぼうさい）のDX).
    let furigana = page.furigana.texts.map { text in
      SearchFurigana(
        text.pieces.map {
          switch $0 {
          case .text(let t): .text(t)
          case .ruby(let base, let reading): .ruby(base: base, reading: reading)
          }
        })
    }
    return SearchDocument(
      url: url, title: title, kind: kind, summary: page.summary ?? "", bodyText: body, date: date,
      ends: ends, keywords: keywords, furigana: furigana)
  }

  /// 12月5日.
  static func monthDay(_ d: LocalDate) -> String { "\(d.month)月\(d.day)日" }

  /// A domain page (暮らし, 産業, the 土台づくり…) as the page shows it: its name, summary and
  /// goal, and the names of its fields. Not its fields' summaries: they find the fields' own
  /// pages, and would make the document change with the fields' Markdown, which the patches
  /// by page index do not know about.
  static func document(of domain: DomainNode) -> SearchDocument {
    var lines = domain.config.goal.map { ["目指す姿：" + $0] } ?? []
    lines += domain.fields.map(\.config.name)
    return SearchDocument(
      url: domain.url, title: domain.config.name, kind: .field,
      summary: domain.config.summary ?? "", body: lines.joined(separator: "\n"), date: nil,
      keywords: [])
  }
}
