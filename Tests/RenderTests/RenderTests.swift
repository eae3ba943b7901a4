import Content
import Foundation
import Testing

@testable import Render

@Suite struct JapaneseDateTests {
  @Test func writesWeekdayAndTime() throws {
    let start = try #require(DateTime(iso: "2026-12-05T13:30:00+09:00"))
    #expect(JapaneseDate.dateTime(start) == "2026年12月5日（土）13時30分")
    let end = try #require(DateTime(iso: "2026-12-05T15:00:00+09:00"))
    #expect(JapaneseDate.range(start, end) == "2026年12月5日（土）13時30分から15時まで")
    // Written in UTC, shown in UTC: the writer's offset is kept.
    #expect(
      JapaneseDate.dateTime(try #require(DateTime(iso: "2027-01-01T00:00:00Z"))) == "2027年1月1日（金）0時"
    )
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

  @Test func icsEscapesText() {
    #expect(Feeds.icsText("a,b;c\\d\ne") == "a\\,b\\;c\\\\d\\ne")
  }

  @Test func jsonLDCannotCloseTheScript() throws {
    #expect(Feeds.xml("<a & \"b\">") == "&lt;a &amp; &quot;b&quot;&gt;")
  }

  @Test func fingerprintIsContentHash() {
    #expect(Theme.fingerprint(Data("a".utf8)) == Theme.fingerprint(Data("a".utf8)))
    #expect(Theme.fingerprint(Data("a".utf8)) != Theme.fingerprint(Data("b".utf8)))
    #expect(Theme.fingerprint(Data()).count == 10)
  }
}
