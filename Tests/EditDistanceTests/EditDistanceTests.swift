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

  /// The full table of the optimal string alignment distance, with no shortcut.
  static func table(_ a: [Int], _ b: [Int]) -> Int {
    var d = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
    for i in 0...a.count { d[i][0] = i }
    for j in 0...b.count { d[0][j] = j }
    for i in stride(from: 1, through: a.count, by: 1) {
      for j in stride(from: 1, through: b.count, by: 1) {
        d[i][j] = min(
          d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
        if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
          d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
        }
      }
    }
    return d[a.count][b.count]
  }

  /// What two names share at their start and end is left out before the table: the same
  /// distances as the whole table's, on pairs of a small alphabet that share much.
  @Test func sharedStartsAndEndsChangeNothing() {
    var state: UInt64 = 2026_12_06
    func next(_ bound: Int) -> Int {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int((state >> 33) % UInt64(bound))
    }
    for _ in 0..<20_000 {
      let shared = (0..<next(4)).map { _ in next(3) }
      let end = (0..<next(3)).map { _ in next(3) }
      let a = shared + (0..<next(6)).map { _ in next(3) } + end
      let b = shared + (0..<next(6)).map { _ in next(3) } + end
      let bound = next(5)
      let expected = min(Self.table(a, b), bound + 1)
      #expect(EditDistance.between(a, b, atMost: bound) == expected, "\(a) \(b) \(bound)")
      #expect(EditDistance.between(a, b) == Self.table(a, b), "\(a) \(b)")
    }
  }
}
