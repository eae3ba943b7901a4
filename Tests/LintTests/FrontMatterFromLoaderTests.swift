import Content
import Diagnostics
import Foundation
import Testing

@testable import Lint

/// `portal lint` reads a page's front matter values from the node the loader composed
/// (`ContentLoader.load(frontMatterKeys:)`, `Linter.lintFrontMatter(file:reading:)`), not by
/// composing the YAML again: each warning is the one the front matter's text gives, at the same
/// line and column.
@Suite struct FrontMatterFromLoaderTests {
  /// Event front matters: warnings in a summary, a name and a `|` block, an escape, an alias
  /// (`*a`, read by the offline rule apart from the summary it aliases), a merge key, `**` in a
  /// value, and one YAML cannot read.
  static let frontMatters = [
    "title: '**大事**なお知らせ'\nsummary: 県の職員のために、とても、長い、文を、書きます。\nstart: 2027-01-16T13:30:00+09:00\n",
    "title: ゼロ\u{200B}幅\nsummary: |\n  一行目です。\n  **二行目**です。\nstart: 2027-01-16T13:30:00+09:00\n",
    "title: 教室\nsummary: \"県の\\u3042職員\\nのために**太字**です。\"\nplace: '{漢字|}の学習'\nstart: 2027-01-16T13:30:00+09:00\n",
    "title: 教室\nsummary: &a https://example.jp/apply\nregistration: *a\nstart: 2027-01-16T13:30:00+09:00\n",
    "title: &t ＤＸ教室\nsummary: *t\nstart: 2027-01-16T13:30:00+09:00\nregistration: https://example.jp/a\n",
    "title: [\nsummary: **太字**\nstart: 2027-01-16T13:30:00+09:00\n",
  ]

  /// The file of each front matter, with line feeds, carriage returns and line feeds, or a BOM.
  static func file(_ frontMatter: String, _ variant: String) -> [UInt8] {
    let lineEnd = variant == "crlf" ? "\r\n" : "\n"
    let text = "---\n\(frontMatter)---\n本文です。\n".replacingOccurrences(of: "\n", with: lineEnd)
    return (variant == "bom" ? [0xEF, 0xBB, 0xBF] : []) + Array(text.utf8)
  }

  @Test func warningsFromTheLoadersValuesAreThoseOfTheText() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "lint-loader-front-matter-\(UUID().uuidString)")
    try FileManager.default.createDirectory(
      at: folder.appendingPathComponent("events"), withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    try "title: T\nbase_url: https://x.example/\ndomains: []\n".write(
      to: folder.appendingPathComponent("site.yml"), atomically: true, encoding: .utf8)
    var files: [String: [UInt8]] = [:]
    for (n, frontMatter) in Self.frontMatters.enumerated() {
      for variant in ["lf", "crlf", "bom"] {
        let relative = "events/e\(n)-\(variant).md"
        files[relative] = Self.file(frontMatter, variant)
        try Data(files[relative]!).write(to: folder.appendingPathComponent(relative))
      }
    }
    let (set, _) = ContentLoader.load(
      contentDirectory: folder, includeDrafts: true, frontMatterKeys: Linter.frontMatterKeys)
    let loaded = try #require(set)
    // The last front matter is not YAML: no page, nothing to lint (nor was there before).
    #expect(loaded.pages.count == 15 && loaded.frontMatters.count == 15)
    var warned: [String: [String]] = [:]
    for page in loaded.pages {
      let reading = try #require(loaded.frontMatters[page.relativePath])
      let source = try SourceFile.read(
        bytes: files[page.relativePath]!, path: page.path, relativePath: page.relativePath
      ).get()
      #expect(reading.text == source.frontMatter && reading.line == source.frontMatterLine)
      let fromLoader = Linter.lintFrontMatter(
        file: page.path, reading: reading, context: LintContext())
      let fromText = Linter.lintFrontMatter(
        file: page.path, frontMatter: source.frontMatter, firstLine: source.frontMatterLine,
        context: LintContext())
      #expect(fromLoader == fromText, "\(page.relativePath)")
      warned[page.relativePath] = fromLoader.map {
        "\($0.location.line):\($0.location.column) \($0.code ?? "")"
      }
    }
    // The same warnings whatever the line ends, and each where it is written: a `|` block's
    // second line, and the aliased summary (`&a`) where the offline warning on `*a` goes.
    for n in 0..<5 {
      #expect(warned["events/e\(n)-lf.md"] == warned["events/e\(n)-crlf.md"])
      #expect(warned["events/e\(n)-lf.md"] == warned["events/e\(n)-bom.md"])
    }
    #expect(
      warned["events/e0-crlf.md"] == ["2:9 lint.front-matter-markup", "3:28 lint.comma-count"])
    #expect(
      warned["events/e1-crlf.md"] == [
        "2:10 lint.invisible-character", "5:3 lint.front-matter-markup",
      ])
    #expect(warned["events/e3-crlf.md"] == ["3:13 lint.offline-application"])
    #expect(warned["events/e4-bom.md"] == ["5:15 lint.offline-application"])
  }

  /// The values of both sets read from one node are those each set gives by itself, on front
  /// matters with anchors, aliases and merge keys (where they are read apart) and without.
  @Test func valuesOfEachSetFromOneNodeAreThoseReadOneByOne() {
    var generator = SystemRandomNumberGenerator()
    let pieces = [
      "title: &t 教室\n", "summary: &s 説明です。\n", "summary: *t\n", "registration: *s\n",
      "registration: https://example.jp/apply\n", "phone: &p 099-000-0000\n", "fax: *p\n",
      "application: \"**電話**で申し込めます。\"\n", "place: *s\n", "access: |\n  バスで\n  行けます。\n",
      "accessibility:\n  - 車いす\n  - *t\n", "links:\n  - title: 資料\n    url: /a\n",
      "base: &m {fee: 無料}\n", "<<: *m\n", "term: 用語\n", "other: 値\n",
    ]
    for _ in 0..<500 {
      let yaml = randomText(of: pieces, maxPieces: 8, using: &generator)
      let read = FrontMatterValues.values(in: yaml, keySets: Linter.frontMatterKeys)
      #expect(
        read == Linter.frontMatterKeys.map { FrontMatterValues.values(in: yaml, keys: $0) },
        "\(yaml)")
    }
  }
}
