import ByteFormats
import Foundation

/// The source map's entries as the cache keeps them, in a file of their own beside the state,
/// `sourcemap.bin`: a 16-byte header (a magic number and the file's id, which is the hash of
/// the rest), then the number of entries and each entry's path and JSON, in the map's order.
/// At 10,000 pages it is 6 MB, and a body edit that moves no link or heading changes no entry:
/// the next build reads the file without decoding it (`StoredSourceMap`: an entry is found
/// by a binary search when asked for), and writes nothing when no entry changed, where it
/// used to decode, encode and write the 10,000 entries again.
///
/// Crash safety: the file is only ever replaced whole (a temporary file renamed over it), and
/// its id is the hash of its bytes, which a reader checks, with its length, against what the
/// state recorded. A file that is not the state's (another build's, cut short, changed) makes
/// the cache unreadable: a full build.
enum SourceMapFile {
  static let file = "\(BuildCache.folder)/sourcemap.bin"
  static let magic: UInt64 = 0x5054_4C41_534D_0001

  /// The entries as the file holds them after its header (and as a state without the files
  /// beside it holds them: `BuildCache.encoded()`): their count, then each path and entry.
  static func encode(_ entries: SourceMapEntries, into w: inout BinaryWriter) {
    var size = 8
    for (path, entry) in entries.all { size += path.utf8.count + entry.count + 16 }
    w.reserve(size)
    w.int(entries.count)
    for (path, entry) in entries.all {
      w.string(path)
      w.data(entry)
    }
  }

  /// The file as a state records it.
  struct Place: Sendable, Equatable {
    var id: UInt64
    var length: Int
  }

  /// The entries the file at `path` holds, when it is the one at `place`.
  static func read(_ path: String, at place: Place) -> StoredSourceMap? {
    guard let bytes = FileBytes.read(path), bytes.count == place.length else { return nil }
    return StoredSourceMap(bytes, id: place.id)
  }

  /// Writes `entries` at `path` unless the file there already holds them (they were read from
  /// it and not changed since), and returns where they are.
  static func write(_ entries: SourceMapEntries, at path: String) throws(OutputWriter.Failure)
    -> Place
  {
    if let stored = entries.stored {
      let place = Place(id: stored.id, length: stored.bytes.count)
      if let disk = BodyPack.onDisk(path, magic: magic), disk.id == place.id,
        disk.size == place.length
      {
        return place
      }
      guard FileIO.replace(stored.bytes, at: path) else { throw .cannotWrite(file) }
      return place
    }
    var w = BinaryWriter()
    encode(entries, into: &w)
    let id = w.bytes.withUnsafeBytes { WordHash.wide(magic, $0) }
    guard FileIO.replace(parts: [BodyPack.header(id, magic: magic), w.bytes], at: path) else {
      throw .cannotWrite(file)
    }
    return Place(id: id, length: BodyPack.headerSize + w.bytes.count)
  }

}

/// A source map file's entries, read but not decoded: where each path and JSON lies. Immutable,
/// so shared by every copy of the entries until one changes (`SourceMapEntries` then decodes).
final class StoredSourceMap: Sendable {
  let bytes: [UInt8]
  let id: UInt64
  /// Where each entry's path and JSON lie in `bytes`, in the map's order (its paths sorted).
  private let paths: [Range<Int>]
  private let values: [Range<Int>]

  /// Nil unless `bytes` are a source map file with this id whose hash is its id.
  init?(_ bytes: [UInt8], id: UInt64) {
    let header = BodyPack.headerSize
    guard bytes.count >= header + 8,
      bytes[0..<header].elementsEqual(BodyPack.header(id, magic: SourceMapFile.magic)),
      bytes.withUnsafeBytes({
        WordHash.wide(SourceMapFile.magic, UnsafeRawBufferPointer(rebasing: $0[header...]))
      }) == id
    else { return nil }
    var r = BinaryReader(bytes, in: header..<bytes.count)
    var paths: [Range<Int>] = []
    var values: [Range<Int>] = []
    do {
      let count = try r.int()
      guard count >= 0, count <= bytes.count else { return nil }
      paths.reserveCapacity(count)
      values.reserveCapacity(count)
      for _ in 0..<count {
        paths.append(try r.skip())
        values.append(try r.skip())
      }
    } catch {
      return nil
    }
    guard r.atEnd else { return nil }
    self.bytes = bytes
    self.id = id
    self.paths = paths
    self.values = values
  }

  var count: Int { paths.count }

  func path(at i: Int) -> String { String(decoding: bytes[paths[i]], as: UTF8.self) }
  func value(at i: Int) -> [UInt8] { Array(bytes[values[i]]) }

  /// The entry of `path`, by a binary search in the map's order (String's, as it was sorted).
  func value(for path: String) -> [UInt8]? {
    var (lo, hi) = (0, paths.count)
    while lo < hi {
      let mid = (lo + hi) / 2
      if self.path(at: mid) < path { lo = mid + 1 } else { hi = mid }
    }
    return lo < paths.count && self.path(at: lo) == path ? value(at: lo) : nil
  }
}
