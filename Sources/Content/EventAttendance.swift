import Foundation

/// How residents take part in an event, read from what the writer gave. `online` is the
/// address people join at; until it is known the build tells the writer to leave `online` out
/// and say in `place` how to join (`place: オンライン（Zoom）`). Such a place is no venue: read
/// as one, the page said 「会場で参加」 with 会場「オンライン（Zoom）」 and told search engines the
/// event was held offline.
public struct EventAttendance: Sendable, Equatable {
  /// People come to a place.
  public var atVenue: Bool
  /// People join online (an address given, or the place says so).
  public var online: Bool
  /// The place is a way of joining online (オンライン（Zoom）, Zoomで開催), not a venue.
  public var placeIsOnline: Bool

  public init(atVenue: Bool, online: Bool, placeIsOnline: Bool) {
    self.atVenue = atVenue
    self.online = online
    self.placeIsOnline = placeIsOnline
  }
}

extension EventMeta {
  /// Words that say a place is joined online. A place starting with one is online only
  /// (オンライン（Zoom）, YouTubeでライブ配信); one naming a venue first and one of them after is
  /// both (千葉県庁 本庁舎（オンラインでも参加できます）).
  static let onlineWords = [
    "オンライン", "online", "zoom", "teams", "webex", "google meet", "youtube", "ウェビナー", "webinar",
    "ライブ配信",
  ]

  /// The first letters of `onlineWords` as they may be typed: both cases, full width, and
  /// katakana in half width (ｵﾝﾗｲﾝ).
  static let onlineInitials: Set<UInt32> = {
    var out: Set<UInt32> = []
    for word in onlineWords {
      guard let first = word.unicodeScalars.first else { continue }
      for c in [String(first), String(first).uppercased()] {
        for u in c.unicodeScalars {
          out.insert(u.value)
          // Full-width Latin (ｚ, Ｚ) is U+FF01… for U+0021….
          if (0x21...0x7E).contains(u.value) { out.insert(u.value + 0xFEE0) }
        }
      }
    }
    // Half-width katakana of オ, ウ, ラ (ｵﾝﾗｲﾝ, ｳｪﾋﾞﾅｰ, ﾗｲﾌﾞ配信).
    out.formUnion([0xFF75, 0xFF73, 0xFF97])
    return out
  }()

  public var attendance: EventAttendance {
    guard let place else {
      return EventAttendance(atVenue: false, online: online != nil, placeIsOnline: false)
    }
    // Most places hold no letter an online word starts with, in any width or case: read
    // without folding (each card and page asks, and NFKC is the slow part).
    guard place.unicodeScalars.contains(where: { Self.onlineInitials.contains($0.value) }) else {
      return EventAttendance(atVenue: true, online: online != nil, placeIsOnline: false)
    }
    // Width and case folded (ＺＯＯＭ, Zoom), brackets and spaces before the words left out.
    let folded = place.precomposedStringWithCompatibilityMapping.lowercased()
    let start = folded.drop { " 　「『【［[(（<〈".contains($0) }
    let placeIsOnline = Self.onlineWords.contains { start.hasPrefix($0) }
    let mentionsOnline = placeIsOnline || Self.onlineWords.contains { folded.contains($0) }
    return EventAttendance(
      atVenue: !placeIsOnline, online: online != nil || mentionsOnline,
      placeIsOnline: placeIsOnline)
  }
}
