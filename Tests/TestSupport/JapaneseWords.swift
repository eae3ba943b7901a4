import Diagnostics
import Testing

/// Checks the test targets share for diagnostics' Japanese words (`Diagnostic.ja`).

/// Whether `text` has kana, kanji or full-width punctuation: words written in Japanese.
public func hasJapanese(_ text: String?) -> Bool {
  text?.unicodeScalars.contains { $0.isEastAsianWide } ?? false
}

/// The spans in backticks of `text`: tags, names, keys and file names, kept as written in
/// both languages.
public func codeSpans(_ text: String?) -> Set<String> {
  let parts = (text ?? "").split(separator: "`", omittingEmptySubsequences: false)
  return Set(stride(from: 1, to: parts.count - 1, by: 2).map { String(parts[$0]) })
}

/// Every diagnostic has its message in Japanese, and a Japanese hint where the English has
/// one (none where it has none); what is in backticks is the same in both.
public func expectJapanese(
  _ diagnostics: [Diagnostic], sourceLocation: Testing.SourceLocation = #_sourceLocation
) {
  for d in diagnostics {
    let ja = d.japanese
    #expect(hasJapanese(ja?.message), "\(d.text)", sourceLocation: sourceLocation)
    #expect(
      (d.hint == nil) == (ja?.hint == nil), "hint of \(d.text)", sourceLocation: sourceLocation)
    if d.hint != nil {
      #expect(hasJapanese(ja?.hint), "hint of \(d.text)", sourceLocation: sourceLocation)
    }
    let english = codeSpans(d.message).union(codeSpans(d.hint))
    let japanese = codeSpans(ja?.message).union(codeSpans(ja?.hint))
    #expect(
      english.subtracting(japanese).isEmpty,
      "\(english.subtracting(japanese).sorted()) of \(d.text) not in \(ja?.message ?? "") \(ja?.hint ?? "")",
      sourceLocation: sourceLocation)
  }
}
