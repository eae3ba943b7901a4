import Diagnostics

/// Long sentences are the first thing 公用文作成の考え方 and the やさしい日本語 guideline ask
/// writers to fix. Spaces and line breaks are not counted; a ruby group counts as its base.
struct SentenceLengthRule: Rule {
  let id = "lint.sentence-length"
  let summary = "A sentence is too long to read in one go."
  let japaneseSummary = "文が長すぎて、一度では読めません。"
  let threshold: Threshold? = Threshold(
    value: 60, meaning: "maximum characters in one sentence",
    japaneseMeaning: "一つの文の最大の文字数", range: 10...1000)

  func check(_ block: LintBlock, _ context: RuleContext) -> [Diagnostic] {
    block.sentences.compactMap { sentence in
      let length = block.text[sentence].count(where: { !$0.isWhitespace })
      guard length > context.threshold else { return nil }
      // A web address written out is not read word by word (HP：<https://…>): not counted.
      let read = length - Self.addressLength(block.text, sentence)
      guard read > context.threshold else { return nil }
      return context.warning(
        block, at: sentence.lowerBound,
        "this sentence has \(read) characters (the limit is \(context.threshold))",
        hint:
          "split it into shorter sentences, one idea each; a list can help when it names several things"
      ).ja(
        "この文は\(read)文字あります（目安は\(context.threshold)文字まで）",
        hint: "一つの文に一つのことを書き、短い文に分けてください。いくつかの物事を並べるときは箇条書きも使えます")
    }
  }
}

extension SentenceLengthRule {
  static let schemes = ["http://", "https://"].map(LintCharacter.array)

  /// The characters of the web addresses written out in `range` (from `http://` or `https://`
  /// to the next space or character no address holds).
  static func addressLength(_ text: [LintCharacter], _ range: Range<Int>) -> Int {
    var total = 0
    var i = range.lowerBound
    while i < range.upperBound {
      guard text[i] == "h", schemes.contains(where: { text.hasPrefix($0, at: i) }) else {
        i += 1
        continue
      }
      var end = i
      while end < range.upperBound, text[end].scalar > 0x20, text[end].scalar < 0x7F,
        text[end] != ">", text[end] != ")"
      {
        end += 1
      }
      total += end - i
      i = end
    }
    return total
  }
}

/// Many 読点 in one sentence mean many ideas in one sentence. Points at the first 、 over the
/// limit.
struct CommaCountRule: Rule {
  let id = "lint.comma-count"
  let summary = "A sentence has too many 読点 (、)."
  let japaneseSummary = "一つの文に読点（、）が多すぎます。"
  let threshold: Threshold? = Threshold(
    value: 3, meaning: "maximum 読点 (、) in one sentence",
    japaneseMeaning: "一つの文の読点（、）の最大の数", range: 1...50)

  func check(_ block: LintBlock, _ context: RuleContext) -> [Diagnostic] {
    block.sentences.compactMap { sentence in
      let commas = sentence.filter { block.text[$0].isTouten }
      guard commas.count > context.threshold else { return nil }
      return context.warning(
        block, at: commas[context.threshold],
        "this sentence has \(commas.count) 読点 (、) (the limit is \(context.threshold))",
        hint: "end the sentence earlier, or list the items with ・ or as a Markdown list"
      ).ja(
        "この文には読点（、）が\(commas.count)個あります（目安は\(context.threshold)個まで）",
        hint: "途中で文を終えて分けるか、並べる物事を「・」でつなぐか箇条書きにしてください")
    }
  }
}
