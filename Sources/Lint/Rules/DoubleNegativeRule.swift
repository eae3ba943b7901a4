import Diagnostics

/// Double negatives (〜ないわけではない) make a reader undo two negations to find the meaning;
/// the やさしい日本語 guideline asks to avoid them. Patterns follow textlint's
/// no-double-negative-ja, in plain and polite forms and with the usual kanji spellings.
struct DoubleNegativeRule: Rule {
  let id = "lint.double-negative"
  let summary = "A double negative such as 〜ないわけではない."
  let japaneseSummary = "「〜ないわけではない」のような二重否定があります。"

  /// Each pattern is a sequence of alternatives, expanded into every combination once.
  static let patterns: [[LintCharacter]] = {
    let nai = ["ない", "無い"]
    let naku = ["なく", "無く"]
    let negEnd = ["ない", "無い", "ありません", "ございません"]
    let shapes: [[[String]]] = [
      [nai, ["こと", "事"], ["は", "も"], negEnd],
      [naku, ["は", "も"], negEnd],
      [nai, ["わけ", "訳"], ["では", "でも"], negEnd],
      [nai, ["わけ", "訳"], ["には"], ["いかない", "行かない", "いきません", "行きません"]],
      [nai, ["もの", "物"], ["では", "でも"], negEnd],
      [nai, ["では", "でも"], negEnd],
      [nai, ["とは", "とも"], ["限らない", "限りません", "かぎらない", "かぎりません"]],
      [nai, ["とは"], ["言えない", "いえない", "言えません", "いえません", "言い切れない", "言い切れません"]],
      [["ざる"], ["を"], ["得ない", "えない", "得ません", "えません"]],
    ]
    var result: Set<String> = []
    for shape in shapes {
      var partial = [""]
      for alternatives in shape {
        partial = partial.flatMap { prefix in alternatives.map { prefix + $0 } }
      }
      result.formUnion(partial)
    }
    // Longest first, so ないことはありません is quoted whole rather than as ないことは….
    return result.sorted { $0.count != $1.count ? $0.count > $1.count : $0 < $1 }.map(
      LintCharacter.array)
  }()

  static let firstCharacters = CharacterClass(patterns.map { $0[0].character })

  /// Kanji that make an adjective of な(い) (危ない, 少ない, 切ない): 危なくはない is a single
  /// negation.
  static let adjectiveStems = CharacterClass("危少切")

  func check(_ block: LintBlock, _ context: RuleContext) -> [Diagnostic] {
    var result: [Diagnostic] = []
    let text = block.text
    var i = 0
    while i < text.count {
      guard Self.firstCharacters.contains(text[i]),
        let pattern = Self.patterns.first(where: { text.hasPrefix($0, at: i) }),
        i == 0 || !Self.adjectiveStems.contains(text[i - 1])
      else {
        i += 1
        continue
      }
      result.append(
        context.warning(
          block, at: i, "a double negative (「〜\(pattern.string(0..<pattern.count))」)",
          hint:
            "say it positively: 〜ないわけではない → 〜ことがあります, 〜せざるを得ない → 〜する必要があります"
        ).ja(
          "打ち消しを重ねた言い方（「〜\(pattern.string(0..<pattern.count))」）があります",
          hint:
            "打ち消しを使わない言い方にしてください（〜ないわけではない → 〜ことがあります、〜せざるを得ない → 〜する必要があります）"
        ))
      i += pattern.count
    }
    return result
  }
}
