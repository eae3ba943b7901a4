import Content
import Foundation
import Markdown

/// What the rules need to know about the site beyond one page: the glossary, because a loanword
/// or abbreviation that has a glossary entry is explained to the reader by its link.
public struct LintContext: Sendable {
  /// Every glossary term and alias.
  public var glossaryNames: Set<String> {
    didSet {
      (index, byScalar, byPair) = Self.makeIndex(Self.withFullWidth(glossaryNames))
      firstScalars = Self.bits(of: byScalar)
    }
  }

  /// The names and their full-width forms (ＤＸ for DX), which the build links too.
  static func withFullWidth(_ names: Set<String>) -> Set<String> {
    names.union(names.compactMap(GlossaryMatcher.fullWidthVariant))
  }
  /// Names by first character, longest first, so a scan takes the longest name at each place.
  private var index: [Character: [[LintCharacter]]]
  /// The same by the first character's scalar, when every first character compares by its
  /// scalar (see `LintCharacter.key`): a character of the text that does too is looked up by
  /// its scalar, without hashing it as a character.
  private var byScalar: [UInt32: [[LintCharacter]]]?
  /// Names of two characters or more by their first two scalars (`pairKey`), each list
  /// followed by the one-character name of its first character if there is one; and the
  /// one-character names by their scalar (`singles`), for a place whose two characters no
  /// longer name starts with. A place is then tried only against the names that share its
  /// next character too: a glossary of hundreds of names has dozens starting with 防 or 介.
  /// Nil when a name's second character does not compare by its scalar.
  private var byPair: (pairs: [UInt64: [[LintCharacter]]], singles: [UInt32: [[LintCharacter]]])?
  /// A bit per scalar of the Basic Multilingual Plane: set when `byScalar` has names starting
  /// with it. Nearly no character of a text starts a name, and hashing each one for the
  /// dictionary was a third of the scan (2 % of a lint of 10,000 pages).
  private var firstScalars: [UInt64]

  /// The sizes in bytes of the files under `content/files/`, by path relative to `content/`
  /// (`files/dx-plan.pdf`), for the size a link to one should state.
  public var fileSizes: [String: Int64]

  /// The pixel sizes of the site's images, by the same paths, where their headers tell.
  public var imageSizes: [String: ImageSize]

  /// `allow_raw_html` of site.yml: when off (the default) HTML in a body is left out of the
  /// page, which `lint.raw-html` says.
  public var allowsRawHTML = false

  /// `known_words` of site.yml: words this site's readers know (its towns' names), for which
  /// the rules ask no reading or explanation (`lint.rare-kanji`, `lint.katakana-word`,
  /// `lint.acronym`).
  public var knownWords: Set<String> = []

  /// The glossary's English names (`english:`), which `lint.english-word` takes as declared:
  /// the build marks their language (`lang="en"`) wherever a body writes them.
  public var englishNames: Set<String> = []

  /// The pages' titles and site.yml's names of domains and fields: names a page cannot
  /// rewrite, in which `lint.hard-word` passes its words (「意識の醸成・人材育成」).
  public var names: Set<String> = [] {
    didSet { namesHolding = HardWordRule.namesHolding(names) }
  }
  /// The names holding each of `HardWordRule.words`, by its index.
  private var namesHolding: [Int: [[LintCharacter]]] = [:]

  /// Whether the word at `range` of `text` is inside one of `names` written out there.
  func isInName(_ text: [LintCharacter], _ range: Range<Int>, word: Int) -> Bool {
    let written = Array(text[range])
    return namesHolding[word, default: []].contains { name in
      name.indices.contains { k in
        name.hasPrefix(written, at: k) && text.hasPrefix(name, at: range.lowerBound - k)
      }
    }
  }

  public init(
    glossaryNames: Set<String> = [], fileSizes: [String: Int64] = [:],
    imageSizes: [String: ImageSize] = [:]
  ) {
    self.glossaryNames = glossaryNames
    self.fileSizes = fileSizes
    self.imageSizes = imageSizes
    (index, byScalar, byPair) = Self.makeIndex(Self.withFullWidth(glossaryNames))
    firstScalars = Self.bits(of: byScalar)
  }

  /// `firstScalars` for `byScalar`: empty when there is none.
  private static func bits(of byScalar: [UInt32: [[LintCharacter]]]?) -> [UInt64] {
    byScalar.map { scalarBits($0.keys) } ?? []
  }

  /// A bit per scalar of the Basic Multilingual Plane, set for each of `keys` there: a text's
  /// characters are tested against it before any dictionary is asked (`HardWordRule` too).
  static func scalarBits(_ keys: some Sequence<UInt32>) -> [UInt64] {
    var bits = [UInt64](repeating: 0, count: 0x10000 / 64)
    for key in keys where key < 0x10000 { bits[Int(key >> 6)] |= 1 << (key & 63) }
    return bits
  }

  /// Whether `key`'s bit in `bits` (made by `scalarBits`) is set: whether it may start a word.
  @inline(__always) static func hasBit(_ key: UInt32, _ bits: [UInt64]) -> Bool {
    key < 0x10000 && bits[Int(key >> 6)] & (1 << (key & 63)) != 0
  }

  /// With the sizes of the site's published files (`content/files/`) and site.yml's settings
  /// for the rules, as `portal lint` and the `portal serve` panel both need them.
  public init(
    glossaryNames: Set<String>, files: [ContentFile], allowsRawHTML: Bool = false,
    knownWords: [String] = [], englishNames: Set<String> = [], names: Set<String> = []
  ) {
    self.init(
      glossaryNames: glossaryNames,
      fileSizes: Dictionary(files.map { ($0.relativePath, $0.stamp.size) }) { a, _ in a },
      imageSizes: ImageSize.of(files))
    self.allowsRawHTML = allowsRawHTML
    self.knownWords = Set(knownWords)
    self.englishNames = englishNames
    self.names = names
    namesHolding = HardWordRule.namesHolding(names)  // no didSet in an initialiser
  }

  /// The pixel size of the image a link in a page of `directory` shows, when known.
  func imageDimensions(of link: String, from directory: String) -> ImageSize? {
    path(of: link, from: directory).flatMap { imageSizes[$0] }
  }

  /// The size of the file a link written in a page of `directory` (relative to `content/`)
  /// points to, when it is one of `fileSizes`.
  func fileSize(of link: String, from directory: String) -> Int64? {
    path(of: link, from: directory).flatMap { fileSizes[$0] }
  }

  /// The path relative to `content/` that a link written in a page of `directory` names.
  private func path(of link: String, from directory: String) -> String? {
    let written = link.removingPercentEncoding ?? link
    var parts = written.hasPrefix("/") ? [] : directory.split(separator: "/").map(String.init)
    for part in written.split(separator: "/") {
      switch part {
      case ".": continue
      case "..": if parts.popLast() == nil { return nil }
      default: parts.append(String(part))
      }
    }
    return parts.joined(separator: "/")
  }

  private static func makeIndex(_ names: Set<String>) -> (
    [Character: [[LintCharacter]]], [UInt32: [[LintCharacter]]]?,
    (pairs: [UInt64: [[LintCharacter]]], singles: [UInt32: [[LintCharacter]]])?
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
    var byScalar: [UInt32: [[LintCharacter]]]? = [:]
    for names in index.values {
      let key = names[0][0].key
      guard key != 0 else {
        byScalar = nil
        break
      }
      byScalar?[key] = names
    }
    guard let byScalar else { return (index, nil, nil) }
    var pairs: [UInt64: [[LintCharacter]]] = [:]
    var singles: [UInt32: [[LintCharacter]]] = [:]
    for (first, names) in byScalar {
      let one = names.filter { $0.count == 1 }
      if !one.isEmpty { singles[first] = one }
      // In the list's order: longest first, so the one-character name comes last.
      for name in names where name.count >= 2 {
        guard name[1].key != 0 else { return (index, byScalar, nil) }
        pairs[pairKey(first, name[1].key), default: []].append(name)
      }
    }
    for (key, names) in pairs { pairs[key] = names + (singles[UInt32(key >> 32)] ?? []) }
    return (index, byScalar, (pairs, singles))
  }

  @inline(__always)
  private static func pairKey(_ a: UInt32, _ b: UInt32) -> UInt64 { UInt64(a) << 32 | UInt64(b) }

  /// For each character of `text`, whether it is part of a glossary name. Latin names match
  /// whole words only, so `AI` is not found inside `MAIL`.
  func glossaryCoverage(_ text: [LintCharacter]) -> [Bool] {
    var covered = [Bool](repeating: false, count: text.count)
    guard !index.isEmpty else { return covered }
    var i = 0
    while i < text.count {
      let names: [[LintCharacter]]
      if let byScalar, text[i].key != 0 {
        let key = text[i].key
        if key < 0x10000, firstScalars[Int(key >> 6)] & (1 << (key & 63)) == 0 {
          i += 1
          continue
        }
        guard let found = byScalar[key] else {
          i += 1
          continue
        }
        if let byPair, i + 1 < text.count, text[i + 1].key != 0 {
          names =
            byPair.pairs[Self.pairKey(text[i].key, text[i + 1].key)]
            ?? byPair.singles[text[i].key] ?? []
        } else {
          names = found
        }
      } else {
        names = index[text[i].character] ?? []
      }
      var matched = 0
      for name in names where text.hasPrefix(name, at: i) {
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
