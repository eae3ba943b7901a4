import Foundation
import Testing

@testable import Search

/// A full build sets the index's posting runs and encoded entries aside in a spill file
/// (`SpillStore`) to keep its memory low; the index it writes must be the one built in memory.
@Suite struct SpillStoreTests {
  static let folder = FileManager.default.temporaryDirectory.path

  @Test func bytesComeBackWholeOrInPart() throws {
    let store = try #require(SpillStore(directory: Self.folder))
    let first = store.put([1, 2, 3])
    let empty = store.put([])
    let second = store.put(Array(0..<200).map { UInt8($0) })
    #expect(store.read(first) == [1, 2, 3])
    #expect(store.read(empty) == [])
    #expect(store.read(second, range: 10..<13) == [10, 11, 12])
    #expect(store.read(second).count == 200)
  }

  @Test func theFileHasNoNameLeftInTheFolder() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "spill-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let store = try #require(SpillStore(directory: folder.path))
    _ = store.put([UInt8](repeating: 7, count: 4096))
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
    #expect(SpillStore(directory: folder.path + "/missing") == nil)
  }

  @Test func manyThreadsAtOnceKeepTheirOwnBytes() throws {
    let store = try #require(SpillStore(directory: Self.folder))
    let results = ResultBox<(SpillStore.Handle, UInt8)>(count: 64)
    DispatchQueue.concurrentPerform(iterations: 64) { i in
      results.set(i, (store.put([UInt8](repeating: UInt8(i), count: 1000 + i)), UInt8(i)))
    }
    for (handle, byte) in results.values() {
      #expect(store.read(handle) == [UInt8](repeating: byte, count: 1000 + Int(byte)))
    }
  }

  /// Bytes the file refuses (here a descriptor open for reading only, as a full disk would)
  /// are kept in memory instead, and read back the same.
  @Test func bytesTheFileRefusesStayInMemory() throws {
    let path = Self.folder + "/spill-readonly-\(UUID().uuidString)"
    #expect(FileManager.default.createFile(atPath: path, contents: Data()))
    defer { try? FileManager.default.removeItem(atPath: path) }
    let store = SpillStore(descriptor: open(path, O_RDONLY))
    let handle = store.put([9, 8, 7, 6])
    #expect(store.read(handle) == [9, 8, 7, 6])
    #expect(store.read(handle, range: 1..<3) == [8, 7])
  }

  /// The same files, byte for byte, with and without a spill file: with many shards (a pass
  /// per group of entries) and with fewer shards than groups (each pass reads several).
  @Test(arguments: [100, 400, 200_000, 1_000_000])
  func anIndexBuiltWithASpillFileIsTheSame(shardBytes: Int) throws {
    var options = IndexPatchTests.options
    options.shardBytes = shardBytes
    var generator = IndexPatchTests.Generator(state: 11)
    let documents = IndexPatchTests.corpus(&generator, count: 400)
    func build(spill: String?) -> SearchIndex {
      var files: [String: Data] = [:]
      var index = SearchIndexBuilder.buildIndex(documents, options: options, spillDirectory: spill)
      {
        files.merge($0) { a, _ in a }
      }
      index.files.merge(files) { a, _ in a }
      return index
    }
    let inMemory = build(spill: nil)
    let spilled = build(spill: Self.folder)
    #expect(inMemory.state.shards == spilled.state.shards)
    // The arguments give 16,384, 4,096, 8 and 2 shards: a pass per group of entries, and
    // passes that each read several groups.
    #expect(spilled.state.shards >= 2)
    #expect(inMemory.files.keys.sorted() == spilled.files.keys.sorted())
    for (path, data) in inMemory.files { #expect(spilled.files[path] == data, "\(path)") }
    #expect(inMemory.state.total == spilled.state.total)
    #expect(inMemory.state.bigPairs == spilled.state.bigPairs)
  }
}
