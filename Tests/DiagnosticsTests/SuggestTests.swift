import EditDistance
import SeededRandom
import Testing

@testable import Diagnostics

/// `Suggest.Candidates` answers from the names near a word's length and its prefixes; these
/// hold it to the plain definition, every candidate weighed in turn.
@Suite struct SuggestTests {
  /// The definition: the first candidate of the least distance within the limit, unless a
  /// candidate whose stem starts the word's (or the other way round) is there and no candidate
  /// is one change away; then the shortest of those.
  static func plainClosest(
    to word: String, in candidates: [String], maxDistance: Int? = nil, lengthWithin: Int? = nil
  ) -> String? {
    let (folder, name) = Suggest.split(word.lowercased())
    let stem = Suggest.stem(name)
    let limit = maxDistance ?? (name.count <= 2 ? 1 : max(2, name.count / 3))
    var best: (String, Int)?
    var extended: String?
    for candidate in candidates {
      if let lengthWithin, abs(candidate.count - word.count) > lengthWithin { continue }
      let (otherFolder, otherName) = Suggest.split(candidate.lowercased())
      guard otherFolder == folder else { continue }
      let d = EditDistance.between(String(name), String(otherName), atMost: limit)
      if d <= limit, best == nil || d < best!.1 { best = (candidate, d) }
      let other = Suggest.stem(otherName)
      if maxDistance == nil, min(stem.count, other.count) >= 3, stem != other,
        other.hasPrefix(stem) || stem.hasPrefix(other),
        extended == nil || candidate.count < extended!.count
      {
        extended = candidate
      }
    }
    if let best, best.1 <= 1 || extended == nil { return best.0 }
    return extended ?? best?.0
  }

  /// Names from a few letters (kana, kanji, Latin of both cases, a decomposed が), in one of
  /// two folders, so that many are near each other and many share a start.
  static func randomName(_ random: inout SplitMix64) -> String {
    let letters = ["a", "b", "c", "A", "-", "見", "出", "し", "が", "か\u{3099}", "1", "2"]
    var name = ""
    for _ in 0..<(1 + random.below(7)) { name += letters[random.below(letters.count)] }
    if random.below(4) == 0 { name += random.below(2) == 0 ? ".md" : "/" }
    switch random.below(3) {
    case 0: return "pages/" + name
    case 1: return "Pages/" + name
    default: return name
    }
  }

  @Test func answersAsTheDefinition() {
    var random = SplitMix64(seed: 2026_12_06)
    for _ in 0..<150 {
      let candidates = (0..<random.below(60)).map { _ in Self.randomName(&random) }
      let prepared = Suggest.Candidates(candidates)
      for _ in 0..<40 {
        let word = Self.randomName(&random)
        let maxDistance = random.below(4) == 0 ? random.below(3) : nil
        let lengthWithin = random.below(4) == 0 ? random.below(4) : nil
        let expected = Self.plainClosest(
          to: word, in: candidates, maxDistance: maxDistance, lengthWithin: lengthWithin)
        #expect(
          prepared.closest(to: word, maxDistance: maxDistance, lengthWithin: lengthWithin)
            == expected, "\(word) in \(candidates)")
      }
    }
  }

  @Test func aPageOfThousandsOfNamesIsAskedAtOnce() {
    // Thousands of ids, each word asked near many of them: the answers of the definition.
    let ids = (0..<3000).map { "見出し\($0)" }
    let prepared = Suggest.Candidates(ids)
    #expect(prepared.closest(to: "見出し12a") == "見出し12")
    #expect(prepared.closest(to: "見出") == nil)
    #expect(prepared.closest(to: "nothere7") == nil)
    #expect(prepared.closest(to: "見出し299") == Self.plainClosest(to: "見出し299", in: ids))
  }

  /// A renamed file's new id holds the old one's words (`narita-hub` → `narita-logistics-hub`):
  /// too far by edit distance, offered by its words, the one id that has them.
  @Test func anIdIsOfferedByItsWordsWhenOnlyOneHasThem() {
    let ids = ["narita-logistics-hub", "civic-tech", "smart-hub-city", "ai-disaster"]
    #expect(Suggest.closest(to: "narita-hub", in: ids) == nil)
    #expect(Suggest.sameWords(as: "narita-hub", in: ids) == "narita-logistics-hub")
    // The other way: words dropped from the new name.
    #expect(Suggest.sameWords(as: "civic-tech-2026", in: ids) == "civic-tech")
    // One word shared is no guess, nor is a choice of two, nor words out of order.
    #expect(Suggest.sameWords(as: "hub", in: ids) == nil)
    #expect(Suggest.sameWords(as: "smart-hub", in: ids + ["smart-hub-town"]) == nil)
    #expect(Suggest.sameWords(as: "hub-narita", in: ids) == nil)
  }

  /// A key 50,000 characters long still gets the key its start names; each of its starts up
  /// to its length was looked up (minutes for one unknown key), now only up to the longest
  /// candidate's.
  @Test func aVeryLongWordIsAnsweredByItsStart() {
    let long = "title" + String(repeating: "x", count: 50_000)
    #expect(Suggest.closest(to: long, in: ["title", "summary", "tags"]) == "title")
    #expect(Suggest.closest(to: String(repeating: "k", count: 50_000), in: ["title"]) == nil)
  }
}
