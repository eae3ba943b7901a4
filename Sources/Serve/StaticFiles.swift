import ByteFormats
import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Finds the file for a request path in the output folder, as a web server of the published
/// site would: `index.html` for folders, `404.html` for misses, the base path of `base_url`
/// stripped. Never reads outside the output folder.
struct StaticFiles: Sendable {
  let root: String

  enum Result: Equatable {
    case file(path: String, status: Int)
    /// A folder asked for without its trailing slash: relative links need it.
    case redirect(String)
    case notFound
  }

  /// - Parameter basePath: the path part of `base_url` (`/` or `/dx/`).
  func resolve(_ requestPath: String, basePath: String) -> Result {
    // Cut the query or fragment before decoding: `note%231.txt` is a file named `note#1.txt`.
    var path = requestPath
    if let q = path.firstIndex(where: { $0 == "?" || $0 == "#" }) { path = String(path[..<q]) }
    path = path.removingPercentEncoding ?? path
    if basePath != "/" {
      if path == String(basePath.dropLast()) || path == "/" { return .redirect(basePath) }
      guard path.hasPrefix(basePath) else { return notFound() }
      path = "/" + path.dropFirst(basePath.count)
    }
    let parts = path.split(separator: "/", omittingEmptySubsequences: true)
    // `.`, `..` and hidden names (`.portal/`: the cache and the source map) are not the site,
    // but for what the build copied from static/ (`.well-known/security.txt`).
    guard !parts.contains(where: { $0.contains("\0") }),
      !parts.contains(where: { $0.hasPrefix(".") }) || copiedFromStatic(parts)
    else {
      return notFound()
    }
    // Portal writes no links into the output: one there (put by hand, or by whatever else
    // writes there) could lead anywhere on the computer, and is not served.
    guard !Self.leadsThroughLink(root, parts + (requestPath.hasSuffix("/") ? ["index.html"] : []))
    else { return notFound() }
    let relative = parts.joined(separator: "/")
    let full = relative.isEmpty ? root : root + "/" + relative
    var isDir: ObjCBool = false
    guard FileManager.default.fileExists(atPath: full, isDirectory: &isDir) else {
      return notFound()
    }
    if isDir.boolValue {
      // Made from the parts, never from the path as sent: `//events` would send the browser
      // to a site called `events`.
      guard requestPath.hasSuffix("/") else {
        let encoded = relative.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed)
        return .redirect(basePath + (encoded ?? relative) + "/")
      }
      let index = full + "/index.html"
      return FileManager.default.fileExists(atPath: index)
        ? .file(path: index, status: 200) : notFound()
    }
    // A file asked for as a folder (`/index.html/`, `/feed.xml/`) is not there, as other
    // servers answer: a link written so works in the preview and breaks when published.
    guard !path.hasSuffix("/") else { return notFound() }
    return .file(path: full, status: 200)
  }

  /// Whether the path is a file the last build copied from static/, or a folder holding one
  /// (its list, `StaticFileList`, is read only for such a hidden path).
  private func copiedFromStatic(_ parts: [Substring]) -> Bool {
    let relative = parts.joined(separator: "/")
    return StaticFileList.read(site: URL(fileURLWithPath: root)).contains {
      $0 == relative || $0.hasPrefix(relative + "/")
    }
  }

  /// Whether any of `parts` under `root`, taken one more at a time, is a symbolic link.
  static func leadsThroughLink(_ root: String, _ parts: [Substring]) -> Bool {
    var path = root
    for part in parts {
      path += "/" + part
      var info = stat()
      guard lstat(path, &info) == 0 else { return false }
      if info.st_mode & S_IFMT == S_IFLNK { return true }
    }
    return false
  }

  private func notFound() -> Result {
    let page = root + "/404.html"
    return FileManager.default.fileExists(atPath: page) ? .file(path: page, status: 404) : .notFound
  }

  /// Content types by extension; text types say UTF-8, as every file Portal writes is.
  static func contentType(for path: String) -> String {
    switch (path as NSString).pathExtension.lowercased() {
    case "html", "htm": "text/html; charset=utf-8"
    case "css": "text/css; charset=utf-8"
    case "js", "mjs": "text/javascript; charset=utf-8"
    case "json": "application/json"
    case "xml":
      path.hasSuffix("feed.xml")
        ? "application/atom+xml; charset=utf-8" : "application/xml; charset=utf-8"
    case "ics": "text/calendar; charset=utf-8"
    case "txt": "text/plain; charset=utf-8"
    case "svg": "image/svg+xml"
    case "png": "image/png"
    case "jpg", "jpeg": "image/jpeg"
    case "gif": "image/gif"
    case "webp": "image/webp"
    case "avif": "image/avif"
    case "ico": "image/x-icon"
    case "pdf": "application/pdf"
    case "woff2": "font/woff2"
    case "woff": "font/woff"
    case "csv": "text/csv; charset=utf-8"
    case "mp4", "m4v": "video/mp4"
    case "webm": "video/webm"
    case "mp3": "audio/mpeg"
    case "m4a": "audio/mp4"
    // The office files content/files publishes: named, a browser offers the right program.
    case "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    case "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    case "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation"
    case "doc": "application/msword"
    case "xls": "application/vnd.ms-excel"
    case "ppt": "application/vnd.ms-powerpoint"
    case "odt": "application/vnd.oasis.opendocument.text"
    case "ods": "application/vnd.oasis.opendocument.spreadsheet"
    case "odp": "application/vnd.oasis.opendocument.presentation"
    case "zip": "application/zip"
    default: "application/octet-stream"
    }
  }

  /// The live-reload script, added to HTML as it is served, before the last `</body>` (or at
  /// the end): built files never contain it. It carries the site's version the page was served
  /// at (`LiveReload.version`; letters, digits and `-` only), when it is known.
  static func injection(version: String) -> [UInt8] {
    let known = version.isEmpty ? "" : #" data-version="\#(version)""#
    return Array(#"<script src="/_portal/live.js"\#(known) defer></script>"#.utf8)
  }

  static func injectingLiveReload(into html: [UInt8], version: String = "") -> [UInt8] {
    let injection = injection(version: version)
    let close = Array("</body>".utf8)
    var i = html.count - close.count
    while i >= 0 {
      if html[i] == 0x3C, Array(html[i..<(i + close.count)]) == close {
        return Array(html[..<i]) + injection + Array(html[i...])
      }
      i -= 1
    }
    return html + injection
  }
}
