/// A file a page links or shows that is not a page: an image, a PDF, a spreadsheet, kept under
/// `content/files/` and published as it is at `/files/…`, so writers link it from Markdown by
/// its path, as they link pages (`![地図](../files/map.png)`).
public struct ContentFile: Sendable, Hashable {
  /// Relative to the content folder (`files/map.png`); also its path in the output.
  public var relativePath: String
  /// The file on disk, read when it is copied.
  public var path: String
  /// Its stamp when the content was loaded: a new stamp copies it again.
  public var stamp: FileStamp

  public init(relativePath: String, path: String, stamp: FileStamp) {
    (self.relativePath, self.path, self.stamp) = (relativePath, path, stamp)
  }
}

public enum ContentFiles {
  /// The folder under `content/` whose files are published.
  public static let folder = "files"

  /// What is published: images, documents and data. Not HTML, SVG, JavaScript or CSS, which
  /// could run script on the site's own origin; not Markdown, which is a page's.
  public static let extensions: Set<String> = [
    "png", "jpg", "jpeg", "gif", "webp", "avif", "pdf", "csv", "txt", "json", "xlsx", "xls",
    "docx", "doc", "pptx", "ppt", "odt", "ods", "odp", "zip", "mp3", "mp4", "webm",
  ]

  /// Whether `relative` (under content/) is in the files folder and not hidden (no name starts
  /// with `.` or `_`, as for pages): published, or warned about as a type that is not.
  public static func isUnderFolder(_ relative: String) -> Bool {
    guard relative.hasPrefix(folder + "/") else { return false }
    return !relative.split(separator: "/").contains { $0.hasPrefix(".") || $0.hasPrefix("_") }
  }

  /// Its extension, lower-cased ("" without one).
  public static func fileExtension(_ relative: String) -> String {
    let name = relative.split(separator: "/").last ?? ""
    guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return "" }
    return name[name.index(after: dot)...].lowercased()
  }

  /// Each published path whose name differs from an earlier one's only in capitals
  /// (`files/Map.png` after `files/map.png`), with that earlier path. Linux keeps both, but on
  /// Windows and macOS, where writers check out and preview the site, one file replaces the
  /// other and a link shows the wrong map. Paths are compared whole, so `Files/` and `files/`
  /// folders count too.
  public static func caseTwins(_ relatives: [String]) -> [(path: String, twin: String)] {
    var seen: [String: String] = [:]
    var twins: [(path: String, twin: String)] = []
    for relative in relatives.sorted() {
      let folded = relative.lowercased()
      if let twin = seen[folded] { twins.append((relative, twin)) } else { seen[folded] = relative }
    }
    return twins
  }

  /// Whether a path under content/ is a file the build publishes.
  static func isPublished(_ relative: String) -> Bool {
    isUnderFolder(relative) && extensions.contains(fileExtension(relative))
  }
}
