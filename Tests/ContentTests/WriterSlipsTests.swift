import Diagnostics
import Testing

@testable import Content

/// Slips found by writing the shipped pages as the communications team would (a writer's-eye
/// audit): each gets one error at the character to fix, with the line to type.
@Suite struct WriterSlipsTests: FrontMatterProblems {
  /// `line:column code` of every diagnostic of an event written with `frontMatter` (the front
  /// matter starts on line 2), in order of place.
  func places(_ frontMatter: String, kind: ContentKind = .initiative) throws -> [Diagnostic] {
    let (_, diagnostics) = try parseFile(
      "---\n" + frontMatter + "---\n本文です。\n", kind: kind, path: "content/initiatives/x.md")
    return diagnostics.sorted {
      ($0.location.line, $0.location.column) < ($1.location.line, $1.location.column)
    }
  }

  let head = "title: 防災\nsummary: 説明です。\nfields: [safety]\n"

  /// `capacity:　100`: the hint's line to type had the full-width space still in it.
  @Test func aFullWidthSpaceAfterTheColon() throws {
    try expect(
      "title: T\ncapacity:\u{3000}100\n", at: 3, 10,
      "the space after `capacity:` is a full-width space",
      hint: "write a half-width space: `capacity: 100`")
    let d = try problem("status:\u{3000}\u{3000}active\n")
    #expect(d.hint == "write a half-width space: `status: active`")
    #expect(d.localized(.japanese).hint == "半角スペースにしてください：`status: active`")
    // Repaired: the file's other mistakes are read, one error for this one.
    let found = try places(head + "status:\u{3000}actve\n")
    #expect(
      found.map { "\($0.location.line):\($0.location.column) \($0.code ?? "")" } == [
        "5:8 front-matter.yaml", "5:9 front-matter.value",
      ])
  }
}

extension WriterSlipsTests {
  /// `・仕事` under `tags:`: one tag `・仕事 ・学び` (indented), or "not `key: value`" with the
  /// hint `tags: ・仕事` (at the start, or under a `- ` item). Each line is named, with `- `.
  @Test func aListWrittenWithBullets() throws {
    try expect(
      "title: T\ntags:\n  ・仕事\n  ・学び\n", at: 4, 3,
      "a list item starts with `- ` (a half-width hyphen and a space), not `・`",
      hint: "write `- 仕事`")
    try expect("title: T\ntags:\n・仕事\n・学び\n", at: 4, 1, "not `・`", hint: "write `- 仕事`")
    try expect(
      "title: T\naccessibility:\n  - 字幕\n  ● 手話通訳\n", at: 5, 3, "not `●`",
      hint: "write `- 手話通訳`")
    let d = try problem("fields:\n  ・safety\n")
    #expect(
      d.localized(.japanese).message == "リストの項目は `・` ではなく、`- `（半角のハイフンと半角スペース）で始めます")
    // Every bulleted line, and the file read with `- ` for them: nothing else is reported.
    let found = try places(head + "tags:\n  ・仕事\n  ・学び\n")
    #expect(
      found.map { "\($0.location.line):\($0.location.column) \($0.code ?? "")" } == [
        "6:3 front-matter.yaml", "7:3 front-matter.yaml",
      ])
  }

  /// A sentence may start a line with `・`; so may the lines of a `|` block.
  @Test func bulletsInTextAreText() throws {
    for yaml in [
      "title: T\nsummary:\n  ・申請は窓口で\n",
      "title: T\napplication: |\n  ・電話\n  ・ファクス\n",
      "title: T\nsummary: 申請は\n  ・窓口で\n",
    ] {
      if case .failure(let d) = parseYAML(yaml, file: "a.md", lineOffset: 2) {
        Issue.record("rejected \(yaml.debugDescription): \(d.message)")
      }
    }
  }
}

extension WriterSlipsTests {
  func unclosed(_ text: String) throws -> Diagnostic {
    guard
      case .failure(let d) = SourceFile.read(
        bytes: Array(text.utf8), path: "a.md", relativePath: "initiatives/a.md")
    else {
      Issue.record("accepted: \(text.debugDescription)")
      throw CancellationError()
    }
    return d
  }

  /// The closing `---` left out: the line to add it after is named (it was 1:1, "after the
  /// last front matter key").
  @Test func anUnclosedFrontMatterNamesItsLastKey() throws {
    let page = "---\ntitle: T\nsummary: S\nrelated: [a, b]\n\n田畑に水を送る水路です。\n\n## 見出し\n"
    let d = try unclosed(page)
    #expect("\(d.location.line):\(d.location.column)" == "4:1")
    #expect(d.hint == "add a line `---` after line 4 (`related: [a, b]`)")
    #expect(d.localized(.japanese).hint == "4行目（`related: [a, b]`）の後に、`---` の行を入れてください")
    // The text right under the keys, a heading, a list of keys with comments and items.
    #expect(try unclosed("---\ntitle: T\n本文です。\n").location.line == 2)
    #expect(try unclosed("---\ntitle: T\n## 見出し\n").location.line == 2)
    #expect(
      try unclosed("---\ntitle: T\n# コメント\ntags:\n  - a\n- b\n\n本文\n").location.line == 6)
    // Nothing but `---` and a blank line: no key to name.
    #expect(try unclosed("---\n\n本文です。\n").location.line == 1)
  }
}

extension WriterSlipsTests {
  /// ‐ (U+2010, what many input methods give for a hyphen), ―, – and ｰ between a number's
  /// parts are hyphens, as ー and − were.
  @Test func dashesInAPhoneNumberAreHyphens() throws {
    for written in ["043‐000‐0100", "043―000―0100", "043–000–0100", "０４３ｰ０００ｰ０１００"] {
      let (page, diagnostics) = try parseFile(
        "---\ntitle: 教室\nsummary: 教室です。\nstart: 2027-01-16T13:30:00+09:00\nphone: \(written)\n---\n",
        kind: .event, path: "content/events/x.md")
      #expect(diagnostics.isEmpty, "\(written): \(diagnostics.map(\.message))")
      guard case .event(let m)? = page?.meta else { continue }
      #expect(m.phone == "043-000-0100")
    }
  }

  /// `043-000-0100（代表）`: the number to write is the one before the words.
  @Test func wordsAfterAPhoneNumberGetTheNumberAlone() throws {
    let (_, diagnostics) = SiteConfig.parse(
      "title: T\nbase_url: https://x.example/\ndomains: []\ncontact:\n  phone: 043-000-0100（代表）\n  fax: 043-000-0101\n",
      file: "site.yml")
    let d = try #require(diagnostics.first)
    #expect("\(d.location.line):\(d.location.column)" == "5:10")
    #expect(d.hint == "write the number alone: `phone: 043-000-0100`")
    #expect(d.localized(.japanese).hint == "番号だけを書いてください：`phone: 043-000-0100`")
    #expect(PhoneNumbers.leadingNumber("043-000-0100 (代表)") == "043-000-0100")
    #expect(PhoneNumbers.leadingNumber("代表 043-000-0100") == nil)
    #expect(PhoneNumbers.leadingNumber("043-000-01（代表）") == nil)
  }
}

extension WriterSlipsTests {
  /// `accessibility: 字幕、手話通訳` was one item, shown as one, without a word.
  @Test func aWordListWithCommasIsOneItem() throws {
    let (page, diagnostics) = try parseFile(
      "---\ntitle: 教室\nsummary: 教室です。\nstart: 2027-01-16T13:30:00+09:00\naccessibility: 字幕、手話通訳\n---\n",
      kind: .event, path: "content/events/x.md")
    let d = try #require(diagnostics.first)
    #expect(diagnostics.count == 1 && d.severity == .warning && d.code == "front-matter.list")
    #expect("\(d.location.line):\(d.location.column)" == "5:16")
    #expect(d.hint?.hasPrefix("write several items as a list: `accessibility: [字幕, 手話通訳]`") == true)
    guard case .event(let m)? = page?.meta else { return }
    #expect(m.accessibility == ["字幕、手話通訳"])
    // In brackets, or with no comma: what was written is meant.
    for value in ["[車いすの方は、ご連絡ください]", "手話通訳", "[字幕, 手話通訳]"] {
      let (_, none) = try parseFile(
        "---\ntitle: 教室\nsummary: 教室です。\nstart: 2027-01-16T13:30:00+09:00\naccessibility: \(value)\n---\n",
        kind: .event, path: "content/events/x.md")
      #expect(none.isEmpty, "\(value): \(none.map(\.message))")
    }
  }
}

extension WriterSlipsTests {
  /// `draft: はい`: the value meant is in the hint (it was "true or false" alone).
  @Test func aYesOrNoInJapaneseGetsTrueOrFalse() throws {
    for (written, meant) in [
      ("はい", "true"), ("ｔｒｕｅ", "true"), ("ture", "true"), ("いいえ", "false"), ("flase", "false"),
    ] {
      let found = try places(head + "draft: \(written)\n")
      let d = try #require(found.first { $0.code == "front-matter.type" })
      #expect("\(d.location.line):\(d.location.column)" == "5:8")
      #expect(d.hint == "write `draft: \(meant)` (true for yes, false for no)", "\(written)")
    }
    let d = try #require(try places(head + "draft: たぶん\n").first)
    #expect(d.hint == "write `draft: true` or `draft: false`")
    #expect(
      try places(head + "draft: はい\n").first?.localized(.japanese).hint
        == "`draft: true` と書いてください（「はい」は true、「いいえ」は false）")
  }
}

extension WriterSlipsTests {
  /// `audience: 対象: 県内の中小企業`: the hint is the line itself in quotes (it was
  /// `audience: "…: …"`).
  @Test func aColonInAValueGetsItsOwnLineQuoted() throws {
    try expect(
      "title: T\naudience: 対象: 県内の中小企業\nfee: 無料\n", at: 3, 13,
      "the value of `audience` contains `: `",
      hint: "put the whole value in quotes: `audience: \"対象: 県内の中小企業\"`")
    let d = try problem("title: T\nsummary: 注意: \"予約\" が必要です\nfee: 無料\n")
    #expect(d.hint == "put the whole value in quotes: `summary: '注意: \"予約\" が必要です'`")
  }
}

extension WriterSlipsTests {
  /// `initiatives: sme-dx・dx-talent`: ids joined with ・ are a list too (the hint was "did you
  /// mean `sme-dx`?", dropping the second); a name's ・ (医療・福祉) divides nothing.
  @Test func idsJoinedWithANakaguroAreAList() {
    #expect(
      PageParser.listHint("sme-dx・dx-talent", key: "initiatives")?.english
        == "write several ids as a list with half-width commas: `initiatives: [sme-dx, dx-talent]`")
    #expect(PageParser.listHint("医療・福祉", key: "fields") == nil)
    #expect(
      PageParser.listHint("医療・福祉、観光", key: "fields")?.english.hasSuffix(
        "`fields: [医療・福祉, 観光]`") == true)
  }

  /// `related: [infrastructure-maintenance smart-agriculture]`: ids parted by a space alone
  /// (the comma forgotten) are a list (the hint offered the first and dropped the second); a
  /// name with a space is no list of ids.
  @Test func idsPartedByASpaceAreAList() throws {
    for value in [
      "infrastructure-maintenance smart-agriculture",
      "infrastructure-maintenance　smart-agriculture",
    ] {
      #expect(
        PageParser.listHint(value, key: "related")?.english
          == "write several ids as a list with half-width commas: `related: [infrastructure-maintenance, smart-agriculture]`"
      )
    }
    #expect(PageParser.listHint("Smart City", key: "related") == nil)
    #expect(PageParser.listHint("スマート 農業", key: "fields") == nil)
    // In a page: the hint of the unknown id, for another page's id and for a field's.
    let text = "---\ntitle: T\nsummary: S\nfields: [agriculture tourism]\n---\n"
    let found = try parseFile(text, kind: .initiative, config: fixtureConfig()).1
    #expect(
      found.map(\.hint) == [
        "write several ids as a list with half-width commas: `fields: [agriculture, tourism]`"
      ], "\(found)")
  }
}

extension WriterSlipsTests {
  /// `start: 12月10日(木) 14時`: the year is the one that puts the day on or after `publish`
  /// (it was the example `2026-12-05T13:30:00+09:00`, another day).
  @Test func aStartWithoutItsYearGetsTheYearAfterPublish() throws {
    func hint(_ start: String, publish: String) throws -> String? {
      let (_, diagnostics) = try parseFile(
        "---\ntitle: 講座\nsummary: 講座です。\nstart: \(start)\npublish: \(publish)\n---\n",
        kind: .event, path: "content/events/x.md")
      return diagnostics.first { $0.code == "front-matter.date" }?.hint
    }
    #expect(
      try hint("12月10日(木) 14時", publish: "2026-11-25")
        == "write `start: 2026-12-10T14:00:00+09:00`")
    #expect(
      try hint("1月10日 14時", publish: "2026-11-25") == "write `start: 2027-01-10T14:00:00+09:00`")
    #expect(try hint("11月25日", publish: "2026-11-25T09:00:00+09:00") == "write `start: 2026-11-25`")
  }
}

extension WriterSlipsTests {
  /// `email: dx@pref.chiba.example。`: the address without the sentence's punctuation is the
  /// hint (it was an example of another address).
  @Test func anEmailWithPunctuationGetsTheAddressAlone() throws {
    func hint(_ email: String) -> String? {
      let (_, diagnostics) = SiteConfig.parse(
        "title: T\nbase_url: https://x.example/\ndomains: []\ncontact:\n  fax: 043-000-0101\n  email: \(email)\n",
        file: "site.yml")
      return diagnostics.first { $0.code == "config.email" }?.hint
    }
    let alone = "write the address alone: `email: dx@pref.chiba.example`"
    #expect(hint("dx@pref.chiba.example。") == alone)
    #expect(hint("<dx@pref.chiba.example>") == alone)
    #expect(
      hint("mailto:dx@pref.chiba.example")
        == "write the address alone, without `mailto:` (the link is made from it): `email: dx@pref.chiba.example`"
    )
    #expect(
      hint("dx@pref")
        == "write one address in half-width letters, e.g. `email: dx-portal@pref.chiba.example`")
  }
}

extension WriterSlipsTests {
  /// `- { id: safety, name: 安全・安心` (a field added to site.yml): the line closed is the
  /// hint; it was "the list opened with `{`", with `fields: [a, b]` for an example.
  @Test func anUnclosedBracketGetsItsLineClosed() throws {
    let (_, diagnostics) = SiteConfig.parse(
      "title: T\nbase_url: https://x.example/\ndomains:\n  - id: life\n    name: 暮らし\n    fields:\n      - { id: safety, name: 安全・安心\n",
      file: "site.yml")
    let d = try #require(diagnostics.first)
    #expect("\(d.location.line):\(d.location.column)" == "7:9")
    #expect(d.message == "the `{` opened here is not closed")
    #expect(d.hint == "close it with `}` on the same line: `- { id: safety, name: 安全・安心 }`")
    try expect(
      "title: T\nfields: [safety, data\n", at: 3, 9, "the list opened with `[` is not closed",
      hint: "`fields: [safety, data]`")
  }
}

extension WriterSlipsTests {
  /// A field added to site.yml with fewer spaces than the items above: the line to type (the
  /// hint was "keep keys at the same column…").
  @Test func anItemIndentedLessThanTheItemsAbove() throws {
    let (_, diagnostics) = SiteConfig.parse(
      "title: T\nbase_url: https://x.example/\ndomains:\n  - id: life\n    name: 暮らし\n    fields:\n      - { id: safety, name: 安全 }\n    - { id: data, name: データ }\n",
      file: "site.yml")
    let d = try #require(diagnostics.first)
    #expect("\(d.location.line):\(d.location.column)" == "8:5")
    #expect(d.message == "this `- ` starts after 4 spaces, the `- ` of the item above it after 6")
    #expect(
      d.hint == "start the line with 6 spaces, as the item above: `      - { id: data, name: データ }`"
    )
  }
}

extension WriterSlipsTests {
  /// `fields: [農業]`: no name holds it, but 農林水産業 shares 農 and 業 (the hint was "use an id
  /// listed in site.yml").
  @Test func aFieldWrittenInOtherWordsGetsTheNameSharingMost() {
    let names = [
      "農林水産業": "agriculture", "産業振興・中小企業": "business", "建設産業": "construction", "観光": "tourism",
      "危機管理": "crisis-management",
    ]
    #expect(PageParser.nameSharingMost("農業", names: names)! == ("農林水産業", "agriculture"))
    #expect(PageParser.nameSharingMost("観光業", names: names)! == ("観光", "tourism"))
    // One character in common, or as many with two names: no guess.
    #expect(PageParser.nameSharingMost("防災", names: names) == nil)
    #expect(PageParser.nameSharingMost("産業", names: ["建設産業": "a", "産業振興": "b"]) == nil)
    #expect(PageParser.nameSharingMost("agri", names: names) == nil)
  }
}

extension WriterSlipsTests {
  /// `reading: BPR`: the letters by their names (the hint was `でぃーえっくす`, another term's).
  @Test func aReadingInLettersGetsTheLettersNames() throws {
    let (_, diagnostics) = try parseFile(
      "---\nterm: BPR\nreading: BPR\nshort: 仕事の流れを見直すことです。\n---\n", kind: .glossary,
      path: "content/glossary/bpr.md")
    let d = try #require(diagnostics.first)
    #expect(d.code == "front-matter.reading")
    #expect(
      d.hint == "write the reading in hiragana, e.g. `reading: びーぴーあーる`; it sets the 五十音 order")
    #expect(PageParser.letterReading("ＡＩ") == "えーあい")
    #expect(PageParser.letterReading("IoT") == "あいおーてぃー")
    #expect(PageParser.letterReading("Society") == nil)
    #expect(PageParser.letterReading("AI活用") == nil)
    #expect(PageParser.letterReading("DIGITALIZATION") == nil)
  }
}

extension WriterSlipsTests {
  /// `online: オンライン（Zoom）`: words, no address at all. The example address did not say
  /// what `online` is for, nor what to write while the address is not known.
  @Test func wordsForAnOnlineEventSayWhatOnlineTakes() throws {
    let (_, diagnostics) = try parseFile(
      "---\ntitle: 教室\nsummary: 教室です。\nstart: 2027-01-16T13:30:00+09:00\nonline: オンライン（Zoom）\n---\n",
      kind: .event, path: "content/events/x.md")
    let d = try #require(diagnostics.first)
    #expect("\(d.location.line):\(d.location.column) \(d.code ?? "")" == "5:9 front-matter.url")
    #expect(
      d.hint
        == "`online` is the address where people join (`online: https://…`); until you have it, leave `online` out and say how to join in `place` or the text"
    )
    #expect(d.localized(.japanese).hint?.hasPrefix("`online` には、参加するためのアドレス") == true)
    // An address that is only mistyped still gets the address meant.
    let (_, typo) = try parseFile(
      "---\ntitle: 教室\nsummary: 教室です。\nstart: 2027-01-16T13:30:00+09:00\nonline: www.example.jp/live\n---\n",
      kind: .event, path: "content/events/x.md")
    #expect(typo.first?.hint == "write the full address: `online: https://www.example.jp/live`")
  }
}

extension WriterSlipsTests {
  /// `- 農林水産省 https://www.maff.go.jp/`: a link's words and address on one line are one
  /// error with the two lines to write (they were three at one place, and no line to type).
  @Test func aLinkOnOneLineGetsItsTwoLines() throws {
    let text =
      "---\ntitle: T\nsummary: S\nfields: [f]\nlinks:\n  - 農林水産省 https://www.maff.go.jp/\n---\n"
    let found = try parseFile(text, kind: .initiative).1
    #expect(
      found.map { "\($0.location.line):\($0.location.column) \($0.hint ?? "")" } == [
        "6:5 write `- title: 農林水産省` and under it `  url: https://www.maff.go.jp/`"
      ])
    expectJapanese(found)
    // A mapping is read as before; a text without an address keeps the general error.
    let fine =
      "---\ntitle: T\nsummary: S\nfields: [f]\nlinks:\n  - title: 省\n    url: https://www.maff.go.jp/\n---\n"
    #expect(try parseFile(fine, kind: .initiative).1.isEmpty)
    let plain = "---\ntitle: T\nsummary: S\nfields: [f]\nlinks:\n  - 農林水産省\n---\n"
    #expect(
      try parseFile(plain, kind: .initiative).1.first?.message.hasSuffix(
        "must be a mapping of `key: value` lines") == true)
  }
}
