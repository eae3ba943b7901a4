import ByteFormats
import Content
import Diagnostics
import Foundation
import Render
import Site

/// Links to headings (`HeadingLinks`) in the build: checked after resolving, against every
/// page's anchors and the theme's own ids; kept in the cache with each body, so a build that
/// takes a body from the cache checks its links too.
extension BuildRun {
  /// Warns of each body link whose `#…` names no heading of its page. The theme's templates
  /// are read only when a link names no id of a body (rarely: only for problems).
  func checkHeadingLinks(_ site: Site, theme: Theme) {
    guard !HeadingLinks.problems(in: site).isEmpty else { return }
    diagnostics += HeadingLinks.problems(in: site, themeIDs: Self.themeIDs(theme))
  }

  /// The ids the theme's templates write.
  static func themeIDs(_ theme: Theme) -> ThemeIDs {
    let folder = theme.directory.appendingPathComponent("templates")
    let texts = Theme.files(under: folder).filter { $0.hasSuffix(".mustache") }.compactMap {
      FileManager.default.contents(atPath: folder.appendingPathComponent($0).path).map {
        String(decoding: $0, as: UTF8.self)
      }
    }
    return ThemeIDs(templates: texts)
  }
}

extension EditInPlace {
  /// Whether an edited body leaves every warning about links to headings as it was: each link
  /// of other pages (and of site.yml) to it names an anchor of it, or none, as before (a
  /// heading added, or one no link names renamed, is an edit like any other), each of its own
  /// links names an anchor of its page, and no warning about them from before is to be taken
  /// back. Else the usual way, which checks every link again.
  static func keepsHeadingLinks(
    _ body: ResolvedBody, of page: Page, in site: Site, at i: Int,
    diagnostics: [Diagnostic]
  ) -> Bool {
    let (old, new) = (Set(site.pages[i].anchors), Set(body.anchors))
    if old != new {
      // site.yml's links to a heading of it (the footer's contact) too.
      for (link, _, _, _) in ConfigLinks.headingLinks(site.config, in: site)
      where link.target == page.relativePath
        && old.contains(link.fragment) != new.contains(link.fragment)
      {
        return false
      }
      for j in site.pages.indices where j != i {
        for link in site.pages[j].headingLinks
        where link.target == page.relativePath
          && old.contains(link.fragment) != new.contains(link.fragment)
        {
          return false
        }
      }
    }
    return HeadingLinks.resolve(
      body.headingLinks, ownPath: page.relativePath, ownAnchors: body.anchors, in: site)
      && !diagnostics.contains { $0.code == HeadingLinks.code && $0.location.file == page.path }
  }
}

/// The anchors and heading links of a body in the cache's state file.
enum HeadingLinkCoding {
  static func write(_ anchors: [String], _ links: [HeadingLink], into w: inout BinaryWriter) {
    w.strings(anchors)
    w.int(links.count)
    for l in links {
      w.string(l.url)
      w.string(l.target)
      w.string(l.fragment)
      w.int(l.line)
      w.int(l.column)
    }
  }

  static func read(_ r: inout BinaryReader) throws -> ([String], [HeadingLink]) {
    let anchors = try r.strings()
    let count = try r.int()
    guard count >= 0 else { throw BinaryReader.Corrupt() }
    var links: [HeadingLink] = []
    for _ in 0..<count {
      links.append(
        HeadingLink(
          url: try r.string(), target: try r.string(), fragment: try r.string(),
          line: try r.int(), column: try r.int()))
    }
    return (anchors, links)
  }
}
