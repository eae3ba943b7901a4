import ByteFormats
import Content
import Foundation
import Parallel
import Search

#if canImport(Glibc)
  import Glibc
#endif

/// The pages' plain texts (what the search index is patched from) in a file of their own beside
/// the cache's state, `texts.pack`: a 16-byte header (a magic number and the pack's id), then
/// the texts back to back. The state keeps, for each page, where its text lies and its hash
/// (`SearchIndexState.bodyHash`). At 10,000 pages the texts are 33 MB of the cache's 50: a
/// one-file build used to decode and write them all again; now it maps the pack, reads the
/// texts of the pages it indexes again, and appends the few texts that changed.
///
/// Crash safety: bytes once written are never written over nor cut off, so every state that
/// was ever committed with a pack stays true of it; the pack is only appended to, or replaced
/// whole by a rename (a fresh id) when compacted. A text that no state refers to any more (an
/// edited page's old text, or what a killed build appended) is garbage, dropped when the pack
/// is compacted. The state records the pack's id and length: a pack with another id, or
/// shorter, makes the cache unreadable and the next build a full one.
enum BodyPack {
  static let file = "\(BuildCache.folder)/texts.pack"
  static let magic: UInt64 = 0x5054_4C41_5458_0001
  static let headerSize = 16

  /// Where a page's text lies in the pack.
  struct Entry: Sendable, Equatable {
    var offset: Int
    var length: Int
    var hash: UInt64
  }

  /// The pack as a state records it.
  struct Layout: Sendable {
    var id: UInt64
    /// The pack's length when the state was written: the bytes the state may refer to.
    var length: Int
    var entries: [String: Entry]
  }

  /// Compacted when the garbage is more than the live texts and at least this much: a small
  /// site's pack stays as it is, a large one is written whole once in a while (at 10,000 pages,
  /// after 33 MB of edited texts).
  static let compactsFrom = 1 << 20

  /// The pack at `path` with the state's id, mapped up to the state's length; nil when it is
  /// missing, another pack, or shorter (a truncated file): the cache is then no cache.
  static func map(_ path: String, id: UInt64, length: Int) -> MappedBytes? {
    guard length >= headerSize, let mapped = MappedBytes(path: path, count: length, tag: id)
    else { return nil }
    let header = mapped.withBytes(in: 0..<headerSize) { Array($0) }
    guard header == Self.header(id) else { return nil }
    return mapped
  }

  /// The 16 bytes a pack (or, with its own magic number, another file of the cache kept the
  /// same way: `OutputLog`) starts with.
  static func header(_ id: UInt64, magic: UInt64 = magic) -> [UInt8] {
    var w = BinaryWriter()
    w.u64(magic)
    w.u64(id)
    return w.bytes
  }

  /// Brings the pack at `path` up to date with `texts` (by page path) and returns where each
  /// lies. Texts already in the pack on disk (mapped from it by an earlier build, with its id)
  /// stay where they are; the others are appended. A pack that is missing, not one, or more
  /// than half garbage is written whole into a new file renamed over it.
  /// - Parameter knownHashes: texts' hashes (`SearchIndexState.bodyHash`) the caller already
  ///   has, by page: the search index just hashed every body of a full build, and an
  ///   incremental one those of the edited pages, so they are not hashed twice.
  static func write(
    _ texts: [String: StoredText], at path: String, knownHashes: [String: UInt64] = [:],
    compactsFrom: Int = compactsFrom
  ) throws(OutputWriter.Failure) -> Layout {
    let existing = onDisk(path)
    var entries: [String: Entry] = [:]
    entries.reserveCapacity(texts.count)
    var added: [(path: String, text: StoredText)] = []
    var live = 0
    // In canonical order, so that a full build's pack has the bytes of another's (but the id).
    texts.forEachCanonically { page, text in
      if let existing, let at = text.mappedLocation, at.file.tag == existing.id,
        at.range.upperBound <= existing.size
      {
        entries[page] = Entry(offset: at.range.lowerBound, length: at.range.count, hash: at.hash)
        live += at.range.count
      } else {
        added.append((page, text))
      }
    }
    let hashes = added.parallelMap {
      knownHashes[$0.path] ?? SearchIndexState.bodyHash(of: $0.text)
    }
    if let existing,
      !(existing.size - headerSize - live >= compactsFrom && existing.size - headerSize > 2 * live)
    {
      var bytes: [UInt8] = []
      bytes.reserveCapacity(added.reduce(0) { $0 + $1.text.utf8Count })
      var offset = existing.size
      for ((page, text), hash) in zip(added, hashes) {
        entries[page] = Entry(offset: offset, length: text.utf8Count, hash: hash)
        offset += text.utf8Count
        text.withUTF8 { bytes += $0 }
      }
      guard append(bytes, to: path, at: existing.size) else { throw .cannotWrite(file) }
      return Layout(id: existing.id, length: offset, entries: entries)
    }
    // A new pack: every text, kept ones read from the old pack's mapping, streamed into the
    // file through a small buffer and the header written last (joined first, the 33 MB of a
    // 10,000-page site were fresh memory to fault in at the end of the build, and hashed again
    // for the id).
    var hashOf = Dictionary(uniqueKeysWithValues: zip(added.map(\.path), hashes))
    for (page, e) in entries { hashOf[page] = e.hash }
    var offset = headerSize
    entries = [:]
    var id: UInt64 = 0
    let written = FileIO.replace(at: path, header: headerSize) { emit in
      var ids = IDHash()
      texts.forEachCanonically { page, text in
        let entry = Entry(offset: offset, length: text.utf8Count, hash: hashOf[page]!)
        entries[page] = entry
        offset += entry.length
        ids.add(entry)
        text.withUTF8 { emit(UnsafeRawBufferPointer($0)) }
      }
      id = ids.id(replacing: existing?.id)
      return header(id)
    }
    guard written else { throw .cannotWrite(file) }
    return Layout(id: id, length: offset, entries: entries)
  }

  /// A new pack's id: the hash of its texts' lengths and hashes, in the pack's order, mixed
  /// with the id of the pack it replaces (none in a new output folder). Two builds of one site
  /// into new folders leave the same bytes (a reproducible output folder, cache included),
  /// while a pack never takes the id of the one it replaces, whose mappings and states must
  /// not be taken for its own (a compacted pack can begin with the same texts and hold others
  /// past them).
  struct IDHash {
    private var h: UInt64 = 0x5054_4C41_4944_0001

    mutating func add(_ entry: Entry) {
      h = WordHash.step(WordHash.step(h, UInt64(entry.length)), entry.hash)
    }

    func id(replacing old: UInt64?) -> UInt64 {
      BodyPack.id(WordHash.step(h, old ?? 0), replacing: old)
    }
  }

  /// The id of another file kept as the pack is (`OutputLog`): its bytes' hash mixed with the
  /// id of the file it replaces.
  static func newID(texts: ArraySlice<UInt8>, replacing old: UInt64?) -> UInt64 {
    id(texts.withUnsafeBytes { WordHash.wide(old ?? 0, $0) }, replacing: old)
  }

  /// `hash` as an id: never 0 (no file) nor the id of the file it replaces.
  private static func id(_ hash: UInt64, replacing old: UInt64?) -> UInt64 {
    hash == 0 || hash == old ? hash &+ 1 : hash
  }

  /// The id and length of the pack (or file with that magic number) on disk, when it is one.
  static func onDisk(_ path: String, magic: UInt64 = magic) -> (id: UInt64, size: Int)? {
    let fd = open(path, O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else { return nil }
    defer { close(fd) }
    var st = stat()
    var header = [UInt8](repeating: 0, count: headerSize)
    guard fstat(fd, &st) == 0, st.st_size >= headerSize,
      pread(fd, &header, headerSize, 0) == headerSize
    else { return nil }
    var r = BinaryReader(header)
    guard (try? r.u64()) == magic, let id = try? r.u64() else { return nil }
    return (id, Int(st.st_size))
  }

  /// Writes `bytes` at `offset`, the end of the file: nothing before it is touched.
  static func append(_ bytes: [UInt8], to path: String, at offset: Int) -> Bool {
    guard !bytes.isEmpty else { return true }
    let fd = open(path, O_WRONLY | O_CLOEXEC)
    guard fd >= 0 else { return false }
    defer { close(fd) }
    var written = 0
    return bytes.withUnsafeBytes { raw -> Bool in
      while written < raw.count {
        let n = pwrite(fd, raw.baseAddress! + written, raw.count - written, off_t(offset + written))
        if n < 0 && errno == EINTR { continue }
        guard n > 0 else { return false }
        written += n
      }
      return true
    }
  }

}
