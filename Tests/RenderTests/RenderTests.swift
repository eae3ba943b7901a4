import Content
import Foundation
import Testing

@testable import Render

/// `og:locale` is language_TERRITORY.
@Suite struct ShareLocaleTests {
  @Test func localesAreWrittenAsOpenGraphDoes() {
    #expect(ViewModels.locale(of: "ja") == "ja_JP")
    #expect(ViewModels.locale(of: "en") == "en_US")
    #expect(ViewModels.locale(of: "pt-BR") == "pt_BR")
    #expect(ViewModels.locale(of: "fr") == "fr")
  }
}

@Suite struct JapaneseDateTests {
  @Test func writesWeekdayAndTime() throws {
    let start = try #require(DateTime(iso: "2026-12-05T13:30:00+09:00"))
    #expect(JapaneseDate.dateTime(start) == "2026年12月5日（土）13時30分")
    let end = try #require(DateTime(iso: "2026-12-05T15:00:00+09:00"))
    #expect(JapaneseDate.range(start, end) == "2026年12月5日（土）13時30分から15時まで")
    // Written in UTC (copied from a calendar export), shown on Japan's clock, as residents
    // read it: 14:00Z is 23時, and 20:00Z the next day.
    #expect(
      JapaneseDate.dateTime(try #require(DateTime(iso: "2026-12-10T14:00:00Z")))
        == "2026年12月10日（木）23時")
    #expect(
      JapaneseDate.range(
        try #require(DateTime(iso: "2026-12-10T14:00:00Z")),
        try #require(DateTime(iso: "2026-12-10T20:00:00Z")))
        == "2026年12月10日（木）23時から12月11日（金）5時まで")
    // The end's year only when it is another; dates without times stay dates.
    func range(_ a: String, _ b: String) throws -> String {
      JapaneseDate.range(
        try #require(DateTime(iso: a, allowDateOnly: true)),
        try #require(DateTime(iso: b, allowDateOnly: true)))
    }
    #expect(
      try range("2027-02-13T10:00:00+09:00", "2027-02-14T17:00:00+09:00")
        == "2027年2月13日（土）10時から2月14日（日）17時まで")
    #expect(try range("2027-02-13", "2027-02-14") == "2027年2月13日（土）から2月14日（日）まで")
    #expect(
      try range("2026-12-31T22:00:00+09:00", "2027-01-01T02:00:00+09:00")
        == "2026年12月31日（木）22時から2027年1月1日（金）2時まで")
  }
}

@Suite struct FeedTests {
  @Test func icsFoldsLongLinesWithoutSplittingCharacters() {
    let line = "SUMMARY:" + String(repeating: "千葉", count: 40)
    let folded = Feeds.fold(line)
    for part in folded.components(separatedBy: "\r\n") where !part.isEmpty {
      #expect(part.utf8.count <= 75)
    }
    #expect(folded.replacingOccurrences(of: "\r\n ", with: "") == line + "\r\n")
  }

  /// Folding by scalars (lines of whole characters) gives what folding by characters gives,
  /// and lines with combining marks still fold between characters.
  @Test func icsFoldsByScalarsAsByCharacters() {
    func byCharacters(_ line: String) -> String {
      var out = ""
      var count = 0
      for ch in line {
        let n = String(ch).utf8.count
        if count + n > 75 {
          out += "\r\n "
          count = 1
        }
        out.append(ch)
        count += n
      }
      return out + "\r\n"
    }
    let lines = [
      "SUMMARY:" + String(repeating: "千葉県のDX推進フォーラム、ＤＸ！", count: 9),
      "DESCRIPTION:" + String(repeating: "a", count: 74) + "漢字かなカナ〜「」・ー",
      "LOCATION:" + String(repeating: "x", count: 100),
      "SUMMARY:" + String(repeating: "か\u{3099}", count: 40),  // combining voiced mark
      "SUMMARY:" + String(repeating: "e\u{301}漢", count: 30),
      "SUMMARY:" + String(repeating: "🇯🇵👩‍💻", count: 12),
      "SHORT:千葉",
    ]
    for line in lines { #expect(Feeds.fold(line) == byCharacters(line), "\(line)") }
    #expect(Feeds.isWholeCharacter("漢") && !Feeds.isWholeCharacter("\u{3099}"))
  }

  @Test func utcStampIsWhatStringFormatWrote() throws {
    for iso in [
      "2026-12-05T13:30:00+09:00", "2027-01-01T00:00:00Z", "0999-03-04T05:06:07Z",
      "2026-02-28T23:59:59-05:00",
    ] {
      let t = try #require(DateTime(iso: iso))
      let u = DateTime(epochSeconds: t.epochSeconds, offsetSeconds: 0).local
      let reference = String(
        format: "%04d%02d%02dT%02d%02d%02dZ", u.date.year, u.date.month, u.date.day, u.hour,
        u.minute, u.second)
      #expect(Feeds.utcStamp(t) == reference)
    }
  }

  @Test func icsEscapesText() {
    #expect(Feeds.icsText("a,b;c\\d\ne") == "a\\,b\\;c\\\\d\\ne")
    // A CR (alone or before LF) cannot end the content line and start properties of its own.
    #expect(
      Feeds.icsText("Seminar\rEND:VEVENT\r\nBEGIN:VEVENT\u{0}\tx")
        == "Seminar\\nEND:VEVENT\\nBEGIN:VEVENT x")
  }

  @Test func jsonLDCannotCloseTheScript() throws {
    #expect(Feeds.xml("<a & \"b\">") == "&lt;a &amp; &quot;b&quot;&gt;")
  }

  /// The writer gives the bytes Foundation's `JSONSerialization` (sorted keys, slashes
  /// unescaped) gave before it, with `<` escaped, for every shape of event and awkward text.
  @Test func jsonLDIsWhatJSONSerializationWrote() throws {
    var text = ""
    for v in 0..<0x80 { text.unicodeScalars.append(Unicode.Scalar(v)!) }
    let texts = ["千葉のイベント", text + "日本語\u{2028}\u{7F}😀é</script>", "a/b \"c\" \\d"]
    for name in texts {
      for (place, online) in [
        ("会場 <1>", nil), (nil, "https://example.jp/a?b=1&c=<2>"), ("会場", "https://x.jp/"),
        (nil, nil),
      ] as [(String?, String?)] {
        for end in [nil, "2026-12-05T15:00:00+09:00"] {
          var object: [String: Any] = [
            "@context": "https://schema.org", "@type": "Event", "name": name,
            "description": "説明\n" + name, "startDate": "2026-12-05T13:30:00+09:00",
            "url": "https://dx.example.jp/events/a/",
            "eventAttendanceMode": place != nil && online != nil
              ? "https://schema.org/MixedEventAttendanceMode"
              : (online != nil
                ? "https://schema.org/OnlineEventAttendanceMode"
                : "https://schema.org/OfflineEventAttendanceMode"),
            "eventStatus": "https://schema.org/EventScheduled",
          ]
          // Neither a place nor an address: no mode to claim.
          if place == nil && online == nil { object["eventAttendanceMode"] = nil }
          if let end { object["endDate"] = end }
          var locations: [[String: Any]] = []
          if let place { locations.append(["@type": "Place", "name": place, "address": place]) }
          if let online { locations.append(["@type": "VirtualLocation", "url": online]) }
          if !locations.isEmpty {
            object["location"] = locations.count == 1 ? locations[0] : locations
          }
          let data = try JSONSerialization.data(
            withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])
          let expected = String(decoding: data, as: UTF8.self)
            .replacingOccurrences(of: "<", with: "\\u003c")
          let written = Feeds.eventJSONLD(
            name: name, description: "説明\n" + name, start: "2026-12-05T13:30:00+09:00", end: end,
            place: place, online: online, url: "https://dx.example.jp/events/a/")
          #expect(written == expected)
          #expect(!written.contains("<"))

          // With a price (free or not, with or without a closing time) and an organizer.
          for offer in [
            EventOffer(price: 0, url: "https://example.jp/form?a=<1>", validThrough: nil),
            EventOffer(
              price: 1500, url: "https://dx.example.jp/events/a/",
              validThrough: "2026-12-02T00:00:00+09:00"),
          ] {
            var priced = object
            var offerObject: [String: Any] = [
              "@type": "Offer", "price": offer.price, "priceCurrency": "JPY", "url": offer.url,
            ]
            if let v = offer.validThrough { offerObject["validThrough"] = v }
            priced["offers"] = offerObject
            if offer.price == 0 { priced["isAccessibleForFree"] = true }
            priced["organizer"] = [
              "@type": "Organization", "name": name, "url": "https://dx.example.jp/",
            ]
            let data = try JSONSerialization.data(
              withJSONObject: priced, options: [.sortedKeys, .withoutEscapingSlashes])
            let expected = String(decoding: data, as: UTF8.self)
              .replacingOccurrences(of: "<", with: "\\u003c")
            let written = Feeds.eventJSONLD(
              name: name, description: "説明\n" + name, start: "2026-12-05T13:30:00+09:00",
              end: end, place: place, online: online, url: "https://dx.example.jp/events/a/",
              offer: offer, organizer: (name, "https://dx.example.jp/"))
            #expect(written == expected)
          }
        }
      }
    }
  }

  /// Only a fee that is plainly a price becomes schema.org's: search engines would show
  /// 「資料代として500円」 as 500 yen, and 「一部有料」 as nothing at all.
  @Test func aFeeIsAPriceOnlyWhenItPlainlyIsOne() {
    #expect(EventOffer.yen("無料") == 0)
    #expect(EventOffer.yen(" 無料（要申込） ") == 0)
    #expect(EventOffer.yen("500円") == 500)
    #expect(EventOffer.yen("1,000円") == 1000)
    #expect(EventOffer.yen("１，５００円") == 1500)
    for other in ["資料代として500円", "一部有料", "円", "500", "無料・有料", "1234567890円", ""] {
      #expect(EventOffer.yen(other) == nil, "\(other)")
    }
  }

  @Test func fingerprintIsContentHash() {
    #expect(Theme.fingerprint(Data("a".utf8)) == Theme.fingerprint(Data("a".utf8)))
    #expect(Theme.fingerprint(Data("a".utf8)) != Theme.fingerprint(Data("b".utf8)))
    #expect(Theme.fingerprint(Data()).count == 10)
  }
}
