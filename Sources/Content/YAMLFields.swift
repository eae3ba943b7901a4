import ByteFormats
import Diagnostics
import Foundation
import Yams

/// Reads a YAML mapping key by key with typed accessors that record a positioned diagnostic
/// for each problem instead of stopping at the first, and knows which keys were never read so
/// it can report unknown keys with "did you mean".
struct YAMLFields {
  let file: String
  /// Line in the file where the YAML text starts, added to Yams' line numbers.
  let lineOffset: Int
  /// The text Yams read, to place its marks in lines and characters (`YAMLMark`); nil takes
  /// them as they are.
  let text: String?
  /// The repairs made to `text`, to place its characters where the writer typed them.
  let repairs: YAMLRepairs
  /// Places the marks in `text`: a list of thousands of values on one line placed each from
  /// the start took seconds.
  let placer: YAMLPlacer?
  private(set) var entries: [(key: String, keyMark: Mark?, value: Node)] = []
  /// `entries`' keys, in the same order: looked up by themselves (`index(of:)`).
  private(set) var keys: [String] = []
  /// Whether each of `entries` was asked for (`node`), by the same index: an unknown key is
  /// one never asked for. A `Set` of the keys asked for hashed each of a dozen names a page,
  /// 6 % of loading 10,000 pages.
  private(set) var usedEntries: [Bool] = []
  /// Every key asked for, present or not, in the order asked (repeats kept): the allowed keys
  /// named in the hint of an unknown one.
  private(set) var asked: [String] = []
  var diagnostics: [Diagnostic] = []
  /// Keys whose problem was already reported from the text (`YAMLComments`): not again as
  /// missing.
  var explained: Set<String> = []
  /// Where each missing required key was reported: a misspelling of it (`sumary`) is then
  /// one problem, not a missing key and an unknown one.
  var missingAt: [String: Int] = [:]
  let ownerMark: Mark?

  /// - Parameters:
  ///   - what: the mapping in messages, `the front matter`.
  ///   - whatJa: the same in Japanese, 「前付け」.
  ///   - text: the YAML text `node` was read from, repaired by `repairs`.
  init(
    node: Node?, file: String, lineOffset: Int, text: String? = nil,
    repairs: YAMLRepairs = .none, what: String, whatJa: String
  ) {
    self.init(
      node: node, file: file, lineOffset: lineOffset, text: text,
      placer: text.map(YAMLPlacer.init), repairs: repairs, what: what, whatJa: whatJa)
  }

  /// `placer`: the one of the text's top mapping, shared by every mapping read from it (a
  /// placer of its own per item re-read the whole text: 30,000 items of a 1 MB site.yml took
  /// gigabytes).
  private init(
    node: Node?, file: String, lineOffset: Int, text: String?, placer: YAMLPlacer?,
    repairs: YAMLRepairs, what: String, whatJa: String
  ) {
    self.file = file
    self.lineOffset = lineOffset
    self.text = text
    self.placer = placer
    self.repairs = repairs
    self.ownerMark = node?.mark
    guard let node else { return }
    guard case .mapping(let mapping) = node else {
      diagnostics.append(
        .error(
          location(node.mark), "\(what) must be a mapping of `key: value` lines",
          hint: "write one `key: value` per line", code: "front-matter.type"
        ).ja(
          "\(Self.beforeKana(whatJa))が、`key: value`（項目名: 値）の行になっていません",
          hint: "1行に1つずつ、`key: value` の形で書いてください"))
      return
    }
    // Sized once: growing the tables key by key was 8 of the 92 samples of this init.
    entries.reserveCapacity(mapping.count)
    var seen = KeysSeen(minimumCapacity: mapping.count)
    for (keyNode, value) in mapping {
      let key = keyNode.string ?? ""
      if let first = seen.insert(key) {
        let firstLine = location(entries[first].keyMark).line
        diagnostics.append(
          .error(
            location(keyNode.mark),
            "the key `\(key)` is given twice (first on line \(firstLine))",
            hint: "keep one of them", code: "front-matter.duplicate-key"
          ).ja(
            "項目 `\(key)` が2回書かれています（1回目は\(firstLine)行目）",
            hint: "どちらか1つだけを残してください"))
        continue
      }
      entries.append((key, keyNode.mark, value))
    }
    keys = seen.keys
    usedEntries = Array(repeating: false, count: entries.count)
    // Grown once, not from one key up: a kind asks for a dozen keys, some not written.
    asked.reserveCapacity(entries.count + 8)
  }

  /// A mapping read from a node of this one's text (`links:`' items, site.yml's `contact:`).
  init(node: Node?, in parent: YAMLFields, what: String, whatJa: String) {
    self.init(
      node: node, file: parent.file, lineOffset: parent.lineOffset, text: parent.text,
      placer: parent.placer, repairs: parent.repairs, what: what, whatJa: whatJa)
  }

  /// Where `mark` is in the writer's file: its line, and its column in characters of the line
  /// as typed.
  func location(_ mark: Mark?) -> SourceLocation {
    guard let mark else { return SourceLocation(file: file, line: max(lineOffset, 1), column: 1) }
    let place = placer?.place(mark) ?? YAMLMark(line: mark.line, column: mark.column)
    return SourceLocation(
      file: file, line: place.line + lineOffset - 1,
      column: repairs.column(place.column, onLine: place.line))
  }

  mutating func node(_ key: String) -> Node? {
    entry(key).map { entries[$0].value }
  }

  /// Where `key` is in `entries`, marked as asked for (`node`).
  private mutating func entry(_ key: String) -> Int? {
    asked.append(key)
    guard let i = index(of: key) else { return nil }
    usedEntries[i] = true
    return i
  }

  mutating func keyMark(_ key: String) -> Mark? {
    index(of: key).flatMap { entries[$0].keyMark }
  }

  /// Where `key` is in `entries`, found in `keys`: looking in `entries` copied each entry
  /// (key, mark and node) to compare its key, and retaining and releasing them was 4 % of
  /// loading 10,000 pages, each asking for a dozen keys.
  func index(of key: String) -> Int? {
    keys.firstIndex(of: key)
  }

  /// An error at `mark`, with its words in Japanese (`ja`, `jaHint`) as well.
  mutating func error(
    _ mark: Mark?, _ message: String, hint: String?, code: String, ja: String, jaHint: String?
  ) {
    diagnostics.append(
      .error(location(mark), message, hint: hint, code: code).ja(ja, hint: jaHint))
  }

  mutating func missing(_ key: String, example: String) {
    guard !explained.contains(key) else { return }
    missingAt[key] = diagnostics.count
    diagnostics.append(
      .error(
        location(ownerMark), "the required key `\(key)` is missing",
        hint: "add a line `\(key): \(example)`", code: "front-matter.missing-key"
      ).ja("必ず書く項目 `\(key)` がありません", hint: "`\(key): \(example)` の行を書き足してください"))
  }

  // MARK: typed accessors

  mutating func string(_ key: String, required: Bool = false, example: String = "…") -> String? {
    guard let index = entry(key) else {
      if required { missing(key, example: example) }
      return nil
    }
    let node = entries[index].value
    guard case .scalar(let scalar) = node, !isNull(scalar) else {
      if case .scalar = node, required, !explained.contains(key) {
        // The line is there (`title:`, `title: ~`): say so, where it is.
        error(
          keyMark(key), "`\(key)` has no value",
          hint: "write it after the colon: `\(key): \(example)`",
          code: "front-matter.empty", ja: "`\(key)` の値が書いてありません",
          jaHint: "コロンの後に値を書いてください：`\(key): \(example)`")
      } else if case .scalar = node {
      } else {
        // A list of texts (`department:` then `- 農林水産部`): the line to type is its items as
        // one text, not the example, which the writer would copy in place of their words.
        var written = example
        if case .sequence(let items) = node {
          let texts = items.compactMap { item -> String? in
            guard case .scalar(let s) = item, !isNull(s) else { return nil }
            return s.string.trimmingSpacesAndNewlines
          }
          if !texts.isEmpty, texts.count == items.count, !texts.contains(where: \.isEmpty) {
            written = texts.joined(separator: "、")
          }
        }
        error(
          node.mark, "`\(key)` must be text", hint: "write `\(key): \(written)` on one line",
          code: "front-matter.type", ja: "`\(key)` の値は、リストなどではなく文字で書きます",
          jaHint: "`\(key): \(written)` のように、1行で書いてください")
      }
      return nil
    }
    let value = Self.joiningLines(
      scalar.string.trimmingSpacesAndNewlines, style: scalar.style, wrapped: isWrapped(index, node))
    if hasControlCharacter(value, key: key, at: node.mark) { return nil }
    if value.isEmpty && required {
      error(
        node.mark, "`\(key)` is empty", hint: "write `\(key): \(example)`",
        code: "front-matter.empty", ja: "`\(key)` の値が空です",
        jaHint: "`\(key): \(example)` のように書いてください")
      return nil
    }
    return value
  }

  mutating func int(_ key: String, required: Bool = false, example: String = "1") -> (Int, Mark?)? {
    guard let node = node(key) else {
      if required { missing(key, example: example) }
      return nil
    }
    guard case .scalar(let scalar) = node, let value = Int(scalar.string.trimmingSpacesAndNewlines)
    else {
      // `capacity: 20人`: the number to write, not an example to copy and change.
      if case .scalar(let scalar) = node, let meant = Self.number(in: scalar.string) {
        // `order: 一`: the number alone, in kanji, is not what is wrong with a unit; nor is
        // `order: ２`, typed full width with the Japanese input on.
        let written = scalar.string.trimmingSpacesAndNewlines
        let kanjiAlone = written.allSatisfy(KanjiNumerals.isNumeral)
        let fullWidth = !kanjiAlone && Int(written.nfkc) != nil
        error(
          node.mark,
          kanjiAlone
            ? "`\(key)` must be a whole number in Arabic numerals"
            : fullWidth
              ? "`\(key)` must be a whole number in half-width digits"
              : "`\(key)` must be a whole number, without a unit or other words",
          hint: "write `\(key): \(meant)`", code: "front-matter.type",
          ja: kanjiAlone
            ? "`\(key)` の値は、漢数字ではなく算用数字（1、2、3）で書きます"
            : fullWidth
              ? "`\(key)` の値は、全角ではなく半角の数字で書きます"
              : "`\(key)` の値は、数だけを書きます（単位や言葉は付けません）",
          jaHint: "`\(key): \(meant)` と、半角の数字で書いてください")
        return nil
      }
      error(
        node.mark, "`\(key)` must be a whole number",
        hint: "write for example `\(key): \(example)`", code: "front-matter.type",
        ja: "`\(key)` の値が、整数（0、1、2 などの数）になっていません",
        jaHint: "たとえば `\(key): \(example)` のように、半角の数字で書いてください")
      return nil
    }
    return (value, node.mark)
  }

  mutating func bool(_ key: String) -> Bool? {
    guard let node = node(key) else { return nil }
    if case .scalar(let scalar) = node {
      switch scalar.string.lowercased() {
      case "true", "yes", "on": return true
      case "false", "no", "off": return false
      default: break
      }
    }
    // `draft: はい`, `ｔｒｕｅ`, `ture`: the value meant, in the line to type.
    let meant = node.scalar.flatMap { Self.meantBool($0.string) }.map { "`\(key): \($0)`" }
    error(
      node.mark, "`\(key)` must be true or false",
      hint: meant.map { "write \($0) (true for yes, false for no)" }
        ?? "write `\(key): true` or `\(key): false`",
      code: "front-matter.type", ja: "`\(key)` の値は、true か false のどちらかです",
      jaHint: meant.map { "\($0) と書いてください（「はい」は true、「いいえ」は false）" }
        ?? "`\(key): true` か `\(key): false` と書いてください")
    return nil
  }

  /// A list of strings; a single string is accepted as a list of one, as writers expect.
  mutating func stringList(_ key: String, required: Bool = false, example: String = "[…]") -> [(
    String, Mark?
  )]? {
    guard let node = node(key) else {
      if required { missing(key, example: example) }
      return nil
    }
    switch node {
    case .scalar(let scalar) where !isNull(scalar):
      let value = scalar.string.trimmingSpacesAndNewlines
      if Self.wordListKeys.contains(key) { oneItemWithCommas(value, key: key, at: node.mark) }
      return hasControlCharacter(value, key: key, at: node.mark) ? nil : [(value, node.mark)]
    case .sequence(let sequence):
      var values: [(String, Mark?)] = []
      for item in sequence {
        if case .scalar(let s) = item, !isNull(s) {
          let value = s.string.trimmingSpacesAndNewlines
          if !hasControlCharacter(value, key: key, at: item.mark) {
            values.append((value, item.mark))
          }
        } else {
          error(
            item.mark, "each item of `\(key)` must be text", hint: "write `\(key): \(example)`",
            code: "front-matter.type", ja: "`\(key)` に並べるものは、どれも文字で書きます",
            jaHint: "`\(key): \(example)` のように書いてください")
        }
      }
      if required && values.isEmpty {
        error(
          node.mark, "`\(key)` needs at least one item", hint: "write `\(key): \(example)`",
          code: "front-matter.empty", ja: "`\(key)` に1つも書いてありません",
          jaHint: "少なくとも1つ書いてください。例: `\(key): \(example)`")
        return nil
      }
      return values
    default:
      if let words = hashtags(key) {
        let list = "`\(key): [\(words.joined(separator: ", "))]`"
        error(
          node.mark, "`#` starts a comment in YAML: `\(key)` is empty, its words left out",
          hint: "write the words without `#`, as a list: \(list)", code: "front-matter.type",
          ja: "YAML では `#` から後ろはメモ（コメント）になるため、`\(key)` が空になっています",
          jaHint: "`#` を付けずに、リストで書いてください: \(list)")
        return nil
      }
      error(
        node.mark, "`\(key)` must be a list", hint: "write `\(key): \(example)`",
        code: "front-matter.type", ja: "`\(key)` の値が、リストになっていません",
        jaHint: "`\(key): \(example)` のように書いてください")
      return nil
    }
  }

  /// Whether `key`'s value goes on over more lines than its own: the next key starts further
  /// down. (The last key is taken as one line: a space a writer typed is kept.)
  private func isWrapped(_ i: Int, _ node: Node) -> Bool {
    guard i + 1 < entries.count,
      let line = node.mark?.line, let next = entries[i + 1].keyMark?.line
    else { return false }
    return next > line + 1
  }

  /// A value written over several lines, as one line: YAML joins a wrapped plain or folded
  /// value with spaces, and keeps a literal block's line breaks, where Japanese wants nothing
  /// between two wide characters (「一行目です。 二行目です。」 showed a space; a `title: |` put
  /// a line break into <title> and the calendar). Between other characters, one space.
  static func joiningLines(_ value: String, style: Node.Scalar.Style, wrapped: Bool) -> String {
    // On bytes: every value of every file is asked, and most are one line.
    guard value.holdsByte(0x0A) || (wrapped && (style == .plain || style == .folded)) else {
      return value
    }
    var out = String.UnicodeScalarView()
    let scalars = Array(value.unicodeScalars)
    var i = 0
    while i < scalars.count {
      let s = scalars[i]
      guard s == "\n" || (s == " " && wrapped && style != .literal) else {
        out.append(s)
        i += 1
        continue
      }
      var j = i
      while j < scalars.count, scalars[j] == "\n" || scalars[j] == " " { j += 1 }
      let before = out.last
      let after = j < scalars.count ? scalars[j] : nil
      let joinsWide = before?.isEastAsianWide == true && after?.isEastAsianWide == true
      if !joinsWide { out.append(" ") }
      i = j
    }
    return String(out)
  }

  /// Written as YAML escapes ("\0", "\r", "\e"), control characters are invisible, and a NUL
  /// or CR in a page, a feed or a calendar is not text any reader can show: an error at the
  /// value.
  private mutating func hasControlCharacter(_ value: String, key: String, at mark: Mark?) -> Bool {
    guard let bad = value.unicodeScalars.first(where: \.isInvisibleControl) else { return false }
    let code = bad.codePoint
    error(
      mark,
      "`\(key)` has an invisible control character (\(code))",
      hint: "write the text itself, without escapes such as `\\0`, `\\r` or `\\e`",
      code: "front-matter.value", ja: "`\(key)` に、目に見えない制御文字（\(code)）が入っています",
      jaHint: "`\\0`、`\\r`、`\\e` などの書き方を使わず、文字そのものを書いてください")
    return true
  }

  mutating func mappings(_ key: String) -> [YAMLFields]? {
    guard let node = node(key) else { return nil }
    guard case .sequence(let sequence) = node else {
      error(
        node.mark, "`\(key)` must be a list of mappings",
        hint: "write each item as `- { key: value }`", code: "front-matter.type",
        ja: "`\(key)` の値が、`key: value` の組を並べたリストになっていません",
        jaHint: "1つずつ `- { key: value }` の形で書いてください")
      return nil
    }
    return sequence.compactMap { item in
      // `- 農林水産省 https://www.maff.go.jp/`: a link's words and address on one line, which
      // gave three errors at one place (not a mapping, no title, no url) and no line to type.
      if key == "links", case .scalar(let scalar) = item, case let text = scalar.string,
        let split = text.range(of: "https://") ?? text.range(of: "http://")
      {
        let title = String(text[..<split.lowerBound]).trimmingSpacesAndNewlines
        let url = String(text[split.lowerBound...]).trimmingSpacesAndNewlines
        let lines = "`- title: \(title.isEmpty ? "リンクの文字" : title)` and under it `  url: \(url)`"
        error(
          item.mark, "a link of `links` is its words and its address, each on a line of its own",
          hint: "write \(lines)", code: "front-matter.type",
          ja: "`links` のリンクは、文字とアドレスを別々の行に書きます",
          jaHint: "\(lines.replacingOccurrences(of: " and under it ", with: " と、その下に ")) と書いてください")
        return nil
      }
      return YAMLFields(
        node: item, in: self, what: "each item of `\(key)`", whatJa: "`\(key)` の中の1つ")
    }
  }

  /// Each of YAML's nulls is four bytes or fewer: a longer value (nearly every one) is not
  /// compared with them.
  private func isNull(_ scalar: Node.Scalar) -> Bool {
    scalar.style == .plain && scalar.string.utf8.count <= 4
      && ["", "~", "null", "Null", "NULL"].contains(scalar.string)
  }
}
