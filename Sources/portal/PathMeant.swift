import Check
import Content
import Diagnostics
import Foundation
import Render

/// The existing path a mistyped one means (`content/initiativs/x.md` → `content/initiatives/`):
/// each missing part is replaced by the closest name in the folder above it (`Suggest`, as
/// every other "did you mean"), as far as the parts lead to something that exists.
enum PathMeant {
  /// The path meant, as typed but corrected, or nil when `typed` exists or nothing is close.
  static func suggestion(for typed: String) -> String? {
    let fm = FileManager.default
    guard !typed.isEmpty, !fm.fileExists(atPath: typed) else { return nil }
    let absolute = typed.hasPrefix("/")
    var parts = typed.split(separator: "/").map(String.init)
    var corrected = false
    var reached = absolute ? "/" : "."
    for i in parts.indices {
      let next = (reached as NSString).appendingPathComponent(parts[i])
      if fm.fileExists(atPath: next) {
        reached = next
        continue
      }
      let names = (try? fm.contentsOfDirectory(atPath: reached))?.filter { !$0.hasPrefix(".") }
      guard let meant = names.flatMap({ Suggest.closest(to: parts[i], in: $0) }) else { break }
      parts[i] = meant
      corrected = true
      reached = (reached as NSString).appendingPathComponent(meant)
      // What is typed past a part that was corrected only to a file cannot be under it.
      guard isFolder(reached) || i == parts.count - 1 else { break }
    }
    guard corrected, let depth = depth(of: reached, absolute: absolute) else { return nil }
    let shown = (absolute ? "/" : "") + parts.prefix(depth).joined(separator: "/")
    return isFolder(reached) && depth < parts.count ? shown + "/" : shown
  }

  /// How many of the parts `reached` holds (nil when it is only the start).
  private static func depth(of reached: String, absolute: Bool) -> Int? {
    let count = reached.split(separator: "/").count - (absolute ? 0 : 1)
    return count > 0 ? count : nil
  }

  private static func isFolder(_ path: String) -> Bool {
    var folder: ObjCBool = false
    return FileManager.default.fileExists(atPath: path, isDirectory: &folder) && folder.boolValue
  }

  /// The build's, lint's and check's "there is no content (theme, site) folder" diagnostics
  /// with the folder meant in their hint, when one is close to what was typed.
  static func hinted(_ diagnostics: [Diagnostic], folders: [String: String]) -> [Diagnostic] {
    let codes: Set = [ContentLoader.missingCode, Theme.missingCode, SiteChecker.noSiteCode]
    return diagnostics.map { d in
      guard let code = d.code, codes.contains(code),
        let option = folders.first(where: { $0.value == d.location.file })?.key,
        let meant = suggestion(for: d.location.file),
        // A folder is meant: `site` is not `sitemap.xml`, in the built site itself.
        isFolder(meant)
      else { return d }
      var d = d
      d.hint = "did you mean `--\(option) \(meant)`?"
      d.japanese?.hint = "`--\(option) \(meant)` のまちがいではありませんか。"
      return d
    }
  }
}
