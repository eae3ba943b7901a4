import CCmarkGFM
import Foundation
import SeededRandom
import Testing

@testable import Markdown

/// cmark-gfm's HTML and literals are made Strings without checking them as UTF-8 again
/// (`String(cmarkUTF8:)`): that holds only while cmark writes valid UTF-8 for valid input.
/// Checked here on bodies made to break it (entities of no character, NUL, multi-byte
/// characters against every delimiter, tabs in code, autolinks of Japanese addresses, and text
/// cut at glossary names and ruby), and the Strings made are the ones `String(decoding:as:)`
/// makes.
@Suite struct CmarkTextTests {
  static let pieces =
    InlineExtensionsTests.pieces + [
      "&#0;", "&#xD800;", "&#x110000;", "&#65;", "&#x3042;", "&nbsp;", "&bogus;", "\u{0}",
      "\u{FEFF}",
      "\u{FFFD}", "\u{FFFE}", "😀", "👍🏽", "e\u{301}", "が", "か\u{3099}", "\\日", "*日本*", "**日本**",
      "`日`",
      "[日](日.md)", "https://例え.jp/パス", "www.日本.jp", "日@日.jp", "|日|本|", "\t日\t本", "~~日~~",
      "<日>", "<a href=\"日\">", "{漢字|かんじ}", "\r\n", "\r", "ｱﾌﾟﾘ", "※", "＊",
    ]

  static let glossary = GlossaryMatcher([
    GlossaryLinkTarget(slug: "a", url: "/a/", names: ["日本", "漢字", "アプリ", "e\u{301}"]),
    GlossaryLinkTarget(slug: "b", url: "/b/", names: ["日", "DX", "ｱﾌﾟﾘ"]),
  ])
  static let english = GlossaryMatcher(phrases: ["code", "DX", "a"], language: "en")

  @Test func cmarksBytesAreUTF8AndMakeTheSameStrings() {
    for seed in UInt64(0)..<4000 {
      var g = SplitMix64(seed: seed)
      var text = ""
      for _ in 0..<(3 + Int(seed % 40)) {
        let r = g.next()
        text += Self.pieces[Int(r % UInt64(Self.pieces.count))]
        if r & 0x3000 == 0 { text += "\n" }
      }
      for options in [MarkdownOptions(), MarkdownOptions(allowRawHTML: true)] {
        let doc = MarkdownDocument(text, options: options)
        guard let c = cmark_render_html(doc.root, options.cmarkOptions, nil) else { continue }
        defer { free(c) }
        let bytes = UnsafeBufferPointer(
          start: UnsafeRawPointer(c).assumingMemoryBound(to: UInt8.self), count: strlen(c))
        #expect(String(validating: bytes, as: UTF8.self) != nil, "\(text.debugDescription)")
        // Made without the check (which debug builds, these tests, still make: a trap).
        _ = doc.renderHTML()
        // The literals, after the transforms that cut text nodes at glossary names and ruby.
        doc.applyRuby()
        _ = doc.linkGlossary(Self.glossary)
        doc.markLanguage(Self.english)
        doc.root.walk { node in
          node.withLiteralBytes { bytes in
            #expect(String(validating: bytes, as: UTF8.self) != nil, "\(text.debugDescription)")
            #expect(node.literal == String(decoding: bytes, as: UTF8.self))
          }
        }
        _ = doc.renderHTML()
        _ = doc.plainText()
      }
    }
  }

  @Test func asciiIsFoundAtEveryPlace() {
    for count in 0..<40 {
      let ascii = [UInt8](repeating: UInt8(ascii: "a"), count: count)
      ascii.withUnsafeBufferPointer { #expect(String.isASCII($0)) }
      for at in 0..<count {
        var bytes = ascii
        bytes[at] = 0xC3
        bytes.withUnsafeBufferPointer { #expect(!String.isASCII($0), "\(count) \(at)") }
      }
    }
  }

  @Test(arguments: ["", "a", "abcdefghijklmnop", "日本語のテキスト", "aé", "😀 emoji", "e\u{301}"])
  func theSameStringAsDecoding(_ text: String) {
    let bytes = Array(text.utf8)
    let made = bytes.withUnsafeBufferPointer { String(cmarkUTF8: $0) }
    let decoded = String(decoding: bytes, as: UTF8.self)
    #expect(made == decoded)
    #expect(made.count == decoded.count)
    #expect(made.utf8.elementsEqual(decoded.utf8))
    #expect(made.hashValue == decoded.hashValue)
  }
}
