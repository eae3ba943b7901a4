import Foundation
import Testing

@testable import Build

/// The source map's entries are kept in order with their keys written beforehand; after any
/// sequence of changes the file must be what sorting and encoding a dictionary gives.
@Suite struct SourceMapEntriesTests {
  /// The file as `JSONEncoder` with sorted keys writes it, entries spliced in as they are.
  func expected(_ entries: [String: [UInt8]]) throws -> Data {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.withoutEscapingSlashes]
    var out = Data("{\"pages\":{".utf8)
    for (n, key) in entries.keys.sorted().enumerated() {
      if n > 0 { out.append(UInt8(ascii: ",")) }
      out.append(try encoder.encode(key))
      out.append(UInt8(ascii: ":"))
      out.append(contentsOf: entries[key]!)
    }
    out.append(Data("},\"version\":1}".utf8))
    return out
  }

  @Test func changesInAnyOrderGiveTheSortedFile() throws {
    var rng = SystemRandomNumberGenerator()
    let paths = (0..<60).map { n -> String in
      ["a/\(n)/index.html", "b/\(n).html", "日本語/\(n)/index.html", "q\"uote\\\(n).html"][n % 4]
    }
    var entries = SourceMapEntries()
    var reference: [String: [UInt8]] = [:]
    for step in 0..<600 {
      let path = paths.randomElement(using: &rng)!
      let value: [UInt8]? =
        Int.random(in: 0..<4, using: &rng) == 0 ? nil : Array("{\"n\":\(step)}".utf8)
      entries[path] = value
      reference[path] = value
      #expect(entries[path] == reference[path])
    }
    entries.removeAll { $0.hasPrefix("b/") }
    reference = reference.filter { !$0.key.hasPrefix("b/") }
    #expect(entries.count == reference.count)
    #expect(Array(entries.all.map(\.0)) == reference.keys.sorted())
    let file = entries.file()
    #expect(file.path == SourceMapStep.path)
    #expect(file.data == (try expected(reference)))
    let parsed = try JSONSerialization.jsonObject(with: file.data) as? [String: Any]
    #expect((parsed?["pages"] as? [String: Any])?.count == reference.count)
  }

  @Test func emptyMap() throws {
    #expect(SourceMapEntries().file().data == (try expected([:])))
  }
}
