import Diagnostics
import Foundation

/// The keys of a front matter or site.yml that no accessor asked for, each named with the key
/// meant: a typo, a full-width letter or space, another generator's name for it.
extension YAMLFields {
  /// Reports every key that no accessor asked for, with the closest allowed key. A key that
  /// is a required one misspelt (`sumary`, `Title`, `Ｔｉｔｌｅ`, `　summary`) is one error, at
  /// the key: the "missing" error of the key it meant is dropped.
  ///
  /// - Parameter japaneseName: `kindName` in Japanese, to be followed by 「に」 (「取組のページ」).
  mutating func reportUnknownKeys(kindName: String, japaneseName: String) {
    // Nearly every page has none: the allowed keys are sorted for the hints only when one is
    // there (sorting them for each of 10,000 pages was 2 % of loading).
    guard usedEntries.contains(false) else { return }
    let japaneseName = Self.beforeKana(japaneseName)
    let allowed = Set(asked).sorted()
    var meant: Set<Int> = []
    for (entry, isUsed) in zip(entries, usedEntries) where !isUsed {
      var hint = "remove it; the keys of \(kindName) are: \(allowed.joined(separator: ", "))"
      var hintJa =
        "この項目を消してください。\(japaneseName)に書ける項目は、\(kindName == "site.yml" ? allowed.joined(separator: ", ") : KeySynonyms.listedInJapanese(allowed)) です"
      if kindName == "site.yml" {
        hint +=
          "; values of the site's own for the theme go under `params:` (`site.params.\(entry.key)` in templates)"
        hintJa +=
          "。テーマで使うサイト独自の値は `params:` の下に書きます（テンプレートでは `site.params.\(entry.key)`）"
      }
      var guess: String?
      // A full-width space looks like nothing: name it, or the hint shows two equal words.
      let bare = entry.key.filter { $0 != "\u{3000}" && $0 != " " }
      // Full-width letters (Ｔｉｔｌｅ) typed with the Japanese input on.
      let folded = bare.nfkc
      if bare != entry.key, allowed.contains(bare) {
        guess = bare
        let fullWidth = entry.key.contains("\u{3000}")
        hint =
          "remove the \(fullWidth ? "full-width space (全角スペース)" : "space") from the key: `\(bare):`"
        hintJa = "項目名から\(fullWidth ? "全角スペース" : "スペース")を消して、`\(bare):` と書いてください"
      } else if folded.lowercased() != entry.key, allowed.contains(folded.lowercased()) {
        guess = folded.lowercased()
        let how = folded != bare ? "half-width letters" : "lower case"
        hint = "write the key in \(how): `\(folded.lowercased()):`"
        hintJa =
          "項目名は\(folded != bare ? "半角の英字" : "小文字")で、`\(folded.lowercased()):` と書いてください"
      } else if let synonym = KeySynonyms.meant(folded.lowercased(), among: allowed) {
        guess = synonym
        if let given = index(of: synonym) {
          // Renamed, it would be the key twice (`date:` beside `start:`).
          let line = location(entries[given].keyMark).line
          hint =
            "`\(synonym)` is given already (line \(line)), which is what this would be: remove it, or keep the one that is right"
          hintJa = "この項目は `\(synonym)` のことで、`\(synonym)` は\(line)行目に書いてあります。この項目を消すか、正しいほうを残してください"
        } else {
          hint = "the key for this is `\(synonym)`: rename it, keeping its value (`\(synonym): …`)"
          hintJa = "この項目の名前は `\(synonym)` です。値はそのままで、項目名を `\(synonym):` に書きかえてください"
        }
      } else if let near = Suggest.closest(to: folded, in: allowed) {
        guess = near
        hint = "did you mean `\(near)`?"
        hintJa = "`\(near)` のまちがいではありませんか"
      }
      var message = "unknown key `\(entry.key)` in \(kindName)"
      var messageJa = "\(japaneseName)に、使えない項目 `\(entry.key)` があります"
      if let guess, let index = missingAt[guess] {
        meant.insert(index)
        message += " (and the required key `\(guess)` is missing)"
        messageJa += "（必ず書く項目 `\(guess)` もありません）"
      }
      diagnostics.append(
        .error(location(entry.keyMark), message, hint: hint, code: "front-matter.unknown-key")
          .ja(messageJa, hint: hintJa))
    }
    if !meant.isEmpty {
      diagnostics = diagnostics.enumerated().filter { !meant.contains($0.offset) }.map(\.element)
      missingAt = [:]
    }
  }

  /// `name` with a space after it when it ends in a half-width character (`site.yml`,
  /// `` `check` ``), as Japanese text sets such words apart: 「site.yml に」, not 「site.ymlに」.
  static func beforeKana(_ name: String) -> String {
    name.last.map { $0.isASCII } == true ? name + " " : name
  }
}
