import ByteFormats
import Foundation
import Testing

@testable import Build

/// The log of the outputs' hashes beside the cache (`OutputLog`): written whole, appended to
/// with the entries that changed, compacted, and a log that is not the one the state was
/// written with (another id, cut short, a byte changed) is not read.
@Suite struct OutputLogTests {
  let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
    "output-log-\(UUID().uuidString)")
  var path: String { folder.appendingPathComponent("outputs.log").path }

  init() throws {
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
  }

  func table(_ n: Int) -> [String: BuildCache.Output] {
    var t: [String: BuildCache.Output] = [:]
    for i in 0..<n { t["p/\(i)/index.html"] = .init(inputs: UInt64(i), bytes: UInt64(i * 7)) }
    return t
  }

  func bytes() throws -> Data { try Data(contentsOf: URL(fileURLWithPath: path)) }

  @Test func aTableSurvivesItsLog() throws {
    let t = table(50)
    let place = try OutputLog.write(OutputHashes(t, log: nil), at: path)
    #expect(place.length == (try bytes()).count)
    #expect(place.records == 50)
    let read = try #require(OutputLog.read(path, at: place, outputs: 50))
    #expect(read.table == t)
    #expect(read.log == place)
    #expect(OutputLog.read(path, at: place, outputs: 49) == nil, "another count")
  }

  /// An edit appends the entries it changed (a removed one too); the bytes before stay.
  @Test func anEditAppendsItsEntriesOnly() throws {
    let first = try OutputLog.write(OutputHashes(table(50), log: nil), at: path)
    let before = try bytes()
    var hashes = try #require(OutputLog.read(path, at: first, outputs: 50))
    // The same value again is no change.
    hashes["p/3/index.html"] = .init(inputs: 3, bytes: 21)
    #expect(hashes.touched.isEmpty)
    #expect(try OutputLog.write(hashes, at: path) == first, "nothing written")
    #expect(try bytes() == before)
    hashes["p/3/index.html"] = .init(inputs: 99, bytes: 98)
    hashes["p/4/index.html"] = nil
    hashes["new/index.html"] = .init(inputs: 1, bytes: 2)
    let second = try OutputLog.write(hashes, at: path)
    let after = try bytes()
    #expect(second.id == first.id)
    #expect(second.records == 53)
    #expect(after.prefix(before.count) == before, "the entries written before stay as they were")
    #expect(after.count - before.count < 200)
    let read = try #require(OutputLog.read(path, at: second, outputs: 50))
    #expect(read.table == hashes.table)
    #expect(read.table["p/4/index.html"] == nil)
    #expect(read.table["p/3/index.html"] == .init(inputs: 99, bytes: 98))
    // The earlier state still reads the log as it was.
    #expect(try #require(OutputLog.read(path, at: first, outputs: 50)).table == table(50))
  }

  /// What a killed build appended after the state's length is never read; the next write
  /// does not append after it but writes the log whole under another id.
  @Test func whatAKilledBuildAppendedIsNotRead() throws {
    let first = try OutputLog.write(OutputHashes(table(20), log: nil), at: path)
    var hashes = try #require(OutputLog.read(path, at: first, outputs: 20))
    hashes["p/1/index.html"] = .init(inputs: 5, bytes: 5)
    _ = try OutputLog.write(hashes, at: path)
    // The killed build's state was never written: the next build starts from `first` again.
    let read = try #require(OutputLog.read(path, at: first, outputs: 20))
    #expect(read.table == table(20))
    var next = read
    next["p/2/index.html"] = .init(inputs: 6, bytes: 6)
    let second = try OutputLog.write(next, at: path)
    #expect(second.id != first.id, "written whole, not after the garbage")
    #expect(second.length == (try bytes()).count)
    #expect(try #require(OutputLog.read(path, at: second, outputs: 20)).table == next.table)
    #expect(OutputLog.read(path, at: first, outputs: 20) == nil, "the old state is no more")
  }

  /// A log more than half stale is written whole, under another id.
  @Test func aStaleLogIsCompacted() throws {
    var place = try OutputLog.write(OutputHashes(table(10), log: nil), at: path)
    var ids: Set<UInt64> = [place.id]
    for round in 1...(OutputLog.compactsFrom / 10 + 30) {
      var hashes = try #require(OutputLog.read(path, at: place, outputs: 10))
      for i in 0..<10 { hashes["p/\(i)/index.html"] = .init(inputs: UInt64(round), bytes: 0) }
      place = try OutputLog.write(hashes, at: path)
      ids.insert(place.id)
      #expect(place.records <= 2 * 10 + OutputLog.compactsFrom)
    }
    #expect(ids.count > 1, "compacted at least once")
    #expect(place.length == (try bytes()).count)
  }

  /// Cut short, another log, a byte changed in a chunk or the header: not read.
  @Test(arguments: ["truncated", "id", "chunk", "missing"])
  func aLogNotTheStatesIsNotRead(_ how: String) throws {
    let place = try OutputLog.write(OutputHashes(table(30), log: nil), at: path)
    var data = try bytes()
    switch how {
    case "truncated": data = data.prefix(data.count - 1)
    case "id": data[9] ^= 1
    case "chunk": data[data.count - 3] ^= 1
    default: try FileManager.default.removeItem(atPath: path)
    }
    if how != "missing" { try data.write(to: URL(fileURLWithPath: path)) }
    #expect(OutputLog.read(path, at: place, outputs: 30) == nil)
    // A table read from it before it was cut or replaced is not appended to it. (One changed in
    // place is not read, so no table says it was read from it.)
    guard how != "chunk" else { return }
    var hashes = OutputHashes(table(30), log: place)
    hashes["p/0/index.html"] = nil
    let next = try OutputLog.write(hashes, at: path)
    #expect(try #require(OutputLog.read(path, at: next, outputs: 29)).table == hashes.table)
  }
}
