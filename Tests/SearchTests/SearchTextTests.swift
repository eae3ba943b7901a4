import Testing

@testable import Search

@Suite struct SearchTextTests {
  /// The UTF-8 encoder gives what appending the scalars one by one gives, and leaves out values
  /// that are not scalars (surrogates, beyond U+10FFFF).
  @Test func stringEncodesScalarsAsUTF8() {
    var generator = SystemRandomNumberGenerator()
    let edges: [UInt32] = [
      0, 0x41, 0x7F, 0x80, 0x7FF, 0x800, 0x3042, 0xD7FF, 0xD800, 0xDFFF, 0xE000, 0xFFFF, 0x1_0000,
      0x1F600, 0x10_FFFF, 0x11_0000, 0xFFFF_FFFF,
    ]
    for round in 0..<200 {
      let scalars: [UInt32] =
        round == 0
        ? edges
        : (0..<Int.random(in: 0...40, using: &generator)).map { _ in
          edges.randomElement(using: &generator)! &+ UInt32.random(in: 0...3, using: &generator)
        }
      var view = String.UnicodeScalarView()
      for v in scalars { if let s = Unicode.Scalar(v) { view.append(s) } }
      #expect(SearchText.string(scalars) == String(view))
      #expect(SearchText.string(scalars[...]).utf8.elementsEqual(String(view).utf8))
    }
  }
}

/// The character classes' fast paths (ASCII, kana and kanji, Japanese punctuation) give what
/// the Unicode properties give: the index and search.js must cut text at the same places.
@Suite struct CharClassTests {
  @Test func fastPathsAgreeWithProperties() {
    for v in UInt32(0)..<0x1_0000 {
      let c = Normalizer.charClass(v)
      if c == .japanese { continue }
      // ASCII punctuation and symbols are separators even where Unicode calls them otherwise.
      if v < 0x80 { continue }
      #expect(c == Normalizer.classByProperties(v), "U+\(String(v, radix: 16))")
    }
    for v in [0x3000, 0x3001, 0x3002, 0x300C, 0x300D, 0x301C, 0x3020] as [UInt32] {
      #expect(Normalizer.charClass(v) == .separator)
    }
    #expect(Normalizer.charClass(0x3021) == .word)  // 〡, a letter number
  }
}
