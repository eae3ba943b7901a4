import Diagnostics

/// A `publish` time more than a year after the build's clock: `publish: 2062-12-04T09:00` typed
/// for 2026 held the page back for 36 years, and the only word was the build's last line ("1
/// page waiting for its publish time") and, for a page already out, a warning placed at no
/// file. A page planned over a year ahead is rare enough for a warning to ask (a writer who
/// means it can stage the page as a draft instead). Checked at each load with the build clock,
/// outside the parse memo, as `FutureDates`; the build keeps the instant the warning ends among
/// its cache's clock boundaries, so a build with nothing changed repeats it only while it holds.
public enum FarPublish {
  public static let code = "content.far-publish"

  /// The first instant at which `publish` is no more than a year ahead: the same time a year
  /// earlier (the 29th of February on the 28th).
  public static func warnedUntil(_ publish: DateTime) -> DateTime {
    PageParser.changingYear(publish, to: publish.inJapan.local.date.year - 1)
  }

  /// The instants after `now` at which the warning's words for `page` change, so that the
  /// cache does not repeat an earlier day's: the warning ends (`warnedUntil`), the build's day
  /// (named in the message) turns, and the time meant passes (the hint then says it is past).
  public static func wordsChange(_ page: Page, at now: DateTime) -> [DateTime] {
    guard let publish = page.publish, isFar(page, at: now) else { return [] }
    let meant = meant(publish, at: now)
    return [warnedUntil(publish), FutureDates.nextDay(after: now)] + (meant > now ? [meant] : [])
  }

  /// The time meant if the year is a slip: the same month, day and time in the year nearest
  /// the clock, as `EventYears` reads a year slip (2062-12-04 → 2026-12-04).
  static func meant(_ publish: DateTime, at now: DateTime) -> DateTime {
    let day = publish.inJapan.local.date
    return PageParser.changingYear(publish, to: DateHints.yearNearest(now)(day.month, day.day))
  }

  /// Whether a build at `now` warns of `page`'s `publish` time.
  public static func isFar(_ page: Page, at now: DateTime) -> Bool {
    page.publish.map { now < warnedUntil($0) } ?? false
  }

  /// A warning for each page `isFar` at `now`, at its `publish` value: when it would appear,
  /// and the time meant if the year is a slip (`meant`). The file is read again for the place,
  /// only for the pages found.
  static func check(
    _ pages: [Page], at now: DateTime, files: [String: (path: String, shown: String)]
  ) -> [Diagnostic] {
    pages.filter { isFar($0, at: now) }.compactMap { page in
      guard let publish = page.publish, let file = files[page.relativePath] else { return nil }
      let today = now.inJapan.local.date
      let day = publish.inJapan.local.date
      let years = day.year - today.year
      let (after, afterJa) =
        years >= 2 ? ("\(years) years after", "\(years)年後") : ("more than a year after", "1年より後")
      let meant = meant(publish, at: now)
      let written = publish.isDateOnly ? meant.inJapan.local.date.description : meant.description
      let (past, pastJa) =
        meant < now || meant.epochSeconds == now.epochSeconds
        ? (
          " (a time already past: the page is published by the next build)",
          "（過ぎた日時なので、次のビルドで公開されます）"
        )
        : ("", "")
      return .warning(
        FutureDates.valueLocation(of: "publish", path: file.path, shown: file.shown),
        "`publish` is \(publish.readable), \(after) today (\(today)): the page is not published until then",
        hint: "if the year is a slip, write `publish: \(written)`\(past)", code: code
      ).ja(
        "`publish` が \(publish.readable) で、今日（\(today)）の\(afterJa)です。それまで、このページは公開されません",
        hint: "年の打ちまちがいなら、`publish: \(written)` と書いてください\(pastJa)")
    }
  }
}
