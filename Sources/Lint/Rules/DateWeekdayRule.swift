import Diagnostics

/// A date for residents (an event, a deadline) is easier to act on with its weekday: 12月5日（土）.
/// Matches Arabic-numeral dates `M月D日`, with an optional `YYYY年` or era year before them.
/// Dates that state a point in time rather than a day to plan for (…現在, …時点, …付) and
/// yearly dates (毎年4月1日) are left alone.
///
/// The weekday is only useful when it is right: with a year, a written weekday is checked
/// against the calendar and a missing one is suggested; a day that does not exist (2月30日,
/// 13月1日) is reported whether or not a weekday follows.
struct DateWeekdayRule: Rule {
  let id = "lint.date-weekday"
  let fix: FixSummary? = FixSummary("a weekday known from the year", "年のある日付の曜日")
  let summary = "A date without its weekday, such as 12月5日 instead of 12月5日（土）."
  let japaneseSummary = "日付に曜日がありません（12月5日 → 12月5日（土））。"

  static let weekdayNames: [Character] = ["日", "月", "火", "水", "木", "金", "土"]
  static let weekdays = CharacterClass("月火水木金土日祝")
  static let pointInTime = ["現在", "時点", "付"].map(LintCharacter.array)
  /// What a date records, not a day to plan for (令和5年3月20日策定, …に決定): a plan's or a law's
  /// history, where a weekday helps nobody.
  static let recorded = [
    "策定", "決定", "改定", "制定", "施行", "公布", "公表", "発表", "設立", "設置", "発足", "閣議決定",
    "改訂", "改正",
  ].map(LintCharacter.array)
  /// What joins the two dates of a span (6月13日から6月20日まで, 12月28日〜1月4日): the second
  /// written without its year has the first's.
  static let spanJoins = ["から", "〜", "～", "-", "－", "–", "—"].map(LintCharacter.array)
  static let yearly = LintCharacter.array("毎年")

  /// A date found in the text: where it is, and its year when one is written.
  struct Found {
    var range: Range<Int>
    var year: Int?
    var month: Int
    var day: Int
  }

  func check(_ block: LintBlock, _ context: RuleContext) -> [Diagnostic] {
    var result: [Diagnostic] = []
    let text = block.text
    var i = 0
    // The last date with a year: its end, year and month, for the second date of a span.
    var previous: (end: Int, year: Int, month: Int)? = nil
    while i < text.count {
      guard var found = date(in: text, at: i) else {
        i += 1
        continue
      }
      i = found.range.upperBound
      if found.year == nil, let p = previous,
        Self.joinsSpan(text, from: p.end, to: found.range.lowerBound)
      {
        found.year = found.month < p.month ? p.year + 1 : p.year
      }
      if let year = found.year { previous = (found.range.upperBound, year, found.month) }
      // On an event's page a date without its year is in the event's year
      // (`EventMeta.yearOfDay`; 最終日の12月18日(木)): a weekday copied from last year's flyer
      // was not checked.
      // Not when its sentence says it is of another time (前回は12月14日(日)に開きました).
      var yearOfEvent: Int?
      if found.year == nil, let guess = context.yearOfDay,
        !Self.saysAnotherTime(text, before: found.range.lowerBound)
      {
        yearOfEvent = guess(found.month, found.day)
        found.year = yearOfEvent
      }
      let quoted = text.excerpt(found.range)
      if let problem = Self.impossible(found) {
        result.append(
          context.warning(
            block, at: found.range.lowerBound, "「\(quoted)」 is not a date: \(problem)",
            hint: "check the month and the day"
          ).ja(
            "「\(quoted)」という日付はありません。\(Self.impossible(found, japanese: true) ?? "")",
            hint: "月と日を確かめてください"))
        continue
      }
      var after = found.range.upperBound
      // Spaces, and an invisible character (lint.invisible-character's), before the weekday:
      // it is written, and --fix would write it twice.
      while after < text.count,
        text[after] == " " || text[after] == "　"
          || Unicode.Scalar(text[after].scalar).flatMap(InvisibleCharacter.kind) != nil
      {
        after += 1
      }
      if after + 1 < text.count, text[after].isOpeningParenthesis,
        Self.weekdays.contains(text[after + 1])
      {
        if let year = found.year, text[after + 1] != "祝" {
          let actual = Self.weekdayNames[Self.weekday(year, found.month, found.day)]
          if text[after + 1].character != actual {
            let inYear = yearOfEvent.map { " in \($0), the event's year" } ?? ""
            let inYearJa = yearOfEvent.map { "イベントの年の\($0)年の" } ?? ""
            result.append(
              context.warning(
                block, at: after + 1,
                "\(quoted) is a \(actual)曜日\(inYear), not \(text[after + 1].character)曜日",
                hint: "correct the date or write its weekday: \(quoted)（\(actual)）"
              ).ja(
                "\(inYearJa)\(quoted)は\(actual)曜日です（\(text[after + 1].character)曜日ではありません）",
                hint: "日付を直すか、正しい曜日を書いてください：\(quoted)（\(actual)）"))
          }
        }
        continue
      }
      if Self.pointInTime.contains(where: { text.hasPrefix($0, at: after) }) { continue }
      let recordAt = after < text.count && text[after] == "に" ? after + 1 : after
      if Self.recorded.contains(where: { text.hasPrefix($0, at: recordAt) }) { continue }
      let start = found.range.lowerBound
      if start >= 2, text.hasPrefix(Self.yearly, at: start - 2) { continue }
      var hint = "add the weekday in brackets after it, such as （月）"
      var hintJa = "日付の後ろに、（月）のようにかっこで曜日を書いてください"
      var weekday: String?
      if let year = found.year {
        let name = Self.weekdayNames[Self.weekday(year, found.month, found.day)]
        hint = "add the weekday in brackets: \(quoted)（\(name)）"
        hintJa = "かっこで曜日を書き添えてください：\(quoted)（\(name)）"
        weekday = "（\(name)）"
      } else {
        hint += "; with the year written (2026年\(quoted)), lint checks the weekday too"
        hintJa += "。年も書くと（2026年\(quoted)）、曜日が合っているかも確かめます"
      }
      var warning = context.warning(
        block, at: start, "the date 「\(quoted)」 has no weekday", hint: hint
      ).ja("日付「\(quoted)」に曜日が書かれていません", hint: hintJa)
      // With the year, the weekday is certain: --fix writes it after the date's last character.
      if let weekday {
        let last = found.range.upperBound - 1
        warning = warning.fixing(
          text.string(last..<(last + 1)), with: text.string(last..<(last + 1)) + weekday,
          at: block.location(of: last))
      }
      result.append(warning)
    }
    return result
  }

  /// Words that put a day in another year than the event's: the last time, last year, the
  /// next, every year.
  static let anotherTime = ["前回", "昨年", "去年", "前年", "一昨年", "過去", "以前", "来年", "翌年", "次回", "例年"]
    .map(LintCharacter.array)

  /// Whether the sentence before `offset` (from its 。 or the block's start) holds one of
  /// `anotherTime`.
  static func saysAnotherTime(_ text: [LintCharacter], before offset: Int) -> Bool {
    var start = offset
    while start > 0, text[start - 1] != "。", text[start - 1] != "\n" { start -= 1 }
    return (start..<offset).contains { i in anotherTime.contains { text.hasPrefix($0, at: i) } }
  }

  /// Whether `text[from..<to]` joins two dates into a span: a weekday in brackets and spaces
  /// aside, one of `spanJoins`.
  static func joinsSpan(_ text: [LintCharacter], from: Int, to: Int) -> Bool {
    var a = from
    while a < to, text[a] == " " || text[a] == "　" { a += 1 }
    if a + 2 < to, text[a].isOpeningParenthesis, weekdays.contains(text[a + 1]),
      text[a + 2].isClosingParenthesis
    {
      a += 3
    }
    var b = to
    while b > a, text[b - 1] == " " || text[b - 1] == "　" { b -= 1 }
    let between = Array(text[a..<b])
    return spanJoins.contains { $0 == between }
  }

  /// Why the date cannot be, or nil when it can. Without a year, 2月29日 is possible.
  static func impossible(_ date: Found, japanese: Bool = false) -> String? {
    guard (1...12).contains(date.month) else {
      return japanese ? "\(date.month)月という月はありません" : "there is no month \(date.month)"
    }
    let days = daysInMonth(date.month, year: date.year)
    guard (1...days).contains(date.day) else {
      let year = date.year.map { "\($0)年" } ?? ""
      return japanese
        ? "\(year)\(date.month)月は\(days)日までです" : "\(year)\(date.month)月 has \(days) days"
    }
    return nil
  }

  static func daysInMonth(_ month: Int, year: Int?) -> Int {
    switch month {
    case 2:
      guard let year else { return 29 }
      return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
    case 4, 6, 9, 11: return 30
    default: return 31
    }
  }

  /// The day of the week of a Gregorian date, 0 for Sunday (Sakamoto's method).
  static func weekday(_ year: Int, _ month: Int, _ day: Int) -> Int {
    let offsets = [0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4]
    let y = month < 3 ? year - 1 : year
    return (y + y / 4 - y / 100 + y / 400 + offsets[month - 1] + day) % 7
  }

  /// The end of a year in brackets at `k` (（2026年）, （令和8年）, （西暦2026年）), or nil.
  static func bracketedYear(in text: [LintCharacter], at k: Int) -> Int? {
    guard k < text.count, text[k].isOpeningParenthesis else { return nil }
    guard let era = EraYearRule.eraYear(in: text, at: k + 1), !era.fiscal else {
      return EraYearRule.westernYearInBrackets(text, at: k)
    }
    let j = era.range.upperBound
    return j < text.count && text[j].isClosingParenthesis ? j + 1 : nil
  }

  /// A date starting at `i` (the year, or the month when there is no year).
  private func date(in text: [LintCharacter], at i: Int) -> Found? {
    guard text[i].isArabicDigit, i == 0 || !text[i - 1].isArabicDigit else { return nil }
    var k = i
    func number(max: Int) -> Int? {
      let s = k
      var value = 0
      while k < text.count, text[k].isArabicDigit, k - s < max {
        value = value * 10 + text[k].digitValue
        k += 1
      }
      return k > s && (k >= text.count || !text[k].isArabicDigit) ? value : nil
    }
    guard let first = number(max: 4), k < text.count else { return nil }
    var year: Int?
    let month: Int
    if text[k] == "年" {
      k += 1
      // The year in the other calendar, in brackets between (令和8年（2026年）12月5日).
      if let after = Self.bracketedYear(in: text, at: k) { k = after }
      guard k < text.count, text[k].isArabicDigit, let m = number(max: 2) else { return nil }
      year = first
      month = m
    } else if k - i > 2 {
      return nil
    } else {
      month = first
    }
    guard k < text.count, text[k] == "月" else { return nil }
    k += 1
    guard k < text.count, let day = number(max: 2), k < text.count, text[k] == "日" else {
      return nil
    }
    var start = i
    if year != nil, i >= 2,
      let era = EraYearRule.eras.first(where: { text.hasPrefix($0.name, at: i - 2) })
    {
      start = i - 2
      year = era.before + first
    } else if first < 100 {
      year = nil  // 26年: which century is not written
    }
    return Found(range: start..<(k + 1), year: year, month: month, day: day)
  }
}
