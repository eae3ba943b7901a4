import ByteFormats
import Content
import Diagnostics
import Foundation
import Parallel
import Render
import Search
import Site

/// What a successful build leaves for the next one, in `<output>/.portal/cache/state.bin`:
/// the stamps of every source (to stop at once when nothing changed), what each page's body
/// gave the rest of the site (plain text for search, glossary terms), and for each output the
/// fingerprint of its inputs and the hash of its bytes (to render and write only what changed).
///
/// The cache lives inside the output so it is replaced together with the site and a failed
/// build leaves both untouched. A missing, older or unreadable cache means a full build.
struct BuildCache: Sendable {
  static let folder = "\(OutputWriter.markerFolder)/cache"
  /// The small part read by every build: settings, stamps, clock, warnings.
  static let headFile = "\(folder)/head.bin"
  /// The rest, read only when something changed.
  static let file = "\(folder)/state.bin"
  static let magic: UInt64 = 0x5054_4C41_4843_0019

  struct Body: Sendable {
    var key: UInt64
    var plainText: StoredText
    var glossaryTerms: [String]
    /// What `HeadingLinks` checks in every build, the bodies not rendered again included.
    var anchors: [String] = []
    var headingLinks: [HeadingLink] = []
    /// What `AddressLinks` checks in every build.
    var addressLinks: [AddressLink] = []
  }

  struct Output: Sendable, Equatable {
    /// Hash of everything the output was made from (`Dependencies`).
    var inputs: UInt64
    /// Hash of its bytes.
    var bytes: UInt64
  }

  /// Everything that, if different, makes earlier outputs unusable: the portal binary, the
  /// folders, the working directory (paths in the source map are relative to it), drafts.
  var settings: String
  var tree: SourceTree
  /// The build clock of the last build, and the instants when an event ends or starts: while
  /// none of them lies between two clocks, the upcoming/past lists are the same.
  var now: Int64
  var eventBoundaries: [Int64]
  /// The last build's warnings and page counts, repeated when nothing changed.
  var diagnostics: [Diagnostic]
  var pageCounts: [(String, Int)]
  /// The names at the top of the output the build wrote (`index.html`, `initiatives`,
  /// `assets`…), looked for by `outputIsThere`.
  var outputRoots: [String] = []
  var bodies: [String: Body]
  /// Kept in a log of its own (`OutputLog`), appended to after an edit.
  var outputs: OutputHashes
  /// Source-map entries of the HTML outputs.
  var sourceMap: SourceMapEntries
  /// The files of the search index and what they were made from.
  var searchFiles: [String]
  var searchInputs: UInt64
  /// What patching the index after an edit needs.
  var searchState: SearchIndexState?
  /// The content files as parsed, so the next build parses only those whose stamp changed.
  var parsedFiles: ParsedFiles?
  /// What the plan was made of, so that after an edit of bodies alone the next build hashes
  /// the inputs of only the outputs showing them (`PlannedPages`).
  var planned: PlannedPages?
  /// The hashes of the pages' plain texts (`SearchIndexState.bodyHash`) the search index
  /// computed in this build, by page, handed to the pack of texts so it does not hash them
  /// again (every body after a full build). Not written.
  var bodyHashes: [String: UInt64] = [:]

  /// Whether the head was read without its stamps (`loadHead(from:ifDigest:)`): then `tree` is
  /// empty, and the cache is good only for reporting an up-to-date build.
  var stampsSkipped = false
  /// The generation the head was written with, to check the state file belongs to it.
  var expectedGeneration: UInt64 = 0
  /// Whether the state part is here (always, except after `init(decodingHead:)`).
  var hasState = true

  /// A session's parse memo, encoded when the cache is written; or, outside a session, its
  /// bytes encoded right after loading, so that the memo does not keep the pages (and their
  /// Markdown) through rendering and indexing, the peak of a full build.
  enum ParsedFiles: Sendable {
    case memo(ParseMemo)
    case encoded([UInt8])

    var bytes: [UInt8] {
      switch self {
      case .memo(let memo): memo.encoded()
      case .encoded(let bytes): bytes
      }
    }
  }

  /// Records rendered files in an outputs table and source map, as every build does: each
  /// file's hash of its inputs (that of its bytes when it has none of its own, as search files)
  /// and of its bytes, computed in parallel, and each page's source-map entry. Returns the
  /// hashes of the bytes, in order, and whether an entry of the source map changed.
  static func record(
    _ files: [OutputFile], inputs: [String: UInt64], outputs: inout OutputHashes,
    sourceMap: inout SourceMapEntries
  ) -> (bytes: [UInt64], sourceMapChanged: Bool) {
    let hashes = files.parallelMap { StableHash.of(data: $0.data) }
    var sourceMapChanged = false
    for (f, bytes) in zip(files, hashes) {
      if let e = SourceMapStep.entry(for: f), sourceMap[f.path] != e {
        sourceMap[f.path] = e
        sourceMapChanged = true
      }
      outputs[f.path] = Output(inputs: inputs[f.path] ?? bytes, bytes: bytes)
    }
    return (hashes, sourceMapChanged)
  }

  /// Whether the upcoming/past split is the same at `other` as at the cached clock.
  func sameEventSplit(at other: Int64) -> Bool {
    let (lo, hi) = (min(now, other), max(now, other))
    return !eventBoundaries.contains { $0 > lo && $0 <= hi }
  }

  init(
    settings: String, tree: SourceTree, now: Int64, eventBoundaries: [Int64],
    diagnostics: [Diagnostic], pageCounts: [(String, Int)], bodies: [String: Body],
    outputs: OutputHashes, sourceMap: SourceMapEntries, searchFiles: [String],
    searchInputs: UInt64, searchState: SearchIndexState?, parsedFiles: ParsedFiles?
  ) {
    self.settings = settings
    self.tree = tree
    self.now = now
    self.eventBoundaries = eventBoundaries
    self.diagnostics = diagnostics
    self.pageCounts = pageCounts
    self.bodies = bodies
    self.outputs = outputs
    self.sourceMap = sourceMap
    self.searchFiles = searchFiles
    self.searchInputs = searchInputs
    self.searchState = searchState
    self.parsedFiles = parsedFiles
    outputRoots = Self.roots(of: outputs)
  }
}

extension BuildCache.Body {
  /// What a resolved page's body gave the rest of the site.
  /// A body with warnings is kept under a key no build asks for, so the next build renders
  /// it again and says them again (a stub has nothing to say).
  init(_ page: ResolvedPage) {
    self.init(
      key: page.bodyWarnings.isEmpty ? page.bodyKey : 0, plainText: page.plainText,
      glossaryTerms: page.glossaryTerms, anchors: page.anchors, headingLinks: page.headingLinks,
      addressLinks: page.addressLinks)
  }
}
