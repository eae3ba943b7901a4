import Foundation
import SeededRandom
import Testing

@testable import Markdown

/// A table typed right under a paragraph's lines (no empty line between), which cmark-gfm
/// 0.29.0.gfm.6 misplaces: the paragraph, its links and the header's cells are where they are
/// written, as they are with an empty line between.
@Suite struct TablePositionsTests {
  @Test func aParagraphAndTheHeaderAboveWhichNoEmptyLineStandsArePlaced() {
    let doc = MarkdownDocument(
      "前です。\n\n日程です。\n[会場](a.md)の予定\n|日時|[場所](b.md)|\n|--|--|\n|1日|[県庁](c.md)|\n")
    #expect(
      doc.links().map { "\($0.url) \($0.line):\($0.column)" } == [
        "a.md 4:1", "b.md 5:5", "c.md 7:5",
      ])
    let blocks = doc.textBlocks().map { "\($0.kind.rawValue) \($0.line):\($0.column)" }
    #expect(
      blocks == [
        "paragraph 1:1", "paragraph 3:1", "tableCell 5:2", "tableCell 5:5", "tableCell 7:2",
        "tableCell 7:5",
      ])
    #expect(doc.tablePlaces().map(\.line) == [5])
  }

  @Test func inAQuoteAndAListItemTheirMarksAreSkipped() {
    let quote = MarkdownDocument("> [始め](a.md)の引用\n> 続き [次](b.md)\n> |a|b|\n> |-|-|\n")
    #expect(quote.links().map { "\($0.line):\($0.column)" } == ["1:3", "2:6"])
    let item = MarkdownDocument("- 一つ目\n\n- [予定](a.md)です\n  |a|[b](b.md)|\n  |-|-|\n")
    #expect(item.links().map { "\($0.line):\($0.column)" } == ["3:3", "4:6"])
    #expect(item.tablePlaces().map(\.line) == [4])
  }

  @Test func aBareAddressInTheParagraphIsStillFoundByItsText() {
    let doc = MarkdownDocument("前 https://example.jp/a です\n|a|b|\n|-|-|\n")
    #expect(doc.links().map { "\($0.line):\($0.column)" } == ["1:3"])
  }

  @Test func anAddressInAngleBracketsThereIsKeptWhole() {
    // Its `<` is looked for where the link is written: at the wrong place, the address was
    // taken for a bare one and cut at its first Japanese character.
    let doc = MarkdownDocument("日程です。\n詳しくは <https://example.jp/千葉> へ\n|a|b|\n|-|-|\n")
    doc.trimBareAddresses()
    #expect(
      doc.renderHTML().contains(
        "<a href=\"https://example.jp/%E5%8D%83%E8%91%89\">https://example.jp/千葉</a>"))
  }

  /// Random paragraphs and tables: with no empty line between, every link and text block is
  /// where it is with one (less the line added, below it).
  @Test(arguments: 0..<3) func placesAreThoseWithAnEmptyLineBetween(seed: UInt64) {
    var random = SplitMix64(seed: seed)
    let words = [
      "日程です", "[会場](a.md)", "2026年12月5日", "![図](z.png)", " ", "**太字**", "`code`", "の",
      "<https://example.jp/a>", "<b>太</b>",
    ]
    let prefixes = ["", "> ", "  "]
    for _ in 0..<200 {
      let prefix = prefixes[random.below(prefixes.count)]
      // Each address its own: of two equal ones on a line, which is which is not known.
      func line() -> String {
        (0..<(1 + random.below(4))).map { _ in
          words[random.below(words.count)].replacingOccurrences(
            of: "/a>", with: "/\(random.below(1_000_000))>")
        }.joined()
      }
      let lead = (0..<(1 + random.below(3))).map { _ in "x" + line() }
      let header = "|" + line() + "|" + line() + "|"
      let rows = ["|-|-|", "|" + line() + "|" + line() + "|"]
      let start = prefix == "  " ? "- " : prefix
      func document(_ gap: Bool) -> String {
        var lines = [start + lead[0]] + lead.dropFirst().map { prefix + $0 }
        if gap { lines.append(prefix.trimmingCharacters(in: .whitespaces)) }
        return (lines + ([header] + rows).map { prefix + $0 }).joined(separator: "\n") + "\n"
      }
      let tight = MarkdownDocument(document(false))
      let spaced = MarkdownDocument(document(true))
      let below = lead.count + 1
      func shifted(_ line: Int) -> Int { line > below ? line - 1 : line }
      let expected = spaced.links().map { "\($0.url) \(shifted($0.line)):\($0.column)" }
      let got = tight.links().map { "\($0.url) \($0.line):\($0.column)" }
      #expect(got == expected, "\(document(false).debugDescription)")
      let expectedBlocks = spaced.textBlocks().map { "\($0.text) \(shifted($0.line)):\($0.column)" }
      let gotBlocks = tight.textBlocks().map { "\($0.text) \($0.line):\($0.column)" }
      #expect(gotBlocks == expectedBlocks, "\(document(false).debugDescription)")
      let expectedHTML = spaced.rawHTML().map { "\($0.text) \(shifted($0.line)):\($0.column)" }
      let gotHTML = tight.rawHTML().map { "\($0.text) \($0.line):\($0.column)" }
      #expect(gotHTML == expectedHTML, "\(document(false).debugDescription)")
    }
  }
}
