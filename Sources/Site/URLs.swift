import Content

/// The URL scheme of the site in one place, so pages, feeds, the sitemap and the checker agree.
/// Every URL is root-relative and starts with the base path (`/` or `/dx/`); every output path
/// is relative to the output folder and built only from validated slugs and ids.
public struct URLScheme: Sendable {
  public let basePath: String

  public init(basePath: String) {
    self.basePath = basePath.hasSuffix("/") ? basePath : basePath + "/"
  }

  public func url(_ relative: String) -> String { basePath + relative }

  /// The address of a published file (`files/…`). Its name is the writer's: `#`, `?` and `%`
  /// in it would end the path or start an escape, so they are percent-encoded (a space too);
  /// other characters are left for the HTML writer, which encodes what is not ASCII.
  public func file(_ relative: String) -> String {
    guard relative.utf8.contains(where: { $0 == 0x23 || $0 == 0x3F || $0 == 0x25 || $0 == 0x20 })
    else { return url(relative) }
    var encoded = ""
    for scalar in relative.unicodeScalars {
      switch scalar {
      case "#": encoded += "%23"
      case "?": encoded += "%3F"
      case "%": encoded += "%25"
      case " ": encoded += "%20"
      default: encoded.unicodeScalars.append(scalar)
      }
    }
    return url(encoded)
  }

  public func page(kind: ContentKind, slug: String) -> String {
    url("\(kind.urlFolder)/\(slug)/")
  }

  public func domain(_ id: String) -> String { url("domains/\(id)/") }
  public func field(_ id: String) -> String { url("fields/\(id)/") }
  /// The list of a kind's pages: fields are listed by domain under `domains/`; the pages about
  /// the site at `about/`, where their own pages are.
  public func index(_ kind: ContentKind) -> String {
    url("\(kind == .field ? "domains" : kind.urlFolder)/")
  }
  public var home: String { basePath }
  public var search: String { url("search/") }
  public var searchIndex: String { url("search/") }
  public var eventsFeed: String { url("events/feed.xml") }
  /// 更新情報: the pages with an `updated` date, newest first, and their feed.
  public var updates: String { url("updates/") }
  public var updatesFeed: String { url("updates/feed.xml") }
  public var eventsCalendar: String { url("events/events.ics") }
  public func eventCalendar(_ slug: String) -> String { url("events/\(slug)/event.ics") }
  /// The page of one year's past events (when the events page lists only the latest).
  public func pastEvents(year: Int) -> String { url("events/past/\(year)/") }
  /// Every tag, in 五十音 order, and each tag's page: the tag as written in the folder's name
  /// (`tags/子育て/`), percent-encoded in the address, as Hugo writes its taxonomies.
  public var tags: String { url("tags/") }
  public func tag(_ name: String) -> String { url("tags/\(Self.pathSegment(name))/") }
  public func tagOutputPath(_ name: String) -> String { "tags/\(name)/index.html" }

  /// `text` as one segment of a path: every byte but the unreserved and the sub-delimiters,
  /// `:` and `@` (RFC 3986's `pchar`) percent-encoded, Japanese and `/` among them.
  public static func pathSegment(_ text: String) -> String {
    var out = ""
    for byte in text.utf8 {
      if isPathByte(byte) {
        out.unicodeScalars.append(Unicode.Scalar(byte))
      } else {
        out += "%" + (byte < 0x10 ? "0" : "") + String(byte, radix: 16, uppercase: true)
      }
    }
    return out
  }

  /// An ASCII byte a path segment may hold as it is (`pchar`, but `%`).
  static func isPathByte(_ b: UInt8) -> Bool {
    switch b {
    case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
      UInt8(ascii: "0")...UInt8(ascii: "9"):
      true
    default: "-._~!$&'()*+,;=:@".utf8.contains(b)
    }
  }

  /// The file under the output folder that serves a root-relative URL ending in `/`.
  public func outputPath(forURL url: String) -> String {
    var path = String(url.dropFirst(basePath.count))
    if path.isEmpty || path.hasSuffix("/") { path += "index.html" }
    return path
  }

  /// The root-relative URL a file under the output folder answers: a folder's `index.html` by
  /// the folder. ASCII that would end or change the path (`#`, `?`, `%`, a space; a tag's
  /// folder may hold them) is percent-encoded; other characters are left to whoever writes the
  /// address (the sitemap encodes what is not ASCII).
  public func url(forOutputPath path: String) -> String {
    if path == "index.html" { return basePath }
    let folder = path.hasSuffix("/index.html") ? String(path.dropLast("index.html".count)) : path
    guard folder.utf8.contains(where: { $0 < 0x80 && !Self.isPathByte($0) && $0 != 0x2F })
    else { return url(folder) }
    var out = ""
    for scalar in folder.unicodeScalars {
      if scalar.isASCII, !Self.isPathByte(UInt8(scalar.value)), scalar != "/" {
        out +=
          "%" + (scalar.value < 0x10 ? "0" : "") + String(scalar.value, radix: 16, uppercase: true)
      } else {
        out.unicodeScalars.append(scalar)
      }
    }
    return url(out)
  }
}
