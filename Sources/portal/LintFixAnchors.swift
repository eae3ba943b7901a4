import Content
import Diagnostics
import Foundation
import Markdown

/// Links to a heading whose anchor a fix changed: `## ＤＸの推進` fixed to `## DXの推進` moves
/// its anchor from `#ＤＸの推進` to `#dxの推進`, and every link written with the old one would
/// lead to the page's top (the build then warns at each). `portal lint --fix` made that change,
/// so it follows it: each link to the old anchor, in any page of the content folder, is given
/// the new one, and said as a fix.
enum LintFixAnchors {
  /// A heading's anchor before and after the fixes of its page.
  struct Rename: Hashable {
    /// The page, as a standardized absolute path.
    var page: String
    var old: String
    var new: String
    /// The code of the fix that renamed it (the one on the heading's line), said with each
    /// link it changes.
    var code: String
  }

  /// The anchors `after` gives its headings differently from `before`, the same page before
  /// and after its fixes; none when the headings are not the same ones (a fix made or took a
  /// heading, which is not a rename).
  static func renames(page: String, before: String, after: String, fixed: [Diagnostic])
    -> [Rename]
  {
    guard let old = headings(before), let new = headings(after), old.count == new.count
    else { return [] }
    return zip(old, new).compactMap { was, now in
      guard was.id != now.id else { return nil }
      let code =
        fixed.first { $0.location.line == was.line }?.code ?? fixed.first?.code ?? "lint"
      return Rename(page: page, old: was.id, new: now.id, code: code)
    }
  }

  /// The ids of a page's headings, as the build gives them, with their lines in the file; nil
  /// when it has no front matter.
  private static func headings(_ text: String) -> [(id: String, line: Int)]? {
    guard
      case .success(let source) = SourceFile.read(
        bytes: Array(text.utf8), path: "", relativePath: "")
    else { return nil }
    return MarkdownDocument(source.body).assignHeadingIDs().map {
      ($0.id, $0.line + source.bodyLine - 1)
    }
  }

  /// Gives every link to a renamed anchor in the Markdown pages under `contentFolder` the new
  /// anchor; returns each change as the fix it is (at the link, `#old` → `#new`, with the code of
  /// the rule whose fix renamed it) and the pages it could not write.
  static func follow(_ renames: [Rename], contentFolder: String) -> LintFix.Report {
    var report = LintFix.Report()
    let byPage = Dictionary(grouping: renames, by: \.page)
    let root = URL(fileURLWithPath: contentFolder).standardizedFileURL
    let resolvedRoot = root.resolvingSymlinksInPath().path
    guard
      let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)
    else { return report }
    var pages: [URL] = []
    for case let url as URL in walker where url.pathExtension == "md" { pages.append(url) }
    // Only a page that writes an old anchor (or any `%`, which may encode one) can link to
    // it: the others are not parsed (a site of 10,000 pages, one heading renamed).
    let olds = Set(renames.map(\.old))
    for url in pages.sorted(by: { $0.path < $1.path }) {
      guard let data = FileManager.default.contents(atPath: url.path),
        let text = String(validating: data, as: UTF8.self),
        text.contains("%") || olds.contains(where: { text.contains("#" + $0) }),
        case .success(let source) = SourceFile.read(
          bytes: Array(data), path: url.path, relativePath: "")
      else { continue }
      var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
      // Shown as the lint's own files are: from the content folder as it was given.
      let shown = contentFolder + url.standardizedFileURL.path.dropFirst(root.path.count)
      var fixes: [Diagnostic] = []
      for link in MarkdownDocument(source.body).links() {
        guard let hash = link.url.firstIndex(of: "#") else { continue }
        let address = String(link.url[..<hash])
        let written = String(link.url[link.url.index(after: hash)...])
        let fragment = written.removingPercentEncoding ?? written
        let target =
          address.isEmpty
          ? url.standardizedFileURL.path
          : URL(fileURLWithPath: address, relativeTo: url.deletingLastPathComponent())
            .standardizedFileURL.path
        guard let rename = byPage[target]?.first(where: { $0.old == fragment }) else { continue }
        let line = link.line + source.bodyLine - 2
        guard line >= 0, line < lines.count,
          let place = lines[line].range(
            of: "#" + written, range: column(link.column, in: lines[line]))
        else { continue }
        let at = lines[line].distance(from: lines[line].startIndex, to: place.lowerBound)
        lines[line].replaceSubrange(place, with: "#" + rename.new)
        let location = SourceLocation(file: shown, line: line + 1, column: at + 1)
        fixes.append(
          Diagnostic.warning(
            location, "a link to the heading's old anchor `#\(rename.old)`", code: rename.code
          ).fixing("#" + written, with: "#" + rename.new))
      }
      guard !fixes.isEmpty else { continue }
      // As `LintFix.apply` writes pages: not through a link.
      if LintFix.isLinkedIn(url, root: resolvedRoot) {
        report.unwritten.append((shown, LintFix.linkedInReason))
      } else if let failure = LintFix.replace(url.path, with: lines.joined(separator: "\n")) {
        report.unwritten.append((shown, failure))
      } else {
        report.fixed += fixes
      }
    }
    return report
  }

  /// The part of `line` from the link's column on, where its destination is written.
  private static func column(_ column: Int, in line: String) -> Range<String.Index> {
    let start = line.index(line.startIndex, offsetBy: max(0, column - 1), limitedBy: line.endIndex)
    return (start ?? line.startIndex)..<line.endIndex
  }
}
