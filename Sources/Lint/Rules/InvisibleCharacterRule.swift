import Diagnostics

/// Invisible characters pasted with text from Word, a PDF or a web page, in a body or in a
/// title or summary: a zero-width space inside a word hides it from search, screen readers
/// pause at it or spell the word, and a bidi control reorders what readers see (the "Trojan
/// source" trick). The line's source is read, code included: a character no one can see is
/// no more visible in code, and copied from a code sample it breaks it.
struct InvisibleCharacterRule: Rule {
  let id = "lint.invisible-character"
  let fix: FixSummary? = FixSummary("invisible characters", "目に見えない文字")
  /// Reads the source lines only (`page.source.lineTexts`).
  let readsBlocks = false
  let summary =
    "Invisible characters (U+200B zero-width space, U+00AD soft hyphen, U+202E and other bidi controls, other format characters) in text; not joiners inside emoji."
  let japaneseSummary =
    "目に見えない文字（U+200B ゼロ幅スペース、U+00AD ソフトハイフン、U+202E などの文字の向きを変える文字ほか）が入っています（絵文字の中の結合子は除きます）。"

  func check(page: LintPage, _ context: RuleContext) -> [Diagnostic] {
    var found: [Diagnostic] = []
    for (index, text) in page.source.lineTexts.enumerated()
    where InvisibleCharacter.mayHold(text) {
      for run in InvisibleRun.runs(in: LintCharacter.array(text)) {
        let place = SourceLocation(
          file: page.source.file, line: index + 1 + page.source.lineOffset,
          column: run.column + 1)
        found.append(warning(run, at: place, inFrontMatter: context.inFrontMatter))
      }
    }
    return found
  }

  private func warning(_ run: InvisibleRun, at place: SourceLocation, inFrontMatter: Bool)
    -> Diagnostic
  {
    // Each character once, in order, with how many times the run has it.
    var names: [(Unicode.Scalar, Int)] = []
    for s in run.scalars {
      if let k = names.firstIndex(where: { $0.0 == s }) {
        names[k].1 += 1
      } else {
        names.append((s, 1))
      }
    }
    let listed = names.map { s, n in
      let name = InvisibleCharacter.name(s)
      return (name.english + (n > 1 ? " ×\(n)" : ""), name.japanese + (n > 1 ? "×\(n)" : ""))
    }
    let one = run.scalars.count == 1
    let kind = run.scalars.compactMap(InvisibleCharacter.kind).max() ?? .zeroWidth
    let (what, whatJa) = Self.effect(kind)
    let message =
      (one ? "an invisible character, " : "invisible characters in a row, ")
      + listed.map(\.0).joined(separator: ", ") + ": " + what
    let messageJa =
      "目に見えない文字 " + listed.map(\.1).joined(separator: "、")
      + (one ? "が入っています。" : "が続けて入っています。") + whatJa
    let retype = run.meant.isEmpty ? "" : ", so type 「\(run.meant)」 here again"
    // A body's line can be silenced; a bidi control may be meant in Arabic or Hebrew.
    let silence = kind == .bidi && !inFrontMatter
    var hintJa = [
      "消してください。Word や PDF、ウェブページからコピーした文章についてくることがあり、多くのエディターでは見えません"
    ]
    if !run.meant.isEmpty { hintJa.append("この位置の「\(run.meant)」を打ち直してください") }
    if silence {
      hintJa.append("アラビア語やヘブライ語の文章で必要なときは、<!-- lint-disable-line \(id) --> で指摘を止めてください")
    }
    let warning = Diagnostic.warning(
      place, message,
      hint:
        "delete \(one ? "it: it often comes" : "them: they often come") with text pasted from Word, a PDF or a web page, and most editors do not show \(one ? "it" : "them")\(retype)"
        + (silence
          ? "; where Arabic or Hebrew text needs it, silence the line with <!-- lint-disable-line \(id) -->"
          : ""),
      code: id
    ).ja(messageJa, hint: hintJa.joined(separator: "。"))
    // A bidi control may be meant (Arabic, Hebrew): the writer deletes it, not --fix.
    return kind == .bidi ? warning : warning.fixing(run.written, with: run.kept)
  }

  /// What a character of `kind` does to readers, in English and Japanese.
  static func effect(_ kind: InvisibleCharacter.Kind) -> (String, String) {
    switch kind {
    case .zeroWidth:
      (
        "it shows nothing, but a search for the word does not find it, and screen readers may pause there or spell the word out",
        "何も表示されませんが、その言葉が検索で見つからなくなり、読み上げソフトが途中で区切ったり、1文字ずつ読んだりすることがあります"
      )
    case .softHyphen:
      (
        "it shows nothing, or a hyphen where a line happens to wrap there, and a search for the word does not find it",
        "ふだんは何も表示されず、そこで行が折り返されたときだけハイフン（-）が出ます。その言葉は検索で見つからなくなります"
      )
    case .bidi:
      (
        "it changes the order in which the text after it is shown, so readers may see it in another order than search and screen readers read it",
        "後ろの文字が、書いた順とは違う順に並んで表示されることがあります（検索や読み上げは書いた順のままです）"
      )
    }
  }
}
