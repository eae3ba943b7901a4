import Foundation

/// The files a build copied from `static/` as they are, listed in the output's
/// `.portal/static.json`: the build reads the last list to tell its own copies from files
/// kept there by hand, and `portal check` to leave them out of the site's pages (a
/// `google<id>.html` verification file is not a page) and to compare them with `static/`.
/// Here, in the module both read, so writer and readers agree on its bytes and on the names
/// that are never copied.
public enum StaticFileList {
  /// Relative to the output folder.
  public static let path = ".portal/static.json"

  /// `{"files":[…],"version":1}`, the paths sorted: the same files give the same bytes.
  public static func encode(_ paths: some Sequence<String>) -> [UInt8] {
    var j = JSONBytes()
    j.raw("{\"files\":[")
    for (n, path) in paths.sorted().enumerated() {
      if n > 0 { j.raw(",") }
      j.string(path)
    }
    j.raw("],\"version\":1}")
    return j.bytes
  }

  /// The paths of a list; nil when it is not one.
  public static func decode(_ bytes: [UInt8]) -> [String]? {
    guard
      let object = try? JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any],
      let files = object["files"] as? [String]
    else { return nil }
    return files
  }

  /// The list in an output folder; empty when it has none (no static files, or a site built
  /// before them).
  public static func read(site: URL) -> [String] {
    guard let data = FileManager.default.contents(atPath: site.appendingPathComponent(path).path)
    else { return [] }
    return decode(Array(data)) ?? []
  }

  /// Names an editor or a file manager leaves beside files, never meant for readers:
  /// macOS's `.DS_Store`, Windows' `Thumbs.db` and `desktop.ini`, backups (`x~`), Vim's swap
  /// files (`.x.swp`, `.x.swo`), Emacs's locks (`.#x`, dangling links) and autosaves (`#x#`).
  public static func isLeftover(_ name: some StringProtocol) -> Bool {
    name == ".DS_Store" || name == "Thumbs.db" || name == "desktop.ini" || name.hasSuffix("~")
      || name.hasSuffix(".swp") || name.hasSuffix(".swo") || name.hasPrefix(".#")
      || (name.count > 1 && name.hasPrefix("#") && name.hasSuffix("#"))
  }
}
