import Testing

@testable import Diagnostics

@Suite struct SourceLinesTests {
  @Test func linesEndAtLFCRLFAndALoneCR() {
    #expect("a\nb\r\nc\rd".sourceLines == ["a", "b", "c", "d"])
    #expect("a\r\n\r\nb\n".sourceLines == ["a", "", "b", ""])
    // What a split at "\n" gives: CR LF is one Character, not cut.
    #expect("a\r\nb".split(separator: "\n").count == 1)
  }

  @Test func nfkcComposesWhatFoundationLeavesApart() {
    #expect(Array("ﾃﾞｰﾀ".nfkc.unicodeScalars) == Array("データ".unicodeScalars))
    #expect("ＤＸ".nfkc == "DX")
  }
}
