import Diagnostics
import Markdown

/// Markdown that the page shows as typed, because it did not turn into what it looks like. The
/// usual cases when writing Japanese: no space after `##`, a full-width `＃` or `＊＊`, bold around
/// brackets (`**「重要」**です`: CommonMark does not end bold between 」 and a letter), a space
/// or full-width brackets in a link, furigana without its `}`. cmark's text of a block still
/// holds the markup exactly when it was not applied, so that is what is read.
struct MarkdownSlipRule: Rule {
  /// A warning's message and hint in Japanese.
  typealias Japanese = (String, hint: String)
  /// What `portal lint --fix` writes over characters `range` of the block's text.
  typealias Replacement = (range: Range<Int>, with: String)

  let id = "lint.markdown"
  let fix: FixSummary? = FixSummary(
    "##見出し, ＊＊太字＊＊, ＞ 引用, － 項目, ［リンク］（…）, [リンク] (…)",
    "##見出し、＊＊太字＊＊、＞ 引用、－ 項目、［リンク］（…）、[リンク] (…)")
  let summary =
    "Markdown shown as typed: ##見出し, ＃, ＊＊太字＊＊, ＞ 引用, － 項目, **「」**です, ~~「」~~です, [リンク] (…), [リンク](a b.pdf), ［］（）, {漢字|かな without }, {漢字|} without a reading, {**漢字**|かな}."
  let japaneseSummary =
    "Markdown が書いたまま表示されます（##見出し、＃、＊＊太字＊＊、＞ 引用、－ 項目、**「」**です、~~「」~~です、［］（）、{**漢字**|かな}など）。"

  func check(_ block: LintBlock, _ context: RuleContext) -> [Diagnostic] {
    guard block.kind == .paragraph || block.kind == .heading || block.kind == .tableCell else {
      return []
    }
    let text = block.text
    var found: [Diagnostic] =
      [setextHeading(block, context), openCommentInText(block, context)].compactMap { $0 }
    /// A warning at `at`, with its words in Japanese (`ja`).
    func warn(_ at: Int, _ message: String, hint: String, ja: Japanese, fix: Replacement? = nil) {
      guard !block.isInCodeSpan(at) else { return }
      let warning = context.warning(block, at: at, message, hint: hint).ja(ja.0, hint: ja.hint)
      found.append(fix.map { warning.fixing(text.string($0.range), with: $0.with) } ?? warning)
    }
    found += emphasisAsTyped(in: block, context) + furiganaHoldingMarkup(in: block, context)
    if block.kind == .paragraph, text.last == "\\",
      let (_, chars, _) = block.sourceCharacters(of: text.count - 1),
      chars.reversed().prefix(while: { $0 == "\\" }).count % 2 == 1
    {
      // A hard break's `\` on the last line breaks nothing: CommonMark shows it (many
      // Japanese fonts draw it as ¥).
      warn(
        text.count - 1,
        "the `\\` at the end of the paragraph's last line breaks no line: it is shown",
        hint: "delete it (a `\\` starts a new line only before another line of the paragraph)",
        ja: (
          "段落の最後の行の終わりの `\\` では改行されず、そのまま表示されます",
          hint: "消してください（`\\` で改行できるのは、段落の中で次の行が続くときだけです）"
        ), fix: ((text.count - 1)..<text.count, ""))
    }
    var lineStart = true
    /// The closing pairs of full-width bold reported, not read again as opening ones.
    var boldCloses: Set<Int> = []
    var i = 0
    while i < text.count {
      let c = text[i]
      if lineStart, block.kind == .paragraph {
        headingSlip(at: i, in: text) { warn($0, $1, hint: $2, ja: $3, fix: $4) }
        markSlip(at: i, paragraphStart: i == 0, in: text) {
          warn($0, $1, hint: $2, ja: $3, fix: $4)
        }
        definitionSlip(at: i, in: text) { warn($0, $1, hint: $2, ja: $3) }
      }
      lineStart = c == "\n"
      if c == "＊", !boldCloses.contains(i), let bold = fullWidthBold(at: i, in: block, context) {
        found.append(bold.0)
        boldCloses.insert(bold.close)
      }
      if c == "*", i + 1 < text.count, text[i + 1] == "*" {
        // Reported by `emphasisAsTyped`, a pair at a time.
        i += 2
        while i < text.count, text[i] == "*" { i += 1 }
        continue
      }
      // The space and `(` after the `]` first: looking back for its `[` at every `]` of a
      // line of them took seconds.
      if c == "]", case let paren = spaces(after: i + 1, in: text), paren > i + 1,
        paren < text.count, text[paren] == "(",
        let open = text[..<i].lastIndex(where: { $0 == "[" || $0 == "\n" }), text[open] == "["
      {
        // The space taken out when what the brackets hold is an address (`[注] (参考)` is
        // no link to be made).
        let close = text[(paren + 1)...].firstIndex { $0 == ")" || $0 == "\n" }
        let target = close.map { text[(paren + 1)..<$0] }
        let fix: Replacement? =
          if let close, text[close] == ")", let target, !target.contains(where: \.isWhitespace),
            Self.looksLikeAddress(text.string((paren + 1)..<close))
          {
            (i..<paren, "]")
          } else { nil }
        warn(
          i, "`] (` is not a link: Markdown allows no space between `]` and `(`",
          hint: "write `[\(text.excerpt((open + 1)..<i))](…)`",
          ja: (
            "`] (` ではリンクになりません。Markdown では `]` と `(` の間に空白を入れられません",
            hint: "`[\(text.excerpt((open + 1)..<i))](…)` と書いてください"
          ), fix: fix)
      }
      // The link's words may wrap onto the next line: `[報告\n書](a b.pdf)`.
      if c == "]", let open = text[..<i].lastIndex(where: { $0 == "[" || $0 == "]" }),
        text[open] == "[", text[open..<i].count(where: { $0 == "\n" }) <= 1,
        let address = spacedAddress(after: i, in: text)
      {
        let start = open > 0 && text[open - 1] == "!" ? open - 1 : open
        let fixed = text.string(address).trimmingWhitespace.map {
          $0 == " " ? "%20" : $0 == "\t" ? "%09" : String($0)
        }.joined()
        let kind = start < open ? "an image" : "a link"
        let kindJa = start < open ? "画像" : "リンク"
        warn(
          start,
          "`\(text.excerpt(start..<(address.upperBound + 1)))` is not \(kind): its address has a space, so it is shown as typed",
          hint:
            "write each space in the address as %20 (`\(text.excerpt(start..<(i + 2)))\(fixed))`), or rename the file without spaces",
          ja: (
            "`\(text.excerpt(start..<(address.upperBound + 1)))` は\(kindJa)になりません。アドレスに空白があるため、そのまま表示されます",
            hint:
              "アドレスの中の空白を `%20` に書き換えるか（`\(text.excerpt(start..<(i + 2)))\(fixed))`）、ファイル名を空白のない名前に変えてください"
          ))
      }
      if c == "]" { mixedBracketLink(at: i, in: text) { warn($0, $1, hint: $2, ja: $3, fix: $4) } }
      if c == "［", let link = fullWidthLink(at: i, in: text) {
        // The brackets half-width, what they hold as it is: the one right fix, where the
        // address is closed on its line and has no space.
        let end = text[(link + 2)...].firstIndex { $0 == "）" || $0 == ")" || $0 == "\n" }
        let address = end.map { text[(link + 2)..<$0] }
        let fix: Replacement? =
          if let end, text[end] != "\n", let address, !address.contains(where: \.isWhitespace) {
            (i..<(end + 1), "[\(text.string((i + 1)..<link))](\(text.string((link + 2)..<end)))")
          } else { nil }
        warn(
          i, "full-width brackets ［］（） do not make a link",
          hint: "write them half-width: [\(text.excerpt((i + 1)..<link))](…)",
          ja: (
            "全角のかっこ ［］（） ではリンクになりません",
            hint: "半角で書いてください：`[\(text.excerpt((i + 1)..<link))](…)`"
          ), fix: fix)
      }
      let ruby =
        c == "{" ? RubyScanner.match(at: i, count: text.count) { text[$0].rubyMark } : nil
      if case .unclosed(let bar)? = ruby {
        // Read up to the first character that is no kana (a line break is one).
        let closed = UnclosedFurigana.closed(
          base: text.excerpt((i + 1)..<bar), after: text[(bar + 1)...].lazy.map(\.character))
        warn(
          i, "the furigana `\(text.excerpt(i..<bar))|…` is not closed",
          hint: "close it with `}`: \(closed)",
          ja: (
            "ふりがな `\(text.excerpt(i..<bar))|…` が `}` で閉じられていません",
            hint: "最後に `}` を付けてください：`\(closed)`"
          ))
      } else if case .extraBar(let bar, let close)? = ruby {
        let typed = text.excerpt(i..<(close + 1))
        let why = SecondBarFurigana.why
        let hint = SecondBarFurigana.hint(
          base: text.string((i + 1)..<bar), readings: text.string((bar + 1)..<close))
        warn(
          i, "`\(typed)` is shown as typed: \(why.english)", hint: hint.0,
          ja: ("`\(typed)` がそのまま表示されます。\(why.ja)", hint: hint.ja))
      } else if case .emptyReading(_, let close)? = ruby {
        let base = text.excerpt((i + 1)..<(close - 1))
        warn(
          i, "`\(text.excerpt(i..<(close + 1)))` is shown as typed: the reading is empty",
          hint: "write the reading after the bar: {\(base)|よみ}, or remove the braces",
          ja: (
            "`\(text.excerpt(i..<(close + 1)))` がそのまま表示されます。読み方が書かれていません",
            hint: "`|` の後ろに読み方を書くか（`{\(base)|よみ}`）、`{ }` を外してください"
          ))
      }
      i += 1
    }
    return found
  }

  /// `##見出し` (no space after the marks) or `＃＃ 見出し` (full-width) at the start of a line.
  /// Fixed by --fix with two marks or more: one `#` may be a hashtag (#千葉), and as a heading
  /// it would be a second page title.
  private func headingSlip(
    at i: Int, in text: [LintCharacter],
    _ warn: (Int, String, String, Japanese, Replacement?) -> Void
  ) {
    var end = i
    while end < text.count, text[end] == "#" { end += 1 }
    if end > i, end - i <= 6, end < text.count, !text[end].isWhitespace, text[end] != "\n" {
      let marks = String(repeating: "#", count: end - i)
      warn(
        i, "`\(marks)\(text.excerpt(end..<min(end + 8, text.count)))` is not a heading",
        "Markdown needs a space after `\(marks)`: `\(marks) \(lineExcerpt(text, from: end))`",
        (
          "`\(marks)\(text.excerpt(end..<min(end + 8, text.count)))` は見出しになりません",
          hint:
            "`\(marks)` の後ろに半角の空白が必要です：`\(marks) \(lineExcerpt(text, from: end))`"
        ), end - i >= 2 ? (i..<end, marks + " ") : nil)
      return
    }
    if end > i, end - i <= 6, end < text.count, text[end] == "\u{3000}" {
      // `##　連絡先`: the space typed with the Japanese input on is no space to CommonMark.
      let marks = String(repeating: "#", count: end - i)
      var words = end
      while words < text.count, text[words].isWhitespace, text[words] != "\n" { words += 1 }
      warn(
        i,
        "`\(marks)　\(text.excerpt(words..<min(words + 8, text.count)))` is not a heading: the space after `\(marks)` is full-width",
        "Markdown needs a half-width space after `\(marks)`: `\(marks) \(lineExcerpt(text, from: words))`",
        (
          "`\(marks)　\(text.excerpt(words..<min(words + 8, text.count)))` は見出しになりません。`\(marks)` の後ろの空白が全角です",
          hint: "`\(marks)` の後ろは半角の空白にしてください：`\(marks) \(lineExcerpt(text, from: words))`"
        ), (i..<words, marks + " "))
      return
    }
    if text[i] == "＃" {
      var marks = i
      while marks < text.count, text[marks] == "＃" { marks += 1 }
      var words = marks
      while words < text.count, text[words].isWhitespace, text[words] != "\n" { words += 1 }
      let fix =
        marks - i >= 2 && words < text.count && text[words] != "\n"
        ? (i..<words, String(repeating: "#", count: marks - i) + " ") : nil
      warn(
        i, "a full-width `＃` does not make a heading",
        "write half-width marks and a space: `\(String(repeating: "#", count: marks - i)) \(lineExcerpt(text, from: marks))`",
        (
          "全角の `＃` では見出しになりません",
          hint:
            "半角の `#` と空白で書いてください：`\(String(repeating: "#", count: marks - i)) \(lineExcerpt(text, from: marks))`"
        ), fix)
    }
  }

  /// Up to twelve characters of the line after the spaces from `start`, for a hint, with `…`
  /// where the line goes on.
  func lineExcerpt(_ text: [LintCharacter], from start: Int) -> String {
    var s = start
    while s < text.count, text[s].isWhitespace, text[s] != "\n" { s += 1 }
    var end = s
    while end < text.count, text[end] != "\n", end - s < 12 { end += 1 }
    // Cut: the rest of the line stays as it is.
    return text.excerpt(s..<end) + (end < text.count && text[end] != "\n" ? "…" : "")
  }

  /// The index after the spaces (not line breaks) from `start`.
  private func spaces(after start: Int, in text: [LintCharacter]) -> Int {
    var i = start
    while i < text.count, text[i] == " " || text[i] == "\u{3000}" { i += 1 }
    return i
  }

  /// `[1]: https://example.jp/a b.pdf` at the start of a line: a link reference definition
  /// whose address has a space is not one, so it is shown as typed and `[報告書][1]` links
  /// nowhere. A title after the address (`"題名"`) is a definition's own.
  private func definitionSlip(
    at i: Int, in text: [LintCharacter], _ warn: (Int, String, String, Japanese) -> Void
  ) {
    guard text[i] == "[",
      let close = text[(i + 1)...].firstIndex(where: { $0 == "]" || $0 == "[" || $0 == "\n" }),
      text[close] == "]", close > i + 1, close + 1 < text.count, text[close + 1] == ":"
    else { return }
    let lineEnd = text[close...].firstIndex(of: "\n") ?? text.count
    var start = close + 2
    while start < lineEnd, text[start] == " " || text[start] == "\t" { start += 1 }
    var end = lineEnd
    while end > start, text[end - 1].isWhitespace { end -= 1 }
    let address = text[start..<end]
    guard let space = address.firstIndex(where: { $0 == " " || $0 == "\t" }),
      text[start] != "<", space + 1 < end, !"\"'(".contains(text[space + 1].character),
      address.contains(where: { $0 == "/" || $0 == "." })
    else { return }
    let fixed = text.string(start..<end).map {
      $0 == " " ? "%20" : $0 == "\t" ? "%09" : String($0)
    }.joined()
    let label = text.excerpt(i..<(close + 1))
    warn(
      i,
      "`\(text.excerpt(i..<end))` is not a link definition: its address has a space, so it is shown as typed, and links to \(label) lead nowhere",
      "write each space in the address as %20 (`\(label): \(fixed)`), or rename the file without spaces",
      (
        "`\(text.excerpt(i..<end))` はリンクの定義になりません。アドレスに空白があるため、そのまま表示され、\(label) へのリンクはどこにも移動しません",
        hint:
          "アドレスの中の空白を `%20` に書き換えるか（`\(label): \(fixed)`）、ファイル名を空白のない名前に変えてください"
      ))
  }

  /// For `](my file.pdf)` at `close`: the address between the round brackets (which may hold
  /// balanced ones: `a (1).pdf`), when it has a space or a tab (which a Markdown link's
  /// address cannot have unless written `<…>`).
  private func spacedAddress(after close: Int, in text: [LintCharacter]) -> Range<Int>? {
    guard close + 1 < text.count, text[close + 1] == "(" else { return nil }
    var depth = 0
    var end = close + 1
    // Within `reach`: `[a](` a thousand times on a line was read to its end at each one.
    let last = min(text.count, close + 1 + Self.reach)
    while end < last, text[end] != "\n" {
      if text[end] == "(" { depth += 1 }
      if text[end] == ")" {
        depth -= 1
        if depth == 0 { break }
      }
      end += 1
    }
    guard end < last, text[end] == ")", case let address = (close + 2)..<end,
      text[address].contains(where: { $0 == " " || $0 == "\t" }),
      text[address].contains(where: { !$0.isWhitespace }), text[close + 2] != "<"
    else { return nil }
    return address
  }

  /// For `［説明］（https://…）` at `open`: the index of `］`, when the （…） right after it holds
  /// an address or a Markdown file, as a link would.
  private func fullWidthLink(at open: Int, in text: [LintCharacter]) -> Int? {
    let near = text[open..<min(text.count, open + Self.reach)]
    guard let close = near.firstIndex(where: { $0 == "］" || $0 == "\n" }),
      text[close] == "］", close + 1 < text.count,
      text[close + 1] == "（" || text[close + 1] == "("
    else { return nil }
    let after = text[(close + 2)..<min(text.count, close + 2 + Self.reach)]
    let end = after.firstIndex { $0 == "）" || $0 == ")" || $0 == "\n" } ?? after.endIndex
    return Self.looksLikeAddress(text.string((close + 2)..<end)) ? close : nil
  }

  /// How far a link's text or address is looked for: further than any a page writes, and a
  /// bound on each look, so a line of thousands of brackets is read in linear time.
  static let reach = 2_000

  /// Whether what round brackets hold is a link's address: a web address, a Markdown page
  /// (with its heading) or a path of the site.
  static func looksLikeAddress(_ written: String) -> Bool {
    let target = written.lowercased()
    return target.contains("http") || target.contains("www.") || target.hasSuffix(".md")
      || target.contains(".md#") || target.hasPrefix("/")
  }
}
