/// Random Markdown bodies for the tests that check positions against the source: the block
/// shapes where cmark-gfm's positions have slipped (lists, lazy lines, quotes, headings, tables,
/// a table typed right under a paragraph's lines), filled with the caller's texts.
public enum RandomMarkdown {
  /// The lines of a body of one to five blocks, each followed by an empty line; `words` gives
  /// each block's texts, drawing from the same generator.
  public static func lines(
    _ random: inout SplitMix64, words: (inout SplitMix64) -> String
  ) -> [String] {
    var lines: [String] = []
    for _ in 0..<(1 + random.below(5)) {
      switch random.below(8) {
      case 0: lines += [words(&random), words(&random)]
      case 1: lines += ["- " + words(&random), "  " + words(&random)]
      case 2: lines += ["> " + words(&random), "> " + words(&random)]
      case 3:
        lines += [
          words(&random), "|" + words(&random) + "|" + words(&random) + "|", "|-|-|",
          "|" + words(&random) + "|" + words(&random) + "|",
        ]
      case 4: lines += ["## " + words(&random)]
      case 5: lines += ["1. " + words(&random), "   - " + words(&random)]
      case 6: lines += ["- " + words(&random), words(&random)]  // a lazy line
      default: lines += ["|" + words(&random) + "|x|", "|-|-|", "|" + words(&random) + "|y|"]
      }
      lines.append("")
    }
    return lines
  }
}
