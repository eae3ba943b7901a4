/// A change that fixes a problem with certainty, for `portal lint --fix` and for editors
/// reading `--format json`: the characters `expected` at `line`:`column` of the diagnostic's
/// file become `replacement`. Only problems with one right answer get one (half-width kana,
/// an invisible character, `##見出し`, a date's weekday known from its year); the rest are the
/// writer's to word.
public struct Fix: Sendable, Hashable, Codable {
  /// Where the change starts, 1-based; the column in characters, as `SourceLocation`'s.
  public var line: Int
  public var column: Int
  /// The characters there when the file was read, on one line. Compared before anything is
  /// changed, so a file edited since, or text the lint read through an escape (a YAML `\u30AB`)
  /// or around markup (`ｶﾀ**ｶﾅ**`), is left as it is rather than changed in the wrong place.
  public var expected: String
  public var replacement: String

  public init(line: Int, column: Int, expected: String, replacement: String) {
    self.line = line
    self.column = column
    self.expected = expected
    self.replacement = replacement
  }
}

extension Diagnostic {
  /// This diagnostic with one more change: `expected` at `location` (the diagnostic's own by
  /// default) replaced. Unchanged when `expected` is empty, spans lines or is the replacement.
  public func fixing(
    _ expected: String, with replacement: String, at location: SourceLocation? = nil
  ) -> Diagnostic {
    guard !expected.isEmpty, !expected.contains("\n"), expected != replacement else { return self }
    let place = location ?? self.location
    var d = self
    d.fixes.append(
      Fix(line: place.line, column: place.column, expected: expected, replacement: replacement))
    return d
  }
}
