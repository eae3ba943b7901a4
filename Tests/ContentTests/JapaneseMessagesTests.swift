import Diagnostics
import Foundation
import Testing

@testable import Content

/// Whether `text` has kana or kanji: a message written in Japanese, not English copied over.
func hasJapanese(_ text: String) -> Bool {
  text.unicodeScalars.contains {
    (0x3041...0x30FF).contains($0.value) || (0x4E00...0x9FFF).contains($0.value)
  }
}

/// Every diagnostic of `diagnostics` has its words in Japanese: a message with Japanese in it,
/// and a Japanese hint wherever the English has one.
func expectJapanese(
  _ diagnostics: [Diagnostic], sourceLocation: Testing.SourceLocation = #_sourceLocation
) {
  for d in diagnostics {
    let japanese = d.japanese
    #expect(japanese != nil, "no Japanese: \(d.text)", sourceLocation: sourceLocation)
    guard let japanese else { continue }
    #expect(hasJapanese(japanese.message), "\(d.text)", sourceLocation: sourceLocation)
    if d.hint != nil {
      #expect(
        japanese.hint.map(hasJapanese) == true, "no Japanese hint: \(d.text)",
        sourceLocation: sourceLocation)
    } else {
      #expect(japanese.hint == nil, "\(d.text)", sourceLocation: sourceLocation)
    }
    // Text that writers would see in English inside the Japanese: the hint keyword.
    #expect(!japanese.message.contains("did you mean"), sourceLocation: sourceLocation)
    #expect(japanese.hint?.contains("did you mean") != true, sourceLocation: sourceLocation)
  }
}

/// The site.yml of the invalid fixture, parsed: its domains and fields for the ids pages name.
func fixtureConfig() throws -> SiteConfig {
  let text = try String(
    contentsOf: fixture("invalid").appendingPathComponent("site.yml"), encoding: .utf8)
  return try #require(SiteConfig.parse(text, file: "content/site.yml").0)
}

@Suite struct JapaneseMessagesTests {
  @Test func invalidFixture() throws {
    let (_, diagnostics) = ContentLoader.load(
      contentDirectory: fixture("invalid"), displayPrefix: "content")
    #expect(diagnostics.count >= 14)
    expectJapanese(diagnostics)
    let typo = try #require(diagnostics.first { $0.code == "front-matter.unknown-key" })
    #expect(
      typo.japanese
        == Diagnostic.Japanese(
          message: "取組のページに、使えない項目 `summry` があります（必ず書く項目 `summary` もありません）",
          hint: "`summary` のまちがいではありませんか"))
    // English is what tests and tools read, and it is unchanged.
    #expect(
      typo.message
        == "unknown key `summry` in an initiative (and the required key `summary` is missing)")
    #expect(typo.text(in: .japanese).contains("直し方: `summary` のまちがいではありませんか"))
  }

  /// An unknown key nothing is near: the Japanese hint lists the kind's keys each with its
  /// word (the English keeps the ids).
  @Test func theKeysOfAKindAreListedWithTheirJapanese() throws {
    let page = try #require(
      parseFile(
        "---\ntitle: 確かめ\nsummary: ページです。\ncolour: red\n---\n本文。\n", kind: .about,
        path: "content/pages/a.md"
      ).1.first { $0.code == "front-matter.unknown-key" })
    #expect(
      page.japanese?.hint
        == "この項目を消してください。このサイトについてのページに書ける項目は、draft（下書き）, footer（ページの下に出すか）, order（並び順）, publish（公開する日時）, redirect_from（前のアドレス）, slug（アドレスの名前）, summary（あらまし）, tags（タグ）, title（題名）, updated（更新した日） です"
    )
    #expect(
      page.hint
        == "remove it; the keys of a page about the site are: draft, footer, order, publish, redirect_from, slug, summary, tags, title, updated"
    )
    // Every key of every kind has its word.
    for kind in ContentKind.allCases {
      let parsed = try parseFile("---\nzzz: 1\n---\n", kind: kind, path: "content/x/a.md")
      let hint = parsed.1.first { $0.code == "front-matter.unknown-key" }?.hint ?? ""
      let keys = hint.components(separatedBy: "are: ").last?.components(separatedBy: ", ") ?? []
      #expect(!keys.isEmpty, "\(kind)")
      for key in keys { #expect(KeySynonyms.japanese[key] != nil, "\(kind): \(key)") }
    }
  }

  /// Broken front matters of every kind, each parsed alone.
  static let brokenPages: [(String, ContentKind)] = [
    // Tags that cannot be a folder of the site.
    (
      "title: テスト\nsummary: 一文です。\nfields: [safety]\ntags: [\"\", a/b, \"子育て、防災\", .NET, \"A:B\", index.html, \"a\\tb\", \(String(repeating: "あ", count: 90))]",
      .initiative
    ),
    // YAML slips.
    ("title：テスト\nsummary：一文です。\nfields：[safety]", .initiative),
    ("title:テスト\nsummary: 一文です。\nfields: [safety]", .initiative),
    ("title: テスト\n\tsummary: 一文です。\nfields: [safety]", .initiative),
    ("title: テスト\n\u{3000}summary: 一文です。\nfields: [safety]", .initiative),
    ("links:\n  - title: a\n\t  url: https://a.example/", .initiative),
    ("links:\n  - title: a\n  \u{3000}url: https://a.example/", .initiative),
    ("title: [重要] お知らせ\nsummary: 一文です。\nfields: [safety]", .initiative),
    ("title: ! 重要なお知らせ\nsummary: 一文です。\nfields: [safety]", .initiative),
    ("title: \"閉じていない\nsummary: 一文です。\nfields: [safety]", .initiative),
    ("title: テスト\nsummary: 一文です。\nfields: [safety, awareness", .initiative),
    ("title: テスト\nsummary: { a: b\nfields: [safety]", .initiative),
    ("title: @テスト\nsummary: 一文です。\nfields: [safety]", .initiative),
    ("title: `テスト`\nsummary: 一文です。\nfields: [safety]", .initiative),
    ("title: テスト\nsummary: 一文です。\nfields:\n  -safety\n  - awareness", .initiative),
    ("title テスト\nsummary: 一文です。\nfields: [safety]", .initiative),
    ("title: テスト\n  summary: 一文です。\nfields: [safety]", .initiative),
    ("title: テスト\nsummary: 注意: 予約が必要です\nfields: [safety]", .initiative),
    ("title: \"テスト\" です\nsummary: 一文です。\nfields: [safety]", .initiative),
    ("title: テスト\nfields:\n  - safety\n - awareness\nsummary: 一文です。", .initiative),
    (" title: テスト\nsummary: 一文です。\nfields: [safety]", .initiative),
    ("title: テスト\ntitle: テスト2\nsummary: 一文です。\nfields: [safety]", .initiative),
    ("title: 第2回 #DX 説明会\nsummary: 一文です。\nfields: [safety]", .initiative),
    ("title: #1 説明会\nsummary: 一文です。\nfields: [safety]", .initiative),
    ("title: テスト\nsummary: 一文です。\nfields: [safety]\n## なにをするか", .initiative),
    ("title: テスト\n\nこれは本文です。\n\nsummary: 一文です。", .initiative),
    ("", .initiative),
    ("- a\n- b", .initiative),
    (
      "big: &b \(String(repeating: "a", count: 1000))\nmore: [\(Array(repeating: "*b", count: 30).joined(separator: ", "))]",
      .initiative
    ),
    // Keys and values.
    ("title: テスト\nsummry: 一文です。\nfields: [safety]", .initiative),
    ("title: テスト\nsummary: 一文です。\nfields: [safety]\nStatus: active", .initiative),
    ("title: テスト\nsummary: 一文です。\nfields: [safety]\nｓｔａｔｕｓ: active", .initiative),
    ("title: テスト\n\u{3000}summary: 一文です。\nfields: [safety]", .initiative),
    ("title: テスト\nsummary: 一文です。\nfields: [safety]\nstatus　: active", .initiative),
    ("title: テスト\nsummary: 一文です。\nfields: [safety]\nfoo: bar", .initiative),
    ("title: テスト\nsummary: 一文です。\nfields: [safety]\nstatus: 実施中", .initiative),
    ("title: テスト\nsummary: 一文です。\nfields: [safety]\nstatus: activ", .initiative),
    ("title: テスト\nsummary: 一文です。\nfields: [safety]\nstatus: xyz", .initiative),
    ("title: テスト\nsummary: 一文です。\nfields: [危機管理]", .initiative),
    ("title: テスト\nsummary: 一文です。\nfields: safety、awareness", .initiative),
    ("title: テスト\nsummary: 一文です。\nfields: [safty]", .initiative),
    ("title: テスト\nsummary: 一文です。\nfields: [zzzzzzzz]", .initiative),
    ("title: テスト\nsummary: 一文です。\nfields: []", .initiative),
    ("title: テスト\nsummary: 一文です。\nfields: [[safety]]", .initiative),
    ("title: テスト\nsummary: 一文です。\nfields: { a: b }", .initiative),
    ("title:\nsummary: 一文です。\nfields: [safety]", .initiative),
    ("title: \"\"\nsummary: 一文です。\nfields: [safety]", .initiative),
    ("title: テスト\nsummary: 一文です。\nfields: [safety]\ndepartment: [a, b]", .initiative),
    ("title: \"A\\0B\"\nsummary: 一文です。\nfields: [safety]", .initiative),
    ("title: テスト\nsummary: 一文です。\nfields: [safety]\ndraft: maybe", .initiative),
    ("title: テスト\nsummary: 一文です。\nfields: [safety]\nslug: My Page", .initiative),
    ("title: テスト\nsummary: 一文です。\nfields: [safety]\nslug: index", .initiative),
    ("title: テスト\nsummary: 一文です。\nfields: [safety]\nupdated: 2026/4/1", .initiative),
    ("title: テスト\nsummary: 一文です。\nfields: [safety]\nupdated: 2026-13-01", .initiative),
    ("title: テスト\nsummary: 一文です。\nfields: [safety]\nupdated: 2026-02-30", .initiative),
    ("title: テスト\nsummary: 一文です。\nfields: [safety]\nupdated: 明日", .initiative),
    ("title: テスト\nsummary: 一文です。\nfields: [safety]\npublish: 2026-11-01T09:00:00", .initiative),
    ("title: テスト\nsummary: 一文です。\nfields: [safety]\npublish: いつか", .initiative),
    (
      "title: テスト\nsummary: 一文です。\nfields: [safety]\nlinks:\n  - { title: A, url: 'javascript:alert(1)', note: x }\n  - { url: 'https://a.example/a b' }",
      .initiative
    ),
    ("title: テスト\nsummary: 一文です。\nfields: [safety]\nlinks: abc", .initiative),
    ("title: テスト\nsummary: 一文です。\nfields: [safety]\nlinks: [abc]", .initiative),
    (
      "title: \(String(repeating: "長", count: 41))\nsummary: \(String(repeating: "長", count: 121))\nfields: [safety]",
      .initiative
    ),
    ("title: テスト\nsummary: \(Placeholders.initiativeSummary)\nfields: [safety]", .initiative),
    ("summary: 一文です。", .initiative),
    // A file in the wrong folder.
    ("term: DX\nreading: でぃーえっくす\nshort: 一文です。", .initiative),
    // Events.
    (
      "title: 催し\nsummary: 一文です。\nstart: 2026-12-05T13:30:00+09:00\nend: 2026-12-05T10:00:00+09:00\ndeadline: 2026-12-10",
      .event
    ),
    ("title: 催し\nsummary: 一文です。\nstart: 2026-12-05 13:30\nend: 16時", .event),
    ("title: 催し\nsummary: 一文です。\nstart: 2026-12-05\nend: 16:30", .event),
    ("title: 催し\nsummary: 一文です。\nstart: 2026年12月5日 午後2時", .event),
    ("title: 催し\nsummary: 一文です。\nstart: 2026-02-30T10:00\ncapacity: たくさん", .event),
    (
      "title: 催し\nsummary: 一文です。\nstart: 2026-12-05T13:30:00+09:00\nphone: 043-223-222\nfax: 43-223-2222",
      .event
    ),
    (
      "title: 催し\nsummary: 一文です。\nstart: 2026-12-05T13:30:00+09:00\nphone: 043-223-2222 内線 12\nfax: 043-223-222a",
      .event
    ),
    (
      "title: 催し\nsummary: 一文です。\nstart: 2026-12-05T13:30:00+09:00\nonline: example.jp\nregistration: 'https://'",
      .event
    ),
    (
      "title: 催し\nsummary: \(Placeholders.eventSummary)\nstart: \(Placeholders.eventStart)\nonline: \(Placeholders.eventOnline)",
      .event
    ),
    // Glossary, fields, strategy, about.
    ("term: メタバース\nreading: メタバース\nshort: 一文です。", .glossary),
    ("term: DX\nreading: DX\nshort: 一文です。", .glossary),
    ("term: \(String(repeating: "長", count: 41))\nreading: ながい\nshort: 一文です。", .glossary),
    ("title: 分野\ndomain: foundation\nfield: safety", .field),
    ("title: 分野\ndomain: 暮らし\nfield: saftey", .field),
    ("title: 分野\ndomain: lief\nfield: safety", .field),
    ("title: 戦略\norder: first", .strategy),
    ("title: 戦略", .strategy),
    ("title: ページ\nfooter: たぶん\norder: 二", .about),
  ]

  @Test func brokenPagesOfEveryKind() throws {
    let config = try fixtureConfig()
    var codes: Set<String> = []
    var count = 0
    for (frontMatter, kind) in Self.brokenPages {
      let (_, diagnostics) = try parseFile(
        "---\n\(frontMatter)\n---\n\n本文です。\n", kind: kind,
        path: "content/\(kind.folder)/page.md", config: config)
      #expect(!diagnostics.isEmpty, "nothing reported for \(frontMatter)")
      expectJapanese(diagnostics)
      count += diagnostics.count
      codes.formUnion(diagnostics.compactMap(\.code))
    }
    #expect(count > 100)
    #expect(
      codes.isSuperset(of: [
        "front-matter.yaml", "front-matter.unknown-key", "front-matter.missing-key",
        "front-matter.type", "front-matter.empty", "front-matter.value", "front-matter.date",
        "front-matter.url", "front-matter.slug", "front-matter.phone", "front-matter.reading",
        "front-matter.comment", "front-matter.heading", "front-matter.duplicate-key",
        "front-matter.missing", "content.unknown-id", "content.field-domain", "content.folder",
        "content.long-title", "content.long-summary", "content.placeholder", "front-matter.tag",
      ]), "\(codes.sorted())")
  }

  @Test func fileNameThatIsNoAddress() throws {
    let (_, diagnostics) = try parseFile(
      "---\ntitle: テスト\nsummary: 一文です。\nfields: [safety]\n---\n", kind: .initiative,
      path: "content/initiatives/My Page.md")
    #expect(diagnostics.map(\.code) == ["front-matter.slug"])
    #expect(
      diagnostics.first?.hint
        == "rename the file with a-z, 0-9 and `-` only, or add `slug: my-page`")
    expectJapanese(diagnostics)
    // A name with nothing to offer a name from: what to make one of, not a placeholder.
    let (_, japanese) = try parseFile(
      "---\ntitle: テスト\nsummary: 一文です。\nfields: [safety]\n---\n", kind: .initiative,
      path: "content/initiatives/スマート農業.md")
    #expect(japanese.first?.hint?.contains("in English or romaji") == true)
    #expect(japanese.first?.hint?.contains("my-page") == false)
    expectJapanese(japanese)
  }

  /// Files whose front matter cannot be found, or that are not UTF-8.
  @Test func filesWithoutFrontMatter() {
    let files: [[UInt8]] = [
      Array("# 見出し\n本文\n".utf8),
      Array("\n\n---\ntitle: a\n---\n".utf8),
      Array("ーーー\ntitle: a\n---\n".utf8),
      Array("---\ntitle: a\nーーー\n本文\n".utf8),
      Array("---\ntitle: a\n本文\n".utf8),
      [0x2D, 0x2D, 0x2D, 0x0A] + [0x74, 0x3A, 0x20, 0x82, 0xA0, 0x82, 0xA2, 0x0A],
      [0x2D, 0x2D, 0x2D, 0x0A, 0xFF, 0x0A],
    ]
    for bytes in files {
      guard case .failure(let d) = SourceFile.read(bytes: bytes, path: "p.md", relativePath: "p.md")
      else {
        Issue.record("read: \(bytes)")
        continue
      }
      expectJapanese([d])
    }
    let sjis = SourceFile.notUTF8(
      [0x82, 0xA0, 0x82, 0xA2, 0x82, 0xA4][...], path: "p.md", code: "source.encoding")
    #expect(sjis.japanese?.message.contains("Shift_JIS") == true)
  }

  @Test func exactTexts() throws {
    let config = try fixtureConfig()
    func first(_ frontMatter: String, _ kind: ContentKind = .initiative) throws -> Diagnostic {
      let (_, diagnostics) = try parseFile(
        "---\n\(frontMatter)\n---\n", kind: kind, path: "content/\(kind.folder)/page.md",
        config: config)
      return try #require(diagnostics.first)
    }
    let colon = try first("title：テスト\nsummary: 一文です。\nfields: [safety]")
    #expect(colon.message == "the key `title` is followed by a full-width colon `：`")
    #expect(
      colon.japanese
        == .init(
          message: "項目 `title` の後のコロンが、全角の `：` になっています",
          hint: "半角のコロンと半角スペースを書いてください：`title: テスト`"))
    let field = try first("title: テスト\nsummary: 一文です。\nfields: [agriculture]")
    #expect(
      field.japanese?.message == "`fields` に書いた `agriculture` は、site.yml の分野（`fields`）にありません")
    let name = try first("title: テスト\nsummary: 一文です。\nfields: [危機管理]")
    #expect(name.japanese?.hint == "名前ではなく id を書いてください：`crisis-management`（危機管理）")
    let list = try first("title: テスト\nsummary: 一文です。\nfields: safety、awareness")
    #expect(
      list.japanese?.hint == "いくつも書くときは、半角のコンマで区切って `[ ]` で囲みます: `fields: [safety, awareness]`")
    let date = try first("title: テスト\nsummary: 一文です。\nfields: [safety]\nupdated: 2026/4/1")
    #expect(
      date.japanese
        == .init(
          message: "`updated` の日付 `2026/4/1` が読めません", hint: "`updated: 2026-04-01` と書いてください"))
    let missing = try first("title: 戦略", .strategy)
    #expect(
      missing.japanese
        == .init(message: "必ず書く項目 `order` がありません", hint: "`order: 1` の行を書き足してください"))
    let phone = try first(
      "title: 催し\nsummary: 一文です。\nstart: 2026-12-05T13:30:00+09:00\nphone: 043-223-222", .event)
    #expect(
      phone.japanese?.message
        == "`phone` の番号 `043-223-222` は、このままではかけられません。数字が9桁です（日本の番号は10桁か11桁です）")
    let status = try first("title: テスト\nsummary: 一文です。\nfields: [safety]\nstatus: 実施中")
    #expect(
      status.japanese?.hint
        == "実施中は `active` と書きます。次のどれかを書いてください：`planned`（準備中）、`active`（実施中）、`completed`（完了）")
  }

  /// site.yml's own mistakes.
  @Test func siteConfiguration() {
    let broken = [
      """
      title: ポータル
      base_url: https://user@dx.example.jp/?a=1
      tittle: x
      navigation:
        - { title: 戦略, url: 'javascript:x', icon: a }
      domains:
        - id: Life
          name: 暮らし
          colour: red
          fields:
            - { id: Safety, name: 安全, note: x }
            - { id: safety2, name: 安全 }
        - id: Life
          name: 二つ目
          fields:
            - { id: safety2, name: 安全 }
      lint: 70
      check: { skip: [a], only: [b] }
      initiatives_per_field: -1
      past_events_listed: -2
      search_words:
        - [防災]
      params:
        Notice: a
        list: { a: b }
      contact: mailto
      """,
      "title: ポータル\nbase_url: dx.example.jp\nsearch_words: 防災\nparams: [a]\nallow_raw_html: たぶん",
      "title: ポータル\nbase_url: 'https://dx.example.jp//x/'",
      "title: ポータル\nbase_url: https://dx.example.jp/\ndomains: abc",
      "base_url: https://dx.example.jp/\ndomains: []\ninitiatives_per_field: many",
      "title：ポータル\nbase_url: https://dx.example.jp/\ndomains: []",
      "- a",
    ]
    var codes: Set<String> = []
    for text in broken {
      let (_, diagnostics) = SiteConfig.parse(text, file: "content/site.yml")
      #expect(!diagnostics.isEmpty, "\(text)")
      expectJapanese(diagnostics)
      codes.formUnion(diagnostics.compactMap(\.code))
    }
    #expect(
      codes.isSuperset(of: [
        "config.base-url", "config.id", "config.duplicate-id", "config.limit",
        "config.search-words", "config.params", "front-matter.unknown-key", "front-matter.type",
        "front-matter.url", "front-matter.missing-key", "front-matter.yaml",
      ]), "\(codes.sorted())")
    let (_, diagnostics) = SiteConfig.parse(
      "title: ポータル\nbase_url: https://dx.example.jp/\ndomains: []\nnotice: x",
      file: "content/site.yml")
    #expect(
      diagnostics.first?.japanese?.hint
        == "この項目を消してください。site.yml に書ける項目は、allow_raw_html, base_url, check, contact, departments, description, domains, initiatives_per_field, known_words, language, lint, navigation, operator, params, past_events_listed, search_words, title, vision です。テーマで使うサイト独自の値は `params:` の下に書きます（テンプレートでは `site.params.notice`）"
    )
  }

  /// What the loader finds across files: the folders and names of files, ids between pages,
  /// slugs and terms two pages share, a loop of parents, a date to come.
  @Test func problemsAcrossFiles() throws {
    let dir = try contentFolder(
      "initiatives", "strategy", "glossary", "fields", "events", "files", "notes",
      "initiatives/old")
    defer { try? FileManager.default.removeItem(at: dir) }
    try FileManager.default.removeItem(at: dir.appendingPathComponent("site.yml"))
    try FileManager.default.copyItem(
      at: fixture("invalid").appendingPathComponent("site.yml"),
      to: dir.appendingPathComponent("site.yml"))
    let files = [
      "initiatives/a.md":
        "---\ntitle: A\nsummary: 一文です。\nfields: [safety]\nrelated: [c, b-renamed]\n---\n",
      "initiatives/b.md": "---\ntitle: B\nsummary: 一文です。\nfields: [safety]\nslug: a\n---\n",
      "initiatives/c.md":
        "---\ntitle: C\nsummary: 一文です。\nfields: [safety]\nslug: c-new\nrelated: [zzzzzzzzzz]\n---\n",
      "initiatives/old/d.md": "---\ntitle: D\n---\n",
      "initiatives/E.MD": "---\ntitle: E\n---\n",
      "initiatives/_index.md": "一覧の紹介",
      "notes/x.md": "---\ntitle: X\n---\n",
      "initiatve/y.md": "---\ntitle: Y\n---\n",
      "strategy/s1.md": "---\ntitle: S1\norder: 1\nparent: s2\n---\n",
      "strategy/s2.md": "---\ntitle: S2\norder: 2\nparent: s1\n---\n",
      "strategy/s3.md": "---\ntitle: S3\norder: 3\nparent: s3\n---\n",
      "strategy/s4.md": "---\ntitle: S4\norder: 4\nparent: nowhere\n---\n",
      "glossary/g1.md": "---\nterm: DX\nreading: でぃーえっくす\nshort: 一文です。\nrelated: [g3]\n---\n",
      "glossary/g2.md": "---\nterm: ＤＸ\nreading: でぃーえっくす\nshort: 一文です。\n---\n",
      "fields/v1.md": "---\ntitle: V1\ndomain: life\nfield: safety\n---\n",
      "fields/v2.md": "---\ntitle: V2\ndomain: life\nfield: safety\n---\n",
      "events/e.md":
        "---\ntitle: 催し\nsummary: 一文です。\nstart: 2026-12-05T13:30:00+09:00\nupdated: 2030-01-01\ninitiatives: [zzz]\n---\n",
      "initiatives/pasted.md":
        "---\ntitle: P\nsummary: 一文です。\nfields: [safety]\n---\n\n色\u{1B}[31mです。\n",
      "files/page.html": "<p>x</p>",
      "files/Map.png": "x",
      "files/map.png": "x",
      "images/photo.png": "x",
    ]
    for (path, text) in files {
      let url = dir.appendingPathComponent(path)
      try FileManager.default.createDirectory(
        at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try text.write(to: url, atomically: true, encoding: .utf8)
    }
    let (_, diagnostics) = ContentLoader.load(
      contentDirectory: dir, displayPrefix: "content",
      now: DateTime(iso: "2026-11-25T00:00:00+09:00"))
    expectJapanese(diagnostics)
    let codes = Set(diagnostics.compactMap(\.code))
    // `files/Map.png` beside `files/map.png` is said only where names differ in case only.
    #expect(
      codes.isSuperset(of: [
        "content.file-type", "content.index-file", "content.file-name", "content.folder",
        "content.duplicate-slug", "content.unknown-id", "content.parent-loop",
        "content.duplicate-field", "content.duplicate-term", "content.future-updated",
        "content.control-character", "content.file-place",
      ]), "\(codes.sorted())")
    let loop = try #require(
      diagnostics.first { $0.code == "content.parent-loop" && $0.message.contains("s3") })
    #expect(
      loop.japanese
        == .init(
          message: "`parent` をたどると、元のページにもどってしまいます: s3 → s3",
          hint: "ページを、自分自身の `parent` にはできません。上のページを書くか、`parent` を消してください"))
  }

  /// No site.yml, one that is not UTF-8, no content folder.
  @Test func missingConfiguration() throws {
    let dir = try contentFolder("initiatives")
    defer { try? FileManager.default.removeItem(at: dir) }
    let config = dir.appendingPathComponent("site.yml")
    try Data([0x74, 0x3A, 0x20, 0xFF]).write(to: config)
    let (_, notUTF8) = ContentLoader.load(contentDirectory: dir, displayPrefix: "content")
    #expect(notUTF8.map(\.code) == ["source.encoding"])
    expectJapanese(notUTF8)
    try FileManager.default.removeItem(at: config)
    let (_, none) = ContentLoader.load(contentDirectory: dir, displayPrefix: "content")
    #expect(none.map(\.code) == ["config.missing"])
    expectJapanese(none)
    // There but not readable (here a folder; no permission, or no file handles left): said so,
    // not as missing.
    try FileManager.default.createDirectory(at: config, withIntermediateDirectories: true)
    let (_, unreadable) = ContentLoader.load(contentDirectory: dir, displayPrefix: "content")
    #expect(unreadable.map(\.code) == ["config.read"])
    #expect(unreadable.first?.message.hasPrefix("site.yml cannot be read: ") == true)
    expectJapanese(unreadable)
    try FileManager.default.removeItem(at: config)
    let (_, noFolder) = ContentLoader.load(
      contentDirectory: dir.appendingPathComponent("nothing"), displayPrefix: "nothing")
    #expect(noFolder.map(\.code) == ["config.missing"])
    expectJapanese(noFolder)
    #expect(noFolder.first?.japanese?.message.hasSuffix("に、content フォルダー `nothing` がありません") == true)
  }

  /// The hints for dates typed in other forms, in both languages for every case.
  @Test func dateHintsInBothLanguages() {
    let cases: [(String, DateHints.Takes)] = [
      ("2026-12-05T13:30:00", .dateTime), ("16時", .dateTime), ("2026-13-01", .date),
      ("2026-02-30", .date), ("2026-02-30 14時", .dateTime), ("2026-02-30", .dateTime),
      ("2026年4月1日 午後2時", .dateTime), ("令和8年4月1日", .date), ("2026/4/1", .dateTime),
      ("2026/4/1", .dateOrDateTime),
    ]
    for (text, takes) in cases {
      let hints = DateHints.hints(for: text, key: "k", takes: takes)
      #expect(hints != nil, "\(text)")
      #expect(hints?.english == DateHints.hint(for: text, key: "k", takes: takes))
      #expect(hints.map { hasJapanese($0.japanese) } == true, "\(text)")
    }
  }
}
