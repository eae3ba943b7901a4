import Foundation
import Testing

@testable import Content

/// `LocalDate` and `DateTime` write their ISO forms as bytes (`ISODigits`); the text must be
/// what joining the zero-padded parts gives, for every offset and any year, and years or
/// offsets too wide for the bytes' form still come out as before.
@Suite struct DateDescriptionTests {
  /// The ISO form as it was made before: zero-padded parts joined.
  static func joined(_ d: LocalDate) -> String {
    zeroPadded(d.year, 4) + "-" + zeroPadded(d.month, 2) + "-" + zeroPadded(d.day, 2)
  }

  static func joined(_ t: DateTime) -> String {
    let l = t.local
    let o = abs(t.offsetSeconds)
    return joined(l.date) + "T" + zeroPadded(l.hour, 2) + ":" + zeroPadded(l.minute, 2) + ":"
      + zeroPadded(l.second, 2) + (t.offsetSeconds < 0 ? "-" : "+") + zeroPadded(o / 3600, 2)
      + ":" + zeroPadded((o % 3600) / 60, 2)
  }

  @Test func instantsAsTheirPartsJoined() {
    var seconds: [Int] = [0, -1, 86_399, 86_400, 1_764_547_200, 253_402_300_799, 253_402_300_800]
    var state: UInt64 = 139
    for _ in 0..<20_000 {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      seconds.append(Int(truncatingIfNeeded: state >> 20) % 400_000_000_000)
    }
    let offsets = [0, 9 * 3600, -5 * 3600, 5 * 3600 + 1800, -(9 * 3600 + 2700), 23 * 3600 + 3540]
    for s in seconds {
      for o in offsets {
        let t = DateTime(epochSeconds: s, offsetSeconds: o)
        #expect(t.description == Self.joined(t), "\(s) \(o)")
      }
    }
    // Wider than the bytes' form: an offset of 100 hours, a year past 9999 or before 0.
    for t in [
      DateTime(epochSeconds: 0, offsetSeconds: 100 * 3600),
      DateTime(epochSeconds: 400_000_000_000, offsetSeconds: 0),
      DateTime(epochSeconds: -70_000_000_000, offsetSeconds: 0),
    ] {
      #expect(t.description == Self.joined(t))
    }
    #expect(
      DateTime(iso: "2026-12-05T09:05:07+09:00")!.description == "2026-12-05T09:05:07+09:00")
    #expect(
      DateTime(iso: "2026-01-02T03:04:00-05:30")!.description == "2026-01-02T03:04:00-05:30")
  }

  @Test func daysAsTheirPartsJoined() {
    for d in [
      LocalDate(year: 2026, month: 12, day: 5), LocalDate(year: 0, month: 1, day: 1),
      LocalDate(year: 9999, month: 12, day: 31), LocalDate(year: 10_000, month: 1, day: 1),
      LocalDate(year: 33, month: 2, day: 9), LocalDate(year: -1, month: 1, day: 1),
      LocalDate(year: 2026, month: 123, day: 100),
    ] {
      #expect(d.description == Self.joined(d))
    }
    #expect(LocalDate(year: 33, month: 2, day: 9).description == "0033-02-09")
  }
}
