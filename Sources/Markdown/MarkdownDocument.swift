import CCmarkGFM
import Foundation

/// Options that change how Markdown is parsed and rendered.
public struct MarkdownOptions: Sendable, Hashable {
  /// Raw HTML in Markdown is not trusted by default: cmark-gfm replaces it with a comment.
  public var allowRawHTML: Bool

  public init(allowRawHTML: Bool = false) {
    self.allowRawHTML = allowRawHTML
  }

  /// Without `CMARK_OPT_VALIDATE_UTF8`: the text comes from a Swift String, always valid
  /// UTF-8, on which cmark's check copies every line unchanged, scalar by scalar (2–3 % of
  /// resolving a site's bodies); a NUL is replaced with or without it. Strikethrough only
  /// with two tildes (`~~旧~~`): Japanese writes a range with one, half-width as often as not
  /// (`9:00~17:00`, `1月~3月`), and GFM's single-tilde strikethrough struck out the text
  /// between two such ranges and dropped both tildes.
  var cmarkOptions: Int32 {
    var options = CMARK_OPT_DEFAULT | CMARK_OPT_STRIKETHROUGH_DOUBLE_TILDE
    if allowRawHTML { options |= CMARK_OPT_UNSAFE }
    return options
  }
}

/// One parsed Markdown body: a cmark-gfm AST with the GFM extensions (table, strikethrough,
/// autolink, tagfilter, tasklist) that the stages below read and transform before rendering.
///
/// Not `Sendable`: a document is owned by the task that parses and renders one page, so no
/// locking is needed.
public final class MarkdownDocument {
  let root: OpaquePointer
  private let extensions: UnsafeMutablePointer<cmark_llist>?
  private let parser: OpaquePointer?
  public let options: MarkdownOptions
  /// The source, kept to turn cmark's byte columns into character columns.
  let source: String
  /// The HTML around each wrapped run of text in a table cell (see `wrap`), by index.
  var cellWrappers: [(enter: String, exit: String)] = []
  /// Whether the writer's text has the mark itself: its links are then not wrapped in cells
  /// (their text stays, unlinked), so no link of theirs is taken for a wrapper.
  lazy var sourceHasCellMark: Bool = source.containsBytes(String(Self.cellMark))
  /// Whether the Markdown holds these bytes: lets a transform skip the walk on most bodies.
  func sourceContains(_ needle: String) -> Bool { source.containsBytes(needle) }
  /// The Markdown's length in bytes.
  var sourceByteCount: Int { source.utf8.count }
  /// The nodes cmark-gfm misplaces, with their places (`TablePositions.swift`): found on first
  /// use, and only in a body with a `|`.
  lazy var relocations: [Node: Relocation] = sourceContains("|") ? misplacedNodes() : [:]
  /// Where each line of the source starts (UTF-8 offsets), found on first use: most bodies
  /// need no position, and splitting every body in lines was a tenth of resolving a site.
  private(set) lazy var lineStarts: [Int] = {
    var starts = [0]
    // Over the contiguous bytes: `enumerated()` over the UTF-8 view was most of the time of
    // finding each link's position.
    // `memchr` (vectorised) from one line end to the next, not a test of every byte.
    var source = self.source
    source.withUTF8 { bytes in
      guard let base = bytes.baseAddress else { return }
      var from = 0
      while from < bytes.count, let found = memchr(base + from, 0x0A, bytes.count - from) {
        from = UnsafeRawPointer(found) - UnsafeRawPointer(base) + 1
        starts.append(from)
      }
    }
    return starts
  }()

  public convenience init(_ text: String, options: MarkdownOptions = MarkdownOptions()) {
    self.init(text, options: options, inlineExtensions: nil)
  }

  /// - Parameter inlineExtensions: whether to attach autolink and strikethrough (and so take
  ///   turns); nil: when the text holds a byte they act on (`mayHoldInlineSyntax`). Tests
  ///   force them on to compare both parses.
  init(_ text: String, options: MarkdownOptions, inlineExtensions: Bool?) {
    MarkdownDocument.registerExtensions
    self.options = options
    var copy = text
    let inline = inlineExtensions ?? copy.withUTF8(Self.mayHoldInlineSyntax)
    let parser = cmark_parser_new(options.cmarkOptions)
    for ext in inline ? Self.allExtensions : Self.blockExtensions {
      cmark_parser_attach_syntax_extension(parser, ext)
    }
    // Feeding reads and writes nothing shared (see `parsing`): it needs no turn.
    copy.withUTF8 { buffer in
      buffer.withMemoryRebound(to: CChar.self) { chars in
        cmark_parser_feed(parser, chars.baseAddress, chars.count)
      }
    }
    if inline {
      Self.parsing.lock()
      self.root = cmark_parser_finish(parser)
      Self.parsing.unlock()
    } else {
      self.root = cmark_parser_finish(parser)
    }
    self.extensions = cmark_parser_get_syntax_extensions(parser)
    self.parser = parser
    self.source = text
  }

  /// Parses take turns while they finish with autolink or strikethrough attached. cmark-gfm
  /// keeps the characters that start an extension's inline syntax (`:` and `w` of a bare
  /// address, `~` of strikethrough) in one table for the whole process: `cmark_parser_finish`
  /// sets those of its parser's extensions before reading inlines and clears them after
  /// (`cmark_manage_extensions_special_characters`), so a parse beside another lost, now and
  /// then, its bare addresses' links and its strikethroughs, and pages differed from build to
  /// build (`ConcurrentParseTests`: 1,229 of 4,000 at once).
  ///
  /// In the cmark-gfm we link (0.29.0.gfm.6, read in its machine code: the table is read only
  /// by `cmark_parse_inlines`, written only through that call, and both are reached only from
  /// `cmark_parser_finish`; the extensions' library calls neither), feeding touches neither
  /// table, so it runs outside the turn. A text without `:`, `w`, `~` and `@` is parsed
  /// without autolink and strikethrough, which could not act on it (`@` is autolink's e-mail
  /// address): its parser writes nothing shared, and what it reads of the table is only the
  /// entries of bytes it holds, which no other parse changes. At 10,000 pages six bodies in
  /// ten take no turn at all. Rendering and every walk over a tree stay parallel.
  private static let parsing = NSLock()

  /// Whether the bytes hold any that autolink or strikethrough act on: `:` (`https:`), `w`
  /// (`www.`), `@` (an e-mail address), `~`. Asked with `memchr` for each (vectorised, many
  /// bytes a step): a loop comparing every byte of every body with the four was 2 % of
  /// resolving's Swift work, and six bodies in ten hold none of them, so are read whole.
  static func mayHoldInlineSyntax(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let base = bytes.baseAddress, !bytes.isEmpty else { return false }
    let n = bytes.count
    return memchr(base, Int32(UInt8(ascii: ":")), n) != nil
      || memchr(base, Int32(UInt8(ascii: "w")), n) != nil
      || memchr(base, Int32(UInt8(ascii: "~")), n) != nil
      || memchr(base, Int32(UInt8(ascii: "@")), n) != nil
  }

  /// The GFM extensions every body is parsed with, found once (they are registered once and
  /// never change).
  nonisolated(unsafe) private static let allExtensions: [OpaquePointer] = {
    registerExtensions
    let names: [String] = ["table", "strikethrough", "autolink", "tagfilter", "tasklist"]
    return names.compactMap { cmark_find_syntax_extension($0) }
  }()

  /// Those without inline syntax of their own: a table's cells, tags filtered out and task
  /// boxes are read by feeding, finishing and rendering, none through the shared table.
  nonisolated(unsafe) private static let blockExtensions: [OpaquePointer] = {
    registerExtensions
    let names: [String] = ["table", "tagfilter", "tasklist"]
    return names.compactMap { cmark_find_syntax_extension($0) }
  }()

  deinit {
    cmark_node_free(root)
    if let parser { cmark_parser_free(parser) }
  }

  private static let registerExtensions: Void = { cmark_gfm_core_extensions_ensure_registered() }()

  /// HTML for the body. Table alignment becomes a class rather than the obsolete `align`
  /// attribute, so pages stay valid HTML5 and need no inline style under a strict CSP.
  public func renderHTML() -> String { renderHTMLWithMarks().html }

  /// `renderHTML`, and what its HTML holds (`HTMLMarks`, found in one pass), so the site's
  /// image attributes need no pass of their own.
  public func renderHTMLWithMarks() -> (html: String, marks: HTMLMarks) {
    guard let cString = cmark_render_html(root, options.cmarkOptions, extensions) else {
      return ("", [])
    }
    defer { free(cString) }
    // Cells are unwrapped on cmark's bytes, so a body with wrapped cells is decoded into a
    // String once, not twice; the alignments and task boxes are rewritten on cmark's bytes
    // too (`MarkRewrites`), so the other bodies' HTML is made a String once.
    let bytes = UnsafeBufferPointer(
      start: UnsafeRawPointer(cString).assumingMemoryBound(to: UInt8.self), count: strlen(cString))
    guard cellWrappers.isEmpty else {
      var html = Self.unwrapCells(bytes, cellWrappers)
      let (rewritten, marks) = html.withUTF8(Self.rewritten)
      return (rewritten ?? html, marks)
    }
    let (rewritten, marks) = Self.rewritten(bytes)
    return (rewritten ?? String(cmarkUTF8: bytes), marks)
  }

  /// What the HTML holds, and the HTML with its alignments and task boxes rewritten
  /// (`MarkRewrites`), or nil when it has neither. Neither rewrite makes or breaks an image's
  /// `<img src="`, nor the other's mark, so the marks are the rewritten HTML's too.
  private static func rewritten(_ bytes: UnsafeBufferPointer<UInt8>) -> (
    html: String?, marks: HTMLMarks
  ) {
    let marks = HTMLMarks(bytes: bytes)
    let html = MarkRewrites.apply(bytes, marks: marks).map { rewritten in
      rewritten.withUnsafeBufferPointer { String(cmarkUTF8: $0) }
    }
    return (html, marks)
  }

  /// The last column found: positions are asked for in document order, so the next one on
  /// the same line is counted on from there. Counting each from the start of its line made
  /// 20,000 links on one line take 27 s.
  private var lastColumn: (line: Int, byte: Int, characters: Int)?

  /// Character column (1-based) for a cmark byte column on a 1-based line of this body.
  func characterColumn(line: Int, byteColumn: Int) -> Int {
    guard let text = sourceLine(line), byteColumn > 1 else { return max(byteColumn, 1) }
    let utf8 = text.utf8
    let target = min(byteColumn - 1, utf8.count)
    var (from, characters) = (0, 0)
    if let last = lastColumn, last.line == line, last.byte <= target {
      (from, characters) = (last.byte, last.characters)
    }
    let start = utf8.index(utf8.startIndex, offsetBy: from)
    let end = utf8.index(start, offsetBy: target - from)
    characters += Self.characterCount(text[start..<end])
    lastColumn = (line, target, characters)
    return characters + 1
  }

  /// `text.count`, without breaking graphemes when every scalar stands alone: ASCII (no CR,
  /// which joins an LF), general punctuation (※, …, —; not the joiners and marks of
  /// U+200B–200F), CJK symbols, kana without combining marks (nor the tone marks U+302A–302F,
  /// which join the character before them) and CJK ideographs, most of a Japanese body.
  /// Counting Characters of every link's line was a visible part of resolving bodies.
  static func characterCount(_ text: Substring) -> Int {
    // On the contiguous bytes, each scalar decoded here: the scalar view's iterator was most
    // of the time of finding a link's column.
    let counted = text.utf8.withContiguousStorageIfAvailable { bytes -> Int? in
      var scalars = 0
      var i = 0
      while i < bytes.count {
        let lead = UInt32(bytes[i])
        let value: UInt32
        if lead < 0x80 {
          value = lead
          i += 1
        } else if lead >= 0xE0, lead < 0xF0, i + 2 < bytes.count {
          value =
            (lead & 0x0F) << 12 | UInt32(bytes[i + 1] & 0x3F) << 6 | UInt32(bytes[i + 2] & 0x3F)
          i += 3
        } else {
          return nil
        }
        switch value {
        case 0x20..<0x7F, 0x2010..<0x2028, 0x2030..<0x205F, 0x3000..<0x302A, 0x3030..<0x3099,
          0x30A0..<0x3100, 0x4E00..<0xA000, 0xFF01..<0xFF60:
          scalars += 1
        default:
          return nil
        }
      }
      return scalars
    }
    return (counted ?? nil) ?? text.count
  }

  /// Line `line` (1-based) of the source without its line break; nil past the end.
  func sourceLine(_ line: Int) -> Substring? {
    guard line >= 1, line <= lineStarts.count else { return nil }
    let utf8 = source.utf8
    let start = utf8.index(utf8.startIndex, offsetBy: lineStarts[line - 1])
    let end =
      line < lineStarts.count
      ? utf8.index(utf8.startIndex, offsetBy: lineStarts[line] - 1) : utf8.endIndex
    return source[start..<end]
  }
}

extension String {
  /// Whether the UTF-8 bytes of `needle` occur in the string, compared byte for byte.
  public func containsBytes(_ needle: String) -> Bool {
    var copy = self
    return copy.withUTF8 { buffer in
      Self.find(Array(needle.utf8), in: buffer, from: 0) != nil
    }
  }

  /// The first offset at or after `from` where `needle` occurs: glibc's `memmem` (vectorised),
  /// since a byte loop over each body's HTML, several times, was a tenth of rendering bodies.
  public static func find(_ needle: [UInt8], in haystack: UnsafeBufferPointer<UInt8>, from: Int)
    -> Int?
  {
    guard !needle.isEmpty, from >= 0, haystack.count - from >= needle.count,
      let base = haystack.baseAddress
    else { return nil }
    // glibc's `memmem` steps a byte at a time for a needle of two bytes (every body is
    // searched for `[!`); `memchr` for the first byte reads many a step.
    if needle.count == 2 {
      var at = from
      while let first = find(byte: needle[0], in: haystack, from: at), first + 1 < haystack.count {
        if haystack[first + 1] == needle[1] { return first }
        at = first + 1
      }
      return nil
    }
    return needle.withUnsafeBytes { n in
      memmem(base + from, haystack.count - from, n.baseAddress!, n.count).map {
        UnsafeRawPointer($0) - UnsafeRawPointer(base)
      }
    }
  }
}
