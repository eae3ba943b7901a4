import Diagnostics
import Foundation
import Testing

@testable import Content

/// `SiteIDSlips` takes the slips from the parse of site.yml and of the pages: the words of the
/// errors may change, and an id may be written in any way YAML allows (quoted, in a flow
/// mapping) or mentioned in a comment, without the slip being lost or misplaced.
@Suite struct SiteIDSlipsTests {
  /// The fixture's site.yml and pages parsed as the loader does, before `SiteIDSlips`, with
  /// every message and hint in other words.
  func reworded(_ name: String) throws -> ([Diagnostic], [Page], SiteConfig) {
    let content = fixture(name)
    let text = try String(
      contentsOf: content.appendingPathComponent("site.yml"), encoding: .utf8)
    let (parsed, configDiagnostics) = SiteConfig.parse(text, file: "content/site.yml")
    let config = try #require(parsed)
    var diagnostics = configDiagnostics
    var pages: [Page] = []
    for folder in ["fields", "initiatives"] {
      let kind = try #require(ContentKind(folder: folder))
      let names = try FileManager.default.contentsOfDirectory(
        atPath: content.appendingPathComponent(folder).path
      ).sorted()
      for name in names {
        let relative = "\(folder)/\(name)"
        let (page, d, _) = ContentLoader.parse(
          at: content.appendingPathComponent(relative).path, shownAs: "content/\(relative)",
          relative: relative, kind: kind, config: config)
        diagnostics += d
        if let page { pages.append(page) }
      }
    }
    for i in diagnostics.indices {
      diagnostics[i].message = "reworded \(i)"
      diagnostics[i].hint = nil
      diagnostics[i].japanese = .init(message: "言いかえ \(i)", hint: nil)
    }
    return (diagnostics, pages, config)
  }

  @Test func aSlipIsFoundWhateverTheErrorsSay() throws {
    var (diagnostics, pages, config) = try reworded("site-yml-typo")
    let errors = SiteIDSlips.check(
      &diagnostics, pages: pages, config: config, configPath: "content/site.yml")
    #expect(
      errors.map { "\($0.location.line):\($0.location.column) \($0.message)" } == [
        "13:15 the field id `crisis-managment` is named by no page, while 2 files name `crisis-management`, which site.yml does not list"
      ])
    let pointed = diagnostics.filter { $0.hint?.contains("(content/site.yml:13:15)") == true }
    #expect(
      pointed.map(\.location.file).sorted() == [
        "content/fields/crisis-management.md", "content/initiatives/ai-disaster.md",
      ])
    // The page's own slip (`safty`) is left as it was.
    #expect(diagnostics.filter { $0.hint != nil }.count == 2)
  }

  @Test func anIdGivenTwiceIsFoundWhateverTheErrorsSay() throws {
    var (diagnostics, pages, config) = try reworded("site-yml-twice")
    let before = diagnostics.count
    let errors = SiteIDSlips.check(
      &diagnostics, pages: pages, config: config, configPath: "content/site.yml")
    #expect(errors.isEmpty)
    // The duplicate's error now says the slip; the two files' errors are not listed.
    #expect(diagnostics.count == before - 2)
    let twice = try #require(diagnostics.first { $0.code == "config.duplicate-id" })
    #expect(
      twice.message
        == "the field id `safety` is given twice (lines 13 and 14), and 2 files name `crisis-management`, which site.yml does not list: was one of the two meant to be `crisis-management`?"
    )
    #expect(
      twice.location == Diagnostics.SourceLocation(file: "content/site.yml", line: 14, column: 11))
  }

  /// site.yml's parse gives every domain's and field's id its place, the second of an id given
  /// twice too, and where that one's error is.
  @Test func siteYmlKeepsEachIdsPlace() throws {
    let text = """
      title: T
      base_url: https://x.example/
      domains:
        - {id: kurashi, name: 暮らし, fields: [{ id: "safety", name: 安全 }]}
        - id: 'sangyo'
          name: 産業
          fields:
            - id: safety
              name: 安全2
      """
    let (parsed, diagnostics) = SiteConfig.parse(text, file: "site.yml")
    let config = try #require(parsed)
    #expect(config.domains.map(\.idLocation?.line) == [4, 5])
    #expect(config.domains.map(\.idLocation?.column) == [10, 9])
    #expect(
      config.idLocations(of: "safety", kind: .field).map { [$0.line, $0.column] } == [
        [4, 45], [8, 13],
      ])
    #expect(config.idLocations(of: "safety", kind: .domain).isEmpty)
    let repeated = try #require(config.repeatedIDs.first)
    #expect(config.repeatedIDs.count == 1 && repeated.kind == .field && repeated.id == "safety")
    #expect(
      diagnostics.filter { $0.code == "config.duplicate-id" }.map(\.location) == [
        repeated.reportedAt
      ])
  }

  /// `ReferenceValidator.unknownSiteIDs` names the references `PageParser` reports, at the same
  /// places: `SiteIDSlips` finds their errors by place.
  @Test func theUnknownIdsAreThoseThePagesAreToldOf() throws {
    let text =
      "title: T\nbase_url: https://x.example/\ndomains:\n  - { id: life, name: 暮らし, fields: [{ id: safety, name: 安全 }] }\n"
    let (parsed, _) = SiteConfig.parse(text, file: "site.yml")
    let config = try #require(parsed)
    let files: [(String, ContentKind, String)] = [
      ("content/initiatives/a.md", .initiative, "fields: [safety, safty, 'kiki']"),
      ("content/initiatives/b.md", .initiative, "fields:\n  - safety\n  - bosai"),
      ("content/fields/c.md", .field, "domain: kurashi\nfield: anzen"),
      ("content/fields/d.md", .field, "domain: life\nfield: safety"),
    ]
    var told: [Diagnostics.SourceLocation] = []
    var pages: [Page] = []
    for (path, kind, lines) in files {
      let summary = kind == .initiative ? "summary: 説明です。\n" : ""
      let (page, d) = try parseFile(
        "---\ntitle: 題\n\(summary)\(lines)\n---\n本文\n", kind: kind, path: path, config: config)
      told += d.filter { $0.code == "content.unknown-id" }.map(\.location)
      if let page { pages.append(page) }
    }
    let unknown = ReferenceValidator.unknownSiteIDs(pages: pages, config: config)
    #expect(unknown.map(\.location) == told)
    #expect(unknown.map(\.id) == ["safty", "kiki", "bosai", "kurashi", "anzen"])
    #expect(unknown.map(\.kind) == [.field, .field, .field, .domain, .field])
    #expect(unknown.map(\.key) == ["fields", "fields", "fields", "domain", "field"])
  }
}

/// An id written as YAML allows: quoted, or in a flow mapping `{id: kurasi, …}`, and an `id:`
/// in a comment. The scan of site.yml's text for `id:` that placed these before found no
/// quoted id (no error at site.yml), and counted a comment's as a line of the id.
@Suite struct SiteIDSlipsWrittenTests {
  /// What the loader reports for `siteYml` and pages (relative path, front-matter lines).
  func load(_ siteYml: String, _ pages: [(String, String)]) throws -> [String] {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
      "portal-site-ids-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: dir) }
    for (relative, lines) in pages {
      let url = dir.appendingPathComponent(relative)
      try FileManager.default.createDirectory(
        at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try "---\n\(lines)\n---\n本文です。\n".write(to: url, atomically: true, encoding: .utf8)
    }
    try ("title: T\nbase_url: https://x.example/\n" + siteYml).write(
      to: dir.appendingPathComponent("site.yml"), atomically: true, encoding: .utf8)
    let (_, diagnostics) = ContentLoader.load(contentDirectory: dir, displayPrefix: "content")
    expectJapanese(diagnostics)
    return diagnostics.sorted.map {
      "\($0.location.file):\($0.location.line):\($0.location.column) \($0.message) / \($0.hint ?? "")"
    }
  }

  static let initiatives = [
    ("initiatives/a.md", "title: 防災\nsummary: 備えます。\nfields: [crisis-management]"),
    ("initiatives/b.md", "title: 避難\nsummary: 逃げます。\nfields: [crisis-management]"),
  ]

  @Test func aQuotedIdIsPlacedAtItsQuote() throws {
    let got = try load(
      "domains:\n  - id: life\n    name: 暮らし\n    fields:\n      - id: \"crisis-managment\"\n        name: 危機管理\n",
      Self.initiatives)
    #expect(
      got == [
        "content/initiatives/a.md:4:10 `fields` names an unknown field `crisis-management` / site.yml lists `crisis-managment`, which no page names: if that is the slip, write `id: crisis-management` there (content/site.yml:7:13); else write `crisis-managment` here",
        "content/initiatives/b.md:4:10 `fields` names an unknown field `crisis-management` / site.yml lists `crisis-managment`, which no page names: if that is the slip, write `id: crisis-management` there (content/site.yml:7:13); else write `crisis-managment` here",
        "content/site.yml:7:13 the field id `crisis-managment` is named by no page, while 2 files name `crisis-management`, which site.yml does not list / did you mean `id: crisis-management`? (if `crisis-managment` is right, write it in those files instead)",
      ], "\(got)")
  }

  @Test func aDomainInAFlowMappingIsPlacedAtItsId() throws {
    let got = try load(
      "domains:\n  - {id: kurasi, name: 暮らし, fields: [{id: bosai, name: 防災}, {id: anzen, name: 安全}]}\n",
      [
        ("fields/bosai.md", "title: 防災\ndomain: kurashi\nfield: bosai"),
        ("fields/anzen.md", "title: 安全\ndomain: kurashi\nfield: anzen"),
      ])
    #expect(
      got.last
        == "content/site.yml:4:10 the domain id `kurasi` is named by no page, while 2 files name `kurashi`, which site.yml does not list / did you mean `id: kurashi`? (if `kurasi` is right, write it in those files instead)",
      "\(got)")
    #expect(got.filter { $0.contains("there (content/site.yml:4:10)") }.count == 2, "\(got)")
  }

  /// `# id: safety` above the domains is a comment, not a third line of the id (the text scan
  /// said "lines 3 and 8 and 9").
  @Test func anIdInACommentIsNotOneOfItsLines() throws {
    let got = try load(
      "# the old list had id: safety only\ndomains:\n  - id: life\n    name: 暮らし\n    fields:\n      - { id: safety, name: 危機管理 }\n      - { id: safety, name: 安全 }\n",
      Self.initiatives)
    #expect(
      got == [
        "content/site.yml:9:11 the field id `safety` is given twice (lines 8 and 9), and 2 files name `crisis-management`, which site.yml does not list: was one of the two meant to be `crisis-management`? / write `id: crisis-management` on the line meant for it (8 or 9); the files naming it (content/initiatives/a.md, content/initiatives/b.md) then need no change"
      ], "\(got)")
  }

  /// One of the two quoted: the text scan found one line of the id, and the slip was not told
  /// (three errors, the pages' hint "use an id listed in site.yml").
  @Test func anIdGivenTwiceOnceQuotedIsOneError() throws {
    let got = try load(
      "domains:\n  - id: life\n    name: 暮らし\n    fields:\n      - { id: \"safety\", name: 危機管理 }\n      - { id: safety, name: 安全 }\n",
      Self.initiatives)
    #expect(got.count == 1, "\(got)")
    #expect(
      got.first?.hasPrefix(
        "content/site.yml:8:11 the field id `safety` is given twice (lines 7 and 8)") == true)
  }

  /// An id read as meant (`Crisis-Managment` as `crisis-managment`) is placed where it is
  /// written: the text scan looked for the id as read, found nothing, and the pages were told
  /// "did you mean `crisis-managment`?", the slip to copy.
  @Test func anIdReadAsMeantIsPlacedWhereWritten() throws {
    let got = try load(
      "domains:\n  - id: life\n    name: 暮らし\n    fields:\n      - { id: Crisis-Managment, name: 危機管理 }\n",
      Self.initiatives)
    #expect(got.filter { $0.contains("there (content/site.yml:7:15)") }.count == 2, "\(got)")
    #expect(
      got.contains {
        $0.hasPrefix("content/site.yml:7:15 the field id `crisis-managment` is named by no page")
      })
  }
}
