import Testing

@testable import Markdown

/// The name trie keeps each chain of nodes of one edge and no name as a run of bytes side by
/// side, compared at once (`NameTrie.TrieNode`): the matches must be those of the rule as
/// written (`GlossaryTrieTests.reference`) wherever a text leaves a run, at its first byte, in
/// the middle of a character, at its last, or where the text ends inside it.
@Suite struct GlossaryRunTests {
  /// Every name starts 防災 (the root itself is a run), most share 防災サービス, and a name
  /// ends inside another's chain.
  static let targets: [GlossaryLinkTarget] = [
    .init(slug: "a", url: "/a/", names: ["防災サービス連携基盤", "防災訓練"]),
    .init(slug: "b", url: "/b/", names: ["防災サービス連携", "防災"]),
    .init(slug: "c", url: "/c/", names: ["防災サービス", "防災サービス連携基盤データ"]),
    .init(slug: "d", url: "/d/", names: ["防災アプリ", "防災ＤＸ推進"]),
  ]

  /// Pieces that end runs early: 阪 and 防 share their first byte, 隊 and 災 their first two;
  /// ビ and ビル share a character, 連 and 運 their first two bytes.
  static let pieces = [
    "防", "災", "防災", "サー", "ビ", "ス", "ビル", "連", "運", "携", "基", "盤", "データ", "デ", "訓",
    "練", "阪", "隊", "ア", "プリ", "ＤＸ", "推進", "DX", "※", "*", "、", "x",
  ]

  @Test func runsFindWhatComparingEveryNameFinds() {
    let found = GlossaryTrieTests.compareWithReference(
      GlossaryMatcher(Self.targets), Self.targets, pieces: Self.pieces, seed: 7, upTo: 17)
    #expect(found > 5_000)
  }

  @Test func theGeneratedGlossaryIsMatchedAsWritten() {
    // Names as the benchmark's glossary writes them: dozens sharing long beginnings.
    let stems = ["防災サービス", "人材育成", "申請手続", "データ連携"]
    let targets = (0..<60).map { i in
      GlossaryLinkTarget(
        slug: "t\(i)", url: "/t\(i)/",
        names: ["\(stems[i % 4])基盤\(i / 4)", "\(stems[i % 4])\(i)号"])
    }
    let pieces = stems + ["基盤", "号", "1", "2", "3", "0", "5", "の", "人材", "防災", "サービ", "連携"]
    let found = GlossaryTrieTests.compareWithReference(
      GlossaryMatcher(targets), targets, pieces: pieces, seed: 3, upTo: 9)
    #expect(found > 200)
  }

  /// The chains' bytes are laid out once each, from the chain's first node: for あいうえお and
  /// あいかき (no full-width forms: no ASCII), the root's run to where う and か part (あい and
  /// the first two bytes of both), the run after う (えお, to the named お) and after か (き).
  @Test func eachChainIsOneRun() {
    let matcher = GlossaryMatcher([
      .init(slug: "a", url: "/a/", names: ["あいうえお"]), .init(slug: "b", url: "/b/", names: ["あいかき"]),
    ])
    #expect(
      matcher.trie.runs
        == Array("あい".utf8) + [0xE3, 0x81] + Array("えお".utf8) + Array("き".utf8))
    let text = Array("あいうえお あいかき あいう あいか".utf8)
    let found = text.withUnsafeBufferPointer { matcher.matches(in: $0).map(\.range) }
    #expect(found == [0..<15, 16..<28])
  }
}
