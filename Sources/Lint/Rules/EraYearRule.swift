import Diagnostics

/// A year in the Japanese era (令和8年, 令和8年度) without its Western year: residents from
/// abroad, and many who are not, do not count in eras, and the やさしい日本語 style writes the
/// Western year, with the era beside it where one is needed: 令和8年（2026年）, as the shipped
/// pages do. The year is certain, so `--fix` writes it in brackets after the era year. An era
/// year that never was (平成35年: 平成 ended in its 31st year) is reported without a fix.
struct EraYearRule: Rule {
  let id = "lint.era-year"
  let fix: FixSummary? = FixSummary("the Western year of an era year (令和8年)", "和暦に添える西暦（令和8年）")
  let summary = "A year in the Japanese era (令和8年) without the Western year (2026年) beside it."
  let japaneseSummary = "和暦の年（令和8年）に、西暦（2026年）が書き添えられていません。"

  /// Each era: its name, the Western year before its first (令和1年 is 2019), and its last
  /// year (nil for the era still running).
  static let eras: [(name: [LintCharacter], before: Int, last: Int?)] = [
    ("令和", 2018, nil), ("平成", 1988, 31), ("昭和", 1925, 64), ("大正", 1911, 15),
    ("明治", 1867, 45),
  ].map { (LintCharacter.array($0.0), $0.1, $0.2) }

  static let firstCharacters = CharacterClass(eras.map { $0.name[0].character })
  static let western = LintCharacter.array("西暦")

  /// An era year found: where it is, its year in the era and whether it is a fiscal year (年度).
  struct Found {
    var range: Range<Int>
    var era: Int
    var number: Int
    var fiscal: Bool
    /// 昭和40年代: ten years from that one, whose Western years are a span, not a year to
    /// put after 年 (`--fix` made 昭和40年（1965年）代).
    var decade = false
  }

  func check(_ block: LintBlock, _ context: RuleContext) -> [Diagnostic] {
    var result: [Diagnostic] = []
    let text = block.text
    var i = 0
    while i < text.count {
      if let short = Self.shortDate(in: text, at: i) {
        if !block.isInCodeSpan(i) { result.append(shortDateWarning(short, block, context)) }
        i = short.range.upperBound
        continue
      }
      guard Self.firstCharacters.contains(text[i]), let found = Self.eraYear(in: text, at: i) else {
        i += 1
        continue
      }
      i = found.range.upperBound
      guard !Self.hasWesternYear(text, found.range), !block.isInCodeSpan(found.range.lowerBound),
        !text.isQuoted(found.range),
        !found.range.contains(where: { block.furigana[$0] })
      else { continue }
      let era = Self.eras[found.era]
      let name = era.name.string(era.name.indices)
      let quoted = text.string(found.range)
      if let last = era.last, found.number > last {
        let end = era.before + last
        result.append(
          context.warning(
            block, at: found.range.lowerBound,
            "「\(quoted)」 is no year: \(name) ended with \(name)\(last)年 (\(end)年)",
            hint: "check the year; in Western years: \(name)\(last)年 is \(end)年"
          ).ja(
            "「\(quoted)」という年はありません。\(name)は\(last)年（\(end)年）までです",
            hint: "年を確かめてください"))
        continue
      }
      if found.decade {
        let first = era.before + found.number
        let span = "\(first)〜\(first + 9)年"
        result.append(
          context.warning(
            block, at: found.range.lowerBound,
            "「\(quoted)」 is a decade in an era without its Western years: many residents do not count in eras",
            hint: "write the Western years beside it: \(quoted)（\(span)）"
          ).ja(
            "「\(quoted)」に西暦が書かれていません。和暦では何年のことかわからない人がいます",
            hint: "かっこで西暦を書き添えてください：\(quoted)（\(span)）"))
        continue
      }
      let suffix = found.fiscal ? "年度" : "年"
      let year = "\(era.before + found.number)\(suffix)"
      let last = found.range.upperBound - 1
      let end = text.string(last..<(last + 1))
      result.append(
        context.warning(
          block, at: found.range.lowerBound,
          "「\(quoted)」 is an era year without the Western year: many residents do not count in eras",
          hint: "write the Western year beside it: \(quoted)（\(year)）"
        ).ja(
          "「\(quoted)」に西暦が書かれていません。和暦では何年のことかわからない人がいます",
          hint: "かっこで西暦を書き添えてください：\(quoted)（\(year)）"
        ).fixing(end, with: "\(end)（\(year)）", at: block.location(of: last)))
    }
    return result
  }

  /// An era date in the short form of official documents (R7.6.13, H31.4.30): the era's
  /// initial, its year, month and day joined by dots.
  struct ShortDate {
    var range: Range<Int>
    var era: Int
    var year: Int
    var month: Int
    var day: Int
  }

  /// The initials of the eras in use, as `eras` orders them (令和 R, 平成 H, 昭和 S); T and M
  /// (大正, 明治) start model and version numbers more often than dates.
  static let initials: [UInt32] = [0x52, 0x48, 0x53]

  /// A short era date starting at `i`, or nil: an initial (not after a Latin letter or digit),
  /// 1–2 digits, `.`, 1–2 digits, `.`, 1–2 digits, and no digit, letter or `.` and digit after;
  /// a month and day that can be, in a year the era had.
  static func shortDate(in text: [LintCharacter], at i: Int) -> ShortDate? {
    guard let e = initials.firstIndex(of: text[i].scalar),
      i == 0 || !(text[i - 1].isLatinWordCharacter || text[i - 1] == ".")
    else { return nil }
    var k = i + 1
    var parts: [Int] = []
    while parts.count < 3 {
      let start = k
      var value = 0
      while k < text.count, k - start < 2, text[k].scalar >= 0x30, text[k].scalar <= 0x39 {
        value = value * 10 + Int(text[k].scalar - 0x30)
        k += 1
      }
      guard k > start else { return nil }
      parts.append(value)
      if parts.count < 3 {
        guard k < text.count, text[k] == "." else { return nil }
        k += 1
      }
    }
    if k < text.count,
      text[k].isLatinWordCharacter
        || text[k] == "." && k + 1 < text.count
          && text[k + 1].isArabicDigit
    {
      return nil
    }
    let (year, month, day) = (parts[0], parts[1], parts[2])
    guard year >= 1, eras[e].last.map({ year <= $0 }) ?? true, (1...12).contains(month),
      (1...31).contains(day)
    else { return nil }
    return ShortDate(range: i..<k, era: e, year: year, month: month, day: day)
  }

  /// The warning for a short era date: written out, with its Western year.
  private func shortDateWarning(_ d: ShortDate, _ block: LintBlock, _ context: RuleContext)
    -> Diagnostic
  {
    let era = Self.eras[d.era]
    let name = era.name.string(era.name.indices)
    let quoted = block.text.string(d.range)
    let written = "\(name)\(d.year)年（\(era.before + d.year)年）\(d.month)月\(d.day)日"
    return context.warning(
      block, at: d.range.lowerBound,
      "「\(quoted)」 is an era date in the short form of official documents, which many residents cannot read",
      hint: "write it out: \(written)"
    ).ja(
      "「\(quoted)」は和暦の日付を略した書き方で、読めない人が多くいます",
      hint: "略さずに書いてください：\(written)")
  }

  /// An era year starting at `i`: the era's name, 元 or Arabic digits, 年 and perhaps 度.
  static func eraYear(in text: [LintCharacter], at i: Int) -> Found? {
    guard let e = eras.firstIndex(where: { text.hasPrefix($0.name, at: i) }) else { return nil }
    var k = i + 2
    var number = 0
    if k < text.count, text[k] == "元" {
      number = 1
      k += 1
    } else {
      let start = k
      while k < text.count, text[k].isArabicDigit, k - start < 3 {
        number = number * 10 + text[k].digitValue
        k += 1
      }
      guard k > start, number > 0, k < text.count, !text[k].isArabicDigit else { return nil }
    }
    guard k < text.count, text[k] == "年" else { return nil }
    k += 1
    // An edition's name (情報通信白書令和3年版) is a title, quoted as published.
    if k < text.count, text[k] == "版" { return nil }
    let fiscal = k < text.count && text[k] == "度"
    let decade = k < text.count && text[k] == "代"
    return Found(
      range: i..<(k + (fiscal || decade ? 1 : 0)), era: e, number: number, fiscal: fiscal,
      decade: decade)
  }

  /// Whether a Western year stands beside the era year in brackets: after it (令和8年（2026年）,
  /// 令和8年（西暦2026年）) or before it (2026年（令和8年）, 2026年度（令和8年度）).
  static func hasWesternYear(_ text: [LintCharacter], _ range: Range<Int>) -> Bool {
    var k = range.upperBound
    while k < text.count, text[k] == " " || text[k] == "　" { k += 1 }
    if westernYearInBrackets(text, at: k) != nil { return true }
    var j = range.lowerBound - 1
    guard j >= 0, text[j].isOpeningParenthesis else { return false }
    j -= 1
    if j >= 0, text[j] == "度" { j -= 1 }
    return j >= 1 && text[j] == "年" && text[j - 1].isArabicDigit
  }

  /// The end of a Western year in brackets at `k` (（2026年）, (2026年度), （西暦2026年）, a
  /// decade's （1965〜1974年）), or nil.
  static func westernYearInBrackets(_ text: [LintCharacter], at k: Int) -> Int? {
    guard k < text.count, text[k].isOpeningParenthesis else { return nil }
    var j = k + 1
    if text.hasPrefix(western, at: j) { j += 2 }
    let start = j
    while j < text.count, text[j].isArabicDigit { j += 1 }
    guard j - start == 4, j < text.count else { return nil }
    // A span, for a decade: （1965〜1974年）.
    if "〜～-–".contains(text[j].character) {
      let next = j + 1
      j = next
      while j < text.count, text[j].isArabicDigit { j += 1 }
      guard j - next == 4, j < text.count else { return nil }
    }
    guard text[j] == "年" else { return nil }
    j += 1
    if j < text.count, text[j] == "度" { j += 1 }
    return j < text.count && text[j].isClosingParenthesis ? j + 1 : nil
  }
}
