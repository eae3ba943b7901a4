import Diagnostics

/// The front matter's texts (`title`, `summary`, a glossary entry's `short`, an event's
/// `application` and `access`) are shown as plain text in lists, search results, shared cards
/// and the page's head: furigana, bold and links written there are printed as typed
/// (「{綺麗|きれい}な海」 in every list). Runs on front matter values only.
struct FrontMatterMarkupRule: Rule {
  let id = "lint.front-matter-markup"
  let summary =
    "Furigana {漢字|かんじ}, **bold** or [links](…) in title, summary and the other front matter texts, which show them as typed."
  let japaneseSummary = "ページの先頭（--- の間）の title や summary などに書いたふりがな・太字・リンクは、書いたまま表示されます。"

  func check(page: LintPage, _ context: RuleContext) -> [Diagnostic] {
    guard let key = page.frontMatterKey else { return [] }
    var found: [Diagnostic] = []
    for (index, text) in page.source.lineTexts.enumerated() {
      let line = Array(text)
      func warn(
        _ i: Int, _ shown: String, _ what: String, hint: String, japanese: (String, hint: String)
      ) {
        found.append(
          .warning(
            SourceLocation(file: page.source.file, line: index + 1, column: i + 1),
            "「\(shown)」 is shown as typed: `\(key)` is plain text, so \(what) does not work there",
            hint: hint, code: id
          ).ja(
            "「\(shown)」は書いたまま表示されます。`\(key)` は文字だけが表示されるため、\(japanese.0)は使えません",
            hint: japanese.hint))
      }
      var i = 0
      while i < line.count {
        if line[i] == "{", let (bar, close) = Self.ruby(at: i, in: line) {
          let base = String(line[(i + 1)..<bar])
          let reading = String(line[(bar + 1)..<close])
          warn(
            i, String(line[i...close]), "furigana",
            hint:
              "write \(base) without the braces, or a plainer word (\(base) → \(reading)); give the reading in the body, where furigana works",
            japanese: (
              "ふりがな",
              hint:
                "`{ }` を付けずに「\(base)」と書くか、わかりやすい言葉にしてください（\(base) → \(reading)）。読み方は、ふりがなが使える本文で示してください"
            ))
          i = close + 1
          continue
        }
        if line[i] == "*", i + 1 < line.count, line[i + 1] == "*",
          let close = Self.find(["*", "*"], in: line, from: i + 3)
        {
          let inner = String(line[(i + 2)..<close])
          warn(
            i, String(line[i..<(close + 2)]), "bold",
            hint: "write \(inner) without the `**`; a word to stress can be bold in the body",
            japanese: (
              "太字",
              hint: "`**` を付けずに「\(inner)」と書いてください。強調したい言葉は、本文なら太字にできます"
            ))
          i = close + 2
          continue
        }
        if line[i] == "[" || (line[i] == "!" && i + 1 < line.count && line[i + 1] == "["),
          let (middle, close) = Self.link(at: line[i] == "!" ? i + 1 : i, in: line)
        {
          let words = String(line[((line[i] == "!" ? i + 1 : i) + 1)..<middle])
          warn(
            i, String(line[i...close]), "a link",
            hint: "write only the words (\(words)) and put the link in the body",
            japanese: ("リンク", hint: "文字だけ（\(words)）を書き、リンクは本文に置いてください"))
          i = close + 1
          continue
        }
        i += 1
      }
    }
    return found
  }

  /// `{漢字|かんじ}` or `{漢字｜かんじ}` at `open`: the bar's and the `}`'s offsets.
  static func ruby(at open: Int, in line: [Character]) -> (Int, Int)? {
    guard let close = line[(open + 1)...].firstIndex(where: { $0 == "}" || $0 == "{" }),
      line[close] == "}",
      let bar = line[(open + 1)..<close].firstIndex(where: { $0 == "|" || $0 == "｜" }),
      bar > open + 1, bar + 1 < close
    else { return nil }
    return (bar, close)
  }

  /// `[text](address)` at `open`: the offsets of `](` and of `)`.
  static func link(at open: Int, in line: [Character]) -> (Int, Int)? {
    guard let middle = find(["]", "("], in: line, from: open + 1),
      !line[(open + 1)..<middle].contains("["),
      let close = line[(middle + 2)...].firstIndex(of: ")"), close > middle + 2
    else { return nil }
    return (middle, close)
  }

  static func find(_ pattern: [Character], in line: [Character], from start: Int) -> Int? {
    guard start < line.count else { return nil }
    for k in start..<line.count where line.hasPrefix(pattern, at: k) { return k }
    return nil
  }
}
