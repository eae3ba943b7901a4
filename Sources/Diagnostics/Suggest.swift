import EditDistance
import Foundation

/// "Did you mean" suggestions by edit distance, used wherever a writer can mistype a name.
public enum Suggest {
  /// A path (`initiatives/ai-disaster.md`, `/initiatives/ai-disaster/`) is compared with
  /// paths of the same folder by its last part, so the folder's length does not make any file
  /// there look close (`ai-disaster.md` was "close" to `civic-tech.md`). A word the start of a
  /// candidate (or the other way round) names it unless one typo explains the word:
  /// `ai-disaster` is `ai-disaster-management` cut short, and `smart-agri` is
  /// `smart-agriculture`, not `smart-grid` two changes away.
  public static func closest(to word: String, in candidates: [String], maxDistance: Int? = nil)
    -> String?
  {
    Candidates(candidates).closest(to: word, maxDistance: maxDistance)
  }

  /// The letters of a text as bits of their hash (within one run of the program): a letter of
  /// one text whose bit the other's lacks is missing from it. So those bits count changes the
  /// distance between two names has at least, and a text holds another only if its bits hold
  /// the other's.
  public static func letters(_ text: some Sequence<Character>) -> UInt64 {
    text.reduce(0) { $0 | 1 << (UInt64(bitPattern: Int64($1.hashValue)) % 64) }
  }

  /// The folder part (with its `/`) and the last part of a path, a trailing `/` kept with it.
  static func split(_ path: String) -> (folder: Substring, name: Substring) {
    var body = path[...]
    if body.hasSuffix("/") { body = body.dropLast() }
    guard let slash = body.lastIndex(of: "/") else { return ("", path[...]) }
    return (path[...slash], path[path.index(after: slash)...])
  }

  /// A name without `.md` or a trailing `/`.
  static func stem(_ name: Substring) -> Substring {
    if name.hasSuffix(".md") { return name.dropLast(3) }
    if name.hasSuffix("/") { return name.dropLast() }
    return name
  }

  /// Candidates made ready once for many questions: `portal check` asks about every broken
  /// `#…` into a page with that page's ids, and every missing file with the site's files.
  /// Asking every candidate each time made a page of thousands of headings and broken
  /// links take minutes; a question here reads only the names near its length and the names
  /// its start names or that name its start. The answers are those of weighing every
  /// candidate in turn (`SuggestTests` keeps that loop and holds these to it).
  public struct Candidates: Sendable {
    struct Near: Sendable {
      let position: Int
      let length: Int
      let letters: UInt64
    }

    struct Entry: Sendable {
      let candidate: String
      let length: Int
      let name: [Character]
      let stem: String
      let stemLength: Int
    }

    /// The candidates of one folder, in the order given.
    struct Folder: Sendable {
      var entries: [Entry] = []
      /// Entries by the length of their name: their position, length and letters side by side,
      /// read for every entry of a length near a word's before any is compared.
      var byNameLength: [Int: [Near]] = [:]
      /// Entry positions by their stem, for the stems a word starts with.
      var byStem: [String: [Int]] = [:]
      /// Stems of three characters or more as UTF-8 of their composed form, in byte order, with
      /// their entry's position: the stems a word's stem starts are one run of them.
      var sortedStems: [(key: [UInt8], position: Int)] = []
      /// The longest of those stems: no stem is a longer word's start (a 64,000-character key
      /// was cut at each length, minutes of work for one unknown key).
      var longestStem = 0
    }

    let folders: [String: Folder]

    public init(_ candidates: [String]) {
      var folders: [String: Folder] = [:]
      for candidate in candidates {
        let (folder, name) = Suggest.split(candidate.lowercased())
        let stem = Suggest.stem(name)
        let entry = Entry(
          candidate: candidate, length: candidate.count, name: Array(name),
          stem: String(stem), stemLength: stem.count)
        folders[String(folder), default: Folder()].add(entry)
      }
      for key in folders.keys {
        folders[key]!.sortedStems.sort { $0.key.lexicographicallyPrecedes($1.key) }
      }
      self.folders = folders
    }

    /// The candidate `word` was most likely meant to be. With `lengthWithin`, only candidates
    /// whose length differs from the word's by at most that many characters are considered.
    public func closest(to word: String, maxDistance: Int? = nil, lengthWithin: Int? = nil)
      -> String?
    {
      let (folderName, nameText) = Suggest.split(word.lowercased())
      guard let folder = folders[String(folderName)] else { return nil }
      let name = Array(nameText)
      let length = word.count
      func lengthNear(_ other: Int) -> Bool {
        lengthWithin.map { abs(other - length) <= $0 } ?? true
      }
      // Two changes to a name of two characters leave nothing of it (#窓口 → #参考).
      let limit = maxDistance ?? (name.count <= 2 ? 1 : max(2, name.count / 3))
      let letters = Suggest.letters(nameText)
      var best: (position: Int, distance: Int)?
      for nameLength in max(0, name.count - limit)...(name.count + limit) {
        for other in folder.byNameLength[nameLength] ?? [] {
          // Each letter one name has and the other lacks takes a change of its own.
          guard lengthNear(other.length), (letters & ~other.letters).nonzeroBitCount <= limit,
            (other.letters & ~letters).nonzeroBitCount <= limit
          else { continue }
          let position = other.position
          let d = EditDistance.between(name, folder.entries[position].name, atMost: limit)
          if d <= limit, best.map({ (d, position) < ($0.distance, $0.position) }) ?? true {
            best = (position, d)
          }
        }
      }
      let extended =
        maxDistance == nil ? folder.extending(Suggest.stem(nameText), where: lengthNear) : nil
      if let best, best.distance <= 1 || extended == nil {
        return folder.entries[best.position].candidate
      }
      return (extended ?? best?.position).map { folder.entries[$0].candidate }
    }
  }
}

extension Suggest.Candidates.Folder {
  mutating func add(_ entry: Suggest.Candidates.Entry) {
    let position = entries.count
    entries.append(entry)
    byNameLength[entry.name.count, default: []].append(
      .init(
        position: position, length: entry.length,
        letters: Suggest.letters(entry.name)))
    if entry.stemLength >= 3 {
      longestStem = max(longestStem, entry.stemLength)
      byStem[entry.stem, default: []].append(position)
      sortedStems.append((Self.composedBytes(entry.stem), position))
    }
  }

  /// The UTF-8 of a text's composed form (NFC, as Swift orders and compares text); ASCII is its
  /// own, which most names are.
  static func composedBytes(_ text: String) -> [UInt8] {
    text.utf8.allSatisfy { $0 < 0x80 }
      ? Array(text.utf8) : Array(text.precomposedStringWithCanonicalMapping.utf8)
  }

  /// The shortest candidate (the first of equals) whose stem starts with `stem` or starts it,
  /// other than `stem` itself, both of three characters or more.
  func extending(_ stem: Substring, where lengthNear: (Int) -> Bool) -> Int? {
    let stemLength = stem.count
    guard stemLength >= 3 else { return nil }
    var found: Int?
    func consider(_ position: Int) {
      let entry = entries[position]
      guard lengthNear(entry.length) else { return }
      if found.map({ (entry.length, position) < (entries[$0].length, $0) }) ?? true {
        found = position
      }
    }
    // Stems that start with this one: one run in byte order of the composed forms.
    let key = Self.composedBytes(String(stem))
    var low = 0
    var high = sortedStems.count
    while low < high {
      let middle = (low + high) / 2
      if sortedStems[middle].key.lexicographicallyPrecedes(key) {
        low = middle + 1
      } else {
        high = middle
      }
    }
    while low < sortedStems.count, sortedStems[low].key.starts(with: key) {
      let position = sortedStems[low].position
      let other = entries[position].stem
      if other != stem, other.hasPrefix(stem) { consider(position) }
      low += 1
    }
    // Stems this one starts with.
    var prefix = stem.prefix(3)
    for prefixLength in stride(from: 3, to: min(stemLength, longestStem + 1), by: 1) {
      if prefixLength > 3 { prefix = stem[..<stem.index(after: prefix.endIndex)] }
      for position in byStem[String(prefix)] ?? [] { consider(position) }
    }
    return found
  }
}

extension Suggest {
  /// The one id whose words (the parts between `-`) hold the words of `id` in order, or are
  /// held by them: a file renamed `narita-hub.md` → `narita-logistics-hub.md` is too far from
  /// the old id by edit distance to be offered, though it is plainly the page meant. At least
  /// two words must be shared (one, `hub`, names too many); nil when several ids would do.
  public static func sameWords(as id: String, in ids: some Collection<String>) -> String? {
    let words = id.split(separator: "-")
    guard words.count >= 2 else { return nil }
    func holds(_ long: [Substring], _ short: [Substring]) -> Bool {
      var rest = long[...]
      for word in short {
        guard let at = rest.firstIndex(of: word) else { return false }
        rest = rest[(at + 1)...]
      }
      return true
    }
    var found: String?
    for candidate in ids where candidate != id {
      let other = candidate.split(separator: "-")
      guard other.count >= 2, other.count != words.count,
        other.count > words.count ? holds(other, words) : holds(words, other)
      else { continue }
      guard found == nil else { return nil }
      found = candidate
    }
    return found
  }
}
