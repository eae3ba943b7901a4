/// When an event begins, is under way and is over, on Japan's clock: the instants the lists,
/// `portal.js`, the calendars and the cache's clock boundaries all read, kept together so they
/// agree.
extension EventMeta {
  /// Whether the event takes whole days (`start: 2026-12-20`): no times are shown, and `end`,
  /// when given, is its last day, inclusive.
  public var isAllDay: Bool { start.isDateOnly }

  /// Its first and last day in Japan, the days residents plan by.
  public var firstDay: LocalDate { start.inJapan.local.date }
  public var lastDay: LocalDate { (end ?? start).inJapan.local.date }

  /// When it is over: its end, or the midnight in Japan after its last day for an all-day
  /// event and for one with a time but no `end` (a talk at 10:00 is not over at 10:00:01, nor
  /// is it known to end at 11:00), as `portal.js` compares it with the reader's clock.
  public var endsAt: DateTime {
    if let end, !isAllDay { return end }
    return lastDay.adding(days: 1).midnightInJapan.timed
  }

  /// From when it is under way (開催中), for `portal.js`: nil when that cannot be told (a time
  /// without an `end`) or the event is called off.
  public var ongoingFrom: DateTime? {
    guard status == nil, isAllDay || end != nil else { return nil }
    return startsAt
  }

  /// When it begins: its start, or for an all-day event the midnight in Japan that begins its
  /// first day, as `portal.js` compares it with the reader's clock to say 開催中.
  public var startsAt: DateTime {
    isAllDay ? firstDay.midnightInJapan.timed : start
  }

  /// The first instant at which it is past: an all-day event is "today" until its last day is
  /// over in Japan; a timed one is past once its end (or start) has gone by. One instant, so
  /// the upcoming/past split and the cache's clock boundaries (a split changes where
  /// `pastFrom <= now` starts holding) agree.
  public var pastFrom: DateTime {
    let over = endsAt
    return isAllDay || end == nil
      ? over : DateTime(epochSeconds: over.epochSeconds + 1, offsetSeconds: over.offsetSeconds)
  }

  /// Whether it is over by `now`: listed under 終わったイベント, its page says so.
  public func isPast(at now: DateTime) -> Bool { pastFrom <= now }

  /// `start` and `end` as HTML's `<time datetime>`, JSON-LD and the Atom feed write them: a
  /// date alone (`2026-12-20`) for an all-day event, else the date and time with its offset.
  public var startISO: String { isAllDay ? firstDay.description : start.description }
  public var endISO: String? {
    guard let end else { return nil }
    return isAllDay ? lastDay.description : end.description
  }

  /// When registration closes: the deadline, or the end of its day when written as a date
  /// only (締め切り：12月1日 includes the 1st); nil without a deadline.
  public var registrationCloses: DateTime? {
    guard let deadline else { return nil }
    guard deadline.isDateOnly else { return deadline }
    return DateTime(
      epochSeconds: deadline.epochSeconds + 86400, offsetSeconds: deadline.offsetSeconds)
  }

  /// Whether registration has closed by `now` (false without a deadline): one rule for the
  /// event's page, the list of events and what makes them render again.
  public func registrationClosed(at now: DateTime) -> Bool {
    registrationCloses.map { $0 <= now } ?? false
  }

  /// The month (its first day) it is listed under among the upcoming events: the month it
  /// begins in Japan, or, once under way, the month of `now`. An exhibition running from
  /// October to February is December's in December, not under a heading of a month gone by.
  public func upcomingMonth(at now: DateTime) -> LocalDate {
    let today = now.inJapan.local.date
    let day = firstDay < today ? today : firstDay
    return LocalDate(year: day.year, month: day.month, day: 1)
  }

  /// When `upcomingMonth` next changes while the event is still upcoming: the midnight in Japan
  /// that begins the month after `now`'s, if the event has begun by then and lasts into it.
  /// A clock boundary of the cache, as `pastFrom` is.
  public func upcomingMonthChanges(after now: DateTime) -> DateTime? {
    let this = upcomingMonth(at: now)
    let next =
      this.month == 12
      ? LocalDate(year: this.year + 1, month: 1, day: 1)
      : LocalDate(year: this.year, month: this.month + 1, day: 1)
    guard firstDay < next, lastDay >= next else { return nil }
    return next.midnightInJapan.timed
  }
}
