/// Hints for an id that names nothing, from what writers type for one: a part of a field's
/// name (医療), words of their own (農業), several ids joined (`a、b`, `a・b`).
extension PageParser {
  /// The one name (and its id) that holds `text` as a part between its ・ (医療 of 医療・福祉)
  /// or, failing that, inside it (中小企業 of 産業振興・中小企業); nil for none or several.
  static func partOfOneName(_ text: String, names: [String: String]) -> (name: String, id: String)?
  {
    guard text.count >= 2, !text.allSatisfy(\.isASCII) else { return nil }
    for match in [
      { (name: String) in name.split(separator: "・").contains { $0 == text } },
      { (name: String) in name.contains(text) },
    ] {
      let found = names.filter { match($0.key) }
      if Set(found.values).count == 1, let one = found.min(by: { $0.key < $1.key }) {
        return (one.key, one.value)
      }
      if !found.isEmpty { return nil }
    }
    return nil
  }

  /// The one name sharing the most of `text`'s characters, two at least (農業 and 農林水産業
  /// share 農 and 業), with its id; nil for a text in ASCII, a tie or fewer.
  static func nameSharingMost(_ text: String, names: [String: String]) -> (
    name: String, id: String
  )? {
    let characters = Set(text.filter { !$0.isASCII && $0 != "・" })
    guard characters.count >= 2 else { return nil }
    let scored = names.map {
      (name: $0.key, id: $0.value, shared: Set($0.key).intersection(characters).count)
    }
    guard let best = scored.map(\.shared).max(), best >= 2 else { return nil }
    let top = scored.filter { $0.shared == best }
    guard Set(top.map(\.id)).count == 1, let one = top.min(by: { $0.name < $1.name }) else {
      return nil
    }
    return (one.name, one.id)
  }

  /// `fields: agriculture, tourism`, `[agriculture、tourism]` or `[agriculture tourism]`: to
  /// YAML one id with commas or a space.
  /// The list to write instead, each part through `id` (a name to its id), or nil when the
  /// value has no comma: a guess for the first id alone would drop the rest.
  /// In English and in Japanese.
  static func listHint(_ value: String, key: String, id: (String) -> String = { $0 }) -> (
    english: String, japanese: String
  )? {
    // Ids are ASCII: between them a ・ divides too (`sme-dx・dx-talent`), not in a name (医療・福祉).
    let ids = value.allSatisfy { $0.isASCII || $0 == "・" || $0 == "、" || $0 == "，" }
    var parts = value.split { (ids ? ",、，・" : ",、，").contains($0) }
      .map { String($0).trimmingSpacesAndNewlines }
    // `[agriculture industry]`: ids parted by a space (half or full width) alone, as no id
    // holds one; the hint offered the first id and dropped the second.
    if parts.count == 1 {
      let spaced = value.split { $0 == " " || $0 == "\u{3000}" }.map(String.init)
      if spaced.count > 1, spaced.allSatisfy(isSlug) { parts = spaced }
    }
    guard parts.count > 1 else { return nil }
    let list = "`\(key): [\(parts.map(id).joined(separator: ", "))]`"
    return (
      "write several ids as a list with half-width commas: \(list)",
      "いくつも書くときは、半角のコンマで区切って `[ ]` で囲みます: \(list)"
    )
  }
}
