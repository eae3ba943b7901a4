import Diagnostics

extension MarkdownSlipRule {
  /// A link typed half with the Japanese input on: `[基本的な考え方]（../strategy/basics.md）`
  /// (full-width round brackets after `]`) is no link, shown as typed; `[申込](https://…/form）`
  /// (the address closed full width) is no link either, the address alone linked and the rest
  /// shown. Only where the round brackets hold an address (`[注]（後述）` is text). The one
  /// right fix: the round brackets half width.
  func mixedBracketLink(
    at i: Int, in text: [LintCharacter],
    _ warn: (Int, String, String, Japanese, Replacement?) -> Void
  ) {
    guard text[i] == "]", i + 1 < text.count, text[i + 1] == "（" || text[i + 1] == "(",
      let open = text[..<i].lastIndex(where: { $0 == "[" || $0 == "\n" }), text[open] == "["
    else { return }
    let start = i + 2
    let limit = min(text.count, start + Self.reach)
    guard let end = text[start..<limit].firstIndex(where: { $0 == "）" || $0 == ")" || $0 == "\n" }),
      text[end] != "\n", Self.looksLikeAddress(text.string(start..<end)),
      !text[start..<end].contains(where: \.isWhitespace),
      text[i + 1] == "（" || text[end] == "）"
    else { return }
    let words = text.excerpt((open + 1)..<i)
    let address = text.string(start..<end)
    let fixed = "](\(address))"
    warn(
      i, "full-width round brackets after `[\(words)]` make no link: the page shows it as typed",
      "write them half-width: `[\(words)](\(address))`",
      (
        "`[\(words)]` の後ろの丸かっこが全角のため、リンクになりません。書いたまま表示されます",
        hint: "半角で書いてください：`[\(words)](\(address))`"
      ), (i..<(end + 1), fixed))
  }
}
