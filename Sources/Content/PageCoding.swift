import ByteFormats
import Diagnostics
import Foundation

/// Parse results in the binary form of the incremental cache, so `portal build` after an edit
/// parses only the files whose stamp changed (the YAML of 10,000 front matters took a second).
/// Pages are written without their Markdown: a decoded page reads its body from its file when
/// something asks for it, which after a one-file edit is only the pages rendered again.
extension ParseMemo {
  /// Every entry but those of drafts and scheduled pages, with the key of the site.yml they
  /// were parsed with. The cache sits in the output folder, which is what gets uploaded, and a
  /// draft's or an announcement's title and summary are not public yet: those few files are
  /// parsed again by each build instead.
  public func encoded() -> [UInt8] {
    let (key, entries) = snapshot()
    let privateCount = entries.values.count { Self.isUnpublished($0.page) }
    var w = BinaryWriter()
    w.reserve(entries.count * 512)
    w.u64(key ?? 0)
    w.bool(key != nil)
    w.int(entries.count - privateCount)
    entries.forEachCanonically { path, e in
      guard !Self.isUnpublished(e.page) else { return }
      w.string(path)
      w.i64(e.stamp.modified)
      w.i64(e.stamp.size)
      w.i64(e.stamp.changed)
      w.bool(e.page != nil)
      e.page?.encode(into: &w)
      w.int(e.diagnostics.count)
      for d in e.diagnostics { d.encode(into: &w) }
      w.bool(e.hashes != nil)
      if let h = e.hashes {
        w.u64(h.file)
        w.u64(h.frontMatter)
        w.u64(h.body)
      }
    }
    return w.bytes
  }

  /// A draft, or a page with a `publish` time (whether or not it has come: a build at another
  /// clock would leave it out).
  static func isUnpublished(_ page: Page?) -> Bool {
    guard let page else { return false }
    return page.draft || page.publish != nil
  }

  /// A memo holding the entries `encoded()` wrote; decoded pages read their bodies from under
  /// `contentDirectory` when asked.
  public convenience init(decoding bytes: [UInt8], contentDirectory: URL) throws {
    let root = contentDirectory.standardizedFileURL.path
    self.init()
    var r = BinaryReader(bytes)
    let key = try r.u64()
    let hasKey = try r.bool()
    var entries: [String: Entry] = [:]
    let count = try r.int()
    entries.reserveCapacity(count)
    for _ in 0..<count {
      let path = try r.string()
      let stamp = FileStamp(modified: try r.i64(), size: try r.i64(), changed: try r.i64())
      let page =
        try r.bool() ? try Page(decoding: &r, bodyFrom: root + "/" + path) : nil
      var diagnostics: [Diagnostic] = []
      for _ in 0..<(try r.int()) { diagnostics.append(try Diagnostic(decoding: &r)) }
      let hashes =
        try r.bool()
        ? SourceHashes(file: try r.u64(), frontMatter: try r.u64(), body: try r.u64()) : nil
      entries[path] = Entry(stamp: stamp, page: page, diagnostics: diagnostics, hashes: hashes)
    }
    guard r.atEnd else { throw BinaryReader.Corrupt() }
    seed(entries, configKey: hasKey ? key : nil)
  }
}

extension Page {
  func encode(into w: inout BinaryWriter) {
    w.string(kind.rawValue)
    w.string(slug)
    w.string(path)
    w.string(relativePath)
    w.int(bodyLine)
    w.strings(tags)
    w.references(tagPlaces)
    w.bool(draft)
    w.date(updated)
    w.dateTime(publish)
    w.references(redirectFrom)
    switch meta {
    case .strategy(let m):
      w.int(0)
      w.string(m.title)
      w.i64(Int64(m.order))
      w.optional(m.summary)
      w.reference(m.parent)
    case .field(let m):
      w.int(1)
      w.string(m.title)
      w.reference(m.domain)
      w.reference(m.field)
      w.optional(m.summary)
    case .initiative(let m):
      w.int(2)
      w.string(m.title)
      w.string(m.summary)
      w.references(m.fields)
      w.optional(m.status?.rawValue)
      w.optional(m.department)
      w.date(m.started)
      w.references(m.related)
      w.int(m.links.count)
      for l in m.links {
        w.string(l.title)
        w.string(l.url)
      }
    case .event(let m):
      w.int(3)
      w.string(m.title)
      w.string(m.summary)
      w.dateTime(m.start)
      w.dateTime(m.end)
      w.optional(m.place)
      w.optional(m.online)
      w.optional(m.registration)
      w.dateTime(m.deadline)
      w.bool(m.capacity != nil)
      w.i64(Int64(m.capacity ?? 0))
      w.optional(m.fee)
      w.optional(m.audience)
      w.strings(m.accessibility)
      w.references(m.initiatives)
      w.optional(m.phone)
      w.optional(m.fax)
      w.optional(m.application)
      w.optional(m.access)
      w.optional(m.hours)
      w.optional(m.status?.rawValue)
    case .glossary(let m):
      w.int(4)
      w.string(m.term)
      w.string(m.reading)
      w.string(m.short)
      w.strings(m.aliases)
      w.optional(m.english)
      w.references(m.related)
      w.references(m.namePlaces)
    case .about(let m):
      w.int(5)
      w.string(m.title)
      w.optional(m.summary)
      w.bool(m.order != nil)
      w.i64(Int64(m.order ?? 0))
      w.bool(m.footer)
    }
    for f in [furigana.title, furigana.summary, furigana.place] { w.furigana(f) }
  }

  init(decoding r: inout BinaryReader, bodyFrom file: String) throws {
    guard let kind = ContentKind(rawValue: try r.string()) else { throw BinaryReader.Corrupt() }
    let slug = try r.string()
    let path = try r.string()
    let relativePath = try r.string()
    let bodyLine = try r.int()
    let tags = try r.strings()
    let tagPlaces = try r.references()
    let draft = try r.bool()
    let updated = try r.date()
    let publish = try r.dateTime()
    let redirectFrom = try r.references()
    let meta: PageMeta
    switch try r.int() {
    case 0:
      meta = .strategy(
        StrategyMeta(
          title: try r.string(), order: Int(try r.i64()), summary: try r.optional(),
          parent: try r.reference()))
    case 1:
      meta = .field(
        FieldMeta(
          title: try r.string(), domain: try r.required(), field: try r.required(),
          summary: try r.optional()))
    case 2:
      let title = try r.string()
      let summary = try r.string()
      let fields = try r.references()
      let status = try r.optional().map { InitiativeStatus(rawValue: $0) }
      if status == .some(nil) { throw BinaryReader.Corrupt() }
      let department = try r.optional()
      let started = try r.date()
      let related = try r.references()
      var links: [ExternalLink] = []
      for _ in 0..<(try r.int()) {
        links.append(ExternalLink(title: try r.string(), url: try r.string()))
      }
      meta = .initiative(
        InitiativeMeta(
          title: title, summary: summary, fields: fields, status: status ?? nil,
          department: department, started: started, related: related, links: links))
    case 3:
      let title = try r.string()
      let summary = try r.string()
      guard let start = try r.dateTime() else { throw BinaryReader.Corrupt() }
      let end = try r.dateTime()
      let place = try r.optional()
      let online = try r.optional()
      let registration = try r.optional()
      let deadline = try r.dateTime()
      let hasCapacity = try r.bool()
      let capacity = Int(try r.i64())
      meta = .event(
        EventMeta(
          title: title, summary: summary, start: start, end: end, place: place, online: online,
          registration: registration, deadline: deadline, capacity: hasCapacity ? capacity : nil,
          fee: try r.optional(), audience: try r.optional(), accessibility: try r.strings(),
          initiatives: try r.references(), phone: try r.optional(), fax: try r.optional(),
          application: try r.optional(), access: try r.optional(), hours: try r.optional(),
          status: try r.optional().flatMap(EventStatus.init(rawValue:))))
    case 4:
      meta = .glossary(
        GlossaryMeta(
          term: try r.string(), reading: try r.string(), short: try r.string(),
          aliases: try r.strings(), english: try r.optional(), related: try r.references(),
          namePlaces: try r.references()))
    case 5:
      let title = try r.string()
      let summary = try r.optional()
      let hasOrder = try r.bool()
      let order = Int(try r.i64())
      meta = .about(
        AboutMeta(
          title: title, summary: summary, order: hasOrder ? order : nil, footer: try r.bool()))
    default:
      throw BinaryReader.Corrupt()
    }
    let furigana = PageFurigana(
      title: try r.furigana(), summary: try r.furigana(), place: try r.furigana())
    self.init(
      bodyFrom: file,
      Fields(
        kind: kind, slug: slug, path: path, relativePath: relativePath, body: "",
        bodyLine: bodyLine, tags: tags, draft: draft, updated: updated,
        redirectFrom: redirectFrom, meta: meta, publish: publish, furigana: furigana,
        tagPlaces: tagPlaces))
  }
}

extension Diagnostic {
  func encode(into w: inout BinaryWriter) {
    w.bool(severity == .error)
    w.string(location.file)
    w.int(location.line)
    w.int(location.column)
    w.string(message)
    w.optional(hint)
    w.optional(code)
    w.optional(japanese?.message)
    w.optional(japanese?.hint)
  }

  init(decoding r: inout BinaryReader) throws {
    let severity: Severity = try r.bool() ? .error : .warning
    let location = SourceLocation(file: try r.string(), line: try r.int(), column: try r.int())
    self.init(severity, location, try r.string(), hint: try r.optional(), code: try r.optional())
    let (message, hint): (String?, String?) = (try r.optional(), try r.optional())
    if let message { japanese = Japanese(message: message, hint: hint) }
  }
}

extension BinaryWriter {
  fileprivate mutating func optional(_ s: String?) {
    bool(s != nil)
    if let s { string(s) }
  }

  fileprivate mutating func date(_ d: LocalDate?) {
    bool(d != nil)
    guard let d else { return }
    int(d.year)
    int(d.month)
    int(d.day)
  }

  fileprivate mutating func dateTime(_ d: DateTime?) {
    bool(d != nil)
    guard let d else { return }
    i64(Int64(d.epochSeconds))
    i64(Int64(d.offsetSeconds))
    bool(d.isDateOnly)
  }

  fileprivate mutating func reference(_ r: Reference?) {
    bool(r != nil)
    guard let r else { return }
    string(r.id)
    int(r.line)
    int(r.column)
  }

  fileprivate mutating func references(_ list: [Reference]) {
    int(list.count)
    for r in list { reference(r) }
  }

  /// A text's furigana: its pieces, each plain text or a base with its reading.
  fileprivate mutating func furigana(_ f: Furigana?) {
    int(f?.pieces.count ?? 0)
    for piece in f?.pieces ?? [] {
      switch piece {
      case .text(let t):
        bool(false)
        string(t)
      case .ruby(let base, let reading):
        bool(true)
        string(base)
        string(reading)
      }
    }
  }
}

extension BinaryReader {
  fileprivate mutating func optional() throws -> String? {
    try bool() ? try string() : nil
  }

  fileprivate mutating func date() throws -> LocalDate? {
    guard try bool() else { return nil }
    return LocalDate(year: try int(), month: try int(), day: try int())
  }

  fileprivate mutating func dateTime() throws -> DateTime? {
    guard try bool() else { return nil }
    return DateTime(
      epochSeconds: Int(try i64()), offsetSeconds: Int(try i64()), isDateOnly: try bool())
  }

  fileprivate mutating func reference() throws -> Reference? {
    guard try bool() else { return nil }
    return Reference(id: try string(), line: try int(), column: try int())
  }

  fileprivate mutating func required() throws -> Reference {
    guard let r = try reference() else { throw BinaryReader.Corrupt() }
    return r
  }

  fileprivate mutating func references() throws -> [Reference] {
    var list: [Reference] = []
    for _ in 0..<(try int()) { list.append(try required()) }
    return list
  }

  /// What `furigana(_:)` wrote; nil for a text without furigana.
  fileprivate mutating func furigana() throws -> Furigana? {
    let count = try int()
    guard count > 0 else { return nil }
    var pieces: [Furigana.Piece] = []
    for _ in 0..<count {
      pieces.append(
        try bool() ? .ruby(base: try string(), reading: try string()) : .text(try string()))
    }
    return Furigana(pieces: pieces)
  }
}
