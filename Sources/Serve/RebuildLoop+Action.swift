import Diagnostics

/// What the writer did, in the words of the rebuild's line: pure functions of the changed
/// paths, apart from the loop that watches and builds.
extension RebuildLoop {
  /// What the writer did, for the rebuild's line (`after …`, `（…）`): the files changed
  /// (not their folders, not an editor's files beside them), each said edited, added (not in
  /// the last scan) or removed; one file added and one removed in the same folder is a
  /// rename. Over three files, a count of each.
  static func action(
    _ sources: [String], added: Set<String>, removed: Set<String>,
    in folders: (content: String, theme: String) = ("content", "theme"),
    staticFolder: String = "static"
  ) -> (english: String, japanese: String) {
    let files = named(sources, in: folders, staticFolder: staticFolder)
    let new = files.filter { added.contains($0.source) }.map(\.name)
    let gone = files.filter { removed.contains($0.source) }.map(\.name)
    let edited = files.filter { !added.contains($0.source) && !removed.contains($0.source) }
      .map(\.name)
    let groups = [(edited, "editing", "編集"), (new, "adding", "追加"), (gone, "removing", "削除")]
      .filter { !$0.0.isEmpty }
    // Over three files, counts: a sync client's twenty new pages are "adding 20 files".
    guard files.count <= 3 else {
      return (
        groups.map { "\($0.1) \($0.0.count) file\($0.0.count == 1 ? "" : "s")" }
          .joined(separator: " and "),
        groups.map { "ファイル\(JapaneseCount.things($0.0.count))を\($0.2)" }.joined(separator: "、")
      )
    }
    func folder(_ name: String) -> Substring {
      name[..<(name.lastIndex(of: "/") ?? name.startIndex)]
    }
    if edited.isEmpty, new.count == 1, gone.count == 1, folder(new[0]) == folder(gone[0]) {
      return ("renaming \(gone[0]) to \(new[0])", "\(gone[0]) の名前を \(new[0]) に変更")
    }
    return (
      groups.map { "\($0.1) \($0.0.joined(separator: ", "))" }.joined(separator: " and "),
      groups.map { "\($0.0.joined(separator: "、")) を\($0.2)" }.joined(separator: "、")
    )
  }

  /// The changed sources a writer would name (`c/…` under the content folder, `t/…` under the
  /// theme's, `s/…` under the static one), with their names in the folders given to
  /// `--content`, `--theme` and `--static`.
  fileprivate static func named(
    _ sources: [String], in folders: (content: String, theme: String), staticFolder: String
  ) -> [(source: String, name: String)] {
    // A save by rename (most editors) changes its folder's stamp too: the folder is no edit.
    var files = sources.filter { source in
      let folder = source.hasSuffix("/") ? source : source + "/"
      return !sources.contains { $0 != source && $0.hasPrefix(folder) }
    }
    // Nor is an editor's own file beside the page (vim's `.a.md.swp`, emacs' `.#a.md` and
    // `a.md~`), which the build reads nothing of; named only when nothing else changed.
    let pages = files.filter { !isEditorsFile($0) }
    if !pages.isEmpty { files = pages }
    return files.map {
      let root =
        $0.hasPrefix("c/") ? folders.content : $0.hasPrefix("s/") ? staticFolder : folders.theme
      // A name holding an escape sequence or a line break (`zz\e[31m.md`) would recolour the
      // writer's terminal or split the line: written as `\u{1B}`, as diagnostics are.
      return ($0, Diagnostic.visible(root + "/" + $0.dropFirst(2), keepingLines: false))
    }
  }

  /// A file an editor keeps beside the one being edited: a hidden name (`.a.md.swp`,
  /// `.#a.md`), a backup's `~`, Emacs' `#a.md#`, a merge's `.orig`, `.bak`, `.swp`, JetBrains'
  /// `___jb_tmp___`.
  static func isEditorsFile(_ source: String) -> Bool {
    let name = source.split(separator: "/").last ?? ""
    if name.hasPrefix(".") || name.hasSuffix("~") || name.hasSuffix("___") { return true }
    if name.hasPrefix("#") && name.hasSuffix("#") { return true }
    return [".swp", ".swx", ".bak", ".orig", ".tmp", ".save", ".kate-swp"].contains {
      name.hasSuffix($0)
    }
  }
}
