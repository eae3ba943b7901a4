import Content
import Diagnostics
import Foundation

/// The warnings the load gives a page by the clock: a `publish` time more than a year ahead
/// (`FarPublish`), an `updated` day still to come (`FutureDates`). The load makes them after
/// every page is parsed, reading the file again for the place, so they are not among the
/// parse's diagnostics that an edit in place replaces: a line added above `publish` left the
/// warning at its old line in the panel and the terminal until the next full build.
extension EditInPlace {
  /// The clock's warnings by code, with the front-matter key each points at.
  static let clockKeys: [String: String] = [
    FarPublish.code: "publish", FutureDates.code: "updated",
  ]

  /// The edited page's clock warnings as the cache has them (`old`) and as the load would make
  /// them now (`new`): the same words, at the line and column where the file now writes the
  /// value. The words depend on the value and the day, which an edit in place keeps (`publish`
  /// is part of the page's place, an `updated` day warned of goes the usual way, and
  /// `clockDayChanged` sends a new day there too); only the place may move. Nil when the
  /// warnings would not be the same ones (a value changed, or the clock's verdict differs
  /// from the cache's): the usual way makes them again. The file is read again only for a
  /// page that has such a warning, which is rare.
  static func clockWarnings(
    from before: Page, to after: Page, in diagnostics: [Diagnostic], now: DateTime,
    contentDirectory: URL
  ) -> (old: [Diagnostic], new: [Diagnostic])? {
    let old = diagnostics.filter { d in
      d.location.file == before.path && d.code.map { clockKeys[$0] != nil } == true
    }
    var due: Set<String> = []
    if FarPublish.isFar(after, at: now) { due.insert(FarPublish.code) }
    if FutureDates.updatedToCome(after, at: now) { due.insert(FutureDates.code) }
    guard Set(old.compactMap(\.code)) == due, old.count == due.count else { return nil }
    if old.isEmpty { return ([], []) }
    guard before.publish == after.publish, before.updated == after.updated,
      before.path == after.path
    else { return nil }
    let new = old.map { d in
      var moved = d
      moved.location = ContentLoader.valueLocation(
        of: clockKeys[d.code!]!, inFile: after.relativePath, contentDirectory: contentDirectory)
      return moved
    }
    return (old, new)
  }

  /// Whether the clock's warnings the cache holds may say another day than a build now would:
  /// their words name the day of the build that made them ("later than today (2026-11-25)"),
  /// so once the day in Japan has changed since the cache's clock, the usual way makes them
  /// again. A session over midnight with no such warning keeps the quick way.
  static func clockDayChanged(_ diagnostics: [Diagnostic], from cached: Int64, to now: Int64)
    -> Bool
  {
    func day(_ t: Int64) -> LocalDate {
      DateTime(epochSeconds: Int(t), offsetSeconds: 0).inJapan.local.date
    }
    guard day(cached) != day(now) else { return false }
    return diagnostics.contains { $0.code.map { clockKeys[$0] != nil } == true }
  }
}
