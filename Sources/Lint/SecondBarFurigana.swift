import Markdown

/// Furigana with a reading per character (`{綺麗|き|れい}`, as DenDen Markdown and pixiv write
/// them) whose readings do not fit the base one to one (`{綺麗|き|れ|い}`), or are all empty
/// (`{綺麗||}`): the page shows the braces as typed. The hint names the counts and the two
/// forms that work, with the writer's own readings where they are known.
enum SecondBarFurigana {
  /// Why the page shows the group as typed, after "`{…}` is shown as typed: ".
  static let why = (
    english: "its readings do not fit its characters one to one",
    ja: "`|` で区切った読み方が文字と1つずつ対応していません"
  )

  /// `readings` is what follows the first bar, bars and all (`き|れ|い`).
  static func hint(base: String, readings: String) -> (String, ja: String) {
    let parts = readings.split(omittingEmptySubsequences: false, whereSeparator: RubyScanner.isBar)
    let characters = Array(base)
    let each =
      "{\(base)|" + Array(repeating: "よみ", count: characters.count).joined(separator: "|") + "}"
    let listed = characters.map(String.init).joined(separator: "・")
    let joined = parts.joined()
    guard !joined.isEmpty else {
      return (
        "no reading is written: write one for each character, \(each), or one for the word, {\(base)|よみ}, or remove the braces",
        ja: "読み方が書かれていません。1文字ずつ `\(each)` と書くか、まとめて `{\(base)|よみ}` と書くか、`{ }` を外してください"
      )
    }
    return (
      "\(parts.count) readings for \(characters.count) characters (\(listed)): write one for each character, \(each), or one for the word, {\(base)|\(joined)}",
      ja:
        "`|` で区切った読み方が\(parts.count)つ、文字が\(characters.count)つ（\(listed)）です。1文字に1つずつ `\(each)` と書くか、まとめて `{\(base)|\(joined)}` と書いてください"
    )
  }
}
