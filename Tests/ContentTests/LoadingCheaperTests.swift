import Foundation
import Testing
import Yams

@testable import Content

/// The shortcuts of the 14:00 UTC round on loading 10,000 pages (docs/speed-history.md), each
/// against the way it spares most values, on random texts around the shapes it reads.
@Suite struct LoadingCheaperTests {
  /// Dates and times of the usual shapes, read from their bytes, are what reading their
  /// characters gives: digits out of range, other digits (full-width, Arabic-Indic), signs,
  /// combining marks, and every length around the two shapes.
  @Test func datesReadFromTheirBytesAreThoseReadAsCharacters() {
    var generator = SystemRandomNumberGenerator()
    let templates = [
      "2026-12-05T13:30:00+09:00", "2024-02-29T23:59:60-00:00", "2026-12-05", "2023-02-29",
      "2026-04-31 09:00:00Z",
    ]
    let pieces = [
      "0", "1", "2", "3", "4", "5", "6", "9", "-", "+", ":", "T", " ", "Z", ".", "１", "٣",
      "\u{301}", "a", "",
    ]
    var quick = 0
    var valid = 0
    for _ in 0..<40_000 {
      var chars = Array(templates.randomElement(using: &generator)!).map(String.init)
      for _ in 0..<Int.random(in: 0...2, using: &generator) {
        let i = Int.random(in: 0..<chars.count, using: &generator)
        chars[i] = pieces.randomElement(using: &generator)!
      }
      let text = chars.joined()
      if ISOShapes.date(text) != nil || ISOShapes.dateTime(text) != nil { quick += 1 }
      let date = LocalDate(iso: text)
      #expect(date == LocalDate(isoByCharacters: text), "\(text.unicodeScalars.map(\.value))")
      for dateOnly in [false, true] {
        let time = DateTime(iso: text, allowDateOnly: dateOnly)
        if time != nil { valid += 1 }
        #expect(
          time == DateTime(isoByCharacters: text, allowDateOnly: dateOnly),
          "\(text.unicodeScalars.map(\.value)) \(dateOnly)")
      }
    }
    #expect(quick > 10_000 && valid > 5_000)
  }

  /// A file's slug cut at the last slash's byte is the last part of the path split at its
  /// slashes, without the last three characters: with non-ASCII names, combining marks and a
  /// Prepend scalar beside a slash, CR and LF, doubled slashes, short names.
  @Test func fileSlugsCutFromBytesAreThoseOfTheSplitPath() {
    var generator = SystemRandomNumberGenerator()
    let pieces = [
      "/", "a", "b-c", ".md", "県", "\u{301}", "\u{600}", "\r", "\n", "\r\n", ".", "md", "_",
    ]
    for _ in 0..<20_000 {
      let path = (0..<Int.random(in: 1...6, using: &generator)).map { _ in
        pieces.randomElement(using: &generator)!
      }.joined()
      // The split's last part does not exist for a path of slashes alone.
      guard let last = path.split(separator: "/").last else { continue }
      #expect(
        Array(PageParser.fileSlug(path).utf8) == Array(String(last.dropLast(3)).utf8),
        "\(path.unicodeScalars.map(\.value))")
    }
  }

  /// A key given twice is found among a mapping's keys, few or many: the error names the
  /// first one's line, the second is not read, and every other key is.
  @Test func keysGivenTwiceAreFoundInSmallAndLargeMappings() throws {
    for count in [3, 40] {
      let lines = (0..<count).map { "k\($0): v\($0)" }
      let composed = try #require(try Yams.compose(yaml: lines.joined(separator: "\n")))
      // Yams refuses a key given twice: the second `k1` is added to its mapping.
      var pairs = Array(try #require(composed.mapping))
      pairs.append((pairs[1].key, Node("again")))
      let node = Node.mapping(Node.Mapping(pairs.map { ($0.key, $0.value) }))
      var y = YAMLFields(node: node, file: "f.md", lineOffset: 2, what: "x", whatJa: "x")
      #expect(y.diagnostics.count == 1)
      #expect(y.diagnostics.first?.message == "the key `k1` is given twice (first on line 3)")
      #expect(y.string("k1") == "v1")
      for i in 0..<count where i != 1 { _ = y.string("k\(i)") }
      y.reportUnknownKeys(kindName: "x", japaneseName: "x")
      #expect(y.diagnostics.count == 1)
    }
  }

  /// A mapping read from another's text shares its placer: one of its own per item re-read
  /// the whole text (30,000 items of a 1 MB site.yml took 18 GB and were killed). Items'
  /// marks are still placed on their own lines.
  @Test func mappingsOfOneTextShareOnePlacer() throws {
    let text = "domains:\n" + (0..<50).map { "  - { id: d\($0), nam: x }" }.joined(separator: "\n")
    let node = try #require(try Yams.compose(yaml: text))
    var y = YAMLFields(
      node: node, file: "site.yml", lineOffset: 1, text: text, what: "x", whatJa: "x")
    let items = try #require(y.node("domains")?.sequence)
    var lines: [Int] = []
    for item in items {
      var d = YAMLFields(node: item, in: y, what: "a domain", whatJa: "分野")
      #expect(d.placer === y.placer)
      _ = d.string("id")
      d.reportUnknownKeys(kindName: "a domain", japaneseName: "分野")
      lines += d.diagnostics.map(\.location.line)
    }
    #expect(lines == Array(2...51))
  }

  /// The front matter reader's check for a key given twice, among few keys and past 32.
  @Test func quickReaderRefusesAKeyGivenTwice() {
    for count in [3, 32, 33, 40] {
      let keys = (0..<count).map { "k\($0): v" }
      #expect(YAMLQuick.compose(keys.joined(separator: "\n")) != nil)
      #expect(YAMLQuick.compose((keys + ["k0: w"]).joined(separator: "\n")) == nil)
      #expect(YAMLQuick.compose((keys + ["k\(count - 1): w"]).joined(separator: "\n")) == nil)
    }
  }

  /// A key not asked for is reported once, with the keys asked for (present or not) sorted
  /// and named once each in its hint.
  @Test func unknownKeysNameTheKeysAskedFor() throws {
    let node = try #require(try Yams.compose(yaml: "title: a\nzzzzzzzz: b\nextra: c"))
    var y = YAMLFields(node: node, file: "f.md", lineOffset: 2, what: "x", whatJa: "x")
    _ = y.string("title")
    _ = y.string("title")
    _ = y.string("summary")
    _ = y.node("extra")
    y.reportUnknownKeys(kindName: "a page", japaneseName: "ページ")
    let unknown = y.diagnostics.filter { $0.code == "front-matter.unknown-key" }
    #expect(unknown.map(\.message) == ["unknown key `zzzzzzzz` in a page"])
    #expect(unknown.first?.hint == "remove it; the keys of a page are: extra, summary, title")
  }
}
