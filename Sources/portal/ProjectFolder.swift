import ArgumentParser
import Foundation

/// A command run where the content folder is not: from a folder inside the project (a writer
/// who opened a terminal in content/initiatives/), or given a file as `--content`. The build
/// said "there is no content folder `content`" and to run in "the project's folder" without
/// naming it, and `portal lint civic-tech.md` that the page "is not in the content folder".
enum ProjectFolder {
  /// The mistake, or nil when `content` is a folder (or nothing tells where the project is).
  static func mistake(content: String, command: String) -> ValidationError? {
    let url = URL(fileURLWithPath: content).standardizedFileURL
    var isFolder: ObjCBool = false
    if FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder) {
      return isFolder.boolValue ? nil : aFile(content, url)
    }
    return inside(
      project: ["\(content)/site.yml"], command: command,
      missing: ("content folder `\(content)`", "content フォルダー `\(content)`"))
  }

  /// `portal check` and `portal search` run from inside the project (content/initiatives/,
  /// or the built site itself) without `--site`: the same mistake for the built site.
  static func mistake(site: String, command: String) -> ValidationError? {
    guard !FileManager.default.fileExists(atPath: site) else { return nil }
    return inside(
      project: ["content/site.yml", "\(site)/index.html"], command: command,
      missing: ("built site `\(site)`", "ビルドしたサイト `\(site)`"))
  }

  /// The folders above this one, nearest first, for one holding any of `markers` (paths under
  /// it that say it is the project): the mistake of running `command` here, with the line to
  /// type there. Nil for an absolute folder or when no folder above is the project.
  private static func inside(
    project markers: [String], command: String, missing: (String, String)
  ) -> ValidationError? {
    guard let first = markers.first, !first.hasPrefix("/") else { return nil }
    let fm = FileManager.default
    let here = URL(fileURLWithPath: fm.currentDirectoryPath).standardizedFileURL
    var root = here
    var steps = 0
    repeat {
      root = root.deletingLastPathComponent()
      steps += 1
      if markers.contains(where: { fm.fileExists(atPath: root.appendingPathComponent($0).path) }) {
        let up = Array(repeating: "..", count: steps).joined(separator: "/")
        let again = rerun(command, from: here, in: root)
        return ValidationError(
          say(
            "there is no \(missing.0) here: \(here.path) is inside the project \(root.path)\nHelp: go to the project folder first, then run it again: cd \(up) && \(again)",
            "ここには、\(missing.1) がありません。\(here.path) は、プロジェクトのフォルダー \(root.path) の中です\n直し方: 先に cd \(up) でプロジェクトのフォルダーに移ってから、もう一度実行してください：cd \(up) && \(again)"
          ))
      }
    } while root.path != "/" && steps < 32
    return nil
  }

  /// `--content content/site.yml`: the folder holding site.yml is meant.
  private static func aFile(_ content: String, _ url: URL) -> ValidationError {
    var folder = url.deletingLastPathComponent()
    while !FileManager.default.fileExists(atPath: folder.appendingPathComponent("site.yml").path),
      folder.path != "/"
    {
      folder = folder.deletingLastPathComponent()
    }
    let meant = folder.path == "/" ? "content" : shown(folder)
    let page = url.pathExtension == "md"
    return ValidationError(
      say(
        "`--content \(content)` is a file, not a folder\nHelp: give the folder holding site.yml and the pages: --content \(meant)"
          + (page ? " (to check one page: portal lint \(content))" : ""),
        "`--content \(content)` はファイルです。フォルダーを指定してください\n直し方: site.yml とページのあるフォルダーを、--content \(meant) のように指定してください"
          + (page ? "（一つのページを確かめるときは portal lint \(content) です）" : "")
      ))
  }

  /// The command as typed, its paths (what exists from `here`) rewritten from `root`.
  private static func rerun(_ command: String, from here: URL, in root: URL) -> String {
    let words = CommandLine.arguments.dropFirst().map { word -> String in
      guard !word.hasPrefix("-"), word != command,
        FileManager.default.fileExists(atPath: here.appendingPathComponent(word).path)
      else { return quoted(word) }
      let path = here.appendingPathComponent(word).standardizedFileURL.path
      return quoted(String(path.dropFirst(root.path.count + (root.path == "/" ? 0 : 1))))
    }
    return (["portal"] + words).joined(separator: " ")
  }

  /// A folder as the writer would type it from here: relative when it is under the working one.
  private static func shown(_ url: URL) -> String {
    let here = FileManager.default.currentDirectoryPath
    let path = url.standardizedFileURL.path
    return path.hasPrefix(here + "/") ? String(path.dropFirst(here.count + 1)) : path
  }

  private static func quoted(_ word: String) -> String {
    word.contains(where: { " '\"$&;|<>()*?".contains($0) }) ? "\"\(word)\"" : word
  }
}
