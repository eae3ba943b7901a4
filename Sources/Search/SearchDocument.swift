import ByteFormats
import Foundation

/// What a page is, for filters and for breaking ties (glossary, field, strategy, initiative,
/// event, about). `field` is 分野, as the navigation calls what it leads to under /domains/: the
/// domain pages and the fields' visions. `about` is the pages about the site (このサイトについて,
/// アクセシビリティ方針), which the footer leads to; the search page has no box for it.
public enum SearchKind: String, Sendable, Codable, CaseIterable {
  case strategy, field, initiative, event, glossary, about

  /// The label residents see, the same words as the site's navigation.
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

/// One page as the search sees it. The build fills this from the resolved site; the search
/// module knows nothing about Markdown or templates.
public struct SearchDocument: Sendable {
  /// Site-relative URL of the page, e.g. `/initiatives/ai-disaster/`.
  public var url: String
  public var title: String
  public var kind: SearchKind
  public var summary: String
  /// The body as plain text (no markup), blocks separated by newlines.
  public var body: String {
    get { bodyText.string }
    set { bodyText = StoredText(newValue) }
  }
  /// The same, possibly still bytes of the build cache: an incremental build reads the bodies
  /// of edited pages only.
  public var bodyText: StoredText
  /// `YYYY-MM-DD`: an event's start, an initiative's start; newer first among equal scores.
  public var date: String?
  /// An event's end as an instant with its offset (`2026-09-26T17:00:00+09:00`; an all-day
  /// event's the midnight after its last day), so the search page can say that a result is
  /// over by the reader's clock, as the event's own page does.
  public var ends: String?
  /// Extra words that find the page: tags, and for glossary entries the reading, aliases and
  /// English name. A glossary entry's title and keywords also form an alias group: a query equal
  /// to one of them finds pages containing any of them.
  public var keywords: [String]
  /// The page's texts written with furigana (title, summary, an event's place): each one's
  /// reading is a keyword too (`indexedKeywords`), and a snippet taken from the keywords shows
  /// it as written, with the reading that matched beside its word.
  public var furigana: [SearchFurigana]

  /// The keywords as indexed: the readings of `furigana`, then `keywords`.
  public var indexedKeywords: [String] { furigana.map(\.reading) + keywords }

  public init(
    url: String, title: String, kind: SearchKind, summary: String, body: String, date: String?,
    ends: String? = nil, keywords: [String], furigana: [SearchFurigana] = []
  ) {
    self.init(
      url: url, title: title, kind: kind, summary: summary, bodyText: StoredText(body), date: date,
      ends: ends, keywords: keywords, furigana: furigana)
  }

  public init(
    url: String, title: String, kind: SearchKind, summary: String, bodyText: StoredText,
    date: String?, ends: String? = nil, keywords: [String], furigana: [SearchFurigana] = []
  ) {
    self.url = url
    self.title = title
    self.kind = kind
    self.summary = summary
    self.bodyText = bodyText
    self.date = date
    self.ends = ends
    self.keywords = keywords
    self.furigana = furigana
  }
}

/// One hit, as `portal search --json` prints it and as the browser shows it.
public struct SearchResult: Sendable, Codable, Equatable {
  public var url: String
  public var title: String
  public var kind: SearchKind
  public var date: String?
  /// An event's end (`SearchDocument.ends`): the search page adds 「（終わりました）」 once it
  /// has gone by.
  public var ends: String?
  /// Plain text around the first match, with `…` where it was cut.
  public var snippet: String
  /// Matched stretches of `snippet` as `[start, end)` offsets in Unicode scalars (code points),
  /// so JavaScript (`Array.from`) and Swift (`unicodeScalars`) agree on them.
  public var highlights: [[Int]]
  /// Higher is better: exact title 64, exact reading or alias 32, then per query term title 16,
  /// summary 8, keywords 4, body 2. Equal scores keep the index order (kind, then newer first).
  public var score: Int

  public init(
    url: String, title: String, kind: SearchKind, date: String?, snippet: String,
    highlights: [[Int]], score: Int
  ) {
    self.url = url
    self.title = title
    self.kind = kind
    self.date = date
    self.snippet = snippet
    self.highlights = highlights
    self.score = score
  }

  /// The snippet as HTML with the matches in `<mark>`, escaped, for templates and tools.
  public var snippetHTML: String {
    let scalars = Array(snippet.unicodeScalars)
    var out = ""
    var position = 0
    func escaped(_ slice: ArraySlice<Unicode.Scalar>) -> String {
      var s = ""
      for c in slice {
        switch c {
        case "&": s += "&amp;"
        case "<": s += "&lt;"
        case ">": s += "&gt;"
        case "\"": s += "&quot;"
        default: s.unicodeScalars.append(c)
        }
      }
      return s
    }
    for h in highlights
    where h.count == 2 && h[0] >= position && h[1] <= scalars.count && h[0] < h[1] {
      out += escaped(scalars[position..<h[0]])
      out += "<mark>" + escaped(scalars[h[0]..<h[1]]) + "</mark>"
      position = h[1]
    }
    out += escaped(scalars[position...])
    return out
  }
}
