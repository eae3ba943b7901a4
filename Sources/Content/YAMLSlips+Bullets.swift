/// A list written as Japanese documents write one, `・仕事` under `tags:`: to YAML the lines
/// are one text (`・仕事 ・学び`, one tag, with a warning about its reading), or, at the start of
/// the line or under a `- ` item, a line that is not `key: value`, whose hint said to write
/// `tags: ・仕事`. Named at the bullet, with the item as YAML writes it.
extension YAMLSlips {
  /// Characters typed for a list's bullet: the katakana middle dot (full- and half-width), the
  /// bullet, and the marks of word processors' lists.
  static let bullets: Set<Character> = ["・", "･", "•", "●", "○", "■", "□", "◆", "◇", "－"]

  /// The problem of line `number` when it is an item of a list key (`tags`, `fields`,
  /// `accessibility`…, `YAMLSlips.listKeys`) written with a bullet: the line to type, with
  /// `- ` as the items above it are indented (else as the line is), and that line as its
  /// repair. Nil for any other line: `・` starting a line of a sentence is text.
  static func bulletItem(_ number: Int, in lines: [Substring]) -> YAMLProblem? {
    let line = lines[number - 1]
    let indent = line.prefix { $0 == " " }.count
    let rest = line.dropFirst(indent)
    guard let bullet = rest.first, bullets.contains(bullet) else { return nil }
    let item = String(rest.dropFirst().drop { $0 == " " || $0 == "\u{3000}" })
      .trimmingSpacesAndNewlines
    guard !item.isEmpty else { return nil }
    // Up over the list's other items, `- ` or bulleted, to its key: `tags:` alone.
    var itemIndent: Int?
    var n = number - 1
    while n >= 1 {
      let above = lines[n - 1]
      let aboveIndent = above.prefix { $0 == " " }.count
      let text = above.dropFirst(aboveIndent)
      if text.hasPrefix("- ") {
        itemIndent = itemIndent ?? aboveIndent
      } else if !text.isEmpty, !text.hasPrefix("#"), !bullets.contains(text.first!) {
        guard aboveIndent <= indent, let (key, value) = keyAndValue(above), value.isEmpty,
          listKeys.contains(key)
        else { return nil }
        break
      }
      n -= 1
    }
    guard n >= 1 else { return nil }
    let fixed = String(repeating: " ", count: itemIndent ?? indent) + "- " + listItem(item)
    let typed = fixed.trimmingSpacesAndNewlines
    return YAMLProblem(
      line: number, column: indent + 1,
      message:
        "a list item starts with `- ` (a half-width hyphen and a space), not `\(bullet)`",
      hint: "write `\(typed)`, each item on its own line, under the key and indented alike",
      ja: "リストの項目は `\(bullet)` ではなく、`- `（半角のハイフンと半角スペース）で始めます",
      jaHint: "`\(typed)` と書いてください。項目は1行に1つ、項目名の下に同じ字下げで並べます",
      repairedLine: fixed)
  }

  /// Whether a line of `text` starts, after spaces, with a character other than ASCII: no
  /// front matter line that YAML reads as a key or an item does, so front matters without
  /// one are not split into lines to look for bullets.
  static func mayHoldBulletLine(_ text: String) -> Bool {
    var atStart = true
    for byte in text.utf8 {
      if byte == 0x0A {
        atStart = true
      } else if atStart, byte != 0x20 {
        if byte >= 0x80 { return true }
        atStart = false
      }
    }
    return false
  }

  /// The first bulleted item of a list key in a front matter YAML read without complaint
  /// (it made one text of the items).
  static func bulletItem(in text: String) -> YAMLProblem? {
    guard mayHoldBulletLine(text) else { return nil }
    let lines = Self.lines(of: text)
    return lines.indices.lazy.compactMap { bulletItem($0 + 1, in: lines) }.first
  }
}
