import ByteFormats
import Content
import Foundation

/// The table of outputs' hashes in a file of its own beside the state, `outputs.log`: a 16-byte
/// header (a magic number and the log's id), then chunks, each a hash of its bytes and its
/// length, then records (a path, and the output's two hashes, or nothing for an output gone).
/// A later record of a path stands for it. A full build writes one chunk of every output; a
/// one-file build appends one chunk of the few entries it changed (`OutputHashes.touched`),
/// where it used to encode and write the 80,000 entries again (4 MB at 10,000 pages).
///
/// Crash safety, as the pack of texts (`BodyPack`): bytes once written are never written over
/// nor cut off. The state records the log's id, its length and its number of records when it
/// was written; a reader reads up to that length and checks every chunk's hash, so a log
/// with another id, shorter, or changed in place makes the cache unreadable (a full build),
/// and bytes appended after it by a build killed before its state was written are not read.
/// A build appends only to a log whose length is the one its table was read at: anything
/// else (a killed build's chunk at the end, another log) is written whole under a new id and
/// renamed over the old one, as is a log more than half of whose records are stale.
enum OutputLog {
  static let file = "\(BuildCache.folder)/outputs.log"
  static let magic: UInt64 = 0x5054_4C41_4F4C_0001

  /// A log as a state records it.
  struct Place: Sendable, Equatable {
    var id: UInt64
    /// The log's length when the state was written: the bytes it holds for that state.
    var length: Int
    /// Records up to `length`, stale ones included: how much of it is garbage.
    var records: Int
  }

  /// Compacted when the records are more than twice the outputs and this many more: a small
  /// site's log is rewritten now and then, a large one after about as many edited outputs as
  /// it has.
  static let compactsFrom = 4096

  /// The table the log at `path` holds at `place`; nil when the file is missing, another log,
  /// shorter, holds another number of records or of outputs, or a chunk whose hash is not
  /// its bytes'.
  static func read(_ path: String, at place: Place, outputs count: Int) -> OutputHashes? {
    guard place.length >= BodyPack.headerSize, let bytes = FileBytes.read(path),
      bytes.count >= place.length,
      bytes[0..<BodyPack.headerSize].elementsEqual(BodyPack.header(place.id, magic: magic))
    else { return nil }
    var table: [String: BuildCache.Output] = [:]
    table.reserveCapacity(count)
    var records = 0
    var r = BinaryReader(bytes, in: BodyPack.headerSize..<place.length)
    do {
      while !r.atEnd {
        let hash = try r.u64()
        let chunk = try r.skip()
        guard hash == Self.hash(bytes, chunk) else { return nil }
        var c = BinaryReader(bytes, in: chunk)
        while !c.atEnd {
          let path = try c.string()
          table[path] =
            try c.bool() ? BuildCache.Output(inputs: try c.u64(), bytes: try c.u64()) : nil
          records += 1
        }
      }
    } catch {
      return nil
    }
    guard records == place.records, table.count == count else { return nil }
    return OutputHashes(table, log: place)
  }

  /// Brings the log at `path` up to date with `hashes` and returns where it now stands:
  /// nothing written when no entry changed, a chunk of the changed entries appended when the
  /// log on disk is the one the table was read at, else the log written whole.
  static func write(_ hashes: OutputHashes, at path: String) throws(OutputWriter.Failure) -> Place {
    if let log = hashes.log, let disk = BodyPack.onDisk(path, magic: magic), disk.id == log.id,
      disk.size == log.length,
      log.records + hashes.touched.count <= 2 * hashes.count + compactsFrom
    {
      guard !hashes.touched.isEmpty else { return log }
      // Sorted, so that two builds making the same edit append the same bytes.
      let paths = hashes.touched.sorted()
      let chunk = chunk(paths.map { ($0, hashes[$0]) })
      guard BodyPack.append(chunk, to: path, at: disk.size) else { throw .cannotWrite(file) }
      return Place(id: log.id, length: log.length + chunk.count, records: log.records + paths.count)
    }
    var records: [(String, BuildCache.Output?)] = []
    records.reserveCapacity(hashes.count)
    hashes.table.forEachCanonically { records.append(($0, $1)) }
    let chunk = chunk(records)
    let id = BodyPack.newID(
      texts: chunk[...], replacing: BodyPack.onDisk(path, magic: magic)?.id)
    guard FileIO.replace(parts: [BodyPack.header(id, magic: magic), chunk], at: path) else {
      throw .cannotWrite(file)
    }
    return Place(id: id, length: BodyPack.headerSize + chunk.count, records: records.count)
  }

  /// One chunk: the hash of its records, then their length and bytes.
  private static func chunk(_ records: [(String, BuildCache.Output?)]) -> [UInt8] {
    var w = BinaryWriter()
    var size = 0
    for (path, _) in records { size += path.utf8.count + 25 }
    w.reserve(size)
    for (path, output) in records {
      w.string(path)
      w.bool(output != nil)
      if let output {
        w.u64(output.inputs)
        w.u64(output.bytes)
      }
    }
    var out = BinaryWriter()
    out.reserve(16 + w.bytes.count)
    out.u64(hash(w.bytes, w.bytes.indices))
    out.data(w.bytes)
    return out.bytes
  }

  private static func hash(_ bytes: [UInt8], _ range: Range<Int>) -> UInt64 {
    bytes.withUnsafeBytes { WordHash.wide(magic, UnsafeRawBufferPointer(rebasing: $0[range])) }
  }

}
