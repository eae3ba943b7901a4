import ByteFormats
import Foundation
import Testing

@testable import Content

/// The hashes the loader keeps of each file (`SourceHashes`), which the incremental build
/// relies on: a body edit changes the body's hash and not the front matter's (other pages are
/// not made again), a front matter edit the reverse (the body's rendering is reused), and line
/// endings or a BOM alone change none (docs/speed-history.md, 2026-12-05 evening: the parts hashed
/// eight bytes a step).
@Suite struct SourceHashesTests {
  static let frontMatter = "title: 取組\nsummary: 要約の文です。\nfield: f\nstatus: active"
  static let body = "本文です。\n\n## 見出し\n\nもう1行、**太字**もあります。\n"

  /// The hashes `ContentLoader.parse` gives a file of these bytes.
  static func hashes(_ bytes: [UInt8]) throws -> SourceHashes? {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
      "portal-hashes-\(UUID().uuidString).md")
    defer { try? FileManager.default.removeItem(at: dir) }
    try Data(bytes).write(to: dir)
    return ContentLoader.parse(
      at: dir.path, shownAs: "x.md", relative: "initiatives/x.md", kind: .initiative,
      config: nil
    ).2
  }

  static func file(_ frontMatter: String, _ body: String) -> [UInt8] {
    Array("---\n\(frontMatter)\n---\n\(body)".utf8)
  }

  @Test func eachPartIsHashedByItself() throws {
    let base = try #require(try Self.hashes(Self.file(Self.frontMatter, Self.body)))
    #expect(base.frontMatter == SourceHashes.part(Self.frontMatter))
    #expect(base.body == SourceHashes.part(Self.body))
    #expect(
      base.file
        == Array(Self.file(Self.frontMatter, Self.body)).withUnsafeBytes(SourceHash.value(of:)))

    let bodyEdited = try #require(
      try Self.hashes(Self.file(Self.frontMatter, Self.body + "追記。")))
    #expect(bodyEdited.frontMatter == base.frontMatter)
    #expect(bodyEdited.body != base.body && bodyEdited.file != base.file)

    let titleEdited = try #require(
      try Self.hashes(
        Self.file(Self.frontMatter.replacingOccurrences(of: "取組", with: "取り組み"), Self.body)))
    #expect(titleEdited.body == base.body)
    #expect(titleEdited.frontMatter != base.frontMatter && titleEdited.file != base.file)

    // What the build drops: a BOM and CR line endings (an editor on Windows).
    let crlf = Self.file(Self.frontMatter, Self.body).flatMap { $0 == 0x0A ? [0x0D, 0x0A] : [$0] }
    #expect(try Self.hashes([0xEF, 0xBB, 0xBF] + crlf) == base)
  }

  /// A text moved from the front matter's end to the body's start (or one byte between
  /// parts) changes both, as the length is mixed in: ("ab", "c") is not ("a", "bc").
  @Test func aPartsLengthCounts() {
    #expect(SourceHashes.part("") != SourceHashes.part("\0"))
    #expect(SourceHashes.part("abcdefgh") != SourceHashes.part("abcdefgh\0"))
    #expect(SourceHashes.part("あいう") != SourceHashes.part("あい"))
  }

  /// Texts that differ in one byte anywhere, in the eight-byte words or in the tail, never
  /// share a hash: each step of `WordHash` is one-to-one for a given word.
  @Test func oneByteChangedAnywhereChangesTheHash() {
    let text = Array("前付けと本文の、どちらにもなる文字列です。abc".utf8)
    let hash = text.withUnsafeBytes { WordHash.mix(SourceHashes.partSeed, $0) }
    #expect(SourceHashes.part(String(decoding: text, as: UTF8.self)) == hash)
    var seen: Set<UInt64> = [hash]
    for i in text.indices {
      var changed = text
      changed[i] ^= 0x01
      seen.insert(changed.withUnsafeBytes { WordHash.mix(SourceHashes.partSeed, $0) })
    }
    #expect(seen.count == text.count + 1)
  }
}
