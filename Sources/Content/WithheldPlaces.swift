import Diagnostics
import Foundation

/// Where a page's file says why the build leaves it out: the value of its `publish` time or of
/// its `draft: true`. A warning about such a page (the build that drops a page the last one
/// published says so) was placed at the content folder, `content:1:1`, which is no file an
/// editor opens.
extension Withheld {
  /// The key whose value withholds the page; nil for a file that is no page of the build for
  /// other reasons (its errors, its type).
  public var key: String? {
    switch self {
    case .draft: "draft"
    case .scheduled: "publish"
    case .broken, .unpublishedType, .outsideFiles: nil
    }
  }
}

extension ContentLoader {
  /// The line and column of `key`'s value in the front matter of the file at `relative` under
  /// `contentDirectory`, shown as the build shows that file; line 1 when it cannot be read.
  public static func valueLocation(
    of key: String, inFile relative: String, contentDirectory: URL
  ) -> SourceLocation {
    FutureDates.valueLocation(
      of: key, path: contentDirectory.standardizedFileURL.path + "/" + relative,
      shown: join(displayPath(for: contentDirectory), relative))
  }
}
