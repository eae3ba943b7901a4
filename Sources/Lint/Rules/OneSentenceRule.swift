import Diagnostics

/// A glossary entry's `short` of more than one sentence. It is read out as the term's meaning
/// at every link to it (`aria-describedby`) and shown when the term is pointed at, so the
/// content format makes it one plain sentence (what `portal new` writes there says so,
/// 「一文で、…」). Summaries are not held to it: two short sentences under a title read better
/// than one long one, which is what merging them would make. Points at the second sentence.
/// Runs on front matter values only.
struct OneSentenceRule: Rule {
  let id = "lint.one-sentence"
  let summary = "A glossary entry's short meaning of more than one sentence."
  let japaneseSummary = "用語集の short（短い説明）が、一つの文ではありません。"

  func check(page: LintPage, _ context: RuleContext) -> [Diagnostic] {
    guard page.frontMatterKey == "short" else { return [] }
    let sentences = page.blocks.flatMap { block in block.sentences.map { (block, $0) } }
    guard sentences.count > 1, let (block, second) = sentences.dropFirst().first else {
      return []
    }
    return [
      context.warning(
        block, at: second.lowerBound,
        "`short` has \(sentences.count) sentences where one is meant: it is read out as the term's meaning at every link to it",
        hint: "say it in one plain sentence, and put the rest in the body"
      ).ja(
        "`short` に文が\(sentences.count)つあります。用語へのリンクのたびに、言葉の意味として読み上げられるので、一つの文で書きます",
        hint: "やさしい一つの文にまとめ、ほかのことは本文に書いてください")
    ]
  }
}
