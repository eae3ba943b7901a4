/// site.yml's `language`: the `lang` of every page, by which screen readers choose a voice and
/// browsers a font. `language: 日本語` was taken as written, and `<html lang="日本語">` is no
/// language to either.
enum SiteLanguage {
  /// Language names writers type, with the tag meant.
  static let names: [String: String] = [
    "日本語": "ja", "japanese": "ja", "jp": "ja", "jpn": "ja", "にほんご": "ja",
    "英語": "en", "english": "en",
  ]

  /// The tag of `language` (`ja` when not given), or `ja` after an error at a value that is no
  /// language tag, with the tag meant in the hint when the value names a language.
  static func read(_ y: inout YAMLFields) -> String {
    guard let written = y.string("language") else { return "ja" }
    if isTag(written) && names[written.lowercased()] == nil { return written }
    let meant = names[written.lowercased()]
    y.error(
      y.node("language")?.mark, "`language` is not a language tag: `\(written)`",
      hint: meant.map { "write `language: \($0)`" }
        ?? "write the language's tag, e.g. `language: ja` for Japanese",
      code: "config.language",
      ja: "`language` の `\(written)` は、言語を表す記号（`ja` など）ではありません",
      jaHint: meant.map { "`language: \($0)` と書いてください" }
        ?? "言語を表す記号を書いてください。日本語なら `language: ja` です")
    return meant ?? "ja"
  }

  /// `ja`, `en-US`, `zh-Hant`: letters and digits in parts joined by `-`, the first two or three
  /// letters (BCP 47's shape, not its registry).
  static func isTag(_ text: String) -> Bool {
    let parts = text.split(separator: "-", omittingEmptySubsequences: false)
    guard let first = parts.first, (2...3).contains(first.count),
      first.allSatisfy({ $0.isASCII && $0.isLetter })
    else { return false }
    return parts.dropFirst().allSatisfy {
      (1...8).contains($0.count) && $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) }
    }
  }
}
