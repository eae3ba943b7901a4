import Foundation

/// The reading of an abbreviation by the names of its letters (BPR → びーぴーあーる), as the
/// glossary writes them: for a `reading` typed as the letters themselves, whose hint was a
/// reading of another term (`でぃーえっくす`).
extension PageParser {
  /// The letters' names in hiragana, A to Z.
  static let letterNames = [
    "えー", "びー", "しー", "でぃー", "いー", "えふ", "じー", "えいち", "あい", "じぇい", "けー", "える", "えむ",
    "えぬ", "おー", "ぴー", "きゅー", "あーる", "えす", "てぃー", "ゆー", "ぶい", "だぶりゅー", "えっくす", "わい",
    "ぜっと",
  ]

  /// `text` read letter by letter, for an abbreviation of Latin letters (full-width too);
  /// nil for anything else: more than eight letters, or more than four not all capitals (a
  /// word, not an abbreviation).
  static func letterReading(_ text: String) -> String? {
    let written = Array(
      (text.applyingTransform(.fullwidthToHalfwidth, reverse: false) ?? text).unicodeScalars)
    let capitals = written.allSatisfy { ("A"..."Z").contains($0) }
    // Capitals (BPR), or short as IoT is; `Society` is a word.
    guard (1...8).contains(written.count),
      capitals
        || (written.count <= 4
          && written.allSatisfy { ("a"..."z").contains($0) || ("A"..."Z").contains($0) })
    else { return nil }
    return written.map { letterNames[Int(($0.value | 0x20) - 0x61)] }.joined()
  }
}
