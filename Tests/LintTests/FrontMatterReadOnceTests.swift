import Content
import Diagnostics
import Foundation
import Markdown
import Testing

@testable import Lint

/// The shortcuts of the fifth round of `portal lint` at 10,000 pages (docs/speed.md): the front
/// matter read again without decoding the body, names linted without parsing them as Markdown,
/// and the kanji-ratio hint's words found in one reading. Each against the way it replaces.
@Suite struct FrontMatterReadOnceTests {
  /// Lines a file may start with, for the files below: fences with spaces and tabs after them
  /// or typed in other dashes, a BOM, carriage returns, bytes that are not UTF-8, YAML that
  /// does not parse, and no line break at the end.
  static let pieces: [[UInt8]] =
    [
      "---\n", "--- \n", "---\t \n", "----\n", "ーーー\n", " ---\n", "---", "\n", "title: 教室\n",
      "summary: **太字**です。\n", "summary: \"a\\u3042\"\n", "title: [\n", "a: b: c\n", "\r\n", "\r",
      "本文です。\n", "e\u{301}\n", "--- \u{301}\n",
    ].map { Array($0.utf8) } + [[0xEF, 0xBB, 0xBF], [0xFF], [0xE3, 0x81]]

  static func randomFile(using generator: inout some RandomNumberGenerator) -> [UInt8] {
    // Most start as a page does, so that many have a front matter to find.
    let start: [UInt8] = Bool.random(using: &generator) ? Array("---\n".utf8) : []
    return start
      + (0..<Int.random(in: 0...10, using: &generator)).flatMap { _ in
        pieces.randomElement(using: &generator)!
      }
  }

  /// The front matter found in the bytes is the one `SourceFile.read` splits, or none where it
  /// would change a byte (carriage returns) or fail (then `SourceFile.read` says why).
  @Test func frontMatterFoundInTheBytesIsTheOneSourceFileReads() {
    var generator = SystemRandomNumberGenerator()
    var found = 0
    for _ in 0..<5_000 {
      let file = Self.randomFile(using: &generator)
      guard let text = FrontMatterFile.frontMatter(of: file) else { continue }
      found += 1
      guard
        case .success(let source) = SourceFile.read(bytes: file, path: "a.md", relativePath: "a.md")
      else {
        // Only a body that is not UTF-8 is read here and not there: the loader, which read the
        // same file first, has left such a file out of the pages `portal lint` reads again.
        #expect(
          String(validating: file, as: UTF8.self) == nil
            && String(validating: text.utf8, as: UTF8.self) != nil, "\(file)")
        continue
      }
      #expect(text == source.frontMatter && source.frontMatterLine == 2, "\(file)")
    }
    #expect(found > 500)
  }

  /// Read from a file, a page's front matter gives the warnings, at the same places, that the
  /// front matter `SourceFile.read` gives: with the fast split, with carriage returns and a
  /// BOM (read by `SourceFile.read` itself), and with YAML that does not parse (no values, no
  /// warnings either way).
  @Test func warningsFromTheFileAreTheWarningsSourceFileGives() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "lint-front-matter-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let frontMatters = [
      "title: '**大事**なお知らせ'\nsummary: 県の職員のために、とても、長い、文を、書きます。\n",
      "title: ゼロ\u{200B}幅\nsummary: |\n  一行目です。\n  **二行目**です。\n",
      "summary: \"県の\\u3042職員\\nのために**太字**です。\"\nplace: '{漢字|}の学習'\n",
      "title: [\nsummary: **太字**\n",
      "",
    ]
    var warned = 0
    for (n, frontMatter) in frontMatters.enumerated() {
      for (variant, lineEnd) in [("lf", "\n"), ("crlf", "\r\n"), ("bom", "\n")] {
        let text = "---\n\(frontMatter)---\n本文です。\n".replacingOccurrences(of: "\n", with: lineEnd)
        let bytes = (variant == "bom" ? [0xEF, 0xBB, 0xBF] : []) + Array(text.utf8)
        let path = folder.appendingPathComponent("\(n)-\(variant).md").path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let read = try #require(
          FrontMatterFile.text(at: path, shownAs: "a.md", relativePath: "a.md"))
        guard
          case .success(let source) = SourceFile.read(
            bytes: bytes, path: "a.md", relativePath: "a.md")
        else {
          Issue.record("SourceFile.read failed on \(variant) \(n)")
          continue
        }
        #expect(read.text == source.frontMatter && read.line == source.frontMatterLine)
        let fromFile = Linter.lintFrontMatter(
          file: "a.md", frontMatter: read.text, firstLine: read.line, context: LintContext())
        let fromSource = Linter.lintFrontMatter(
          file: "a.md", frontMatter: source.frontMatter, firstLine: source.frontMatterLine,
          context: LintContext())
        #expect(fromFile == fromSource, "\(variant) \(n)")
        if n == 3 { #expect(fromFile.isEmpty) }
        warned += fromFile.isEmpty ? 0 : 1
      }
    }
    #expect(warned == 9)
    #expect(
      FrontMatterFile.text(
        at: folder.appendingPathComponent("none.md").path, shownAs: "a.md", relativePath: "a.md")
        == nil)
  }

  /// A name is linted without its Markdown parsed: the rules it gets read its lines only, so
  /// what they say is what they say with the name's blocks made.
  @Test func namesLintedWithoutBlocksSayWhatTheySayWithThem() throws {
    #expect(!FrontMatterText.namesNeedBlocks)
    var generator = SystemRandomNumberGenerator()
    let pieces = [
      "**重要**", "[資料](a.md)", "![図](a.png)", "{漢字|かんじ}", "{漢字|}", "{漢字|かん", "{綺麗|き|れい}",
      "\u{200B}", "\u{00AD}", "\u{202E}", "👩‍👩‍👧", "*", "[", "{", "公民館", "ＤＸ", " ", "\n",
    ]
    let context = LintContext(glossaryNames: ["ＤＸ", "公民館"])
    for _ in 0..<500 {
      let text = randomText(of: pieces, maxPieces: 8, using: &generator)
      let key = ["title", "place", "department", "links"].randomElement(using: &generator)!
      let source = SourceText(file: "a.md", body: text, lineOffset: 0)
      var page = LintPage(
        blocks: Linter.lintBlocks(of: MarkdownDocument(text), source: source, context: context),
        links: [], source: source)
      page.frontMatterKey = key
      let withBlocks = Linter.check(
        page, context: context, configuration: .default, rules: FrontMatterText.nameRuleList)
      var bare = LintPage(blocks: [], links: [], source: source)
      bare.frontMatterKey = key
      let without = Linter.check(
        bare, context: context, configuration: .default, rules: FrontMatterText.nameRuleList)
      #expect(withBlocks == without, "\(key): \(text.debugDescription)")
    }
  }

  /// A rule that says it reads no blocks finds nothing in one, on texts with what each rule
  /// looks for: the promise `FrontMatterText.namesNeedBlocks` relies on.
  @Test func rulesReadingNoBlocksFindNothingInOne() throws {
    let texts = [
      "**重要**と[資料](a.md)と{漢字|}と\u{200B}と\u{202E}と{漢字|かん", "ｶﾀｶﾅとＡＩとDXと一つ。", "{綺麗|き|れい}",
    ]
    let context = LintContext()
    for rule in Linter.allRules where !rule.readsBlocks {
      for text in texts {
        let source = SourceText(file: "a.md", body: text, lineOffset: 0)
        for block in Linter.lintBlocks(of: MarkdownDocument(text), source: source, context: context)
        {
          let ruleContext = RuleContext(rule: rule.id, threshold: 0, site: context)
          #expect(rule.check(block, ruleContext).isEmpty, "\(rule.id): \(text)")
        }
      }
    }
    #expect(Linter.allRules.filter { !$0.readsBlocks }.count == 2)
  }

  /// The kana words of `lint.kanji-ratio`'s hint found in one reading of a paragraph are those
  /// looking for each word in turn finds, in the list's order: with decomposed が, combining
  /// marks and a compatibility ideograph beside the words.
  @Test func kanaWordsFoundInOneReadingAreThoseFoundOneByOne() {
    var generator = SystemRandomNumberGenerator()
    let pieces =
      KanjiRatioRule.kanaWords.map(\.kanji) + [
        "事", "か\u{3099}", "事\u{3099}", "\u{F900}", "及", "び", "に", "様", "の", "e\u{301}", "👩‍👩‍👧",
      ]
    for _ in 0..<2_000 {
      let text = LintCharacter.array(randomText(of: pieces, maxPieces: 12, using: &generator))
      let oneByOne = KanjiRatioRule.kanaWords.indices.filter { w in
        let word = KanjiRatioRule.kanaWordCharacters[w]
        return text.indices.contains { text[$0] == word[0] && text.hasPrefix(word, at: $0) }
      }
      #expect(
        KanjiRatioRule.kanaWordsWritten(in: text) == oneByOne,
        "\(text.string(0..<text.count).debugDescription)")
    }
  }

  /// The rules a front matter value gets, listed once, are those it got by skipping the others.
  @Test func valueRuleListsKeepTheRulesAndTheirOrder() {
    #expect(
      FrontMatterText.valueRules.map(\.id)
        == Linter.allRules.map(\.id).filter { !FrontMatterText.notForValues.contains($0) })
    #expect(
      FrontMatterText.nameRuleList.map(\.id)
        == Linter.allRules.map(\.id).filter { FrontMatterText.nameRules.contains($0) })
  }
}
