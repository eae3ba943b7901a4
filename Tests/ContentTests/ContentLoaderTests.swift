import Diagnostics
import Foundation
import Testing

@testable import Content

func fixture(_ name: String) -> URL {
  Bundle.module.resourceURL!.appendingPathComponent("Fixtures/\(name)/content")
}

@Suite struct ContentLoaderTests {
  @Test func invalidFixtureReportsEveryProblemWithPositions() throws {
    let (content, diagnostics) = ContentLoader.load(
      contentDirectory: fixture("invalid"), displayPrefix: "content")
    #expect(content != nil)
    let got = diagnostics.sorted.map {
      "\($0.location.file):\($0.location.line):\($0.location.column): \($0.code ?? "")"
    }
    #expect(
      got == [
        "content/events/bad-date.md:4:8: front-matter.date",
        "content/events/bad-date.md:5:6: front-matter.date",
        "content/events/bad-date.md:6:11: front-matter.type",
        "content/fields/wrong-domain.md:4:8: content.field-domain",
        "content/glossary/dup-a.md:3:10: front-matter.reading",
        // At the `slug:` value that took the other page's name.
        "content/glossary/dup-b.md:5:7: content.duplicate-slug",
        "content/glossary/latin1.md:4:8: source.encoding",
        "content/glossary/no-front-matter.md:1:1: front-matter.missing",
        "content/initiatives/Bad_Name.md:2:1: front-matter.slug",
        // ESC, BEL and DEL in the body: the first of each line (`BodyControlCharacterTests`).
        "content/initiatives/control-characters.md:7:6: content.control-character",
        "content/initiatives/control-characters.md:8:3: content.control-character",
        "content/initiatives/control-characters.md:10:3: content.control-character",
        // `related: [typo-key, missing-one]`: typo-key.md exists but has errors of its own,
        // reported there; only the id that names no file is reported here.
        "content/initiatives/crlf.md:5:21: content.unknown-id",
        // `summry:` is one problem: the missing `summary` it meant is not reported again.
        "content/initiatives/typo-key.md:3:1: front-matter.unknown-key",
        "content/initiatives/typo-key.md:4:10: content.unknown-id",
        "content/initiatives/typo-key.md:5:9: front-matter.value",
        "content/strategy/missing-order.md:2:1: front-matter.missing-key",
      ])
    let byCode = Dictionary(
      grouping: diagnostics, by: { $0.location.file + ":\($0.location.line)" })
    let unknownKey = try #require(byCode["content/initiatives/typo-key.md:3"]?.first)
    #expect(
      unknownKey.message
        == "unknown key `summry` in an initiative (and the required key `summary` is missing)")
    #expect(unknownKey.hint == "did you mean `summary`?")
    let field = try #require(byCode["content/initiatives/typo-key.md:4"]?.first)
    #expect(field.message == "`fields` names an unknown field `crisis-managment`")
    #expect(field.hint == "did you mean `crisis-management`?")
    let status = try #require(byCode["content/initiatives/typo-key.md:5"]?.first)
    #expect(status.hint == "did you mean `active`? use one of: planned, active, completed")
    #expect(diagnostics.allSatisfy { $0.hint != nil })
  }

  @Test func bomAndCRLFAreAccepted() throws {
    let (content, _) = ContentLoader.load(
      contentDirectory: fixture("invalid"), displayPrefix: "content")
    let bom = try #require(content?.pages.first { $0.slug == "bom" })
    #expect(bom.title == "改行がCRLF")
    #expect(bom.body == "本文\n")
    #expect(bom.bodyLine == 7)
  }

  @Test func validFixtureLoadsTyped() throws {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent()
      .appendingPathComponent("BuildTests/Fixtures/valid/content")
    let (content, diagnostics) = ContentLoader.load(contentDirectory: url, displayPrefix: "content")
    #expect(diagnostics.isEmpty, "\(diagnostics.map(\.text))")
    let set = try #require(content)
    #expect(set.config.domains.map(\.id) == ["life", "foundation"])
    #expect(set.config.domains[1].isFoundation)
    let initiative = try #require(set.pages.first { $0.slug == "ai-disaster" })
    guard case .initiative(let m) = initiative.meta else {
      Issue.record("wrong kind")
      return
    }
    #expect(m.fields.map(\.id) == ["crisis-management", "safety"])
    #expect(m.status == .active)
    let event = try #require(set.pages.first { $0.slug == "seminar" })
    guard case .event(let e) = event.meta else { return }
    #expect(e.start.description == "2026-12-05T13:30:00+09:00")
    #expect(e.accessibility == ["手話通訳", "要約筆記"])
  }

  @Test func draftsAreLeftOutUnlessAsked() throws {
    let dir = try contentFolder("glossary")
    defer { try? FileManager.default.removeItem(at: dir) }
    try "---\nterm: 下書き\nreading: したがき\nshort: まだです。\ndraft: true\n---\n".write(
      to: dir.appendingPathComponent("glossary/draft.md"), atomically: true, encoding: .utf8)
    #expect(ContentLoader.load(contentDirectory: dir).0?.pages.count == 0)
    #expect(ContentLoader.load(contentDirectory: dir, includeDrafts: true).0?.pages.count == 1)
  }

  /// `related` written without brackets or with Japanese commas is one id with commas: the
  /// hint gives the list to write, not a guess for the first id (which dropped the rest).
  @Test func aRelatedListWithCommasGetsTheListToWrite() throws {
    let dir = try contentFolder("glossary")
    defer { try? FileManager.default.removeItem(at: dir) }
    for slug in ["open-data", "dx", "ai"] {
      try "---\nterm: \(slug)\nreading: よみ\nshort: 説明です。\n---\n".write(
        to: dir.appendingPathComponent("glossary/\(slug).md"), atomically: true, encoding: .utf8)
    }
    for written in ["open-data, dx", "[open-data、dx]"] {
      try "---\nterm: 用語\nreading: ようご\nshort: 説明です。\nrelated: \(written)\n---\n".write(
        to: dir.appendingPathComponent("glossary/term.md"), atomically: true, encoding: .utf8)
      let problems = ContentLoader.load(contentDirectory: dir).1
      #expect(
        problems.map(\.hint) == [
          "write several ids as a list with half-width commas: `related: [open-data, dx]`"
        ], "\(written)")
    }
  }

  /// A loop of `parent`s (a page naming itself, or two naming each other) made the build run
  /// forever; it is one error, at the `parent` of the loop's first file.
  @Test func aLoopOfParentsIsOneError() throws {
    let dir = try contentFolder("strategy")
    defer { try? FileManager.default.removeItem(at: dir) }
    func page(_ slug: String, parent: String?) throws {
      try "---\ntitle: \(slug)\norder: 1\n\(parent.map { "parent: \($0)\n" } ?? "")---\n".write(
        to: dir.appendingPathComponent("strategy/\(slug).md"), atomically: true, encoding: .utf8)
    }
    try page("top", parent: nil)
    try page("a", parent: "b")
    try page("b", parent: "a")
    try page("c", parent: "a")
    try page("self", parent: "self")
    let (_, diagnostics) = ContentLoader.load(contentDirectory: dir, displayPrefix: "content")
    let loops = diagnostics.filter { $0.code == "content.parent-loop" }
    #expect(
      loops.map(\.message) == [
        "`parent` makes a loop: a → b → a", "`parent` makes a loop: self → self",
      ])
    #expect(loops.first?.location.file == "content/strategy/a.md")
    #expect(loops.first?.location.line == 4 && loops.first?.location.column == 9)
    #expect(diagnostics.count == 2)
  }

  func strategyPage(in dir: URL, _ name: String, _ frontMatter: String) throws {
    try "---\n\(frontMatter)---\n".write(
      to: dir.appendingPathComponent("strategy/\(name).md"), atomically: true, encoding: .utf8)
  }

  /// Adding or changing a `slug:` leaves ids that named the page by its file name pointing at
  /// nothing: the hint says which file now has which slug. An invalid slug is one error.
  @Test func idsNamingARenamedPageSayWhy() throws {
    let dir = try contentFolder("strategy")
    defer { try? FileManager.default.removeItem(at: dir) }
    try strategyPage(in: dir, "top", "title: T\norder: 1\nslug: top-new\n")
    try strategyPage(in: dir, "child", "title: C\norder: 2\nparent: top\n")
    var (_, diagnostics) = ContentLoader.load(contentDirectory: dir, displayPrefix: "content")
    #expect(
      diagnostics.map(\.hint) == [
        "content/strategy/top.md has `slug: top-new`, so its id is `top-new`: write that, or remove its `slug:`"
      ])
    try strategyPage(in: dir, "top", "title: T\norder: 1\nslug: 新しい\n")
    (_, diagnostics) = ContentLoader.load(contentDirectory: dir, displayPrefix: "content")
    #expect(diagnostics.map(\.code) == ["front-matter.slug"])
  }

  /// A copy a file manager made beside a page (`top - コピー.md`) is offered a slug no page
  /// beside it has (`top-3` when `top-2.md` is there too), not its original's.
  @Test func aCopysFileNameIsOfferedAFreeSlug() throws {
    let dir = try contentFolder("strategy")
    defer { try? FileManager.default.removeItem(at: dir) }
    try strategyPage(in: dir, "top", "title: T\norder: 1\n")
    try strategyPage(in: dir, "top-2", "title: T2\norder: 2\n")
    try strategyPage(in: dir, "top - コピー", "title: T\norder: 3\n")
    let (_, diagnostics) = ContentLoader.load(contentDirectory: dir, displayPrefix: dir.path)
    let slug = try #require(diagnostics.first { $0.code == "front-matter.slug" })
    #expect(slug.hint?.hasSuffix("or add `slug: top-3`") == true, "\(slug.hint ?? "")")
    #expect(PageParser.freeSlug("top", besides: "") == "top")
  }

  /// An id written as the page's title, as the pages show it (a parent by its title, with a
  /// comma in it that is no list), gets the id to write.
  @Test func idsWrittenAsTitlesGetTheId() throws {
    let dir = try contentFolder("strategy")
    defer { try? FileManager.default.removeItem(at: dir) }
    try strategyPage(in: dir, "top", "title: 策定の{趣旨|しゅし}、ねらい\norder: 1\n")
    try strategyPage(in: dir, "child", "title: C\norder: 2\nparent: 策定の趣旨、ねらい\n")
    let (_, diagnostics) = ContentLoader.load(contentDirectory: dir, displayPrefix: "content")
    #expect(
      diagnostics.map(\.hint) == ["write the id, not the title: `top` (策定の趣旨、ねらい)"])
    #expect(
      diagnostics.map { $0.localized(.japanese).hint } == [
        "タイトルではなく id を書いてください：`top`（策定の趣旨、ねらい）"
      ])
  }

  /// Japanese saved as Shift_JIS by an older editor is named as such; other bytes that are
  /// not UTF-8 get the plain message.
  @Test func shiftJISIsNamed() throws {
    func message(_ bytes: [UInt8]) -> String? {
      guard case .failure(let d) = SourceFile.read(bytes: bytes, path: "a.md", relativePath: "a.md")
      else { return nil }
      return d.message
    }
    let text = "---\nterm: 防災\nreading: ぼうさい\nshort: 災害に備えることです。\n---\n"
    let sjis = try #require(text.data(using: .shiftJIS))
    #expect(
      message([UInt8](sjis))
        == "the file is not valid UTF-8 (it looks like Shift_JIS, as older Windows editors save)")
    #expect(message(Array("---\nterm: caf".utf8) + [0xE9, 0x0A]) == "the file is not valid UTF-8")
    // Windows Notepad's "Unicode": UTF-16 with its byte order mark, either order.
    for encoding in [String.Encoding.utf16LittleEndian, .utf16BigEndian] {
      let bom: [UInt8] = encoding == .utf16LittleEndian ? [0xFF, 0xFE] : [0xFE, 0xFF]
      let utf16 = bom + [UInt8](try #require(text.data(using: encoding)))
      #expect(
        message(utf16)
          == "the file is not valid UTF-8 (it is UTF-16, which Windows Notepad calls \"Unicode\")")
      // Without it: the front matter's `---` two bytes a character.
      #expect(
        message([UInt8](try #require(text.data(using: encoding))))
          == "the file is not valid UTF-8 (it is UTF-16, which Windows Notepad calls \"Unicode\")")
    }
    // EUC-JP, which Foundation on Linux does not decode: told by its shape (防災 is B6 C9 BA D2
    // in it, ぼうさい A4 DC A4 A6 A4 B5 A4 A4).
    let euc: [UInt8] =
      Array("---\nterm: ".utf8) + [0xB6, 0xC9, 0xBA, 0xD2] + Array("\nreading: ".utf8)
      + [0xA4, 0xDC, 0xA4, 0xA6, 0xA4, 0xB5, 0xA4, 0xA4] + Array("\n---\n".utf8)
    #expect(
      message(euc) == "the file is not valid UTF-8 (it looks like EUC-JP, as older Unix tools save)"
    )
    #expect(!SourceFile.looksEUCJP([UInt8](sjis)[...]))
  }

  /// A page saved as `.MD`, `.markdown` or `.md.txt` was left out without a word.
  @Test func misnamedPagesAreNamed() throws {
    let dir = try contentFolder("glossary")
    defer { try? FileManager.default.removeItem(at: dir) }
    for name in ["a.MD", "b.markdown", "c.md.txt", "_d.MD", "e.md~", "notes.txt", "Y.MD"] {
      try "---\nterm: x\n---\n".write(
        to: dir.appendingPathComponent("glossary/" + name), atomically: true, encoding: .utf8)
    }
    let (_, diagnostics) = ContentLoader.load(contentDirectory: dir, displayPrefix: "content")
    #expect(
      diagnostics.filter { $0.code == "content.file-name" }.map {
        "\($0.location.file): \($0.hint ?? "")"
      } == [
        // In lower case: `Y.md` would be refused as a page address next.
        "content/glossary/Y.MD: rename it to `y.md`",
        "content/glossary/a.MD: rename it to `a.md`",
        "content/glossary/b.markdown: rename it to `b.md`",
        "content/glossary/c.md.txt: rename it to `c.md`",
      ])
  }

  /// A `slug:` that takes another page's name is reported in the file that has it, whichever
  /// comes first by path.
  @Test func aDuplicateSlugIsReportedWhereTheSlugWasWritten() throws {
    let dir = try contentFolder("strategy")
    defer { try? FileManager.default.removeItem(at: dir) }
    try "---\ntitle: A\norder: 1\nslug: zeta\n---\n".write(
      to: dir.appendingPathComponent("strategy/alpha.md"), atomically: true, encoding: .utf8)
    try "---\ntitle: Z\norder: 2\n---\n".write(
      to: dir.appendingPathComponent("strategy/zeta.md"), atomically: true, encoding: .utf8)
    let (_, diagnostics) = ContentLoader.load(contentDirectory: dir, displayPrefix: "content")
    #expect(
      diagnostics.map { "\($0.location.file): \($0.message) / \($0.hint ?? "")" } == [
        "content/strategy/alpha.md: the slug `zeta` is already used by content/strategy/zeta.md / give this page another `slug:`, or remove it to use the file's name"
      ])
  }

  /// A glossary name written in full-width letters (ＤＸ) is the same name to search, so two
  /// entries sharing it are reported like any shared name.
  @Test func fullWidthDuplicateGlossaryNamesAreFound() throws {
    let dir = try contentFolder("glossary")
    defer { try? FileManager.default.removeItem(at: dir) }
    try "---\nterm: DX\nreading: でぃーえっくす\nshort: 変えること。\n---\n".write(
      to: dir.appendingPathComponent("glossary/dx.md"), atomically: true, encoding: .utf8)
    try "---\nterm: ＤＸ推進\nreading: でぃーえっくすすいしん\nshort: 進めること。\naliases: [ＤＸ]\n---\n"
      .write(
        to: dir.appendingPathComponent("glossary/dx2.md"), atomically: true, encoding: .utf8)
    let (_, diagnostics) = ContentLoader.load(contentDirectory: dir, displayPrefix: "content")
    // At the alias and at the name it repeats: the writer may be editing either file, and
    // only the first by file name gets the links.
    #expect(
      diagnostics.map {
        "\($0.location.file):\($0.location.line):\($0.location.column): \($0.message)"
      } == [
        "content/glossary/dx2.md:5:11: the term or alias `ＤＸ` is also used by content/glossary/dx.md, where body links with it go",
        "content/glossary/dx.md:2:7: the term or alias `DX` is also used by content/glossary/dx2.md; body links with it go to this entry, the first by file name",
      ])
    // And at the term when the term is shared (PageCodingTests: the places survive the cache).
    try "---\nterm: DX\nreading: でぃーえっくす\nshort: 進めること。\n---\n".write(
      to: dir.appendingPathComponent("glossary/dx2.md"), atomically: true, encoding: .utf8)
    let (_, again) = ContentLoader.load(contentDirectory: dir, displayPrefix: "content")
    #expect(
      again.map { "\($0.location.file):\($0.location.line):\($0.location.column)" } == [
        "content/glossary/dx2.md:2:7", "content/glossary/dx.md:2:7",
      ])
  }

  /// A `publish` time still to come leaves the page out at that clock, as a draft; a time that
  /// is not one is an error at its value.
  @Test func scheduledPagesWaitForTheirTime() throws {
    let dir = try contentFolder("glossary")
    defer { try? FileManager.default.removeItem(at: dir) }
    let file = dir.appendingPathComponent("glossary/soon.md")
    try "---\nterm: 予定\nreading: よてい\nshort: もうすぐです。\npublish: 2026-12-01T09:00:00+09:00\n---\n"
      .write(to: file, atomically: true, encoding: .utf8)
    let before = DateTime(iso: "2026-12-01T08:59:59+09:00")!
    let (set, _) = ContentLoader.load(contentDirectory: dir, now: before)
    #expect(set?.pages.isEmpty == true)
    #expect(
      set?.withheld["glossary/soon.md"] == .scheduled(DateTime(iso: "2026-12-01T09:00:00+09:00")!))
    #expect(
      ContentLoader.load(contentDirectory: dir, includeDrafts: true, now: before).0?.pages.count
        == 1)
    // Without a clock (`portal lint`) every page is read.
    #expect(ContentLoader.load(contentDirectory: dir).0?.pages.count == 1)
    let at = DateTime(iso: "2026-12-01T00:00:00Z")!
    #expect(ContentLoader.load(contentDirectory: dir, now: at).0?.pages.count == 1)

    try "---\nterm: 予定\nreading: よてい\nshort: もうすぐです。\npublish: 12月1日\n---\n"
      .write(to: file, atomically: true, encoding: .utf8)
    let (_, diagnostics) = ContentLoader.load(contentDirectory: dir, now: before)
    let error = try #require(diagnostics.first)
    #expect(error.code == "front-matter.date")
    #expect(error.location.line == 5 && error.location.column == 10)
    #expect(error.message == "`publish` is not a valid date and time: `12月1日`")
  }

  /// An `updated` day after the build's (in Japan) is a warning at its value; today is not,
  /// and without a clock (`portal lint`) nothing is said.
  @Test func updatedLaterThanTodayIsWarned() throws {
    let dir = try contentFolder("glossary")
    defer { try? FileManager.default.removeItem(at: dir) }
    let file = dir.appendingPathComponent("glossary/later.md")
    func write(_ updated: String) throws {
      try "---\nterm: 予定\nreading: よてい\nshort: もうすぐです。\nupdated:   \(updated)\n---\n"
        .write(to: file, atomically: true, encoding: .utf8)
    }
    // 2026-12-01 23:30 in Japan, 14:30 UTC.
    let now = DateTime(iso: "2026-12-01T14:30:00Z")!
    try write("2026-12-02")
    let (set, diagnostics) = ContentLoader.load(
      contentDirectory: dir, displayPrefix: "content", now: now)
    #expect(set?.pages.count == 1)
    let warning = try #require(diagnostics.first)
    #expect(diagnostics.count == 1)
    #expect(warning.code == "content.future-updated")
    #expect(warning.severity == .warning)
    #expect(
      "\(warning.location.file):\(warning.location.line):\(warning.location.column)"
        == "content/glossary/later.md:5:12")
    #expect(warning.message.contains("2026-12-02") && warning.message.contains("(2026-12-01)"))
    try write("2026-12-01")
    #expect(ContentLoader.load(contentDirectory: dir, now: now).1.isEmpty)
    try write("2027-12-01")
    #expect(ContentLoader.load(contentDirectory: dir).1.isEmpty)
  }

  @Test func valuePositionFindsTopLevelKeysInTheFrontMatterOnly() {
    let text = "---\ntitle: a\n  updated: 1\nupdated :\tx\n---\nupdated: 2\n"
    #expect(FutureDates.valuePosition(of: "updated", in: text)! == (4, 11))
    #expect(FutureDates.valuePosition(of: "updated", in: "---\nupdated:\n---\n")! == (2, 1))
    #expect(FutureDates.valuePosition(of: "updated", in: "---\ntitle: a\n---\nupdated: 2\n") == nil)
    // Saved on Windows: CR LF line ends (one Character in Swift), a BOM.
    #expect(
      FutureDates.valuePosition(
        of: "updated", in: "\u{FEFF}---\r\ntitle: a\r\nupdated: 2\r\n---\r\n")! == (3, 10))
  }

  /// The build hands over the files it scanned instead of walking content/ again; both
  /// listings must pick the same files, leaving out `_` and `.` names and what is under them.
  @Test func scannedListingMatchesTheWalk() throws {
    let files = [
      "site.yml", "glossary/b.md", "glossary/a.md", "glossary/notes.txt", "glossary/_skip.md",
      "_partials/x.md", ".hidden/y.md", "events/.z.md", "events/sub/deep.md",
    ]
    let dir = try folder(with: files, contents: Data())
    defer { try? FileManager.default.removeItem(at: dir) }
    // A linked page is a page.
    try FileManager.default.createSymbolicLink(
      atPath: dir.appendingPathComponent("glossary/c.md").path,
      withDestinationPath: dir.appendingPathComponent("glossary/a.md").path)
    let walked = ContentLoader.markdownFiles(among: ContentLoader.files(in: dir))
    #expect(walked == ["events/sub/deep.md", "glossary/a.md", "glossary/b.md", "glossary/c.md"])
    #expect(ContentLoader.markdownFiles(among: files + ["glossary/c.md"]) == walked)
  }
}

@Suite struct DateTests {
  @Test func parsesISO8601WithOffset() throws {
    let t = try #require(DateTime(iso: "2026-12-05T13:30:00+09:00"))
    #expect(t.epochSeconds == 1_796_445_000)
    #expect(t.local.hour == 13)
    #expect(t.local.date.weekday == 6)  // Saturday
    #expect(DateTime(iso: "2026-12-05T13:30:00") == nil)  // no offset
    #expect(DateTime(iso: "2026-02-29T10:00:00+09:00") == nil)
    #expect(DateTime(iso: "2028-02-29T10:00:00Z") != nil)
    #expect(DateTime(iso: "2026-12-05", allowDateOnly: true)?.isDateOnly == true)
  }

  @Test func siteConfigReportsUnknownKeys() {
    let (config, diagnostics) = SiteConfig.parse(
      "title: T\nbase_url: ftp://x\ntitel: x\ndomains: []\n", file: "site.yml")
    #expect(config != nil)
    #expect(diagnostics.map(\.code) == ["config.base-url", "front-matter.unknown-key"])
    #expect(diagnostics[1].location.line == 3)
    #expect(diagnostics[1].hint == "did you mean `title`?")
  }

  /// `known_words`: a list of words (one word alone is a list of one), spaces trimmed; a
  /// mapping is an error at the key.
  @Test func knownWordsAreAListOfWords() {
    func parse(_ line: String) -> (SiteConfig?, [Diagnostic]) {
      SiteConfig.parse("title: T\nbase_url: https://x.jp/\ndomains: []\n" + line, file: "site.yml")
    }
    #expect(parse("").0?.knownWords == [])
    #expect(parse("known_words: [銚子市, ' 柏市 ']\n").0?.knownWords == ["銚子市", "柏市"])
    #expect(parse("known_words: 銚子市\n").0?.knownWords == ["銚子市"])
    let (_, wrong) = parse("known_words: {銚子市: ちょうしし}\n")
    #expect(wrong.count == 1 && wrong[0].location.line == 4, "\(wrong)")
  }

  @Test func initiativesPerFieldDefaultsToFiftyAndZeroMeansAll() throws {
    func parse(_ line: String) -> (SiteConfig?, [Diagnostic]) {
      SiteConfig.parse("title: T\nbase_url: https://x.jp/\ndomains: []\n" + line, file: "site.yml")
    }
    #expect(parse("").0?.initiativesPerField == 50)
    #expect(parse("initiatives_per_field: 3\n").0?.initiativesPerField == 3)
    #expect(parse("initiatives_per_field: 0\n").0?.initiativesPerField == nil)
    let config = try #require(parse("initiatives_per_field: 2\n").0)
    #expect(Array(config.listed([7, 8, 9])) == [7, 8])
    #expect(Array(config.listed([7])) == [7])

    let (_, negative) = parse("initiatives_per_field: -1\n")
    #expect(negative.map(\.code) == ["config.limit"])
    #expect(negative.first?.location.line == 4)
    #expect(negative.first?.location.column == 24)
    let (_, word) = parse("initiatives_per_field: many\n")
    #expect(word.map(\.code) == ["front-matter.type"])
  }

  @Test func pastEventsListedDefaultsToTwentyAndZeroMeansAll() throws {
    func parse(_ line: String) -> (SiteConfig?, [Diagnostic]) {
      SiteConfig.parse("title: T\nbase_url: https://x.jp/\ndomains: []\n" + line, file: "site.yml")
    }
    #expect(parse("").0?.pastEventsListed == 20)
    #expect(parse("past_events_listed: 0\n").0?.pastEventsListed == nil)
    let config = try #require(parse("past_events_listed: 2\n").0)
    #expect(Array(config.listedPast([7, 8, 9])) == [7, 8])
    let (_, negative) = parse("past_events_listed: -5\n")
    #expect(negative.map(\.code) == ["config.limit"])
    #expect(negative.first?.message == "`past_events_listed` must be 0 or more")
    #expect(negative.first?.location.line == 4)
  }
}

/// A new temporary folder holding `files` (relative paths), each with `contents`.
func folder(with files: [String], contents: Data) throws -> URL {
  let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
    "portal-files-\(UUID().uuidString)")
  for file in files {
    let url = dir.appendingPathComponent(file)
    try FileManager.default.createDirectory(
      at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try contents.write(to: url)
  }
  return dir
}

@Suite struct ContentFilesTests {
  @Test func filesUnderTheFilesFolderArePublishedByType() throws {
    let dir = try folder(
      with: [
        "files/map.PNG", "files/計画/資料.pdf", "files/page.html", "files/x.svg", "files/note.md",
        "files/_draft.pdf", "files/.hidden.png", "initiatives/photo.png",
      ], contents: Data("x".utf8))
    defer { try? FileManager.default.removeItem(at: dir) }
    let all = ContentLoader.files(in: dir)
    let (published, left) = ContentLoader.publishedFiles(
      among: all + ["files", "files/計画"], root: dir.standardizedFileURL.path)
    #expect(published.map(\.relativePath) == ["files/map.PNG", "files/計画/資料.pdf"])
    #expect(published.allSatisfy { $0.stamp.size == 1 && $0.path.hasPrefix(dir.path) })
    // Left out, with a warning: types that could run script on the site, and Markdown.
    #expect(left == ["files/note.md", "files/page.html", "files/x.svg"])
    #expect(ContentFiles.isPublished("files/a/b.jpeg"))
    #expect(!ContentFiles.isPublished("initiatives/photo.png"))
    #expect(!ContentFiles.isPublished("files/_x/b.png"))
  }

  /// Names that differ only in capitals are one file on Windows and macOS: a warning at the
  /// later one (in path order) names the earlier.
  @Test func filesDifferingOnlyInCapitalsAreWarnedAbout() throws {
    let twins = ContentFiles.caseTwins([
      "files/map.png", "files/Map.png", "files/a/b.pdf", "files/A/b.pdf", "files/MAP.png",
      "files/other.png",
    ])
    #expect(twins.map(\.path) == ["files/Map.png", "files/a/b.pdf", "files/map.png"])
    #expect(twins.map(\.twin) == ["files/MAP.png", "files/A/b.pdf", "files/MAP.png"])

    let dir = try folder(
      with: ["site.yml", "files/map.png", "files/Map.png", "files/plan.pdf"],
      contents: Data("x".utf8))
    defer { try? FileManager.default.removeItem(at: dir) }
    try Data("title: t\n".utf8).write(to: dir.appendingPathComponent("site.yml"))
    let (_, diagnostics) = ContentLoader.load(contentDirectory: dir, displayPrefix: "content")
    let found = diagnostics.filter { $0.code == "content.file-case" }
    #expect(found.count == 1, "\(diagnostics)")
    #expect(found.first?.location.file == "content/files/map.png")
    #expect(found.first?.message.contains("`files/Map.png`") == true)
  }
}
