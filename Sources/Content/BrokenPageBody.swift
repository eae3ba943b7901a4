import ByteFormats
import Diagnostics

extension ContentLoader {
  /// The body of a content file whose front matter has errors, as a page with no front matter
  /// of its own (an about page without a title), or nil when it cannot be read or has no
  /// front matter to end. The loader leaves such a file out, so its body's links went
  /// unchecked until the front matter was fixed: a second round of errors for one file. Read
  /// again from `shown` (the file as the diagnostics name it, which is readable from the
  /// working folder), only by a build that failed.
  public static func bodyOfBrokenFile(relative: String, shown: String) -> Page? {
    guard let folder = relative.split(separator: "/").first,
      let kind = ContentKind(folder: String(folder)), let bytes = FileBytes.read(shown),
      case .success(let source) = SourceFile.read(bytes: bytes, path: shown, relativePath: relative)
    else { return nil }
    return Page(
      kind: kind, slug: PageParser.fileSlug(relative), path: shown, relativePath: relative,
      body: source.body, bodyLine: source.bodyLine, tags: [], draft: false, updated: nil,
      meta: .about(AboutMeta(title: "", summary: nil, order: nil, footer: false)))
  }
}
