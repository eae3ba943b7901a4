import Diagnostics

/// です・ます and である styles mixed on one page read as careless and make the reader switch
/// tone. Only sentences of paragraphs that end with 。！？ are classified, by their ending;
/// headings, table cells and items without a full stop (体言止め) are neither. The minority style
/// is reported; on a tie the である sentences are, since pages for residents use です・ます.
struct MixedStyleRule: Rule {
  let id = "lint.mixed-style"
  let summary = "です・ます and である styles mixed on one page."
  let japaneseSummary = "一つのページに「です・ます」調と「である」調が混ざっています。"

  enum Style { case desuMasu, dearu }

  static let desuMasu = [
    "です", "ます", "でした", "ました", "ません", "ましょう", "でしょう", "ください", "下さい", "ですか",
    "ますか", "でしょうか", "ませんか", "ですね", "ますね",
  ].map(LintCharacter.array)
  /// Plain endings: the copula, plain negatives and the most common plain verb endings.
  static let dearu = [
    "である", "であった", "であろう", "だ", "だった", "だろう", "ではない", "でない", "ない", "なかった",
    "する", "した", "される", "された", "できる", "いる", "いた", "ある", "あった", "なる", "なった",
    "れる", "られる",
  ].map(LintCharacter.array)

  private struct Ending {
    var block: LintBlock
    var offset: Int
    var style: Style
    var text: String
  }

  func check(page: LintPage, _ context: RuleContext) -> [Diagnostic] {
    var endings: [Ending] = []
    for block in page.blocks where block.kind == .paragraph {
      for sentence in block.sentences {
        if let ending = ending(block, sentence) { endings.append(ending) }
      }
    }
    let desu = endings.count(where: { $0.style == .desuMasu })
    let dearu = endings.count - desu
    guard desu > 0, dearu > 0 else { return [] }
    let minority: Style = dearu <= desu ? .dearu : .desuMasu
    return endings.filter { $0.style == minority }.map { e in
      let (this, other) =
        minority == .dearu ? ("である (plain)", "です・ます") : ("です・ます", "である (plain)")
      return context.warning(
        e.block, at: e.offset,
        "this sentence ends in the \(this) style (「\(e.text)」) but the page mostly uses \(other)",
        hint: minority == .dearu
          ? "use です・ます throughout: である → です, する → します, ない → ありません"
          : "use one style throughout the page; for residents prefer です・ます"
      ).ja(
        minority == .dearu
          ? "この文は「である」調で終わっています（「\(e.text)」）が、このページはほとんど「です・ます」調です"
          : "この文は「です・ます」調で終わっています（「\(e.text)」）が、このページはほとんど「である」調です",
        hint: minority == .dearu
          ? "ページ全体を「です・ます」調にそろえてください（である → です、する → します、ない → ありません）"
          : "ページ全体をどちらか一つの書き方にそろえてください。県民向けの文には「です・ます」調が向いています")
    }
  }

  private func ending(_ block: LintBlock, _ sentence: Range<Int>) -> Ending? {
    let text = block.text
    var end = sentence.upperBound
    guard end > sentence.lowerBound else { return nil }
    var sawStop = false
    while end > sentence.lowerBound, text[end - 1].endsSentence || text[end - 1].isClosingBracket {
      if text[end - 1].endsSentence { sawStop = true }
      end -= 1
    }
    guard sawStop else { return nil }
    let body = Array(text[sentence.lowerBound..<end])
    for (style, list) in [(Style.desuMasu, Self.desuMasu), (.dearu, Self.dearu)] {
      for suffix in list where body.count >= suffix.count {
        let start = body.count - suffix.count
        guard body.hasPrefix(suffix, at: start) else { continue }
        return Ending(
          block: block, offset: sentence.lowerBound + start, style: style,
          text: suffix.string(0..<suffix.count))
      }
    }
    return nil
  }
}
