import ByteFormats
import Foundation
import Search
import Testing

@testable import Build

/// The pack of the bodies' plain texts beside the cache (`BodyPack`): written, appended to,
/// compacted, and a pack that is not the one the state was written with means a full build.
@Suite struct BodyPackTests {
  let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
    "body-pack-\(UUID().uuidString)")

  init() throws {
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
  }

  /// Each text as the state would read it back from the pack.
  func read(_ layout: BodyPack.Layout, at path: String) throws -> [String: String] {
    let pack = try #require(BodyPack.map(path, id: layout.id, length: layout.length))
    return layout.entries.mapValues { e in
      StoredText(mapped: pack, range: e.offset..<(e.offset + e.length), hash: e.hash).string
    }
  }

  func texts(_ strings: [String: String]) -> [String: StoredText] {
    strings.mapValues { StoredText($0) }
  }

  func size(_ path: String) throws -> Int {
    try FileManager.default.attributesOfItem(atPath: path)[.size] as! Int
  }

  @Test func textsSurviveTheirPack() throws {
    let path = folder.appendingPathComponent("texts.pack").path
    let strings = ["a.md": "防災の取組", "b.md": "", "c.md": String(repeating: "あ", count: 3000)]
    let layout = try BodyPack.write(texts(strings), at: path)
    #expect(try read(layout, at: path) == strings)
    #expect(layout.length == (try size(path)))
    for (page, e) in layout.entries {
      #expect(e.hash == SearchIndexState.bodyHash(of: StoredText(strings[page]!)))
    }
    // Another pack's id, or a pack cut short, is none.
    #expect(BodyPack.map(path, id: layout.id &+ 1, length: layout.length) == nil)
    #expect(BodyPack.map(path, id: layout.id, length: layout.length + 1) == nil)
  }

  /// An edited text is appended; the texts still mapped from the pack stay where they are, and
  /// the bytes an earlier state refers to are never written over.
  @Test func anEditAppendsAndAGoneTextLeavesGarbage() throws {
    let path = folder.appendingPathComponent("texts.pack").path
    var strings = ["a.md": "一つ目の本文", "b.md": "二つ目の本文", "c.md": "三つ目の本文"]
    let first = try BodyPack.write(texts(strings), at: path)
    let before = try Data(contentsOf: URL(fileURLWithPath: path))
    let pack = try #require(BodyPack.map(path, id: first.id, length: first.length))
    var next = first.entries.mapValues {
      StoredText(mapped: pack, range: $0.offset..<($0.offset + $0.length), hash: $0.hash)
    }
    next["b.md"] = StoredText("二つ目の本文に追記")
    next["c.md"] = nil
    strings["b.md"] = "二つ目の本文に追記"
    strings["c.md"] = nil
    let second = try BodyPack.write(next, at: path)
    #expect(second.id == first.id)
    #expect(second.entries["a.md"] == first.entries["a.md"])
    #expect(second.entries["b.md"]!.offset == first.length)
    #expect(second.length == first.length + "二つ目の本文に追記".utf8.count)
    let after = try Data(contentsOf: URL(fileURLWithPath: path))
    #expect(after.prefix(before.count) == before)
    #expect(try read(second, at: path) == strings)
    // The first layout still reads as it was.
    #expect(try read(first, at: path)["c.md"] == "三つ目の本文")
  }

  /// When the garbage passes the live texts (and the floor), the pack is written whole under a
  /// new id: a state of the old pack no longer reads it, and texts mapped from the old file
  /// are still read from it.
  @Test func garbageIsCompactedAway() throws {
    let path = folder.appendingPathComponent("texts.pack").path
    let long = String(repeating: "長い本文。", count: 200)
    let other = String(repeating: "別の本文。", count: 201)
    let first = try BodyPack.write(texts(["a.md": long, "b.md": other]), at: path, compactsFrom: 0)
    var layouts = [first]
    for n in 1...3 {
      let layout = layouts.last!
      let pack = try #require(BodyPack.map(path, id: layout.id, length: layout.length))
      var next = layout.entries.mapValues {
        StoredText(mapped: pack, range: $0.offset..<($0.offset + $0.length), hash: $0.hash)
      }
      next["a.md"] = StoredText(long + "\(n)")
      layouts.append(try BodyPack.write(next, at: path, compactsFrom: 0))
      #expect(try read(layouts.last!, at: path) == ["a.md": long + "\(n)", "b.md": other])
      // Read from the mapping of the pack as it was, whatever became of the file.
      #expect(next["b.md"]!.string == other)
    }
    // The first edit's garbage is one text, as much as the live one: appended. The second's
    // is more: compacted, under a new id. The third is appended to the new pack.
    #expect(layouts.map(\.id) == [first.id, first.id, layouts[2].id, layouts[2].id])
    #expect(layouts[2].id != first.id)
    #expect(layouts[1].length > layouts[0].length)
    #expect(layouts[2].length < layouts[1].length)
    #expect(BodyPack.map(path, id: first.id, length: layouts[1].length) == nil)
    #expect(try size(path) == layouts[3].length)
    // Not below the floor.
    let small = folder.appendingPathComponent("small.pack").path
    var layout = try BodyPack.write(texts(["a.md": long]), at: small)
    for n in 1...3 { layout = try BodyPack.write(texts(["a.md": long + "\(n)"]), at: small) }
    #expect(layout.id == (try BodyPack.write(texts(["a.md": long]), at: small)).id)
  }

  /// Two new folders get the same pack, id and all (a reproducible output folder); a pack
  /// written whole over another never takes its id, though it holds the same texts.
  @Test func aNewPacksIdComesFromItsTextsAndTheOneItReplaces() throws {
    let one = folder.appendingPathComponent("one.pack").path
    let two = folder.appendingPathComponent("two.pack").path
    let strings = ["a.md": "一つ目の本文", "b.md": "二つ目の本文"]
    let first = try BodyPack.write(texts(strings), at: one)
    #expect(try BodyPack.write(texts(strings), at: two).id == first.id)
    #expect(FileManager.default.contents(atPath: one) == FileManager.default.contents(atPath: two))
    #expect(
      try BodyPack.write(
        texts(["a.md": "別の本文"]), at: folder.appendingPathComponent("three.pack").path
      ).id != first.id)
    // Written whole over itself (every text new, nothing kept): another id.
    let again = try BodyPack.write(texts(strings), at: one, compactsFrom: 0)
    #expect(again.id != first.id)
    #expect(try read(again, at: one) == strings)
    #expect(BodyPack.map(one, id: first.id, length: first.length) == nil)
  }
}

/// A new pack is streamed into its file through a buffer of 1 MB, its header written last
/// (`FileIO.replace(at:header:streaming:)`): texts that fill the buffer exactly, cross it, or
/// are larger than it all come back whole, and the id does not depend on how they were cut.
@Suite struct StreamedPackTests {
  let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
    "streamed-pack-\(UUID().uuidString)")

  init() throws {
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
  }

  @Test func textsAcrossAndLargerThanTheBufferComeBackWhole() throws {
    let path = folder.appendingPathComponent("texts.pack").path
    var strings: [String: String] = [:]
    for i in 0..<40 { strings["p\(i).md"] = String(repeating: "本文\(i)", count: 9_000 + i * 37) }
    strings["big.md"] = String(repeating: "x", count: 3 << 20)
    strings["exact.md"] = String(repeating: "y", count: 1 << 20)
    strings["empty.md"] = ""
    let layout = try BodyPack.write(strings.mapValues { StoredText($0) }, at: path)
    let pack = try #require(BodyPack.map(path, id: layout.id, length: layout.length))
    let size = try FileManager.default.attributesOfItem(atPath: path)[.size] as! Int
    #expect(size == layout.length)
    for (page, text) in strings {
      let e = try #require(layout.entries[page])
      #expect(
        StoredText(mapped: pack, range: e.offset..<(e.offset + e.length), hash: 0).string == text)
    }
    // The same texts in another folder: the same bytes and id.
    let again = folder.appendingPathComponent("again.pack").path
    #expect(try BodyPack.write(strings.mapValues { StoredText($0) }, at: again).id == layout.id)
    #expect(
      FileManager.default.contents(atPath: again) == FileManager.default.contents(atPath: path))
  }

  /// A piece that cannot be written leaves no file behind, the old one as it was.
  @Test func aFailedStreamLeavesTheOldFile() throws {
    let path = folder.appendingPathComponent("kept.bin").path
    #expect(FileIO.replace([1, 2, 3] as [UInt8], at: path))
    let ok = FileIO.replace(at: path, header: 4) { emit in
      [UInt8](repeating: 9, count: 10).withUnsafeBytes { emit($0) }
      return [1, 2]  // not the header's size
    }
    #expect(!ok)
    #expect(FileManager.default.contents(atPath: path) == Data([1, 2, 3]))
    #expect(!FileManager.default.fileExists(atPath: path + ".portal-tmp"))
  }
}
