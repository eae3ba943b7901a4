import Diagnostics
import Foundation
import Testing

@testable import Content

/// Invisible control characters in a body (pasted from a terminal or another program) are an
/// error at the first of each line, as they are in front-matter values: they went into the
/// HTML as they were, even with --strict.
@Suite struct BodyControlCharacterTests {
  /// The one pass over UTF-8 bytes that spares most bodies a look at their characters agrees
  /// with the definition on every character, alone and between Japanese text (whose
  /// full-width forms share the noncharacters' lead byte).
  @Test func theByteCheckAgreesWithTheDefinitionOnEveryCharacter() {
    var disagree: [UInt32] = []
    for value in UInt32(0)...0x10FFFF {
      guard let scalar = Unicode.Scalar(value) else { continue }
      let refused = ControlCharacters.isRefused(scalar)
      let alone = String(Character(scalar))
      if ControlCharacters.mayHold(alone) != refused
        || ControlCharacters.mayHold("（県\(alone)）") != refused
      {
        disagree.append(value)
      }
    }
    #expect(disagree.isEmpty, "\(disagree.prefix(10).map { String($0, radix: 16) })")
    #expect(!ControlCharacters.mayHold("全角（ＡＢＣ）と「かぎ」、\t\r\n￼"))
  }

  /// `initiatives/control-characters.md` of the invalid fixture: ESC twice on line 7 (a
  /// terminal's colour codes), BEL and SOH on line 8, a tab on line 9, DEL and U+009B (C1) on
  /// line 10.
  @Test func theFixtureIsReportedAtTheFirstOfEachLine() throws {
    let (content, diagnostics) = ContentLoader.load(
      contentDirectory: fixture("invalid"), displayPrefix: "content")
    let found = diagnostics.filter { $0.code == "content.control-character" }.sorted
    #expect(
      found.map { "\($0.location.file):\($0.location.line):\($0.location.column)" } == [
        "content/initiatives/control-characters.md:7:6",
        "content/initiatives/control-characters.md:8:3",
        "content/initiatives/control-characters.md:10:3",
      ])
    #expect(found.allSatisfy { $0.severity == .error })
    let esc = try #require(found.first)
    #expect(
      esc.message
        == "the text has an invisible control character, U+001B (ESC), and 1 more on this line: it would go into the page as it is, where browsers and screen readers show or read it as garbage"
    )
    #expect(
      esc.hint
        == "it often comes with text pasted from another program: delete it (most editors do not show it: delete the character at this column, or type the text around it again)"
    )
    #expect(
      esc.japanese?.message
        == "本文に、目に見えない制御文字 U+001B (ESC) が入っています（この行には、ほかに1個あります）。このままではページに入り、ブラウザーや読み上げソフトで意味のない文字として出てしまいます"
    )
    #expect(found[1].message.contains("U+0007 (BEL), and 1 more"))
    #expect(found[2].message.contains("U+007F (DEL), and 1 more"))
    expectJapanese(found)
    // The page itself is still read: the error is in its text, not its front matter.
    #expect(content?.pages.contains { $0.slug == "control-characters" } == true)
  }

  func problems(_ body: String, frontMatter: String = "title: T\nsummary: S\nfields: [f]")
    throws -> [Diagnostic]
  {
    let text = "---\n\(frontMatter)\n---\n\(body)"
    let source = try SourceFile.read(
      bytes: Array(text.utf8), path: "content/initiatives/x.md", relativePath: "initiatives/x.md"
    ).get()
    return ControlCharacters.check(source)
  }

  @Test func c1AndNoncharactersAreNamedByTheirCodePoint() throws {
    let c1 = try problems("一行目\n次の行\u{85}です\n")
    #expect(c1.map(\.location.line) == [7] && c1.map(\.location.column) == [4])
    #expect(c1.first?.message.contains("character, U+0085:") == true)
    let nul = try problems("a\u{0}b\n")
    #expect(nul.first?.message.contains("U+0000 (NUL)") == true)
    #expect(try problems("本文\u{FFFE}\n").first?.message.contains("U+FFFE") == true)
    #expect(try problems("本文\u{10FFFF}\n").first?.location.column == 3)
  }

  /// Tab, line feed and a carriage return (CRLF, or alone) are text; so are C2 and EF lead
  /// bytes of ordinary characters (`©`, `（`).
  @Test func lineEndingsTabsAndOrdinaryTextPass() throws {
    #expect(try problems("タブ\tです。\r\n次の行\rです。©（注）\n").isEmpty)
    #expect(try problems("").isEmpty)
    // After CRLF lines the line number is still the file's.
    let crlf = try problems("一行目\r\n\r\n三行目\u{1B}\r\n")
    #expect(crlf.map(\.location.line) == [8])
  }

  /// Reported in a file whose front matter is broken too: one run shows both.
  @Test func aBrokenFrontMatterDoesNotHideIt() throws {
    let dir = try contentFolder("initiatives")
    defer { try? FileManager.default.removeItem(at: dir) }
    try "---\ntitle: T\n---\n\n本文\u{7}\n".write(
      to: dir.appendingPathComponent("initiatives/x.md"), atomically: true, encoding: .utf8)
    let codes = ContentLoader.load(contentDirectory: dir).1.compactMap(\.code)
    #expect(codes.contains("content.control-character"))
    #expect(codes.contains("front-matter.missing-key"))
  }
}
