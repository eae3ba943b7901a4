import Testing

@testable import Markdown

/// A reading per character, `{綺麗|き|れい}` (DenDen Markdown's and pixiv's mono ruby): one
/// `<ruby>` with each reading over its own character, so a line may break inside the word
/// without parting a reading from its kanji.
@Suite struct MonoRubyTests {
  /// `<rp>（</rp><rt>reading</rt><rp>）</rp>`, as every group writes its reading.
  func rt(_ reading: String) -> String { "<rp>（</rp><rt>\(reading)</rt><rp>）</rp>" }

  func html(_ markdown: String) -> String {
    let doc = MarkdownDocument(markdown)
    doc.applyRuby()
    return doc.renderHTML()
  }

  @Test func aReadingPerCharacterIsOneRuby() {
    #expect(html("海が{綺麗|き|れい}です。") == "<p>海が<ruby>綺\(rt("き"))麗\(rt("れい"))</ruby>です。</p>\n")
    // The full-width bar, for any of the bars.
    let ruby = "<ruby>綺\(rt("き"))麗\(rt("れい"))</ruby>"
    #expect(html("{綺麗｜き｜れい}と{綺麗|き｜れい}") == "<p>\(ruby)と\(ruby)</p>\n")
    // Characters, not scalars: 𠮷 (one scalar of four bytes) and が written as か + ゛.
    #expect(
      html("{𠮷田|よし|だ}と{か\u{3099}木|が|き}")
        == "<p><ruby>𠮷\(rt("よし"))田\(rt("だ"))</ruby>と<ruby>か\u{3099}\(rt("が"))木\(rt("き"))</ruby></p>\n"
    )
    let doc = MarkdownDocument("{綺麗|き|れい}な海")
    doc.applyRuby()
    #expect(doc.plainText() == "綺麗な海")
  }

  /// Groups written side by side are one `<ruby>` too: the same HTML as a reading per character.
  @Test func groupsSideBySideShareOneRuby() {
    #expect(html("{綺|き}{麗|れい}") == html("{綺麗|き|れい}"))
    #expect(
      html("{東京|とうきょう}{都庁|とちょう}と{県|けん}")
        == "<p><ruby>東京\(rt("とうきょう"))都庁\(rt("とちょう"))</ruby>と<ruby>県\(rt("けん"))</ruby></p>\n")
  }

  /// An empty reading leaves its character plain, outside the ruby: kana in the word
  /// (送り仮名, お茶) need none, and an empty `<rt>` would show （） where ruby is not supported.
  @Test func anEmptyReadingLeavesItsCharacterPlain() {
    #expect(html("{綺麗|き|}") == "<p><ruby>綺\(rt("き"))</ruby>麗</p>\n")
    #expect(html("{お茶||ちゃ}") == "<p>お<ruby>茶\(rt("ちゃ"))</ruby></p>\n")
    #expect(
      html("{送り仮名|おく||が|な}")
        == "<p><ruby>送\(rt("おく"))</ruby>り<ruby>仮\(rt("が"))名\(rt("な"))</ruby></p>\n")
    #expect(
      MarkdownDocument.splitRuby("{送り仮名|おく||が|な}です")
        == [
          .ruby(base: "送", reading: "おく"), .text("り"), .ruby(base: "仮", reading: "が"),
          .ruby(base: "名", reading: "な"), .text("です"),
        ])
    #expect(
      MarkdownDocument.splitRuby("{お茶||ちゃ}") == [.text("お"), .ruby(base: "茶", reading: "ちゃ")])
  }

  /// Readings that do not fit the characters one to one, or none at all: shown as typed (lint
  /// says why, `lint.markdown`).
  @Test func countsThatDifferAreShownAsTyped() {
    for text in ["{綺麗|き|れ|い}", "{綺麗|き|れい|}", "{綺麗||}", "{綺麗|||}", "{字|じ|じ}", "{綺麗|き|れい"] {
      #expect(html(text) == "<p>\(text)</p>\n", "\(text)")
      #expect(MarkdownDocument.splitRuby(text) == [.text(text)], "\(text)")
    }
  }

  /// The byte walk and the Character walk read the same groups.
  @Test func bytesAndCharactersAgree() {
    for text in [
      "{綺麗|き|れい}", "{綺麗｜き|れい}", "{お茶||ちゃ}", "{綺麗|き|れ|い}", "{𠮷田|よし|だ}",
      "{か\u{3099}木|が|き}", "{綺麗||}", "a{あい|う|え}b{か|き}",
    ] {
      #expect(
        MarkdownDocument.splitRuby(text) == MarkdownDocument.splitRubyByCharacter(text), "\(text)")
    }
  }

  /// Bases and readings are escaped, each on its own.
  @Test func everyPieceIsEscaped() {
    // The reading's `&lt;` is `<` to the text, written back as `&lt;`.
    #expect(html("{<&|&lt;|&amp;}") == "<p><ruby>&lt;\(rt("&lt;"))&amp;\(rt("&amp;"))</ruby></p>\n")
  }

  /// In a table cell the bars are written `\|` (a bare `|` separates cells) or `｜`; the cell
  /// shows the same ruby as a paragraph, and a link's text may hold one.
  @Test func inTablesAndLinks() {
    let cells = html("| 海 |\n|---|\n| {綺麗\\|き\\|れい}な海 |\n| {綺麗｜き｜れい} |\n")
    let ruby = "<ruby>綺\(rt("き"))麗\(rt("れい"))</ruby>"
    #expect(cells.contains("<td>\(ruby)な海</td>"), "\(cells)")
    #expect(cells.contains("<td>\(ruby)</td>"), "\(cells)")
    #expect(!cells.contains("\u{E000}") && !cells.contains("title="))
    #expect(
      html("[{綺麗|き|れい}な海](https://example.jp/)")
        == "<p><a href=\"https://example.jp/\">\(ruby)な海</a></p>\n")
    // An escaped bar outside a table is a bar too: CommonMark unescapes it.
    #expect(html("{綺麗\\|き\\|れい}") == "<p>\(ruby)</p>\n")
  }

  /// A glossary name inside the ruby is not linked, as in a group over the whole word; next to
  /// it, it is.
  @Test func nextToGlossaryTerms() {
    let matcher = GlossaryMatcher([
      GlossaryLinkTarget(slug: "kirei", url: "/glossary/kirei/", names: ["綺麗"]),
      GlossaryLinkTarget(slug: "umi", url: "/glossary/umi/", names: ["海"]),
    ])
    let doc = MarkdownDocument("{綺麗|き|れい}な海")
    doc.applyRuby()
    #expect(doc.linkGlossary(matcher) == [1])
    #expect(
      doc.renderHTML()
        == "<p><ruby>綺\(rt("き"))麗\(rt("れい"))</ruby>な<a class=\"term\" href=\"/glossary/umi/\" aria-describedby=\"term-umi\">海</a></p>\n"
    )
  }

  /// `**` right around groups is bold, where CommonMark alone showed the marks (the braces
  /// are punctuation to it, next to の and で); marks not right around them stay as typed.
  @Test func boldRightAroundFuriganaIsBold() {
    let ruby = "<ruby>戦略\(rt("せんりゃく"))</ruby>"
    #expect(html("県の**{戦略|せんりゃく}**です。") == "<p>県の<strong>\(ruby)</strong>です。</p>\n")
    // Groups side by side are one run, a reading per character or not.
    #expect(
      html("県の**{綺麗|き|れい}{戦略|せんりゃく}**です")
        == "<p>県の<strong><ruby>綺\(rt("き"))麗\(rt("れい"))戦略\(rt("せんりゃく"))</ruby></strong>です</p>\n"
    )
    // Two runs in one text each get their own marks (CommonMark pairs the marks between two
    // such groups in one paragraph itself, so a text holds two only when it does not).
    var pieces: [MarkdownDocument.RubyPiece] = [
      .text("**"), .ruby(base: "県", reading: "けん"), .text("**と**"),
      .ruby(base: "市", reading: "し"), .text("**"),
    ]
    #expect(MarkdownDocument.boldRuns(&pieces) == [1..<2, 3..<4])
    #expect(pieces[2] == .text("と") && pieces[0] == .text("") && pieces[4] == .text(""))
    // In a table cell too.
    #expect(
      html("| 題 |\n|---|\n| 県の**{戦略｜せんりゃく}**です |\n").contains(
        "<td>県の<strong>\(ruby)</strong>です</td>"))
    // Not exactly two marks on both sides: as typed.
    for typed in ["県の**{戦略|せんりゃく}をつくりました**。", "県の***{戦略|せんりゃく}***です", "県の*{戦略|せんりゃく}*です"] {
      #expect(!html(typed).contains("<strong>"), "\(typed)")
      #expect(html(typed).contains(ruby), "\(typed)")
    }
    // Bold CommonMark makes itself is left as it is.
    #expect(html("、**{戦略|せんりゃく}の話**。") == "<p>、<strong>\(ruby)の話</strong>。</p>\n")
    let doc = MarkdownDocument("県の**{戦略|せんりゃく}**です。")
    doc.applyRuby()
    #expect(doc.plainText() == "県の戦略です。")
  }
}
