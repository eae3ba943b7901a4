import Diagnostics
import Markdown

/// Lines meant as a list or as lines of their own, written one under the other in a paragraph:
/// cmark-gfm joins a paragraph's lines (and the build removes the break between two Japanese
/// characters), so 「持ち物」「・筆記用具」「・上履き」 under each other become 「持ち物・筆記用具・上履き」,
/// and a contact block runs together (「デジタル改革推進局電話：043-…」). A line is taken as meant
/// to stand alone when it starts with a bullet (・ ● ■ …), a list mark without its space or with
/// a full-width one (`-x`, `*x`, `1.x`, `1．x`, `（1）x`), a numbered item from 2 on (`2. x`,
/// which only `1.` may start right under a paragraph), a short label and a colon (電話：, 日　時：,
/// TEL:), 【日時】, 〒 or →, or a ※ note under another. A line after a hard break (a trailing `\`
/// or two spaces) is a line of its own already; a ※ note after a sentence reads well on the same
/// line, and a label after a line ending with a particle goes on with its sentence. One warning
/// per paragraph, at the first such line.
struct JoinedLinesRule: Rule {
  let id = "lint.joined-lines"
  let summary =
    "Lines meant as a list or as lines of their own (・筆記用具, -x, 1.x, 電話：…) joined into one paragraph."
  let japaneseSummary = "箇条書きや別の行のつもりの行（・筆記用具、-x、1.x、電話：…）が一つの段落につながっています。"

  /// Bullets writers type for a list; circled numbers for a numbered one.
  /// (U+F0B7 is the bullet Word's Symbol font leaves in pasted text; 〇 the ideographic zero
  /// typed for ○; – and ‐ the dashes Word's lists paste.)
  static let bullets = CharacterClass("・•●○◯◎■□◆◇★☆▪▫〇▶▷►\u{F0B7}–‐")

  /// What a line starts with that shows it was meant to stand alone, and how to write it.
  enum Start {
    /// A bullet or a list mark without its space: the list item to write.
    case listItem(String)
    /// A label and its colon (電話：), 【日時】, 〒, →: a line of its own.
    case label
    /// A numbered list that does not start at 1 (`2. 書類`), which cannot interrupt a paragraph.
    case laterNumber(String)
    /// A ※ note under another one.
    case note
  }

  func check(_ block: LintBlock, _ context: RuleContext) -> [Diagnostic] {
    guard block.kind == .paragraph, !context.inFrontMatter else { return [] }
    let text = block.text
    var found: [Diagnostic] = []
    var yenBreaks = Set<Int>()
    for i in text.indices where text[i] == "\n" && i > 0 && Self.yen.contains(text[i - 1]) {
      // A full-width ￥ or ＼ typed for the backslash of a line break: it is printed.
      guard !block.isInCodeSpan(i - 1) else { continue }
      yenBreaks.insert(i)
      found.append(
        context.warning(
          block, at: i - 1,
          "「\(text[i - 1].character)」 does not start a new line: it is shown, and the next line is joined to this one",
          hint:
            "end the line with a half-width backslash `\\` instead (type it with the input in half-width mode; some fonts show it as ¥)"
        ).ja(
          "「\(text[i - 1].character)」では改行されません。「\(text[i - 1].character)」がそのまま表示され、次の行がこの行につながります",
          hint:
            "代わりに、行の終わりに半角のバックスラッシュ `\\` を書いてください（半角入力で打ちます。フォントによっては ¥ と表示されます）"
        ))
    }
    for i in text.indices where text[i] == "\n" {
      let next = i + 1
      let lineStart = (text[..<i].lastIndex(of: "\n") ?? -1) + 1
      // A ￥ typed for the break is reported above, with the fix for this line too.
      guard next < text.count, !yenBreaks.contains(i), !block.isInCodeSpan(next),
        !endsWithHardBreak(block, before: i),
        let start = Self.start(at: next, in: text, after: lineStart..<i)
          ?? (lineStart == 0 && !text[next].isHiragana && Self.isContactHeading(text[0..<i])
            ? .label : nil)
      else { continue }
      let shown = Self.joined(text, from: lineStart)
      let previous = text.excerpt(lineStart..<i)
      let backslash =
        "end the line before with a half-width backslash `\\` (\(Self.short(previous))\\)"
      let backslashJa =
        "前の行の終わりに半角のバックスラッシュ `\\` を書いてください（\(Self.short(previous))\\）"
      let hint: String
      let hintJa: String
      switch start {
      case .listItem(let item) where item.first?.isNumber == true:
        // `2.受付の後`, `（2）受付`: a numbered item, which needs a half-width space after
        // its number, not a hyphen.
        hint =
          "to make a numbered list, put an empty line before it and write each number with a half-width period and a space (`\(item)`); to start a new line inside a paragraph, \(backslash)"
        hintJa =
          "番号付きの箇条書きにするには、前に空行を入れ、番号の後ろに半角のピリオドと空白を書いてください（`\(item)`）。段落の中で改行するだけなら、\(backslashJa)"
      case .listItem(let item):
        hint =
          "to make a list, put an empty line before it and start each line with a hyphen and a space (`\(item)`); to start a new line inside a paragraph, \(backslash)"
        hintJa =
          "箇条書きにするには、前に空行を入れ、各行を半角のハイフンと空白で始めてください（`\(item)`）。段落の中で改行するだけなら、\(backslashJa)"
      case .laterNumber(let item):
        hint =
          "a numbered list right under a paragraph must start at 1 (`1. `): put an empty line before `\(item)` to start the list there, or number it from 1; to start a new line inside a paragraph, \(backslash)"
        hintJa =
          "段落のすぐ下の番号付き箇条書きは1から始める必要があります（`1. `）。ここから箇条書きにするなら `\(item)` の前に空行を入れるか、1から番号を付けてください。段落の中で改行するだけなら、\(backslashJa)"
      case .label:
        hint =
          "to keep each on a line of its own, \(backslash), or make a list: an empty line, then `- ` at the start of each line"
        hintJa =
          "1行ずつ分けて表示するには、\(backslashJa)。箇条書きにしてもかまいません（空行を入れて、各行を `- ` で始めます）"
      case .note:
        hint =
          "to keep each note on a line of its own, \(backslash), or put an empty line between the notes"
        hintJa = "注を1行ずつ分けて表示するには、\(backslashJa)。注と注の間に空行を入れてもかまいません"
      }
      found.append(
        context.warning(
          block, at: next,
          "a single line break does not start a new line: the page shows 「\(shown)」 on one line",
          hint: hint
        ).ja("1回の改行では行は分かれません。ページでは「\(shown)」と1行につながって表示されます", hint: hintJa))
      break
    }
    return found
  }

  /// What a writer types for a backslash with the Japanese input on: full-width ￥ and ＼.
  static let yen = CharacterClass("￥＼")

  /// Whether the line holding character `offset` ends with a hard break as written: a
  /// backslash (not itself escaped) or two spaces.
  private func endsWithHardBreak(_ block: LintBlock, before offset: Int) -> Bool {
    guard let (_, line) = block.sourceLine(of: offset) else { return false }
    if line.hasSuffix("  ") { return true }
    let backslashes = line.reversed().prefix { $0 == "\\" }.count
    if backslashes % 2 == 1 { return true }
    // `<br>` is a break where HTML is allowed; where it is not, lint.raw-html says so.
    let lower = line.lowercased()
    return lower.hasSuffix("<br>") || lower.hasSuffix("<br/>") || lower.hasSuffix("<br />")
  }

  /// What the line at `line` starts with, when it shows the line was meant to stand alone;
  /// `previous` is the line before it, in the same paragraph.
  static func start(at line: Int, in text: [LintCharacter], after previous: Range<Int>) -> Start? {
    // Full-width spaces typed to indent the line (Markdown keeps them as text).
    var i = line
    while i < text.count, text[i] == "\u{3000}" { i += 1 }
    let end = lineEnd(from: i, in: text)
    guard i < end else { return nil }
    let c = text[i]
    /// The line from `k` on, without the spaces at its start.
    func rest(from k: Int) -> String {
      String(text.string(k..<end).drop { $0 == " " || $0 == "\u{3000}" || $0 == "\t" })
    }
    if isNote(at: i, before: end, in: text) {
      // A note after a sentence reads well on its line; two notes run into one.
      var p = previous.lowerBound
      while p < previous.upperBound, text[p] == "\u{3000}" { p += 1 }
      return isNote(at: p, before: previous.upperBound, in: text) ? .note : nil
    }
    // ○印, ●印: the mark named in a sentence (「○印が会場です。」), not a bullet.
    if bullets.contains(c) || listMarks.contains(c), i + 1 < end, text[i + 1] == "印" {
      return nil
    }
    if bullets.contains(c) || (0x2460...0x2473).contains(c.scalar) {
      let item = rest(from: i + 1)
      guard !item.isEmpty, !(c == "・" && continuesEnumeration(previous, at: i, in: text)) else {
        return nil
      }
      // ① is a numbered list's item: `1. 受付`.
      let circled = (0x2460...0x2473).contains(c.scalar) ? Int(c.scalar) - 0x2460 + 1 : nil
      return .listItem((circled.map { "\($0). " } ?? "- ") + item)
    }
    if listMarks.contains(c), i + 1 < end {
      let after = text[i + 1]
      let item = rest(from: i + 1)
      // `-　筆記用具`: a full-width space is not the space a list mark needs.
      let spaced = after == "\u{3000}" || c == "－" && after == " "
      guard !item.isEmpty, spaced || !after.isWhitespace, after != c, !after.isArabicDigit
      else { return nil }
      return .listItem("- " + item)
    }
    if let numbered = numbered(at: i, before: end, in: text) { return numbered }
    guard isLabel(at: i, before: end, in: text), !endsMidClause(text[previous]) else { return nil }
    return .label
  }

  /// Marks typed for a list item: `-x`, `*x`, `+x` (no space), and the full-width hyphen.
  static let listMarks = CharacterClass("-*+－")

  /// ※, and `*1` or `*印` (an asterisk as a note mark, as in printed notices): a note.
  static func isNote(at i: Int, before end: Int, in text: [LintCharacter]) -> Bool {
    guard i < end else { return false }
    if text[i] == "※" { return true }
    guard text[i] == "*" || text[i] == "＊", i + 1 < end else { return false }
    return text[i + 1].isArabicDigit || text[i + 1] == "印"
  }

  /// A numbered item typed with a slip: `1.受付` or `1）受付` (no space, or a full-width one,
  /// or a full-width mark), `（1）受付`; or `2. 書類`, a list that does not start at 1, which
  /// CommonMark does not let interrupt a paragraph.
  static func numbered(at i: Int, before end: Int, in text: [LintCharacter]) -> Start? {
    let parenthesized = text[i] == "(" || text[i] == "（"
    var k = parenthesized ? i + 1 : i
    var number = 0
    var ascii = true
    while k < end, text[k].isArabicDigit, k - i < 9 {
      number = number * 10 + text[k].digitValue
      ascii = ascii && text[k].scalar < 0x80
      k += 1
    }
    let digits = k - (parenthesized ? i + 1 : i)
    guard digits > 0, k + 1 < end, case let mark = text[k],
      parenthesized ? mark == ")" || mark == "）" : ".．)）".contains(mark.character)
    else { return nil }
    let after = text[k + 1]
    guard !after.isArabicDigit, !".．)）".contains(after.character),
      !particles.contains(after)
    else { return nil }
    let item = String(text.string((k + 1)..<end).drop { $0 == " " || $0 == "\u{3000}" })
    guard !item.isEmpty else { return nil }
    if after == " ", !parenthesized, ascii, mark == "." || mark == ")" {
      // `2. 書類`: a list item, but one that only an empty line before it lets start.
      guard number != 1, digits <= 2 else { return nil }
      return .laterNumber("\(number)\(mark.character) " + item)
    }
    guard !after.isWhitespace || after == " " || after == "\u{3000}" else { return nil }
    return .listItem("\(number). " + item)
  }

  /// Hiragana particles that a word after a number (`（1）の場合`) starts with.
  static let particles = CharacterClass("のをにはがでとへもや")

  /// Whether a line ends in the middle of a clause (with a particle, a te-form or 、): the
  /// next line goes on with the sentence (「参加する方は次の点に」「注意：…」).
  static func endsMidClause(_ line: ArraySlice<LintCharacter>) -> Bool {
    var end = line.endIndex
    while end > line.startIndex, line[end - 1].isWhitespace { end -= 1 }
    guard end > line.startIndex else { return false }
    return midClauseEnds.contains(line[end - 1])
  }

  static let midClauseEnds = CharacterClass("にはがをでとのもへやて、，")

  /// 千葉市・市川市・船橋市 / ・松戸市・柏市: a line of names joined by ・, wrapped before a ・.
  /// The line before does not start with a bullet and ends with a name after a ・; the line
  /// at `dot` has a name and another ・.
  static func continuesEnumeration(
    _ previous: Range<Int>, at dot: Int, in text: [LintCharacter]
  ) -> Bool {
    func isName(_ c: LintCharacter) -> Bool { c.isWordCharacter || c == "ー" || c == "々" }
    var first = previous.lowerBound
    while first < previous.upperBound, text[first].isWhitespace { first += 1 }
    guard first < previous.upperBound, !bullets.contains(text[first]),
      let lastDot = text[previous].lastIndex(of: "・"), lastDot > first,
      case let name = text[(lastDot + 1)..<previous.upperBound], (1...12).contains(name.count),
      name.allSatisfy(isName)
    else { return false }
    var k = dot + 1
    while k < text.count, isName(text[k]), k - dot <= 12 { k += 1 }
    return k > dot + 1 && k < text.count && text[k] == "・"
  }

  /// A line that is a label of its own: 電話：, 日　時：, FAX:, 【日時】, 〒260-8667, →.
  static func isLabel(at i: Int, before end: Int, in text: [LintCharacter]) -> Bool {
    if text[i] == "〒" || text[i] == "→" || text[i] == "⇒" { return true }
    if isQuestionOrAnswer(at: i, before: end, in: text) { return true }
    if text[i] == "【", let close = text[i..<end].firstIndex(of: "】") {
      return (2...12).contains(close - i) && !text[(i + 1)..<close].contains(where: \.endsSentence)
    }
    return label(at: i, in: text)
  }

  /// A question's or an answer's mark, as よくある質問 are written: Q．, A．, Ｑ1., A:, Q）,
  /// Q　(a letter, a number or none, then a dot, a colon, a bracket or a space, then text).
  static func isQuestionOrAnswer(at i: Int, before end: Int, in text: [LintCharacter]) -> Bool {
    guard qaLetters.contains(text[i]) else { return false }
    var k = i + 1
    while k < end, text[k].isArabicDigit { k += 1 }
    return k + 1 < end && qaMarks.contains(text[k]) && !text[k + 1].isWhitespace
      || k + 2 < end && qaMarks.contains(text[k]) && text[k] != " " && text[k + 1] == " "
  }

  static let qaLetters = CharacterClass("QAＱＡ")
  static let qaMarks = CharacterClass(".．:：)）\u{3000} ")

  /// 電話：, ファクス：, FAX:, E-mail:, 日　時： (spaced to line up), 日時 ： at `i`: up to 10
  /// letters (not only digits, so 10:00 is a time) and a colon, not an address's scheme
  /// (https://, mailto:a@b; `TEL:` is a label: a `tel:` address is not written as text).
  static func label(at i: Int, in text: [LintCharacter]) -> Bool {
    var end = i
    var letters = 0
    var spaces = 0
    while end < text.count, end - i <= 12 {
      let c = text[end]
      if c.isWordCharacter || c == "ー" || c == "-" {
        letters += 1
      } else if c == " " || c == "\u{3000}", letters > 0, spaces < 2,
        end > i, text[end - 1] != " ", text[end - 1] != "\u{3000}"
      {
        spaces += 1
      } else {
        break
      }
      end += 1
    }
    // Spaces before the colon (`日時 ：`) but not a sentence's words spaced apart.
    guard letters > 0, letters <= 10, spaces == 0 || letters <= 6, end < text.count,
      text[end] == "：" || text[end] == ":",
      text[i..<end].contains(where: { !$0.isArabicDigit && !$0.isWhitespace })
    else { return false }
    if text[end] == ":" {
      let word = text.string(i..<end).lowercased()
      let after = end + 1 < text.count ? text[end + 1] : "\n"
      let address = text[(end + 1)..<lineEnd(from: end, in: text)].prefix { !$0.isWhitespace }
      if after == "/" || ["http", "https", "ftp"].contains(word) && !address.isEmpty
        || word == "mailto" && address.contains("@") || word == "data" && address.contains(",")
      {
        return false
      }
    }
    return true
  }

  /// 問い合わせ先 and the like alone on a paragraph's first line: the lines under it are the
  /// address, each meant on a line of its own.
  static func isContactHeading(_ line: ArraySlice<LintCharacter>) -> Bool {
    var written = ""
    for c in line { c.append(to: &written) }
    var s = written.trimmingWhitespace
    if s.hasSuffix("：") || s.hasSuffix(":") { s = s.dropLast() }
    return contactHeadings.contains(String(s))
  }

  static let contactHeadings: Set<String> = [
    "問い合わせ先", "お問い合わせ先", "お問い合わせ", "問い合わせ", "問合せ先", "問合わせ先", "お問合せ先",
    "お問合せ", "連絡先", "申込先", "申し込み先", "提出先", "送付先",
  ]

  private static func lineEnd(from i: Int, in text: [LintCharacter]) -> Int {
    text[i...].firstIndex(of: "\n") ?? text.count
  }

  /// The paragraph from `start` as the page shows it: a line break the build removes
  /// (`MarkdownDocument.joinsLines`: between Japanese characters, before ①, after ※…)
  /// left out, another one a space; cut after 40 characters.
  static func joined(_ text: [LintCharacter], from start: Int) -> String {
    var out = ""
    var count = 0
    for k in start..<text.count {
      let c = text[k]
      if c == "\n" {
        let scalar = { (i: Int) in i >= 0 && i < text.count ? Unicode.Scalar(text[i].scalar) : nil }
        if let last = scalar(k - 1), let after = scalar(k + 1),
          MarkdownDocument.joinsLines((scalar(k - 2), last), after)
        {
          continue
        }
        out += " "
      } else {
        c.append(to: &out)
      }
      count += 1
      if count >= 40, k + 1 < text.count {
        out += "…"
        break
      }
    }
    return out
  }

  /// The end of a line, for the hint: its last 10 characters.
  static func short(_ line: String) -> String {
    line.count > 10 ? "…" + line.suffix(10) : line
  }
}

extension LintCharacter {
  /// ASCII 0–9: the digits of a Markdown list mark.
  var isASCIIDigit: Bool { (0x30...0x39).contains(scalar) }
}
