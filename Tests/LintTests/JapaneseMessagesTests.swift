import Content
import Diagnostics
import Testing

@testable import Lint

/// Every warning of `portal lint` has its message and hint in Japanese too, for the writers
/// whose computers are set to Japanese. Each case triggers one message of one rule (every
/// distinct message, and the hints that change with the text); the cases must cover every rule,
/// so a new rule without Japanese fails here.
@Suite struct JapaneseMessagesTests {
  /// A text that makes `rule` report the message (or hint) containing `english`.
  struct Case: CustomTestStringConvertible, Sendable {
    var rule: String
    var english: String
    var body: String
    /// Linted as a front matter (`Linter.lintFrontMatter`) rather than a body.
    var frontMatter = false
    var glossary: Set<String> = []

    init(
      _ rule: String, _ english: String, _ body: String, frontMatter: Bool = false,
      glossary: Set<String> = []
    ) {
      self.rule = rule
      self.english = english
      self.body = body
      self.frontMatter = frontMatter
      self.glossary = glossary
    }

    var testDescription: String { "\(rule): \(english)" }
  }

  static let long = String(repeating: "あ", count: 70) + "。"

  static let cases: [Case] = [
    Case("lint.sentence-length", "this sentence has 71 characters", long),
    Case("lint.comma-count", "読点 (、) (the limit is 3)", "あ、い、う、え、お。"),
    Case("lint.kanji-run", "add furigana with {漢字|かんじ}", "地域防災計画策定を進めます。"),
    Case(
      "lint.kanji-run", "furigana does not work here", "access: 地域防災計画策定を進めます。\n",
      frontMatter: true),
    Case("lint.kanji-ratio", "write these in kana", "本県は地域防災計画策定及び情報通信基盤整備を推進する方針である。"),
    Case(
      "lint.kanji-ratio", "add furigana to its longest kanji words",
      "受付時間は、平日の午前9時から午後5時までです（土曜日・日曜日・祝日、年末年始を除きます）。"),
    Case("lint.kanji-ratio", "write some words in kana", "山と川と海と空と森と木と花と草と石と岩と。"),
    Case("lint.double-negative", "a double negative", "参加できないわけではありません。"),
    Case("lint.doubled-particle", "the particle 「で」 twice", "材料不足で代替素材で製品を作った。"),
    Case("lint.mixed-style", "use です・ます throughout", "県が進めます。\n\n市が支えます。\n\n国が支援する。"),
    Case("lint.mixed-style", "use one style throughout", "計画である。\n\n方針である。\n\n支援します。"),
    Case("lint.katakana-word", "add furigana with {アクセシビリティ|…}", "県のアクセシビリティを高めます。"),
    Case(
      "lint.katakana-word", "furigana does not work here", "access: 県のアクセシビリティを高めます。\n",
      frontMatter: true),
    Case("lint.acronym", "「ICT」 is an abbreviation", "ICTを使います。"),
    Case(
      "lint.one-sentence", "where one is meant", "short: 学ぶ技術です。判断もします。\n",
      frontMatter: true),
    Case("lint.hard-word", "「施策」 is a word of official documents", "県の施策を考えます。"),
    Case("lint.honorific", "「させていただく」 is honorific language", "ご案内させていただきます。"),
    Case("lint.english-word", "「Smart City」 is English", "Smart Cityを進めます。"),
    Case("lint.vague-link-text", "this link has no text", "[](a.md)"),
    Case("lint.vague-link-text", "「こちら」 does not say where", "申し込みは[こちら](form.md)です。"),
    Case("lint.image-alt", "has no alternative text", "地図です。![](map.png)"),
    Case("lint.image-alt", "「画像」 does not describe", "![画像](map.png)"),
    Case("lint.image-weight", "4000 × 3000 px", "![会場の写真](../files/photo.jpg)"),
    Case("lint.image-weight", "this image is 586KB (more than 500KB)", "![地図](../files/map.png)"),
    Case("lint.file-link", "its format and size", "[DX推進計画](../files/dx-plan.pdf)"),
    Case("lint.file-link", "does not say its size", "[一覧（Excel）](../files/一覧.xlsx)"),
    Case("lint.file-link", "for example （PDF・1.2MB）", "[計画](../files/none.pdf)"),
    Case("lint.file-link", "does not say its format", "[国の計画](https://www.digital.go.jp/plan.pdf)"),
    Case("lint.date-weekday", "lint checks the weekday too", "説明会は12月5日に開きます。"),
    Case("lint.date-weekday", "add the weekday in brackets: 2026年12月5日（土）", "2026年12月5日に開きます。"),
    Case("lint.date-weekday", "is a 木曜日, not 土曜日", "説明会は2026年12月10日（土）です。"),
    Case("lint.date-weekday", "there is no month 13", "13月1日です。"),
    Case("lint.date-weekday", "4月 has 30 days", "4月31日（金）です。"),
    Case("lint.era-year", "an era year without the Western year", "令和8年度から始めます。"),
    Case("lint.era-year", "is no year", "平成35年に終わります。"),
    Case("lint.halfwidth-kana", "half-width katakana 「ｶﾀｶﾅ」", "県のｶﾀｶﾅです。"),
    Case("lint.invisible-character", "U+200B ZERO WIDTH SPACE", "防災\u{200B}計画"),
    Case("lint.invisible-character", "U+00AD SOFT HYPHEN", "ボランティア\u{00AD}センター"),
    Case("lint.invisible-character", "silence the line", "a\u{202E}\u{2066}b"),
    Case(
      "lint.invisible-character", "U+200F RIGHT-TO-LEFT MARK", "title: \u{200F}\n",
      frontMatter: true),
    Case("lint.kanji-number", "the number 「三」", "三人で来てください。"),
    Case("lint.markdown", "`##見出し` is not a heading", "##見出し"),
    Case("lint.markdown", "a full-width `＃`", "＃ 見出し"),
    Case("lint.markdown", "a full-width `＞`", "＞ 県の計画より"),
    Case("lint.markdown", "does not make a list item", "－ 筆記用具"),
    Case("lint.markdown", "the bold was not applied", "これは**「重要」**です。"),
    Case("lint.markdown", "`] (` is not a link", "[案内] (a.md)を読む。"),
    Case("lint.markdown", "is not a link: its address has a space", "[案内](my file.pdf)を読む。"),
    Case("lint.markdown", "is not an image", "会場です。\n![会場の写真](../files/会場 写真.png)"),
    Case("lint.markdown", "full-width brackets", "［案内］（../strategy/a.md）"),
    Case("lint.markdown", "is not closed", "{危機管理|ききかんり です。"),
    Case(
      "lint.front-matter-markup", "the furigana is not closed",
      "summary: 県の{危機管理|ききかんり です。\n", frontMatter: true),
    Case(
      "lint.front-matter-markup", "the reading is empty", "title: 県の{危機管理|}です。\n",
      frontMatter: true),
    Case("lint.markdown", "the reading is empty", "{危機管理|}です。"),
    Case(
      "lint.markdown", "is not a link definition",
      "[報告書][1]を読む。\n\n[1]: https://example.jp/a b.pdf"),
    Case("lint.raw-html", "with the text inside it", "<div class=\"note\">大事なお知らせ</div>"),
    Case("lint.raw-html", "backslash", "一行目です。<br>二行目です。"),
    Case("lint.raw-html", "remove the tag", "文の中に<span>赤い字</span>があります。"),
    Case("lint.rare-kanji", "add furigana with {綺麗|…}", "海は綺麗です。"),
    Case(
      "lint.rare-kanji", "furigana does not work here", "access: 綺麗な海です。\n",
      frontMatter: true),
    Case("lint.empty-section", "this heading has no words", "説明です。\n\n##\n\n本文です。\n"),
    Case("lint.empty-section", "has nothing under it", "説明です。\n\n### 最後の見出し\n"),
    Case("lint.heading-level", "is as big as the page's title", "# 付録\n\n説明です。\n"),
    Case("lint.heading-level", "skips a level", "## 概要\n\n説明です。\n\n#### 細目\n\n説明です。\n"),
    Case("lint.link-address", "this link has no address", "[申し込み]()"),
    Case("lint.link-address", "`javascript:…` is removed", "[押す](javascript:alert(1))"),
    Case("lint.glossary-mark", "no glossary term ends before it", "県の計画※です。"),
    Case(
      "lint.glossary-mark", "did you mean 「デジタルデバイド」?", "デジタルデバイト※です。",
      glossary: ["デジタルデバイド"]),
    Case(
      "lint.long-furigana", "is 16 characters long", "会場は{千葉県立中央図書館|ちばけんりつちゅうおうとしょかん}です。"),
    Case("lint.joined-lines", "「￥」 does not start a new line", "持ち物￥\n・筆記用具"),
    Case("lint.joined-lines", "to make a list", "持ち物\n・筆記用具\n・上履き\n"),
    Case("lint.joined-lines", "to make a numbered list", "当日の流れ\n1.受付をします\n2.説明を聞きます"),
    Case("lint.joined-lines", "must start at 1", "手順\n2. 書類を出します\n3. 審査を待ちます"),
    Case("lint.joined-lines", "to keep each on a line of its own", "県庁\n電話：043-223-2222"),
    Case(
      "lint.joined-lines", "to keep each note on a line of its own",
      "詳しくは窓口へ。\n※どちらの回も同じ内容です。\n※申し込みは不要です。"),
    Case(
      "lint.table-cells", "is a row of the table above it",
      "| 日時 | 場所 |\n|---|---|\n| 5日 | 県庁 |\n※雨の日は中止です。"),
    Case("lint.table-cells", "write it `\\|`", "| 式 | 意味 |\n|---|---|\n| `a|b` | aかb |"),
    Case(
      "lint.table-cells", "write it %7C in the address",
      "| 場所 | 地図 |\n|---|---|\n| 県庁 | [県庁](https://example.jp/a|b) |"),
    Case(
      "lint.table-cells", "this row has 3 cells",
      "| 日時 | 場所 |\n|---|---|\n| 12月5日（土） | 県庁 | 申込不要 |"),
    Case(
      "lint.table-cells", "this row has 1 cell but",
      "| 日時 | 場所 |\n|---|---|\n| 12月5日（土） |"),
    Case(
      "lint.table-cells", "this is not a table",
      "日程です。\n\n| 日時 | 場所 |\n|---|\n| 12月5日（土） | 県庁 |\n"),
    Case(
      "lint.table-cells", "does not separate cells", "| 日時 | 場所 |\n|---|---|\n｜12月5日｜県庁｜\n"),
    Case(
      "lint.table-cells", "is not a dash", "| 日時 | 場所 |\n|ーーー|ーーー|\n| 5日 | 県庁 |"),
    Case("lint.table-cells", "is not a |", "| a | b |\n|---｜---|\n| c | d |"),
    Case("lint.indented-code", "make a code block", "はじめに。\n\n    県では、次のことをします。\n"),
    Case("lint.list-indent", "inside the item above", "1. 項目です。\n  - 下の項目です。\n"),
    Case("lint.double-bullet", "two marks", "- ・筆記用具\n"),
    Case("lint.fullwidth-indent", "the indent of print", "　県は、取組を進めます。\n"),
    Case("lint.fullwidth-alphanumeric", "full-width letters or digits", "ＤＸを進めます。\n"),
    Case("lint.footnote", "「[^1]」 is shown as typed", "国の方針です[^1]。\n\n[^1]: 国の資料によります。\n"),
    Case("lint.footnote", "the note 「[^1]: …」", "国の方針です[^1]。\n\n[^1]: 国の資料によります。\n"),
    Case(
      "lint.front-matter-markup", "so furigana does not work", "fee: \"{無料|むりょう}です\"\n",
      frontMatter: true),
    Case(
      "lint.front-matter-markup", "so bold does not work", "summary: 県の**大事な**取組です。\n",
      frontMatter: true),
    Case(
      "lint.front-matter-markup", "so a link does not work",
      "short: '[案内](https://example.jp)を読む'\n", frontMatter: true),
    Case(
      "lint.offline-application", "residents without the internet cannot apply",
      "registration: https://example.jp/apply\n", frontMatter: true),
  ]

  /// Everything the linter reports for a case's text, on a page of `content/strategy/` of a
  /// site with a few files.
  static func run(_ c: Case) -> [Diagnostic] {
    var context = LintContext(
      glossaryNames: c.glossary,
      fileSizes: [
        "files/dx-plan.pdf": 2_202_009, "files/一覧.xlsx": 350_000,
        "files/photo.jpg": 4_400_000, "files/map.png": 600_000,
      ],
      imageSizes: ["files/photo.jpg": ImageSize(width: 4000, height: 3000)])
    context.knownWords = []
    if c.frontMatter {
      return Linter.lintFrontMatter(
        file: "a.md", frontMatter: c.body, firstLine: 2, context: context)
    }
    return Linter.lint(
      file: "content/strategy/plan.md", markdownBody: c.body, bodyLineOffset: 0,
      context: context, relativePath: "strategy/plan.md")
  }

  /// Whether `text` has kana or kanji.
  static func hasJapanese(_ text: String) -> Bool {
    text.unicodeScalars.contains {
      (0x3041...0x30FF).contains($0.value) || (0x4E00...0x9FFF).contains($0.value)
    }
  }

  /// What each diagnostic must have: a Japanese message with Japanese in it, not the English
  /// one, and a Japanese hint exactly where there is an English hint.
  static func checkJapanese(
    _ d: Diagnostic, sourceLocation: Testing.SourceLocation = #_sourceLocation
  ) {
    let what = "\(d.code ?? ""): \(d.message)"
    guard let japanese = d.japanese else {
      Issue.record("no Japanese for \(what)", sourceLocation: sourceLocation)
      return
    }
    #expect(!japanese.message.isEmpty, "\(what)", sourceLocation: sourceLocation)
    #expect(hasJapanese(japanese.message), "\(what)", sourceLocation: sourceLocation)
    #expect(japanese.message != d.message, "\(what)", sourceLocation: sourceLocation)
    #expect(
      (japanese.hint == nil) == (d.hint == nil), "\(what): \(japanese.hint ?? "no hint")",
      sourceLocation: sourceLocation)
    if let hint = japanese.hint {
      #expect(hasJapanese(hint), "\(what): \(hint)", sourceLocation: sourceLocation)
    }
  }

  @Test(arguments: cases)
  func everyMessageHasJapanese(_ c: Case) throws {
    let found = Self.run(c)
    let match = found.first {
      $0.code == c.rule && ($0.message + "\n" + ($0.hint ?? "")).contains(c.english)
    }
    let d = try #require(
      match,
      "no \(c.rule) saying “\(c.english)” in \(found.map { "\($0.code ?? ""): \($0.message)" })")
    // Every warning of the text, the case's own and any other rule's.
    for d in found { Self.checkJapanese(d) }
    #expect(d.japanese != nil)
  }

  /// The cases cover every rule `portal lint --list-rules` lists: a rule added without a case
  /// here (and so maybe without Japanese) fails.
  @Test func theCasesCoverEveryRule() {
    #expect(Set(Self.cases.map(\.rule)) == Set(Linter.rules.map(\.id)))
    #expect(Set(Linter.allRules.map(\.id)) == Set(Linter.rules.map(\.id)))
  }

  /// A silencing comment naming no rule, with and without a suggestion.
  @Test func unknownRulesInCommentsHaveJapanese() throws {
    let found = try lint("県です。<!-- lint-disable-line lint.kanji-runn zzzzzzzz -->")
      .filter { $0.code == "lint.unknown-rule" }
    #expect(found.count == 2)
    for d in found { Self.checkJapanese(d) }
    #expect(
      found.first?.japanese
        == Diagnostic.Japanese(
          message: "このコメントの `lint.kanji-runn` は lint の規則の名前ではないため、どの警告も止めません",
          hint: "`lint.kanji-run` の間違いではありませんか。すべての規則は `portal lint --list-rules` で確かめられます"))
    #expect(found.last?.japanese?.hint == "すべての規則は `portal lint --list-rules` で確かめられます")
  }

  /// The `lint:` settings of site.yml: an unknown rule, a value for a rule without threshold
  /// and a threshold out of range.
  @Test func configurationErrorsHaveJapanese() throws {
    let error = try #require(
      throws: LintConfigurationError.self,
      performing: {
        try LintConfiguration(settings: [
          "lint.sentence-lenght": "70", "lint.double-negative": "3", "lint.kanji-ratio": "400",
        ])
      })
    let found = error.diagnostics(file: "content/site.yml")
    #expect(found.count == 3)
    for d in found { Self.checkJapanese(d) }
    let ratio = try #require(found.first { $0.message.contains("lint.kanji-ratio") })
    #expect(
      ratio.japanese
        == Diagnostic.Japanese(
          message: "`400` は `lint.kanji-ratio` の目安として使えません（段落の文字のうち漢字の割合の上限（%））",
          hint: "1から100までの整数（初めの設定は40）か、off と書いてください"))
    for rule in Linter.allRules {
      if let threshold = rule.threshold {
        #expect(Self.hasJapanese(threshold.japaneseMeaning), "\(rule.id)")
      }
    }
  }

  /// Whole lines as a writer with a computer set to Japanese reads them.
  @Test func fullTextsInJapanese() throws {
    let sentence = try #require(try lint(Self.long, rule: "lint.sentence-length").first)
    #expect(
      sentence.text(in: .japanese) == """
        a.md:1:1: warning: この文は71文字あります（目安は60文字まで） [lint.sentence-length]
            直し方: 一つの文に一つのことを書き、短い文に分けてください。いくつかの物事を並べるときは箇条書きも使えます
        """)
    // English stays as it was.
    #expect(
      sentence.text(in: .english) == """
        a.md:1:1: warning: this sentence has 71 characters (the limit is 60) [lint.sentence-length]
            hint: split it into shorter sentences, one idea each; a list can help when it names several things
        """)
    let date = try #require(
      try lint("説明会は2026年12月10日（土）です。", rule: "lint.date-weekday").first)
    #expect(
      date.text(in: .japanese) == """
        a.md:1:17: warning: 2026年12月10日は木曜日です（土曜日ではありません） [lint.date-weekday]
            直し方: 日付を直すか、正しい曜日を書いてください：2026年12月10日（木）
        """)
    let joined = try #require(try lint("持ち物\n・筆記用具\n・上履き\n", rule: "lint.joined-lines").first)
    #expect(
      joined.japanese?.hint
        == "箇条書きにするには、前に空行を入れ、各行を半角のハイフンと空白で始めてください（`- 筆記用具`）。段落の中で改行するだけなら、前の行の終わりに半角のバックスラッシュ `\\` を書いてください（持ち物\\）"
    )
    let word = try #require(try lint("県のアクセシビリティを高めます。", rule: "lint.katakana-word").first)
    #expect(
      word.text(in: .japanese) == """
        a.md:1:3: warning: 「アクセシビリティ」はカタカナ語ですが、用語集になく、説明もありません [lint.katakana-word]
            直し方: 日本語の言葉に言い換えるか、かっこ（アクセシビリティ（…））やふりがな（`{アクセシビリティ|…}`）で説明してください。サイトでよく使う言葉なら、`content/glossary/` に用語か別名（`aliases`）として加えることもできます
        """)
  }
}
