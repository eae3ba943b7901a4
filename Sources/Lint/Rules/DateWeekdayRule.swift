import Diagnostics

/// A date for residents (an event, a deadline) is easier to act on with its weekday: 12月5日（土）.
/// Matches Arabic-numeral dates `M月D日`, with an optional `YYYY年` or era year before them.
/// Dates that state a point in time rather than a day to plan for (…現在, …時点, …付) and
/// yearly dates (毎年4月1日) are left alone.
struct DateWeekdayRule: Rule {
  let id = "lint.date-weekday"
  let summary = "A date without its weekday, such as 12月5日 instead of 12月5日（土）."

  static let weekdays = CharacterClass("月火水木金土日祝")
  static let pointInTime = ["現在", "時点", "付"].map(LintCharacter.array)
  static let yearly = LintCharacter.array("毎年")

  func check(_ block: LintBlock, _ context: RuleContext) -> [Diagnostic] {
    var result: [Diagnostic] = []
    let text = block.text
    var i = 0
    while i < text.count {
      guard let (start, end) = date(in: text, at: i) else {
        i += 1
        continue
      }
      i = end
      var after = end
      while after < text.count, text[after] == " " || text[after] == "　" { after += 1 }
      if after + 1 < text.count, text[after].isOpeningParenthesis,
        Self.weekdays.contains(text[after + 1])
      {
        continue
      }
      if Self.pointInTime.contains(where: { text.hasPrefix($0, at: after) }) { continue }
      if start >= 2, text.hasPrefix(Self.yearly, at: start - 2) { continue }
      let quoted = text.excerpt(start..<end)
      result.append(
        context.warning(
          block, at: start, "the date 「\(quoted)」 has no weekday",
          hint: "add the weekday in brackets: \(quoted)（土）"))
    }
    return result
  }

  /// A date starting at `i` (the year, or the month when there is no year): its range.
  private func date(in text: [LintCharacter], at i: Int) -> (Int, Int)? {
    guard text[i].isArabicDigit, i == 0 || !text[i - 1].isArabicDigit else { return nil }
    var k = i
    func digits(max: Int) -> Bool {
      let s = k
      while k < text.count, text[k].isArabicDigit, k - s < max { k += 1 }
      return k > s && (k >= text.count || !text[k].isArabicDigit)
    }
    guard digits(max: 4), k < text.count else { return nil }
    if text[k] == "年" {
      k += 1
      guard k < text.count, text[k].isArabicDigit, digits(max: 2) else { return nil }
    } else if k - i > 2 {
      return nil
    }
    guard k < text.count, text[k] == "月" else { return nil }
    k += 1
    guard k < text.count, digits(max: 2), k < text.count, text[k] == "日" else { return nil }
    let era = i >= 2 && ["令和", "平成", "昭和"].contains(text.string((i - 2)..<i))
    return (era ? i - 2 : i, k + 1)
  }
}
