import Content
import Site

/// What `portal serve` keeps between its builds, so a rebuild reads and parses only the files
/// that changed and renders only what depends on them. Used by one build at a time.
public final class BuildSession: @unchecked Sendable {
  let parseMemo = ParseMemo()
  let bodyMemo = BodyMemo()
  var bodiesSeeded = false
  var cache: BuildCache?

  public init() {}
}
