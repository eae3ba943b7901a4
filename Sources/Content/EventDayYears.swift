/// The year of a day written without one (month, day), where a page knows it: an event's
/// (`EventMeta.yearOfDay`); nil when it cannot tell. What `portal lint` and `portal serve`'s
/// panel check a weekday by.
public typealias DayYears = @Sendable (_ month: Int, _ day: Int) -> Int?

extension EventMeta {
  /// The year of a day its text writes without one (12月18日), for checking its weekday: the
  /// one year that puts it within the event (an exhibition from 2026年4月1日 to 2027年3月31日:
  /// 10月1日 is of 2026, 3月31日 of 2027); else the one that puts it within half a year of
  /// the event (a deadline before it, a follow-up after); nil when none or several do, so
  /// nothing is guessed.
  public func yearOfDay(month: Int, day: Int) -> Int? {
    guard (1...12).contains(month), day >= 1 else { return nil }
    let first = start.inJapan.local.date
    let last = lastDay
    let from = LocalDate.daysFromCivil(first.year, first.month, first.day)
    let to = LocalDate.daysFromCivil(last.year, last.month, last.day)
    let years = (first.year - 1)...(last.year + 1)
    func candidates(_ range: ClosedRange<Int>) -> [Int] {
      years.filter { y in
        day <= LocalDate.daysIn(month: month, year: y)
          && range.contains(LocalDate.daysFromCivil(y, month, day))
      }
    }
    let inside = candidates(from...to)
    if !inside.isEmpty { return inside.count == 1 ? inside[0] : nil }
    let near = candidates((from - 183)...(to + 183))
    return near.count == 1 ? near[0] : nil
  }
}
