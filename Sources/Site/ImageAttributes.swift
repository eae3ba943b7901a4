import Content
import Foundation
import Markdown

/// What a browser needs of each image in a body to lay the page out before the image arrives
/// and to fetch it only when the reader comes near: `width` and `height` for the site's own
/// images (read from the files), and `loading="lazy" decoding="async"` for every one, which
/// saves residents' data on long pages.
enum ImageAttributes {
  /// The body HTML with those attributes added to its `<img>` tags. `sizes` is keyed by the
  /// image's address as the build writes it (unescaped); tags that already have such an
  /// attribute (raw HTML, when allowed) keep theirs. `marks`: what `html` holds
  /// (`HTMLMarks`, found as the body was rendered): most bodies have no image, and are
  /// returned as they are without another pass over their bytes.
  static func apply(_ html: String, marks: HTMLMarks, sizes: [String: ImageSize]) -> String {
    guard marks.contains(.image) else { return html }
    let opening = Array("<img src=\"".utf8)
    let bytes = Array(html.utf8)
    var out: [UInt8] = []
    out.reserveCapacity(bytes.count + 256)
    var i = 0
    bytes.withUnsafeBufferPointer { buffer in
      while let start = String.find(opening, in: buffer, from: i) {
        let valueStart = start + opening.count
        guard let quote = bytes[valueStart...].firstIndex(of: UInt8(ascii: "\"")),
          let close = bytes[quote...].firstIndex(of: UInt8(ascii: ">"))
        else { break }
        let tag = String(decoding: bytes[start..<close], as: UTF8.self)
        var added = ""
        if !tag.contains(" width=") && !tag.contains(" height="),
          let size = sizes[address(String(decoding: bytes[valueStart..<quote], as: UTF8.self))]
        {
          added += " width=\"\(size.width)\" height=\"\(size.height)\""
        }
        if !tag.contains(" loading=") { added += " loading=\"lazy\"" }
        if !tag.contains(" decoding=") { added += " decoding=\"async\"" }
        out += bytes[i...quote]
        out += added.utf8
        i = quote + 1
      }
    }
    out += bytes[i...]
    return String(decoding: out, as: UTF8.self)
  }

  /// The address as written in `src`: HTML escapes and percent-escapes undone.
  static func address(_ src: String) -> String {
    let unescaped = src.replacingOccurrences(of: "&amp;", with: "&")
      .replacingOccurrences(of: "&#x27;", with: "'")
    return unescaped.removingPercentEncoding ?? unescaped
  }

  /// The files whose sizes bodies use: images under `content/files/`, by their address.
  static func sizes(of files: [ContentFile], urls: URLScheme) -> [String: ImageSize] {
    var sizes: [String: ImageSize] = [:]
    // By the decoded address (`address(_:)`), so the raw path, not `urls.file`.
    for (path, size) in ImageSize.of(files) { sizes[urls.url(path)] = size }
    return sizes
  }
}
