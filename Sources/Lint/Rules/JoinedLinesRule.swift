import Diagnostics
import Markdown

/// Lines meant as a list or as lines of their own, written one under the other in a paragraph:
/// cmark-gfm joins a paragraph's lines (and the build removes the break between two Japanese
/// characters), so 「持ち物」「・筆記用具」「・上履き」 under each other become 「持ち物・筆記用具・上履き」,
/// and a contact block runs together (「デジタル改革推進局電話：043-…」). A line is taken as meant
/// to stand alone when it starts with a bullet (・ ● ■ …), a list mark without its space (`-x`,
/// `*x`, `1.x`), or a short label and a colon (電話：, FAX:). A line after a hard break
/// (a trailing `\` or two spaces) is a line of its own already, and a ※ note is left alone: a
/// note after a sentence reads well on the same line. One warning per paragraph, at the first
/// such line.
struct JoinedLinesRule: Rule {
  let id = "lint.joined-lines"
  let summary =
    "Lines meant as a list or as lines of their own (・筆記用具, -x, 1.x, 電話：…) joined into one paragraph."

  /// Bullets writers type for a list; circled numbers for a numbered one.
  static let bullets = CharacterClass("・•●○◎■□◆◇★☆▪▫")

  /// What a line starts with that shows it was meant to stand alone, and how to write it.
  enum Start {
    /// A bullet or a list mark without its space: the list item to write.
    case listItem(String)
    /// A label and its colon (電話：).
    case label
  }

  func check(_ block: LintBlock, _ context: RuleContext) -> [Diagnostic] {
    guard block.kind == .paragraph, !context.inFrontMatter else { return [] }
    let text = block.text
    var found: [Diagnostic] = []
    for i in text.indices where text[i] == "\n" && i > 0 && Self.yen.contains(text[i - 1]) {
      // A full-width ￥ or ＼ typed for the backslash of a line break: it is printed.
      guard !block.isInCodeSpan(i - 1) else { continue }
      found.append(
        context.warning(
          block, at: i - 1,
          "「\(text[i - 1].character)」 does not start a new line: it is shown, and the next line is joined to this one",
          hint:
            "end the line with a half-width backslash `\\` instead (type it with the input in half-width mode; some fonts show it as ¥)"
        ))
    }
    for i in text.indices where text[i] == "\n" {
      let next = i + 1
      guard next < text.count, let start = Self.start(at: next, in: text),
        !block.isInCodeSpan(next), !endsWithHardBreak(block, before: i)
      else { continue }
      let lineStart = (text[..<i].lastIndex(of: "\n") ?? -1) + 1
      let shown = Self.joined(text, from: lineStart)
      let previous = text.excerpt(lineStart..<i)
      let hint: String
      switch start {
      case .listItem(let item):
        hint =
          "to make a list, put an empty line before it and start each line with a hyphen and a space (`\(item)`); to start a new line inside a paragraph, end the line before with a half-width backslash `\\` (\(Self.short(previous))\\)"
      case .label:
        hint =
          "to keep each on a line of its own, end the line before with a half-width backslash `\\` (\(Self.short(previous))\\), or make a list: an empty line, then `- ` at the start of each line"
      }
      found.append(
        context.warning(
          block, at: next,
          "a single line break does not start a new line: the page shows 「\(shown)」 on one line",
          hint: hint))
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

  /// What the line at `i` starts with, when it shows the line was meant to stand alone.
  static func start(at i: Int, in text: [LintCharacter]) -> Start? {
    let c = text[i]
    let rest = text.excerpt((i + 1)..<lineEnd(from: i + 1, in: text))
    if bullets.contains(c) || (0x2460...0x2473).contains(c.scalar) {
      let item = String(rest.drop { $0 == " " || $0 == "\u{3000}" })
      guard !item.isEmpty else { return nil }
      // ① is a numbered list's item: `1. 受付`.
      let circled = (0x2460...0x2473).contains(c.scalar) ? Int(c.scalar) - 0x2460 + 1 : nil
      return .listItem((circled.map { "\($0). " } ?? "- ") + item)
    }
    if c == "-" || c == "*" || c == "+", i + 1 < text.count {
      let after = text[i + 1]
      guard !after.isWhitespace, after != c, after != "\n", !(c != "*" && after.isArabicDigit)
      else { return nil }
      return .listItem("- " + rest)
    }
    if c.isASCIIDigit {
      var end = i
      while end < text.count, text[end].isASCIIDigit, end - i < 9 { end += 1 }
      if end < text.count, text[end] == "." || text[end] == ")", end + 1 < text.count,
        case let after = text[end + 1], !after.isWhitespace, !after.isArabicDigit,
        after != "." && after != ")"
      {
        return .listItem(
          text.excerpt(i..<(end + 1)) + " " + text.excerpt((end + 1)..<lineEnd(from: end, in: text))
        )
      }
    }
    return label(at: i, in: text) ? .label : nil
  }

  /// 電話：, ファクス：, FAX:, E-mail: at `i`: up to 10 letters (not only digits, so 10:00
  /// is a time) and a colon, not an address's scheme (https:).
  static func label(at i: Int, in text: [LintCharacter]) -> Bool {
    var end = i
    while end < text.count, end - i <= 10,
      text[end].isWordCharacter || text[end] == "ー" || text[end] == "-"
    {
      end += 1
    }
    guard end > i, end - i <= 10, end < text.count, text[end] == "：" || text[end] == ":",
      text[i..<end].contains(where: { !$0.isArabicDigit })
    else { return false }
    if text[end] == ":" {
      let word = text.string(i..<end).lowercased()
      let after = end + 1 < text.count ? text[end + 1] : "\n"
      if ["http", "https", "mailto", "tel", "ftp", "data"].contains(word) || after == "/" {
        return false
      }
    }
    return true
  }

  private static func lineEnd(from i: Int, in text: [LintCharacter]) -> Int {
    text[i...].firstIndex(of: "\n") ?? text.count
  }

  /// The paragraph from `start` as the page shows it: a line break between two Japanese
  /// characters removed (as the build does), another one a space; cut after 40 characters.
  static func joined(_ text: [LintCharacter], from start: Int) -> String {
    var out = ""
    var count = 0
    for k in start..<text.count {
      let c = text[k]
      if c == "\n" {
        let before = k > 0 ? text[k - 1].scalar : 0
        let after = k + 1 < text.count ? text[k + 1].scalar : 0
        let wide = [before, after].allSatisfy {
          Unicode.Scalar($0).map(MarkdownDocument.isWide) ?? false
        }
        if wide { continue }
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
