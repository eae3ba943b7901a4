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
        !block.glossary[i - 1], !Self.isNamed(text, at: i)
      else { continue }
      var hint = "write the term as its glossary entry has it, or add the term to content/glossary/"
      var hintJa = "用語集の項目と同じ書き方で言葉を書くか、その言葉を `content/glossary/` に加えてください"
      if let near = Self.nearest(to: text, endingAt: i, in: context.site.glossaryNames) {
        hint = "did you mean 「\(near)」? " + hint
        hintJa = "「\(near)」の間違いではありませんか。" + hintJa
      } else if let word = Self.word(in: text, endingAt: i) {
        // No term near it: a term not yet written, and the command that starts its entry.
        let command = "portal new 用語 \"\(word)\" --slug …"
        hint += ": `\(command)` (the slug: lower-case letters, digits and -)"
        hintJa =
          "用語集の言葉と同じ書き方で書くか、用語集に加えてください：`\(command)`（… は半角の英小文字・数字・- の名前）"
      }
      result.append(
        context.warning(
          block, at: i, "「※」 marks a glossary term, but no glossary term ends before it",
          hint: hint
        ).ja("「※」は用語集の言葉に付ける印ですが、すぐ前に用語集の言葉がありません", hint: hintJa))
    }
    return result
  }

  /// Particles that, right after a ※, make it a word of the sentence: the mark spoken of
  /// (本編で※を付けた用語, ※は用語集の印です), not put after a term.
  static let particlesAfterMark = CharacterClass("をはがのとでにもや")

  /// Whether the ※ at `i` is named in the sentence rather than marking a term: a particle
  /// before it and after it (本編で※を付けた). After a word (デジタルデバイト※を) it is a mark.
  static func isNamed(_ text: [LintCharacter], at i: Int) -> Bool {
    i > 0 && i + 1 < text.count && text[i - 1].isHiragana
      && particlesAfterMark.contains(text[i + 1])
  }

  /// The word just before `end`: the run of characters of its last character's script
  /// (電子申請 in 「県の電子申請※」, マイナンバーカード in 「…のマイナンバーカード※」); nil after
  /// hiragana, which end a phrase rather than a term.
  static func word(in text: [LintCharacter], endingAt end: Int) -> String? {
    let last = text[end - 1]
    let same: (LintCharacter) -> Bool =
      last.isKanji
      ? { $0.isKanji }
      : last.isKatakana
        ? { $0.isKatakana }
        : last.isLatinWordCharacter ? { $0.isLatinWordCharacter } : { _ in false }
    var start = end
    while start > 0, same(text[start - 1]) { start -= 1 }
    guard start < end else { return nil }
    return text[start..<end].map { String($0.character) }.joined()
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
