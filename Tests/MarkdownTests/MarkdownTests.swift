import Testing

@testable import Markdown

@Suite struct MarkdownTests {
  /// Each entry is in the list once, in order of first use, however often the body uses it
  /// and marks it (`防災※` links again): the site's pages-per-term lists rely on it.
  @Test func theEntriesLinkedAreListedOnce() {
    let doc = MarkdownDocument("防災とAIと防災※。\n\n- 防災※\n- AI※と防災\n")
    let matcher = GlossaryMatcher([
      GlossaryLinkTarget(slug: "ai", url: "/g/ai/", names: ["AI"]),
      GlossaryLinkTarget(slug: "bousai", url: "/g/bousai/", names: ["防災"]),
    ])
    #expect(doc.linkGlossary(matcher) == [1, 0])
    #expect(doc.renderHTML().components(separatedBy: "href=\"/g/bousai/\"").count - 1 == 3)
  }

  /// `※1` or `*２` after a term is a note's number, not the glossary's mark: kept as written
  /// (the term linked as any use is), where the ※ was dropped and 「ドローン1」 read.
  @Test func aMarkWithANumberIsANote() {
    let matcher = GlossaryMatcher([
      GlossaryLinkTarget(slug: "drone", url: "/g/drone/", names: ["ドローン"])
    ])
    let doc = MarkdownDocument("ドローン※1を使います。ドローン*２も、ドローン※も。\n")
    _ = doc.linkGlossary(matcher)
    let html = doc.renderHTML()
    #expect(
      html
        == "<p><a class=\"term\" href=\"/g/drone/\" aria-describedby=\"term-drone\">ドローン</a>※1を使います。ドローン*２も、<a class=\"term\" href=\"/g/drone/\" aria-describedby=\"term-drone\">ドローン</a>も。</p>\n",
      "\(html)")
  }

  /// One tilde is a range (`9:00~17:00`), as Japanese writes it: two in a paragraph struck out
  /// the text between them and lost both. Two tildes strike through.
  @Test func oneTildeIsARangeTwoStrikeThrough() {
    for (body, html) in [
      ("受付は平日9:00~17:00、土曜9:00~12:00です。", "<p>受付は平日9:00~17:00、土曜9:00~12:00です。</p>\n"),
      ("期間は1月~3月と、7月~9月です。", "<p>期間は1月~3月と、7月~9月です。</p>\n"),
      ("旧名は~~デジタル推進課~~です。", "<p>旧名は<del>デジタル推進課</del>です。</p>\n"),
    ] {
      #expect(MarkdownDocument(body).renderHTML() == html, "\(body)")
    }
  }

  /// Two `*` marks in one paragraph are what CommonMark takes for emphasis: they are marks
  /// still, both uses linked and no words in italics; a term used before is linked again at
  /// its mark. Emphasis whose words end with no name, or that follows none, stays emphasis.
  @Test func twoStarMarksInAParagraphAreMarksNotEmphasis() {
    let matcher = GlossaryMatcher([
      GlossaryLinkTarget(slug: "paperless", url: "/g/paperless/", names: ["ペーパーレス"]),
      GlossaryLinkTarget(slug: "small-start", url: "/g/small-start/", names: ["スモールスタート"]),
      GlossaryLinkTarget(slug: "drone", url: "/g/drone/", names: ["ドローン"]),
    ])
    func html(_ body: String) -> (html: String, linked: [Int]) {
      let doc = MarkdownDocument(body)
      let linked = doc.linkGlossary(matcher)
      return (doc.renderHTML(), linked)
    }
    let two = html("ペーパーレス*とスモールスタート*を進めます。\n")
    #expect(
      two.html
        == "<p><a class=\"term\" href=\"/g/paperless/\" aria-describedby=\"term-paperless\">ペーパーレス</a>と<a class=\"term\" href=\"/g/small-start/\" aria-describedby=\"term-small-start\">スモールスタート</a>を進めます。</p>\n",
      "\(two.html)")
    #expect(two.linked == [0, 1])
    // The second a term used before: linked again at its mark.
    let again = html("ドローンの話です。\n\nスモールスタート*でドローン*を飛ばします。\n")
    #expect(!again.html.contains("<em>") && !again.html.contains("*"), "\(again.html)")
    #expect(again.html.components(separatedBy: "href=\"/g/drone/\"").count - 1 == 2)
    // Emphasis meant: its words end with no name, or it follows no name.
    for body in ["ドローン*とても大事*です。", "これは*ドローン*です。", "ドローン *とドローン* です。"] {
      #expect(html(body).html.contains("<em>"), "\(body)")
    }
    // In a heading, nothing is linked, and the marks are marks there too: dropped, with no
    // italics; a ※ as well, and a mark in a heading's link stays the link's.
    #expect(html("## ドローン*とドローン*\n").html == "<h2>ドローンとドローン</h2>\n")
    #expect(
      html("### テレワーク※の推進と[ドローン*](x.md)\n").html
        == "<h3>テレワーク※の推進と<a href=\"x.md\">ドローン*</a></h3>\n")
    #expect(html("## ドローン*の活用\n").html == "<h2>ドローンの活用</h2>\n")
  }

  /// `**ドローン**※`: the mark after bold words ending with a term marks the term: linked
  /// again, the mark gone, the bold kept. After bold words ending with no term it stays.
  @Test func aMarkAfterBoldWordsMarksTheirTerm() {
    let matcher = GlossaryMatcher([
      GlossaryLinkTarget(slug: "drone", url: "/g/drone/", names: ["ドローン"])
    ])
    let link = "<a class=\"term\" href=\"/g/drone/\" aria-describedby=\"term-drone\">ドローン</a>"
    for (body, expected) in [
      ("ドローンの話。**ドローン**※を飛ばします。", "<p>\(link)の話。<strong>\(link)</strong>を飛ばします。</p>\n"),
      ("*小型のドローン*※を使います。", "<p><em>小型の\(link)</em>を使います。</p>\n"),
      ("**大事**※です。**ドローン**※1です。", "<p><strong>大事</strong>※です。<strong>\(link)</strong>※1です。</p>\n"),
      ("## **ドローン**※の活用\n", "<h2><strong>ドローン</strong>の活用</h2>\n"),
    ] {
      let doc = MarkdownDocument(body)
      _ = doc.linkGlossary(matcher)
      #expect(doc.renderHTML() == expected, "\(body)")
    }
  }

  /// A term written with furigana is linked as its text would be: the link around the ruby,
  /// at its first use or where marked (the mark dropped).
  @Test func aTermWrittenWithFuriganaIsLinked() {
    let matcher = GlossaryMatcher([
      GlossaryLinkTarget(slug: "ai", url: "/g/ai/", names: ["AI", "人工知能"])
    ])
    let open = "<a class=\"term\" href=\"/g/ai/\" aria-describedby=\"term-ai\">"
    let ruby = "<ruby>人工知能<rp>（</rp><rt>じんこうちのう</rt><rp>）</rp></ruby>"
    for (body, expected, own) in [
      ("{人工知能|じんこうちのう}を使います。AIです。", "<p>\(open)\(ruby)</a>を使います。AIです。</p>\n", nil),
      ("AIです。{人工知能|じんこうちのう}※です。", "<p>\(open)AI</a>です。\(open)\(ruby)</a>です。</p>\n", nil),
      ("AIです。{人工知能|じんこうちのう}です。", "<p>\(open)AI</a>です。\(ruby)です。</p>\n", nil),
      // Part of a name, a group of a reading per character: left alone.
      ("{人工|じんこう}知能です。", "<p><ruby>人工<rp>（</rp><rt>じんこう</rt><rp>）</rp></ruby>知能です。</p>\n", nil),
      // The page's own entry: not linked, the mark dropped.
      ("{人工知能|じんこうちのう}※です。", "<p>\(ruby)です。</p>\n", "ai"),
      // In a table cell.
      (
        "| 語 |\n|---|\n| {人工知能｜じんこうちのう}※ |\n",
        "<table>\n<thead>\n<tr>\n<th>語</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>\(open)\(ruby)</a></td>\n</tr>\n</tbody>\n</table>\n",
        nil
      ),
    ] as [(String, String, String?)] {
      let doc = MarkdownDocument(body)
      doc.applyRuby()
      _ = doc.linkGlossary(matcher, excluding: own)
      #expect(doc.renderHTML() == expected, "\(body)")
      #expect(doc.plainText().contains("人工知能") || doc.plainText().contains("人工"))
    }
    // In a heading: not linked, the mark dropped (from the page, the contents and the id).
    let heading = MarkdownDocument("### {人工知能|じんこうちのう}※とは\n")
    heading.applyRuby()
    _ = heading.linkGlossary(matcher)
    #expect(heading.renderHTML() == "<h3>\(ruby)とは</h3>\n", "\(heading.renderHTML())")
  }

  /// A body nested 40,000 deep (quotes, or emphasis inside emphasis) is walked without
  /// recursion: every walk of the build overflowed the stack and killed the process (and
  /// `portal serve` with it).
  @Test func deepNestingIsWalkedWithoutOverflowingTheStack() {
    let quotes = String(repeating: ">", count: 40_000) + " 防災の\n取組です。\n\n|a|\n|-|\n|防災|\n"
    let stars = String(repeating: "*", count: 100_000)
    for body in [quotes, stars + "防災の\n取組" + stars + "\n"] {
      let doc = MarkdownDocument(body)
      doc.joinJapaneseLines()
      let matcher = GlossaryMatcher([
        GlossaryLinkTarget(slug: "bousai", url: "/g/bousai/", names: ["防災"])
      ])
      #expect(doc.linkGlossary(matcher) == [0])
      #expect(doc.plainText().contains("防災の取組"))
      #expect(!doc.textBlocks().isEmpty)
      _ = doc.relocations
      #expect(doc.renderHTML().contains("href=\"/g/bousai/\""))
    }
  }

  @Test func rendersGFMExtensions() {
    let doc = MarkdownDocument(
      """
      | 項目 | 内容 |
      |:-----|-----:|
      | A | ~~旧~~ |

      - [x] 完了
      - [ ] 未着手

      https://example.jp/ を見る
      """)
    let html = doc.renderHTML()
    #expect(html.contains("<table>"))
    #expect(html.contains("<th class=\"align-left\">項目</th>"))
    #expect(!html.contains("align=\""))
    #expect(html.contains("<del>旧</del>"))
    #expect(
      html.contains("<input type=\"checkbox\" checked=\"\" disabled=\"\" aria-label=\"完了\" />"))
    #expect(html.contains("<input type=\"checkbox\" disabled=\"\" aria-label=\"未完了\" />"))
    #expect(html.contains("<a href=\"https://example.jp/\">https://example.jp/</a>"))
  }

  @Test func omitsRawHTMLUnlessAllowed() {
    let source = "<script>alert(1)</script>\n\n本文<b onclick=\"x\">太字</b>"
    let safe = MarkdownDocument(source).renderHTML()
    #expect(!safe.contains("<script>"))
    #expect(!safe.contains("onclick"))
    #expect(safe.contains("raw HTML omitted"))
    let trusted = MarkdownDocument(source, options: MarkdownOptions(allowRawHTML: true))
      .renderHTML()
    // tagfilter still neutralises <script> even when raw HTML is allowed.
    #expect(trusted.contains("&lt;script>"))
    #expect(trusted.contains("<b onclick"))
  }

  @Test func headingIDsAreStableUniqueAndJapanese() {
    let doc = MarkdownDocument("# 概要\n\n## 戦略期間\n\n## 戦略期間\n\n### Society 5.0 とは？\n")
    let headings = doc.assignHeadingIDs(reserved: ["概要"])
    #expect(headings.map(\.id) == ["概要-2", "戦略期間", "戦略期間-2", "society-5-0-とは"])
    #expect(headings.map(\.level) == [1, 2, 2, 3])
    #expect(headings[1].line == 3)
    let html = doc.renderHTML()
    #expect(html.contains("<h2><span id=\"戦略期間\" class=\"anchor\">戦略期間</span></h2>"))
    // Numbers counted on per text, skipping any a heading holds as its own text.
    let many = MarkdownDocument(
      "## 同じ\n\n## 同じ-3\n\n## 同じ\n\n## 同じ\n\n## 同じ\n\n## 同じ-2\n\n## 概要\n\n## 概要\n")
    #expect(
      many.assignHeadingIDs(reserved: ["概要"]).map(\.id) == [
        "同じ", "同じ-3", "同じ-2", "同じ-4", "同じ-5", "同じ-2-2", "概要-2", "概要-3",
      ])
  }

  /// Many links on one line are counted on from the one before (counting each from the line's
  /// start made 20,000 of them take half a minute); the columns are the same.
  @Test func manyLinksOnOneLineKeepTheirColumns() {
    let pieces = (0..<300).map { i in i % 3 == 0 ? "防災[第\(i)回](a\(i).md) " : "[l\(i)](b.md)、" }
    let line = pieces.joined()
    let links = MarkdownDocument("前文\n\n" + line + "\n\n" + line).links()
    #expect(links.count == 600)
    var expected: [Int] = []
    var column = 1
    for piece in pieces {
      expected.append(column + (piece.hasPrefix("防災") ? 2 : 0))
      column += piece.count
    }
    #expect(links.map(\.column) == expected + expected)
    #expect(links.map(\.line) == Array(repeating: 3, count: 300) + Array(repeating: 5, count: 300))
  }

  /// A paragraph line after a list item, not indented (a lazy continuation), and a table cell:
  /// cmark-gfm places their inlines a few columns off; the column is the link's `[`.
  @Test func linksOnLazyLinesAndInTablesAreAtTheirBracket() {
    let doc = MarkdownDocument(
      "- 項目\n詳しくは[x](nosuch.md)\n\n> 引用\n続き![図](a.png)\n\n| a | b |\n|---|---|\n| 表 | [y](b.md) |\n"
    )
    let links = doc.links()
    #expect(links.map { "\($0.line):\($0.column)" } == ["2:5", "5:3", "9:7"])
  }

  /// Bare addresses (GFM autolinks) have no `[`: cmark-gfm gives an https:// one no line and a
  /// www. one a column early. They are placed where their text is, the second of two equal
  /// ones at the second place.
  @Test func bareAddressesAreWhereTheirTextIs() {
    let doc = MarkdownDocument(
      "前文\n\n詳しくは https://example.jp/a/ と www.example.com を見ます。\n\n"
        + "[括弧](https://example.jp/a/) と https://example.jp/a/ です。\n")
    let links = doc.links()
    #expect(
      links.map { "\($0.line):\($0.column) \($0.text)" } == [
        "3:6 https://example.jp/a/", "3:30 www.example.com", "5:1 括弧", "5:31 https://example.jp/a/",
      ])
    // Read a second time (the build reads them once, lint once more): the same places.
    #expect(doc.links().map(\.column) == links.map(\.column))
  }

  /// A paragraph of many bare addresses (a list of sites written line under line), and as
  /// many on one line: each at its own place, equal ones in their order. Each was looked for
  /// in the whole body or line, which took 14 s for 1,000 in a debug build.
  @Test func manyBareAddressesInOneParagraphAreEachInTheirPlace() {
    let lines = (0..<600).map { "市町村\($0)：https://e\($0 % 300).example.com/" }
    let doc = MarkdownDocument("前文\n\n" + lines.joined(separator: "\n") + "\n")
    let links = doc.links()
    #expect(links.count == 600)
    #expect(
      links.enumerated().allSatisfy { i, link in
        link.line == i + 3 && link.column == "市町村\(i)：".count + 1
          && link.text == "https://e\(i % 300).example.com/"
      })
    let oneLine = (0..<400).map { "https://e\($0 % 7).jp/ と www.w\($0).jp と <https://a\($0).jp/>" }
      .joined(separator: " ")
    let placed = MarkdownDocument(oneLine + "\n").links()
    #expect(placed.count == 1200)
    // An address in `<…>` at its text, after the `<`, as cmark's own places had it.
    let expected = oneLine.ranges(of: /https:\/\/e\d\.jp\/|www\.w\d+\.jp|<https:\/\/a\d+\.jp\/>/)
      .map {
        oneLine.distance(from: oneLine.startIndex, to: $0.lowerBound) + 1
          + (oneLine[$0].hasPrefix("<") ? 1 : 0)
      }
    #expect(placed.map(\.column) == expected)
  }

  /// A link whose text runs onto the next line is placed at its `[`, on the line it starts.
  @Test func aLinkWrappedOverTwoLinesIsAtItsBracket() {
    let doc = MarkdownDocument(
      "前文です。\n\n本文の[改行を\n含むリンク](/multiline-broken/)です。\n一行目\n二行目の[a](b.md)と[三\nつ\nの行](c.md)\n")
    #expect(doc.links().map { "\($0.line):\($0.column)" } == ["3:4", "6:5", "6:15"])
  }

  @Test func linksCarryCharacterColumns() {
    let doc = MarkdownDocument("前文\n\n日本語の[リンク](../initiatives/a.md#b)と![図](x.png)\n")
    let links = doc.links()
    #expect(links.count == 2)
    #expect(links[0].url == "../initiatives/a.md#b")
    #expect(links[0].line == 3)
    #expect(links[0].column == 5)
    #expect(links[0].text == "リンク")
    #expect(links[1].isImage)
    doc.rewriteLinks { $0.url.hasSuffix(".md#b") ? "/initiatives/a/#b" : nil }
    #expect(doc.renderHTML().contains("href=\"/initiatives/a/#b\""))
  }

  @Test func rubySyntax() {
    let doc = MarkdownDocument("{危機管理|ききかんり}を強化します。`{code|x}` {未完")
    doc.applyRuby()
    let html = doc.renderHTML()
    #expect(html.contains("<ruby>危機管理<rp>（</rp><rt>ききかんり</rt><rp>）</rp></ruby>を強化します。"))
    #expect(html.contains("<code>{code|x}</code>"))
    #expect(html.contains("{未完"))
    #expect(doc.plainText().hasPrefix("危機管理を強化します。"))
  }

  /// The full-width bar the Japanese input gives makes furigana too, in a table cell without
  /// escaping (it separates no cells); the byte walk and the Character walk agree.
  @Test func rubyWithTheFullWidthBar() {
    let doc = MarkdownDocument("{匝瑳｜そうさ}市と{a｜}と{｜b}\n\n| 市 |\n|---|\n| {香取｜かとり}市 |\n")
    doc.applyRuby()
    let html = doc.renderHTML()
    #expect(html.contains("<p><ruby>匝瑳<rp>（</rp><rt>そうさ</rt><rp>）</rp></ruby>市と{a｜}と{｜b}</p>"))
    #expect(html.contains("<td><ruby>香取<rp>（</rp><rt>かとり</rt><rp>）</rp></ruby>市</td>"), "\(html)")
    for text in [
      "{匝瑳｜そうさ}市", "{a｜b|c}", "{a|b｜c}", "{a｜}{｜b}", "x{あ｜い}y{う|え}", "{a｜\u{301}b}",
      "{a\u{301}｜b}", "{｜｜}", "{漢字｜かんじ",
    ] {
      #expect(
        MarkdownDocument.splitRuby(text) == MarkdownDocument.splitRubyByCharacter(text), "\(text)")
    }
    #expect(MarkdownDocument.splitRuby("{a｜b|c}") == [.text("{a｜b|c}")])
    #expect(MarkdownDocument.splitRuby("{a｜\u{301}b}") == [.text("{a｜\u{301}b}")])
  }

  @Test func glossaryLinksFirstUseLongestMatchAndMarks() {
    let matcher = GlossaryMatcher([
      GlossaryLinkTarget(slug: "dx", url: "/glossary/dx/", names: ["DX", "デジタル・トランスフォーメーション"]),
      GlossaryLinkTarget(slug: "ai", url: "/glossary/ai/", names: ["AI"]),
      GlossaryLinkTarget(slug: "generative-ai", url: "/glossary/generative-ai/", names: ["生成AI"]),
      GlossaryLinkTarget(slug: "sns", url: "/glossary/sns/", names: ["SNS"]),
    ])
    let doc = MarkdownDocument(
      """
      ## DXとは

      DXを進めます。DXは変革です。MAILではなく生成AIとAIを使います。

      [DXのページ](x.md)と`DX`とSNS*等の相談。SNS※も使います。
      """)
    let linked = doc.linkGlossary(matcher)
    let html = doc.renderHTML()
    #expect(linked.map { matcher.targets[$0].slug } == ["dx", "generative-ai", "ai", "sns"])
    #expect(html.contains("<h2>DXとは</h2>"))
    #expect(
      html.contains(
        "<a class=\"term\" href=\"/glossary/dx/\" aria-describedby=\"term-dx\">DX</a>を進めます。DXは変革です。"
      ))
    #expect(html.contains("MAILではなく<a class=\"term\" href=\"/glossary/generative-ai/\""))
    #expect(html.contains("<code>DX</code>"))
    // Marked uses are linked every time and lose the mark.
    #expect(
      html.contains(
        "aria-describedby=\"term-sns\">SNS</a>等の相談。<a class=\"term\" href=\"/glossary/sns/\" aria-describedby=\"term-sns\">SNS</a>も"
      ))
    #expect(!html.contains("※"))
  }

  /// The matcher reads UTF-8 bytes: four-byte characters, the three-byte ※, names sharing a
  /// first character, Latin word edges next to digits, and the first of two equal names.
  @Test func glossaryMatchesOnBytes() {
    let matcher = GlossaryMatcher([
      GlossaryLinkTarget(slug: "yoshinoya", url: "/g/yoshinoya/", names: ["𠮷野家"]),
      GlossaryLinkTarget(slug: "bousai", url: "/g/bousai/", names: ["防災"]),
      GlossaryLinkTarget(slug: "bousai-app", url: "/g/bousai-app/", names: ["防災アプリ"]),
      GlossaryLinkTarget(slug: "again", url: "/g/again/", names: ["防災"]),
      GlossaryLinkTarget(slug: "ai", url: "/g/ai/", names: ["AI"]),
    ])
    let doc = MarkdownDocument("𠮷野家の防災アプリと防災※、AI2とAIです。防災※も。")
    let linked = doc.linkGlossary(matcher)
    let html = doc.renderHTML()
    #expect(linked.map { matcher.targets[$0].slug } == ["yoshinoya", "bousai-app", "bousai", "ai"])
    #expect(html.contains("aria-describedby=\"term-yoshinoya\">𠮷野家</a>の"))
    #expect(html.contains("aria-describedby=\"term-bousai-app\">防災アプリ</a>と"))
    #expect(html.contains("aria-describedby=\"term-bousai\">防災</a>、AI2と<a class"))
    #expect(html.contains("aria-describedby=\"term-ai\">AI</a>です。"))
    #expect(html.contains("aria-describedby=\"term-bousai\">防災</a>も。"))
    #expect(!html.contains("※") && !html.contains("term-again"))
  }

  /// cmark-gfm's table cells refuse custom inline nodes: a glossary term or a ruby group in a
  /// cell was deleted (a cell of 「テレワーク」 alone came out empty). In a cell they render as
  /// they do in a paragraph, and the text is all there.
  @Test func glossaryLinksAndRubyInTableCellsKeepTheirText() {
    let matcher = GlossaryMatcher([
      GlossaryLinkTarget(slug: "open-data", url: "/glossary/open-data/", names: ["オープンデータ"]),
      GlossaryLinkTarget(slug: "telework", url: "/glossary/telework/", names: ["テレワーク"]),
      GlossaryLinkTarget(slug: "dx", url: "/glossary/dx/", names: ["DX"]),
    ])
    let markdown = """
      | 名前 | 説明 |
      |---|---|
      | オープンデータの話 | テレワーク |
      | {危機管理\\|ききかんり} | *DX*と[リンク](https://example.jp/)と{県\\|けん}の*テレワーク* |

      段落のオープンデータと{危機管理|ききかんり}。
      """
    let doc = MarkdownDocument(markdown)
    doc.applyRuby()
    #expect(doc.linkGlossary(matcher) == [0, 1, 2])
    let html = doc.renderHTML()
    let term = { (slug: String, text: String) in
      "<a class=\"term\" href=\"/glossary/\(slug)/\" aria-describedby=\"term-\(slug)\">\(text)</a>"
    }
    let ruby = "<ruby>危機管理<rp>（</rp><rt>ききかんり</rt><rp>）</rp></ruby>"
    #expect(html.contains("<td>\(term("open-data", "オープンデータ"))の話</td>"), "\(html)")
    #expect(html.contains("<td>\(term("telework", "テレワーク"))</td>"), "\(html)")
    #expect(html.contains("<td>\(ruby)</td>"), "\(html)")
    #expect(
      html.contains(
        "<td><em>\(term("dx", "DX"))</em>と<a href=\"https://example.jp/\">リンク</a>と<ruby>県<rp>（</rp><rt>けん</rt><rp>）</rp></ruby>の<em>テレワーク</em></td>"
      ), "\(html)")
    #expect(html.contains("<p>段落のオープンデータと\(ruby)。</p>"), "\(html)")
    #expect(!html.contains("\u{E000}") && !html.contains("title="))
    #expect(doc.plainText().contains("オープンデータの話\nテレワーク\n危機管理\nDXとリンクと県のテレワーク"))
    // A writer's own text with the private mark: the cell keeps its text, unlinked.
    let marked = MarkdownDocument("| a |\n|---|\n| テレワーク\u{E000}0 |\n")
    _ = marked.linkGlossary(matcher)
    #expect(marked.renderHTML().contains("<td>テレワーク\u{E000}0</td>"))
  }

  /// A line break inside a paragraph between two Japanese characters is no space on the page
  /// (browsers showed one: 「確かめます。 有識者」); next to Latin letters or Hangul it stays.
  @Test func lineBreaksBetweenJapaneseCharactersAreJoined() {
    let doc = MarkdownDocument(
      """
      確かめます。
      有識者の意見を聞きます。**大切な
      こと**と「引用」
      （括弧）とＤＸ
      ＡＩ。DX
      推進と
      Digital と
      {漢字|かんじ}と
      `code`
      한국어
      문장
      """)
    doc.applyRuby()
    doc.joinJapaneseLines()
    let html = doc.renderHTML()
    #expect(
      html
        == "<p>確かめます。有識者の意見を聞きます。<strong>大切なこと</strong>と「引用」（括弧）とＤＸＡＩ。DX\n推進と\nDigital と<ruby>漢字<rp>（</rp><rt>かんじ</rt><rp>）</rp></ruby>と\n<code>code</code>\n한국어\n문장</p>\n",
      "\(html)")
    #expect(doc.plainText().hasPrefix("確かめます。有識者の意見を聞きます。大切なこと"))
    // A hard break (two spaces or a backslash) is the writer's choice and stays.
    let hard = MarkdownDocument("一行目。\\\n二行目。")
    hard.joinJapaneseLines()
    #expect(hard.renderHTML() == "<p>一行目。<br />\n二行目。</p>\n")
  }

  /// Symbols of Japanese text (※, …, ①, ○, →) and the glossary's `*` after a Japanese
  /// character join a line as its characters do: a marked term at a line's end was followed by
  /// a space once the mark was dropped.
  @Test func linesEndingInJapaneseSymbolsAreJoined() {
    let matcher = GlossaryMatcher([
      GlossaryLinkTarget(slug: "drone", url: "/g/drone/", names: ["ドローン"])
    ])
    let doc = MarkdownDocument("まずドローン※\nを使います…\n続けて①\n○の順に→\n進みます。AI*\n次へ。Tokyo*\nX\n")
    doc.joinJapaneseLines()
    _ = doc.linkGlossary(matcher)
    let html = doc.renderHTML()
    #expect(
      html
        == "<p>まず<a class=\"term\" href=\"/g/drone/\" aria-describedby=\"term-drone\">ドローン</a>を使います…続けて①○の順に→進みます。AI*\n次へ。Tokyo*\nX</p>\n",
      "\(html)")
    // A comment at a line's end (lint's silencing) shows nothing and joins as nothing.
    let silenced = MarkdownDocument("長い文です。<!-- lint-disable-line -->\n次の文です。\n")
    silenced.joinJapaneseLines()
    #expect(silenced.renderHTML() == "<p>長い文です。<!-- raw HTML omitted -->次の文です。</p>\n")
    let star = MarkdownDocument("まずドローン*\nを使います。\n")
    star.joinJapaneseLines()
    _ = star.linkGlossary(matcher)
    #expect(star.renderHTML().contains("ドローン</a>を使います。"), "\(star.renderHTML())")
    // A line starting with ※ is a note: not joined, so its ※ is no mark after the term above.
    let note = MarkdownDocument("使う機械：ドローン\n※国の許可が必要です。\n")
    note.joinJapaneseLines()
    _ = note.linkGlossary(matcher)
    #expect(
      note.renderHTML()
        == "<p>使う機械：<a class=\"term\" href=\"/g/drone/\" aria-describedby=\"term-drone\">ドローン</a>\n※国の許可が必要です。</p>\n",
      "\(note.renderHTML())")
  }

  /// A katakana name is linked only as a whole word: not as the start of オープンデーター or
  /// ドローンズ, nor the end of ビッグデータ (the link cut the word in two); ・, kanji and kana
  /// around it are boundaries.
  @Test func katakanaNamesAreWholeWords() {
    let matcher = GlossaryMatcher([
      GlossaryLinkTarget(slug: "open-data", url: "/g/open-data/", names: ["オープンデータ"]),
      GlossaryLinkTarget(slug: "drone", url: "/g/drone/", names: ["ドローン"]),
      GlossaryLinkTarget(slug: "data", url: "/g/data/", names: ["データ"]),
      GlossaryLinkTarget(slug: "ict", url: "/g/ict/", names: ["ICT化"]),
    ])
    func linked(_ text: String) -> [String] {
      let doc = MarkdownDocument(text)
      return doc.linkGlossary(matcher).map { matcher.targets[$0].slug }
    }
    #expect(linked("オープンデーターを公開。ドローンズとﾄﾞﾛｰﾝ。ビッグデータ。") == [])
    #expect(linked("ドローンズ、ドローンを使う。") == ["drone"])
    #expect(linked("県のオープンデータ・ドローン活用とデータです。") == ["open-data", "drone", "data"])
    #expect(linked("ICT化のデータ") == ["ict", "data"])
    // Typed in full-width letters with the Japanese input on: the same entry.
    #expect(linked("ＩＣＴ化を進めます。") == ["ict"])
    #expect(GlossaryMatcher.fullWidthVariant("DX") == "ＤＸ")
    #expect(GlossaryMatcher.fullWidthVariant("Digital Transformation") == "Ｄｉｇｉｔａｌ　Ｔｒａｎｓｆｏｒｍａｔｉｏｎ")
    #expect(GlossaryMatcher.fullWidthVariant("オープンデータ") == nil)
  }

  @Test func glossaryDoesNotLinkOwnEntry() {
    let matcher = GlossaryMatcher([
      GlossaryLinkTarget(slug: "dx", url: "/glossary/dx/", names: ["DX"])
    ])
    let doc = MarkdownDocument("DXは変革です。")
    #expect(doc.linkGlossary(matcher, excluding: "dx").isEmpty)
    #expect(!doc.renderHTML().contains("<a"))
    // Marked on its own page: not linked either, and the mark dropped as elsewhere.
    let marked = MarkdownDocument("DX※は変革です。DX*も。")
    #expect(marked.linkGlossary(matcher, excluding: "dx").isEmpty)
    #expect(marked.renderHTML() == "<p>DXは変革です。DXも。</p>\n")
  }

  @Test func textBlocksKeepPositions() {
    let doc = MarkdownDocument("# 見出し\n\n一行目の文。\n二行目の文。\n\n```\nコード\n```\n")
    let blocks = doc.textBlocks()
    #expect(blocks.map(\.kind) == [.heading, .paragraph, .codeBlock])
    #expect(blocks[1].text == "一行目の文。\n二行目の文。")
    #expect(blocks[1].lineStarts.map(\.line) == [3, 4])
  }

  /// Columns count Characters; the scalar count stands in only where each scalar is one.
  @Test func characterCountMatchesCharacters() {
    let texts = [
      "abc 防災、デジタル。ＤＸ！", "か\u{3099}き", "ｶﾞｷ", "e\u{301}x", "漢\u{FE00}字", "a\r\nb", "👨‍👩‍👧 x",
      "\t[リンク](a.md)", "ゝゞ・ー", "",
    ]
    for text in texts {
      #expect(MarkdownDocument.characterCount(text[...]) == text.count, "\(text)")
    }
    // A link after combining marks on its line is placed at its Character column.
    let doc = MarkdownDocument("か\u{3099}か\u{3099} [a](b.md)\n")
    #expect(doc.links().first?.column == 4)
  }
}
