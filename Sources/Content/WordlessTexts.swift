/// A title or summary of emoji or marks alone (`title: 🎉🎉`, `title: ！！！`, `title: ---`).
/// The title is the page's name everywhere: its heading, the text of every link to it, the
/// browser tab and the search results. Without a word in it, a screen reader reads out the
/// symbols' names (「パーティー・ポッパー」) or nothing, and no one can tell what the page is:
/// WCAG 2.4.2 (page titled) and 2.4.4 (link purpose), both level A. Nothing said so; the page
/// was published. An error, not a warning: a public body's page has no reason for such a title,
/// and a warning would still publish it (only `--strict` stops on warnings).
enum WordlessTexts {
  static let code = "content.no-words"

  /// An error for the title (`term` in the glossary) or summary (`short`) with no letter and
  /// no digit: kana, kanji and Latin letters are letters; emoji, punctuation and marks are not.
  static func check(_ y: inout YAMLFields, kind: ContentKind) {
    let glossary = kind == .glossary
    for (key, isTitle) in [
      (glossary ? "term" : "title", true), (glossary ? "short" : "summary", false),
    ] {
      guard let node = y.node(key), let written = node.string else { continue }
      // As shown: `{漢字|かんじ}` is its kanji.
      let text = (PageFurigana.read(written).plain ?? written).trimmingSpacesAndNewlines
      guard !text.isEmpty, !hasWords(text) else { continue }
      y.error(
        node.mark,
        "`\(key)` is only emoji or marks (`\(text)`): a screen reader reads out their names or nothing, and the links to the page, its tab and search results do not say what it is",
        hint: isTitle
          ? "write in words what the page is (an emoji or mark may stand beside the words, not instead of them)"
          : "sum the page up in one plain sentence of words (an emoji or mark may stand beside the words, not instead of them)",
        code: code,
        ja:
          "`\(key)` が絵文字や記号だけです（`\(text)`）。画面読み上げソフトでは記号の名前が読まれるか何も読まれず、このページへのリンクやタブ、検索結果からは、何のページかわかりません",
        jaHint: isTitle
          ? "何のページかを、ことばで書いてください（絵文字や記号は、ことばに添えるなら使えます）"
          : "ページの内容を、ことばのやさしい一文で書いてください（絵文字や記号は、ことばに添えるなら使えます）")
    }
  }

  /// Whether `text` has a letter or a digit: a character whose first scalar is alphabetic or
  /// numeric (a kanji, a kana, `ー`, `々`, `Ａ`, `1`, `①`); an emoji, a punctuation mark or a
  /// symbol is neither (`1️⃣` is a digit, read out as one, which says something).
  static func hasWords(_ text: String) -> Bool {
    text.contains { c in
      guard let first = c.unicodeScalars.first else { return false }
      return first.properties.isAlphabetic || first.properties.numericType != nil
    }
  }
}
