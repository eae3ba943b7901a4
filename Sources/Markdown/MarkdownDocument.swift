import CCmarkGFM
import Foundation

/// Options that change how Markdown is parsed and rendered.
public struct MarkdownOptions: Sendable, Hashable {
  /// Raw HTML in Markdown is not trusted by default: cmark-gfm replaces it with a comment.
  public var allowRawHTML: Bool

  public init(allowRawHTML: Bool = false) {
    self.allowRawHTML = allowRawHTML
  }

  var cmarkOptions: Int32 {
    var options = CMARK_OPT_DEFAULT | CMARK_OPT_VALIDATE_UTF8
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
  /// The source split in lines, kept to turn cmark's byte columns into character columns.
  let sourceLines: [Substring]

  public init(_ text: String, options: MarkdownOptions = MarkdownOptions()) {
    MarkdownDocument.registerExtensions
    self.options = options
    let parser = cmark_parser_new(options.cmarkOptions)
    for name in ["table", "strikethrough", "autolink", "tagfilter", "tasklist"] {
      if let ext = cmark_find_syntax_extension(name) {
        cmark_parser_attach_syntax_extension(parser, ext)
      }
    }
    var copy = text
    copy.withUTF8 { buffer in
      buffer.withMemoryRebound(to: CChar.self) { chars in
        cmark_parser_feed(parser, chars.baseAddress, chars.count)
      }
    }
    self.root = cmark_parser_finish(parser)
    self.extensions = cmark_parser_get_syntax_extensions(parser)
    self.parser = parser
    self.sourceLines = text.split(separator: "\n", omittingEmptySubsequences: false)
  }

  deinit {
    cmark_node_free(root)
    if let parser { cmark_parser_free(parser) }
  }

  private static let registerExtensions: Void = { cmark_gfm_core_extensions_ensure_registered() }()

  /// HTML for the body. Table alignment becomes a class rather than the obsolete `align`
  /// attribute, so pages stay valid HTML5 and need no inline style under a strict CSP.
  public func renderHTML() -> String {
    guard let cString = cmark_render_html(root, options.cmarkOptions, extensions) else { return "" }
    defer { free(cString) }
    var html = String(cString: cString)
    if html.contains(" align=\"") {
      for side in ["left", "center", "right"] {
        html = html.replacingAll(" align=\"\(side)\"", with: " class=\"align-\(side)\"")
      }
    }
    return html
  }

  /// Character column (1-based) for a cmark byte column on a 1-based line of this body.
  func characterColumn(line: Int, byteColumn: Int) -> Int {
    guard line >= 1, line <= sourceLines.count, byteColumn > 1 else { return max(byteColumn, 1) }
    let utf8 = sourceLines[line - 1].utf8
    let end = utf8.index(utf8.startIndex, offsetBy: min(byteColumn - 1, utf8.count))
    return sourceLines[line - 1][..<end].count + 1
  }

  /// Start position of a node in this body, in characters.
  func position(of node: Node) -> (line: Int, column: Int) {
    let line = Int(cmark_node_get_start_line(node))
    let column = Int(cmark_node_get_start_column(node))
    return (line, characterColumn(line: line, byteColumn: column))
  }
}

extension String {
  /// Plain substring replacement without Foundation, for the render hot path.
  func replacingAll(_ target: String, with replacement: String) -> String {
    guard !target.isEmpty, contains(target) else { return self }
    var result = ""
    var rest = self[...]
    while let range = rest.range(of: target) {
      result += rest[..<range.lowerBound]
      result += replacement
      rest = rest[range.upperBound...]
    }
    result += rest
    return result
  }
}
