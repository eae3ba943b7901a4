import SeededRandom
import Testing

@testable import Markdown

/// `HTMLMarks` finds `align`, task boxes and images from each `=` of a body's HTML, where
/// `renderHTML` and the site's image attributes each searched the whole HTML for them; and
/// `String.find` looks for a two-byte needle (`[!`) with `memchr`. Both must say exactly what
/// a search of the bytes says.
@Suite struct HTMLMarksTests {
  /// Pieces of HTML: each mark, near misses of every kind (another name before `=`, no quote
  /// after it, the name cut short, `checkbox` misspelt), multi-byte text, lone `=` and quotes.
  static let pieces = [
    " align=\"", "<td align=\"left\">", " align='", "align=\"", " salign=\"",
    "<input type=\"checkbox\"",
    "<input type=\"checkbox ", "<input type=\"text\"", "input type=\"checkbox\"", "<img src=\"",
    "<img src='", "<img  src=\"", "img src=\"", "<img alt=\"\" src=\"", "=", "\"", "==\"",
    "<a href=\"x\">", "防災", "の", " ", "<", "=\"checkbox\"", "<input type", "<img src", " align",
    "e", "c\"", "[!", "[", "!", "#", "##",
  ]

  /// A text of pieces chosen by `seed` (SplitMix64: the same texts every run).
  static func text(seed: UInt64) -> String {
    var g = SplitMix64(seed: seed)
    return (0..<g.below(12)).map { _ in pieces[g.below(pieces.count)] }.joined()
  }

  /// A search of the bytes, one place after another.
  static func occurs(_ needle: String, in text: String) -> Bool {
    let (n, t) = (Array(needle.utf8), Array(text.utf8))
    guard t.count >= n.count else { return false }
    return (0...(t.count - n.count)).contains { t[$0..<($0 + n.count)].elementsEqual(n) }
  }

  static func reference(_ html: String) -> HTMLMarks {
    var marks: HTMLMarks = []
    if occurs(" align=\"", in: html) { marks.insert(.alignment) }
    if occurs("<input type=\"checkbox\"", in: html) { marks.insert(.checkbox) }
    if occurs("<img src=\"", in: html) { marks.insert(.image) }
    return marks
  }

  @Test func marksAreThoseWhoseBytesOccur() {
    var seen: Set<UInt8> = []
    for seed in UInt64(0)..<20_000 {
      let html = Self.text(seed: seed)
      let marks = HTMLMarks(html)
      #expect(marks == Self.reference(html), "\(html.debugDescription)")
      seen.insert(marks.rawValue)
    }
    // Every combination of the three came up.
    #expect(seen.count == 8)
  }

  @Test func marksAtTheEdges() {
    #expect(HTMLMarks("") == [])
    #expect(HTMLMarks("=") == [])
    #expect(HTMLMarks("<img src=\"") == .image)
    #expect(HTMLMarks("<img src=") == [])
    #expect(HTMLMarks(" align=\"") == .alignment)
    #expect(HTMLMarks("<input type=\"checkbox") == [])
    #expect(HTMLMarks("<input type=\"checkbox\"") == .checkbox)
  }

  @Test func renderedBodiesSayWhatTheyHold() {
    let doc = MarkdownDocument(
      "| a | b |\n|:--|--:|\n| 1 | 2 |\n\n- [x] 済\n- [ ] 未\n\n![地図](map.png)\n")
    let (html, marks) = doc.renderHTMLWithMarks()
    #expect(marks == [.alignment, .checkbox, .image])
    #expect(html.contains("class=\"align-left\"") && !html.contains(" align="))
    #expect(html.contains("aria-label=\"完了\"") && html.contains("aria-label=\"未完了\""))
    #expect(MarkdownDocument("本文だけ。[リンク](a.md)\n").renderHTMLWithMarks().marks == [])
  }

  @Test func twoByteNeedlesAreFoundWhereTheyStart() {
    for seed in UInt64(0)..<20_000 {
      let text = Self.text(seed: seed)
      for needle in ["[!", "##", "=\"", "!["] {
        let found = Array(text.utf8).withUnsafeBufferPointer {
          String.find(Array(needle.utf8), in: $0, from: 0)
        }
        let bytes = Array(text.utf8)
        let expected = bytes.indices.dropLast().first {
          bytes[$0] == needle.utf8.first! && bytes[$0 + 1] == needle.utf8.last!
        }
        #expect(found == expected, "\(needle) in \(text.debugDescription)")
      }
    }
    // From a later offset, and a first byte at the very end.
    let bytes = Array("[![x[".utf8)
    bytes.withUnsafeBufferPointer {
      #expect(String.find(Array("[!".utf8), in: $0, from: 1) == nil)
      #expect(String.find(Array("[!".utf8), in: $0, from: 0) == 0)
      #expect(String.find(Array("x[".utf8), in: $0, from: 2) == 3)
    }
  }
}
