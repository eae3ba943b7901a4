import EditDistance
import Testing

@Suite struct EditDistanceTests {
  @Test func countsEachEditAndSwapOnce() {
    func d(_ a: String, _ b: String, _ bound: Int = 3) -> Int {
      EditDistance.between(
        a.unicodeScalars.map(\.value), b.unicodeScalars.map(\.value), atMost: bound)
    }
    #expect(d("ぼうさい", "ぼうさい") == 0)
    #expect(d("ぼうさ", "ぼうさい") == 1)  // missing
    #expect(d("こそだって", "こそだて") == 1)  // extra
    #expect(d("ぼうはい", "ぼうさい") == 1)  // changed
    #expect(d("opnedata", "opendata") == 1)  // swapped neighbours
    #expect(d("abcdef", "badcfe") == 3)
    #expect(d("abcdef", "badcfe", 2) == 3)  // past the bound: bound + 1
    #expect(d("abc", "abcdefg", 2) == 3)
    #expect(d("", "ab") == 2)
  }

  /// Strings are compared by characters: a flag is one mistake, not two, and a kana written
  /// with a combining mark is the same character as the precomposed one. Without a bound the
  /// whole distance comes back.
  @Test func stringsByCharacters() {
    #expect(EditDistance.between("tilte", "title") == 1)
    #expect(EditDistance.between("initiative", "initiatives") == 1)
    #expect(EditDistance.between("か\u{3099}", "が") == 0)
    #expect(EditDistance.between("が", "か\u{3099}たり") == 2)
    #expect(EditDistance.between("🇯🇵", "🇫🇷") == 1)
    #expect(EditDistance.between("kitten", "sitting") == 3)
    #expect(EditDistance.between("kitten", "sitting", atMost: 1) == 2)
    #expect(EditDistance.between("", "") == 0)
  }
}
