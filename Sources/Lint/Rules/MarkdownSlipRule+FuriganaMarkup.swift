import Diagnostics
import Markdown

extension MarkdownSlipRule {
  /// Furigana with Markdown inside its braces (`{**戦略**|せんりゃく}`, `{[戦略](…)|せんりゃく}`):
  /// cmark's text reads as a group once the marks are taken, but the page makes ruby only of
  /// a group written in one piece of text, so it shows the braces, the bar and the reading as
  /// typed. Found where the group's base is not written right after its `{`, or its reading
  /// not right after the base and its bar.
  func furiganaHoldingMarkup(in block: LintBlock, _ context: RuleContext) -> [Diagnostic] {
    var found: [Diagnostic] = []
    for group in block.rubyGroups where !group.base.isEmpty {
      guard let (_, chars, index) = block.sourceCharacters(of: group.base.lowerBound),
        !Self.writtenWhole(group, of: block, in: chars, at: index),
        let open = chars[..<index].lastIndex(of: "{"),
        let close = chars[index...].firstIndex(of: "}")
      else { continue }
      let written = chars[open...close].map(\.character)
      let plain =
        "{\(block.text.string(group.base))|\(group.reading.string(0..<group.reading.count))}"
      let hint =
        "Markdown inside the braces is not applied and leaves the furigana as typed; write it around them (`**\(plain)**`, `[\(plain)](…)`)"
      let hintJa =
        "かっこの中の Markdown は使えず、ふりがながそのまま表示されます。かっこの外に書いてください（`**\(plain)**`、`[\(plain)](…)`）"
      found.append(
        context.warning(
          block, at: group.base.lowerBound,
          "the furigana `\(String(written))` is shown as typed: it holds Markdown", hint: hint
        ).ja("ふりがな `\(String(written))` がそのまま表示されます。中に Markdown があります", hint: hintJa))
    }
    return found
  }

  /// Whether `group` is written `{`, its base, a bar, its reading and `}` in one run of
  /// `chars`, the base starting at `index`; a `\` before a bar or a brace (`\|` in a table
  /// cell) is an escape, which cmark's text leaves out as the page does.
  static func writtenWhole(
    _ group: (base: Range<Int>, reading: [LintCharacter], perCharacter: Bool), of block: LintBlock,
    in chars: [LintCharacter], at index: Int
  ) -> Bool {
    guard index > 0, chars[index - 1] == "{" else { return false }
    var k = index
    func next(_ expected: (LintCharacter) -> Bool) -> Bool {
      if k + 1 < chars.count, chars[k] == "\\", chars[k + 1].scalar < 0x80, expected(chars[k + 1]) {
        k += 1
      }
      guard k < chars.count, expected(chars[k]) else { return false }
      k += 1
      return true
    }
    for c in block.text[group.base] where !next({ $0 == c }) { return false }
    guard next({ $0 == "|" || $0 == "｜" }) else { return false }
    for c in group.reading where !next({ $0 == c }) { return false }
    return next({ $0 == "}" })
  }
}
