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
  /// The place itself says people may join online (（オンラインでも参加できます）), so a card
  /// does not say it again after it.
  public var placeSaysOnline: Bool

  public init(atVenue: Bool, online: Bool, placeIsOnline: Bool, placeSaysOnline: Bool = false) {
    self.atVenue = atVenue
    self.online = online
    self.placeIsOnline = placeIsOnline
    self.placeSaysOnline = placeSaysOnline
  }
}

extension EventMeta {
  /// Words that say a place is joined online. A place made of them alone (オンライン（Zoom）,
  /// Zoomで開催, YouTubeでライブ配信: `joiningWords` aside) is online only; one that names a
  /// venue too (千葉県庁 本庁舎（オンラインでも参加できます）, オンライン・千葉県庁) is both,
  /// unless it says the online way is not offered (（オンライン配信はありません）).
  static let onlineWords = [
    "オンライン", "online", "zoom", "teams", "webex", "google meet", "googleミート", "グーグルミート",
    "youtube", "ウェビナー", "webinar", "ライブ配信",
  ]

  /// What joins online words into a way of taking part, and names no venue: で開催, にて配信,
  /// による, 形式, 会議, brackets and spaces.
  static let joiningWords = [
    "にて", "による", "で", "開催", "配信", "参加", "形式", "会議", "ミーティング", "ウェブ", "web", "ライブ", "の",
    "・", "/", "／",
  ]
  static let brackets: Set<Character> = [
    " ", "　", "「", "」", "『", "』", "【", "】", "［", "］", "[", "]", "(", ")", "（", "）", "<", ">", "〈",
    "〉",
  ]
  /// What says the way just named is not offered: （オンライン配信はありません）.
  static let negations = ["ありません", "ない", "なし", "しません", "行いません", "いたしません"]

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
    // Width and case folded (ＺＯＯＭ, Zoom).
    let folded = place.precomposedStringWithCompatibilityMapping.lowercased()
    let offered = Self.offeredOnline(folded)
    let placeIsOnline = offered && Self.namesNoVenue(folded)
    return EventAttendance(
      atVenue: !placeIsOnline, online: online != nil || offered, placeIsOnline: placeIsOnline,
      placeSaysOnline: offered)
  }

  /// Whether `folded` names an online way that it does not then say is not offered (in the
  /// rest of its sentence or bracket).
  static func offeredOnline(_ folded: String) -> Bool {
    for word in onlineWords {
      var from = folded.startIndex
      while let found = folded.range(of: word, range: from..<folded.endIndex) {
        let rest = folded[found.upperBound...].prefix { !"。）)】」".contains($0) }
        if !negations.contains(where: { rest.contains($0) }) { return true }
        from = found.upperBound
      }
    }
    return false
  }

  /// Whether nothing is left of `folded` once its online words, `joiningWords` and brackets
  /// are taken out: it names no venue.
  static func namesNoVenue(_ folded: String) -> Bool {
    var rest = folded
    for word in (onlineWords + joiningWords).sorted(by: { $0.count > $1.count }) {
      rest = rest.replacingOccurrences(of: word, with: "")
    }
    return rest.allSatisfy { brackets.contains($0) }
  }
}
