import Diagnostics
import Markdown

extension MarkdownSlipRule {
  /// `**` and `~~` the page shows as typed: CommonMark starts bold (and strikethrough) only
  /// right before a word or after a space or a punctuation mark, and ends it only right after
  /// a word or before one of those, so `の**「重要」**です` makes none. Two marks on one line are
  /// reported once, at the first, naming the two characters the bold could not start or end
  /// between and the span to write instead (`「**重要**」`); a `**` on its own is reported alone
  /// (a lone `~~` is no strikethrough meant). Escaped marks (`\*\*`) are the writer's, and `**`
  /// right around furigana is bold (`MarkdownDocument.applyRuby`).
  func emphasisAsTyped(in block: LintBlock, _ context: RuleContext) -> [Diagnostic] {
    let text = block.text
    // Runs of two or more marks (of exactly two tildes: one is a range, `9:00~17:00`).
    var bold: [Range<Int>] = []
    var struck: [Range<Int>] = []
    var i = 0
    while i + 1 < text.count {
      let c = text[i]
      guard c == "*" || c == "~", text[i + 1] == c else {
        i += 1
        continue
      }
      var end = i + 2
      while end < text.count, text[end] == c { end += 1 }
      if !block.isInCodeSpan(i), !block.isEscaped(i) {
        if c == "*" {
          bold.append(i..<end)
        } else if end - i == 2 {
          struck.append(i..<end)
        }
      }
      i = end
    }
    guard !bold.isEmpty || !struck.isEmpty else { return [] }
    return pairs(Self.withoutBoldFurigana(bold, in: block), .bold, in: block, context)
      + pairs(struck, .strikethrough, in: block, context)
  }

  /// The warnings for `runs` of `kind`'s marks: a pair on one line once, a `**` alone alone.
  private func pairs(
    _ runs: [Range<Int>], _ kind: EmphasisSlip.Kind, in block: LintBlock,
    _ context: RuleContext
  ) -> [Diagnostic] {
    let text = block.text
    var found: [Diagnostic] = []
    var k = 0
    while k < runs.count {
      let open = runs[k]
      if k + 1 < runs.count, !text[open.upperBound..<runs[k + 1].lowerBound].contains("\n"),
        let warning = pairWarning(open, runs[k + 1], kind, in: block, context)
      {
        found.append(warning)
        k += 2
        continue
      }
      k += 1
      guard kind.marks == "**" else { continue }
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
    _ open: Range<Int>, _ close: Range<Int>, _ kind: EmphasisSlip.Kind, in block: LintBlock,
    _ context: RuleContext
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
    let slip = EmphasisSlip(before: before, inner: inner, after: after, kind: kind)
    let shown = EmphasisSlip.shorten(String(written))
    let (marks, name, nameJa) = (kind.marks, kind.english, kind.japanese)
    var hint = slip.reason.map { $0.english + ": " } ?? ""
    var hintJa = slip.reason.map { $0.japanese + "。" } ?? ""
    if inner.contains(where: { marks.contains($0) })
      || inner.contains("{") && slip.reason?.nearBrace == true
    {
      // Marks between: CommonMark paired them with each other (two bold furigana words in
      // one paragraph do so).
      hint +=
        "the `\(marks)` between were paired with each other; use \(name) in one place in the paragraph, right around its words, or leave it out"
      hintJa +=
        "間にある `\(marks)` どうしが組になりました。段落の中で\(nameJa)は1か所にして、ことばのすぐ前後に `\(marks)` を付けるか、\(nameJa)をやめてください"
    } else if let rewrite = slip.rewrite {
      hint += "write `\(rewrite)`, or leave the \(name) out"
      hintJa += "`\(rewrite)` と書くか、\(nameJa)をやめてください"
    } else {
      hint +=
        "put `\(marks)` right before the first word and right after the last (`\(marks)重要\(marks)です`), or leave the \(name) out"
      hintJa +=
        "`\(marks)` は、ことばのすぐ前と、すぐ後に付けてください（`\(marks)重要\(marks)です`）。または\(nameJa)をやめてください"
    }
    return context.warning(
      block, at: open.lowerBound, "`\(shown)` is shown as typed: the \(name) was not applied",
      hint: hint
    ).ja("`\(shown)` がそのまま表示されます。\(nameJa)になっていません", hint: hintJa)
  }
}
