import Build
import Content
import Diagnostics
import Foundation
import Lint

#if canImport(Glibc)
  import Glibc
#endif

/// `portal lint --fix`: writes the fixes the lint is certain of (`Diagnostic.fixes`) into the
/// pages, and says which. Only pages of the content folder are written, each replaced whole
/// (a new file beside it, renamed over it) so an editor or `portal serve` never reads half of
/// one, with its permissions kept.
enum LintFix {
  /// What one run of fixes did.
  struct Report {
    /// The problems fixed, as the lint reported them.
    var fixed: [Diagnostic] = []
    /// Files read again but left as they were, with why (a link, not writable).
    var unwritten: [(file: String, why: String)] = []

    /// This report with what a later pass did; a file left alone is said once.
    mutating func add(_ pass: Report) {
      fixed += pass.fixed
      for entry in pass.unwritten where !unwritten.contains(where: { $0.file == entry.file }) {
        unwritten.append(entry)
      }
    }
  }

  /// At most this many rounds of fixing: each round ends a chain of problems one hid behind
  /// another, and none is longer than a few.
  static let passes = 10

  static func apply(_ diagnostics: [Diagnostic], contentFolder: String) -> Report {
    var report = Report()
    let root = URL(fileURLWithPath: contentFolder).standardizedFileURL.resolvingSymlinksInPath()
      .path
    let byFile = Dictionary(grouping: diagnostics.filter { !$0.fixes.isEmpty }, by: \.location.file)
    var renames: [LintFixAnchors.Rename] = []
    for file in byFile.keys.sorted() {
      let found = byFile[file]!
      let url = URL(fileURLWithPath: file).standardizedFileURL
      guard !isLinkedIn(url, root: root) else {
        report.unwritten.append((file, linkedInReason))
        continue
      }
      // Decoded as it is, a BOM kept (Foundation's decoding may drop it).
      guard let data = FileManager.default.contents(atPath: url.path),
        let text = String(validating: data, as: UTF8.self)
      else { continue }
      let outcome = FixApplier.apply(found.map(\.fixes), to: text)
      guard !outcome.applied.isEmpty else { continue }
      if let failure = replace(url.path, with: outcome.text) {
        report.unwritten.append((file, failure))
        continue
      }
      let applied = outcome.applied.map { found[$0] }.sorted
      report.fixed += applied
      renames += LintFixAnchors.renames(
        page: url.path, before: text, after: outcome.text, fixed: applied)
    }
    // A heading a fix changed changes its anchor: the links to it follow.
    if !renames.isEmpty {
      report.add(LintFixAnchors.follow(renames, contentFolder: contentFolder))
    }
    return report
  }

  /// Whether the page is a symbolic link, or reached through one from outside `root` (the
  /// content folder, its links resolved): such a page is written where it is, by whoever
  /// edits it there, not through the link.
  static func isLinkedIn(_ url: URL, root: String) -> Bool {
    (try? FileManager.default.destinationOfSymbolicLink(atPath: url.path)) != nil
      || !LinkLeaving.isInside(url.resolvingSymlinksInPath().path, root)
  }

  /// Why a page `isLinkedIn` was not written, in the writer's language.
  static var linkedInReason: String {
    say("a symbolic link: fix the file it links to", "シンボリックリンクです。リンク先のファイルを直してください")
  }

  /// Writes `text` over the page at `path` (`FileIO.replaceEdited`: beside it, then renamed
  /// over it, mode and owner kept); nil when done, else why not.
  static func replace(_ path: String, with text: String) -> String? {
    var status = stat()
    guard stat(path, &status) == 0 else { return String(cString: strerror(errno)) }
    // Made read-only on purpose (root may write it, and a rename would replace it anyway).
    guard status.st_mode & 0o222 != 0 else {
      return say("the file is read-only", "ファイルが読み取り専用です")
    }
    return FileIO.replaceEdited(Array(text.utf8), at: path) ? nil : FileIO.lastError
  }

  /// The lines `portal lint --fix` prints before the lint's: each problem fixed, then how many
  /// in how many files, in the writer's language.
  static func lines(_ report: Report, in language: MessageLanguage) -> [String] {
    // In the order fixed: a later round's places are in the file as the one before left it.
    var lines = report.fixed.map { d in
      let place =
        "\(Diagnostic.visible(d.location.file, keepingLines: false)):\(d.location.line):\(d.location.column)"
      let changes = d.fixes.map {
        "「\(FixApplier.shown($0.expected))」→「\(FixApplier.shown($0.replacement))」"
      }.joined(separator: language == .japanese ? "、" : ", ")
      return "\(place): \(language == .japanese ? "直しました" : "fixed"): \(changes) [\(d.code ?? "")]"
    }
    for (file, why) in report.unwritten {
      lines.append(
        language == .japanese
          ? "\(file): 直せませんでした: \(why)" : "\(file): not fixed: \(why)")
    }
    let files = Set(report.fixed.map(\.location.file)).count
    let count = report.fixed.count
    let unwritten = report.unwritten.count
    if language == .japanese {
      var summary =
        count > 0
        ? "ファイル\(JapaneseCount.things(files))の問題\(JapaneseCount.items(count))を直しました。"
        : unwritten > 0 ? "何も直していません。" : "自動で直せる問題はありませんでした。"
      if unwritten > 0 { summary += "ファイル\(JapaneseCount.things(unwritten))には書き込みませんでした。" }
      lines.append(summary)
    } else {
      var summary =
        count > 0
        ? "Fixed \(count) \(count == 1 ? "problem" : "problems") in \(files) \(files == 1 ? "file" : "files")."
        : unwritten > 0 ? "Nothing fixed." : "Nothing to fix automatically."
      if unwritten > 0 {
        summary += " \(unwritten) \(unwritten == 1 ? "file was" : "files were") not written."
      }
      lines.append(summary)
    }
    return lines
  }
}
