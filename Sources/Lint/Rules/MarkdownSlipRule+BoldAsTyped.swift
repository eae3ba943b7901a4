import Diagnostics
import Markdown

extension MarkdownSlipRule {
  /// `**` the page shows as typed: CommonMark starts bold only right before a word or after a
  /// space or a punctuation mark, and ends it only right after a word or before one of those,
  /// so `の**「重要」**です` makes none. Two marks on one line are reported once, at the first,
  /// naming the two characters the bold could not start or end between and the span to write
  /// instead (`「**重要**」`); a mark on its own is reported alone. Escaped marks (`\*\*`) are
  /// the writer's, and `**` right around furigana is bold (`MarkdownDocument.applyRuby`).
  func boldAsTyped(in block: LintBlock, _ context: RuleContext) -> [Diagnostic] {
    let text = block.text
    var runs: [Range<Int>] = []
    var i = 0
    while i + 1 < text.count {
      guard text[i] == "*", text[i + 1] == "*" else {
        i += 1
        continue
      }
      var end = i + 2
      while end < text.count, text[end] == "*" { end += 1 }
      if !block.isInCodeSpan(i), !block.isEscaped(i) { runs.append(i..<end) }
      i = end
    }
    guard !runs.isEmpty else { return [] }
    runs = Self.withoutBoldFurigana(runs, in: block)
    var found: [Diagnostic] = []
    var k = 0
    while k < runs.count {
      let open = runs[k]
      if k + 1 < runs.count, !text[open.upperBound..<runs[k + 1].lowerBound].contains("\n"),
        let warning = pairWarning(open, runs[k + 1], in: block, context)
      {
        found.append(warning)
        k += 2
        continue
      }
      found.append(
        context.warning(
          block, at: open.lowerBound,
          "`\(text.string(open))` is shown as typed: the bold was not applied",
          hint:
            "bold cannot start or end between a bracket and a letter (**「重要」**です); put the brackets outside, 「**重要**」です, or leave the bold out"
        ).ja(
          "`\(text.string(open))` がそのまま表示されます。太字になっていません",
          hint:
            "かっこと文字の間では太字を始めたり終えたりできません（`**「重要」**です`）。`「**重要**」です` のようにかっこを外に出すか、太字をやめてください"
        ))
      k += 1
    }
    return found
  }

  /// `runs` less the `**` right around furigana groups side by side, which are bold: the
  /// groups' first and last characters carry a reading, as `applyRuby` reads them.
  static func withoutBoldFurigana(_ runs: [Range<Int>], in block: LintBlock) -> [Range<Int>] {
    guard !block.rubyGroups.isEmpty else { return runs }
    var bold: Set<Int> = []
    for (k, run) in runs.enumerated() where run.count == 2 && k + 1 < runs.count {
      guard var g = block.rubyGroups.firstIndex(where: { $0.base.lowerBound == run.upperBound })
      else { continue }
      var end = block.rubyGroups[g].base.upperBound
      while g + 1 < block.rubyGroups.count, block.rubyGroups[g + 1].base.lowerBound == end {
        g += 1
        end = block.rubyGroups[g].base.upperBound
      }
      let next = runs[k + 1]
      if next.lowerBound == end, next.count == 2, block.furigana[run.upperBound],
        block.furigana[end - 1]
      {
        bold.formUnion([k, k + 1])
      }
    }
    return runs.enumerated().filter { !bold.contains($0.offset) }.map(\.element)
  }

  /// The warning for marks `open` and `close` on one line, read where they are written (a
  /// link's `[…](…)` between them is in the source, not in cmark's text); nil where they
  /// cannot be placed.
  func pairWarning(
    _ open: Range<Int>, _ close: Range<Int>, in block: LintBlock, _ context: RuleContext
  ) -> Diagnostic? {
    guard let (line, chars, start) = block.sourceCharacters(of: open.lowerBound),
      let (closeLine, _, closeStart) = block.sourceCharacters(of: close.lowerBound),
      closeLine == line, closeStart >= start + open.count,
      closeStart + close.count <= chars.count
    else { return nil }
    let written = chars[start..<(closeStart + close.count)].map(\.character)
    let inner = Array(chars[(start + open.count)..<closeStart].map(\.character))
    let before = start > 0 ? chars[start - 1].character : nil
    let after =
      closeStart + close.count < chars.count ? chars[closeStart + close.count].character : nil
    let slip = BoldSlip(before: before, inner: inner, after: after)
    let shown = BoldSlip.shorten(String(written))
    var hint = slip.reason.map { $0.english + ": " } ?? ""
    var hintJa = slip.reason.map { $0.japanese + "。" } ?? ""
    if inner.contains("*") || inner.contains("{") && slip.reason?.nearBrace == true {
      // Marks between: CommonMark paired them with each other (two bold furigana words in
      // one paragraph do so).
      hint +=
        "the `**` between were paired with each other; bold one place in the paragraph, right around its words, or leave the bold out"
      hintJa += "間にある `**` どうしが組になりました。段落の中で太字は1か所にして、ことばのすぐ前後に `**` を付けるか、太字をやめてください"
    } else if let rewrite = slip.rewrite {
      hint += "write `\(rewrite)`, or leave the bold out"
      hintJa += "`\(rewrite)` と書くか、太字をやめてください"
    } else {
      hint +=
        "put `**` right before the first word and right after the last (`**重要**です`), or leave the bold out"
      hintJa += "`**` は、ことばのすぐ前と、すぐ後に付けてください（`**重要**です`）。または太字をやめてください"
    }
    return context.warning(
      block, at: open.lowerBound, "`\(shown)` is shown as typed: the bold was not applied",
      hint: hint
    ).ja("`\(shown)` がそのまま表示されます。太字になっていません", hint: hintJa)
  }
}
