import SeededRandom
import Testing

@testable import Markdown

/// `MarkRewrites` makes the five replacements of `renderHTML` (three alignments, two task
/// boxes) in one pass: its bytes must be those of the five passes one after another.
@Suite struct MarkRewritesTests {
  /// The texts replaced, in the order the passes ran, with what replaced them.
  static let passes: [(String, String)] = [
    (" align=\"left\"", " class=\"align-left\""),
    (" align=\"center\"", " class=\"align-center\""),
    (" align=\"right\"", " class=\"align-right\""),
    (
      "<input type=\"checkbox\" checked=\"\" disabled=\"\" />",
      "<input type=\"checkbox\" checked=\"\" disabled=\"\" aria-label=\"完了\" />"
    ),
    (
      "<input type=\"checkbox\" disabled=\"\" />",
      "<input type=\"checkbox\" disabled=\"\" aria-label=\"未完了\" />"
    ),
  ]

  /// Every occurrence replaced, leftmost first, on the bytes (the old `replacingAll`).
  static func replacingAll(_ text: [UInt8], _ target: String, _ replacement: String) -> [UInt8] {
    let (needle, with) = (Array(target.utf8), Array(replacement.utf8))
    var out: [UInt8] = []
    var i = 0
    while i < text.count {
      if text.count - i >= needle.count, text[i..<(i + needle.count)].elementsEqual(needle) {
        out += with
        i += needle.count
      } else {
        out.append(text[i])
        i += 1
      }
    }
    return out
  }

  static func reference(_ html: String) -> [UInt8] {
    var bytes = Array(html.utf8)
    let marks = HTMLMarks(html)
    if marks.contains(.alignment) {
      for (target, replacement) in passes[0..<3] {
        bytes = replacingAll(bytes, target, replacement)
      }
    }
    if marks.contains(.checkbox) {
      for (target, replacement) in passes[3...] { bytes = replacingAll(bytes, target, replacement) }
    }
    return bytes
  }

  /// Each text, its pieces, near misses (another side, no closing quote, a box's attributes
  /// cut or in another order, the replacements themselves) and text around them.
  static let pieces =
    passes.flatMap { [$0.0, $0.1] } + [
      " align=\"", " align=\"justify\"", " align=\"left", " align=\"leftx\"", " align=\"cent",
      "<td", "<td align=\"right\">", ">", "<input type=\"checkbox\" ",
      "<input type=\"checkbox\" checked=\"\" />", "<input type=\"checkbox\" disabled=\"\"",
      "checked=\"\" disabled=\"\" />", "disabled=\"\" />", "<input type=\"checkbox\"",
      "<img src=\"a.png\" />", "防災", "の", " ", "\"", "<", "=", "left\"", "right\"",
    ]

  /// A text of pieces chosen by `seed` (SplitMix64: the same texts every run).
  static func text(seed: UInt64) -> String {
    var g = SplitMix64(seed: seed)
    return (0..<g.below(14)).map { _ in pieces[g.below(pieces.count)] }.joined()
  }

  @Test func onePassGivesTheBytesOfTheFivePasses() {
    var rewritten = 0
    var both = 0
    for seed in UInt64(0)..<20_000 {
      let html = Self.text(seed: seed)
      var copy = html
      let marks = HTMLMarks(html)
      let out = copy.withUTF8 { MarkRewrites.apply($0, marks: marks) }
      let expected = Self.reference(html)
      if let out {
        #expect(out == expected, "\(html.debugDescription)")
        #expect(out != Array(html.utf8), "nil is for nothing replaced: \(html.debugDescription)")
        rewritten += 1
        if marks.contains([.alignment, .checkbox]) { both += 1 }
      } else {
        #expect(expected == Array(html.utf8), "\(html.debugDescription)")
      }
    }
    #expect(rewritten > 5_000)
    #expect(both > 1_000)
  }

  @Test func onlyTheMarksAskedForAreRewritten() {
    var html = " align=\"left\"<input type=\"checkbox\" disabled=\"\" />"
    let aligned = html.withUTF8 { MarkRewrites.apply($0, marks: .alignment) }
    #expect(
      aligned.map { String(decoding: $0, as: UTF8.self) }
        == " class=\"align-left\"<input type=\"checkbox\" disabled=\"\" />")
    let boxed = html.withUTF8 { MarkRewrites.apply($0, marks: .checkbox) }
    #expect(
      boxed.map { String(decoding: $0, as: UTF8.self) }
        == " align=\"left\"<input type=\"checkbox\" disabled=\"\" aria-label=\"未完了\" />")
    #expect(html.withUTF8 { MarkRewrites.apply($0, marks: .image) } == nil)
    #expect(html.withUTF8 { MarkRewrites.apply($0, marks: []) } == nil)
  }

  @Test func renderedBodiesWithAndWithoutWrappedCells() {
    // A glossary name in a table cell wraps the cell's text (`cellWrappers`): that body's
    // HTML is rewritten after its cells are unwrapped.
    let source = "| 用語 | 説明 |\n|:--|:-:|\n| 防災 | 右 |\n\n- [x] 済\n- [ ] 未\n"
    let plain = MarkdownDocument(source).renderHTML()
    #expect(plain.contains(" class=\"align-left\"") && plain.contains(" class=\"align-center\""))
    #expect(!plain.contains(" align="))
    #expect(plain.contains("aria-label=\"完了\"") && plain.contains("aria-label=\"未完了\""))
    let doc = MarkdownDocument(source)
    let matcher = GlossaryMatcher([
      GlossaryLinkTarget(slug: "bousai", url: "/g/bousai/", names: ["防災"])
    ])
    #expect(doc.linkGlossary(matcher) == [0])
    let linked = doc.renderHTML()
    #expect(!doc.cellWrappers.isEmpty)
    #expect(linked.contains("href=\"/g/bousai/\""))
    #expect(linked.contains(" class=\"align-left\"") && !linked.contains(" align="))
    #expect(linked.contains("aria-label=\"完了\"") && linked.contains("aria-label=\"未完了\""))
  }
}
