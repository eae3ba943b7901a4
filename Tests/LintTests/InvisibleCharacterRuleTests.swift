import Diagnostics
import Testing

@testable import Lint

/// Invisible characters pasted into a title, a summary or a body (`lint.invisible-character`):
/// each at its line and column, named; joiners inside emoji and in scripts that use them pass.
@Suite struct InvisibleCharacterRuleTests {
  static let rule = "lint.invisible-character"

  func body(_ text: String) throws -> [Diagnostic] {
    try lint(text, rule: Self.rule, offset: 3)
  }

  func frontMatter(_ text: String) -> [Diagnostic] {
    Linter.lintFrontMatter(
      file: "a.md", frontMatter: text, firstLine: 2, context: LintContext()
    ).filter { $0.code == Self.rule }
  }

  /// One character of each class, its name as the message gives it.
  static let classes: [(scalar: String, name: String)] = [
    ("\u{200B}", "U+200B ZERO WIDTH SPACE"), ("\u{2060}", "U+2060 WORD JOINER"),
    ("\u{FEFF}", "U+FEFF ZERO WIDTH NO-BREAK SPACE"), ("\u{00AD}", "U+00AD SOFT HYPHEN"),
    ("\u{200E}", "U+200E LEFT-TO-RIGHT MARK"), ("\u{200F}", "U+200F RIGHT-TO-LEFT MARK"),
    ("\u{202A}", "U+202A LEFT-TO-RIGHT EMBEDDING"), ("\u{202E}", "U+202E RIGHT-TO-LEFT OVERRIDE"),
    ("\u{2066}", "U+2066 LEFT-TO-RIGHT ISOLATE"), ("\u{2069}", "U+2069 POP DIRECTIONAL ISOLATE"),
    ("\u{061C}", "U+061C ARABIC LETTER MARK"), ("\u{2062}", "U+2062 INVISIBLE TIMES"),
    ("\u{180E}", "U+180E MONGOLIAN VOWEL SEPARATOR"),
  ]

  @Test(arguments: classes.map(\.scalar))
  func eachClassIsFoundInABody(_ scalar: String) throws {
    let name = try #require(Self.classes.first { $0.scalar == scalar }?.name)
    // The second line, after a heading and bold: columns count the characters as written.
    let found = try body("## 見出し\n**県**の防災\(scalar)計画です。\n")
    #expect(positions(found) == ["5:9"], "\(name)")
    #expect(found.first?.message.contains("an invisible character, \(name):") == true)
    #expect(found.first?.hint?.contains("type 「**県**の防災計画です。」 here again") == true)
  }

  @Test(arguments: classes.map(\.scalar))
  func eachClassIsFoundInATitleAndASummary(_ scalar: String) {
    let found = frontMatter(
      "title: 防災\(scalar)計画\nsummary: \"県の防災\(scalar)計画です。\"\nshort: |\n  一行目。\n  二行目\(scalar)\n")
    #expect(positions(found) == ["2:10", "3:15", "6:6"], "\(scalar.unicodeScalars.first!)")
  }

  @Test func joinersOutsideEmojiAreFoundAtTheCharacterTheyFollow() throws {
    // A joiner belongs to the character before it: 防 at column 1.
    #expect(positions(try body("防\u{200D}災と防\u{200C}災")) == ["4:1", "4:4"])
    // So does a tag character, which belongs inside a flag's emoji only.
    #expect(positions(try body("防災\u{E0041}計画")) == ["4:2"])
    let found = try body("👍\u{200D}です")
    #expect(positions(found) == ["4:1"])
    #expect(found.first?.message.contains("U+200D ZERO WIDTH JOINER") == true)
  }

  @Test func joinersInEmojiAndScriptsThatUseThemPass() throws {
    for text in [
      "家族👨‍👩‍👧で来てください。", "🏳️‍🌈の旗", "👩🏽‍💻の講座", "🏴󠁧󠁢󠁳󠁣󠁴󠁿の旗",
      "می‌خواهم（ペルシア語）", "क्‍ष（ヒンディー語）", "ශ්‍රී ලංකා",
    ] {
      #expect(try body(text).isEmpty, "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
      #expect(frontMatter("title: \(text)\n").isEmpty)
    }
  }

  /// A character no one sees is no more visible in code, and breaks a copied command: code
  /// spans and blocks are read too.
  @Test func codeSpansAndCodeBlocksAreRead() throws {
    #expect(positions(try body("`rm\u{200B} -r` と打ちます。")) == ["4:4"])
    #expect(positions(try body("```\nif ok \u{202E}{ run() }\n```\n")) == ["5:7"])
    #expect(positions(try body("    indented\u{00AD}code\n")) == ["4:13"])
  }

  @Test func oneWarningForEachRun() throws {
    let found = try body("防災\u{200B}\u{200B}\u{200E}計画と\u{200B}訓練")
    #expect(positions(found) == ["4:3", "4:9"])
    #expect(
      found.first?.message
        == "invisible characters in a row, U+200B ZERO WIDTH SPACE ×2, U+200E LEFT-TO-RIGHT MARK: it changes the order in which the text after it is shown, so readers may see it in another order than search and screen readers read it"
    )
    #expect(found.first?.hint?.hasPrefix("delete them: they often come") == true)
    #expect(
      found.first?.japanese?.message.hasPrefix(
        "目に見えない文字 U+200B（ゼロ幅スペース）×2、U+200E（左から右への方向マーク）が続けて入っています。") == true)
  }

  @Test func whatEachKindDoesAndHowToRemoveIt() throws {
    let space = try #require(try body("防災\u{200B}計画").first)
    #expect(
      space.message.hasSuffix(
        "a search for the word does not find it, and screen readers may pause there or spell the word out"
      ))
    #expect(
      space.hint
        == "delete it: it often comes with text pasted from Word, a PDF or a web page, and most editors do not show it, so type 「防災計画」 here again"
    )
    #expect(
      space.japanese
        == Diagnostic.Japanese(
          message:
            "目に見えない文字 U+200B（ゼロ幅スペース）が入っています。何も表示されませんが、その言葉が検索で見つからなくなり、読み上げソフトが途中で区切ったり、1文字ずつ読んだりすることがあります",
          hint:
            "消してください。Word や PDF、ウェブページからコピーした文章についてくることがあり、多くのエディターでは見えません。この位置の「防災計画」を打ち直してください"))
    let hyphen = try #require(try body("ボランティア\u{00AD}センター").first)
    #expect(hyphen.message.contains("or a hyphen where a line happens to wrap there"))
    // A bidi control in a body may be meant in Arabic: the line can be silenced; not in a value.
    let bidi = try #require(try body("a\u{202E}b").first)
    #expect(bidi.hint?.hasSuffix("<!-- lint-disable-line lint.invisible-character -->") == true)
    #expect(frontMatter("title: a\u{202E}b\n").first?.hint?.contains("lint-disable") == false)
    // A line of nothing else has nothing to retype.
    #expect(try body("\u{200B}\n").first?.hint?.contains("type 「") == false)
  }

  @Test func titlesGetTheRule() {
    #expect(FrontMatterText.nameRules.isSubset(of: Set(Linter.rules.map(\.id))))
    #expect(positions(frontMatter("term: 防災\u{200B}\nplace: 県庁\u{2066}\n")) == ["2:9", "3:10"])
    // Names shown on the page as written: a glossary entry's English name, a department.
    #expect(
      positions(frontMatter("english: Disaster\u{200B} Prevention\ndepartment: 防災\u{00AD}危機管理部\n"))
        == ["2:18", "3:15"])
    // A link's text, shown as the link.
    #expect(positions(frontMatter("links:\n  - { title: 資料\u{200B}一覧, url: a }\n")) == ["3:16"])
  }

  @Test func aLineCanBeSilencedAndTheRuleTurnedOff() throws {
    #expect(
      try body("שלום\u{200F} 2026 <!-- lint-disable-line lint.invisible-character -->").isEmpty)
    let off = try lint(
      "防災\u{200B}計画", rule: Self.rule, settings: ["lint.invisible-character": "off"])
    #expect(off.isEmpty)
  }

  /// Control characters (ESC, C1) are the build's errors (`content.control-character`,
  /// `front-matter.value`), which `portal lint` shows too: not said twice. Nor are visible
  /// spaces (U+00A0, U+3000) or plain text.
  @Test func controlCharactersSpacesAndPlainTextAreLeftToOthers() throws {
    #expect(try body("防災\u{1B}計画\u{85}です。\u{00A0}県の\u{3000}計画。").isEmpty)
    #expect(try body("千葉県の防災計画（2026年）です。🎌").isEmpty)
    // A format character that shows: the Arabic number sign spans the digits after it.
    #expect(try body("\u{0600}١٢٣").isEmpty)
  }
}

/// The look at UTF-8 bytes that passes over most lines finds every character the rule names,
/// alone and between Japanese text (whose …, ※ and full-width forms share their lead bytes).
@Suite struct InvisibleCharacterBytesTests {
  @Test func theByteCheckFindsEveryCharacterTheRuleNames() {
    var missed: [UInt32] = []
    var named = 0
    for value in UInt32(0)...0x10FFFF {
      guard let scalar = Unicode.Scalar(value), InvisibleCharacter.kind(scalar) != nil else {
        continue
      }
      named += 1
      let alone = String(Character(scalar))
      if !InvisibleCharacter.mayHold(alone) || !InvisibleCharacter.mayHold("（県\(alone)）…") {
        missed.append(value)
      }
    }
    #expect(missed.isEmpty, "\(missed.prefix(10).map { String($0, radix: 16) })")
    #expect(named > 150)
    #expect(!InvisibleCharacter.mayHold("全角（ＡＢＣ）と「かぎ」、…※—“”\t\u{00A0}\u{3000}"))
  }
}
