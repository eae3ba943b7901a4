import Foundation

/// The typed front matter of one page, by kind.
public enum PageMeta: Sendable, Hashable {
  case strategy(StrategyMeta)
  case field(FieldMeta)
  case initiative(InitiativeMeta)
  case event(EventMeta)
  case glossary(GlossaryMeta)
  case about(AboutMeta)
}

/// One content file after loading: typed front matter plus the Markdown body and where it
/// starts. Immutable once parsed, and kept in one shared box: every pass of a build copies the
/// 10,000 pages of a large site, and copying a box is one retain where copying the fields was
/// one per string and list.
public struct Page: Sendable, Hashable {
  struct Fields: Sendable, Hashable {
    var kind: ContentKind
    var slug: String
    var path: String
    var relativePath: String
    var body: String
    var bodyLine: Int
    var tags: [String]
    var draft: Bool
    var updated: LocalDate?
    var redirectFrom: [Reference]
    var meta: PageMeta
    var publish: DateTime? = nil
    var furigana = PageFurigana()
    var tagPlaces: [Reference] = []
  }

  private final class Box: @unchecked Sendable {
    let fields: Fields
    /// The file to read the body from when it was not kept: a page from the on-disk cache of
    /// parsed files, whose Markdown most builds never need.
    let bodyFile: String?
    /// Only for a body read from a file (a lock per page would cost a megabyte at 10,000).
    private let lock: NSLock?
    private var loadedBody: String?

    init(_ fields: Fields, bodyFile: String? = nil) {
      self.fields = fields
      self.bodyFile = bodyFile
      lock = bodyFile == nil ? nil : NSLock()
    }

    var body: String {
      guard let bodyFile, let lock else { return fields.body }
      lock.lock()
      defer { lock.unlock() }
      if let loadedBody { return loadedBody }
      let body = Page.readBody(of: bodyFile)
      loadedBody = body
      return body
    }
  }

  private let box: Box

  public init(
    kind: ContentKind, slug: String, path: String, relativePath: String, body: String,
    bodyLine: Int, tags: [String], draft: Bool, updated: LocalDate?,
    redirectFrom: [Reference] = [], meta: PageMeta, publish: DateTime? = nil,
    furigana: PageFurigana = PageFurigana(), tagPlaces: [Reference]? = nil
  ) {
    box = Box(
      Fields(
        kind: kind, slug: slug, path: path, relativePath: relativePath, body: body,
        bodyLine: bodyLine, tags: tags, draft: draft, updated: updated,
        redirectFrom: redirectFrom, meta: meta, publish: publish, furigana: furigana,
        tagPlaces: tagPlaces ?? tags.map { Reference(id: $0, line: 1, column: 1) }))
  }

  // Strings, lists and the front matter are read in place (`_read`): a getter returned a copy,
  // and a card reading a title copied the whole front matter, ten retains, to take one string.
  public var kind: ContentKind { box.fields.kind }
  public var slug: String { _read { yield box.fields.slug } }
  /// Path for diagnostics, e.g. `content/initiatives/foo.md`.
  public var path: String { _read { yield box.fields.path } }
  /// Path relative to the content directory, e.g. `initiatives/foo.md`.
  public var relativePath: String { _read { yield box.fields.relativePath } }
  public var body: String { box.body }
  /// Line of the file where the body starts, to turn Markdown positions into file positions.
  public var bodyLine: Int { box.fields.bodyLine }
  /// The page's tags (`Tags.name`: one spelling however typed), each once, in written order.
  public var tags: [String] { _read { yield box.fields.tags } }
  /// Each of `tags` as written and where: the place a warning about it names.
  public var tagPlaces: [Reference] { _read { yield box.fields.tagPlaces } }
  public var draft: Bool { box.fields.draft }
  public var updated: LocalDate? { box.fields.updated }
  /// When the page may be published: a build whose clock is earlier leaves it out, as it does
  /// a draft, so a writer can finish an announcement ahead of its day.
  public var publish: DateTime? { box.fields.publish }
  /// Whether a build at `now` leaves the page out for its `publish` time.
  public func isScheduled(at now: DateTime) -> Bool { publish.map { now < $0 } ?? false }
  /// The page's earlier addresses as written in `redirect_from` (`Reference.id`), each of which
  /// gets a page that sends the reader here.
  public var redirectFrom: [Reference] { _read { yield box.fields.redirectFrom } }
  public var meta: PageMeta { _read { yield box.fields.meta } }
  /// The furigana written in the title, summary and place; `meta` holds them plain.
  public var furigana: PageFurigana { _read { yield box.fields.furigana } }

  /// The same page without its Markdown, for a build that has rendered it and needs the
  /// memory.
  public func withoutBody() -> Page {
    var fields = box.fields
    fields.body = ""
    return Page(box: Box(fields))
  }

  private init(box: Box) { self.box = box }

  /// A page from the cache of parsed files: its body is read from `file` when first asked for.
  init(bodyFrom file: String, _ fields: Fields) { box = Box(fields, bodyFile: file) }

  /// The Markdown body of a content file as `SourceFile` splits it; empty when the file can no
  /// longer be read (the next build sees its new stamp and parses it again).
  static func readBody(of file: String) -> String {
    guard let data = FileManager.default.contents(atPath: file),
      case .success(let source) = SourceFile.read(
        bytes: [UInt8](data), path: file, relativePath: "")
    else { return "" }
    return source.body
  }

  public static func == (a: Page, b: Page) -> Bool {
    if a.box === b.box { return true }
    var (x, y) = (a.box.fields, b.box.fields)
    (x.body, y.body) = ("", "")
    return x == y && a.body == b.body
  }
  /// Without the body, which may not have been read; equal pages still hash alike.
  public func hash(into hasher: inout Hasher) {
    var fields = box.fields
    fields.body = ""
    hasher.combine(fields)
  }

  /// The page's heading: a glossary entry's term, every other kind's title.
  public var title: String {
    switch meta {
    case .strategy(let m): m.title
    case .field(let m): m.title
    case .initiative(let m): m.title
    case .event(let m): m.title
    case .glossary(let m): m.term
    case .about(let m): m.title
    }
  }

  /// The heading as HTML, with its furigana: the page's `<h1>`, cards and links show it.
  public var titleHTML: String { Furigana.html(title, furigana.title) }

  /// The summary as HTML, with its furigana (nil without a summary).
  public var summaryHTML: String? { summary.map { Furigana.html($0, furigana.summary) } }

  public var summary: String? {
    switch meta {
    case .strategy(let m): m.summary
    case .field(let m): m.summary
    case .initiative(let m): m.summary
    case .event(let m): m.summary
    case .glossary(let m): m.short
    case .about(let m): m.summary
    }
  }
}
