import Diagnostics
import Foundation
import Testing

@testable import Content

/// Hints for what writers type instead of ids: the names the pages show, and lists written
/// without brackets or with Japanese commas.
@Suite struct WriterHintTests {
  func hints(_ frontMatter: String) throws -> [String] {
    let (config, configProblems) = SiteConfig.parse(
      """
      title: T
      base_url: https://x.example/
      domains:
        - id: industry
          name: 産業
          fields:
            - { id: agriculture, name: 農林水産業 }
            - { id: tourism, name: 観光 }
            - { id: health-welfare, name: 医療・福祉 }
            - { id: business, name: 産業振興・中小企業 }
      """, file: "site.yml")
    #expect(configProblems.isEmpty)
    let text = "---\n" + frontMatter + "---\n"
    return try parseFile(text, kind: .initiative, path: "a.md", config: config).1.map {
      "\($0.location.line):\($0.location.column) \($0.hint ?? "")"
    }
  }

  /// Part of a field's name, as writers shorten it, gets that field's id when one name holds
  /// it; a part several names hold (産業) gets the closest id, as any unknown id does.
  @Test func partOfANameGetsItsId() throws {
    #expect(
      try hints("title: T\nsummary: S\nfields: [医療]\n") == [
        "4:10 write the id of 医療・福祉: `health-welfare`"
      ])
    #expect(
      try hints("title: T\nsummary: S\nfields: [中小企業]\n") == [
        "4:10 write the id of 産業振興・中小企業: `business`"
      ])
    #expect(
      try hints("title: T\nsummary: S\nfields: [産業]\n").first?.contains("write the id of") == false)
  }

  @Test func namesAndListsGetTheIdsToWrite() throws {
    #expect(
      try hints("title: T\nsummary: S\nfields: [農林水産業]\nstatus: 実施中\n") == [
        "4:10 write the id, not the name: `agriculture` (農林水産業)",
        "5:9 write `active` for 実施中; use one of: planned, active, completed",
      ])
    for list in ["agriculture, tourism", "[agriculture、tourism]", "[農林水産業，観光]"] {
      #expect(
        try hints("title: T\nsummary: S\nfields: \(list)\n").map {
          $0.split(separator: " ", maxSplits: 1)[1]
        }
          == [
            "write several ids as a list with half-width commas: `fields: [agriculture, tourism]`"
          ],
        "\(list)")
    }
    #expect(
      try hints("title: T\nsummary: S\nfields: [agricultur]\n") == [
        "4:10 did you mean `agriculture`?"
      ])
    // The id meant is in the list already: offering it again read as if it were missing.
    #expect(
      try hints("title: T\nsummary: S\nfields: [agriculture, 農林水産業]\n") == [
        "4:23 the id it means, `agriculture`, is in the list already: remove `農林水産業`"
      ])
  }

  /// A slug no folder can be named by stopped the build with "cannot create the folder" at
  /// the output, with no line: now an error at the value.
  @Test func aSlugTooLongForAFolderIsAnErrorAtItsValue() throws {
    let long = String(repeating: "a", count: 300)
    #expect(
      try hints("title: T\nsummary: S\nfields: [agriculture]\nslug: \(long)\n") == [
        "5:7 write a shorter slug, a few words: `slug: \(String(long.prefix(40)))`"
      ])
    #expect(
      try hints("title: T\nsummary: S\nfields: [agriculture]\nslug: \(long.prefix(200))\n") == [])
  }

  @Test func aFullWidthSpaceInAKeyIsNamed() throws {
    #expect(
      try hints("title: T\nsummary: S\nfields: [agriculture]\ndepartment\u{3000}: 農林水産部\n") == [
        "5:1 remove the full-width space (全角スペース) from the key: `department:`"
      ])
  }
}

/// Control characters written as YAML escapes are errors at the value.
@Suite struct ControlCharacterTests {
  @Test func aNULOrCRInAValueIsAnError() throws {
    let text = """
      ---
      title: "説明\\0会"
      summary: "A \\uFFFE B"
      place: "会場\\U0010FFFF"
      start: 2026-12-10T14:00:00+09:00
      accessibility: ["手話通訳", "要約\\rBEGIN:VEVENT"]
      ---
      """
    let found = try parseFile(text, kind: .event, path: "a.md", config: nil).1.map {
      "\($0.location.line):\($0.location.column) \($0.message)"
    }
    #expect(
      found == [
        "2:8 `title` has an invisible control character (U+0000)",
        "3:10 `summary` has an invisible control character (U+FFFE)",
        "4:8 `place` has an invisible control character (U+10FFFF)",
        "6:25 `accessibility` has an invisible control character (U+000D)",
      ])
  }
}

/// A file copied into another kind's folder is one error naming the folder it belongs in, not
/// an error for every key.
@Suite struct WrongFolderTests {
  @Test func anInitiativeInTheEventsFolder() throws {
    let text = "---\ntitle: T\nsummary: S\nfields: [f]\nstatus: active\ndepartment: 総務部\n---\n"
    let (page, diagnostics) = try parseFile(
      text, kind: .event, path: "content/events/x.md", config: nil)
    #expect(page == nil)
    #expect(
      diagnostics.map {
        "\($0.location.line):\($0.location.column) \($0.message) / \($0.hint ?? "")"
      } == [
        "1:1 this file is written as an initiative, but it is in `events/` / move it to content/initiatives/ (the folder decides what kind of page a file is)"
      ])
    // One typo is not a wrong folder, and it is one error: the key it meant is not also
    // reported missing.
    let typo = "---\ntitle: T\nsummary: S\nstrat: 2026-12-10T14:00:00+09:00\n---\n"
    let typoProblems = try parseFile(typo, kind: .event, path: "content/events/y.md").1
    #expect(
      typoProblems.map {
        "\($0.location.line):\($0.location.column) \($0.message) / \($0.hint ?? "")"
      }
        == [
          "4:1 unknown key `strat` in an event (and the required key `start` is missing) / did you mean `start`?"
        ])
    // A title alone is an unfinished file missing its keys, not a page about the site.
    let stub = try parseFile(
      "---\ntitle: 必須なし\n---\n", kind: .initiative, path: "content/initiatives/z.md")
    #expect(stub.1.compactMap(\.code) == ["front-matter.missing-key", "front-matter.missing-key"])
  }

  /// Keys typed in capitals or full-width letters (the Japanese input left on), or after a
  /// full-width space, are the key meant: one error at it, saying how to write it.
  @Test func misspeltRequiredKeysAreOneError() throws {
    for (key, hint) in [
      ("Title", "write the key in lower case: `title:`"),
      ("Ｔｉｔｌｅ", "write the key in half-width letters: `title:`"),
      ("　title", "remove the full-width space (全角スペース) from the key: `title:`"),
      ("titel", "did you mean `title`?"),
      ("題名", "the key for this is `title`: rename it, keeping its value (`title: …`)"),
      ("name", "the key for this is `title`: rename it, keeping its value (`title: …`)"),
    ] {
      let text = "---\n\(key): T\nsummary: S\nfields: [f]\n---\n"
      let problems = try parseFile(text, kind: .initiative, path: "content/initiatives/x.md").1
      #expect(
        problems.map { "\($0.location.line):\($0.location.column) \($0.hint ?? "")" }
          == ["2:1 \(hint)"], "\(key)")
    }
  }
}

/// A key named as another tool or the Japanese word names it (`date`, 日時, `venue`, 場所,
/// 担当) is told the key meant; the hint said to remove it, and with a required key missing the
/// writer deleted the real value and typed the example's.
@Suite struct KeySynonymTests {
  func hints(_ frontMatter: String, kind: ContentKind, path: String) throws -> [String] {
    try parseFile("---\n\(frontMatter)---\n", kind: kind, path: path).1.map {
      "\($0.location.line):\($0.location.column) \($0.message) / \($0.hint ?? "")"
    }
  }

  @Test func aKeyNamedOtherwiseIsTheKeyMeant() throws {
    let event = "title: 教室\nsummary: スマホの教室です。\n"
    #expect(
      try hints(
        event + "date: 2026-12-05T10:00:00+09:00\n", kind: .event, path: "content/events/a.md")
        == [
          "4:1 unknown key `date` in an event (and the required key `start` is missing) / the key for this is `start`: rename it, keeping its value (`start: …`)"
        ])
    #expect(
      try hints(
        event + "start: 2026-12-05T10:00:00+09:00\n会場: 県庁\n", kind: .event,
        path: "content/events/a.md")
        == [
          "5:1 unknown key `会場` in an event / the key for this is `place`: rename it, keeping its value (`place: …`)"
        ])
    // The kind chooses: 説明 is an initiative's summary, a glossary entry's short.
    let initiative = try hints(
      "title: 窓口\n説明: 窓口を開きます。\nfields: [f]\n", kind: .initiative,
      path: "content/initiatives/a.md")
    #expect(initiative.count == 1 && initiative[0].contains("`summary`"), "\(initiative)")
    let entry = try hints(
      "term: 窓口\nreading: まどぐち\n説明: 受け付ける所です。\n", kind: .glossary,
      path: "content/glossary/a.md")
    #expect(entry.count == 1 && entry[0].contains("`short`"), "\(entry)")
    // A word that names no key keeps the list of keys.
    let other = try hints(
      event + "start: 2026-12-05T10:00:00+09:00\n色: 青\n", kind: .event, path: "content/events/a.md")
    #expect(
      other.count == 1 && other[0].contains("remove it; the keys of an event are:"), "\(other)")
    // The key meant given already: renaming would give it twice.
    #expect(
      try hints(
        event + "start: 2026-12-24\ndate: 2026-12-01\n", kind: .event, path: "content/events/a.md")
        == [
          "5:1 unknown key `date` in an event / `start` is given already (line 4), which is what this would be: remove it, or keep the one that is right"
        ])
    // Hugo's page `date` on another kind: its `publish`, not removed with its value.
    let dated = try hints(
      "title: 窓口\nsummary: 窓口です。\nfields: [f]\ndate: 2026-11-01\n", kind: .initiative,
      path: "content/initiatives/a.md")
    #expect(dated.count == 1 && dated[0].contains("the key for this is `publish`"), "\(dated)")
  }
}

/// A field's page is at its field's address: a `slug` on it is said to do nothing, where it was
/// accepted and ignored.
@Suite struct FieldSlugTests {
  @Test func aSlugOnAFieldPageIsWarnedAbout() throws {
    let text = """
      ---
      title: 農林水産業
      domain: industry
      field: agriculture
      slug: farm
      summary: 千葉の農林水産業を強くします。
      ---
      本文
      """
    let (page, found) = try parseFile(text, kind: .field, path: "content/fields/agriculture.md")
    #expect(page != nil)
    #expect(
      found.map { "\($0.location.line):\($0.location.column) \($0.code ?? "") \($0.message)" } == [
        "5:7 front-matter.slug a field's page is at /fields/<its field>/: `slug` does not change its address"
      ])
    expectJapanese(found)
    let without = text.replacingOccurrences(of: "slug: farm\n", with: "")
    #expect(try parseFile(without, kind: .field, path: "content/fields/agriculture.md").1.isEmpty)
  }
}

/// The sample values `portal new` writes are warned about at the value while they are left in.
@Suite struct PlaceholderTests {
  @Test func anEventsSampleAddressesAreWarned() throws {
    let text = """
      ---
      title: 教室
      summary: スマホの教室です。
      start: 2026-12-10T10:00:00+09:00
      online: \(Placeholders.eventOnline)
      registration: \(Placeholders.eventRegistration)
      ---
      本文
      """
    let found = try parseFile(text, kind: .event, path: "content/events/a.md").1.map {
      "\($0.location.line):\($0.location.column) \($0.code ?? "") \($0.message)"
    }
    #expect(
      found == [
        "5:9 content.placeholder `online` is still the sample text `portal new` wrote: 「https://example.jp/sample-live」",
        "6:15 content.placeholder `registration` is still the sample text `portal new` wrote: 「https://example.jp/sample-form」",
      ], "\(found)")
    // A real address (or another example.jp one, as the shipped examples use) is not.
    let real = text.replacingOccurrences(
      of: Placeholders.eventOnline, with: "https://example.jp/dx/live")
    #expect(try parseFile(real, kind: .event, path: "content/events/a.md").1.count == 1)
  }

  /// An initiative whose title named no field is given the site's first one by `portal new`,
  /// with `見本` in the comment after it: warned while both are left as written.
  @Test func anInitiativesSampleFieldIsWarned() throws {
    let config = try fixtureConfig()
    let first = try #require(config.fieldIDs.first)
    func found(_ fields: String, config: SiteConfig?) throws -> [String] {
      let text = "---\ntitle: 窓口\nsummary: 窓口を開きます。\n\(fields)\n---\n本文\n"
      return try parseFile(text, kind: .initiative, config: config).1.map {
        "\($0.location.line):\($0.location.column) \($0.code ?? "") \($0.message)"
      }
    }
    let comment = "   # \(Placeholders.fieldsSample)。分野のid（content/site.yml）を選んで書きます"
    #expect(
      try found("fields: [\(first)]" + comment, config: config) == [
        "4:9 content.placeholder `fields` is still the sample `portal new` wrote: [\(first)] (the comment says 見本)"
      ])
    expectJapanese(
      try parseFile(
        "---\ntitle: 窓口\nsummary: 窓口を開きます。\nfields: [\(first)]\(comment)\n---\n", kind: .initiative,
        config: config
      ).1)
    // Without a site.yml, the sample is the one the shipped site starts with.
    #expect(try found("fields: [crisis-management]" + comment, config: nil).count == 1)
    // Another field chosen, a second one added, or the comment's word deleted: the writer's.
    let other = try #require(config.fieldIDs.last)
    for fields in [
      "fields: [\(other)]" + comment, "fields: [\(first), \(other)]" + comment,
      "fields: [\(first)]   # 分野のid", "fields: [\(first)]",
    ] {
      #expect(try found(fields, config: config).isEmpty, "\(fields)")
    }
  }

  /// An address typed without `https://`, with the scheme's colon missing or in full-width
  /// letters gets the address meant; one that is none of these keeps the example.
  @Test func anAddressSlipGetsTheAddressMeant() throws {
    func hint(_ value: String) throws -> String? {
      let text =
        "---\ntitle: T\nsummary: S\nstart: 2027-01-16T13:30:00+09:00\nonline: \(value)\n---\n"
      return try parseFile(text, kind: .event, path: "content/events/a.md").1
        .first { $0.code == "front-matter.url" }?.hint
    }
    #expect(
      try hint("www.example.jp/live")
        == "write the full address: `online: https://www.example.jp/live`")
    #expect(
      try hint("https//example.jp/a") == "write the full address: `online: https://example.jp/a`")
    #expect(
      try hint("ｈｔｔｐｓ：／／ｅｘａｍｐｌｅ．ｊｐ／") == "write the full address: `online: https://example.jp/`")
    for other in ["javascript:alert(1)", "/events/"] {
      #expect(
        try hint(other) == "write the full address, e.g. `online: https://example.jp/`", "\(other)")
    }
    // Words with no address in them: what `online` takes (WriterSlipsTests).
    #expect(try hint("オンライン配信")?.hasPrefix("`online` is the address where people join") == true)
  }

  /// A number written with its unit (`20人`, full-width `２０名`) gets the number to write, not
  /// an example to copy; a value with no number, or two, keeps the example.
  @Test func aNumberWithItsUnitGetsTheNumberToWrite() throws {
    func hint(_ value: String) throws -> (String?, String?) {
      let text =
        "---\ntitle: T\nsummary: S\nstart: 2027-01-16T13:30:00+09:00\ncapacity: \(value)\n---\n"
      let d = try parseFile(text, kind: .event, path: "content/events/a.md").1
        .first { $0.code == "front-matter.type" }
      return (d?.hint, d?.localized(.japanese).hint)
    }
    #expect(try hint("20人") == ("write `capacity: 20`", "`capacity: 20` と、半角の数字で書いてください"))
    #expect(try hint("２０名").0 == "write `capacity: 20`")
    #expect(try hint("約1,000人").0 == "write `capacity: 1000`")
    #expect(try hint("たくさん").0 == "write for example `capacity: 1`")
    #expect(try hint("10〜20人").0 == "write for example `capacity: 1`")
    // In kanji too, as said: 三十人 is 30; a number inside a word, an approximation or two
    // numbers keep the example.
    #expect(try hint("三十人") == ("write `capacity: 30`", "`capacity: 30` と、半角の数字で書いてください"))
    #expect(try hint("約二千五百名").0 == "write `capacity: 2500`")
    #expect(try hint("最大一万人").0 == "write `capacity: 10000`")
    #expect(try hint("1万人").0 == "write `capacity: 10000`")
    #expect(try hint("約1万5000人").0 == "write `capacity: 15000`")
    #expect(try hint("１万人").0 == "write `capacity: 10000`")
    for vague in ["千葉市民", "十数人", "二十余名", "三十〜五十人", "二、三人", "定員三十名", "20人か三十人"] {
      #expect(try hint(vague).0 == "write for example `capacity: 1`", "\(vague)")
    }
  }
}

/// A page renamed (`ai-disaster.md` → `ai-big-disaster.md`) while another still names its old
/// id: too far from the new id by edit distance, the hint offers it by its words.
@Suite struct RenamedIDHintTests {
  @Test func theRenamedPageIsOffered() throws {
    let work = FileManager.default.temporaryDirectory.appendingPathComponent(
      "renamed-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: work) }
    try FileManager.default.copyItem(at: fixture("site-yml-typo"), to: work)
    let folder = work.appendingPathComponent("initiatives")
    let pages = try FileManager.default.contentsOfDirectory(atPath: folder.path)
    let old = try #require(pages.first { $0 == "ai-disaster.md" })
    try FileManager.default.moveItem(
      at: folder.appendingPathComponent(old),
      to: folder.appendingPathComponent("ai-big-disaster.md"))
    try """
    ---
    title: 見守り
    summary: 見守ります。
    fields: [safety]
    related: [ai-disaster]
    ---

    本文です。
    """.write(to: folder.appendingPathComponent("linker.md"), atomically: true, encoding: .utf8)
    let (_, diagnostics) = ContentLoader.load(contentDirectory: work, displayPrefix: "content")
    let unknown = try #require(
      diagnostics.first {
        $0.location.file.hasSuffix("linker.md") && $0.code == "content.unknown-id"
      })
    #expect(unknown.hint == "did you mean `ai-big-disaster`?", "\(diagnostics.map(\.text))")
    #expect(unknown.japanese?.hint == "`ai-big-disaster` のまちがいではありませんか")
  }
}
