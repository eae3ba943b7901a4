import Content
import Diagnostics
import Markdown

/// The front matter's texts are shown as text in lists, search results, shared cards and the
/// page's head: bold and links written there are printed as typed (「**重要**」 in every list),
/// and so are furigana outside the texts that take them (`title`, `summary`, a glossary
/// entry's `short`, an event's `place`: `PageFurigana.keys`), such as an event's `application`.
/// Where furigana work, a group the page would show as typed (`{漢字|}`, a `}` left out) is
/// reported as in a body. Runs on front matter values only.
struct FrontMatterMarkupRule: Rule {
  let id = "lint.front-matter-markup"
  /// Reads the source lines only (`page.source.lineTexts`).
  let readsBlocks = false
  let summary =
    "**Bold** or [links](…) in the front matter's texts, which show them as typed; furigana {漢字|かんじ} outside title, summary, short and place, or left unfinished ({漢字|}, no `}`)."
  let japaneseSummary =
    "ページの先頭（--- の間）の title や summary などに書いた太字・リンクは、書いたまま表示されます（ふりがなは title・summary・short・place で使えます）。"

  func check(page: LintPage, _ context: RuleContext) -> [Diagnostic] {
    guard let key = page.frontMatterKey else { return [] }
    let takesFurigana = PageFurigana.keys.contains(key)
    var found: [Diagnostic] = []
    // Every finding starts at a `{`, `*` or `[`: a line without one is not made characters
    // (most titles and summaries).
    for (index, text) in page.source.lineTexts.enumerated()
    where text.utf8.contains(where: { $0 == 0x7B || $0 == 0x2A || $0 == 0x5B }) {
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
      /// A group the page shows as typed where furigana work, worded as the body's
      /// `lint.markdown` says it.
      func unfinished(
        _ i: Int, _ shown: String, _ what: String, hint: String, ja: (String, hint: String)
      ) {
        found.append(
          .warning(
            SourceLocation(file: page.source.file, line: index + 1, column: i + 1),
            "`\(shown)` is shown as typed: \(what)", hint: hint, code: id
          ).ja("`\(shown)` がそのまま表示されます。\(ja.0)", hint: ja.hint))
      }
      /// Furigana in a text shown as typed, `{` at `i`: warned; where to go on.
      func furiganaShownAsTyped(_ i: Int, bar: Int, close: Int) -> Int {
        let base = String(line[(i + 1)..<bar])
        // A reading per character (`{綺麗|き|れい}`) is the word's reading joined: きれい.
        let reading = String(line[(bar + 1)..<close].filter { !RubyScanner.isBar($0) })
        warn(
          i, String(line[i...close]), "furigana",
          hint:
            "write \(base) without the braces, or a plainer word (\(base) → \(reading)); furigana work in the body and in title, summary, short and place",
          japanese: (
            "ふりがな",
            hint:
              "`{ }` を付けずに「\(base)」と書くか、わかりやすい言葉にしてください（\(base) → \(reading)）。ふりがなは、本文と title・summary・short・place で使えます"
          ))
        return close + 1
      }
      var i = 0
      while i < line.count {
        let ruby =
          line[i] == "{"
          ? RubyScanner.match(at: i, count: line.count) { RubyScanner.mark(of: line[$0]) } : nil
        switch ruby {
        case .group(let group)? where takesFurigana:
          // Furigana work here: shown as ruby, plain in the page's head.
          i = group.close + 1
          continue
        case .extraBar(let bar, let close)? where takesFurigana:
          let hint = SecondBarFurigana.hint(
            base: String(line[(i + 1)..<bar]), readings: String(line[(bar + 1)..<close]))
          unfinished(
            i, String(line[i...close]), SecondBarFurigana.why.english, hint: hint.0,
            ja: (SecondBarFurigana.why.ja, hint: hint.ja))
          i = close + 1
          continue
        case .emptyReading(let bar, let close)? where takesFurigana:
          let base = String(line[(i + 1)..<bar])
          unfinished(
            i, String(line[i...close]), "the reading is empty",
            hint: "write the reading after the bar: {\(base)|よみ}, or remove the braces",
            ja: (
              "読み方が書かれていません",
              hint: "`|` の後ろに読み方を書くか（`{\(base)|よみ}`）、`{ }` を外してください"
            ))
          i = close + 1
          continue
        case .unclosed(let bar)? where takesFurigana:
          let base = String(line[(i + 1)..<bar])
          let closed = UnclosedFurigana.closed(base: base, after: line[(bar + 1)...])
          unfinished(
            i, String(line[i...bar]) + "…", "the furigana is not closed with `}`",
            hint: "close it with `}`: \(closed)",
            ja: (
              "ふりがなが `}` で閉じられていません",
              hint: "最後に `}` を付けてください：`\(closed)`"
            ))
          i = bar + 1
          continue
        case .group(let group)?:
          i = furiganaShownAsTyped(i, bar: group.bar, close: group.close)
          continue
        case .extraBar(let bar, let close)?:
          i = furiganaShownAsTyped(i, bar: bar, close: close)
          continue
        default:
          break
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
