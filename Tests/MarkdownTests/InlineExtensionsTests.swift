import CCmarkGFM
import Dispatch
import Foundation
import SeededRandom
import Synchronization
import Testing

@testable import Markdown

/// A body without `:`, `w`, `~` and `@` is parsed without autolink and strikethrough, and
/// without taking turns (`MarkdownDocument.parsing`): it must give the very tree, and so the
/// very HTML, that the parse with every extension gives.
@Suite struct InlineExtensionsTests {
  /// Pieces of Markdown that reach every kind of block and inline cmark-gfm and its table,
  /// tag filter and task list read, and the bytes autolink and strikethrough act on.
  static let pieces = [
    "申請の手順", "漢字《かんじ》", "ｗｗｗ", "| 項目 | 内容 |", "|---|---|", "|--|--|--|", "| a \\| b |",
    "- [ ] 未完了", "- [x] 完了", "1. 一つ目", "* 箇条", "# 見出し", "## 概要 {#id}", "> 引用",
    "```", "```swift", "    字下げ", "***", "---", "===", "*強調*", "**太字**", "_下線_", "`code`",
    "[リンク](other.md)", "[リンク][ref]", "[ref]: ../a.md", "![画像](files/a.png)", "<div>",
    "<script>", "<textarea>", "</div>", "<!-- c -->", "&amp;", "&copy;", "\\*", "https//x.jp",
    "WWW.EXAMPLE.JP", "<http//x.jp>", "ftp.example.jp", "x.jp/a", "~", "~~消す~~", "w", "www.a.jp",
    "https://example.jp/a", "info@example.jp", "mailto:a@b.jp", ":", "a|b", "|", "<", ">", "(", ")",
    "[", "]", "!", "#", "\\", "=", "-", "+", ".", "1)", "\t", " ", "  ", "\n", "\n\n", "\n", "\n",
  ]

  /// A body of `count` pieces chosen by `seed` (SplitMix64: the same bodies every run).
  static func body(seed: UInt64, count: Int) -> String {
    var g = SplitMix64(seed: seed)
    var text = ""
    for _ in 0..<count {
      let z = g.next()
      text += pieces[Int(z % UInt64(pieces.count))]
      if z & 0x300 == 0 { text += " " }
    }
    return text
  }

  static func tree(_ doc: MarkdownDocument) -> String {
    guard let xml = cmark_render_xml(doc.root, doc.options.cmarkOptions) else { return "" }
    defer { free(xml) }
    return String(cString: xml)
  }

  @Test func bodiesWithoutTheirBytesGiveTheSameTree() {
    var compared = 0
    for seed in UInt64(0)..<30000 {
      let text = Self.body(seed: seed, count: 4 + Int(seed % 30))
      var copy = text
      guard !copy.withUTF8(MarkdownDocument.mayHoldInlineSyntax) else { continue }
      compared += 1
      for options in [MarkdownOptions(), MarkdownOptions(allowRawHTML: true)] {
        let full = MarkdownDocument(text, options: options, inlineExtensions: true)
        let chosen = MarkdownDocument(text, options: options)
        #expect(Self.tree(chosen) == Self.tree(full), "\(text.debugDescription)")
        #expect(chosen.renderHTML() == full.renderHTML(), "\(text.debugDescription)")
      }
    }
    #expect(compared > 3000)
  }

  /// Each byte that sends a body to the parse with every extension is one they act on.
  @Test(arguments: [
    "詳しくは https://example.jp/a/ を見ます", "詳しくは www.example.jp を見ます", "~~古い案~~は取り下げ",
    "連絡は info@example.jp まで",
  ])
  func eachByteIsNeeded(_ text: String) {
    let without = MarkdownDocument(text, options: MarkdownOptions(), inlineExtensions: false)
    let chosen = MarkdownDocument(text)
    #expect(chosen.renderHTML() != without.renderHTML())
    #expect(chosen.renderHTML().contains("<a href=") || chosen.renderHTML().contains("<del>"))
  }

  /// `mayHoldInlineSyntax` asks `memchr` for each byte: it must say what a look at every byte
  /// says, for each of the four bytes at the first, the last and any place, and for none.
  @Test func theBytesAreFoundWhereverTheyAre() {
    func reference(_ bytes: [UInt8]) -> Bool {
      bytes.contains { $0 == 0x3A || $0 == 0x77 || $0 == 0x7E || $0 == 0x40 }
    }
    var state: UInt64 = 7
    func next() -> UInt64 {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return state >> 33
    }
    // Japanese text, other ASCII, and the bytes next to the four (9, ;, v, x, }, ?, A).
    let filler: [UInt8] = Array("防災の計画".utf8) + Array("9;vx}?A \n".utf8)
    var found = 0
    for _ in 0..<5_000 {
      var bytes = (0..<Int(next() % 200)).map { _ in filler[Int(next()) % filler.count] }
      if next() % 2 == 0, !bytes.isEmpty {
        let special: [UInt8] = [0x3A, 0x77, 0x7E, 0x40]
        let place = [0, bytes.count - 1, Int(next()) % bytes.count][Int(next() % 3)]
        bytes[place] = special[Int(next() % 4)]
      }
      let answer = bytes.withUnsafeBufferPointer(MarkdownDocument.mayHoldInlineSyntax)
      #expect(answer == reference(bytes), "\(bytes)")
      if answer { found += 1 }
    }
    #expect(found > 1_500)
    #expect(
      MarkdownDocument.mayHoldInlineSyntax(UnsafeBufferPointer(start: nil, count: 0)) == false)
  }

  /// The plain text for search, block by block: its bytes are copied from cmark's literals
  /// and decoded once, so every kind of block and inline must still give its text.
  @Test func plainTextOfEveryKindOfBlock() {
    let doc = MarkdownDocument(
      "# 見出し *強調*\n\n段落の[リンク](a.md)と`コード`\n次の行と![画像](b.png)。\\\n改行\n\n"
        + "| 項目 | 内容 |\n|---|---|\n| セル | ~~消す~~ |\n\n```\nlet a = 1\n```\n\n"
        + "- 箇条 {漢字｜かんじ}\n\n> 引用 &amp; 実体 &#x41;\n")
    doc.applyRuby()
    #expect(
      doc.plainText()
        == "見出し 強調\n段落のリンクとコード\n次の行と画像。\n改行\n項目\n内容\nセル\n消す\nlet a = 1\n\n箇条 漢字\n引用 & 実体 A"
    )
  }

  /// Bodies are parsed without cmark's UTF-8 check: on any Swift string (valid UTF-8, with a
  /// NUL, a BOM, CR and CRLF, emoji, combining marks, U+FFFD and U+FFFE) it changes nothing.
  @Test(arguments: [
    "\u{FEFF}# 見出し\r\n本文\u{0}と\u{1F600}と\u{3099}か\u{3099}\r段落\u{FFFD}\u{FFFE}\n\n- 項目\u{0}",
    "\u{0}", "a\u{0}b\n\n| a | \u{10FFFF} |\n|---|---|\n| \u{7F} | é |",
    String(repeating: "漢字と𠮷", count: 500),
  ])
  func theUTF8CheckChangesNothing(_ text: String) {
    func tree(_ options: Int32) -> String {
      var copy = text
      let root = copy.withUTF8 { bytes in
        bytes.withMemoryRebound(to: CChar.self) {
          cmark_parse_document($0.baseAddress, $0.count, options)
        }
      }
      defer { cmark_node_free(root) }
      guard let xml = cmark_render_xml(root, options) else { return "" }
      defer { free(xml) }
      return String(cString: xml)
    }
    let options = MarkdownOptions().cmarkOptions
    #expect(options & CMARK_OPT_VALIDATE_UTF8 == 0)
    #expect(tree(options) == tree(options | CMARK_OPT_VALIDATE_UTF8))
  }
}
