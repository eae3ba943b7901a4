import Testing

@testable import Lint

@Suite struct LoanwordRuleTests {
  @Test func unexplainedKatakanaWordWarns() throws {
    let found = try lint("県のアクセシビリティを高めます。", rule: "lint.katakana-word")
    #expect(positions(found) == ["1:3"])
    #expect(found.first?.message.contains("「アクセシビリティ」") == true)
  }

  /// A word public documents use often gets the everyday word to write instead, with or
  /// without its last ー; another gets the general hint.
  @Test func theHintNamesTheEverydayWord() throws {
    let found = try lint("エビデンスに基づくセキュリティーのスキームです。", rule: "lint.katakana-word")
    #expect(found.count == 3)
    #expect(found[0].hint?.hasPrefix("use a Japanese word (「エビデンス」 → 「根拠」), explain") == true)
    #expect(found[1].hint?.contains("(「セキュリティー」 → 「安全を守る対策」)") == true)
    #expect(found[2].japanese?.hint?.hasPrefix("「仕組み」などの日本語の言葉に言い換えるか") == true)
    let other = try #require(try lint("トランポリンで遊びます。", rule: "lint.katakana-word").first)
    #expect(other.hint?.hasPrefix("use a Japanese word, explain") == true)
    #expect(other.japanese?.hint?.hasPrefix("日本語の言葉に言い換えるか") == true)
    #expect(PlainWords.plain(for: "ユーザー") == "利用者" && PlainWords.plain(for: "ユーザ") == "利用者")
  }

  @Test func lengthThreshold() throws {
    #expect(try lint("データを使います。", rule: "lint.katakana-word").isEmpty)
    #expect(
      try lint("データを使います。", rule: "lint.katakana-word", settings: ["lint.katakana-word": "3"]).count
        == 1)
    #expect(try lint("ーーーーー", rule: "lint.katakana-word").isEmpty)
  }

  @Test func glossaryTermsAndAliasesPass() throws {
    #expect(try lint("アクセシビリティを高めます。", rule: "lint.katakana-word", glossary: ["アクセシビリティ"]).isEmpty)
    let joined = "デジタル・トランスフォーメーションを進めます。"
    #expect(try lint(joined, rule: "lint.katakana-word").count == 1)
    #expect(try lint(joined, rule: "lint.katakana-word", glossary: ["デジタル・トランスフォーメーション"]).isEmpty)
  }

  @Test func explainedWordsPass() throws {
    #expect(try lint("アクセシビリティ（使いやすさ）を高めます。", rule: "lint.katakana-word").isEmpty)
    #expect(try lint("使いやすさ（アクセシビリティ）を高めます。", rule: "lint.katakana-word").isEmpty)
    #expect(try lint("{アクセシビリティ|つかいやすさ}を高めます。", rule: "lint.katakana-word").isEmpty)
    #expect(try lint("インターネットで申し込みます。", rule: "lint.katakana-word").isEmpty)
    #expect(try lint("電話かファクスで申し込みます。", rule: "lint.katakana-word").isEmpty)
    // Everyday words since cashless payment and forms online.
    #expect(try lint("クレジットカードで払い、様式をダウンロードします。", rule: "lint.katakana-word").isEmpty)
  }

  @Test func aWordIsReportedOncePerPageAndPassesAfterItsExplanation() throws {
    #expect(try lint("アクセシビリティです。\n\nアクセシビリティです。", rule: "lint.katakana-word").count == 1)
    let explained = "アクセシビリティ（使いやすさ）を高めます。\n\nアクセシビリティは大切です。"
    #expect(try lint(explained, rule: "lint.katakana-word").isEmpty)
  }

  @Test func unexplainedAcronymWarns() throws {
    #expect(positions(try lint("ICTを使います。", rule: "lint.acronym")) == ["1:1"])
    #expect(try lint("IoTを使います。", rule: "lint.acronym").count == 1)
    #expect(try lint("ITを使います。", rule: "lint.acronym", settings: ["lint.acronym": "3"]).isEmpty)
  }

  @Test func explainedOrKnownAcronymsPass() throws {
    #expect(try lint("ICTを使います。", rule: "lint.acronym", glossary: ["ICT"]).isEmpty)
    // In full-width letters it is the same term (the build links it too).
    #expect(try lint("ＩＣＴを使います。", rule: "lint.acronym", glossary: ["ICT"]).isEmpty)
    #expect(try lint("情報通信技術（ICT）を使います。", rule: "lint.acronym").isEmpty)
    #expect(try lint("ICT（情報通信技術）を使います。", rule: "lint.acronym").isEmpty)
    #expect(try lint("PDFで配ります。", rule: "lint.acronym").isEmpty)
    #expect(try lint("`ICT` と書きます。", rule: "lint.acronym").isEmpty)
    #expect(try lint("https://EXAMPLE.JP/ABC を見ます。", rule: "lint.acronym").isEmpty)
    #expect(try lint("窓口はINFO@EXAMPLE.JPです。", rule: "lint.acronym").isEmpty)
  }

  /// English is harder still than katakana, and a screen reader reading Japanese says it in
  /// Japanese sounds: a phrase is reported once, at its start.
  @Test func unexplainedEnglishWarns() throws {
    let found = try lint(
      "Smart Cityをめざします。e-Taxで申告します。\n\nSmart Cityです。", rule: "lint.english-word")
    #expect(positions(found) == ["1:1", "1:18"])
    #expect(
      found.first?.message
        == "「Smart City」 is English that is not in the glossary and not explained")
    #expect(found.first?.hint?.contains("`english:`") == true)
    // Full-width letters are English too; capitals alone are lint.acronym's, short words pass.
    #expect(try lint("Ｓｍａｒｔです。", rule: "lint.english-word").count == 1)
    #expect(try lint("ICTとDXです。", rule: "lint.english-word").isEmpty)
    #expect(try lint("5Gとkmです。", rule: "lint.english-word").isEmpty)
    #expect(
      try lint("kmです。", rule: "lint.english-word", settings: ["lint.english-word": "2"]).count == 1)
  }

  @Test func explainedDeclaredOrKnownEnglishPasses() throws {
    func passes(_ text: String, glossary: Set<String> = [], english: Set<String> = []) throws
      -> Bool
    {
      try lint(text, rule: "lint.english-word", glossary: glossary, english: english).isEmpty
    }
    #expect(try passes("スマートシティ（Smart City）をめざします。"))
    #expect(try passes("Smart City（賢いまち）をめざします。"))
    #expect(try passes("Smart Cityをめざします。", glossary: ["Smart City"]))
    // A glossary entry's English name is declared: the build marks its language.
    #expect(try passes("Internet of Thingsの略です。", english: ["Internet of Things"]))
    #expect(try !passes("Internet of Thingsの略です。", english: ["Internet"]))
    // A sentence that calls the word English is explaining it.
    #expect(try passes("英語の「hack」と「marathon」を合わせた言葉です。"))
    #expect(try !passes("「hack」と「marathon」を合わせた言葉です。英語です。"))
    #expect(try passes("Wi-FiとYouTubeとZoomを使います。"))
    #expect(try passes("`npm install` と入力します。"))
    #expect(try passes("https://example.jp/smart-city を見ます。"))
    #expect(try passes("窓口はinfo@example.jpです。"))
  }

  @Test func glossaryNamesMatchWholeLatinWords() throws {
    let found = try lint("AIとMAILです。", rule: "lint.acronym", glossary: ["AI"])
    #expect(positions(found) == ["1:4"])
  }

  /// ※ marks a glossary term: after a word that is none (a typo), nothing explains it.
  @Test func aGlossaryMarkAfterAnUnknownWordWarns() throws {
    let glossary: Set<String> = ["デジタルデバイド", "テレワーク", "DX"]
    let found = try lint(
      "デジタルデバイト※をなくし、テレワーク※とDX※とＤＸ※を進めます。\n\n※詳しくは窓口へ。注意 ※ 書き方。新語※",
      rule: "lint.glossary-mark", glossary: glossary)
    #expect(positions(found) == ["1:9", "3:21"])
    #expect(
      found.first?.message == "「※」 marks a glossary term, but no glossary term ends before it")
    #expect(found.first?.hint?.hasPrefix("did you mean 「デジタルデバイド」?") == true)
    #expect(found.last?.hint?.hasPrefix("did you mean") == false)
    // A term not yet written: the command that starts its entry, with the word before the ※.
    #expect(
      found.last?.hint?.hasSuffix(
        ": `portal new 用語 \"新語\" --slug …` (the slug: lower-case letters, digits and -)") == true)
    let unknown = try lint("県の電子申請※と、マイナンバーカード※です。", rule: "lint.glossary-mark")
    #expect(
      unknown.map { $0.localized(.japanese).hint ?? "" } == [
        "用語集の言葉と同じ書き方で書くか、用語集に加えてください：`portal new 用語 \"電子申請\" --slug …`（… は半角の英小文字・数字・- の名前）",
        "用語集の言葉と同じ書き方で書くか、用語集に加えてください：`portal new 用語 \"マイナンバーカード\" --slug …`（… は半角の英小文字・数字・- の名前）",
      ])
  }
}
