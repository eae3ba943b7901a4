import Diagnostics
import Foundation
import Testing

@testable import Content

/// `updated` and `publish` together: a page scheduled for a day may say it was updated that
/// day (or before), and a page with `publish` alone is listed in 更新情報 by that time.
@Suite struct ScheduledUpdatedTests {
  static let now = DateTime(iso: "2026-11-25T09:00:00+09:00")!

  /// Loads a content folder holding one glossary entry with these extra keys, at `now`.
  func load(_ keys: String, now: DateTime = Self.now) throws -> (ContentSet?, [Diagnostic]) {
    let dir = try contentFolder("glossary")
    defer { try? FileManager.default.removeItem(at: dir) }
    try "---\nterm: 予定\nreading: よてい\nshort: もうすぐです。\n\(keys)---\n\n本文です。\n".write(
      to: dir.appendingPathComponent("glossary/plan.md"), atomically: true, encoding: .utf8)
    return ContentLoader.load(contentDirectory: dir, displayPrefix: "content", now: now)
  }

  /// The reviewers' case: built with --strict on 2026-11-25, the page waits for 12-01 and
  /// says it was updated that day. No warning: it is not even built yet.
  @Test func updatedOnThePublishDayIsNoWarning() throws {
    let (set, diagnostics) = try load(
      "publish: 2026-12-01T09:00:00+09:00\nupdated: 2026-12-01\n")
    #expect(diagnostics.isEmpty, "\(diagnostics.map(\.text))")
    #expect(set?.pages.isEmpty == true)
    #expect(set?.withheld["glossary/plan.md"] != nil)
    // A day before the publish day is a warning of its own (`front-matter.date`): 更新情報
    // would list the page as 更新 on a day it was not out, and never as 公開.
    #expect(
      try load("publish: 2026-12-01\nupdated: 2026-11-30\n").1.map(\.code) == ["front-matter.date"])
  }

  /// A day after the publish day is still a day not yet come when the page comes out.
  @Test func updatedAfterThePublishDayIsWarnedWithThePublishDay() throws {
    let (_, diagnostics) = try load("publish: 2026-12-01T09:00:00+09:00\nupdated: 2026-12-02\n")
    let warning = try #require(diagnostics.first)
    #expect(diagnostics.count == 1)
    #expect(warning.code == "content.future-updated" && warning.severity == .warning)
    #expect("\(warning.location.line):\(warning.location.column)" == "6:10")
    #expect(
      warning.message
        == "`updated` is 2026-12-02, later than the day the page is published (2026-12-01, its `publish` time): 更新情報 and its feed would list this page first, with a day that has not come"
    )
    #expect(
      warning.hint
        == "write the day the page was last changed, no later than its `publish` day (2026-12-01)")
    #expect(warning.hint?.contains("use `publish`") == false)
    #expect(
      warning.japanese?.hint == "ページを最後に変えた日を、公開の日（2026-12-01）か、それより前で書いてください")
    expectJapanese(diagnostics)
  }

  /// A `publish` time already past gives no room: the day is compared with today, and the
  /// hint does not tell the writer to use `publish`, which the page has.
  @Test func aPastPublishTimeLeavesToday() throws {
    let (_, diagnostics) = try load("publish: 2026-11-01\nupdated: 2026-11-26\n")
    let warning = try #require(diagnostics.first)
    #expect(warning.message.hasPrefix("`updated` is 2026-11-26, later than today (2026-11-25)"))
    #expect(warning.hint == "write the day the page was last changed (today or earlier)")
    expectJapanese(diagnostics)
    // Without `publish`, the hint still offers it.
    let plain = try #require(try load("updated: 2026-11-26\n").1.first)
    #expect(plain.hint?.hasSuffix("; to publish it later, use `publish`") == true)
  }

  /// The publish day is Japan's, whatever offset the time was written with, and the last day
  /// never goes back as the clock moves on.
  @Test func theLastDayIsTheLaterOfTodayAndThePublishDayInJapan() throws {
    func page(_ publish: String?) -> Page {
      Page(
        kind: .about, slug: "p", path: "p.md", relativePath: "pages/p.md", body: "",
        bodyLine: 1, tags: [], draft: false, updated: LocalDate(iso: "2026-12-01"),
        meta: .about(AboutMeta(title: "T", summary: nil, order: nil, footer: true)),
        publish: publish.flatMap { DateTime(iso: $0, allowDateOnly: true) })
    }
    // 15:00 UTC on 11-30 is 00:00 on 12-01 in Japan.
    let utc = page("2026-11-30T15:00:00Z")
    #expect(FutureDates.lastDay(for: utc, at: Self.now) == LocalDate(iso: "2026-12-01"))
    #expect(!FutureDates.updatedToCome(utc, at: Self.now))
    let early = page("2026-11-30T14:59:00Z")
    #expect(FutureDates.updatedToCome(early, at: Self.now))
    #expect(FutureDates.updatedToCome(page(nil), at: Self.now))
    // On the day itself, nothing to warn about whatever `publish` says.
    let onTheDay = DateTime(iso: "2026-12-01T00:00:00+09:00")!
    #expect(!FutureDates.updatedToCome(early, at: onTheDay))
    #expect(!FutureDates.updatedToCome(page(nil), at: onTheDay))
  }

  /// 更新情報 lists a page by `updated`, else by `publish` (on Japan's day, at its time), else
  /// not at all.
  @Test func listedChangeIsUpdatedElsePublish() throws {
    func change(_ keys: String) throws -> ListedChange? {
      let now = DateTime(iso: "2027-01-01T00:00:00+09:00")!
      return try #require(load(keys, now: now).0?.pages.first).listedChange
    }
    let published = try #require(try change("publish: 2026-11-30T20:00:00Z\n"))
    #expect(published.kind == .published && published.label == "公開")
    #expect(published.day == LocalDate(iso: "2026-12-01"))
    #expect(published.instant.description == "2026-12-01T05:00:00+09:00")
    let updated = try #require(
      try change("publish: 2026-12-01T09:00:00+09:00\nupdated: 2026-11-30\n"))
    #expect(updated.kind == .updated && updated.label == "更新")
    #expect(updated.day == LocalDate(iso: "2026-11-30"))
    #expect(updated.instant.description == "2026-11-30T00:00:00+09:00")
    #expect(try change("") == nil)
  }
}
