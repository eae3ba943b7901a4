import Diagnostics
import Foundation

/// `updated` dates later than the day the page comes out: the build's day, or its `publish`
/// day when that is later. 更新情報 lists pages newest first and its feed dates each entry by
/// `updated`: a slip of the year (2027 for 2026) put a page at the top of both for a year,
/// with a date residents had not reached. A page scheduled for 2026-12-01 may say it was
/// updated that day: it is first seen then, and the warning stopped `--strict` builds of a
/// page not yet built. Checked at each load with the build clock, outside the parse memo
/// (whose entries do not depend on the day).
public enum FutureDates {
  /// The warning's code, which `portal lint` keeps among the loader's warnings.
  public static let code = "content.future-updated"

  /// The last day `page` may be `updated` at `now`: today in Japan, or the day of its
  /// `publish` time when that is later. It never goes back as the clock moves on, so a
  /// warning, once gone, does not come back without an edit.
  public static func lastDay(for page: Page, at now: DateTime) -> LocalDate {
    let today = now.inJapan.local.date
    guard let publishDay = page.publish?.inJapan.local.date, publishDay > today else {
      return today
    }
    return publishDay
  }

  /// Whether `page` is `updated` on a day after `lastDay`: the one test of the loader's
  /// warning, of the edits `portal serve` leaves to it, and of the cache's clock boundaries
  /// (the warning ends at the `updated` day's midnight, whichever day it was compared with).
  public static func updatedToCome(_ page: Page, at now: DateTime) -> Bool {
    page.updated.map { $0 > lastDay(for: page, at: now) } ?? false
  }

  /// The midnight in Japan that starts the day after `now`'s: the warnings that name "today"
  /// (this build's day) must not be repeated from the cache on a later day.
  public static func nextDay(after now: DateTime) -> DateTime {
    now.inJapan.local.date.adding(days: 1).midnightInJapan.timed
  }

  /// The instants after `now` at which the warning's words for `page` change: the next day in
  /// Japan, as the message names today (the warning itself ends at `updated`'s day, no earlier).
  public static func wordsChange(_ page: Page, at now: DateTime) -> [DateTime] {
    updatedToCome(page, at: now) ? [nextDay(after: now)] : []
  }

  /// A warning for each page `updatedToCome` at `now`. The file is read again to point at the
  /// value: only for the pages found, which are few.
  static func check(
    _ pages: [Page], at now: DateTime, files: [String: (path: String, shown: String)]
  ) -> [Diagnostic] {
    let today = now.inJapan.local.date
    var diagnostics: [Diagnostic] = []
    for page in pages where updatedToCome(page, at: now) {
      guard let updated = page.updated, let file = files[page.relativePath] else { continue }
      let location = valueLocation(of: "updated", path: file.path, shown: file.shown)
      let last = lastDay(for: page, at: now)
      if last > today {
        // Scheduled: the page comes out on `last`, and may say it was updated that day.
        diagnostics.append(
          .warning(
            location,
            "`updated` is \(updated), later than the day the page is published (\(last), its `publish` time): 更新情報 and its feed would list this page first, with a day that has not come",
            hint:
              "write the day the page was last changed, no later than its `publish` day (\(last))",
            code: code
          ).ja(
            "`updated` が \(updated) で、このページを公開する日（`publish` の \(last)）より後の日付です。更新情報とそのフィードで、まだ来ていない日付のまま、このページがいちばん上に出てしまいます",
            hint: "ページを最後に変えた日を、公開の日（\(last)）か、それより前で書いてください"))
        continue
      }
      // A page with a `publish` time is already out: the hint does not send its writer there.
      let later = page.publish == nil ? "; to publish it later, use `publish`" : ""
      let laterJa = page.publish == nil ? "。あとで公開したいときは `publish` を使います" : ""
      diagnostics.append(
        .warning(
          location,
          "`updated` is \(updated), later than today (\(today)): 更新情報 and its feed would list this page first, with a day that has not come",
          hint: "write the day the page was last changed (today or earlier)\(later)",
          code: code
        ).ja(
          "`updated` が \(updated) で、今日（\(today)）より後の日付です。更新情報とそのフィードで、まだ来ていない日付のまま、このページがいちばん上に出てしまいます",
          hint: "ページを最後に変えた日（今日か、それより前）を書いてください\(laterJa)"))
    }
    return diagnostics
  }

  /// Where the file at `path` (shown as `shown`) writes `key`'s value in its front matter: the
  /// file read again, as a warning made after the parse has no marks; line 1 when it cannot be
  /// read or the key is not there.
  static func valueLocation(of key: String, path: String, shown: String) -> SourceLocation {
    guard let text = try? String(contentsOfFile: path, encoding: .utf8),
      let (line, column) = valuePosition(of: key, in: text)
    else { return SourceLocation(file: shown, line: 1, column: 1) }
    return SourceLocation(file: shown, line: line, column: column)
  }

  /// The line and column (from 1, in characters) of a top-level key's value in the front matter
  /// of `text`, or of the key when it has no value on its line; nil when it is not there.
  static func valuePosition(of key: String, in text: String) -> (Int, Int)? {
    var inFrontMatter = false
    // A BOM before `---`, as a Windows editor writes it.
    let body = text.unicodeScalars.first == "\u{FEFF}" ? text.dropFirst() : text[...]
    for (n, line) in body.sourceLines.enumerated() {
      let trimmed = line.trimmingCharacters(in: .whitespacesAndNewlines)
      if trimmed == "---" {
        if inFrontMatter { return nil }
        inFrontMatter = true
        continue
      }
      guard inFrontMatter, line.hasPrefix(key) else { continue }
      var rest = line.dropFirst(key.count)
      while rest.first == " " || rest.first == "\t" { rest = rest.dropFirst() }
      guard rest.first == ":" else { continue }
      rest = rest.dropFirst()
      while rest.first == " " || rest.first == "\t" { rest = rest.dropFirst() }
      let column = rest.isEmpty ? 1 : line.distance(from: line.startIndex, to: rest.startIndex) + 1
      return (n + 1, column)
    }
    return nil
  }
}
