import ByteFormats
import Content
import Foundation
import Render
import Site

/// `.portal/sources.json`: the hash of every file the site was built from (each page's
/// Markdown, the theme's files and site.yml), which `portal check` compares the files saved
/// after the build with (`check.stale`), so a fresh checkout or a `touch` is not a change.
///
/// Apart from the source map because a body edit changes its page's hash but seldom its links
/// or headings: in the map, every save in `portal serve` rewrote 6 MB at 10,000 pages; this
/// file is a tenth of that, and the map is written only when a link or heading moved. The
/// Markdown's hashes are the loader's (`SourceHashes.file`), made as it read each file, so
/// nothing is read again to record them.
struct SourceRecord: Sendable {
  static let path = "\(OutputWriter.markerFolder)/sources.json"

  /// `"<path>":` of each page's Markdown file, as the map names it, in the site's page order,
  /// then of the theme's files and site.yml, sorted: written once, as an edit writes the file
  /// again with one hash changed.
  private let keys: [[UInt8]]
  /// The hash of each file of `keys`, in its order.
  private var hashes: [UInt64]

  /// The record of `site`, whose pages' hashes are in `hashes` (by relative path); the
  /// theme's templates and assets, and site.yml, as the build read them (a file saved during
  /// the build is then stale to `portal check`, as it is to the site); the theme's other
  /// files, which the build does not read, are read here.
  init(
    site: Site, hashes: [String: SourceHashes], theme: Theme,
    config: (path: String, hash: UInt64)
  ) {
    var files = site.pages.map { ($0.page.path, hashes[$0.page.relativePath]?.file ?? 0) }
    var shared: [(String, UInt64)] = Theme.files(under: theme.directory).compactMap { file in
      if let hash = theme.sourceHashes[file] { return (theme.displayPath + "/" + file, hash) }
      return FileIO.read(theme.directory.appendingPathComponent(file).path).map {
        (theme.displayPath + "/" + file, $0.withUnsafeBytes(SourceHash.value(of:)))
      }
    }
    shared.append(config)
    files += shared.sorted { $0.0 < $1.0 }
    keys = files.map { path, _ in
      var key = JSONBytes()
      key.string(path)
      key.raw(":")
      return key.bytes
    }
    self.hashes = files.map(\.1)
  }

  /// Records the new hash of page `i`, saved since (an edit in place keeps every page's place).
  mutating func update(page i: Int, hash: UInt64) {
    hashes[i] = hash
  }

  /// `.portal/sources.json`: `{"files":{"<path>":"<16 hex digits>",…},"version":1}`.
  func file() -> OutputFile {
    let head = Array("{\"files\":{".utf8)
    let tail = Array("},\"version\":1}".utf8)
    var bytes: [UInt8] = []
    bytes.reserveCapacity(head.count + tail.count + keys.reduce(0) { $0 + $1.count + 19 })
    bytes += head
    for (n, (key, hash)) in zip(keys, hashes).enumerated() {
      if n > 0 { bytes.append(UInt8(ascii: ",")) }
      bytes += key
      bytes.append(UInt8(ascii: "\""))
      SourceHash.appendHex(hash, to: &bytes)
      bytes.append(UInt8(ascii: "\""))
    }
    bytes += tail
    return OutputFile(path: Self.path, data: Data(bytes))
  }
}
