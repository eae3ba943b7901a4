/// The link addresses a page never keeps, shared by the build (which empties them) and
/// `portal lint` (which warns about them), so the two agree on which links lead nowhere.
public enum UnsafeAddresses {
  /// What cmark-gfm's safe mode refuses: script and file addresses, and `data:` other than
  /// PNG, GIF, JPEG and WebP images. Leading spaces and tabs do not hide a scheme.
  public static func isDangerous(_ url: some StringProtocol) -> Bool {
    let lower = url.drop { $0 == " " || $0 == "\t" }.lowercased()
    if lower.hasPrefix("javascript:") || lower.hasPrefix("vbscript:") || lower.hasPrefix("file:") {
      return true
    }
    guard lower.hasPrefix("data:") else { return false }
    return !["png", "gif", "jpeg", "webp"].contains { lower.hasPrefix("data:image/\($0)") }
  }

  /// The scheme of a dangerous address as written (`javascript`, `data`…), for messages.
  public static func scheme(of url: some StringProtocol) -> String {
    url.drop { $0 == " " || $0 == "\t" }.prefix { $0 != ":" }.lowercased()
  }
}
