import Testing

@testable import Markdown

/// The glossary matcher walks one trie of every name's bytes at each place of a text. It must
/// find what comparing every name with the same first character, longest first, finds: the
/// same names at the same places for the same entries (of equal names the earlier entry), with
/// the same whole-word rules for Latin and katakana names and the same marks after them.
@Suite struct GlossaryTrieTests {
  /// The rule as written before the trie: at each character, the names starting there, longest
  /// first (of equal length the earlier), the first one whose bytes are there and that is a
  /// whole word where it must be.
  static func reference(_ targets: [GlossaryLinkTarget], in text: [UInt8]) -> [String] {
    var names: [(bytes: [UInt8], target: Int)] = []
    for (i, target) in targets.enumerated() {
      for name in target.names + target.names.compactMap(GlossaryMatcher.fullWidthVariant)
      where !name.isEmpty {
        names.append((Array(name.utf8), i))
      }
    }
    let ordered = names.enumerated().sorted {
      $0.element.bytes.count != $1.element.bytes.count
        ? $0.element.bytes.count > $1.element.bytes.count : $0.offset < $1.offset
    }.map(\.element)
    func isWord(_ b: UInt8) -> Bool {
      (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A)
    }
    var found: [String] = []
    var i = 0
    while i < text.count {
      var matched = false
      for name in ordered where i + name.bytes.count <= text.count {
        let end = i + name.bytes.count
        guard text[i..<end].elementsEqual(name.bytes) else { continue }
        if isWord(name.bytes[0]) && i > 0 && isWord(text[i - 1]) { continue }
        if isWord(name.bytes.last!) && end < text.count && isWord(text[end]) { continue }
        if GlossaryMatcher.isKatakana(name.bytes, at: 0)
          && GlossaryMatcher.isKatakana(text, at: i - 3)
        {
          continue
        }
        if GlossaryMatcher.isKatakana(name.bytes, at: name.bytes.count - 3)
          && GlossaryMatcher.isKatakana(text, at: end)
        {
          continue
        }
        let markLength =
          end < text.count && text[end] == UInt8(ascii: "*")
          ? 1
          : end + 2 < text.count && text[end] == 0xE2 && text[end + 1] == 0x80
            && text[end + 2] == 0xBB ? 3 : 0
        // A digit after the mark makes it a note's number (※1, *２).
        let after = String(decoding: text[min(end + markLength, text.count)...], as: UTF8.self)
        let marked =
          markLength > 0 && !(after.first.map { "0123456789０１２３４５６７８９".contains($0) } ?? false)
        found.append("\(i)..<\(end)→\(name.target)\(marked ? "※" : "")")
        i = end
        matched = true
        break
      }
      if !matched {
        // To the next character's first byte.
        i += 1
        while i < text.count && text[i] & 0xC0 == 0x80 { i += 1 }
      }
    }
    return found
  }

  static let targets: [GlossaryLinkTarget] = [
    .init(slug: "a", url: "/a/", names: ["防災サービス1", "防災のサービス"]),
    .init(slug: "b", url: "/b/", names: ["防災サービス12", "防災"]),
    .init(slug: "c", url: "/c/", names: ["防災サービス123", "AI", "DX"]),
    .init(slug: "d", url: "/d/", names: ["防災サービス1", "オープンデータ", "データ"]),
    .init(slug: "e", url: "/e/", names: ["AI活用", "ICT化", "MAIL", "ー"]),
    .init(slug: "f", url: "/f/", names: ["水位", "水", "水位アプリ", "ドローン", "ｱﾌﾟﾘ"]),
    .init(slug: "g", url: "/g/", names: ["DX", "😀絵", ""]),
    // U+F600 and U+1F600 (😀) share their low sixteen bits: the walk then starts at the root.
    .init(slug: "h", url: "/h/", names: ["\u{F600}x", "äb", "x"]),
  ]

  static let pieces = [
    "防", "災", "サービス", "1", "2", "3", "の", "AI", "DX", "ＤＸ", "ＡＩ活用", "MAIL", "ICT", "化",
    "オープン", "データ", "ー", "ズ", "水", "位", "アプリ", "ｱﾌﾟﾘ", "ｰ", "ドローン", "※", "*", " ", "、", "😀", "２",
    "絵", "a", "・", "ä", "\u{F600}", "x", "b",
  ]

  @Test func theTrieFindsWhatComparingEveryNameFinds() {
    let found = Self.compareWithReference(
      GlossaryMatcher(Self.targets), Self.targets, pieces: Self.pieces, seed: 11, upTo: 13)
    #expect(found > 10_000)
  }

  /// Matches in 20,000 texts of 1 to `upTo` random `pieces` each, compared with `reference`;
  /// how many matches the reference found in all.
  static func compareWithReference(
    _ matcher: GlossaryMatcher, _ targets: [GlossaryLinkTarget], pieces: [String],
    seed: UInt64, upTo: UInt64
  ) -> Int {
    var state = seed
    var found = 0
    for _ in 0..<20_000 {
      var text: [UInt8] = []
      for _ in 0..<(1 + Int(state % upTo)) {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        text += Array(pieces[Int((state >> 33) % UInt64(pieces.count))].utf8)
      }
      let expected = reference(targets, in: text)
      let actual = text.withUnsafeBufferPointer { buffer in
        matcher.matches(in: buffer).map {
          "\($0.range)→\($0.target)\($0.marked ? "※" : "")"
        }
      }
      #expect(actual == expected, "\(String(decoding: text, as: UTF8.self))")
      found += expected.count
    }
    return found
  }

  @Test func equalNamesGoToTheEarlierEntryAndTheLongestWins() {
    let matcher = GlossaryMatcher(Self.targets)
    let text = Array("防災サービス1と防災サービス12と防災サービス123、防災サービス1234".utf8)
    let found = text.withUnsafeBufferPointer { buffer in
      matcher.matches(in: buffer).map { (Array(text[$0.range]), $0.target) }
    }
    #expect(
      found.map { String(decoding: $0.0, as: UTF8.self) } == [
        "防災サービス1", "防災サービス12", "防災サービス123", "防災",
      ])
    // Before 4 no name ending in a digit is a whole word: 防災 is the longest that is.
    #expect(found.map(\.1) == [0, 1, 2, 1])
  }
}
