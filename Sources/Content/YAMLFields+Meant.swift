import Diagnostics
import Foundation
import Yams

/// Values a writer typed for what YAML reads otherwise, with the value meant in the hint: a
/// list written as one text with 、, a yes or no in Japanese for `true` or `false`.
extension YAMLFields {
  /// List keys whose items are words, not ids (an unknown id is reported with the list meant)
  /// nor tags (`Tags` reports a comma in one): `accessibility: 字幕、手話通訳` is one item.
  static let wordListKeys: Set<String> = ["accessibility", "aliases", "known_words"]

  /// A warning when `value`, the whole of a list key's value, holds a comma or 、: to YAML it
  /// is one item, shown as one (「字幕、手話通訳」 as one line of the event's support). Not an
  /// error: one item may be a sentence with a 、 in it, which brackets then say.
  mutating func oneItemWithCommas(_ value: String, key: String, at mark: Mark?) {
    guard value.contains(where: { ",、，".contains($0) }) else { return }
    let parts = value.split { ",、，".contains($0) }.map { String($0).trimmingSpacesAndNewlines }
      .filter { !$0.isEmpty }
    guard parts.count > 1 else { return }
    let list = "`\(key): [\(parts.joined(separator: ", "))]`"
    let one = "`\(key): [\(value)]`"
    diagnostics.append(
      .warning(
        location(mark),
        "`\(key)` is one item, `\(value)`: to YAML a comma or 、 does not divide a list",
        hint:
          "write several items as a list: \(list) (if it is one item, write it in brackets: \(one))",
        code: "front-matter.list"
      ).ja(
        "`\(key)` が `\(value)` の1つになっています。YAML では、読点やコンマでリストは分かれません",
        hint: "いくつも書くときは、半角のコンマで区切って `[ ]` で囲みます：\(list)（1つなら \(one) と書きます）"))
  }

  /// The true or false a writer meant by a value YAML does not take as one: Japanese words for
  /// yes and no, full-width letters, a typo of `true` or `false`; nil when it cannot be told.
  static func meantBool(_ written: String) -> Bool? {
    let text = written.nfkc.lowercased()
      .trimmingSpacesAndNewlines
    let yes: Set<String> = [
      "true", "yes", "on", "ture", "treu", "tru", "rtue", "はい", "する", "あり", "有り", "有", "○", "〇",
      "◯",
    ]
    let no: Set<String> = [
      "false", "no", "off", "flase", "fasle", "fales", "fals", "いいえ", "しない", "なし", "無し", "無", "×",
    ]
    return yes.contains(text) ? true : no.contains(text) ? false : nil
  }
}
