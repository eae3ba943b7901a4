import Diagnostics
import EditDistance

/// The strategy marks a glossary term with ※ (デジタルデバイド※), and so do writers: the mark
/// says "this word is explained in the glossary", and the build links the term before it. A
/// ※ after a word that is no glossary term (a typo, デジタルデバイト※, or a term not yet
/// written) links nothing, and the reader finds no explanation. A ※ that starts a note
/// (※詳しくは…) or follows a space or punctuation is left alone.
struct GlossaryMarkRule: Rule {
  let id = "lint.glossary-mark"
  let summary = "A ※ after a word that is not a glossary term, so nothing explains it."
  let japaneseSummary = "用語集の言葉ではないのに「※」が付いていて、説明がどこにもありません。"

  func check(_ block: LintBlock, _ context: RuleContext) -> [Diagnostic] {
    let text = block.text
    var result: [Diagnostic] = []
    for i in text.indices.dropFirst() where text[i] == "※" {
      let before = text[i - 1]
      guard before.isKanji || before.isHiragana || before.isKatakana || before.isLatinWordCharacter,
        !block.glossary[i - 1]
      else { continue }
      var hint = "write the term as its glossary entry has it, or add the term to content/glossary/"
      var hintJa = "用語集の項目と同じ書き方で言葉を書くか、その言葉を `content/glossary/` に加えてください"
      if let near = Self.nearest(to: text, endingAt: i, in: context.site.glossaryNames) {
        hint = "did you mean 「\(near)」? " + hint
        hintJa = "「\(near)」の間違いではありませんか。" + hintJa
      }
      result.append(
        context.warning(
          block, at: i, "「※」 marks a glossary term, but no glossary term ends before it",
          hint: hint
        ).ja("「※」は用語集の言葉に付ける印ですが、すぐ前に用語集の言葉がありません", hint: hintJa))
    }
    return result
  }

  /// The glossary name closest to the text just before `end` (as long as the name, or one
  /// character more or less), within a typo or two.
  static func nearest(to text: [LintCharacter], endingAt end: Int, in names: Set<String>)
    -> String?
  {
    var best: (name: String, distance: Int)?
    for name in names.sorted() {
      let wanted = Array(name)
      guard wanted.count >= 2 else { continue }
      let bound = max(1, wanted.count / 4)
      for length in (wanted.count - 1)...(wanted.count + 1) where length >= 1 && length <= end {
        let written = text[(end - length)..<end].map(\.character)
        let d = EditDistance.between(written, wanted, atMost: bound)
        if d <= bound, best == nil || d < best!.distance { best = (name, d) }
      }
    }
    return best?.name
  }
}
