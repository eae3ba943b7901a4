/// What the rules need to know about the site beyond one page: the glossary, because a loanword
/// or abbreviation that has a glossary entry is explained to the reader by its link.
public struct LintContext: Sendable {
  /// Every glossary term and alias.
  public var glossaryNames: Set<String> {
    didSet { (index, firstScalars) = Self.makeIndex(glossaryNames) }
  }
  /// Names by first character, longest first, so a scan takes the longest name at each place.
  private var index: [Character: [[LintCharacter]]]
  /// The scalars of the names' first characters, when each is one scalar (see
  /// `CharacterClass`): most characters of a text start no name, and are passed over without
  /// hashing them as characters.
  private var firstScalars: Set<UInt32>?

  public init(glossaryNames: Set<String> = []) {
    self.glossaryNames = glossaryNames
    (index, firstScalars) = Self.makeIndex(glossaryNames)
  }

  private static func makeIndex(_ names: Set<String>) -> (
    [Character: [[LintCharacter]]], Set<UInt32>?
  ) {
    var index: [Character: [[LintCharacter]]] = [:]
    for name in names where !name.isEmpty {
      let chars = LintCharacter.array(name)
      index[chars[0].character, default: []].append(chars)
    }
    for key in index.keys {
      index[key]!.sort {
        $0.count != $1.count
          ? $0.count > $1.count : $0.string(0..<$0.count) < $1.string(0..<$1.count)
      }
    }
    var firsts: Set<UInt32>? = []
    for key in index.keys {
      guard let v = key.singleScalar, !CharacterClass.hasSingletonDecomposition(v) else {
        firsts = nil
        break
      }
      firsts?.insert(v)
    }
    return (index, firsts)
  }

  /// For each character of `text`, whether it is part of a glossary name. Latin names match
  /// whole words only, so `AI` is not found inside `MAIL`.
  func glossaryCoverage(_ text: [LintCharacter]) -> [Bool] {
    var covered = [Bool](repeating: false, count: text.count)
    guard !index.isEmpty else { return covered }
    var i = 0
    while i < text.count {
      if let firstScalars, text[i].key != 0, !firstScalars.contains(text[i].key) {
        i += 1
        continue
      }
      var matched = 0
      for name in index[text[i].character] ?? [] where text.hasPrefix(name, at: i) {
        let end = i + name.count
        let startOK = !(name[0].isLatinWordCharacter && i > 0 && text[i - 1].isLatinWordCharacter)
        let endOK =
          !(name.last!.isLatinWordCharacter && end < text.count && text[end].isLatinWordCharacter)
        if startOK && endOK {
          matched = name.count
          break
        }
      }
      if matched > 0 {
        for k in i..<(i + matched) { covered[k] = true }
        i += matched
      } else {
        i += 1
      }
    }
    return covered
  }
}
