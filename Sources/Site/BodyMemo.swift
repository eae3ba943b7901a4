import ByteFormats
import Content
import Diagnostics
import Foundation
import Markdown

/// A page's body after resolving, as remembered between builds.
public struct ResolvedBody: Sendable {
  /// nil in a stub: a body known from the on-disk cache by what other pages and the search
  /// index need of it, whose HTML is rendered again only if its own page must be.
  public var html: String?
  public var headings: [Heading]
  public var plainText: StoredText
  public var glossaryTerms: [String]
  public var links: [SourceLink]
  /// Links to content files that are not pages (`Resolver.linkProblems` says why).
  var missing: [MissingLink]
  /// What the body says of itself (`LeftOutHTML`), reported by the resolver with each build.
  public var warnings: [Diagnostic]
  /// True when every link of the body leads to a page or file of the build.
  public var linksResolve: Bool { missing.isEmpty }
  /// Ids its links' `#…` may name, and its links that name one (`HeadingLinks`): kept in stubs
  /// too, so every build checks every link against every page.
  public var anchors: [String]
  public var headingLinks: [HeadingLink]
  /// Its links written as addresses of the site (`AddressLinks`), kept in stubs for the same
  /// reason.
  public var addressLinks: [AddressLink]

  init(_ out: BodyRenderer.Output) {
    html = out.html
    headings = out.headings
    plainText = StoredText(out.plainText)
    glossaryTerms = out.glossaryTerms
    links = out.links
    missing = out.missing
    warnings = out.warnings
    anchors = out.anchors
    headingLinks = out.headingLinks
    addressLinks = out.addressLinks
  }

  /// A stub from the on-disk cache.
  public init(
    stubWithPlainText plainText: StoredText, glossaryTerms: [String], anchors: [String] = [],
    headingLinks: [HeadingLink] = [], addressLinks: [AddressLink] = []
  ) {
    html = nil
    headings = []
    self.plainText = plainText
    self.glossaryTerms = glossaryTerms
    links = []
    missing = []
    warnings = []
    self.anchors = anchors
    self.headingLinks = headingLinks
    self.addressLinks = addressLinks
  }
}

/// Bodies by page, each under the key of everything its rendering read (`Resolver.bodyKey`), so
/// an incremental build parses only the bodies whose inputs changed. Shared by the parallel
/// resolving workers.
public final class BodyMemo: @unchecked Sendable {
  private let lock = NSLock()
  private var entries: [String: (key: UInt64, body: ResolvedBody)] = [:]

  public init() {}

  public func body(_ relativePath: String, key: UInt64) -> ResolvedBody? {
    lock.lock()
    defer { lock.unlock() }
    guard let e = entries[relativePath], e.key == key else { return nil }
    return e.body
  }

  public func store(_ relativePath: String, key: UInt64, body: ResolvedBody) {
    lock.lock()
    entries[relativePath] = (key, body)
    lock.unlock()
  }

  /// Every remembered body, for writing the on-disk cache.
  public var all: [(relativePath: String, key: UInt64, body: ResolvedBody)] {
    lock.lock()
    defer { lock.unlock() }
    return entries.map { ($0.key, $0.value.key, $0.value.body) }
  }

  func keep(only relativePaths: [String]) {
    lock.lock()
    entries.removeAll(except: relativePaths)
    lock.unlock()
  }
}

extension BodyContext {
  /// A stable hash of everything in the context a body's rendering can read.
  var fingerprint: UInt64 {
    var h = StableHash()
    h.add(options.allowRawHTML ? 1 : 0)
    h.add(urls.basePath)
    for (origin, basePath) in ownOrigins {
      h.add(origin)
      h.add(basePath)
    }
    for key in urlForFile.keys.sorted() {
      h.add(key)
      h.add(urlForFile[key]!)
    }
    for key in imageSizes.keys.sorted() {
      h.add(key)
      h.add(imageSizes[key]!.width)
      h.add(imageSizes[key]!.height)
    }
    for t in glossary.targets {
      h.add(t.slug)
      h.add(t.url)
      h.add(t.names.count)
      for n in t.names { h.add(n) }
    }
    h.add(otherSiteNote)
    for id in reservedIDs.sorted() { h.add(id) }
    h.add(english.targets.count)
    for t in english.targets { h.add(t.names[0]) }
    return h.value
  }
}
