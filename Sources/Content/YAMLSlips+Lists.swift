/// A list key's value starting with a character YAML reads as syntax (`tags: @子育て`,
/// `fields: - a`): "put the whole value in quotes", right for a text, would make the list a
/// text and the next build a type error. The hint keeps a list: the items in brackets, in
/// quotes only those that need them, or the block form.
extension YAMLSlips {
  /// Every key whose value is a list, in a page's front matter (`PageParser`, `Tags`,
  /// `FrontMatterValues.listKeys`) and in site.yml (`known_words`, `check.skip`).
  static let listKeys: Set<String> = [
    "fields", "related", "initiatives", "tags", "aliases", "redirect_from", "accessibility",
    "known_words", "skip",
  ]

  /// The problem for `key: value`, `value` starting with `first` (at `column` of line
  /// `number`): the items as a list in brackets, and the block form.
  static func listValueStart(
    key: String, value: String, first: Character, line number: Int, column: Int
  ) -> YAMLProblem {
    let shown = code(String(first))
    // `fields: - a`: the item meant is after the `-`.
    let text = first == "-" ? String(value.dropFirst()) : value
    let items = text.split(separator: ",").map { String($0).trimmingSpacesAndNewlines }
      .filter { !$0.isEmpty }.map(listItem)
    let inBrackets = code("\(key): [\(shortened(items.joined(separator: ", ")))]")
    let block = code("  - \(shortened(items.first ?? "…"))")
    let why = "YAML reads \(shown) there as syntax, not as text"
    let whyJa = "値の頭の \(shown) は、YAML では文字ではなく記号として読まれます"
    if first == "-" {
      return YAMLProblem(
        line: number, column: column,
        message:
          "`\(key)` takes a list, and a list's items do not follow `\(key): -` on its line: \(why)",
        hint:
          "write the items in brackets, \(inBrackets), or `\(key):` alone on its line with each item under it (\(block))",
        ja: "`\(key)` の値はリストです。リストの項目は、`\(key): -` と同じ行には書けません（\(whyJa)）",
        jaHint: "項目を \(inBrackets) のようにかっこの中に書くか、`\(key):` だけの行の下に項目を書いてください（\(block)）",
        startsWith: first)
    }
    return YAMLProblem(
      line: number, column: column,
      message:
        "`\(key)` takes a list, and an item cannot start with \(shown) unless it is in quotes: \(why)",
      hint:
        "write the items in brackets, in quotes the one that starts with \(shown): \(inBrackets) (quotes around the whole value would make the list a text)",
      ja: "`\(key)` の値はリストです。項目を \(shown) で始めるときは、その項目を `\"` で囲む必要があります（\(whyJa)）",
      jaHint: "項目をかっこの中に書き、\(shown) で始まる項目だけを引用符で囲んでください：\(inBrackets)（値全体を囲むと、リストではなく文字になります）",
      startsWith: first)
  }

  /// An item as written inside `[…]`: in quotes when YAML would read it otherwise (a syntax
  /// character first, brackets, `: ` or ` #`).
  static func listItem(_ item: String) -> String {
    guard let first = item.first else { return item }
    let needsQuotes =
      syntaxStarts.contains(first) || first == "\"" || first == "'"
      || item.contains(where: { "[]{}".contains($0) }) || item.contains(": ")
      || item.contains(" #") || item.hasSuffix(":")
    return needsQuotes ? quoted(item) : item
  }
}
