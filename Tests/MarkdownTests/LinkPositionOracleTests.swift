import Foundation
import SeededRandom
import Testing

@testable import Markdown

/// Every link and image of random documents (paragraphs, lists, lazy lines, quotes, headings,
/// tables, tables right under a paragraph) is reported where its `[` (`![`) is written: each
/// has its own address, so the source says where it is. The errors a writer reads about a link
/// (broken, to a missing heading) point there.
@Suite struct LinkPositionOracleTests {
  @Test(arguments: 0..<6) func everyLinkIsWhereItsBracketIs(seed: UInt64) {
    var random = SplitMix64(seed: seed)
    var n = 0
    func link(_ random: inout SplitMix64) -> String {
      n += 1
      let texts = ["会場", "詳しく", "**太字**の案内", "a", "2026年12月5日"]
      return random.below(5) == 0
        ? "![図\(n)](u\(n).png)" : "[\(texts[random.below(texts.count)])](u\(n).md)"
    }
    func words(_ random: inout SplitMix64) -> String {
      (0..<(1 + random.below(4))).map { _ in
        random.below(3) == 0
          ? link(&random) : ["日程です", " ", "の", "`code`", "<b>x</b>", "｜"][random.below(6)]
      }.joined()
    }
    var failures = 0
    var checked = 0
    for _ in 0..<300 {
      let lines = RandomMarkdown.lines(&random, words: words)
      let source = lines.joined(separator: "\n")
      let doc = MarkdownDocument(source)
      let sourceLines = source.split(separator: "\n", omittingEmptySubsequences: false)
      for ref in doc.links() {
        // Where the link's `](url)` is, and its `[` (or `![`) before it on that line.
        guard let lineIndex = sourceLines.firstIndex(where: { $0.contains("](\(ref.url))") }) else {
          continue
        }
        let line = sourceLines[lineIndex]
        let close = line.range(of: "](\(ref.url))")!.lowerBound
        // The `[` that opens it: the last unmatched one before `]`.
        var depth = 0
        var open = close
        var i = close
        while i > line.startIndex {
          i = line.index(before: i)
          if line[i] == "]" { depth += 1 }
          if line[i] == "[" {
            if depth == 0 {
              open = i
              break
            } else {
              depth -= 1
            }
          }
        }
        if ref.isImage, open > line.startIndex { open = line.index(before: open) }
        let column = line[..<open].count + 1
        checked += 1
        if (ref.line, ref.column) != (lineIndex + 1, column) {
          failures += 1
          if failures < 5 {
            Issue.record(
              "\(ref.url) at \(ref.line):\(ref.column), written \(lineIndex + 1):\(column) in \(source.debugDescription)"
            )
          }
        }
      }
    }
    #expect(failures == 0)
    #expect(checked > 1_000)
  }
}
