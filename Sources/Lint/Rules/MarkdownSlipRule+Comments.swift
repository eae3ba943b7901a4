import Diagnostics
import Markdown

extension MarkdownSlipRule {
  /// A comment block left open hides the rest of the page: headings, sections, all of it, with
  /// no word from the build. Closed with `ーー>` or `－－＞` (typed with the Japanese input on)
  /// it is open too; the hint says which to retype. And link definitions nothing uses.
  func check(page: LintPage, _ context: RuleContext) -> [Diagnostic] {
    openComments(page) + (context.inFrontMatter ? [] : unusedDefinitions(page))
  }

  private func openComments(_ page: LintPage) -> [Diagnostic] {
    page.openComments.map { comment in
      let lines = Array(page.source.lineTexts[(comment.line - 1)...].prefix(40))
      let closing = lines.firstIndex { Self.looksLikeClosing($0) }
      let (hint, hintJa) =
        closing.map { k in
          let n = comment.line + k + page.source.lineOffset
          return (
            "the comment's end on line \(n) is typed in full width: write `-->` (half-width)",
            "\(n)行目のコメントの終わりが全角です。半角で `-->` と書いてください"
          )
        } ?? (
          "end the comment with `-->` where the note ends, or delete `<!--`",
          "メモの終わりに `-->` を書くか、`<!--` を消してください"
        )
      return .warning(
        SourceLocation(
          file: page.source.file, line: comment.line + page.source.lineOffset,
          column: comment.column),
        "the comment `<!--` is not closed: everything after it, to the end of the page, is hidden",
        hint: hint, code: id
      ).ja("コメント `<!--` が閉じていません。ここからページの最後まで、すべて表示されません", hint: hintJa)
    }
  }

  /// `<!--` inside a paragraph with no `-->` after it: cmark makes no comment of it, and the
  /// page shows it as typed, the note with it.
  func openCommentInText(_ block: LintBlock, _ context: RuleContext) -> Diagnostic? {
    let text = block.text
    let open: [LintCharacter] = ["<", "!", "-", "-"]
    guard let at = text.indices.first(where: { text.hasPrefix(open, at: $0) }),
      !block.isInCodeSpan(at)
    else { return nil }
    let rest = text[at...].map(\.character)
    let fullWidth = Self.looksLikeClosing(Substring(String(rest)))
    return context.warning(
      block, at: at, "`<!--` without `-->` makes no comment: the note is shown as typed",
      hint: fullWidth
        ? "the comment's end is typed in full width: write `-->` (half-width)"
        : "end the comment with `-->`, or delete `<!--`"
    ).ja(
      "`-->` のない `<!--` はコメントになりません。メモがそのまま表示されます",
      hint: fullWidth ? "コメントの終わりが全角です。半角で `-->` と書いてください" : "`-->` で閉じるか、`<!--` を消してください")
  }

  /// A comment's end typed with the Japanese input on: `ーー>`, `－－＞`, `--＞`, `――>`.
  static func looksLikeClosing(_ line: Substring) -> Bool {
    let dashes: Set<Character> = ["-", "ー", "－", "―", "—", "‐", "−"]
    let chars = Array(line)
    for (k, c) in chars.enumerated() where (c == ">" || c == "＞") && k >= 2 {
      if dashes.contains(chars[k - 1]), dashes.contains(chars[k - 2]) { return true }
    }
    return false
  }

  /// `[注1]: 国の資料によります。` or `[参考]: https://…` on a line of its own: to CommonMark a
  /// link definition, which the page does not show; with nothing linking to it the line was
  /// gone without a word (a note, a source's address). Lines in code and lines the page shows
  /// (a definition that failed, `lint.markdown`'s own) are left alone.
  private func unusedDefinitions(_ page: LintPage) -> [Diagnostic] {
    let lines = page.source.lineTexts
    guard lines.contains(where: { $0.contains("]:") }) else { return [] }
    var shown = page.codeLines
    for block in page.blocks {
      let count = block.text.count(where: { $0 == "\n" })
      shown.formUnion(block.line...(block.line + count))
    }
    let body = lines.joined(separator: "\n").lowercased()
    var found: [Diagnostic] = []
    for (index, line) in lines.enumerated() where !shown.contains(index + 1) {
      let text = line.drop { $0 == " " }
      guard line.count - text.count <= 3, text.first == "[",
        let close = text.firstIndex(of: "]"), text[text.index(after: close)...].hasPrefix(":"),
        case let label = text[text.index(after: text.startIndex)..<close], !label.isEmpty,
        !label.hasPrefix("^")
      else { continue }
      let rest = text[text.index(close, offsetBy: 2)...].drop { $0 == " " }
      guard !rest.isEmpty else { continue }
      // Used: `[…][label]`, `[label][]`, or `[label]` alone, elsewhere in the body.
      let key = "[\(label.lowercased())]"
      let uses = body.components(separatedBy: key).count - 1
      guard uses <= 1 else { continue }
      let plain = "\(label)：\(rest)"
      found.append(
        .warning(
          SourceLocation(
            file: page.source.file, line: index + 1 + page.source.lineOffset,
            column: line.count - text.count + 1),
          "`\(EmphasisSlip.shorten(String(text)))` is a link definition: the page does not show this line, and nothing links to it",
          hint: "to show it, write `\(EmphasisSlip.shorten(plain))` (or `\\[\(label)]: …`)",
          code: id
        ).ja(
          "`\(EmphasisSlip.shorten(String(text)))` はリンクの定義と読まれるため、この行はページに表示されず、どこからもリンクされていません",
          hint: "表示するなら `\(EmphasisSlip.shorten(plain))` と書いてください（または `\\[\(label)]: …`）"))
    }
    return found
  }
}
