import ByteFormats
import Content
import Diagnostics
import Foundation
import Render
import Site

/// Links written as addresses of the site (`AddressLinks`) in the build: checked once the
/// outputs are planned, against every path the build writes; kept in the cache with each body,
/// so a build that takes a body from the cache checks its links too.
extension BuildRun {
  /// Every path the build writes that a link may name: pages, lists, feeds, the static
  /// folder's files, `files/` and the theme's assets; what site.yml's paths and the bodies'
  /// address links are checked against.
  static func outputPaths(
    _ jobs: [(path: String, job: RenderJob)], statics: StaticFolder, site: Site, theme: Theme
  ) -> Set<String> {
    var known = Set(jobs.map(\.path))
    known.formUnion(statics.outputPaths)
    known.formUnion(site.files.map(\.relativePath))
    known.formUnion(theme.assetPaths.values)
    return known
  }
}

extension EditInPlace {
  /// Whether an edited body leaves the warnings about address links as they were: each of its
  /// links names a file of the last build, and none of its file was given before. Else the
  /// usual way, which checks every link again. (An edit in place keeps every page's address,
  /// so no other body's link changes.)
  static func keepsAddressLinks(
    _ body: ResolvedBody, of page: Page, outputs: OutputHashes,
    diagnostics: [Diagnostic]
  ) -> Bool {
    AddressLinks.resolve(body.addressLinks) { outputs[$0] != nil }
      && !diagnostics.contains { $0.code == AddressLinks.code && $0.location.file == page.path }
  }
}

/// The address links of a body in the cache's state file.
enum AddressLinkCoding {
  static func write(_ links: [AddressLink], into w: inout BinaryWriter) {
    w.int(links.count)
    for l in links {
      w.string(l.url)
      w.string(l.path)
      w.int(l.line)
      w.int(l.column)
      w.int(l.isImage ? 1 : 0)
    }
  }

  static func read(_ r: inout BinaryReader) throws -> [AddressLink] {
    let count = try r.int()
    guard count >= 0 else { throw BinaryReader.Corrupt() }
    var links: [AddressLink] = []
    for _ in 0..<count {
      links.append(
        AddressLink(
          url: try r.string(), path: try r.string(), line: try r.int(), column: try r.int(),
          isImage: try r.int() == 1))
    }
    return links
  }
}
