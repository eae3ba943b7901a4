import Diagnostics
import Foundation

/// A symbolic link in content/, theme/ or static/ that leads out of its folder: reading it
/// would publish a file from anywhere on the machine that builds (a CI runner's secret, say),
/// so the build refuses it and `portal lint` reads it neither.
public enum LinkLeaving {
  /// The error at the link, `file` as messages show it.
  public static func error(file: String, target: String, folder what: String) -> Diagnostic {
    .error(
      SourceLocation(file: file),
      "this is a link to `\(target)`, outside the \(what) folder, and would publish that file",
      hint:
        "copy the file into the \(what) folder instead of linking to it (links that stay inside it are fine)",
      code: "source.link-outside"
    ).ja(
      "これは \(what) フォルダーの外にある `\(target)` へのリンクで、そのファイルを公開してしまいます",
      hint: "リンクではなく、ファイルそのものを \(what) フォルダーにコピーしてください（\(what) フォルダーの中を指すリンクはかまいません）")
  }

  /// Whether `target` (a real path) is inside the folder whose real path is `realRoot`: the
  /// test every walk that follows a link makes before reading what it leads to.
  public static func isInside(_ target: String, _ realRoot: String) -> Bool {
    target.hasPrefix(realRoot + "/")
  }

  /// Where `path` really is, every link followed; nil when it leads nowhere.
  public static func realPath(_ path: String) -> String? {
    guard let p = realpath(path, nil) else { return nil }
    defer { free(p) }
    return String(cString: p)
  }
}
