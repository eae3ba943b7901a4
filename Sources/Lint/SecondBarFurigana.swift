/// Furigana with a bar between the readings of each kanji (`{綺麗|き|れい}`, as some other
/// tools write a reading per character): Portal takes one bar, so the page showed the braces
/// as typed and nothing said so. The hint gives both forms that work, with the writer's own
/// readings: one group per kanji when there is a reading for each, else the readings joined.
enum SecondBarFurigana {
  /// Why the page shows the group as typed, after "`{…}` is shown as typed: ".
  static let why = (english: "furigana take one bar", ja: "ふりがなの `|` は1つだけです")

  /// `readings` is what follows the first bar, bars and all (`き|れい`).
  static func hint(base: String, readings: String) -> (String, ja: String) {
    let parts = readings.split(whereSeparator: { $0 == "|" || $0 == "｜" }).map(String.init)
    let whole = "{\(base)|\(parts.joined())}"
    let characters = Array(base)
    guard parts.count == characters.count, parts.allSatisfy({ !$0.isEmpty }) else {
      return (
        "write one reading for the word: \(whole)",
        ja: "読み方は `|` の後ろにまとめて書いてください：`\(whole)`"
      )
    }
    let each = zip(characters, parts).map { "{\($0)|\($1)}" }.joined()
    return (
      "write one reading for the word, \(whole), or a group for each kanji: \(each)",
      ja: "読み方をまとめて `\(whole)` と書くか、漢字ごとに `\(each)` と書いてください"
    )
  }
}
