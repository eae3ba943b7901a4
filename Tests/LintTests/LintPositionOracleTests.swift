import Diagnostics
import SeededRandom
import Testing

@testable import Lint

/// Every half-width kana word of random pages (in paragraphs, lists, lazy lines, quotes,
/// headings, emphasis, links, table cells, tables right under a paragraph) is reported where it
/// is written: each word is unique, so the source says where it is. What `portal lint` points
/// at, and what `--fix` changes, is the word the writer typed.
@Suite struct LintPositionOracleTests {
  static let kana = Array("ｱｲｳｴｵｶｷｸｹｺｻｼｽｾｿﾀﾁﾂﾃﾄﾅﾆﾇﾈﾉﾊﾋﾌﾍﾎﾏﾐﾑﾒﾓﾔﾕﾖﾗﾘﾙﾚﾛﾜ")

  @Test(arguments: 0..<4) func everyWordIsWhereItIsWritten(seed: UInt64) throws {
    var random = SplitMix64(seed: seed)
    var n = 0
    func word() -> String {
      n += 1
      // A unique run of three: the n-th in base 44.
      let k = Self.kana
      return String([
        k[n % k.count], k[(n / k.count) % k.count], k[(n / k.count / k.count) % k.count],
      ])
    }
    func words(_ random: inout SplitMix64) -> String {
      (0..<(1 + random.below(4))).map { _ in
        switch random.below(8) {
        case 0: return word()
        case 1: return "**" + word() + "**"
        case 2: return "[" + word() + "](a.md)"
        case 3: return "{漢字|かんじ}"
        case 4: return "`code`"
        case 5: return "です。"
        case 6: return "、"
        default: return word() + "の"
        }
      }.joined()
    }
    var checked = 0
    var failures = 0
    for _ in 0..<150 {
      let lines = RandomMarkdown.lines(&random, words: words)
      let body = lines.joined(separator: "\n")
      let found = try lint(body, rule: "lint.halfwidth-kana")
      for d in found {
        guard let written = d.message.split(separator: "「").last?.split(separator: "」").first
        else { continue }
        // The run reported may join words written side by side: its first word places it.
        let first = String(written.prefix(3))
        guard let lineIndex = lines.firstIndex(where: { $0.contains(first) }) else { continue }
        let line = lines[lineIndex]
        let column = line[..<line.range(of: first)!.lowerBound].count + 1
        checked += 1
        if (d.location.line, d.location.column) != (lineIndex + 1, column) {
          failures += 1
          if failures < 5 {
            Issue.record(
              "\(written) at \(d.location.line):\(d.location.column), written \(lineIndex + 1):\(column) in \(body.debugDescription)"
            )
          }
        }
      }
    }
    #expect(failures == 0)
    #expect(checked > 500)
  }
}
