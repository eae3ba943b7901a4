extension StringProtocol {
  /// The lines of a file's text as editors count them: split at LF, CR LF and a lone CR. A
  /// split at "\n" does not cut CR LF, which Swift reads as one Character, so a file saved on
  /// Windows was one line to it and every position found that way pointed at 1:1.
  public var sourceLines: [SubSequence] {
    split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }
  }
}
