import Diagnostics

/// A summary, or a glossary entry's `short`, of more than one sentence. The summary stands
/// under the title in every list and search result, and `short` is read out as the term's
/// meaning at every link to it (`aria-describedby`) and shown in the term's popup: both are
/// one plain sentence (what `portal new` writes there says so, 「一文で、…」). Points at the
/// second sentence. Runs on front matter values only.
struct OneSentenceRule: Rule {
  let id = "lint.one-sentence"
  let summary = "A summary or a glossary entry's short meaning of more than one sentence."
  let japaneseSummary = "summary や用語集の short（短い説明）が、一つの文ではありません。"

  func check(page: LintPage, _ context: RuleContext) -> [Diagnostic] {
    guard let key = page.frontMatterKey, key == "summary" || key == "short" else { return [] }
    let sentences = page.blocks.flatMap { block in block.sentences.map { (block, $0) } }
    guard sentences.count > 1, let (block, second) = sentences.dropFirst().first else {
      return []
    }
    let read =
      key == "short"
      ? "it is read out as the term's meaning at every link to it"
      : "it stands under the title in every list and search result"
    let readJa =
      key == "short"
      ? "用語へのリンクのたびに、言葉の意味として読み上げられます"
      : "どの一覧や検索結果でも、題名の下に出ます"
    return [
      context.warning(
        block, at: second.lowerBound,
        "`\(key)` has \(sentences.count) sentences where one is meant: \(read)",
        hint:
          "say it in one plain sentence, and put the rest in the body"
      ).ja(
        "`\(key)` に文が\(sentences.count)つあります。\(readJa)ので、一つの文で書きます",
        hint: "やさしい一つの文にまとめ、ほかのことは本文に書いてください")
    ]
  }
}
