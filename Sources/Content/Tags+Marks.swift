import Diagnostics

extension Tags {
  /// Marks typed before a tag as a list's bullet or a hashtag (`・オープンデータ`,
  /// `＃オープンデータ`: ＃ is no YAML comment), and quotes around it (`“オープンデータ”`, pasted
  /// from a document): not part of the word residents look for. The tag's page was published as
  /// /tags/・オープンデータ/, apart from the others'.
  /// (Not ○: ○×クイズ is a word.)
  static let leadingMarks: Set<Character> = [
    "・", "•", "●", "◆", "◇", "■", "□", "#", "＊", "*", "※",
  ]
  static let quotes: [(Character, Character)] = [
    ("“", "”"), ("‘", "’"), ("「", "」"), ("『", "』"), ("\"", "\""), ("'", "'"), ("＂", "＂"),
  ]

  /// The tag without the marks before it and the quotes around it, or nil when it has none.
  static func withoutMarks(_ name: String) -> String? {
    // Nearly every tag starts with a letter: looked at no further (every tag of every page
    // comes here).
    guard let first = name.first, let last = name.last,
      leadingMarks.contains(first) || quotes.contains(where: { $0 == (first, last) })
    else { return nil }
    var s = Substring(name)
    var changed = true
    while changed {
      changed = false
      if let first = s.first, leadingMarks.contains(first) {
        s = s.dropFirst().drop { $0 == " " }
        changed = true
      }
      // A pair around the whole tag only: 「防災」と「減災」 is two quoted words.
      if s.count >= 2, let first = s.first, let last = s.last,
        quotes.contains(where: { $0 == (first, last) }),
        !s.dropFirst().dropLast().contains(where: { $0 == first || $0 == last })
      {
        s = s.dropFirst().dropLast()
        changed = true
      }
    }
    return s.count < name.count && !s.isEmpty ? String(s) : nil
  }
}

extension PageParser {
  /// A warning for a tag with marks around it (`Tags.withoutMarks`), which is then read
  /// without them.
  static func strayTagMarks(_ written: String, name: String, at: SourceLocation) -> Diagnostic {
    let list = "`tags: [\(name), …]`"
    return .warning(
      at,
      "the tag `\(written)` has a mark or quotes that are not part of the word: it is read as `\(name)`",
      hint: "write the tag alone, without bullets, `#` or quotes: \(list)", code: Tags.code
    ).ja(
      "タグ `\(written)` に、ことばではない記号かかぎかっこが付いています。`\(name)` として読みました",
      hint: "記号（・ や ＃）やかぎかっこを付けずに書いてください: \(list)")
  }
}

extension YAMLFields {
  /// `tags: #オープンデータ #学び`, typed as on social media: to YAML the line's value is a
  /// comment and the key empty. The words after each `#`, or nil when the key's line is not so.
  func hashtags(_ key: String) -> [String]? {
    guard let text, text.holdsByte(UInt8(ascii: "#")) else { return nil }
    let blank: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\u{3000}" }
    for line in text.split(whereSeparator: \.isNewline) where line.hasPrefix(key + ":") {
      let value = line.dropFirst(key.count + 1).drop(while: blank)
      // Each word a hashtag (`#子育て`); `# あとで書く` is a comment meant as one.
      let tokens = value.split(whereSeparator: blank)
      guard !tokens.isEmpty, tokens.allSatisfy({ $0.first == "#" && $0.count > 1 }) else {
        return nil
      }
      return tokens.map { String($0.drop { $0 == "#" }) }
    }
    return nil
  }
}
