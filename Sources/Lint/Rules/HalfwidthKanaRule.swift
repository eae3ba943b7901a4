import Diagnostics
import Foundation

/// Half-width katakana (U+FF61–FF9F) is a legacy encoding form: screen readers may spell it out,
/// search does not match it to full-width words, and JIS and 公用文 use full width.
struct HalfwidthKanaRule: Rule {
  let id = "lint.halfwidth-kana"
  let fix: FixSummary? = FixSummary("half-width kana", "半角カナ")
  let summary = "Half-width katakana such as ｶﾀｶﾅ."
  let japaneseSummary = "ｶﾀｶﾅ のような半角カタカナが使われています。"

  func check(_ block: LintBlock, _ context: RuleContext) -> [Diagnostic] {
    var result: [Diagnostic] = []
    let text = block.text
    var i = 0
    while i < text.count {
      guard text[i].isHalfwidthKana else {
        i += 1
        continue
      }
      var end = i
      while end < text.count, text[end].isHalfwidthKana { end += 1 }
      let written = text.excerpt(i..<end)
      // The same run in full width, as NFKC makes it (ﾊﾞ → バ, ｰ → ー, ｡ → 。): what to type.
      let full = written.nfkc
      result.append(
        context.warning(
          block, at: i, "half-width katakana 「\(written)」",
          hint: "write it in full-width characters: 「\(full)」"
        ).ja(
          "半角カタカナ「\(written)」が使われています",
          hint: "全角の文字で書いてください：「\(full)」"
        ).fixing(text.string(i..<end), with: full))
      i = end
    }
    return result
  }
}
