import ByteFormats
import Markdown

/// A front matter text that may carry furigana (`{防災|ぼうさい}のDX`), read once when the file
/// is parsed: residents with little kanji read titles and summaries first, in every list.
/// `plain` (the bases alone, 「防災のDX」) is what the page's meta, feeds, search and messages
/// use; `html` is what a page shows. The groups are read as the body reads them
/// (`MarkdownDocument.splitRuby`), with the half-width `|` or the full-width `｜`.
public struct Furigana: Sendable, Hashable {
  public typealias Piece = MarkdownDocument.RubyPiece

  /// The text in order: plain runs and ruby groups.
  public let pieces: [Piece]

  /// The text as written, furigana groups read.
  public init(_ written: String) {
    pieces = written.holdsByte(0x7B) ? MarkdownDocument.splitRuby(written) : [.text(written)]
  }

  /// Pieces as they were (the cache's decoder).
  init(pieces: [Piece]) { self.pieces = pieces }

  /// Whether any group was written: only such texts are kept beside the plain one.
  public var hasRuby: Bool {
    pieces.contains { if case .ruby = $0 { true } else { false } }
  }

  /// The bases alone: 「{防災|ぼうさい}のDX」 → 「防災のDX」. (Search reads the pieces itself, for
  /// the text as read, ぼうさいのDX, and as shown in a snippet: `SearchFurigana`.)
  public var plain: String {
    pieces.reduce(into: "") { text, piece in
      switch piece {
      case .text(let t): text += t
      case .ruby(let base, _): text += base
      }
    }
  }

  /// The text as HTML, every piece escaped, each group as the body writes it:
  /// `<ruby>防災<rp>（</rp><rt>ぼうさい</rt><rp>）</rp></ruby>のDX`, and groups side by side (a
  /// reading per character) in one `<ruby>` (`MarkdownDocument.rubyTags`). The ふりがな toggle
  /// hides the readings here as in the body.
  public var html: String {
    var html = ""
    for (i, piece) in pieces.enumerated() {
      switch piece {
      case .text(let t): html += escapeHTML(t)
      case .ruby(let base, _):
        let tags = MarkdownDocument.rubyTags(at: i, in: pieces)
        html += tags.enter + escapeHTML(base) + tags.exit
      }
    }
    return html
  }

  /// `text` as HTML: with its furigana when it has some, else escaped.
  public static func html(_ text: String, _ furigana: Furigana?) -> String {
    furigana?.html ?? escapeHTML(text)
  }
}

/// The front matter texts written with furigana (`title`, `summary` or a glossary entry's
/// `short`, an event's `place`); a text without a group is nil, and most pages have none. The
/// page's meta holds the plain texts.
public struct PageFurigana: Sendable, Hashable {
  public var title: Furigana?
  public var summary: Furigana?
  public var place: Furigana?

  public init(title: Furigana? = nil, summary: Furigana? = nil, place: Furigana? = nil) {
    (self.title, self.summary, self.place) = (title, summary, place)
  }

  /// Whether no text has furigana.
  public var isEmpty: Bool { title == nil && summary == nil && place == nil }

  /// The texts with furigana, in the order title, summary, place: search takes each one's
  /// reading as a keyword and shows it as written in a snippet.
  public var texts: [Furigana] { [title, summary, place].compactMap { $0 } }

  /// The keys that take furigana: the texts lists, cards and the page's heading show. Others
  /// (`application`, `fee`, `term`, …) are shown as typed, and lint says so.
  public static let keys: Set<String> = ["title", "summary", "short", "place"]

  /// Reads `text`: its plain form and its furigana (nil without a group).
  static func read(_ text: String?) -> (plain: String?, furigana: Furigana?) {
    guard let text, text.holdsByte(0x7B) else { return (text, nil) }
    let f = Furigana(text)
    return f.hasRuby ? (f.plain, f) : (text, nil)
  }
}
