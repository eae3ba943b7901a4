import Diagnostics
import Foundation

/// The build's `.portal/sourcemap.json`: for each output page, the Markdown file and template
/// that made it and where each body link and heading was written. Every field is optional when
/// reading, so an older or partial map still helps instead of failing the check.
public struct SourceMap: Sendable, Decodable {
  public struct Link: Sendable, Decodable, Hashable {
    public var url: String
    public var line: Int
    public var column: Int
    public var image: Bool
    public var text: String

    public init(url: String, line: Int, column: Int, image: Bool = false, text: String = "") {
      (self.url, self.line, self.column, self.image, self.text) = (url, line, column, image, text)
    }

    public init(from decoder: Decoder) throws {
      let c = try decoder.container(keyedBy: CodingKeys.self)
      url = try c.decode(String.self, forKey: .url)
      line = try c.decodeIfPresent(Int.self, forKey: .line) ?? 1
      column = try c.decodeIfPresent(Int.self, forKey: .column) ?? 1
      image = try c.decodeIfPresent(Bool.self, forKey: .image) ?? false
      text = try c.decodeIfPresent(String.self, forKey: .text) ?? ""
    }

    private enum CodingKeys: String, CodingKey { case url, line, column, image, text }
  }

  public struct Heading: Sendable, Decodable, Hashable {
    public var level: Int
    public var text: String
    public var line: Int
    public var column: Int

    public init(level: Int, text: String, line: Int, column: Int = 1) {
      (self.level, self.text, self.line, self.column) = (level, text, line, column)
    }

    public init(from decoder: Decoder) throws {
      let c = try decoder.container(keyedBy: CodingKeys.self)
      level = try c.decodeIfPresent(Int.self, forKey: .level) ?? 0
      text = try c.decodeIfPresent(String.self, forKey: .text) ?? ""
      line = try c.decodeIfPresent(Int.self, forKey: .line) ?? 1
      column = try c.decodeIfPresent(Int.self, forKey: .column) ?? 1
    }

    private enum CodingKeys: String, CodingKey { case level, text, line, column }
  }

  public struct Page: Sendable, Decodable {
    /// The Markdown file, relative to the project folder (or absolute).
    public var source: String?
    public var template: String?
    public var links: [Link]
    public var headings: [Heading]

    public init(
      source: String? = nil, template: String? = nil, links: [Link] = [], headings: [Heading] = []
    ) {
      (self.source, self.template, self.links, self.headings) = (source, template, links, headings)
    }

    public init(from decoder: Decoder) throws {
      let c = try decoder.container(keyedBy: CodingKeys.self)
      source = try c.decodeIfPresent(String.self, forKey: .source)
      template = try c.decodeIfPresent(String.self, forKey: .template)
      links = try c.decodeIfPresent([Link].self, forKey: .links) ?? []
      headings = try c.decodeIfPresent([Heading].self, forKey: .headings) ?? []
    }

    private enum CodingKeys: String, CodingKey { case source, template, links, headings }
  }

  public var version: Int
  /// Keyed by the output path relative to the site folder, e.g. `initiatives/foo/index.html`.
  public var pages: [String: Page]

  public init(version: Int = 1, pages: [String: Page] = [:]) {
    self.version = version
    self.pages = pages
  }

  public init(from decoder: Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    version = try c.decodeIfPresent(Int.self, forKey: .version) ?? 1
    pages = try c.decodeIfPresent([String: Page].self, forKey: .pages) ?? [:]
  }

  private enum CodingKeys: String, CodingKey { case version, pages }

  public static let relativePath = ".portal/sourcemap.json"
  /// Where the build records the hash of each file it read (`SourceRecord` in Build).
  public static let sourcesPath = ".portal/sources.json"

  /// The hash the build recorded of each source (`SourceHash`: of its text as the build reads
  /// it, a BOM and CR line endings aside), by its path as the source map writes it. Empty when
  /// the site has none (built by a `portal` from before the record): then only modification
  /// times tell.
  public static func hashes(site: URL) -> [String: String] {
    struct Record: Decodable { var files: [String: String]? }
    guard
      let data = FileManager.default.contents(
        atPath: site.appendingPathComponent(sourcesPath).path),
      let record = try? JSONDecoder().decode(Record.self, from: data)
    else { return [:] }
    return record.files ?? [:]
  }

  /// Reads the map of a built site; nil when there is none, and a warning when it is unreadable,
  /// because the check still works without it (positions then point at the HTML).
  static func load(site: URL, projectRoot: URL? = nil) -> (SourceMap?, Diagnostic?) {
    let url = site.appendingPathComponent(relativePath)
    guard let data = FileManager.default.contents(atPath: url.path) else { return (nil, nil) }
    do {
      return (try JSONDecoder().decode(SourceMap.self, from: data), nil)
    } catch {
      return (
        nil,
        .warning(
          SourceLocation(file: Paths.display(url, relativeTo: projectRoot)),
          "the source map could not be read: \(error)",
          hint: "rebuild the site with `portal build`; until then problems point at the HTML files",
          code: "check.source-map"
        ).ja(
          "ビルドが残した記録 `\(Paths.display(url, relativeTo: projectRoot))`（どのページを、どの Markdown のファイルとテンプレートから作ったか）を読み込めませんでした：\(error)",
          hint:
            "`portal build` でサイトを作り直してください。それまでは、問題の場所を Markdown のファイルではなく、できあがったページ（.html のファイル）で示します"
        )
      )
    }
  }
}
