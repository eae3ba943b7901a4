import Diagnostics
import Foundation
import Testing

@testable import Content

/// The shortcuts of loading 10,000 pages faster (docs/speed-history.md, 2026-12-05 afternoon), each
/// against the slower way it spares most pages, on random texts made of what each one looks
/// for and what it passes over.
///
/// Texts are compared by their bytes: Swift's `==` holds canonically equivalent texts equal
/// (か and U+3099 is が), where a tag's address and a value's bytes differ.
@Suite struct LoadingShortcutTests {
  /// Up to `maxPieces` of `pieces` joined in a random order.
  static func randomText(
    of pieces: [String], maxPieces: Int, using generator: inout some RandomNumberGenerator
  ) -> String {
    (0..<Int.random(in: 0...maxPieces, using: &generator)).map { _ in
      pieces.randomElement(using: &generator)!
    }.joined()
  }

  /// The bytes looked at only where a refused sequence can start say what looking at each
  /// byte with the three before it says: the refused characters beside their neighbours in
  /// the code (U+FDCF, U+FDF0, U+FFFD, U+10FFFD, C2 A0), at either end of the text.
  @Test func controlBytesFoundFromTheirLeadAreThoseFoundByteByByte() {
    var generator = SystemRandomNumberGenerator()
    // Noncharacters cannot be written in a literal.
    let scalars: [UInt32] = [
      0x1B, 0x7, 0x7F, 0x80, 0x9F, 0xA0, 0xFDCF, 0xFDD0, 0xFDEF, 0xFDF0, 0xFFFD, 0xFFFE, 0xFFFF,
      0x1FFFE, 0x10FFFF, 0x10FFFD, 0xEFFFE, 0xF0000,
    ]
    let pieces =
      scalars.map { String(Character(Unicode.Scalar($0)!)) } + [
        "\t", "\n", "\r", "（", "ＡＢ", "県", "a", "👩‍👩‍👧",
      ]
    for _ in 0..<5_000 {
      let text = Self.randomText(of: pieces, maxPieces: 6, using: &generator)
      #expect(
        ControlCharacters.mayHold(text) == ControlCharacters.mayHold(stepping: text.utf8),
        "\(text.unicodeScalars.map(\.codePoint))")
      let line = text.dropFirst()
      #expect(
        ControlCharacters.mayHold(line) == ControlCharacters.mayHold(stepping: line.utf8),
        "\(line.unicodeScalars.map(\.codePoint))")
    }
  }

  /// A tag taken as its own name is the name NFKC and trimming make of it; the scalars that
  /// NFKC changes or joins, and spaces at either end, are not taken so.
  @Test func tagsTakenAsTheirOwnNameAreTheNameNFKCMakes() {
    var generator = SystemRandomNumberGenerator()
    let pieces = [
      "子育て", "DX", " ", "\u{3000}", "か", "\u{3099}", "ハ", "\u{309A}", "ｶﾞ", "ＤＸ", "ー", "・", "ゟ",
      "ヿ", "\u{F900}", "①", "㍿", "é", "e\u{301}", "\t", "\n", "ヽ", "ヾ", "ゝ", "a", "~",
    ]
    var own = 0
    for _ in 0..<5_000 {
      let written = Self.randomText(of: pieces, maxPieces: 5, using: &generator)
      let normalized = written.nfkc.trimmingCharacters(
        in: .whitespacesAndNewlines)
      #expect(
        Array(Tags.name(written).utf8) == Array(normalized.utf8),
        "\(written.unicodeScalars.map(\.codePoint))")
      if Tags.isItsOwnName(written) {
        own += 1
        #expect(
          Array(written.utf8) == Array(normalized.utf8),
          "\(written.unicodeScalars.map(\.codePoint))")
      }
    }
    #expect(own > 200)
  }

  /// A tag whose bytes hold nothing `problem` looks for has no problem when every check is
  /// made: with the marks it looks for, joined to combining marks, and at either end.
  @Test func tagsPassedOverByTheirBytesHaveNoProblem() {
    var generator = SystemRandomNumberGenerator()
    let pieces = [
      "子育て", "DX", ".", ",", "、", "/", "\\", "<", ":", "\"", "|", "?", "*", "\u{301}", "\u{85}",
      "\u{1}", "index", ".html", "¥", "、", "。", "ー", String(repeating: "県", count: 90), " ",
    ]
    let at = SourceLocation(file: "a.md", line: 1, column: 1)
    var checked = 0
    for _ in 0..<5_000 {
      let name = Self.randomText(of: pieces, maxPieces: 4, using: &generator)
      let problem = Tags.checkedProblem(name, written: name, at: at)
      #expect(
        Tags.problem(name, written: name, at: at) == problem,
        "\(name.unicodeScalars.map(\.codePoint))")
      if !Tags.mayHaveProblem(name) { #expect(problem == nil, "\(name)") } else { checked += 1 }
    }
    #expect(checked > 500)
    #expect(Tags.mayHaveProblem("index.html") && Tags.mayHaveProblem(""))
  }

  /// A value kept as it is when both ends are a letter is what trimming its characters gives:
  /// with white space at either end, combining marks, a Prepend scalar and emoji.
  @Test func valuesKeptWholeAreThoseTrimmedByCharacter() {
    var generator = SystemRandomNumberGenerator()
    let pieces = [
      "県", "a", "ア", " ", "\u{3000}", "\u{A0}", "\u{2028}", "\u{85}", "\n", "\t", "\u{301}",
      "\u{3099}", "\u{600}", "\u{200D}", "👩", "\u{FE0F}", "#", "ー", "\u{1F1EF}", "\u{1F1F5}",
      "。", "）", "」", "！", "\u{3001}", "\u{FF5E}",
    ]
    for _ in 0..<5_000 {
      let text = Self.randomText(of: pieces, maxPieces: 5, using: &generator)
      #expect(
        Array(text.trimmingSpacesAndNewlines.utf8)
          == Array(text.trimmingSpacesAndNewlinesByCharacter.utf8),
        "\(text.unicodeScalars.map(\.codePoint))")
    }
  }

  /// A line passed over by its first bytes is neither `---` nor a line typed for it.
  @Test func linesPassedOverByTheirBytesAreNoFences() {
    var generator = SystemRandomNumberGenerator()
    let pieces = [
      "-", "ー", "－", "—", "―", "‐", "−", "─", "‒", "–", " ", "\u{3000}", "\t", "\u{301}", "a",
      "title:",
      "県", "#", "：",
    ]
    var passed = 0
    for _ in 0..<5_000 {
      let line = Self.randomText(of: pieces, maxPieces: 5, using: &generator)
      guard !SourceFile.mayBeFence(Array(line.utf8)[...]) else { continue }
      passed += 1
      #expect(
        !SourceFile.isFenceLike(line[...]) && line[...].trimmingTrailingSpaces != "---",
        "\(line.unicodeScalars.map(\.codePoint))")
    }
    #expect(passed > 500)
  }

  /// A file is split as its lines say, cut from the decoded text at byte offsets: the front
  /// matter between the first two `---` lines, the body after, with a BOM, carriage returns,
  /// spaces after a fence and multi-byte text at every cut.
  @Test func filesAreSplitAsTheirLinesSay() {
    var generator = SystemRandomNumberGenerator()
    let pieces = [
      "---\n", "--- \n", "---\t\n", "ーーー\n", "title: 県\n", "本文です。\n", "\r\n", "\r", "e\u{301}",
      "\n", "👩‍👩‍👧", "---",
    ]
    var split = 0
    for _ in 0..<5_000 {
      let text = "---\n" + Self.randomText(of: pieces, maxPieces: 8, using: &generator)
      let bom = Bool.random(using: &generator)
      let bytes = (bom ? [0xEF, 0xBB, 0xBF] : []) + Array(text.utf8)
      let lines = text.replacingOccurrences(of: "\r\n", with: "\n")
        .replacingOccurrences(of: "\r", with: "\n")
        .split(separator: "\n", omittingEmptySubsequences: false)
      let close = lines.indices.dropFirst().first { lines[$0].trimmingTrailingSpaces == "---" }
      let read = SourceFile.read(bytes: bytes, path: "a.md", relativePath: "a.md")
      guard let close else {
        if case .success = read { Issue.record("split without a closing line: \(text)") }
        continue
      }
      guard case .success(let source) = read else {
        Issue.record("not split: \(text.debugDescription)")
        continue
      }
      split += 1
      #expect(
        Array(source.frontMatter.utf8) == Array(lines[1..<close].joined(separator: "\n").utf8))
      #expect(Array(source.body.utf8) == Array(lines[(close + 1)...].joined(separator: "\n").utf8))
      #expect(source.frontMatterLine == 2 && source.bodyLine == close + 2)
    }
    #expect(split > 500)
  }

  /// An address's scalars told apart by value when ASCII say what their Unicode properties
  /// say (`Addresses.isForbidden`), for every scalar there is.
  @Test func forbiddenInAnAddressByValueIsWhatThePropertiesSay() {
    var differing: [UInt32] = []
    for value in UInt32(0)...0x10FFFF {
      guard let s = Unicode.Scalar(value) else { continue }
      let full =
        s.value < 0x21 || s.value == 0x7F || (0x80...0x9F).contains(s.value)
        || s.properties.isWhitespace || "\"'<>\\`".unicodeScalars.contains(s)
      if Addresses.isForbidden(s) != full { differing.append(value) }
    }
    #expect(differing.isEmpty, "\(differing.prefix(10).map { String($0, radix: 16) })")
  }
}
