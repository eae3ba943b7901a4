/// How 更新情報 (the home page's latest, `/updates/`, the updates feed) lists a page: on its
/// `updated` day, or, for a page without one, at its `publish` time. A scheduled announcement
/// is news the day it comes out, but without `updated` it never appeared there. Taken from
/// the front matter alone, never the build's clock: a page with `publish` is in the site only
/// from that time on, so the lists change only when the clock passes it, as the page itself
/// appears then.
public struct ListedChange: Sendable, Hashable {
  public enum Kind: Sendable, Hashable {
    /// `updated`: the page changed (更新).
    case updated
    /// `publish` and no `updated`: the page came out (公開).
    case published
  }

  public var kind: Kind
  /// The day shown, in Japan.
  public var day: LocalDate
  /// What orders the list, newest first, and dates the feed's entry: midnight in Japan of an
  /// `updated` day (as the day is written), the `publish` time itself.
  public var instant: DateTime

  /// The word after the day on a card and in the feed's summary: 更新 or 公開.
  public var label: String {
    switch kind {
    case .updated: "更新"
    case .published: "公開"
    }
  }
}

extension Page {
  /// Where 更新情報 lists the page; nil for a page with neither `updated` nor `publish`, which
  /// it does not list.
  public var listedChange: ListedChange? {
    if let updated {
      return ListedChange(kind: .updated, day: updated, instant: updated.midnightInJapan)
    }
    guard let publish else { return nil }
    let inJapan = publish.inJapan
    return ListedChange(kind: .published, day: inJapan.local.date, instant: inJapan)
  }
}
